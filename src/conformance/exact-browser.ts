import { CookieJar } from './cookie-jar.js';
import type { SimulatorUser } from './exact-control.js';

export type Decision = 'allow' | 'deny';

export interface ExactWalk {
  /** Whether Exact showed its login form (it does with force_login=1 or without a session). */
  sawLoginForm: boolean;
  /** Where Exact sent the browser at the end: the backend's callback with code (or error) and state. */
  redirect: string;
}

const alertOf = (html: string) => /role="alert">([^<]*)</.exec(html)?.[1] ?? html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 160);
const inputValue = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

/** A browser on the simulator's pages: plain HTTP, its own cookie jar, the forms filled in as a user would. */
export class ExactBrowser {
  readonly jar = new CookieJar();

  /** `send`: how requests go out (default fetch; in a page, the simulator's handler itself, as a page's fetch cannot carry cookies). */
  constructor(private readonly send: (request: Request) => Promise<Response> = (request) => fetch(request)) {}

  private async go(url: string, init: RequestInit = {}): Promise<{ response: Response; text: string }> {
    const headers = new Headers(init.headers);
    headers.set('Accept-Language', 'nl-NL,nl;q=0.9');
    const cookie = this.jar.header(url);
    if (cookie) {
      headers.set('Cookie', cookie);
      // A page's Request drops Cookie; the simulator reads its session from this header then.
      headers.set('X-Simulator-Cookie', cookie);
    }
    const response = await this.send(new Request(url, { ...init, headers, redirect: 'manual' }));
    this.jar.store(response);
    return { response, text: await response.text() };
  }

  private submit(url: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
    return this.go(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
  }

  /**
   * From the authorize URL through the login form (when shown) and the consent page to Exact's
   * redirect. `divisions`: the ticks to give (default: those Exact ticks itself, all of them).
   */
  async walk(authorizeUrl: string, user: Pick<SimulatorUser, 'username' | 'password'>, decision: Decision, divisions?: readonly number[]): Promise<ExactWalk> {
    let page = await this.go(authorizeUrl);
    let url = authorizeUrl;
    const sawLoginForm = page.response.status === 200 && /name="password"/.test(page.text);
    if (sawLoginForm) {
      const posted = await this.submit(url, { step: 'login', username: user.username, password: user.password });
      const next = posted.response.headers.get('location');
      if (posted.response.status !== 303 || !next) throw new Error(`Exact's login form refused ${user.username}: ${posted.response.status} ${alertOf(posted.text)}`);
      url = new URL(next, url).href;
      page = await this.go(url);
    }
    if (page.response.status === 302) return { sawLoginForm, redirect: new URL(page.response.headers.get('location') ?? '', url).href };
    const token = inputValue(page.text, 'consent_token');
    if (page.response.status !== 200 || !token) throw new Error(`Exact did not show its consent page for the backend's authorize URL (${page.response.status}): ${alertOf(page.text)}`);
    const ticks = divisions?.map(String) ?? [...page.text.matchAll(/name="division" value="(\d+)" checked/g)].map((match) => match[1]!);
    const decided = await this.submit(url, { step: 'consent', consent_token: token, decision, division: ticks });
    const location = decided.response.headers.get('location');
    if (decided.response.status !== 302 || !location) throw new Error(`Exact's consent page did not redirect (${decided.response.status}): ${alertOf(decided.text)}`);
    return { sawLoginForm, redirect: new URL(location, url).href };
  }
}
