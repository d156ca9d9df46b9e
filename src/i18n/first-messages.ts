import { loadedTemplates, sourceLocale, type Locale } from './localization.js';
import { str, translator, type LocaleTemplates } from './template.js';

/**
 * Whole numbers are written out, as the five locales' number format writes them (CLDR: "10.000",
 * "10,000", "10 000" with a narrow no-break space, and Spanish groups only from five figures on),
 * so that no step ever starts the browser's Intl (ICU): its first object costs 30–100 ms
 * (measured in Chromium), which would sit between a click and the list it opens. Anything else
 * goes to one Intl formatter per locale, made at its first use. test/i18n/formats.test.ts holds
 * the written-out ones to Intl's output.
 */
const groupSeparators: Record<string, string> = { nl: '.', de: '.', es: '.', en: ',', fr: '\u202f' };
const formatters = new Map<string, Intl.NumberFormat>();
export const numberFormatter = (locale: string) => (value: number) => {
  const group = groupSeparators[locale];
  if (group && Number.isSafeInteger(value) && value >= 0) return locale === 'es' && value < 1e4 ? String(value) : String(value).replace(/\B(?=(\d{3})+$)/g, group);
  let format = formatters.get(locale);
  if (!format) formatters.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
};

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();
/** A wait in seconds as the locale says a time from now: "over 3 uur", "in 3 hours", "dans 3 heures". */
export const inTimeFormatter = (locale: string) => (seconds: number) => {
  let relative = relativeFormatters.get(locale);
  if (!relative) relativeFormatters.set(locale, (relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always' })));
  if (seconds < 90) return relative.format(Math.ceil(seconds), 'second');
  if (seconds < 90 * 60) return relative.format(Math.round(seconds / 60), 'minute');
  if (seconds < 36 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86_400), 'day');
};

/** The templates of a locale, which must be loaded (`loadLocale`) unless it is Dutch. */
export const templatesOf = (locale: Locale) => {
  const templates = loadedTemplates(locale);
  if (!templates) throw new Error(`The messages of locale ${locale} are not loaded yet: await loadLocale('${locale}') first.`);
  return templates;
};

/**
 * A locale's messages, built once per page and loaded language: every render asks for them
 * (building them is a few hundred closures, measured at milliseconds per render before the
 * first step), and a locale's templates never change once loaded.
 */
export function onceEach<T>(build: (locale: Locale) => T): (locale?: Locale) => T {
  const built = new WeakMap<LocaleTemplates, T>();
  return (locale = sourceLocale) => {
    const templates = templatesOf(locale);
    let messages = built.get(templates);
    if (messages === undefined) built.set(templates, (messages = build(locale)));
    return messages;
  };
}

/**
 * The words of the first load, in Dutch, the source locale: the bar, the overview and what
 * comes before it, the errors and the login's outcomes, which the overview and every step say.
 * The later steps' words are in ./messages.ts (`messages`, the whole set), in their chunk.
 * The help article's labels are kept word for word (see ./messages.ts); other languages are in
 * ./locales/, keyed by the ids given here.
 *
 * Call it during render, with the locale the element speaks.
 */
export const firstMessages = onceEach((locale: Locale) => {
  const msg = translator(templatesOf(locale));
  const number = numberFormatter(locale);
  const inTime = inTimeFormatter(locale);
  return {
    title: msg('Autopilot – Exact Online', { id: 'title' }),
    loading: msg('Bezig met laden…', { id: 'loading' }),
    stepCount: (step: number, total: number) => msg(str`Stap ${number(step)} van ${number(total)}`, { id: 'stepCount' }),
    stepNames: [
      msg('Organisatie', { id: 'stepOrganisation' }),
      msg('Exact Online', { id: 'stepSystem' }),
      msg('Inloggen', { id: 'stepLogin' }),
      msg('Administratie', { id: 'stepAdministration' }),
      msg('Klaar', { id: 'stepDone' }),
    ],
    back: msg('Terug', { id: 'back' }),
    cancel: msg('Annuleren', { id: 'cancel' }),
    retry: msg('Opnieuw proberen', { id: 'retry' }),
    close: msg('Sluiten', { id: 'close' }),

    notInstalledHeading: msg('De Autopilot staat nog niet in je account', { id: 'notInstalledHeading' }),
    notInstalledBody: msg('Klik in de paarse balk op App Winkel en voeg daar met de 3 puntjes aan de rechterkant de Autopilot aan je account toe. Laat de verbinding die daarbij wordt aangemaakt staan: de Autopilot heeft die nodig.', { id: 'notInstalledBody' }),
    openAppStore: msg('Naar de App Winkel', { id: 'openAppStore' }),
    checkAgain: msg('Opnieuw controleren', { id: 'checkAgain' }),

    connectionsHeading: msg('Actieve koppelingen', { id: 'connectionsHeading' }),
    connectionsEmpty: msg('Er zijn nog geen actieve koppelingen. Maak er een met New Connection.', { id: 'connectionsEmpty' }),
    connectionsCount: (count: number) =>
      count === 1
        ? msg('1 actieve koppeling', { id: 'connectionsCount.one' })
        : msg(str`${number(count)} actieve koppelingen`, { id: 'connectionsCount.other' }),
    newConnection: msg('New Connection', { id: 'newConnection' }),
    connectionSummary: (organisation: string, division: string) => msg(str`${organisation} → ${division}`, { id: 'connectionSummary' }),
    connectedSince: (date: string) => msg(str`Verbonden sinds ${date}`, { id: 'connectedSince' }),
    connectionStatus_needs_login: msg('Opnieuw inloggen nodig', { id: 'connectionStatus_needs_login' }),
    connectionStatus_mailbox_problem: msg('Probleem met de Digitale Brievenbus', { id: 'connectionStatus_mailbox_problem' }),
    connectionStatus_division_unavailable: msg('Administratie niet bereikbaar', { id: 'connectionStatus_division_unavailable' }),
    redeliver: msg('API-download opnieuw aanbieden', { id: 'redeliver' }),
    disconnect: msg('Verbinding verbreken', { id: 'disconnect' }),
    disconnectQuestion: (organisation: string, division: string) =>
      msg(str`Verbinding tussen ${organisation} en ${division} in Exact Online verbreken?`, { id: 'disconnectQuestion' }),
    disconnectConsequence: msg('Nieuwe facturen uit Postvak In komen dan niet meer in Exact Online aan. De Digitale Brievenbus van deze administratie wordt beëindigd.', { id: 'disconnectConsequence' }),
    disconnectConfirm: msg('Ja, verbinding verbreken', { id: 'disconnectConfirm' }),
    disconnecting: msg('Bezig met verbreken…', { id: 'disconnecting' }),
    disconnected: (organisation: string, division: string) => msg(str`De verbinding tussen ${organisation} en ${division} is verbroken.`, { id: 'disconnected' }),
    // prerequisites and migration
    prerequisitesReady: msg('Alles klaar om te koppelen', { id: 'prerequisitesReady' }),
    prerequisitesTitle: msg('Voorwaarden om te koppelen', { id: 'prerequisitesTitle' }),
    prerequisitesAttention: msg('Let op voordat je koppelt', { id: 'prerequisitesAttention' }),
    prerequisitesBlocking: msg('Nog niet klaar om te koppelen', { id: 'prerequisitesBlocking' }),
    prerequisiteState_met: msg('In orde', { id: 'prerequisiteState_met' }),
    prerequisiteState_not_met: msg('Niet in orde', { id: 'prerequisiteState_not_met' }),
    prerequisiteState_unknown: msg('Niet bekend', { id: 'prerequisiteState_unknown' }),
    prerequisite_postvak_in_only: msg('Je verwerkt alleen de Postvak In (inkoop)facturen met eConnect.', { id: 'prerequisite_postvak_in_only' }),
    prerequisite_legacy_connections_broken: msg('Bestaande verbindingen via exactonline.everbinding.nl zijn verbroken.', { id: 'prerequisite_legacy_connections_broken' }),
    prerequisite_organisation_access: msg('Je hebt toegang tot alle organisaties in het platform.', { id: 'prerequisite_organisation_access' }),
    prerequisite_administration_access: msg('Je hebt toegang tot de juiste administraties in Exact Online.', { id: 'prerequisite_administration_access' }),
    prerequisiteFix_postvak_in_only: (organisations: string) =>
      msg(str`Verwerk alleen Postvak In-facturen met eConnect voor: ${organisations}`, { id: 'prerequisiteFix_postvak_in_only' }),
    prerequisiteFix_legacy_connections_broken: (organisations: string) =>
      msg(str`Verbreek eerst de oude verbinding van: ${organisations}`, { id: 'prerequisiteFix_legacy_connections_broken' }),
    prerequisiteFix_organisation_access: (organisations: string) =>
      msg(str`Vraag de beheerder van je eConnect-account om toegang tot: ${organisations}`, { id: 'prerequisiteFix_organisation_access' }),
    prerequisiteFix_administration_access: msg('Vraag de beheerder van Exact Online om toegang tot de administraties die je wilt koppelen.', { id: 'prerequisiteFix_administration_access' }),
    prerequisiteUnknown_administration_access: msg('Dat zie je na het inloggen, onder Selecteer afdeling.', { id: 'prerequisiteUnknown_administration_access' }),
    prerequisiteUnknown: msg('Het platform kan dit niet nagaan: controleer het zelf.', { id: 'prerequisiteUnknown' }),
    prerequisiteOrganisations: (count: number) =>
      count === 1 ? msg('1 organisatie', { id: 'prerequisiteOrganisations.one' }) : msg(str`${number(count)} organisaties`, { id: 'prerequisiteOrganisations.other' }),
    prerequisiteNamesMore: (names: string, more: number) =>
      more === 1 ? msg(str`${names} en 1 andere`, { id: 'prerequisiteNamesMore.one' }) : msg(str`${names} en ${number(more)} andere`, { id: 'prerequisiteNamesMore.other' }),
    newConnectionBlocked: msg('New Connection kan pas als de voorwaarden hierboven in orde zijn.', { id: 'newConnectionBlocked' }),
    migrationTitle: (count: number) => msg(str`${number(count)} administraties zijn nog gekoppeld via exactonline.everbinding.nl`, { id: 'migrationTitle' }),
    migrationOptions: msg('Bij meerdere administraties zijn er 2 mogelijkheden:', { id: 'migrationOptions' }),
    migrationAllAtOnce: msg('Zet ze in een korte tijd allemaal over. Documenten die binnenkomen tussen het verbreken van de oude verbinding en het vastleggen van de nieuwe, komen pas aan als je ze opnieuw aanbiedt met API-download opnieuw aanbieden.', { id: 'migrationAllAtOnce' }),
    migrationOtherUser: (label: string) =>
      msg(str`Laat de koppeling overnemen door een andere gebruiker in Exact Online dan waarmee de oude verbinding is gemaakt: kies bij het inloggen ${label}.`, { id: 'migrationOtherUser' }),
    migrationMany: msg('Meer dan 20 administraties? Neem contact op met eConnect voor een passende oplossing.', { id: 'migrationMany' }),
    migrationQuestions: msg('Vragen over het overzetten? Neem contact op met eConnect.', { id: 'migrationQuestions' }),
    connectionNew: msg('Nieuw', { id: 'connectionNew' }),
    connectionExactUser: (user: string, host: string) => msg(str`Exact-gebruiker ${user} · ${host}`, { id: 'connectionExactUser' }),
    batchStart: msg('Meerdere administraties koppelen', { id: 'batchStart' }),
    batchMade: (count: number) =>
      count === 1 ? msg('1 nieuwe koppeling gemaakt.', { id: 'batchMade.one' }) : msg(str`${number(count)} nieuwe koppelingen gemaakt.`, { id: 'batchMade.other' }),
    reconnect: msg('Opnieuw verbinden', { id: 'reconnect' }),
    reconnected: (connection: string) => msg(str`${connection} is weer verbonden.`, { id: 'reconnected' }),
    reconnectedNotActive: (connection: string, status: string) =>
      msg(str`${connection} gebruikt nu de nieuwe login, maar heeft nog aandacht nodig: ${status}.`, { id: 'reconnectedNotActive' }),
    reconnectedOthers: (connections: string) => msg(str`Met dezelfde login zijn ook weer verbonden: ${connections}`, { id: 'reconnectedOthers' }),

    loginHeading: msg('Inloggen bij Exact Online', { id: 'loginHeading' }),
    loginProblem_blocked: msg('Je browser heeft het inlogvenster tegengehouden. Klik nog een keer op Open, of sta pop-ups toe voor deze site.', { id: 'loginProblem_blocked' }),
    loginProblem_unseen: msg('We kunnen het inlogvenster niet meer zien. Ben je nog aan het inloggen? Dan gaan we verder zodra dat klaar is. Klik op Open om opnieuw te beginnen.', { id: 'loginProblem_unseen' }),
    loginProblem_denied: msg('Je hebt in Exact Online geen toestemming gegeven. Zonder toestemming kan de Autopilot niet koppelen.', { id: 'loginProblem_denied' }),
    loginProblem_expired: msg('Het inloggen duurde te lang en is verlopen. Begin opnieuw.', { id: 'loginProblem_expired' }),
    loginProblem_revoked: msg('Deze toestemming is vervangen: dezelfde Exact Online-gebruiker heeft later opnieuw ingelogd. Log opnieuw in.', { id: 'loginProblem_revoked' }),
    loginProblem_failed: msg('Inloggen bij Exact Online is niet gelukt. Probeer het opnieuw.', { id: 'loginProblem_failed' }),
    loginProblem_timedOut: msg('Er kwam geen antwoord uit het inlogvenster. Probeer het opnieuw.', { id: 'loginProblem_timedOut' }),
    loginAsOther: msg('Inloggen als andere Exact-gebruiker', { id: 'loginAsOther' }),
    consentDropped: (connections: string) =>
      msg(str`Let op: bij deze login zijn niet alle administraties aangevinkt die al gekoppeld zijn. Niet aangevinkt, dus aandacht nodig: kies bij deze koppeling Opnieuw verbinden en vink de administratie aan: ${connections}`, { id: 'consentDropped' }),
    resuming: msg('Verder waar je was…', { id: 'resuming' }),

    bookingFlowSimple: msg('Simpele booking flow', { id: 'bookingFlowSimple' }),
    bookingFlowAdvanced: msg('Geavanceerde flow', { id: 'bookingFlowAdvanced' }),
    contactEconnect: msg('Contact opnemen met eConnect', { id: 'contactEconnect' }),

    error_network: msg('Het platform is niet bereikbaar. Controleer je internetverbinding en probeer het opnieuw.', { id: 'error_network' }),
    error_timeout: msg('Het platform reageert niet op tijd. Probeer het opnieuw.', { id: 'error_timeout' }),
    stepLoadFailed: msg('Deze stap kon niet worden geladen. Controleer je internetverbinding en probeer het opnieuw.', { id: 'stepLoadFailed' }),
    error_server: msg('Er ging iets mis bij het platform. Probeer het opnieuw.', { id: 'error_server' }),
    error_unavailable: msg('Het platform is tijdelijk niet bereikbaar. Probeer het over een paar minuten opnieuw.', { id: 'error_unavailable' }),
    error_rateLimited: (seconds: number) => msg(str`Te veel verzoeken tegelijk. We proberen het ${inTime(seconds)} vanzelf opnieuw.`, { id: 'error_rateLimited' }),
    /** A wait too long to sit out by ourselves: when to try again, and the user does it. */
    error_rateLimitedLater: (seconds: number) => msg(str`Te veel verzoeken tegelijk. Probeer het ${inTime(seconds)} opnieuw.`, { id: 'error_rateLimitedLater' }),
    error_malformed: msg('Het platform gaf een onverwacht antwoord. Probeer het opnieuw.', { id: 'error_malformed' }),
    error_unauthenticated: msg('Je sessie op het platform is verlopen. Log opnieuw in op het platform; je keuzes hier blijven bewaard.', { id: 'error_unauthenticated' }),
    error_forbidden: msg('Je hebt geen rechten voor deze actie.', { id: 'error_forbidden' }),
    error_not_found: msg('Dit onderdeel bestaat niet (meer). Ga terug en probeer het opnieuw.', { id: 'error_not_found' }),
    error_invalid_request: msg('Het verzoek was niet geldig. Ga terug en probeer het opnieuw.', { id: 'error_invalid_request' }),
    error_autopilot_not_installed: msg('De Autopilot staat niet (meer) in je account. Voeg hem toe via de App Winkel.', { id: 'error_autopilot_not_installed' }),
    error_organisation_blocked: msg('Deze organisatie kan nu niet gekoppeld worden. Kies een andere organisatie.', { id: 'error_organisation_blocked' }),
    error_organisation_already_connected: msg('Deze organisatie heeft al een koppeling. Kies een andere organisatie.', { id: 'error_organisation_already_connected' }),
    error_authorization_not_authorized: msg('De toestemming van Exact Online is niet (meer) geldig. Log opnieuw in.', { id: 'error_authorization_not_authorized' }),
    error_authorization_expired: msg('De toestemming van Exact Online is verlopen. Log opnieuw in.', { id: 'error_authorization_expired' }),
    error_division_not_granted: msg('Voor deze administratie heb je in Exact Online geen toestemming gegeven. Log opnieuw in om hem toe te voegen.', { id: 'error_division_not_granted' }),
    error_division_already_connected: msg('Deze administratie is al gekoppeld aan een andere organisatie. Kies een andere administratie.', { id: 'error_division_already_connected' }),
    error_division_blocked: msg('Deze administratie is geblokkeerd in Exact Online. Kies een andere administratie.', { id: 'error_division_blocked' }),
    error_no_division_access: msg('Je Exact Online-gebruiker heeft geen toegang tot deze administratie. Kies een andere of log in als een andere gebruiker.', { id: 'error_no_division_access' }),
    error_mailbox_forbidden: msg('Je Exact Online-gebruiker mag geen Digitale Brievenbus aanmaken in deze administratie. Vraag de rechten aan je Exact-beheerder of log in als een andere gebruiker.', { id: 'error_mailbox_forbidden' }),
    error_mailbox_linked_elsewhere: msg('De Digitale Brievenbus is al gekoppeld aan een andere administratie. Ontkoppel hem daar eerst in Exact Online.', { id: 'error_mailbox_linked_elsewhere' }),
    error_trial_licence: msg('Deze administratie heeft een proeflicentie van Exact Online. Koppelen kan pas met een volledige licentie.', { id: 'error_trial_licence' }),
    error_idempotency_key_reused: msg('Je keuzes zijn gewijzigd tijdens het afronden. Probeer het opnieuw.', { id: 'error_idempotency_key_reused' }),
    error_cursor_invalid: msg('De lijst is intussen veranderd. Zoek opnieuw.', { id: 'error_cursor_invalid' }),
    error_return_origin_not_allowed: msg('Deze pagina mag geen koppeling met Exact Online starten. Neem contact op met eConnect.', { id: 'error_return_origin_not_allowed' }),
    error_exact_unavailable: msg('Exact Online is tijdelijk niet bereikbaar. Probeer het over een paar minuten opnieuw.', { id: 'error_exact_unavailable' }),
    error_organisation_without_kvk: msg('Deze organisatie heeft geen KvK-nummer, en zonder KvK-nummer geen Digitale Brievenbus. Vul het eerst in op het platform.', { id: 'error_organisation_without_kvk' }),
    error_authorization_revoked: msg('De toestemming van Exact Online is vervangen door een nieuwere login van dezelfde gebruiker. Log opnieuw in.', { id: 'error_authorization_revoked' }),
    error_division_unavailable: msg('Deze administratie is niet (meer) bereikbaar in Exact Online. Kies een andere of log opnieuw in.', { id: 'error_division_unavailable' }),
    /** The first request with this key still runs: the element asks again by itself, with the same key. */
    error_idempotency_key_in_flight: (seconds: number) =>
      msg(str`Je vorige verzoek wordt nog verwerkt. We kijken ${inTime(seconds)} vanzelf opnieuw.`, { id: 'error_idempotency_key_in_flight' }),
    error_idempotency_key_in_flightLater: (seconds: number) =>
      msg(str`Je vorige verzoek wordt nog verwerkt. Probeer het ${inTime(seconds)} opnieuw.`, { id: 'error_idempotency_key_in_flightLater' }),
    /** A code this version does not know: the backend's own title (untrusted text, shown as such) and a way on. */
    error_unknown: (title: string) => msg(str`Het platform meldt: ${title}. Probeer het opnieuw, of ga terug.`, { id: 'error_unknown' }),
  };
});

export type FirstMessages = ReturnType<typeof firstMessages>;
