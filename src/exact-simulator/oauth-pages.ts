import type { RequestContext } from './context.js';
import { makeSecrets } from './context.js';
import { escapeHtml, htmlResponse, page } from './html.js';
import type { RegisteredApp } from './options.js';
import { pageLanguage, pageTexts, type PageLanguage, type PageTexts } from './page-texts.js';
import { sessionCookieHeaders, sessionIdOf } from './session-cookie.js';
import type { Session, UserState } from './world.js';

type Texts = PageTexts & { language: PageLanguage };

/**
 * `GET|POST /api/oauth2/auth`: Exact's login and consent pages. The forms have no action, so they
 * post back to the same URL with the same query; the step they finish is a form field.
 */
export async function authorize(ctx: RequestContext): Promise<Response> {
  const query = ctx.url.searchParams;
  const language = pageLanguage(ctx.request.headers.get('accept-language'));
  const texts: Texts = { ...pageTexts[language], language };
  const app = ctx.options.apps.find((candidate) => candidate.clientId === query.get('client_id'));
  if (!app) return invalidPage(texts, texts.invalidClient);
  const redirectUri = query.get('redirect_uri') ?? '';
  // Exact never redirects to an address the app did not register: it says so on its own page.
  if (!app.redirectUris.includes(redirectUri)) return invalidPage(texts, texts.invalidRedirect);
  const state = query.get('state');
  if (query.get('response_type') !== 'code') return redirectBack(redirectUri, { error: 'unsupported_response_type', state });

  const session = currentSession(ctx);
  if (ctx.request.method === 'POST') {
    const form = new URLSearchParams(await ctx.request.text());
    if (form.get('step') === 'login') return logIn(ctx, texts, form);
    if (form.get('step') === 'consent') return decide(ctx, texts, form, session, app, redirectUri, state);
    return invalidPage(texts, texts.consentExpired);
  }
  // force_login=1 shows the form even to a logged-in browser: the way to become another Exact user.
  if (!session || query.get('force_login') === '1') return loginPage(texts, '', null);
  return consentPage(ctx, texts, app, session, null);
}

function currentSession(ctx: RequestContext): Session | undefined {
  const id = sessionIdOf(ctx.request);
  const session = id ? ctx.world.sessions.get(id) : undefined;
  return session && session.region === ctx.route.region ? session : undefined;
}

function logIn(ctx: RequestContext, texts: Texts, form: URLSearchParams): Response {
  const username = form.get('username') ?? '';
  const user = ctx.world.userByName(username, ctx.route.region);
  if (!user || user.password !== form.get('password')) return loginPage(texts, username, texts.wrongLogin);
  const secrets = makeSecrets(ctx.random);
  const session: Session = { id: secrets.id(), region: ctx.route.region, userId: user.userId, consentToken: secrets.id() };
  ctx.world.sessions.set(session.id, session);
  ctx.counters.logins += 1;
  // Back to the same authorize URL, now with a session, so a reload does not post the password again.
  const next = new URL(ctx.url);
  next.searchParams.delete('force_login');
  return new Response(null, { status: 303, headers: { Location: next.href, ...sessionCookieHeaders(ctx.route, session.id) } });
}

function decide(ctx: RequestContext, texts: Texts, form: URLSearchParams, session: Session | undefined, app: RegisteredApp, redirectUri: string, state: string | null): Response {
  if (!session || form.get('consent_token') !== session.consentToken) return invalidPage(texts, texts.consentExpired);
  if (form.get('decision') !== 'allow') return redirectBack(redirectUri, { error: 'access_denied', state });
  const user = ctx.world.userById(session.userId);
  if (!user) return invalidPage(texts, texts.consentExpired);
  const offered = new Set(offeredDivisions(ctx, user).map((division) => division.code));
  const ticked = [...new Set(form.getAll('division').map(Number))].filter((code) => offered.has(code));
  if (ticked.length === 0) return consentPage(ctx, texts, app, session, texts.noneTicked);

  // One chain per Exact user per app: this consent ends the earlier chain and any code not yet exchanged.
  const earlier = ctx.world.activeChain(ctx.route.region, app.clientId, user.userId);
  if (earlier) earlier.state = 'revoked';
  for (const code of ctx.world.codes.values()) {
    if (code.clientId === app.clientId && code.userId === user.userId && code.region === ctx.route.region) code.voided = true;
  }
  const code = makeSecrets(ctx.random).code(ctx.route.region);
  ctx.world.codes.set(code, { region: ctx.route.region, clientId: app.clientId, redirectUri, userId: user.userId, divisions: ticked, issuedAt: ctx.now(), used: false, voided: false });
  ctx.counters.consents += 1;
  return redirectBack(redirectUri, { code, state });
}

/** The divisions a user may grant: theirs, minus those they lost access to. */
function offeredDivisions(ctx: RequestContext, user: UserState) {
  return user.divisions.flatMap((code) => {
    const division = ctx.world.divisions.get(code);
    return division && division.unavailable !== 'NoDivisionAccess' ? [division] : [];
  });
}

function redirectBack(redirectUri: string, params: Record<string, string | null>): Response {
  const target = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== null) target.searchParams.set(name, value);
  return new Response(null, { status: 302, headers: { Location: target.href, 'Cache-Control': 'no-store' } });
}

const invalidPage = (texts: Texts, message: string): Response =>
  htmlResponse(page(texts.language, texts.invalidTitle, `<h1>${escapeHtml(texts.invalidTitle)}</h1><p class="error" role="alert">${escapeHtml(message)}</p>`, texts.footer), 400);

function loginPage(texts: Texts, username: string, error: string | null): Response {
  const body = `<h1>${escapeHtml(texts.loginTitle)}</h1>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post"><input type="hidden" name="step" value="login">
<label for="username">${escapeHtml(texts.username)}</label><input type="text" id="username" name="username" autocomplete="username" value="${escapeHtml(username)}" required>
<label for="password">${escapeHtml(texts.password)}</label><input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit">${escapeHtml(texts.logIn)}</button></form>`;
  return htmlResponse(page(texts.language, texts.loginTitle, body, texts.footer));
}

function consentPage(ctx: RequestContext, texts: Texts, app: RegisteredApp, session: Session, error: string | null): Response {
  const user = ctx.world.userById(session.userId);
  if (!user) return invalidPage(texts, texts.consentExpired);
  const items = offeredDivisions(ctx, user)
    .map((division) => {
      const tags = [division.status === 0 ? texts.inactive : '', division.status === 2 ? texts.archived : '', division.blockingStatus !== 0 ? texts.blocked : ''].filter(Boolean);
      const label = `${division.hid} – ${division.description}${tags.length ? ` (${tags.join(', ')})` : ''}`;
      return `<li><label><input type="checkbox" name="division" value="${escapeHtml(division.code)}" checked> ${escapeHtml(label)}</label></li>`;
    })
    .join('\n');
  const body = `<h1>${escapeHtml(texts.consentTitle)}</h1>
<p>${escapeHtml(texts.signedInAs)} <strong>${escapeHtml(user.fullName)}</strong> (${escapeHtml(user.username)})</p>
<p>${escapeHtml(texts.consentIntro.replace('{app}', app.name ?? app.clientId))}</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post"><input type="hidden" name="step" value="consent"><input type="hidden" name="consent_token" value="${escapeHtml(session.consentToken)}">
<ul>${items}</ul>
<button type="submit" name="decision" value="allow">${escapeHtml(texts.allow)}</button><button type="submit" name="decision" value="deny">${escapeHtml(texts.deny)}</button></form>`;
  return htmlResponse(page(texts.language, texts.consentTitle, body, texts.footer));
}
