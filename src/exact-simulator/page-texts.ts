/**
 * The simulated Exact pages speak the browser's language, as Exact's do. These are Exact's pages,
 * not the element's, so they keep their own texts here rather than in src/i18n.
 */
export const pageLanguages = ['nl', 'en', 'fr', 'de', 'es'] as const;
export type PageLanguage = (typeof pageLanguages)[number];

export interface PageTexts {
  footer: string;
  loginTitle: string;
  username: string;
  password: string;
  logIn: string;
  wrongLogin: string;
  consentTitle: string;
  /** `{app}` is replaced by the app's name. */
  consentIntro: string;
  signedInAs: string;
  inactive: string;
  archived: string;
  blocked: string;
  allow: string;
  deny: string;
  noneTicked: string;
  invalidTitle: string;
  invalidClient: string;
  invalidRedirect: string;
  consentExpired: string;
}

export const pageTexts: Readonly<Record<PageLanguage, PageTexts>> = {
  nl: {
    footer: 'Gesimuleerde Exact Online (ontwikkeling en tests)',
    loginTitle: 'Inloggen bij Exact Online',
    username: 'Gebruikersnaam',
    password: 'Wachtwoord',
    logIn: 'Inloggen',
    wrongLogin: 'De gebruikersnaam of het wachtwoord is onjuist. Controleer ze en probeer het opnieuw.',
    consentTitle: 'Toegang verlenen',
    consentIntro: '{app} vraagt toegang tot je administraties. Vink aan welke de app mag gebruiken; de rest blijft voor de app onzichtbaar.',
    signedInAs: 'Ingelogd als',
    inactive: 'inactief',
    archived: 'gearchiveerd',
    blocked: 'geblokkeerd',
    allow: 'Toestaan',
    deny: 'Weigeren',
    noneTicked: 'Vink minstens één administratie aan, of kies Weigeren.',
    invalidTitle: 'Ongeldige aanvraag',
    invalidClient: 'Deze app is niet bekend bij Exact Online (client_id). Neem contact op met de leverancier van de app.',
    invalidRedirect: 'Het terugkeeradres (redirect_uri) hoort niet bij deze app. Neem contact op met de leverancier van de app.',
    consentExpired: 'Deze toestemmingspagina is verlopen. Begin opnieuw bij de app.',
  },
  en: {
    footer: 'Simulated Exact Online (development and tests)',
    loginTitle: 'Log in to Exact Online',
    username: 'Username',
    password: 'Password',
    logIn: 'Log in',
    wrongLogin: 'The username or password is incorrect. Check them and try again.',
    consentTitle: 'Grant access',
    consentIntro: '{app} asks for access to your administrations. Tick the ones the app may use; the others stay invisible to it.',
    signedInAs: 'Signed in as',
    inactive: 'inactive',
    archived: 'archived',
    blocked: 'blocked',
    allow: 'Allow',
    deny: 'Deny',
    noneTicked: 'Tick at least one administration, or choose Deny.',
    invalidTitle: 'Invalid request',
    invalidClient: 'This app is not known to Exact Online (client_id). Contact the app’s supplier.',
    invalidRedirect: 'The return address (redirect_uri) does not belong to this app. Contact the app’s supplier.',
    consentExpired: 'This consent page has expired. Start again from the app.',
  },
  fr: {
    footer: 'Exact Online simulé (développement et tests)',
    loginTitle: 'Se connecter à Exact Online',
    username: 'Nom d’utilisateur',
    password: 'Mot de passe',
    logIn: 'Se connecter',
    wrongLogin: 'Le nom d’utilisateur ou le mot de passe est incorrect. Vérifiez-les et réessayez.',
    consentTitle: 'Autoriser l’accès',
    consentIntro: '{app} demande l’accès à vos administrations. Cochez celles que l’application peut utiliser ; les autres lui restent invisibles.',
    signedInAs: 'Connecté en tant que',
    inactive: 'inactive',
    archived: 'archivée',
    blocked: 'bloquée',
    allow: 'Autoriser',
    deny: 'Refuser',
    noneTicked: 'Cochez au moins une administration, ou choisissez Refuser.',
    invalidTitle: 'Demande non valide',
    invalidClient: 'Cette application n’est pas connue d’Exact Online (client_id). Contactez son fournisseur.',
    invalidRedirect: 'L’adresse de retour (redirect_uri) n’appartient pas à cette application. Contactez son fournisseur.',
    consentExpired: 'Cette page d’autorisation a expiré. Recommencez depuis l’application.',
  },
  de: {
    footer: 'Simuliertes Exact Online (Entwicklung und Tests)',
    loginTitle: 'Bei Exact Online anmelden',
    username: 'Benutzername',
    password: 'Passwort',
    logIn: 'Anmelden',
    wrongLogin: 'Benutzername oder Passwort ist falsch. Prüfen Sie beide und versuchen Sie es erneut.',
    consentTitle: 'Zugriff erlauben',
    consentIntro: '{app} bittet um Zugriff auf Ihre Administrationen. Haken Sie an, welche die App nutzen darf; die übrigen bleiben für sie unsichtbar.',
    signedInAs: 'Angemeldet als',
    inactive: 'inaktiv',
    archived: 'archiviert',
    blocked: 'gesperrt',
    allow: 'Erlauben',
    deny: 'Ablehnen',
    noneTicked: 'Haken Sie mindestens eine Administration an oder wählen Sie Ablehnen.',
    invalidTitle: 'Ungültige Anfrage',
    invalidClient: 'Diese App ist Exact Online nicht bekannt (client_id). Wenden Sie sich an den Anbieter der App.',
    invalidRedirect: 'Die Rücksprungadresse (redirect_uri) gehört nicht zu dieser App. Wenden Sie sich an den Anbieter der App.',
    consentExpired: 'Diese Zustimmungsseite ist abgelaufen. Beginnen Sie erneut in der App.',
  },
  es: {
    footer: 'Exact Online simulado (desarrollo y pruebas)',
    loginTitle: 'Iniciar sesión en Exact Online',
    username: 'Nombre de usuario',
    password: 'Contraseña',
    logIn: 'Iniciar sesión',
    wrongLogin: 'El nombre de usuario o la contraseña no son correctos. Compruébelos e inténtelo de nuevo.',
    consentTitle: 'Conceder acceso',
    consentIntro: '{app} solicita acceso a sus administraciones. Marque las que la aplicación puede usar; las demás le quedan ocultas.',
    signedInAs: 'Sesión iniciada como',
    inactive: 'inactiva',
    archived: 'archivada',
    blocked: 'bloqueada',
    allow: 'Permitir',
    deny: 'Denegar',
    noneTicked: 'Marque al menos una administración o elija Denegar.',
    invalidTitle: 'Solicitud no válida',
    invalidClient: 'Exact Online no conoce esta aplicación (client_id). Póngase en contacto con su proveedor.',
    invalidRedirect: 'La dirección de retorno (redirect_uri) no pertenece a esta aplicación. Póngase en contacto con su proveedor.',
    consentExpired: 'Esta página de consentimiento ha caducado. Empiece de nuevo desde la aplicación.',
  },
};

/** The first of the browser's languages the pages speak; Dutch otherwise. */
export function pageLanguage(acceptLanguage: string | null): PageLanguage {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const primary = part.trim().split(';')[0]?.split('-')[0]?.toLowerCase();
    const match = pageLanguages.find((language) => language === primary);
    if (match) return match;
  }
  return 'nl';
}
