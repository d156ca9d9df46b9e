import { Hono } from 'hono';
import { checkCreateRedeliveryRequest } from '../../api/schema-checks.generated.js';
import type { BlockerCode, Organisation } from '../contract.js';
import { decodeCursor, encodeCursor, pageLimit, searchQuery } from '../cursor.js';
import type { BackendDeps } from '../deps.js';
import { idempotencyKey, idempotent } from '../idempotency.js';
import { newId } from '../ids.js';
import type { PlatformOrganisation } from '../platform-seed.js';
import { ApiProblem, json } from '../problem.js';
import { jsonBody, requireAutopilot, type AppEnv } from '../session.js';

const isOffset = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

const validDate = (text: string | undefined): string => {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) throw new ApiProblem(400, 'invalid_request', 'from is a date: YYYY-MM-DD.');
  return text;
};

/** The organisations of the account, and the redeliveries of their Postvak In documents. */
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
const sorted = new WeakMap<readonly PlatformOrganisation[], PlatformOrganisation[]>();

/** The organisations by name, as a user scans a list (sorted once per seed, not per request). */
function byName(organisations: readonly PlatformOrganisation[]): PlatformOrganisation[] {
  let list = sorted.get(organisations);
  if (!list) {
    list = [...organisations].sort((a, b) => collator.compare(a.name, b.name));
    sorted.set(organisations, list);
  }
  return list;
}

export function organisationRoutes(deps: BackendDeps) {
  const organisationOf = (accountId: string, id: string): PlatformOrganisation => {
    const organisation = deps.seed.organisations.find((candidate) => candidate.accountId === accountId && candidate.id === id);
    if (!organisation) throw new ApiProblem(404, 'not_found', 'No such organisation.');
    return organisation;
  };
  const documentsSince = (organisation: PlatformOrganisation, from: string) => organisation.documentDates.filter((day) => day >= from).length;

  return new Hono<AppEnv>()
    .get('/organisations', async (c) => {
      const account = requireAutopilot(c);
      const query = searchQuery(c.req.query('query'));
      const limit = pageLimit(c.req.query('limit'));
      const offset = decodeCursor(c.req.query('cursor'), `organisations|${query}`, isOffset) ?? 0;
      const connected = new Map(
        (await deps.db.query<{ organisation_id: string; id: string }>('SELECT organisation_id, id FROM connections WHERE account_id = $1', [account.id])).map((row) => [row.organisation_id, row.id]),
      );
      const matches = byName(deps.seed.organisations).filter(
        (organisation) => organisation.accountId === account.id && (query === '' || `${organisation.name} ${organisation.kvk ?? ''}`.toLowerCase().includes(query)),
      );
      const items: Organisation[] = matches.slice(offset, offset + limit).map((organisation) => {
        const blockers: BlockerCode[] = [...organisation.blockers, ...(organisation.kvk ? [] : (['no_kvk'] as const))];
        return { id: organisation.id, name: organisation.name, kvk: organisation.kvk, vatNumber: organisation.vatNumber ?? null, country: organisation.country, connectionId: connected.get(organisation.id) ?? null, blockers: blockers.map((code) => ({ code })) };
      });
      const more = offset + limit < matches.length;
      return json(200, { items, nextCursor: more ? encodeCursor(`organisations|${query}`, offset + limit) : null, total: matches.length });
    })
    .get('/organisations/:organisationId/redeliveries/preview', (c) => {
      const account = requireAutopilot(c);
      const organisation = organisationOf(account.id, c.req.param('organisationId'));
      const from = validDate(c.req.query('from'));
      return json(200, { from, documentCount: documentsSince(organisation, from) });
    })
    .post('/organisations/:organisationId/redeliveries', async (c) => {
      const account = requireAutopilot(c);
      const key = idempotencyKey(c.req.header('Idempotency-Key'));
      const organisation = organisationOf(account.id, c.req.param('organisationId'));
      const body = await jsonBody(c, checkCreateRedeliveryRequest);
      const from = validDate(body.from as string);
      return idempotent(deps, { accountId: account.id, scope: `redeliveries|${organisation.id}`, key, body }, async () => {
        const redelivery = { id: newId('red'), from, documentCount: documentsSince(organisation, from) };
        // Here the platform would offer the documents to the Autopilot again; the row records that it did, once.
        await deps.db.query('INSERT INTO redeliveries (id, account_id, organisation_id, from_date, document_count, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          redelivery.id,
          account.id,
          organisation.id,
          from,
          redelivery.documentCount,
          deps.now(),
        ]);
        return { status: 202, body: redelivery };
      });
    });
}
