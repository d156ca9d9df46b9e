/**
 * The page the backend's OAuth redirect ends on. It tells the element the outcome — only the
 * authorization id and a status, never a code or token — by postMessage to the opener (exact
 * target origin: the element's page shares this page's origin) and by BroadcastChannel (which
 * still works when a Cross-Origin-Opener-Policy severed the opener), then closes itself.
 * Kept dependency-free: it must stay under 2 KB gzip.
 */
import { LOGIN_CHANNEL, parseLoginReport, RETURN_URL_KEY } from './login-message.js';

const texts = {
  nl: {
    authorized: 'De verbinding met Exact Online is gelegd. Je kunt dit tabblad sluiten en verdergaan op het platform.',
    other: 'Inloggen bij Exact Online is niet gelukt. Sluit dit tabblad en probeer het opnieuw op het platform.',
    invalid: 'Deze pagina hoort bij het koppelen met Exact Online. Je kunt dit tabblad sluiten.',
  },
  en: {
    authorized: 'The connection with Exact Online is made. You can close this tab and continue on the platform.',
    other: 'Logging in to Exact Online did not work. Close this tab and try again on the platform.',
    invalid: 'This page belongs to connecting with Exact Online. You can close this tab.',
  },
} as const;

const params = new URLSearchParams(location.search);
const lang = params.get('lang') === 'en' ? 'en' : 'nl';
const report = parseLoginReport({
  type: 'autopilot-connect:login',
  authorizationId: params.get('authorization'),
  status: params.get('status'),
});
const text = texts[lang];
document.documentElement.lang = lang;
const message = document.getElementById('message');
if (message) message.textContent = report ? (report.status === 'authorized' ? text.authorized : text.other) : text.invalid;

if (report) {
  try {
    window.opener?.postMessage(report, location.origin);
  } catch {
    // A severed or foreign opener: the channel below still carries the news.
  }
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(LOGIN_CHANNEL);
    channel.postMessage(report);
    channel.close();
  }
  const returnUrl = sameTabReturnUrl();
  if (returnUrl) location.replace(returnUrl);
  // Give the messages a moment to leave, then close; if the browser refuses, the text stays.
  else setTimeout(() => window.close(), 300);
}

/**
 * After a same-tab login (the popup was blocked) there is no window to close: go back to the
 * page the element was on, which it left in this tab's sessionStorage. Same origin only.
 */
function sameTabReturnUrl(): string | null {
  if (window.opener) return null;
  try {
    const stored = sessionStorage.getItem(RETURN_URL_KEY);
    sessionStorage.removeItem(RETURN_URL_KEY);
    if (!stored) return null;
    const url = new URL(stored, location.href);
    return url.origin === location.origin ? url.href : null;
  } catch {
    return null;
  }
}
