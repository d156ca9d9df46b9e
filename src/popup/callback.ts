/**
 * The page the backend's OAuth redirect ends on. It tells the element the outcome — only the
 * authorization id and a status, never a code or token — by postMessage to the opener (exact
 * target origin: the element's page shares this page's origin) and by BroadcastChannel (which
 * still works when a Cross-Origin-Opener-Policy severed the opener), then closes itself.
 * Kept dependency-free: it must stay under 2 KB gzip.
 */
import { LOGIN_CHANNEL, parseLoginReport } from './login-message.js';
import { takeReturnAddress } from './return-address.js';

/**
 * Per language: the outcome (authorized, else not), what to do in a window the page closes (a
 * popup), and the way back in a tab without an opener — the platform's own tab after a same-tab
 * login whose return address is gone (cleared by Back, expired, storage blocked): telling the user
 * to close it would close the platform.
 */
const texts = {
  nl: ['Je bent ingelogd bij Exact Online.', 'Je kunt dit tabblad sluiten en verdergaan op het platform.', 'Inloggen bij Exact Online is niet gelukt.', 'Sluit dit tabblad en probeer het opnieuw op het platform.', 'Terug naar het platform'],
  en: ['You are logged in to Exact Online.', 'You can close this tab and continue on the platform.', 'Logging in to Exact Online did not work.', 'Close this tab and try again on the platform.', 'Back to the platform'],
  fr: ["Vous êtes identifié auprès d'Exact Online.", 'Vous pouvez fermer cet onglet et continuer sur la plateforme.', "L'identification auprès d'Exact Online a échoué.", 'Fermez cet onglet et réessayez sur la plateforme.', 'Retour à la plateforme'],
  de: ['Sie sind bei Exact Online angemeldet.', 'Sie können diesen Tab schließen und auf der Plattform weitermachen.', 'Die Anmeldung bei Exact Online ist fehlgeschlagen.', 'Schließen Sie diesen Tab und versuchen Sie es auf der Plattform erneut.', 'Zurück zur Plattform'],
  es: ['Ha iniciado sesión en Exact Online.', 'Puede cerrar esta pestaña y continuar en la plataforma.', 'No se pudo iniciar sesión en Exact Online.', 'Cierre esta pestaña e inténtelo de nuevo en la plataforma.', 'Volver a la plataforma'],
} as const;

const params = new URLSearchParams(location.search);
const requested = params.get('lang') ?? '';
const lang = Object.hasOwn(texts, requested) ? (requested as keyof typeof texts) : 'nl';
const report = parseLoginReport({
  type: 'autopilot-connect:login',
  authorizationId: params.get('authorization'),
  status: params.get('status'),
});
const [done, closeDone, failed, closeFailed, backText] = texts[lang];
const authorized = report?.status === 'authorized';
document.documentElement.lang = lang;
const message = document.getElementById('message');
if (message) message.textContent = authorized ? done : failed;

// After a same-tab login (the popup was blocked) there is no window to close: go back to the
// page the element was on — only for this very login, and never from a popup.
let returnUrl: string | null = null;
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
  returnUrl = takeReturnAddress(() => sessionStorage, {
    authorizationId: report.authorizationId,
    hasOpener: Boolean(window.opener),
    origin: location.origin,
    now: Date.now(),
  });
}
if (returnUrl) location.replace(returnUrl);
else {
  if (window.opener) {
    if (message) message.textContent += ` ${authorized ? closeDone : closeFailed}`;
  } else {
    // No opener: the platform's own tab (or a popup a Cross-Origin-Opener-Policy severed, which
    // closes below if it can). The link is the user's to follow, to this origin's root.
    const back = document.getElementById('back');
    if (back) {
      back.textContent = backText;
      back.hidden = false;
    }
  }
  // Give the messages a moment to leave, then close; if the browser refuses, the text stays.
  if (report) setTimeout(() => window.close(), 300);
}
