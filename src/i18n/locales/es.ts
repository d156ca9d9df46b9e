import { str } from '../template.js';
import type { LocaleTemplates } from '../localization.js';

/** Spanish. Keys are the ids in ../messages.ts; ${0}, ${1} are that message's values in order. */
export const templates: LocaleTemplates = {
  title: 'Autopilot – Exact Online',
  loading: 'Cargando…',
  stepCount: str`Paso ${0} de ${1}`,
  back: 'Atrás',
  cancel: 'Cancelar',
  retry: 'Reintentar',
  close: 'Cerrar',

  notInstalledHeading: 'El Autopilot aún no está en su cuenta',
  notInstalledBody:
    'Haga clic en App Store en la barra morada y añada el Autopilot a su cuenta con los 3 puntos a la derecha. Mantenga la conexión que se crea: el Autopilot la necesita.',
  openAppStore: 'Ir a la App Store',
  checkAgain: 'Comprobar de nuevo',

  connectionsHeading: 'Conexiones activas',
  connectionsEmpty: 'Todavía no hay conexiones activas. Cree una con Nueva conexión.',
  'connectionsCount.one': '1 conexión activa',
  'connectionsCount.other': str`${0} conexiones activas`,
  newConnection: 'Nueva conexión',
  connectionSummary: str`${0} → ${1}`,
  connectedSince: str`Conectado desde el ${0}`,
  redeliver: 'Ofrecer de nuevo la descarga API',

  organisationHeading: 'Elija la organización',
  organisationIntro: '¿Qué organización desea conectar? Se crea una conexión por administración.',
  searchOrganisations: 'Buscar una organización',
  'organisationsFound.one': '1 organización',
  'organisationsFound.other': str`${0} organizaciones`,
  organisationsNone: 'No se encontraron organizaciones.',
  loadMore: 'Cargar más',
  confirm: 'Confirmar',
  blocker_legacy_connection_active:
    'Todavía tiene una conexión activa a través de exactonline.everbinding.nl. Rómpala primero.',
  blocker_no_access: 'No tiene acceso a esta organización.',
  blocker_not_postvak_in_only: 'Procesa más que las facturas de Postvak In con eConnect.',
  alreadyConnected: 'Ya tiene una conexión.',

  systemHeading: 'Elija el programa de contabilidad',
  systemIntro: str`¿Con qué desea conectar ${0}?`,
  exactOnline: 'Exact Online',

  loginHeading: 'Iniciar sesión en Exact Online',
  loginIntro:
    'Haga clic en Abrir para iniciar sesión en Exact Online. Allí, dé su consentimiento para las administraciones que desea conectar.',
  open: 'Abrir',
  loginPreparing: 'Preparando el inicio de sesión…',
  loginWaiting: 'La ventana de inicio de sesión de Exact Online está abierta. Inicie sesión allí y dé su consentimiento.',
  loginChecking: 'Comprobando el inicio de sesión…',
  loginAuthorized: 'Ha iniciado sesión en Exact Online.',
  loginAuthorizedAs: str`Ha iniciado sesión en Exact Online como ${0}.`,
  continue: 'Continuar',
  loginProblem_blocked:
    'Su navegador bloqueó la ventana de inicio de sesión. Haga clic de nuevo en Abrir o permita las ventanas emergentes para este sitio.',
  loginProblem_unseen: 'Ya no vemos la ventana de inicio de sesión. Si todavía está iniciando sesión, continuaremos en cuanto termine. Haga clic en Abrir para empezar de nuevo.',
  loginProblem_denied: 'No dio su consentimiento en Exact Online. Sin él, el Autopilot no puede conectarse.',
  loginProblem_expired: 'El inicio de sesión tardó demasiado y caducó. Empiece de nuevo.',
  loginProblem_failed: 'No se pudo iniciar sesión en Exact Online. Inténtelo de nuevo.',
  loginProblem_timedOut: 'No llegó respuesta de la ventana de inicio de sesión. Inténtelo de nuevo.',
  loginAgain: 'Iniciar sesión de nuevo',
  grantIntro: str`La plataforma ya tiene el consentimiento de Exact Online a través del usuario ${0}.`,
  grantWhy:
    'Exact Online da un consentimiento por usuario: iniciar sesión de nuevo con el mismo usuario invalida el consentimiento existente.',
  reuseGrant: str`Continuar como ${0}`,
  loginAsOther: 'Iniciar sesión con otro usuario',
  loginSameTab: 'Iniciar sesión en esta pestaña',
  leavingForLogin: 'Le llevamos a Exact Online…',
  resuming: 'Continuando donde estaba…',

  administrationHeading: 'Seleccione la administración',
  administrationIntro: str`Elija la administración de Exact Online que desea conectar con ${0}.`,
  searchDivisions: 'Buscar una administración',
  'divisionsFound.one': '1 administración',
  'divisionsFound.other': str`${0} administraciones`,
  divisionsNone: 'No se encontraron administraciones.',
  divisionMissing:
    '¿No aparece su administración? Entonces no dio su consentimiento para ella en Exact Online. Inicie sesión de nuevo para añadirla.',
  divisionBlocked: 'Bloqueada en Exact Online.',
  divisionConnectedTo: str`Ya conectada con ${0}.`,
  kvk: str`KvK ${0}`,
  bookingFlowLegend: 'Flujo de contabilización',
  bookingFlowSimple: 'Flujo de contabilización simple',
  bookingFlowSimpleHint: 'Usa el Buzón digital de Exact Online. Recomendado.',
  bookingFlowAdvanced: 'Flujo avanzado',
  bookingFlowAdvancedHint: 'Contacte primero con eConnect para usar el flujo avanzado.',
  chooseDivisionFirst: 'Elija primero una administración.',
  finish: 'Finalizar',
  finishing: 'Finalizando…',

  doneHeading: 'Conexión establecida',
  doneBody: str`${0} está conectada con ${1}. A partir de ahora, el Autopilot lleva las facturas de Postvak In a Exact Online.`,
  doneNote:
    '¡Atención! Solo se suben los documentos que lleguen a Postvak In a partir de ahora. Puede ofrecer de nuevo los documentos recibidos antes.',
  toOverview: 'Al resumen',

  redeliveryHeading: 'Ofrecer de nuevo la descarga API',
  redeliveryIntro: str`Ofrecer de nuevo al Autopilot los documentos de Postvak In de ${0} a partir de una fecha.`,
  redeliveryFrom: 'A partir de la fecha',
  redeliverySubmit: 'Ofrecer de nuevo',
  redeliverySubmitting: 'Ofreciendo…',
  'redeliveryDone.one': str`Se ofrece de nuevo 1 documento a partir del ${0}.`,
  'redeliveryDone.other': str`Se ofrecen de nuevo ${0} documentos a partir del ${1}.`,
  redeliveryDateInvalid: 'Introduzca una fecha válida que no sea futura.',

  error_network: 'La plataforma no está disponible. Compruebe su conexión a internet e inténtelo de nuevo.',
  error_timeout: 'La plataforma no responde a tiempo. Inténtelo de nuevo.',
  error_server: 'Algo salió mal en la plataforma. Inténtelo de nuevo.',
  error_unavailable: 'La plataforma no está disponible temporalmente. Inténtelo de nuevo en unos minutos.',
  error_rateLimited: str`Demasiadas solicitudes a la vez. Lo reintentaremos automáticamente ${0}.`,
  error_rateLimitedLater: str`Demasiadas solicitudes a la vez. Inténtelo de nuevo ${0}.`,
  error_malformed: 'La plataforma dio una respuesta inesperada. Inténtelo de nuevo.',
  error_unauthenticated:
    'Su sesión en la plataforma ha caducado. Inicie sesión de nuevo en la plataforma; sus elecciones aquí se conservan.',
  error_forbidden: 'No tiene permiso para esta acción.',
  error_not_found: 'Este elemento no existe (ya). Vuelva atrás e inténtelo de nuevo.',
  error_invalid_request: 'La solicitud no era válida. Vuelva atrás e inténtelo de nuevo.',
  error_autopilot_not_installed: 'El Autopilot no está (ya) en su cuenta. Añádalo desde la App Store.',
  error_organisation_blocked: 'Esta organización no se puede conectar ahora. Elija otra organización.',
  error_organisation_already_connected: 'Esta organización ya tiene una conexión. Elija otra organización.',
  error_authorization_not_authorized: 'El consentimiento de Exact Online no es (ya) válido. Inicie sesión de nuevo.',
  error_authorization_expired: 'El consentimiento de Exact Online ha caducado. Inicie sesión de nuevo.',
  error_division_not_granted:
    'No dio su consentimiento para esta administración en Exact Online. Inicie sesión de nuevo para añadirla.',
  error_division_already_connected:
    'Esta administración ya está conectada con otra organización. Elija otra administración.',
  error_division_blocked: 'Esta administración está bloqueada en Exact Online. Elija otra administración.',
  error_no_division_access:
    'Su usuario de Exact Online no tiene acceso a esta administración. Elija otra o inicie sesión con otro usuario.',
  error_mailbox_forbidden:
    'Su usuario de Exact Online no puede crear un Buzón digital en esta administración. Pida los permisos a su administrador de Exact o inicie sesión con otro usuario.',
  error_mailbox_linked_elsewhere:
    'El Buzón digital ya está vinculado a otra administración. Desvincúlelo primero allí en Exact Online.',
  error_trial_licence: 'Esta administración tiene una licencia de prueba de Exact Online. Conectar requiere una licencia completa.',
  error_idempotency_key_reused: 'Sus elecciones cambiaron durante la finalización. Inténtelo de nuevo.',
};
