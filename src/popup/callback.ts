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
 * Per language: the heading when authorized, the heading when not, what to do in a window the
 * page closes (a popup: still true when the browser refuses to close it), what to do after a
 * failure, and the way back in a tab without an opener — the platform's own tab after a same-tab
 * login whose return address is gone (cleared by Back, expired, storage blocked): telling the user
 * to close it would close the platform. Until the script knows the outcome (or when the address
 * carries none), the heading stays the neutral "Exact Online" of callback.html and no sign shows.
 */
const texts = {
  nl: ['Ingelogd bij Exact Online', 'Inloggen is niet gelukt', 'Sluit dit venster als het open blijft.', 'Probeer het opnieuw op het platform.', 'Terug naar het platform'],
  en: ['Logged in to Exact Online', 'Logging in did not work', 'Close this window if it stays open.', 'Try again on the platform.', 'Back to the platform'],
  fr: ['Connecté à Exact Online', 'La connexion a échoué', 'Fermez cette fenêtre si elle reste ouverte.', 'Réessayez sur la plateforme.', 'Retour à la plateforme'],
  de: ['Bei Exact Online angemeldet', 'Die Anmeldung ist fehlgeschlagen', 'Schließen Sie dieses Fenster, falls es offen bleibt.', 'Versuchen Sie es auf der Plattform erneut.', 'Zurück zur Plattform'],
  es: ['Sesión iniciada en Exact Online', 'No se pudo iniciar sesión', 'Cierre esta ventana si sigue abierta.', 'Inténtelo de nuevo en la plataforma.', 'Volver a la plataforma'],
} as const;

const params = new URLSearchParams(location.search);
const requested = params.get('lang') ?? '';
const lang = Object.hasOwn(texts, requested) ? (requested as keyof typeof texts) : 'nl';
const report = parseLoginReport({
  type: 'autopilot-connect:login',
  authorizationId: params.get('authorization'),
  status: params.get('status'),
});
const [done, failed, closeText, retry, backText] = texts[lang];
const authorized = report?.status === 'authorized';
const opener = window.opener as Window | null;
document.documentElement.lang = lang;
if (report) {
  // The outcome: the heading says it, the sign (body.ok / body.no: callback.css) shows it.
  document.querySelector('h1')!.textContent = authorized ? done : failed;
  document.body.className = authorized ? 'ok' : 'no';
}

// After a same-tab login (the popup was blocked) there is no window to close: go back to the
// page the element was on — only for this very login, and never from a popup.
let returnUrl: string | null = null;
if (report) {
  try {
    opener?.postMessage(report, location.origin);
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
    hasOpener: Boolean(opener),
    origin: location.origin,
    now: Date.now(),
  });
}
if (returnUrl) location.replace(returnUrl);
else {
  if (!opener) {
    // No opener: the platform's own tab (or a popup a Cross-Origin-Opener-Policy severed, which
    // closes below if it can). The link is the user's to follow, to this origin's root.
    const back = document.getElementById('back')!;
    back.textContent = backText;
    back.hidden = false;
  }
  if (report) {
    // What next: after a failure, to try again; in a popup, that it closes (or is to be closed).
    document.querySelector('p')!.textContent = `${authorized ? '' : retry} ${opener ? closeText : ''}`.trim();
    // Give the messages a moment to leave, then close; if the browser refuses, the text stays.
    setTimeout(() => window.close(), 300);
  }
}
