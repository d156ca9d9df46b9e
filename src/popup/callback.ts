/**
 * The page the backend's OAuth redirect ends on. It tells the element the outcome — only the
 * authorization id and a status, never a code or token — by postMessage to the opener (exact
 * target origin: the element's page shares this page's origin) and by BroadcastChannel (which
 * still works when a Cross-Origin-Opener-Policy severed the opener), then closes itself.
 * Kept dependency-free: it must stay under 2 KB gzip.
 */
import { LOGIN_CHANNEL, parseLoginReport } from './login-message.js';
import { takeReturnAddress } from './return-address.js';

const texts = {
  nl: ['De verbinding met Exact Online is gelegd. Je kunt dit tabblad sluiten en verdergaan op het platform.', 'Inloggen bij Exact Online is niet gelukt. Sluit dit tabblad en probeer het opnieuw op het platform.'],
  en: ['The connection with Exact Online is made. You can close this tab and continue on the platform.', 'Logging in to Exact Online did not work. Close this tab and try again on the platform.'],
  fr: ['La connexion avec Exact Online est établie. Vous pouvez fermer cet onglet et continuer sur la plateforme.', 'La connexion à Exact Online a échoué. Fermez cet onglet et réessayez sur la plateforme.'],
  de: ['Die Verbindung mit Exact Online ist hergestellt. Sie können diesen Tab schließen und auf der Plattform weitermachen.', 'Die Anmeldung bei Exact Online ist fehlgeschlagen. Schließen Sie diesen Tab und versuchen Sie es auf der Plattform erneut.'],
  es: ['La conexión con Exact Online está establecida. Puede cerrar esta pestaña y continuar en la plataforma.', 'No se pudo iniciar sesión en Exact Online. Cierre esta pestaña e inténtelo de nuevo en la plataforma.'],
} as const;

const params = new URLSearchParams(location.search);
const requested = params.get('lang') ?? '';
const lang = Object.hasOwn(texts, requested) ? (requested as keyof typeof texts) : 'nl';
const report = parseLoginReport({
  type: 'autopilot-connect:login',
  authorizationId: params.get('authorization'),
  status: params.get('status'),
});
const [authorized, other] = texts[lang];
document.documentElement.lang = lang;
const message = document.getElementById('message');
if (message) message.textContent = report?.status === 'authorized' ? authorized : other;

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
  // After a same-tab login (the popup was blocked) there is no window to close: go back to the
  // page the element was on — only for this very login, and never from a popup.
  const returnUrl = takeReturnAddress(() => sessionStorage, {
    authorizationId: report.authorizationId,
    hasOpener: Boolean(window.opener),
    origin: location.origin,
    now: Date.now(),
  });
  if (returnUrl) location.replace(returnUrl);
  // Give the messages a moment to leave, then close; if the browser refuses, the text stays.
  else setTimeout(() => window.close(), 300);
}
