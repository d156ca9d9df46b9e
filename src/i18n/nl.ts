/**
 * Dutch, the default. The labels quoted in the help article ("New Connection", "Open",
 * "Ga door", "Selecteer afdeling", "Simpele booking flow", "Geavanceerde flow", "Afronden",
 * "API-download opnieuw aanbieden") are kept word for word so the article stays true.
 * This object's shape is the type every other locale must fill in full.
 */
export const nl = {
  title: 'Autopilot – Exact Online',
  loading: 'Bezig met laden…',
  stepOf: (step: number, total: number) => `Stap ${step} van ${total}`,
  back: 'Terug',
  cancel: 'Annuleren',
  retry: 'Opnieuw proberen',
  close: 'Sluiten',

  notInstalledHeading: 'De Autopilot staat nog niet in je account',
  notInstalledBody:
    'Klik in de paarse balk op App Winkel en voeg daar met de 3 puntjes aan de rechterkant de Autopilot aan je account toe. Laat de verbinding die daarbij wordt aangemaakt staan: de Autopilot heeft die nodig.',
  openAppStore: 'Naar de App Winkel',
  checkAgain: 'Opnieuw controleren',

  connectionsHeading: 'Actieve verbindingen',
  connectionsEmpty: 'Er zijn nog geen actieve verbindingen. Maak er een met New Connection.',
  connectionsCount: (count: number) => (count === 1 ? '1 actieve verbinding' : `${count} actieve verbindingen`),
  newConnection: 'New Connection',
  connectionSummary: (organisation: string, division: string) => `${organisation} → ${division}`,
  connectedSince: (date: string) => `Verbonden sinds ${date}`,
  redeliver: 'API-download opnieuw aanbieden',

  organisationHeading: 'Kies de organisatie',
  organisationIntro: 'Voor welke organisatie wil je een koppeling maken? Per administratie leg je één koppeling.',
  searchOrganisations: 'Zoek een organisatie',
  organisationsFound: (count: number) => (count === 1 ? '1 organisatie' : `${count} organisaties`),
  organisationsNone: 'Geen organisaties gevonden.',
  loadMore: 'Meer laden',
  confirm: 'Bevestigen',
  blocker_legacy_connection_active:
    'Heeft nog een actieve verbinding via exactonline.everbinding.nl. Verbreek die eerst.',
  blocker_no_access: 'Je hebt geen toegang tot deze organisatie.',
  blocker_not_postvak_in_only: 'Verwerkt meer dan alleen Postvak In-facturen met eConnect.',
  alreadyConnected: 'Heeft al een koppeling.',

  systemHeading: 'Kies het boekhoudpakket',
  systemIntro: (organisation: string) => `Waarmee wil je ${organisation} koppelen?`,
  exactOnline: 'Exact Online',

  loginHeading: 'Inloggen bij Exact Online',
  loginIntro:
    'Klik op Open om in te loggen bij Exact Online. Geef daar toestemming voor de administraties die je wilt koppelen.',
  open: 'Open',
  loginPreparing: 'Inloggen voorbereiden…',
  loginWaiting: 'Het inlogvenster van Exact Online is open. Log daar in en geef toestemming.',
  loginChecking: 'Inloggen controleren…',
  loginAuthorized: 'De verbinding met Exact Online is gelegd.',
  loginAuthorizedAs: (user: string) => `De verbinding met Exact Online is gelegd als ${user}.`,
  continue: 'Ga door',
  loginProblem_blocked:
    'Je browser heeft het inlogvenster tegengehouden. Klik nog een keer op Open, of sta pop-ups toe voor deze site.',
  loginProblem_closed: 'Het inlogvenster is gesloten voordat het inloggen klaar was.',
  loginProblem_denied: 'Je hebt in Exact Online geen toestemming gegeven. Zonder toestemming kan de Autopilot niet koppelen.',
  loginProblem_expired: 'Het inloggen duurde te lang en is verlopen. Begin opnieuw.',
  loginProblem_failed: 'Inloggen bij Exact Online is niet gelukt. Probeer het opnieuw.',
  loginProblem_timedOut: 'Er kwam geen antwoord uit het inlogvenster. Probeer het opnieuw.',
  loginAgain: 'Opnieuw inloggen',
  grantIntro: (user: string) => `Het platform heeft al toestemming van Exact Online via de gebruiker ${user}.`,
  grantWhy:
    'Exact Online staat per gebruiker één koppeling toe: opnieuw inloggen met dezelfde gebruiker maakt de bestaande toestemming ongeldig.',
  reuseGrant: (user: string) => `Doorgaan als ${user}`,
  loginAsOther: 'Inloggen als andere gebruiker',
  loginSameTab: 'In dit tabblad inloggen',
  leavingForLogin: 'Je gaat naar Exact Online…',
  resuming: 'Verder waar je was…',

  administrationHeading: 'Selecteer afdeling',
  administrationIntro: (organisation: string) =>
    `Kies de administratie in Exact Online die je aan ${organisation} wilt koppelen.`,
  searchDivisions: 'Zoek een administratie',
  divisionsFound: (count: number) => (count === 1 ? '1 administratie' : `${count} administraties`),
  divisionsNone: 'Geen administraties gevonden.',
  divisionMissing:
    'Staat je administratie er niet bij? Dan heb je er in Exact Online geen toestemming voor gegeven. Log opnieuw in om hem toe te voegen.',
  divisionBlocked: 'Geblokkeerd in Exact Online.',
  divisionConnectedTo: (organisation: string) => `Al gekoppeld aan ${organisation}.`,
  kvk: (number: string) => `KvK ${number}`,
  bookingFlowLegend: 'Booking flow',
  bookingFlowSimple: 'Simpele booking flow',
  bookingFlowSimpleHint: 'Gebruikt de Digitale Brievenbus van Exact Online. Aanbevolen.',
  bookingFlowAdvanced: 'Geavanceerde flow',
  bookingFlowAdvancedHint: 'Neem eerst contact op met eConnect om de Geavanceerde flow te gebruiken.',
  chooseDivisionFirst: 'Kies eerst een administratie.',
  finish: 'Afronden',
  finishing: 'Bezig met afronden…',

  doneHeading: 'Verbinding gelegd',
  doneBody: (organisation: string, division: string) =>
    `${organisation} is gekoppeld aan ${division}. De Autopilot zet de facturen uit Postvak In voortaan in Exact Online.`,
  doneNote:
    'Let op! Alleen documenten die vanaf nu in Postvak In binnenkomen, worden geüpload. Eerder ontvangen documenten kun je opnieuw aanbieden.',
  toOverview: 'Naar het overzicht',

  redeliveryHeading: 'API-download opnieuw aanbieden',
  redeliveryIntro: (organisation: string) =>
    `Bied de Postvak In-documenten van ${organisation} vanaf een datum opnieuw aan de Autopilot aan.`,
  redeliveryFrom: 'Vanaf datum',
  redeliverySubmit: 'Opnieuw aanbieden',
  redeliverySubmitting: 'Bezig met aanbieden…',
  redeliveryDone: (count: number, date: string) =>
    count === 1 ? `1 document vanaf ${date} wordt opnieuw aangeboden.` : `${count} documenten vanaf ${date} worden opnieuw aangeboden.`,
  redeliveryDateInvalid: 'Vul een geldige datum in, niet in de toekomst.',

  error_network: 'Er is geen verbinding met het platform. Controleer je internetverbinding en probeer het opnieuw.',
  error_timeout: 'Het platform reageert niet op tijd. Probeer het opnieuw.',
  error_server: 'Er ging iets mis bij het platform. Probeer het opnieuw.',
  error_unavailable: 'Het platform is tijdelijk niet bereikbaar. Probeer het over een paar minuten opnieuw.',
  error_rateLimited: (seconds: number) => `Te veel verzoeken tegelijk. Over ${seconds} seconden proberen we het vanzelf opnieuw.`,
  error_malformed: 'Het platform gaf een antwoord dat de koppeling niet begrijpt. Probeer het opnieuw.',
  error_unauthenticated: 'Je sessie op het platform is verlopen. Log opnieuw in op het platform; je keuzes hier blijven bewaard.',
  error_forbidden: 'Je hebt geen rechten voor deze actie.',
  error_not_found: 'Dit onderdeel bestaat niet (meer). Ga terug en probeer het opnieuw.',
  error_invalid_request: 'Het verzoek was niet geldig. Ga terug en probeer het opnieuw.',
  error_autopilot_not_installed: 'De Autopilot staat niet (meer) in je account. Voeg hem toe via de App Winkel.',
  error_organisation_blocked: 'Deze organisatie kan nu niet gekoppeld worden. Kies een andere organisatie.',
  error_organisation_already_connected: 'Deze organisatie heeft al een koppeling. Kies een andere organisatie.',
  error_authorization_not_authorized: 'De toestemming van Exact Online is niet (meer) geldig. Log opnieuw in.',
  error_authorization_expired: 'De toestemming van Exact Online is verlopen. Log opnieuw in.',
  error_division_not_granted: 'Voor deze administratie heb je in Exact Online geen toestemming gegeven. Log opnieuw in om hem toe te voegen.',
  error_division_already_connected: 'Deze administratie is al gekoppeld aan een andere organisatie. Kies een andere administratie.',
  error_division_blocked: 'Deze administratie is geblokkeerd in Exact Online. Kies een andere administratie.',
  error_no_division_access: 'Je Exact Online-gebruiker heeft geen toegang tot deze administratie. Kies een andere of log in als een andere gebruiker.',
  error_mailbox_forbidden:
    'Je Exact Online-gebruiker mag geen Digitale Brievenbus aanmaken in deze administratie. Vraag de rechten aan je Exact-beheerder of log in als een andere gebruiker.',
  error_mailbox_linked_elsewhere:
    'De Digitale Brievenbus is al gekoppeld aan een andere administratie. Ontkoppel hem daar eerst in Exact Online.',
  error_trial_licence: 'Deze administratie heeft een proeflicentie van Exact Online. Koppelen kan pas met een volledige licentie.',
  error_idempotency_key_reused: 'Je keuzes zijn gewijzigd tijdens het afronden. Probeer het opnieuw.',
};

export type Messages = typeof nl;
