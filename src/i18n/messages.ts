import { loadedTemplates, sourceLocale, type Locale } from './localization.js';
import { str, translator } from './template.js';

/** One formatter per locale: messages() runs on every render, a new Intl object each time would not. */
const formatters = new Map<string, (value: number) => string>();
const numberFormatter = (locale: string) => {
  let format = formatters.get(locale);
  if (!format) {
    const numberFormat = new Intl.NumberFormat(locale);
    format = (value: number) => numberFormat.format(value);
    formatters.set(locale, format);
  }
  return format;
};

const relativeFormatters = new Map<string, (seconds: number) => string>();
/** A wait in seconds as the locale says a time from now: "over 3 uur", "in 3 hours", "dans 3 heures". */
const inTimeFormatter = (locale: string) => {
  let format = relativeFormatters.get(locale);
  if (!format) {
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
    format = (seconds: number) => {
      if (seconds < 90) return relative.format(Math.ceil(seconds), 'second');
      if (seconds < 90 * 60) return relative.format(Math.round(seconds / 60), 'minute');
      if (seconds < 36 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
      return relative.format(Math.round(seconds / 86_400), 'day');
    };
    relativeFormatters.set(locale, format);
  }
  return format;
};

/**
 * Every user-facing string, in Dutch, the source locale. The labels quoted in the help article
 * ("New Connection", "Open", "Ga door", "Selecteer afdeling", "Simpele booking flow",
 * "Geavanceerde flow", "Afronden", "API-download opnieuw aanbieden") are kept word for word so
 * the article stays true. Other languages are in ./locales/, keyed by the ids given here.
 *
 * Call it during render, with the locale the element speaks; a locale other than Dutch must be
 * loaded first (`loadLocale`).
 */
export const messages = (locale: Locale = sourceLocale) => {
  const templates = loadedTemplates(locale);
  if (!templates) throw new Error(`The messages of locale ${locale} are not loaded yet: await loadLocale('${locale}') first.`);
  const msg = translator(templates);
  const number = numberFormatter(locale);
  const inTime = inTimeFormatter(locale);
  return {

    title: msg('Autopilot – Exact Online', { id: 'title' }),
    loading: msg('Bezig met laden…', { id: 'loading' }),
    stepCount: (step: number, total: number) => msg(str`Stap ${number(step)} van ${number(total)}`, { id: 'stepCount' }),
    /** The step indicator: its label, the five steps' short names, and what a step already taken is. */
    steps: msg('Stappen', { id: 'steps' }),
    stepNames: [
      msg('Organisatie', { id: 'stepOrganisation' }),
      msg('Exact Online', { id: 'stepSystem' }),
      msg('Inloggen', { id: 'stepLogin' }),
      msg('Administratie', { id: 'stepAdministration' }),
      msg('Klaar', { id: 'stepDone' }),
    ],
    stepTaken: msg('afgerond', { id: 'stepTaken' }),
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
    batchHeading: msg('Meerdere administraties koppelen', { id: 'batchHeading' }),
    batchIntro: msg('Log één keer in bij Exact Online. Daarna stellen we voor elke organisatie de administratie voor, en koppel je ze in één keer: zo blijft de tijd tussen de oude en de nieuwe koppeling kort.', { id: 'batchIntro' }),
    batchLoading: msg('Organisaties en administraties laden…', { id: 'batchLoading' }),
    batchChooseIntro: msg('Controleer per organisatie de voorgestelde administratie en vink aan wat klopt. Alleen aangevinkte organisaties worden gekoppeld.', { id: 'batchChooseIntro' }),
    batchMatchSummary: (rows: number, kvk: number, vat: number, name: number, none: number) =>
      msg(str`${number(rows)} organisaties te koppelen: ${number(kvk)} op KvK-nummer, ${number(vat)} op btw-nummer, ${number(name)} alleen op naam, ${number(none)} zonder voorstel.`, { id: 'batchMatchSummary' }),
    batchTableCaption: msg('Organisaties en hun administratie', { id: 'batchTableCaption' }),
    batchTick: msg('Koppelen', { id: 'batchTick' }),
    batchTickAll: msg('Alle voorstellen aanvinken', { id: 'batchTickAll' }),
    batchOrganisation: msg('Organisatie', { id: 'batchOrganisation' }),
    batchAdministration: msg('Administratie in Exact Online', { id: 'batchAdministration' }),
    batchStatus: msg('Resultaat', { id: 'batchStatus' }),
    batchChange: msg('Wijzigen', { id: 'batchChange' }),
    batchMatch_kvk: msg('Zelfde KvK-nummer', { id: 'batchMatch_kvk' }),
    batchMatch_vat: msg('Zelfde btw-nummer', { id: 'batchMatch_vat' }),
    batchMatch_name: msg('Alleen gelijke naam: controleer dit', { id: 'batchMatch_name' }),
    batchMatch_chosen: msg('Zelf gekozen', { id: 'batchMatch_chosen' }),
    batchNoMatch: msg('Geen voorstel: kies zelf een administratie met Wijzigen', { id: 'batchNoMatch' }),
    batchConflict: (organisations: string) => msg(str`Ook gekozen voor ${organisations}: een administratie hoort bij één organisatie`, { id: 'batchConflict' }),
    batchPickerHeading: (organisation: string) => msg(str`Administratie voor ${organisation}`, { id: 'batchPickerHeading' }),
    batchPickerNone: msg('Geen administratie', { id: 'batchPickerNone' }),
    batchPickerClose: msg('Sluiten zonder wijzigen', { id: 'batchPickerClose' }),
    batchUnconnectableHeading: (count: number) =>
      count === 1
        ? msg('1 organisatie kan niet gekoppeld worden', { id: 'batchUnconnectableHeading.one' })
        : msg(str`${number(count)} organisaties kunnen niet gekoppeld worden`, { id: 'batchUnconnectableHeading.other' }),
    batchUnconnectable_connected: msg('al gekoppeld', { id: 'batchUnconnectable_connected' }),
    batchBookingFlow: msg('Alle koppelingen krijgen de Simpele booking flow: facturen komen via de Digitale Brievenbus in Exact Online binnen.', { id: 'batchBookingFlow' }),
    batchConflictsHint: (organisations: string) =>
      msg(str`Dezelfde administratie is gekozen bij ${organisations}. Kies bij een van hen een andere administratie, of vink er een uit.`, { id: 'batchConflictsHint' }),
    batchNothingTicked: msg('Vink eerst de organisaties aan die je wilt koppelen.', { id: 'batchNothingTicked' }),
    batchConnectAll: (count: number) => msg(str`Alles koppelen (${number(count)})`, { id: 'batchConnectAll' }),
    batchProgress: (done: number, total: number) => msg(str`${number(done)} van ${number(total)}`, { id: 'batchProgress' }),
    batchWorking: (connection: string) => msg(str`Bezig: ${connection}`, { id: 'batchWorking' }),
    batchWaiting: (seconds: number) => msg(str`Exact Online vraagt om even te wachten. We gaan ${inTime(seconds)} vanzelf verder.`, { id: 'batchWaiting' }),
    batchWaitingLong: (seconds: number) => msg(str`Exact Online vraagt om te wachten. Ga ${inTime(seconds)} verder.`, { id: 'batchWaitingLong' }),
    batchContinue: msg('Nu verder', { id: 'batchContinue' }),
    batchStop: msg('Stoppen na deze koppeling', { id: 'batchStop' }),
    batchStopping: msg('Stopt na deze koppeling…', { id: 'batchStopping' }),
    batchRowPending: msg('Wacht', { id: 'batchRowPending' }),
    batchRowWorking: msg('Bezig…', { id: 'batchRowWorking' }),
    batchRowConnected: msg('Gekoppeld', { id: 'batchRowConnected' }),
    batchRowFailed: (reason: string) => msg(str`Mislukt: ${reason}`, { id: 'batchRowFailed' }),
    batchRowSkipped: msg('Overgeslagen', { id: 'batchRowSkipped' }),
    batchSummaryHeading: msg('Klaar met koppelen', { id: 'batchSummaryHeading' }),
    batchSummary: (connected: number, failed: number, skipped: number) =>
      msg(str`${number(connected)} gekoppeld, ${number(failed)} mislukt, ${number(skipped)} overgeslagen.`, { id: 'batchSummary' }),
    batchFailedHint: msg('Los de oorzaak op (bijvoorbeeld de rechten in Exact Online) en probeer alleen de mislukte opnieuw: wat gekoppeld is, wordt niet nog eens gekoppeld.', { id: 'batchFailedHint' }),
    batchRetryFailed: (count: number) => msg(str`Mislukte opnieuw proberen (${number(count)})`, { id: 'batchRetryFailed' }),
    batchResumeSkipped: (count: number) => msg(str`Overgeslagen alsnog koppelen (${number(count)})`, { id: 'batchResumeSkipped' }),
    batchRedeliver: (count: number) => msg(str`API-download opnieuw aanbieden voor de ${number(count)} nieuwe koppelingen`, { id: 'batchRedeliver' }),
    batchRedeliveryIntro: (count: number) =>
      msg(str`Bied de Postvak In-documenten van de ${number(count)} nieuw gekoppelde organisaties vanaf een datum opnieuw aan de Autopilot aan. De datum staat op het begin van het gat: de dag dat de eerste oude koppeling werd verbroken.`, { id: 'batchRedeliveryIntro' }),
    batchMade: (count: number) =>
      count === 1 ? msg('1 nieuwe koppeling gemaakt.', { id: 'batchMade.one' }) : msg(str`${number(count)} nieuwe koppelingen gemaakt.`, { id: 'batchMade.other' }),
    batchResuming: msg('Verder met koppelen waar je was…', { id: 'batchResuming' }),
    reconnect: msg('Opnieuw verbinden', { id: 'reconnect' }),
    reconnectHeading: msg('Koppeling opnieuw verbinden', { id: 'reconnectHeading' }),
    reconnectIntro: (connection: string) =>
      msg(str`Log opnieuw in bij Exact Online om ${connection} te herstellen. De koppeling houdt haar administratie.`, { id: 'reconnectIntro' }),
    reconnectIntroAs: (connection: string, user: string) =>
      msg(str`Log opnieuw in bij Exact Online als ${user} om ${connection} te herstellen. De koppeling houdt haar administratie, en dezelfde login herstelt ook de andere koppelingen van ${user}.`, { id: 'reconnectIntroAs' }),
    reconnectOtherUser: msg('Neemt een andere Exact Online-gebruiker de koppeling over? Kies dan Inloggen als andere Exact-gebruiker.', { id: 'reconnectOtherUser' }),
    reconnectRepairing: msg('Koppeling herstellen…', { id: 'reconnectRepairing' }),
    reconnected: (connection: string) => msg(str`${connection} is weer verbonden.`, { id: 'reconnected' }),
    reconnectedNotActive: (connection: string, status: string) =>
      msg(str`${connection} gebruikt nu de nieuwe login, maar heeft nog aandacht nodig: ${status}.`, { id: 'reconnectedNotActive' }),
    reconnectedOthers: (connections: string) => msg(str`Met dezelfde login zijn ook weer verbonden: ${connections}`, { id: 'reconnectedOthers' }),

    organisationHeading: msg('Kies de organisatie', { id: 'organisationHeading' }),
    organisationIntro: msg('Voor welke organisatie wil je een koppeling maken? Per administratie leg je één koppeling.', { id: 'organisationIntro' }),
    searchOrganisations: msg('Zoek een organisatie', { id: 'searchOrganisations' }),
    organisationsFound: (count: number) =>
      count === 1
        ? msg('1 organisatie', { id: 'organisationsFound.one' })
        : msg(str`${number(count)} organisaties`, { id: 'organisationsFound.other' }),
    /** The backend does not know the total and more pages follow: what is loaded, and that there is more. */
    organisationsFoundAtLeast: (count: number) => msg(str`Meer dan ${number(count)} organisaties`, { id: 'organisationsFoundAtLeast' }),
    organisationsNone: msg('Geen organisaties gevonden.', { id: 'organisationsNone' }),
    loadMore: msg('Meer laden', { id: 'loadMore' }),
    confirm: msg('Bevestigen', { id: 'confirm' }),
    blocker_legacy_connection_active: msg('Heeft nog een actieve koppeling via exactonline.everbinding.nl. Verbreek die eerst.', { id: 'blocker_legacy_connection_active' }),
    blocker_no_access: msg('Je hebt geen toegang tot deze organisatie.', { id: 'blocker_no_access' }),
    blocker_not_postvak_in_only: msg('Verwerkt meer dan alleen Postvak In-facturen met eConnect.', { id: 'blocker_not_postvak_in_only' }),
    blocker_no_kvk: msg('Heeft geen KvK-nummer, en zonder KvK-nummer geen Digitale Brievenbus. Vul het KvK-nummer eerst in op het platform.', { id: 'blocker_no_kvk' }),
    alreadyConnected: msg('Heeft al een koppeling.', { id: 'alreadyConnected' }),

    systemHeading: msg('Kies het boekhoudpakket', { id: 'systemHeading' }),
    systemIntro: (organisation: string) => msg(str`Waarmee wil je ${organisation} koppelen?`, { id: 'systemIntro' }),
    exactOnline: msg('Exact Online', { id: 'exactOnline' }),
    exactOnlineChoice: msg('De Autopilot zet de facturen uit je Postvak In in je administratie in Exact Online.', { id: 'exactOnlineChoice' }),

    loginHeading: msg('Inloggen bij Exact Online', { id: 'loginHeading' }),
    loginIntro: msg('Klik op Open om in te loggen bij Exact Online. Geef daar toestemming voor de administraties die je wilt koppelen.', { id: 'loginIntro' }),
    open: msg('Open', { id: 'open' }),
    loginPreparing: msg('Inloggen voorbereiden…', { id: 'loginPreparing' }),
    loginWaiting: msg('Het inlogvenster van Exact Online is open. Log daar in en geef toestemming.', { id: 'loginWaiting' }),
    loginChecking: msg('Inloggen controleren…', { id: 'loginChecking' }),
    loginAuthorized: msg('Je bent ingelogd bij Exact Online.', { id: 'loginAuthorized' }),
    loginAuthorizedAs: (user: string) => msg(str`Je bent ingelogd bij Exact Online als ${user}.`, { id: 'loginAuthorizedAs' }),
    continue: msg('Ga door', { id: 'continue' }),
    loginProblem_blocked: msg('Je browser heeft het inlogvenster tegengehouden. Klik nog een keer op Open, of sta pop-ups toe voor deze site.', { id: 'loginProblem_blocked' }),
    loginProblem_unseen: msg('We kunnen het inlogvenster niet meer zien. Ben je nog aan het inloggen? Dan gaan we verder zodra dat klaar is. Klik op Open om opnieuw te beginnen.', { id: 'loginProblem_unseen' }),
    loginProblem_denied: msg('Je hebt in Exact Online geen toestemming gegeven. Zonder toestemming kan de Autopilot niet koppelen.', { id: 'loginProblem_denied' }),
    loginProblem_expired: msg('Het inloggen duurde te lang en is verlopen. Begin opnieuw.', { id: 'loginProblem_expired' }),
    loginProblem_revoked: msg('Deze toestemming is vervangen: dezelfde Exact Online-gebruiker heeft later opnieuw ingelogd. Log opnieuw in.', { id: 'loginProblem_revoked' }),
    loginProblem_failed: msg('Inloggen bij Exact Online is niet gelukt. Probeer het opnieuw.', { id: 'loginProblem_failed' }),
    loginProblem_timedOut: msg('Er kwam geen antwoord uit het inlogvenster. Probeer het opnieuw.', { id: 'loginProblem_timedOut' }),
    loginAgain: msg('Opnieuw inloggen', { id: 'loginAgain' }),
    grantIntro: (user: string) => msg(str`Het platform heeft al toestemming van Exact Online via de gebruiker ${user}.`, { id: 'grantIntro' }),
    /** A grant on another Exact country host than the Dutch one: which host it is. */
    grantIntroRegion: (user: string, host: string) =>
      msg(str`Het platform heeft al toestemming van Exact Online (${host}) via de gebruiker ${user}.`, { id: 'grantIntroRegion' }),
    grantWhy: msg('Exact Online geeft per gebruiker één toestemming: opnieuw inloggen met dezelfde gebruiker maakt de bestaande toestemming ongeldig.', { id: 'grantWhy' }),
    reuseGrant: (user: string) => msg(str`Doorgaan als ${user}`, { id: 'reuseGrant' }),
    loginAsOther: msg('Inloggen als andere Exact-gebruiker', { id: 'loginAsOther' }),
    replaceWarning: (users: string) =>
      msg(str`Log je in als een Exact-gebruiker die al koppelingen heeft, dan vervangt deze login de vorige van die gebruiker: ${users}. Vink in Exact Online dan ook die administraties weer aan, anders hebben die koppelingen daarna aandacht nodig.`, { id: 'replaceWarning' }),
    consentDropped: (connections: string) =>
      msg(str`Let op: bij deze login zijn niet alle administraties aangevinkt die al gekoppeld zijn. Niet aangevinkt, dus aandacht nodig: kies bij deze koppeling Opnieuw verbinden en vink de administratie aan: ${connections}`, { id: 'consentDropped' }),
    loginSameTab: msg('In dit tabblad inloggen', { id: 'loginSameTab' }),
    leavingForLogin: msg('Je gaat naar Exact Online…', { id: 'leavingForLogin' }),
    resuming: msg('Verder waar je was…', { id: 'resuming' }),

    administrationHeading: msg('Selecteer afdeling', { id: 'administrationHeading' }),
    administrationIntro: (organisation: string) => msg(str`Kies de administratie in Exact Online die je aan ${organisation} wilt koppelen.`, { id: 'administrationIntro' }),
    searchDivisions: msg('Zoek een administratie', { id: 'searchDivisions' }),
    divisionsFound: (count: number) =>
      count === 1
        ? msg('1 administratie', { id: 'divisionsFound.one' })
        : msg(str`${number(count)} administraties`, { id: 'divisionsFound.other' }),
    divisionsFoundAtLeast: (count: number) => msg(str`Meer dan ${number(count)} administraties`, { id: 'divisionsFoundAtLeast' }),
    divisionsNone: msg('Geen administraties gevonden.', { id: 'divisionsNone' }),
    divisionMissing: msg('Staat je administratie er niet bij? Dan heb je er in Exact Online geen toestemming voor gegeven. Log opnieuw in om hem toe te voegen.', { id: 'divisionMissing' }),
    divisionBlocked: msg('Geblokkeerd in Exact Online.', { id: 'divisionBlocked' }),
    divisionInactive: msg('Niet actief in Exact Online.', { id: 'divisionInactive' }),
    divisionArchived: msg('Gearchiveerd in Exact Online.', { id: 'divisionArchived' }),
    divisionNoKvk: msg('Heeft geen KvK-nummer in Exact Online, en zonder KvK-nummer geen Digitale Brievenbus.', { id: 'divisionNoKvk' }),
    divisionConnectedTo: (organisation: string) => msg(str`Al gekoppeld aan ${organisation}.`, { id: 'divisionConnectedTo' }),
    kvk: (number: string) => msg(str`KvK ${number}`, { id: 'kvk' }),
    bookingFlowLegend: msg('Booking flow', { id: 'bookingFlowLegend' }),
    bookingFlowSimple: msg('Simpele booking flow', { id: 'bookingFlowSimple' }),
    bookingFlowSimpleHint: msg('Gebruikt de Digitale Brievenbus van Exact Online. Aanbevolen.', { id: 'bookingFlowSimpleHint' }),
    bookingFlowAdvanced: msg('Geavanceerde flow', { id: 'bookingFlowAdvanced' }),
    bookingFlowAdvancedHint: msg('Neem eerst contact op met eConnect om de Geavanceerde flow te gebruiken.', { id: 'bookingFlowAdvancedHint' }),
    advancedExplained: msg('Met de Geavanceerde flow boekt de Autopilot de facturen via een inrichting in Exact Online die eConnect samen met je opzet, zonder de Digitale Brievenbus. Neem daarvoor contact op met eConnect; tot die tijd kun je koppelen met de Simpele booking flow.', { id: 'advancedExplained' }),
    contactEconnect: msg('Contact opnemen met eConnect', { id: 'contactEconnect' }),
    chooseSimpleFlow: msg('Simpele booking flow kiezen', { id: 'chooseSimpleFlow' }),
    chooseDivisionFirst: msg('Kies eerst een administratie.', { id: 'chooseDivisionFirst' }),
    finish: msg('Afronden', { id: 'finish' }),
    finishing: msg('Bezig met afronden…', { id: 'finishing' }),

    // pickers and finish
    suggestedKvk: msg('Voorgesteld: KvK-nummer komt overeen', { id: 'suggestedKvk' }),
    suggestedVat: msg('Voorgesteld: btw-nummer komt overeen', { id: 'suggestedVat' }),
    chooseOtherDivision: msg('Andere administratie kiezen', { id: 'chooseOtherDivision' }),
    refusedFixed: msg('Opgelost in Exact Online? Kies de administratie dan opnieuw.', { id: 'refusedFixed' }),
    /** The letters for day, month and year in a date's format hint, apart by spaces; the locale's order and separator join them. */
    dateLetters: msg('dd mm jjjj', { id: 'dateLetters' }),
    dateFormatHint: (pattern: string) => msg(str`Notatie: ${pattern}`, { id: 'dateFormatHint' }),
    redeliveryDateMissing: (pattern: string) => msg(str`Vul een datum in, als ${pattern}.`, { id: 'redeliveryDateMissing' }),
    redeliveryDateUnreadable: (pattern: string) => msg(str`Deze datum kunnen we niet lezen. Schrijf hem als ${pattern}.`, { id: 'redeliveryDateUnreadable' }),
    redeliveryDateFuture: (today: string) => msg(str`Deze datum ligt in de toekomst. Kies vandaag (${today}) of een eerdere dag.`, { id: 'redeliveryDateFuture' }),

    doneHeading: msg('Koppeling gemaakt', { id: 'doneHeading' }),
    doneSummary: (organisation: string, code: string, division: string, bookingFlow: string) =>
      msg(str`${organisation} (eConnect) → administratie ${code} · ${division} in Exact Online · ${bookingFlow}`, { id: 'doneSummary' }),
    doneBody: msg('De Autopilot zet de facturen uit Postvak In voortaan in Exact Online.', { id: 'doneBody' }),
    doneNote: msg('Let op! Alleen documenten die vanaf nu in Postvak In binnenkomen, worden geüpload. Eerder ontvangen documenten kun je opnieuw aanbieden.', { id: 'doneNote' }),
    toOverview: msg('Naar het overzicht', { id: 'toOverview' }),

    redeliveryHeading: msg('API-download opnieuw aanbieden', { id: 'redeliveryHeading' }),
    redeliveryIntro: (organisation: string) => msg(str`Bied de Postvak In-documenten van ${organisation} vanaf een datum opnieuw aan de Autopilot aan.`, { id: 'redeliveryIntro' }),
    redeliveryFrom: msg('Vanaf datum', { id: 'redeliveryFrom' }),
    redeliverySubmit: msg('Opnieuw aanbieden', { id: 'redeliverySubmit' }),
    redeliverySubmitting: msg('Bezig met aanbieden…', { id: 'redeliverySubmitting' }),
    redeliveryCounting: msg('Documenten tellen…', { id: 'redeliveryCounting' }),
    redeliveryPreview: (count: number, date: string) =>
      count === 1
        ? msg(str`Vanaf ${date} wordt 1 document opnieuw aangeboden. Weet je het zeker?`, { id: 'redeliveryPreview.one' })
        : msg(str`Vanaf ${date} worden ${number(count)} documenten opnieuw aangeboden. Weet je het zeker?`, { id: 'redeliveryPreview.other' }),
    redeliveryNone: (date: string) => msg(str`Er zijn geen documenten vanaf ${date} om opnieuw aan te bieden. Kies een eerdere datum.`, { id: 'redeliveryNone' }),
    redeliveryConfirm: msg('Ja, opnieuw aanbieden', { id: 'redeliveryConfirm' }),
    redeliveryChangeDate: msg('Andere datum', { id: 'redeliveryChangeDate' }),
    redeliveryDone: (count: number, date: string) =>
      count === 1
        ? msg(str`1 document vanaf ${date} wordt opnieuw aangeboden.`, { id: 'redeliveryDone.one' })
        : msg(str`${number(count)} documenten vanaf ${date} worden opnieuw aangeboden.`, { id: 'redeliveryDone.other' }),

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
};

export type Messages = ReturnType<typeof messages>;
