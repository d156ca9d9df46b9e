import { redirectUriFor } from './api-routes.js';
import { exactCss } from './exact-css.js';
import { escapeHtml, hiddenFields } from './html.js';
import type { MockPlatform } from './model.js';
import { htmlResponse, redirectResponse } from './responses.js';

/** The client id the mock platform is registered under at the simulated Exact Online. */
export const EXACT_CLIENT_ID = 'autopilot-connect';

export interface ExactPageContext {
  request: Request;
  url: URL;
  /** The path below `${basePath}/exact`, e.g. `/login`. */
  path: string;
  platform: MockPlatform;
  basePath: string;
  /** Sent as Cross-Origin-Opener-Policy, to reproduce a login page that severs window.opener. */
  openerPolicy: string | undefined;
  /** The policy only on the consent page (and after), not on the login page: a late severance. */
  openerPolicyFromConsent?: boolean;
  /**
   * The origin the client (the platform) registered its redirect URI at, when the simulated
   * Exact Online runs on another origin than the element (the `coop` scenario). The page's own
   * origin is accepted as well.
   */
  clientOrigin?: string;
}

type Lang = 'nl' | 'en' | 'fr' | 'de' | 'es';

const texts = {
  nl: {
    simulation: 'Simulatie',
    footer: 'Gesimuleerde Exact Online voor ontwikkeling en tests. Er worden geen echte gegevens gebruikt.',
    loginTitle: 'Inloggen – Exact Online',
    loginHeading: 'Inloggen bij Exact Online',
    username: 'Gebruikersnaam',
    password: 'Wachtwoord',
    login: 'Inloggen',
    consentTitle: 'Toegang verlenen – Exact Online',
    consentHeading: 'Autopilot wil toegang tot je administraties',
    signedInAs: 'Ingelogd als',
    consentIntro: 'Kies de administraties waartoe de app toegang krijgt. Administraties die je niet aanvinkt, kan de app niet zien.',
    divisions: 'Administraties',
    allow: 'Toestaan',
    deny: 'Weigeren',
    noneChosen: 'Kies minstens één administratie, of kies Weigeren.',
    invalidTitle: 'Ongeldige aanvraag – Exact Online',
    invalidHeading: 'Deze aanvraag is ongeldig',
    invalidBody: 'De inlogaanvraag is ongeldig of verlopen. Sluit dit venster en probeer het opnieuw.',
  },
  en: {
    simulation: 'Simulation',
    footer: 'Simulated Exact Online for development and tests. No real data is used.',
    loginTitle: 'Log in – Exact Online',
    loginHeading: 'Log in to Exact Online',
    username: 'Username',
    password: 'Password',
    login: 'Log in',
    consentTitle: 'Grant access – Exact Online',
    consentHeading: 'Autopilot would like to access your administrations',
    signedInAs: 'Signed in as',
    consentIntro: 'Choose the administrations the app may access. The app cannot see administrations you leave unticked.',
    divisions: 'Administrations',
    allow: 'Allow',
    deny: 'Deny',
    noneChosen: 'Choose at least one administration, or choose Deny.',
    invalidTitle: 'Invalid request – Exact Online',
    invalidHeading: 'This request is invalid',
    invalidBody: 'The login request is invalid or has expired. Close this window and try again.',
  },
  fr: {
    simulation: 'Simulation',
    footer: 'Exact Online simulé pour le développement et les tests. Aucune donnée réelle n\'est utilisée.',
    loginTitle: 'Connexion – Exact Online',
    loginHeading: 'Se connecter à Exact Online',
    username: "Nom d'utilisateur",
    password: 'Mot de passe',
    login: 'Se connecter',
    consentTitle: 'Autoriser l\'accès – Exact Online',
    consentHeading: 'Autopilot souhaite accéder à vos administrations',
    signedInAs: 'Connecté en tant que',
    consentIntro: "Choisissez les administrations auxquelles l'application a accès. Elle ne voit pas celles que vous ne cochez pas.",
    divisions: 'Administrations',
    allow: 'Autoriser',
    deny: 'Refuser',
    noneChosen: 'Choisissez au moins une administration, ou choisissez Refuser.',
    invalidTitle: 'Demande invalide – Exact Online',
    invalidHeading: 'Cette demande est invalide',
    invalidBody: 'La demande de connexion est invalide ou a expiré. Fermez cette fenêtre et réessayez.',
  },
  de: {
    simulation: 'Simulation',
    footer: 'Simuliertes Exact Online für Entwicklung und Tests. Es werden keine echten Daten verwendet.',
    loginTitle: 'Anmelden – Exact Online',
    loginHeading: 'Bei Exact Online anmelden',
    username: 'Benutzername',
    password: 'Passwort',
    login: 'Anmelden',
    consentTitle: 'Zugriff erlauben – Exact Online',
    consentHeading: 'Autopilot möchte auf Ihre Administrationen zugreifen',
    signedInAs: 'Angemeldet als',
    consentIntro: 'Wählen Sie die Administrationen, auf die die App zugreifen darf. Nicht angekreuzte sieht die App nicht.',
    divisions: 'Administrationen',
    allow: 'Erlauben',
    deny: 'Ablehnen',
    noneChosen: 'Wählen Sie mindestens eine Administration, oder wählen Sie Ablehnen.',
    invalidTitle: 'Ungültige Anfrage – Exact Online',
    invalidHeading: 'Diese Anfrage ist ungültig',
    invalidBody: 'Die Anmeldeanfrage ist ungültig oder abgelaufen. Schließen Sie dieses Fenster und versuchen Sie es erneut.',
  },
  es: {
    simulation: 'Simulación',
    footer: 'Exact Online simulado para desarrollo y pruebas. No se usan datos reales.',
    loginTitle: 'Iniciar sesión – Exact Online',
    loginHeading: 'Iniciar sesión en Exact Online',
    username: 'Nombre de usuario',
    password: 'Contraseña',
    login: 'Iniciar sesión',
    consentTitle: 'Conceder acceso – Exact Online',
    consentHeading: 'Autopilot quiere acceder a sus administraciones',
    signedInAs: 'Sesión iniciada como',
    consentIntro: 'Elija las administraciones a las que la aplicación puede acceder. No verá las que deje sin marcar.',
    divisions: 'Administraciones',
    allow: 'Permitir',
    deny: 'Denegar',
    noneChosen: 'Elija al menos una administración, o elija Denegar.',
    invalidTitle: 'Solicitud no válida – Exact Online',
    invalidHeading: 'Esta solicitud no es válida',
    invalidBody: 'La solicitud de inicio de sesión no es válida o ha caducado. Cierre esta ventana e inténtelo de nuevo.',
  },
} satisfies Record<Lang, Record<string, string>>;

type Texts = (typeof texts)[Lang];

/** The OAuth parameters every page of the login carries forward. */
interface OAuthParams {
  client_id: string;
  response_type: string;
  redirect_uri: string;
  state: string;
  lang: string;
}

const langs: readonly Lang[] = ['nl', 'en', 'fr', 'de', 'es'];
const langOf = (value: string | null): Lang => langs.find((lang) => value?.toLowerCase().startsWith(lang)) ?? 'nl';

/** The OAuth parameters if they are the ones this client registered, else null. */
function oauthParams(source: URLSearchParams, context: ExactPageContext): OAuthParams | null {
  const params: OAuthParams = {
    client_id: source.get('client_id') ?? '',
    response_type: source.get('response_type') ?? '',
    redirect_uri: source.get('redirect_uri') ?? '',
    state: source.get('state') ?? '',
    lang: langOf(source.get('lang')),
  };
  const valid =
    params.client_id === EXACT_CLIENT_ID &&
    params.response_type === 'code' &&
    (params.redirect_uri === redirectUriFor(context.url.origin, context.basePath) ||
      (context.clientOrigin !== undefined && params.redirect_uri === redirectUriFor(context.clientOrigin, context.basePath))) &&
    params.state !== '';
  return valid ? params : null;
}

function page(context: ExactPageContext, lang: Lang, title: string, body: string, status = 200, { consent = false } = {}): Response {
  const t = texts[lang];
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(`${context.basePath}/exact/exact.css`)}">
</head>
<body>
<header class="bar"><span class="brand">Exact Online</span><span class="tag">${escapeHtml(t.simulation)}</span></header>
<main><div class="card">
${body}
</div></main>
<footer>${escapeHtml(t.footer)}</footer>
</body>
</html>`;
  // Like the real login page: no framing, no scripts, styles only from this origin.
  const headers: Record<string, string> = {
    'Content-Security-Policy': "default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    'X-Frame-Options': 'DENY',
  };
  if (context.openerPolicy && (consent || !context.openerPolicyFromConsent)) headers['Cross-Origin-Opener-Policy'] = context.openerPolicy;
  return htmlResponse(html, status, headers);
}

function invalidRequest(context: ExactPageContext, lang: Lang): Response {
  const t = texts[lang];
  return page(context, lang, t.invalidTitle, `<h1>${escapeHtml(t.invalidHeading)}</h1>\n<p>${escapeHtml(t.invalidBody)}</p>`, 400);
}

function loginPage(context: ExactPageContext, params: OAuthParams): Response {
  const lang = langOf(params.lang);
  const t = texts[lang];
  const body = `<h1>${escapeHtml(t.loginHeading)}</h1>
<form method="post" action="${escapeHtml(`${context.basePath}/exact/login`)}">
${hiddenFields({ ...params })}
<label class="field">${escapeHtml(t.username)}
<input name="username" type="email" autocomplete="username" value="${escapeHtml(context.platform.exact.user.email ?? '')}" required>
</label>
<label class="field">${escapeHtml(t.password)}
<input name="password" type="password" autocomplete="current-password">
</label>
<div class="actions"><button class="primary" type="submit">${escapeHtml(t.login)}</button></div>
</form>`;
  return page(context, lang, t.loginTitle, body);
}

function consentPage(context: ExactPageContext, params: OAuthParams, session: string, error?: string): Response {
  const lang = langOf(params.lang);
  const t: Texts = texts[lang];
  const { exact } = context.platform;
  // One string per row, joined once: thousands of administrations must still render quickly.
  const rows = exact.divisions.map(
    (d) =>
      `<label class="division"><input type="checkbox" name="division" value="${d.code}" checked> ${escapeHtml(`${d.code} – ${d.name}`)}</label>`,
  );
  const body = `<h1>${escapeHtml(t.consentHeading)}</h1>
<p class="note">${escapeHtml(t.signedInAs)} ${escapeHtml(exact.user.name)}${exact.user.email ? ` (${escapeHtml(exact.user.email)})` : ''}</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<p>${escapeHtml(t.consentIntro)}</p>
<form method="post" action="${escapeHtml(`${context.basePath}/exact/consent`)}">
${hiddenFields({ ...params, session })}
<fieldset><legend>${escapeHtml(t.divisions)}</legend>
${rows.join('\n')}
</fieldset>
<div class="actions">
<button class="primary" type="submit" name="decision" value="allow">${escapeHtml(t.allow)}</button>
<button class="secondary" type="submit" name="decision" value="deny">${escapeHtml(t.deny)}</button>
</div>
</form>`;
  return page(context, lang, t.consentTitle, body, 200, { consent: true });
}

async function formOf(request: Request): Promise<URLSearchParams> {
  return new URLSearchParams(await request.text());
}

/** Back to the client's redirect URI, as Exact Online does after consent. */
function redirectToClient(params: OAuthParams, outcome: Record<string, string>): Response {
  const target = new URL(params.redirect_uri);
  for (const [name, value] of Object.entries(outcome)) target.searchParams.set(name, value);
  target.searchParams.set('state', params.state);
  return redirectResponse(target.href, 303);
}

/** The simulated Exact Online: stylesheet, login, consent. Null for paths it does not serve. */
export async function handleExactPage(context: ExactPageContext): Promise<Response | null> {
  const { request, url, path, platform } = context;
  const route = `${request.method} ${path}`;
  if (route === 'GET /exact.css') {
    return new Response(exactCss, { headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' } });
  }
  if (route === 'GET /api/oauth2/auth') {
    const params = oauthParams(url.searchParams, context);
    return params ? loginPage(context, params) : invalidRequest(context, langOf(url.searchParams.get('lang')));
  }
  if (route === 'POST /login') {
    const form = await formOf(request);
    const params = oauthParams(form, context);
    if (!params) return invalidRequest(context, langOf(form.get('lang')));
    const consent = new URL(`${context.basePath}/exact/consent`, url.origin);
    for (const [name, value] of Object.entries(params)) consent.searchParams.set(name, value);
    // The session rides along in the URL instead of a cookie, so the flow also works through handle().
    consent.searchParams.set('session', platform.exact.logIn(form.get('username')));
    return redirectResponse(consent.href, 303);
  }
  if (route === 'GET /consent' || route === 'POST /consent') {
    const source = request.method === 'GET' ? url.searchParams : await formOf(request);
    const params = oauthParams(source, context);
    const session = source.get('session');
    if (!params || !platform.exact.hasSession(session)) return invalidRequest(context, langOf(source.get('lang')));
    if (request.method === 'GET') return consentPage(context, params, session ?? '');
    if (source.get('decision') !== 'allow') return redirectToClient(params, { error: 'access_denied' });
    const codes = source.getAll('division').map(Number).filter(Number.isInteger);
    if (codes.length === 0) return consentPage(context, params, session ?? '', texts[langOf(params.lang)].noneChosen);
    return redirectToClient(params, { code: platform.exact.issueCode(params.redirect_uri, codes, session) });
  }
  return null;
}
