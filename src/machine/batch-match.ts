import type { Division, Organisation } from '../api/types.js';

/**
 * The batch's matching: for each organisation the administration the element proposes, by the
 * strongest evidence there is — the same KvK number, else the same VAT number, else (clearly
 * weaker) the same name once legal forms and punctuation are set aside — or none. A proposal is
 * never a choice: the user ticks each row. Pure, and linear: the divisions are indexed once
 * (three Maps), and every re-match after a change is one pass over the organisations.
 */

export type BatchMatch = 'kvk' | 'vat' | 'name';

/** One connectable organisation's row: what is proposed or chosen for it. */
export interface BatchProposal {
  organisation: Organisation;
  division: Division | null;
  /** Why: the element's suggestion (kvk strongest, name weakest), `chosen` by the user, or null: nothing. */
  match: BatchMatch | 'chosen' | null;
}

/** Why an organisation is not in the table: it has its connection, or something blocks it. */
export type BatchUnconnectableReason = 'connected' | 'blocked';

export interface BatchMatching {
  /** The connectable organisations, in the order given. */
  rows: BatchProposal[];
  unconnectable: Array<{ organisation: Organisation; reason: BatchUnconnectableReason }>;
  /** Administration codes proposed or chosen for more than one row: shown on every row that has one. */
  conflicts: ReadonlySet<number>;
}

export interface DivisionIndex {
  byKvk: ReadonlyMap<string, Division[]>;
  byVat: ReadonlyMap<string, Division[]>;
  byName: ReadonlyMap<string, Division[]>;
}

/** A KvK number as digits only ("KvK 1234 5678" is 12345678). */
export const normaliseKvk = (kvk: string | null | undefined): string => (kvk ?? '').replace(/\D/g, '');

/** A VAT number without spaces, dots or dashes, upper case ("nl 8012.34.567.b01" is NL801234567B01). */
export const normaliseVat = (vat: string | null | undefined): string => (vat ?? '').replace(/[\s.\-]/g, '').toUpperCase();

/** Legal forms and their spellings: "Bakkerij De Korst B.V." and "Bakkerij de Korst" are one name. */
const LEGAL_FORMS = new Set(['bv', 'nv', 'vof', 'cv', 'bvba', 'sprl', 'gmbh', 'ltd', 'sa', 'sarl', 'eenmanszaak', 'en', 'zn', 'zonen', 'co']);

/**
 * A name reduced to its words: lower case, without diacritics, punctuation and legal forms.
 * Dots go first, so "B.V." is the word "bv" and recognised as a legal form.
 */
export function normaliseName(name: string | null | undefined): string {
  const text = name ?? '';
  // Decomposing is the costly part, and most names are plain ASCII: 2,000 of them index in half the time.
  return (/[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text)
    .toLowerCase()
    .replace(/\./g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !LEGAL_FORMS.has(word))
    .join(' ');
}

/** Only an administration that can be chosen is ever proposed. */
const choosable = (division: Division) => division.blockedReason === null && division.connectedOrganisation === null;

const add = (map: Map<string, Division[]>, key: string, division: Division) => {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(division);
  else map.set(key, [division]);
};

/** The grant's choosable administrations by KvK, VAT number and name: built once per list. */
export function indexDivisions(divisions: readonly Division[]): DivisionIndex {
  const byKvk = new Map<string, Division[]>();
  const byVat = new Map<string, Division[]>();
  const byName = new Map<string, Division[]>();
  for (const division of divisions) {
    if (!choosable(division)) continue;
    add(byKvk, normaliseKvk(division.kvk), division);
    add(byVat, normaliseVat(division.vatNumber), division);
    const name = normaliseName(division.name);
    add(byName, name, division);
    // Often the same text as the name (Exact fills it so): normalised only when it differs.
    const customer = division.customerName && division.customerName !== division.name ? normaliseName(division.customerName) : '';
    if (customer && customer !== name) add(byName, customer, division);
  }
  return { byKvk, byVat, byName };
}

/**
 * The first candidate not yet proposed to an earlier row, else the first: two organisations with
 * the same KvK number (or two administrations with one) then show as a conflict the user settles,
 * rather than a silent guess.
 */
const pick = (candidates: Division[] | undefined, taken: ReadonlySet<number>): Division | null =>
  candidates?.find((division) => !taken.has(division.code)) ?? candidates?.[0] ?? null;

function suggest(organisation: Organisation, index: DivisionIndex, taken: ReadonlySet<number>): Pick<BatchProposal, 'division' | 'match'> {
  const kvk = pick(index.byKvk.get(normaliseKvk(organisation.kvk)), taken);
  if (kvk) return { division: kvk, match: 'kvk' };
  const vat = pick(index.byVat.get(normaliseVat(organisation.vatNumber)), taken);
  if (vat) return { division: vat, match: 'vat' };
  const name = pick(index.byName.get(normaliseName(organisation.name)), taken);
  if (name) return { division: name, match: 'name' };
  return { division: null, match: null };
}

/** Administration codes that more than one row has. */
export function conflictsOf(rows: readonly BatchProposal[]): ReadonlySet<number> {
  const seen = new Set<number>();
  const twice = new Set<number>();
  for (const { division } of rows) {
    if (!division) continue;
    if (seen.has(division.code)) twice.add(division.code);
    seen.add(division.code);
  }
  return twice;
}

/**
 * Every organisation's row. `choices` are the user's own (an administration, or null for none)
 * and win over a suggestion; a suggestion avoids what the user chose elsewhere and what an
 * earlier row was proposed, where it has another candidate as strong.
 */
export function matchBatch(organisations: readonly Organisation[], index: DivisionIndex, choices: ReadonlyMap<string, Division | null>): BatchMatching {
  const unconnectable: BatchMatching['unconnectable'] = [];
  const connectable: Organisation[] = [];
  for (const organisation of organisations) {
    if (organisation.connectionId !== null) unconnectable.push({ organisation, reason: 'connected' });
    else if (organisation.blockers.length > 0) unconnectable.push({ organisation, reason: 'blocked' });
    else connectable.push(organisation);
  }
  const taken = new Set<number>();
  for (const chosen of choices.values()) if (chosen) taken.add(chosen.code);
  const rows = connectable.map((organisation): BatchProposal => {
    if (choices.has(organisation.id)) {
      const division = choices.get(organisation.id) ?? null;
      return { organisation, division, match: division ? 'chosen' : null };
    }
    const proposal = suggest(organisation, index, taken);
    if (proposal.division) taken.add(proposal.division.code);
    return { organisation, ...proposal };
  });
  return { rows, unconnectable, conflicts: conflictsOf(rows) };
}
