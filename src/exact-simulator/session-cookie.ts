import type { RoutedRequest } from './hosts.js';

export const SESSION_COOKIE = 'ExactOnlineSession';

/**
 * Browsers drop `Cookie` from a Request and `Set-Cookie` from a Response that a script builds, so
 * where the handler is called in-process inside a browser (tests, a service worker) the session
 * also travels in these simulator-only headers. Over HTTP the real cookie does the work.
 */
export const SIMULATOR_COOKIE_HEADER = 'X-Simulator-Cookie';
export const SIMULATOR_SET_COOKIE_HEADER = 'X-Simulator-Set-Cookie';

/** A cookie value as sent; a malformed escape is kept as is (it then names no session). */
const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** The session id the browser sent for this host, if any. */
export function sessionIdOf(request: Request): string | undefined {
  const header = request.headers.get('cookie') ?? request.headers.get(SIMULATOR_COOKIE_HEADER) ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return safeDecode(value.join('='));
  }
  return undefined;
}

/** The cookie that keeps a login, scoped to the host's OAuth pages (a path prefix on a shared origin). */
export function sessionCookieHeaders(route: RoutedRequest, sessionId: string): Record<string, string> {
  const prefix = new URL(route.base).pathname.replace(/\/$/, '');
  const cookie = `${SESSION_COOKIE}=${encodeURIComponent(sessionId)}; Path=${prefix}/api/oauth2; HttpOnly; SameSite=Lax${route.base.startsWith('https:') ? '; Secure' : ''}`;
  return { 'Set-Cookie': cookie, [SIMULATOR_SET_COOKIE_HEADER]: cookie };
}
