import { Backend, type BackendAnswer } from './backend-client.js';
import { CookieJar } from './cookie-jar.js';
import { ExactBrowser, type Decision, type ExactWalk } from './exact-browser.js';
import { ExactControl, type SimulatorUser } from './exact-control.js';
import { Recorder } from './recorder.js';

export interface KitOptions {
  /** The backend's contract base, e.g. `http://127.0.0.1:8080/api`. */
  api: string;
  /** The Exact simulator's origin (its country hosts are `${exact}/nl`, …). */
  exact: string;
  /** A page origin the backend allows (CORS, returnOrigin); default: the API's own origin. */
  origin?: string;
  /** `econnect_session=…` of a platform user, and of a second user of the same account. */
  cookie?: string;
  cookie2?: string;
  /** Ask the backend's `/_dev/` endpoints for two sessions of one account instead. */
  devSessions?: boolean;
  /** The seeded Exact user to log in as (default jan@…, else the first user on the nl host). */
  exactUser?: string;
  /**
   * The Exact user the batch check logs in as, for administrations of its own (default: the nl user
   * other than `exactUser` with the most administrations, up to 1,000).
   */
  batchExactUser?: string;
}

/** A check that cannot run because an earlier one did not give it what it needs. */
export class Skip extends Error {}

/** A check's failure, with the specific reason printed on its line. */
export class Failure extends Error {}

export function expect(condition: unknown, reason: string): asserts condition {
  if (!condition) throw new Failure(reason);
}

export const describeAnswer = (answer: BackendAnswer): string =>
  answer.status >= 400 ? `${answer.status} ${answer.code ?? 'without a problem code'}${(answer.json as { title?: string } | undefined)?.title ? ` (${(answer.json as { title: string }).title})` : ''}` : `${answer.status}`;

export interface Login {
  id: string;
  authorizeUrl: URL;
  walk?: ExactWalk;
  callback?: BackendAnswer;
}

/** What the checks share: the backend, the simulator, the sessions and what earlier checks made. */
export class Kit {
  readonly recorder = new Recorder();
  readonly backend: Backend;
  readonly exact: ExactControl;
  readonly browser = new ExactBrowser();
  readonly origin: string;
  session: CookieJar | null = null;
  session2: CookieJar | null = null;
  user: SimulatorUser | null = null;
  /** The grant every later check uses, and the logins and connections made on the way. */
  grant: Login | null = null;
  forced: Login | null = null;
  pending: Login | null = null;
  /** Organisations and administrations free to connect, found by the listing checks. */
  freeOrganisations: string[] = [];
  freeDivisions: number[] = [];
  /** The pairs the first connection did not use, and the key it was made with. */
  unusedPairs: { organisationId: string; divisionCode: number }[] = [];
  replayKey = '';
  connection: { id: string; divisionCode: number; organisationId: string } | null = null;
  concurrentConnection: { id: string; divisionCode: number } | null = null;
  readonly runId = Math.random().toString(36).slice(2, 10);

  constructor(readonly options: KitOptions) {
    this.backend = new Backend(options.api, this.recorder);
    this.exact = new ExactControl(options.exact);
    this.origin = options.origin ?? new URL(options.api).origin;
  }

  needSession(): CookieJar {
    if (!this.session) throw new Skip('no platform session (the session check failed)');
    return this.session;
  }

  needGrant(): Login {
    if (!this.grant) throw new Skip('no authorized grant (the login check failed)');
    return this.grant;
  }

  needConnection() {
    if (!this.connection) throw new Skip('no connection (the idempotency check failed)');
    return this.connection;
  }

  key(name: string): string {
    return `conformance-${this.runId}-${name}`;
  }

  /** `POST /authorizations`, then Exact's pages; the backend's callback answer when `decision` is given. */
  async startLogin(body: Record<string, unknown>): Promise<{ answer: BackendAnswer; login: Login | null }> {
    const answer = await this.backend.call('startAuthorization', { session: this.needSession(), body: { returnOrigin: this.origin, locale: 'nl', region: 'nl', ...body } });
    if (answer.status !== 201) return { answer, login: null };
    const started = answer.json as { id: string; authorizeUrl: string };
    return { answer, login: { id: started.id, authorizeUrl: new URL(started.authorizeUrl) } };
  }

  async finishLogin(login: Login, decision: Decision): Promise<Login> {
    if (!this.user) throw new Skip('no Exact user');
    login.walk = await this.browser.walk(login.authorizeUrl.href, this.user, decision);
    login.callback = await this.backend.callback(login.walk.redirect, this.session);
    return login;
  }

  async authorization(id: string, session = this.needSession()): Promise<BackendAnswer> {
    return this.backend.call('getAuthorization', { session, params: { authorizationId: id } });
  }

  /**
   * `GET /connections/{id}`; when the backend still holds back after Exact's 429 (its own
   * Retry-After of a minute or less), the kit waits as a client would, once.
   */
  async connectionHealth(id: string): Promise<BackendAnswer> {
    const ask = () => this.backend.call('getConnection', { session: this.needSession(), params: { connectionId: id } });
    const answer = await ask();
    const wait = Number(answer.headers.get('retry-after'));
    if (answer.status !== 429 || !(wait >= 0 && wait <= 65)) return answer;
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    return ask();
  }
}
