import { firstMessages, inTimeFormatter, numberFormatter, onceEach, templatesOf } from './first-messages.js';
import type { Locale } from './localization.js';
import { str, translator } from './template.js';

/**
 * Every user-facing string, in Dutch, the source locale: the first load's (./first-messages.ts)
 * and the later steps'. The later steps' chunk and the tests use it; the first load never does.
 * The help article's labels quoted
 * ("New Connection", "Open", "Ga door", "Selecteer afdeling", "Simpele booking flow",
 * "Geavanceerde flow", "Afronden", "API-download opnieuw aanbieden") are kept word for word so
 * the article stays true. Other languages are in ./locales/, keyed by the ids given here.
 *
 * Call it during render, with the locale the element speaks; a locale other than Dutch must be
 * loaded first (`loadLocale`).
 */
export const messages = onceEach((locale: Locale) => {
  const msg = translator(templatesOf(locale));
  const number = numberFormatter(locale);
  const inTime = inTimeFormatter(locale);
  return {
    ...firstMessages(locale),

    /** The step indicator: its label, and what a step already taken is (the steps' names are in the first load). */
    steps: msg('Stappen', { id: 'steps' }),
    stepTaken: msg('afgerond', { id: 'stepTaken' }),

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
    batchResuming: msg('Verder met koppelen waar je was…', { id: 'batchResuming' }),
    reconnectHeading: msg('Koppeling opnieuw verbinden', { id: 'reconnectHeading' }),
    reconnectIntro: (connection: string) =>
      msg(str`Log opnieuw in bij Exact Online om ${connection} te herstellen. De koppeling houdt haar administratie.`, { id: 'reconnectIntro' }),
    reconnectIntroAs: (connection: string, user: string) =>
      msg(str`Log opnieuw in bij Exact Online als ${user} om ${connection} te herstellen. De koppeling houdt haar administratie, en dezelfde login herstelt ook de andere koppelingen van ${user}.`, { id: 'reconnectIntroAs' }),
    reconnectOtherUser: msg('Neemt een andere Exact Online-gebruiker de koppeling over? Kies dan Inloggen als andere Exact-gebruiker.', { id: 'reconnectOtherUser' }),
    reconnectRepairing: msg('Koppeling herstellen…', { id: 'reconnectRepairing' }),

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

    loginIntro: msg('Klik op Open om in te loggen bij Exact Online. Geef daar toestemming voor de administraties die je wilt koppelen.', { id: 'loginIntro' }),
    open: msg('Open', { id: 'open' }),
    loginPreparing: msg('Inloggen voorbereiden…', { id: 'loginPreparing' }),
    loginWaiting: msg('Het inlogvenster van Exact Online is open. Log daar in en geef toestemming.', { id: 'loginWaiting' }),
    loginChecking: msg('Inloggen controleren…', { id: 'loginChecking' }),
    loginAuthorized: msg('Je bent ingelogd bij Exact Online.', { id: 'loginAuthorized' }),
    loginAuthorizedAs: (user: string) => msg(str`Je bent ingelogd bij Exact Online als ${user}.`, { id: 'loginAuthorizedAs' }),
    continue: msg('Ga door', { id: 'continue' }),
    loginAgain: msg('Opnieuw inloggen', { id: 'loginAgain' }),
    grantIntro: (user: string) => msg(str`Het platform heeft al toestemming van Exact Online via de gebruiker ${user}.`, { id: 'grantIntro' }),
    /** A grant on another Exact country host than the Dutch one: which host it is. */
    grantIntroRegion: (user: string, host: string) =>
      msg(str`Het platform heeft al toestemming van Exact Online (${host}) via de gebruiker ${user}.`, { id: 'grantIntroRegion' }),
    grantWhy: msg('Exact Online geeft per gebruiker één toestemming: opnieuw inloggen met dezelfde gebruiker maakt de bestaande toestemming ongeldig.', { id: 'grantWhy' }),
    reuseGrant: (user: string) => msg(str`Doorgaan als ${user}`, { id: 'reuseGrant' }),
    replaceWarning: (users: string) =>
      msg(str`Log je in als een Exact-gebruiker die al koppelingen heeft, dan vervangt deze login de vorige van die gebruiker: ${users}. Vink in Exact Online dan ook die administraties weer aan, anders hebben die koppelingen daarna aandacht nodig.`, { id: 'replaceWarning' }),
    loginSameTab: msg('In dit tabblad inloggen', { id: 'loginSameTab' }),
    leavingForLogin: msg('Je gaat naar Exact Online…', { id: 'leavingForLogin' }),

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
    bookingFlowSimpleHint: msg('Gebruikt de Digitale Brievenbus van Exact Online. Aanbevolen.', { id: 'bookingFlowSimpleHint' }),
    bookingFlowAdvancedHint: msg('Neem eerst contact op met eConnect om de Geavanceerde flow te gebruiken.', { id: 'bookingFlowAdvancedHint' }),
    advancedExplained: msg('Met de Geavanceerde flow boekt de Autopilot de facturen via een inrichting in Exact Online die eConnect samen met je opzet, zonder de Digitale Brievenbus. Neem daarvoor contact op met eConnect; tot die tijd kun je koppelen met de Simpele booking flow.', { id: 'advancedExplained' }),
    chooseSimpleFlow: msg('Simpele booking flow kiezen', { id: 'chooseSimpleFlow' }),
    chooseDivisionFirst: msg('Kies eerst een administratie.', { id: 'chooseDivisionFirst' }),
    finish: msg('Afronden', { id: 'finish' }),
    finishing: msg('Bezig met afronden…', { id: 'finishing' }),

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
  };
});

export type Messages = ReturnType<typeof messages>;
