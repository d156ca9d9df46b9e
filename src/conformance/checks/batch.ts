import type { BackendAnswer } from '../backend-client.js';
import type { SimulatorUser } from '../exact-control.js';
import { describeAnswer, expect, Failure, Skip, type Kit, type Login } from '../kit.js';
import type { Check } from './check.js';

/** The rows a batch connects: three, each with a role (plain, a mailbox refused then lifted, Exact's 429 waited out). */
const ROWS = 3;
const MAX_PAGES = 50;
/** A backend that holds back after Exact's 429 may ask this long; the kit waits it out once, as the element does. */
const LONGEST_WAIT_S = 65;

interface Pair {
  organisationId: string;
  divisionCode: number;
}

interface Made extends Pair {
  key: string;
  id: string;
}

/** Refusals that say the organisation (not the request) cannot be connected in this seed: the next one is tried. */
const organisationUnusable = new Set(['mailbox_linked_elsewhere', 'organisation_blocked', 'organisation_without_kvk', 'organisation_already_connected']);
/** Refusals that say the same of the administration. */
const divisionUnusable = new Set(['division_already_connected', 'division_blocked', 'division_unavailable', 'no_division_access', 'division_not_granted']);

const connectionId = (answer: BackendAnswer) => (answer.json as { id?: string } | undefined)?.id ?? '';

/** The Exact user with administrations of its own for the batch: the one asked for, else the nl user (not the kit's) with the most. */
async function batchUser(kit: Kit): Promise<SimulatorUser | null> {
  const users = await kit.exact.users();
  if (kit.options.batchExactUser) {
    const named = users.find((user) => user.username === kit.options.batchExactUser && user.region === 'nl');
    expect(named, `the simulator has no Exact user ${kit.options.batchExactUser} on the nl host`);
    return named;
  }
  const others = users.filter((user) => user.region === 'nl' && user.username !== kit.user?.username && user.divisions >= ROWS + 2 && user.divisions <= 1000);
  return others.sort((a, b) => b.divisions - a.divisions)[0] ?? null;
}

/** A login of `user` (forceLogin: the kit's browser has the kit's Exact user's session), consenting to everything. */
async function logInAs(kit: Kit, user: SimulatorUser): Promise<Login> {
  const { answer, login } = await kit.startLogin({ forceLogin: true });
  expect(login, `POST /authorizations answered ${describeAnswer(answer)}`);
  login.walk = await kit.browser.walk(login.authorizeUrl.href, user, 'allow');
  login.callback = await kit.backend.callback(login.walk.redirect, kit.session);
  const status = (await kit.authorization(login.id)).json as { status?: string } | undefined;
  expect(status?.status === 'authorized', `the login of ${user.username} for the batch is ${status?.status ?? 'unknown'}, not authorized`);
  return login;
}

async function freeDivisions(kit: Kit, grant: Login): Promise<number[]> {
  const free: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await kit.backend.call('listDivisions', { session: kit.needSession(), params: { authorizationId: grant.id }, query: { cursor, limit: '200' } });
    expect(answer.status === 200, `GET /authorizations/${grant.id}/divisions?limit=200 answered ${describeAnswer(answer)}`);
    const body = answer.json as { items: { code: number; status: string; blockedReason: string | null; connectedOrganisation: unknown }[]; nextCursor: string | null };
    free.push(...body.items.filter((division) => division.status === 'active' && division.blockedReason === null && division.connectedOrganisation === null).map((division) => division.code));
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  return free;
}

async function allOrganisations(kit: Kit): Promise<{ id: string; kvk?: string | null; connectionId: string | null; blockers: unknown[] }[]> {
  const all = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await kit.backend.call('listOrganisations', { session: kit.needSession(), query: { cursor, limit: '200' } });
    expect(answer.status === 200, `GET /organisations answered ${describeAnswer(answer)}`);
    const body = answer.json as { items: { id: string; kvk?: string | null; connectionId: string | null; blockers: unknown[] }[]; nextCursor: string | null };
    all.push(...body.items);
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  return all;
}

/**
 * The batch as the element's `Alles koppelen` sends it: one POST /connections per row, one at a
 * time, each with its own key. Each row's `role` runs its request (and whatever it puts in the way)
 * and answers the last answer; a pair the seed cannot connect is put aside and the next one tried.
 */
class Batch {
  readonly made: Made[] = [];
  readonly passedOver: string[] = [];
  private attempt = 0;

  constructor(
    private readonly kit: Kit,
    private readonly grant: Login,
    private readonly organisations: string[],
    private readonly divisions: number[],
  ) {}

  body({ organisationId, divisionCode }: Pair) {
    return { organisationId, divisionCode, authorizationId: this.grant.id, bookingFlow: 'simple' as const };
  }

  post(key: string, pair: Pair): Promise<BackendAnswer> {
    return this.kit.backend.call('createConnection', { session: this.kit.needSession(), headers: { 'Idempotency-Key': key }, body: this.body(pair) });
  }

  async row(what: string, role: (pair: Pair, key: string) => Promise<BackendAnswer>): Promise<Made> {
    while (this.organisations.length > 0 && this.divisions.length > 0) {
      const pair = { organisationId: this.organisations[0]!, divisionCode: this.divisions[0]! };
      const key = this.kit.key(`batch-${(this.attempt += 1)}`);
      const answer = await role(pair, key);
      const code = answer.status === 422 || answer.status === 403 ? (answer.code ?? '') : '';
      if (organisationUnusable.has(code) || divisionUnusable.has(code)) {
        this.passedOver.push(`${pair.organisationId} × ${pair.divisionCode}: ${describeAnswer(answer)}`);
        (organisationUnusable.has(code) ? this.organisations : this.divisions).shift();
        continue;
      }
      expect(answer.status === 201, `${what}: POST /connections for ${pair.organisationId} × ${pair.divisionCode} answered ${describeAnswer(answer)}, not 201`);
      this.organisations.shift();
      this.divisions.shift();
      const made = { ...pair, key, id: connectionId(answer) };
      this.made.push(made);
      return made;
    }
    throw new Failure(`${what}: no free organisation × administration left to connect${this.passedOver.length ? ` (not connectable here: ${this.passedOver.join('; ')})` : ''}`);
  }
}

export const batchChecks: Check[] = [
  {
    name: 'batch: rows connected one at a time with their own keys; a refused mailbox and Exact\'s 429 fail the row, not its key; replays 200; one connection per organisation',
    async run(kit) {
      kit.needGrant();
      const user = await batchUser(kit);
      const grant = user ? await logInAs(kit, user) : kit.needGrant();
      const divisions = await freeDivisions(kit, grant);
      const organisations = (await allOrganisations(kit)).filter((organisation) => organisation.blockers.length === 0 && organisation.connectionId === null && organisation.kvk).map((organisation) => organisation.id);
      if (divisions.length < ROWS || organisations.length < ROWS) {
        throw new Skip(`needs ${ROWS} free organisations and administrations, found ${organisations.length} and ${divisions.length}${user ? ` (Exact user ${user.username})` : ''}`);
      }
      const batch = new Batch(kit, grant, organisations, divisions);

      await batch.row('the first row', (pair, key) => batch.post(key, pair));

      let refusedWith = '';
      await batch.row('the row whose mailbox Exact refused, once lifted', async (pair, key) => {
        await kit.exact.fault({ kind: 'mailboxRefused', division: pair.divisionCode, failure: 'forbidden' });
        const refused = await batch.post(key, pair);
        await kit.exact.liftDivisionFaults(pair.divisionCode);
        refusedWith = describeAnswer(refused);
        expect(refused.status === 422 && refused.code === 'mailbox_forbidden', `with no mailbox rights in Exact for administration ${pair.divisionCode}, POST /connections answered ${refusedWith}, not 422 mailbox_forbidden`);
        const again = await batch.post(key, pair);
        const kept = again.status === 200 || (again.status === refused.status && again.code === refused.code);
        expect(!kept, `after the refusal was lifted in Exact, the same key answered ${describeAnswer(again)} again: the backend kept the failed request under its key (a failure must not be kept, so the row can be retried with it)`);
        return again;
      });

      let retryAfter = '';
      await batch.row("the row that met Exact's 429, after the wait", async (pair, key) => {
        await kit.exact.fault({ kind: 'rateLimitExhausted', window: 'minutely', withoutHeaders: true });
        const limited = await batch.post(key, pair);
        const unmet = await kit.exact.pendingFaults();
        // The simulator's minute is used up now; the next one starts fresh.
        await kit.exact.advanceClock(61_000);
        expect(unmet.length === 0, 'POST /connections did not call Exact Online, though it must create the Digitale Brievenbus there');
        retryAfter = limited.headers.get('retry-after') ?? '';
        expect(limited.status === 429 && limited.code === 'rate_limited', `Exact's 429 during POST /connections became ${describeAnswer(limited)}, not 429 rate_limited`);
        expect(Number(retryAfter) >= 1, `Exact's 429 during POST /connections was passed on with Retry-After "${retryAfter}", not a number of seconds of 1 or more`);
        let again = await batch.post(key, pair);
        const wait = Number(again.headers.get('retry-after'));
        if (again.status === 429 && wait >= 0 && wait <= LONGEST_WAIT_S) {
          await new Promise((resolve) => setTimeout(resolve, wait * 1000));
          again = await batch.post(key, pair);
        }
        return again;
      });

      for (const row of batch.made) {
        const replay = await batch.post(row.key, row);
        expect(replay.status === 200, `the replay of ${row.organisationId}'s key answered ${describeAnswer(replay)}, not 200`);
        expect(connectionId(replay) === row.id, `the replay of ${row.organisationId}'s key answered connection ${connectionId(replay)}, not ${row.id}: a second connection for one row`);
      }
      const [first] = batch.made;
      const other = divisions.find((code) => !batch.made.some((row) => row.divisionCode === code));
      if (first && other !== undefined) {
        const twice = await batch.post(kit.key('batch-again'), { organisationId: first.organisationId, divisionCode: other });
        expect(twice.status === 422 && twice.code === 'organisation_already_connected', `a new key for the connected organisation ${first.organisationId} answered ${describeAnswer(twice)}, not 422 organisation_already_connected`);
      }

      const listed = await kit.backend.call('listConnections', { session: kit.needSession() });
      expect(listed.status === 200, `GET /connections answered ${describeAnswer(listed)}`);
      const items = (listed.json as { items: { id: string; organisation: { id: string } }[] }).items;
      for (const row of batch.made) {
        const forOrganisation = items.filter((item) => item.organisation.id === row.organisationId);
        expect(forOrganisation.length === 1 && forOrganisation[0]!.id === row.id, `GET /connections lists ${forOrganisation.length} connection(s) for ${row.organisationId} (${forOrganisation.map((item) => item.id).join(', ')}), not just ${row.id}`);
      }
      const seen = items.map((item) => item.organisation.id);
      const twice = seen.filter((id, index) => seen.indexOf(id) !== index);
      expect(twice.length === 0, `GET /connections lists organisation(s) ${[...new Set(twice)].join(', ')} more than once`);
      return `${batch.made.length} connections${user ? ` of ${user.username}` : ''}; the refused mailbox ${refusedWith}, then 201 with the same key; Exact's 429 as Retry-After: ${retryAfter}, then 201${batch.passedOver.length ? ` (not connectable here: ${batch.passedOver.join('; ')})` : ''}`;
    },
  },
];
