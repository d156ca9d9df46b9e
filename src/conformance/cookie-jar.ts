/**
 * A browser's cookies for the kit's plain fetch: kept from Set-Cookie by name and path, sent back
 * on requests below that path (the simulator scopes its session to `/{region}/api/oauth2`).
 * One jar per origin is enough here: the kit never shares one between the backend and Exact.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  /** A jar that starts with `name=value` pairs, as `--cookie` gives them. */
  constructor(initial = '') {
    for (const pair of initial.split(';')) {
      const [name, ...value] = pair.trim().split('=');
      if (name) this.cookies.set(name, { value: value.join('='), path: '/' });
    }
  }

  store(response: Response): void {
    // A Response made in a page has no Set-Cookie; the simulator repeats it in its own header.
    const lines = response.headers.getSetCookie();
    const simulated = response.headers.get('X-Simulator-Set-Cookie');
    for (const line of lines.length > 0 || !simulated ? lines : [simulated]) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', ...value] = pair.trim().split('=');
      const path = attributes.map((attribute) => attribute.trim()).find((attribute) => /^path=/i.test(attribute))?.slice(5) || '/';
      const expired = attributes.some((attribute) => /^max-age=0$/i.test(attribute.trim()));
      if (!name) continue;
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, { value: value.join('='), path });
    }
  }

  header(url: string): string {
    const { pathname } = new URL(url);
    return [...this.cookies]
      .filter(([, cookie]) => pathname.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }

  get size(): number {
    return this.cookies.size;
  }
}
