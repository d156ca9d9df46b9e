import { Hono } from 'hono';
import { checkCreateConnectionRequest, checkReauthorizeConnectionRequest } from '../../api/schema-checks.generated.js';
import { findAuthorization, requireAuthorized } from '../authorization-store.js';
import { findConnection, listConnections, toConnection, type ConnectionRow } from '../connection-store.js';
import type { ConnectionStatus } from '../contract.js';
import { isUniqueViolation } from '../db/adapter.js';
import type { BackendDeps } from '../deps.js';
import { blockOf, ensureDivisions, type DivisionRow } from '../divisions.js';
import { exactCall, type Grant } from '../exact-api.js';
import { GrantUnusable } from '../grants.js';
import { idempotencyKey, idempotent } from '../idempotency.js';
import { newId } from '../ids.js';
import { createMailbox, endMailbox } from '../mailbox.js';
import { ApiProblem, json } from '../problem.js';
import { jsonBody, requireAutopilot, type AppEnv } from '../session.js';

const divisionProblems = {
  blocked: new ApiProblem(422, 'division_blocked', 'The administration is blocked in Exact Online.'),
  inactive: new ApiProblem(422, 'division_unavailable', 'The administration is inactive in Exact Online.'),
  archived: new ApiProblem(422, 'division_unavailable', 'The administration is archived in Exact Online.'),
  no_kvk: new ApiProblem(422, 'division_unavailable', 'The administration has no KvK number in Exact Online, so it cannot have a Digitale Brievenbus.'),
} as const;

/** The granted division from the grant's cache (asked again of Exact when it is not there), or the 422 why not. */
async function grantedDivision(deps: BackendDeps, grant: Grant & { current_division: number }, code: number): Promise<DivisionRow> {
  const find = async () => (await deps.db.query<DivisionRow & Record<string, unknown>>('SELECT * FROM divisions WHERE authorization_id = $1 AND code = $2', [grant.id, code]))[0];
  await ensureDivisions(deps, { id: grant.id, region: grant.region, currentDivision: grant.current_division });
  let division = await find();
  if (!division) {
    await ensureDivisions(deps, { id: grant.id, region: grant.region, currentDivision: grant.current_division }, true);
    division = await find();
  }
  if (!division) throw new ApiProblem(422, 'division_not_granted', 'This Exact Online login was not granted the administration: tick it on the consent page.');
  const block = blockOf(division);
  if (block) throw divisionProblems[block];
  return division;
}

/**
 * The health Exact reports now: the grant (refreshed when needed), the administration and the
 * mailbox. Exact being unreachable is not a verdict: the stored health stands.
 */
async function checkHealth(deps: BackendDeps, row: ConnectionRow): Promise<ConnectionStatus> {
  const grant = { id: row.authorization_id, region: row.region };
  const code = Number(row.division_code);
  try {
    const answer = row.mailbox_id
      ? await exactCall(deps, grant, `${code}/mailbox/Mailboxes(guid'${row.mailbox_id}')?$select=ID,ForDivision`)
      : await exactCall(deps, grant, `${code}/system/Divisions?$filter=${encodeURIComponent(`Code eq ${code}`)}&$select=Code,Status`);
    if (answer.status === 403 && answer.reason) return 'division_unavailable';
    if (answer.status === 404 && row.mailbox_id) return 'mailbox_problem';
    if (answer.ok) return 'active';
    return row.status;
  } catch (error) {
    if (error instanceof GrantUnusable) return 'needs_login';
    if (error instanceof ApiProblem && error.status === 503) return row.status;
    throw error;
  }
}

/** Connections: create (idempotent, with the Digitale Brievenbus), read with a health check, re-point, delete. */
export function connectionRoutes(deps: BackendDeps) {
  const loaded = async (accountId: string, id: string) => {
    const row = await findConnection(deps.db, accountId, id);
    if (!row) throw new ApiProblem(404, 'not_found', 'No such connection (any more).');
    return row;
  };

  return new Hono<AppEnv>()
    .get('/connections', async (c) => json(200, { items: await listConnections(deps.db, requireAutopilot(c).id, deps.seed) }))
    .post('/connections', async (c) => {
      const account = requireAutopilot(c);
      const key = idempotencyKey(c.req.header('Idempotency-Key'));
      const body = await jsonBody(c, checkCreateConnectionRequest);
      return idempotent(deps, { accountId: account.id, scope: 'connections', key, body }, async () => {
        const organisation = deps.seed.organisations.find((candidate) => candidate.accountId === account.id && candidate.id === body.organisationId);
        if (!organisation) throw new ApiProblem(404, 'not_found', 'No such organisation.');
        if (organisation.blockers.length > 0) throw new ApiProblem(422, 'organisation_blocked', `The organisation cannot be connected (${organisation.blockers.join(', ')}).`);
        if (!organisation.kvk) throw new ApiProblem(422, 'organisation_without_kvk', 'Without a KvK number the organisation cannot get a Digitale Brievenbus.');
        const [already] = await deps.db.query('SELECT id FROM connections WHERE account_id = $1 AND organisation_id = $2', [account.id, organisation.id]);
        if (already) throw new ApiProblem(422, 'organisation_already_connected', 'The organisation already has a connection.');
        const grant = requireAuthorized(await findAuthorization(deps, account.id, body.authorizationId as string));
        const divisionCode = body.divisionCode as number;
        let division: DivisionRow;
        try {
          division = await grantedDivision(deps, grant, divisionCode);
        } catch (error) {
          if (error instanceof GrantUnusable) throw new ApiProblem(422, 'authorization_expired', 'This Exact Online login has expired: log in again.');
          throw error;
        }
        const [taken] = await deps.db.query('SELECT id FROM connections WHERE account_id = $1 AND region = $2 AND division_code = $3', [account.id, grant.region, divisionCode]);
        if (taken) throw new ApiProblem(422, 'division_already_connected', 'The administration is already connected to another organisation.');
        let mailbox: { id: string; address: string } | null = null;
        if (body.bookingFlow === 'simple') {
          try {
            mailbox = await createMailbox(deps, grant, divisionCode, organisation.kvk);
          } catch (error) {
            if (error instanceof GrantUnusable) throw new ApiProblem(422, 'authorization_expired', 'This Exact Online login has expired: log in again.');
            throw error;
          }
        }
        const id = newId('con');
        try {
          await deps.db.query(
            `INSERT INTO connections (id, account_id, organisation_id, organisation_name, division_code, division_name, booking_flow, region, authorization_id, status, mailbox, mailbox_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', $10, $11, $12)`,
            [id, account.id, organisation.id, organisation.name, divisionCode, division.name, body.bookingFlow, grant.region, grant.id, mailbox?.address ?? null, mailbox?.id ?? null, deps.now()],
          );
        } catch (error) {
          // Another key got there first (two tabs): the unique indexes keep one connection per organisation and division.
          if (isUniqueViolation(error)) throw new ApiProblem(422, 'organisation_already_connected', 'The organisation or the administration was connected meanwhile.');
          throw error;
        }
        deps.log(`connection ${id}: ${organisation.id} to division ${divisionCode} (${grant.region})`);
        return { status: 201, body: toConnection((await findConnection(deps.db, account.id, id))!, deps.seed) };
      });
    })
    .get('/connections/:connectionId', async (c) => {
      const account = requireAutopilot(c);
      const row = await loaded(account.id, c.req.param('connectionId'));
      const status = await checkHealth(deps, row);
      if (status !== row.status) await deps.db.query('UPDATE connections SET status = $2 WHERE id = $1', [row.id, status]);
      return json(200, toConnection({ ...row, status }, deps.seed));
    })
    .put('/connections/:connectionId/authorization', async (c) => {
      const account = requireAutopilot(c);
      const row = await loaded(account.id, c.req.param('connectionId'));
      const body = await jsonBody(c, checkReauthorizeConnectionRequest);
      const grant = requireAuthorized(await findAuthorization(deps, account.id, body.authorizationId as string));
      if (grant.region !== row.region) throw new ApiProblem(422, 'division_not_granted', `This login is on the ${grant.region} host; the administration is on ${row.region}.`);
      try {
        await grantedDivision(deps, grant, Number(row.division_code));
      } catch (error) {
        if (error instanceof GrantUnusable) throw new ApiProblem(422, 'authorization_expired', 'This Exact Online login has expired: log in again.');
        throw error;
      }
      await deps.db.query("UPDATE connections SET authorization_id = $2, status = 'active' WHERE id = $1", [row.id, grant.id]);
      const moved = (await findConnection(deps.db, account.id, row.id))!;
      const status = await checkHealth(deps, moved);
      if (status !== moved.status) await deps.db.query('UPDATE connections SET status = $2 WHERE id = $1', [row.id, status]);
      return json(200, toConnection({ ...moved, status }, deps.seed));
    })
    .delete('/connections/:connectionId', async (c) => {
      const account = requireAutopilot(c);
      const row = await loaded(account.id, c.req.param('connectionId'));
      if (row.mailbox_id) {
        try {
          await endMailbox(deps, { id: row.authorization_id, region: row.region }, Number(row.division_code), row.mailbox_id);
        } catch (error) {
          // Without a grant the mailbox cannot be ended; the connection goes anyway, and the log says what is left.
          if (!(error instanceof GrantUnusable) && !(error instanceof ApiProblem && error.status === 422)) throw error;
          deps.log(`connection ${row.id}: its mailbox ${row.mailbox ?? ''} could not be ended in Exact Online (no usable grant or access)`);
        }
      }
      await deps.db.query('DELETE FROM connections WHERE id = $1', [row.id]);
      return new Response(null, { status: 204 });
    });
}
