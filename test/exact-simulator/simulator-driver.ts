/**
 * Drives the simulator in-process as a browser and a backend would: a cookie jar per browser,
 * the login and consent forms read with DOMParser, token and REST calls as plain requests.
 */
import { createExactSimulator, SIMULATOR_COOKIE_HEADER, SIMULATOR_SET_COOKIE_HEADER, type ExactSimulator, type SimulatorOptions } from '../../src/exact-simulator/index.js';

export const NL = 'https://start.exactonline.nl';
export const BE = 'https://start.exactonline.be';
export const app = { clientId: 'autopilot-test', clientSecret: 'top-secret', redirectUris: ['https://platform.example/oauth/callback'], name: 'Autopilot' };
export const redirectUri = app.redirectUris[0]!;
/** A Monday 09:00:30 UTC: a minute window has just begun 30 s ago. */
export const START = Date.UTC(2026, 0, 5, 9, 0, 30);
export const MINUTE = 60_000;

export function newSimulator(options: Partial<SimulatorOptions> = {}): ExactSimulator {
  return createExactSimulator({ apps: [app], now: () => START, ...options });
}

export const authorizeUrl = (params: Record<string, string> = {}, host = NL): string =>
  `${host}/api/oauth2/auth?${new URLSearchParams({ client_id: app.clientId, redirect_uri: redirectUri, response_type: 'code', state: 'state-1', ...params })}`;

export const html = (text: string): Document => new DOMParser().parseFromString(text, 'text/html');

/** A browser: keeps the session cookie the simulator sets (in the header a script may read). */
export class Browser {
  cookie: string | undefined;

  constructor(private readonly simulator: ExactSimulator, private readonly language = 'nl-NL,nl;q=0.9') {}

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Accept-Language', this.language);
    if (this.cookie) headers.set(SIMULATOR_COOKIE_HEADER, this.cookie);
    const response = await this.simulator.handle(new Request(url, { ...init, headers }));
    const set = response.headers.get(SIMULATOR_SET_COOKIE_HEADER);
    if (set) this.cookie = set.split(';')[0];
    return response;
  }

  /** Submits the page's form as a user would, pressing the button with `decision` if given. */
  async submit(pageUrl: string, fields: Record<string, string | string[]>): Promise<Response> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
    return this.request(pageUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  }

  /** Logs in on the form (if shown) and answers the consent page; returns the final redirect. */
  async authorize(username: string, password: string, options: { url?: string; decision?: 'allow' | 'deny'; divisions?: number[] } = {}): Promise<URL> {
    let url = options.url ?? authorizeUrl();
    let page = await this.request(url);
    let doc = html(await page.text());
    if (doc.querySelector('input[name=password]')) {
      const after = await this.submit(url, { step: 'login', username, password });
      if (after.status !== 303) throw new Error(`login failed: ${after.status} ${html(await after.text()).querySelector('[role=alert]')?.textContent}`);
      url = after.headers.get('Location')!;
      page = await this.request(url);
      doc = html(await page.text());
    }
    const ticks = options.divisions ?? [...doc.querySelectorAll<HTMLInputElement>('input[name=division]')].filter((box) => box.checked).map((box) => Number(box.value));
    const token = doc.querySelector<HTMLInputElement>('input[name=consent_token]')?.value ?? '';
    const answer = await this.submit(url, { step: 'consent', consent_token: token, decision: options.decision ?? 'allow', division: ticks.map(String) });
    if (answer.status !== 302) throw new Error(`consent gave ${answer.status}: ${html(await answer.text()).querySelector('[role=alert]')?.textContent}`);
    return new URL(answer.headers.get('Location')!);
  }
}

export const form = (fields: Record<string, string>) =>
  ({ method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }) as const;

export const tokenCall = (simulator: ExactSimulator, fields: Record<string, string>, host = NL) =>
  simulator.handle(new Request(`${host}/api/oauth2/token`, form({ client_id: app.clientId, client_secret: app.clientSecret, ...fields })));

export const exchange = (simulator: ExactSimulator, code: string, fields: Record<string, string> = {}, host = NL) =>
  tokenCall(simulator, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...fields }, host);

export const refresh = (simulator: ExactSimulator, refreshToken: string, host = NL) => tokenCall(simulator, { grant_type: 'refresh_token', refresh_token: refreshToken }, host);

export interface Tokens {
  access_token: string;
  token_type: string;
  expires_in: string;
  refresh_token: string;
}

/** Logs `username` in, consents, exchanges the code: the tokens of a fresh chain. */
export async function connect(simulator: ExactSimulator, username: string, password: string, options: { divisions?: number[]; host?: string } = {}): Promise<Tokens> {
  const host = options.host ?? NL;
  const back = await new Browser(simulator).authorize(username, password, { url: authorizeUrl({}, host), ...(options.divisions ? { divisions: options.divisions } : {}) });
  const response = await exchange(simulator, back.searchParams.get('code')!, {}, host);
  if (response.status !== 200) throw new Error(`exchange: ${response.status} ${await response.text()}`);
  return (await response.json()) as Tokens;
}

export const api = (simulator: ExactSimulator, accessToken: string, path: string, init: RequestInit = {}, host = NL) => {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${accessToken}`);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  return simulator.handle(new Request(path.startsWith('http') ? path : `${host}${path}`, { ...init, headers }));
};

export const errorValue = async (response: Response): Promise<string> => ((await response.json()) as { error: { message: { value: string } } }).error.message.value;
