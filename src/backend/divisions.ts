import type { Division, DivisionBlock, DivisionSuggestion } from './contract.js';
import type { BackendDeps } from './deps.js';
import { exactCall, refusal, type Grant } from './exact-api.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { newId } from './ids.js';
import { ApiProblem } from './problem.js';

/** How long the granted-divisions list is trusted before Exact is asked again. */
export const DIVISIONS_MAX_AGE_MS = 5 * 60_000;

interface ExactDivision {
  Code: number;
  Description: string;
  Hid: number | string | null;
  CustomerName: string | null;
  ChamberOfCommerceNumber: string | null;
  VATNumber: string | null;
  Country: string | null;
  Status: number;
  BlockingStatus: number;
}

const fields = 'Code,Description,Hid,CustomerName,ChamberOfCommerceNumber,VATNumber,Country,Status,BlockingStatus';
const filling = new WeakMap<BackendDeps, Map<string, Promise<void>>>();

/**
 * Fills the grant's cache from `system/Divisions` (60 rows a page, following `__next`) when it is
 * missing, older than five minutes, or `force`d (after a new consent). Concurrent requests of one
 * instance share one fill. Each page is stored as it comes, and where Exact stops (its 60 calls a
 * minute end a big list's fill) the next request resumes from that page instead of starting over;
 * rows a completed fill did not see again are dropped. While a first fill is incomplete the list
 * cannot be answered (429 or 503); a refresh that stops keeps serving the previous complete list.
 */
export async function ensureDivisions(deps: BackendDeps, grant: Grant & { currentDivision: number }, force = false): Promise<void> {
  const [row] = await deps.db.query<{ divisions_fetched_at: number | null; divisions_next: string | null }>('SELECT divisions_fetched_at, divisions_next FROM authorizations WHERE id = $1', [grant.id]);
  const fetchedAt = row?.divisions_fetched_at;
  const fresh = fetchedAt !== null && fetchedAt !== undefined && deps.now() - Number(fetchedAt) < DIVISIONS_MAX_AGE_MS;
  if (!force && fresh && !row?.divisions_next) return;
  const running = filling.get(deps) ?? new Map<string, Promise<void>>();
  filling.set(deps, running);
  const existing = running.get(grant.id);
  if (existing) return existing;
  const fill = fetchAndStore(deps, grant, force).finally(() => running.delete(grant.id));
  running.set(grant.id, fill);
  return fill;
}

async function fetchAndStore(deps: BackendDeps, grant: Grant & { currentDivision: number }, force: boolean): Promise<void> {
  const [state] = await deps.db.query<{ divisions_fill: string | null; divisions_next: string | null; divisions_fetched_at: number | null }>(
    'SELECT divisions_fill, divisions_next, divisions_fetched_at FROM authorizations WHERE id = $1',
    [grant.id],
  );
  const resuming = !force && Boolean(state?.divisions_fill && state.divisions_next);
  const fill = resuming ? state!.divisions_fill! : newId('fill');
  const candidates = resuming ? [] : await entryDivisions(deps, grant);
  let next: string | undefined = resuming ? state!.divisions_next! : `${candidates.shift()}/system/Divisions?$select=${fields}`;
  let first = !resuming;
  while (next) {
    let answer;
    try {
      answer = await exactCall(deps, grant, next);
    } catch (error) {
      if (!(error instanceof ApiProblem) || (error.status !== 429 && error.status !== 503)) throw error;
      await deps.db.query('UPDATE authorizations SET divisions_fill = $2, divisions_next = $3 WHERE id = $1', [grant.id, fill, next]);
      // A complete earlier list still answers; a first fill cannot yet.
      if (state?.divisions_fetched_at !== null && state?.divisions_fetched_at !== undefined) return;
      throw error;
    }
    if (first && answer.status === 403 && answer.reason === 'NoDivisionAccess' && candidates.length > 0) {
      next = `${candidates.shift()}/system/Divisions?$select=${fields}`;
      continue;
    }
    if (!answer.ok) throw refusal(answer);
    first = false;
    const d = (answer.body as { d?: { results?: ExactDivision[]; __next?: string } } | undefined)?.d;
    if (!Array.isArray(d?.results)) throw new ApiProblem(503, 'exact_unavailable', 'Exact Online answered the divisions in an unknown shape.');
    await storePage(deps, grant.id, fill, d.results);
    next = typeof d.__next === 'string' && d.__next ? d.__next : undefined;
  }
  await deps.db.transaction(async (tx) => {
    await tx.query('DELETE FROM divisions WHERE authorization_id = $1 AND fill IS DISTINCT FROM $2', [grant.id, fill]);
    await tx.query('UPDATE authorizations SET divisions_fetched_at = $2, divisions_fill = NULL, divisions_next = NULL WHERE id = $1', [grant.id, deps.now()]);
  });
}

const columns = ['authorization_id', 'code', 'name', 'search', 'hid', 'customer_name', 'kvk', 'vat_number', 'country', 'status', 'blocking_status', 'fill'];

/** One page of Exact's divisions into the cache, each row marked with the fill that saw it. */
async function storePage(deps: BackendDeps, authorizationId: string, fill: string, page: readonly ExactDivision[]): Promise<void> {
  if (page.length === 0) return;
  const params: unknown[] = [];
  const values = page.map((division) => {
    const search = [division.Description, division.Code, division.Hid, division.CustomerName, division.ChamberOfCommerceNumber, division.VATNumber].filter((part) => part !== null && part !== undefined).join(' ').toLowerCase();
    const at = params.length;
    params.push(authorizationId, division.Code, division.Description, search, division.Hid === null ? null : String(division.Hid), division.CustomerName, division.ChamberOfCommerceNumber || null, division.VATNumber || null, division.Country || null, division.Status, division.BlockingStatus, fill);
    return `(${columns.map((_, index) => `$${at + index + 1}`).join(', ')})`;
  });
  const updates = columns.slice(2).map((column) => `${column} = EXCLUDED.${column}`).join(', ');
  await deps.db.query(`INSERT INTO divisions (${columns.join(', ')}) VALUES ${values.join(', ')} ON CONFLICT (authorization_id, code) DO UPDATE SET ${updates}`, params);
}

/**
 * The divisions to address `system/Divisions` through: Exact's `CurrentDivision` (the last one the
 * user worked in, which the consent may have left unticked), then the ones this Exact user's grants
 * reached before. A few at most: Exact blocks a key after ten errors an hour.
 */
async function entryDivisions(deps: BackendDeps, grant: Grant & { currentDivision: number }): Promise<number[]> {
  const known = await deps.db.query<{ code: number }>(
    `SELECT DISTINCT d.code FROM divisions d JOIN authorizations a ON a.id = d.authorization_id
     JOIN authorizations g ON g.id = $1 AND g.exact_user_id = a.exact_user_id AND g.region = a.region
     WHERE d.status = 1 AND d.blocking_status = 0 ORDER BY d.code LIMIT 3`,
    [grant.id],
  );
  return [...new Set([grant.currentDivision, ...known.map((row) => Number(row.code))])];
}

export interface DivisionRow {
  code: number;
  name: string;
  hid: string | null;
  customer_name: string | null;
  kvk: string | null;
  vat_number: string | null;
  country: string | null;
  status: number;
  blocking_status: number;
  organisation_id: string | null;
  organisation_name: string | null;
}

/** Why a division cannot be chosen: Exact's block first, then its Status, then no KvK for a mailbox. */
export function blockOf(row: Pick<DivisionRow, 'status' | 'blocking_status' | 'kvk'>): DivisionBlock | null {
  if (Number(row.blocking_status) !== 0) return 'blocked';
  if (Number(row.status) === 0) return 'inactive';
  if (Number(row.status) === 2) return 'archived';
  if (!row.kvk) return 'no_kvk';
  return null;
}

export const toDivision = (row: DivisionRow): Division => ({
  code: Number(row.code),
  name: row.name,
  hid: row.hid,
  customerName: row.customer_name,
  kvk: row.kvk,
  vatNumber: row.vat_number,
  country: row.country,
  status: Number(row.status) === 1 ? 'active' : Number(row.status) === 2 ? 'archived' : 'inactive',
  blockedReason: blockOf(row),
  connectedOrganisation: row.organisation_id ? { id: row.organisation_id, name: row.organisation_name ?? '' } : null,
});

type Position = [name: string, code: number];
const isPosition = (value: unknown): value is Position => Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'number';
const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;

/**
 * A page of the cached divisions matching `query` (names and numbers), in name order as a reader
 * expects it (case aside: `eLien` among the e's), with the connected organisation. The cursor keeps
 * Postgres' own lowercase name, so the next page starts exactly after it.
 */
/** The connected organisation of each division row, within the account and the grant's region. */
const connectedJoin = (account: string, region: string) =>
  `LEFT JOIN LATERAL (SELECT c.organisation_id, c.organisation_name FROM connections c WHERE c.account_id = ${account} AND c.region = ${region} AND c.division_code = m.code) c ON true`;

/** A KvK or VAT number as compared: letters and digits only, upper case (Exact keeps "NL 0012.34.567.B01" as typed). */
const comparable = (column: string) => `regexp_replace(upper(coalesce(${column}, '')), '[^0-9A-Z]', '', 'g')`;
const normalised = (value: string | null | undefined) => (value ?? '').toUpperCase().replace(/[^0-9A-Z]/g, '');

/** A first page suggests no more than this: a KvK number shared by more administrations is no guide. */
export const MAX_SUGGESTED = 10;

/**
 * The grant's administrations that match the organisation being connected: the same KvK number
 * first, then the same VAT number, each once, in name order within each. Found over the whole
 * cache, not the page, so a match among 2,000 administrations is offered before any paging.
 */
export async function suggestedDivisions(deps: BackendDeps, grant: Grant, accountId: string, organisation: { kvk: string | null; vatNumber?: string | null }): Promise<DivisionSuggestion[]> {
  const kvk = normalised(organisation.kvk);
  const vat = normalised(organisation.vatNumber);
  if (!kvk && !vat) return [];
  const rows = await deps.db.query<DivisionRow & { kvk_match: boolean } & Record<string, unknown>>(
    `SELECT * FROM (
       SELECT d.*, ($2 <> '' AND ${comparable('d.kvk')} = $2) AS kvk_match FROM divisions d
       WHERE d.authorization_id = $1 AND (($2 <> '' AND ${comparable('d.kvk')} = $2) OR ($3 <> '' AND ${comparable('d.vat_number')} = $3))
     ) m
     ${connectedJoin('$4', '$5')}
     ORDER BY m.kvk_match DESC, lower(m.name), m.code LIMIT $6`,
    [grant.id, kvk, vat, accountId, grant.region, MAX_SUGGESTED],
  );
  return rows.map((row) => ({ match: row.kvk_match ? 'kvk' : 'vat', division: toDivision(row) }));
}

export async function searchDivisions(deps: BackendDeps, grant: Grant, accountId: string, query: string, cursor: string | undefined, limit: number) {
  const scope = `divisions|${grant.id}|${query}`;
  const after = decodeCursor(cursor, scope, isPosition);
  const filter = `d.authorization_id = $1 AND ($2 = '' OR d.search LIKE $3 ESCAPE '\\')`;
  const base = [grant.id, query, likePattern(query)];
  // One pass: the matches in order after the cursor, and (from the window) how many match in all.
  const rows = await deps.db.query<DivisionRow & { total: number; sort_name: string } & Record<string, unknown>>(
    `SELECT * FROM (
       SELECT d.*, lower(d.name) AS sort_name, count(*) OVER () AS total FROM divisions d WHERE ${filter}
     ) m
     ${connectedJoin('$4', '$5')}
     WHERE ($6::text IS NULL OR m.sort_name > $6 OR (m.sort_name = $6 AND m.code > $7))
     ORDER BY m.sort_name, m.code LIMIT $8`,
    [...base, accountId, grant.region, after?.[0] ?? null, after?.[1] ?? 0, limit + 1],
  );
  const count = rows[0] ? { total: Number(rows[0].total) } : (await deps.db.query<{ total: number }>(`SELECT count(*)::integer AS total FROM divisions d WHERE ${filter}`, base))[0];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toDivision),
    nextCursor: rows.length > limit && last ? encodeCursor(scope, [last.sort_name, Number(last.code)]) : null,
    total: Number(count?.total ?? 0),
  };
}
