import { describeAnswer, expect, Skip } from '../kit.js';
import type { Check } from './check.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Division {
  code: number;
  kvk?: string | null;
  vatNumber?: string | null;
  status: string;
  blockedReason: string | null;
  connectedOrganisation: unknown;
}

interface Organisation {
  id: string;
  kvk?: string | null;
  vatNumber?: string | null;
  connectionId: string | null;
  blockers: unknown[];
}

const MAX_PAGES = 50;

interface SuggestedPage extends Page<Division> {
  suggested?: { match: string; division: Division }[];
}

/** A KvK or VAT number as a backend compares it: letters and digits, upper case. */
const comparable = (value: string | null | undefined) => (value ?? '').toUpperCase().replace(/[^0-9A-Z]/g, '');

/** Every item of a paged listing (up to MAX_PAGES pages of 50). */
async function everything<T>(ask: (cursor: string | undefined) => Promise<{ status: number; json?: unknown }>, what: string): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await ask(cursor);
    expect(answer.status === 200, `${what} answered ${describeAnswer(answer as never)}`);
    const body = answer.json as Page<T>;
    all.push(...body.items);
    if (!body.nextCursor) return all;
    cursor = body.nextCursor;
  }
  return all;
}

/**
 * What is wrong with one organisation's suggestions (empty: nothing): each a division of the
 * grant, once, matching as its `match` says (KvK, else VAT), KvK matches first, and all of them
 * when there are a handful or fewer.
 */
/** The grant's divisions whose KvK or VAT number is the organisation's. */
function matchesOf(organisation: Organisation, divisions: Division[]): Division[] {
  const kvk = comparable(organisation.kvk);
  const vat = comparable(organisation.vatNumber);
  return divisions.filter((division) => (kvk !== '' && comparable(division.kvk) === kvk) || (vat !== '' && comparable(division.vatNumber) === vat));
}

function suggestionFaults(organisation: Organisation, suggested: NonNullable<SuggestedPage['suggested']>, divisions: Division[]): string[] {
  const kvk = comparable(organisation.kvk);
  const vat = comparable(organisation.vatNumber);
  const faults: string[] = [];
  const codes = suggested.map(({ division }) => division.code);
  if (new Set(codes).size !== codes.length) faults.push(`suggests an administration twice (${codes.join(', ')})`);
  for (const { match, division } of suggested) {
    const own = divisions.find((candidate) => candidate.code === division.code);
    const kvkMatch = kvk !== '' && comparable(own?.kvk) === kvk;
    const vatMatch = vat !== '' && comparable(own?.vatNumber) === vat;
    if (!own) faults.push(`suggests ${division.code}, which the grant does not list`);
    else if (match === 'kvk' ? !kvkMatch : match === 'vat' ? !vatMatch || kvkMatch : true) faults.push(`suggests ${division.code} as a ${match} match, which it is not`);
  }
  const order = suggested.map(({ match }) => match).join(',');
  if (/vat,kvk/.test(order)) faults.push(`puts a VAT match before a KvK match (${order})`);
  const expected = matchesOf(organisation, divisions);
  const missing = expected.filter((division) => !codes.includes(division.code)).map((division) => division.code);
  if (expected.length <= 5 && missing.length > 0) faults.push(`leaves out the matching ${missing.join(', ')}`);
  return faults;
}

export const listingChecks: Check[] = [
  {
    name: 'divisions: GET /authorizations/{id}/divisions pages the grant\'s administrations',
    async run(kit) {
      const grant = kit.needGrant();
      const all: Division[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const answer = await kit.backend.call('listDivisions', { session: kit.needSession(), params: { authorizationId: grant.id }, query: { cursor, limit: '3' } });
        expect(answer.status === 200, `GET /authorizations/${grant.id}/divisions answered ${describeAnswer(answer)}`);
        const body = answer.json as Page<Division>;
        all.push(...body.items);
        if (!body.nextCursor) break;
        cursor = body.nextCursor;
      }
      const codes = all.map((division) => division.code);
      expect(new Set(codes).size === codes.length, `paging by 3 listed an administration twice: ${codes.join(', ')}`);
      expect(codes.length > 0, 'the grant lists no administration');
      kit.freeDivisions = all.filter((division) => division.status === 'active' && division.blockedReason === null && division.connectedOrganisation === null).map((division) => division.code);
      return `${codes.length} administrations, ${kit.freeDivisions.length} free to connect`;
    },
  },
  {
    name: 'organisations: GET /organisations lists organisations free to connect',
    async run(kit) {
      const free: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES && free.length < 4; page += 1) {
        const answer = await kit.backend.call('listOrganisations', { session: kit.needSession(), query: { cursor, limit: '50' } });
        expect(answer.status === 200, `GET /organisations answered ${describeAnswer(answer)}`);
        const body = answer.json as Page<Organisation>;
        free.push(...body.items.filter((organisation) => organisation.blockers.length === 0 && organisation.connectionId === null && organisation.kvk).map((organisation) => organisation.id));
        if (!body.nextCursor) break;
        cursor = body.nextCursor;
      }
      kit.freeOrganisations = free;
      expect(free.length >= 2, `the platform seed offers ${free.length} organisation(s) with a KvK number, no blocker and no connection; the idempotency checks need 2`);
      return `${free.length} free to connect`;
    },
  },
  {
    name: 'suggestions: GET divisions?organisationId= suggests the administrations matching its KvK (then VAT) number, on the first page only',
    async run(kit) {
      const grant = kit.needGrant();
      const session = kit.needSession();
      const divisions = (query: Record<string, string | undefined>) => kit.backend.call('listDivisions', { session, params: { authorizationId: grant.id }, query });
      const all = await everything<Division>((cursor) => divisions({ cursor, limit: '50' }), 'GET divisions');
      const organisations = await everything<Organisation>((cursor) => kit.backend.call('listOrganisations', { session, query: { cursor, limit: '50' } }), 'GET /organisations');
      // The organisations with a match first (those are what a suggestion is for), a few of them.
      const matching = (organisation: Organisation) => matchesOf(organisation, all).length > 0;
      const tried = [...organisations.filter(matching), ...organisations.filter((organisation) => !matching(organisation))].slice(0, 4);
      let offered = 0;
      for (const organisation of tried) {
        const answer = await divisions({ organisationId: organisation.id, limit: '1' });
        expect(answer.status === 200, `GET divisions?organisationId=${organisation.id} answered ${describeAnswer(answer)}`);
        const body = answer.json as SuggestedPage;
        if (body.suggested === undefined) continue;
        offered += 1;
        const faults = suggestionFaults(organisation, body.suggested, all);
        expect(faults.length === 0, `for organisation ${organisation.id} the backend ${faults.join('; ')}`);
        for (const [what, query] of [['a next page', { cursor: body.nextCursor ?? undefined }], ['a search', { query: 'a' }]] as const) {
          if (what === 'a next page' && !body.nextCursor) continue;
          const other = (await divisions({ organisationId: organisation.id, limit: '1', ...query })).json as SuggestedPage | undefined;
          expect((other?.suggested ?? []).length === 0, `${what} with organisationId=${organisation.id} carries suggestions too: they belong to the first page of the whole list`);
        }
      }
      const stranger = await divisions({ organisationId: `conformance-${kit.runId}-no-such-organisation` });
      expect(stranger.status === 200, `GET divisions with an organisationId the account does not have answered ${describeAnswer(stranger)}, not 200 without suggestions`);
      expect(((stranger.json as SuggestedPage).suggested ?? []).length === 0, 'an organisationId the account does not have got suggestions');
      if (offered === 0) return 'no suggestions offered (optional in the contract)';
      return `${offered} of ${tried.length} organisations with suggestions, each correct`;
    },
  },
  {
    name: 'cursor: a cursor from another query answers 400 cursor_invalid',
    async run(kit) {
      const grant = kit.needGrant();
      const session = kit.needSession();
      const first = await kit.backend.call('listDivisions', { session, params: { authorizationId: grant.id }, query: { limit: '1' } });
      const cursor = (first.json as Page<Division> | undefined)?.nextCursor;
      if (first.status !== 200 || !cursor) throw new Skip(`GET divisions?limit=1 gave no nextCursor (${describeAnswer(first)})`);
      const other = await kit.backend.call('listDivisions', { session, params: { authorizationId: grant.id }, query: { limit: '1', query: 'conformance-other-query', cursor } });
      expect(other.status === 400 && other.code === 'cursor_invalid', `GET divisions with the cursor of another query answered ${describeAnswer(other)}, not 400 cursor_invalid`);
      const organisations = await kit.backend.call('listOrganisations', { session, query: { limit: '1' } });
      const orgCursor = (organisations.json as Page<Organisation> | undefined)?.nextCursor;
      if (!orgCursor) return 'divisions (organisations: a single page, no cursor to try)';
      const orgOther = await kit.backend.call('listOrganisations', { session, query: { limit: '1', query: 'conformance-other-query', cursor: orgCursor } });
      expect(orgOther.status === 400 && orgOther.code === 'cursor_invalid', `GET /organisations with the cursor of another query answered ${describeAnswer(orgOther)}, not 400 cursor_invalid`);
      return 'divisions and organisations';
    },
  },
];
