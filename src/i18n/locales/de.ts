import { str } from '../template.js';
import type { LocaleTemplates } from '../localization.js';

/** German. Keys are the ids in ../messages.ts; ${0}, ${1} are that message's values in order. */
export const templates: LocaleTemplates = {
  title: 'Autopilot – Exact Online',
  loading: 'Wird geladen…',
  stepCount: str`Schritt ${0} von ${1}`,
  back: 'Zurück',
  cancel: 'Abbrechen',
  retry: 'Erneut versuchen',
  close: 'Schließen',

  notInstalledHeading: 'Der Autopilot ist noch nicht in Ihrem Konto',
  notInstalledBody:
    'Klicken Sie in der violetten Leiste auf App Store und fügen Sie den Autopilot über die 3 Punkte rechts zu Ihrem Konto hinzu. Lassen Sie die dabei erstellte Verbindung bestehen: Der Autopilot braucht sie.',
  openAppStore: 'Zum App Store',
  checkAgain: 'Erneut prüfen',

  connectionsHeading: 'Aktive Verbindungen',
  connectionsEmpty: 'Es gibt noch keine aktiven Verbindungen. Erstellen Sie eine mit Neue Verbindung.',
  'connectionsCount.one': '1 aktive Verbindung',
  'connectionsCount.other': str`${0} aktive Verbindungen`,
  newConnection: 'Neue Verbindung',
  connectionSummary: str`${0} → ${1}`,
  connectedSince: str`Verbunden seit ${0}`,
  redeliver: 'API-Download erneut anbieten',

  organisationHeading: 'Organisation wählen',
  organisationIntro: 'Welche Organisation möchten Sie verbinden? Pro Administration legen Sie eine Verbindung an.',
  searchOrganisations: 'Organisation suchen',
  'organisationsFound.one': '1 Organisation',
  'organisationsFound.other': str`${0} Organisationen`,
  organisationsNone: 'Keine Organisationen gefunden.',
  loadMore: 'Mehr laden',
  confirm: 'Bestätigen',
  blocker_legacy_connection_active:
    'Hat noch eine aktive Verbindung über exactonline.everbinding.nl. Trennen Sie diese zuerst.',
  blocker_no_access: 'Sie haben keinen Zugriff auf diese Organisation.',
  blocker_not_postvak_in_only: 'Verarbeitet mehr als nur Postvak-In-Rechnungen mit eConnect.',
  alreadyConnected: 'Hat bereits eine Verbindung.',

  systemHeading: 'Buchhaltungssystem wählen',
  systemIntro: str`Womit möchten Sie ${0} verbinden?`,
  exactOnline: 'Exact Online',

  loginHeading: 'Bei Exact Online anmelden',
  loginIntro:
    'Klicken Sie auf Öffnen, um sich bei Exact Online anzumelden. Erteilen Sie dort die Zustimmung für die Administrationen, die Sie verbinden möchten.',
  open: 'Öffnen',
  loginPreparing: 'Anmeldung wird vorbereitet…',
  loginWaiting: 'Das Anmeldefenster von Exact Online ist geöffnet. Melden Sie sich dort an und stimmen Sie zu.',
  loginChecking: 'Anmeldung wird geprüft…',
  loginAuthorized: 'Sie sind bei Exact Online angemeldet.',
  loginAuthorizedAs: str`Sie sind bei Exact Online als ${0} angemeldet.`,
  continue: 'Weiter',
  loginProblem_blocked:
    'Ihr Browser hat das Anmeldefenster blockiert. Klicken Sie noch einmal auf Öffnen oder erlauben Sie Pop-ups für diese Website.',
  loginProblem_unseen: 'Wir sehen das Anmeldefenster nicht mehr. Wenn Sie sich noch anmelden, machen wir weiter, sobald das erledigt ist. Klicken Sie auf Öffnen, um neu zu beginnen.',
  loginProblem_denied:
    'Sie haben in Exact Online keine Zustimmung erteilt. Ohne Zustimmung kann der Autopilot keine Verbindung herstellen.',
  loginProblem_expired: 'Die Anmeldung hat zu lange gedauert und ist abgelaufen. Beginnen Sie neu.',
  loginProblem_failed: 'Die Anmeldung bei Exact Online ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
  loginProblem_timedOut: 'Aus dem Anmeldefenster kam keine Antwort. Bitte versuchen Sie es erneut.',
  loginAgain: 'Erneut anmelden',
  grantIntro: str`Die Plattform hat bereits die Zustimmung von Exact Online über den Benutzer ${0}.`,
  grantWhy:
    'Exact Online erteilt eine Zustimmung pro Benutzer: Eine erneute Anmeldung mit demselben Benutzer macht die bestehende Zustimmung ungültig.',
  reuseGrant: str`Weiter als ${0}`,
  loginAsOther: 'Als anderer Benutzer anmelden',
  loginSameTab: 'In diesem Tab anmelden',
  leavingForLogin: 'Sie werden zu Exact Online weitergeleitet…',
  resuming: 'Es geht dort weiter, wo Sie waren…',

  administrationHeading: 'Administration auswählen',
  administrationIntro: str`Wählen Sie die Administration in Exact Online, die Sie mit ${0} verbinden möchten.`,
  searchDivisions: 'Administration suchen',
  'divisionsFound.one': '1 Administration',
  'divisionsFound.other': str`${0} Administrationen`,
  divisionsNone: 'Keine Administrationen gefunden.',
  divisionMissing:
    'Ihre Administration ist nicht aufgeführt? Dann haben Sie in Exact Online keine Zustimmung dafür erteilt. Melden Sie sich erneut an, um sie hinzuzufügen.',
  divisionBlocked: 'In Exact Online gesperrt.',
  divisionConnectedTo: str`Bereits mit ${0} verbunden.`,
  kvk: str`KvK ${0}`,
  bookingFlowLegend: 'Buchungsablauf',
  bookingFlowSimple: 'Einfacher Buchungsablauf',
  bookingFlowSimpleHint: 'Verwendet den digitalen Briefkasten von Exact Online. Empfohlen.',
  bookingFlowAdvanced: 'Erweiterter Ablauf',
  bookingFlowAdvancedHint: 'Wenden Sie sich zuerst an eConnect, um den erweiterten Ablauf zu nutzen.',
  chooseDivisionFirst: 'Wählen Sie zuerst eine Administration.',
  finish: 'Abschließen',
  finishing: 'Wird abgeschlossen…',

  doneHeading: 'Verbindung hergestellt',
  doneBody: str`${0} ist mit ${1} verbunden. Ab jetzt stellt der Autopilot die Rechnungen aus Postvak In in Exact Online ein.`,
  doneNote:
    'Achtung! Nur Dokumente, die ab jetzt in Postvak In eingehen, werden hochgeladen. Früher empfangene Dokumente können Sie erneut anbieten.',
  toOverview: 'Zur Übersicht',

  redeliveryHeading: 'API-Download erneut anbieten',
  redeliveryIntro: str`Die Postvak-In-Dokumente von ${0} ab einem Datum erneut dem Autopilot anbieten.`,
  redeliveryFrom: 'Ab Datum',
  redeliverySubmit: 'Erneut anbieten',
  redeliverySubmitting: 'Wird angeboten…',
  'redeliveryDone.one': str`1 Dokument ab ${0} wird erneut angeboten.`,
  'redeliveryDone.other': str`${0} Dokumente ab ${1} werden erneut angeboten.`,
  redeliveryDateInvalid: 'Geben Sie ein gültiges Datum ein, das nicht in der Zukunft liegt.',

  error_network: 'Die Plattform ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  error_timeout: 'Die Plattform antwortet nicht rechtzeitig. Bitte versuchen Sie es erneut.',
  error_server: 'Bei der Plattform ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.',
  error_unavailable: 'Die Plattform ist vorübergehend nicht erreichbar. Versuchen Sie es in ein paar Minuten erneut.',
  error_rateLimited: str`Zu viele Anfragen auf einmal. Wir versuchen es ${0} automatisch erneut.`,
  error_rateLimitedLater: str`Zu viele Anfragen auf einmal. Versuchen Sie es ${0} erneut.`,
  error_malformed: 'Die Plattform hat eine unerwartete Antwort gegeben. Bitte versuchen Sie es erneut.',
  error_unauthenticated:
    'Ihre Sitzung auf der Plattform ist abgelaufen. Melden Sie sich erneut bei der Plattform an; Ihre Auswahl hier bleibt erhalten.',
  error_forbidden: 'Sie haben keine Berechtigung für diese Aktion.',
  error_not_found: 'Dieses Element existiert nicht (mehr). Gehen Sie zurück und versuchen Sie es erneut.',
  error_invalid_request: 'Die Anfrage war ungültig. Gehen Sie zurück und versuchen Sie es erneut.',
  error_autopilot_not_installed: 'Der Autopilot ist nicht (mehr) in Ihrem Konto. Fügen Sie ihn über den App Store hinzu.',
  error_organisation_blocked: 'Diese Organisation kann jetzt nicht verbunden werden. Wählen Sie eine andere Organisation.',
  error_organisation_already_connected: 'Diese Organisation hat bereits eine Verbindung. Wählen Sie eine andere Organisation.',
  error_authorization_not_authorized: 'Die Zustimmung von Exact Online ist nicht (mehr) gültig. Melden Sie sich erneut an.',
  error_authorization_expired: 'Die Zustimmung von Exact Online ist abgelaufen. Melden Sie sich erneut an.',
  error_division_not_granted:
    'Für diese Administration haben Sie in Exact Online keine Zustimmung erteilt. Melden Sie sich erneut an, um sie hinzuzufügen.',
  error_division_already_connected:
    'Diese Administration ist bereits mit einer anderen Organisation verbunden. Wählen Sie eine andere Administration.',
  error_division_blocked: 'Diese Administration ist in Exact Online gesperrt. Wählen Sie eine andere Administration.',
  error_no_division_access:
    'Ihr Exact-Online-Benutzer hat keinen Zugriff auf diese Administration. Wählen Sie eine andere oder melden Sie sich als anderer Benutzer an.',
  error_mailbox_forbidden:
    'Ihr Exact-Online-Benutzer darf in dieser Administration keinen digitalen Briefkasten anlegen. Bitten Sie Ihren Exact-Administrator um die Rechte oder melden Sie sich als anderer Benutzer an.',
  error_mailbox_linked_elsewhere:
    'Der digitale Briefkasten ist bereits mit einer anderen Administration verknüpft. Lösen Sie ihn dort zuerst in Exact Online.',
  error_trial_licence:
    'Diese Administration hat eine Testlizenz von Exact Online. Eine Verbindung ist erst mit einer vollständigen Lizenz möglich.',
  error_idempotency_key_reused: 'Ihre Auswahl hat sich beim Abschließen geändert. Bitte versuchen Sie es erneut.',
};
