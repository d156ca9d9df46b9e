import type { BlockerCode } from './contract.js';

/**
 * The eConnect platform around the backend: accounts, their users and organisations. In
 * production these come from the platform itself; here a seed stands in for them.
 */
export interface PlatformAccount {
  id: string;
  name: string;
  autopilotInstalled: boolean;
}

export interface PlatformUser {
  id: string;
  name: string;
  email: string;
  accountId: string;
}

export interface PlatformOrganisation {
  id: string;
  accountId: string;
  name: string;
  kvk: string | null;
  /** VAT number (btw-nummer), when the platform knows it. */
  vatNumber?: string | null;
  /** ISO 3166-1 alpha-2: the default Exact region of a login for it. */
  country: string | null;
  /** Why it cannot be connected, besides a missing KvK (which the backend adds itself). */
  blockers: BlockerCode[];
  /** The days (YYYY-MM-DD) documents arrived in its Postvak In: what a redelivery offers again. */
  documentDates: string[];
  /**
   * The day (YYYY-MM-DD) its old connection via exactonline.everbinding.nl was broken, when the
   * platform knows it: documents from then on reached no administration until a new connection.
   * (One still active is the blocker `legacy_connection_active`.)
   */
  legacyEndedAt?: string;
}

export interface PlatformSeed {
  accounts: PlatformAccount[];
  users: PlatformUser[];
  organisations: PlatformOrganisation[];
  appStoreUrl: string;
}

const days = (first: string, count: number): string[] =>
  Array.from({ length: count }, (_, index) => new Date(Date.parse(first) + index * 3 * 86_400_000).toISOString().slice(0, 10));

/**
 * Two users of one account (so a grant one made is visible to the other), a user of an account
 * without the Autopilot. Organisations whose KvK numbers match the simulator's default seed (so the
 * Digitale Brievenbus `<kvk>@facturen.econnect.eu` is one Exact knows), one without KvK, one with
 * a legacy connection, one the user may not reach, one not on Postvak In only, a hostile name;
 * Van Dam's and Dupont's old connections were broken at the end of August 2026 (the gap a redelivery starts at).
 */
export function defaultPlatformSeed(): PlatformSeed {
  const account = 'acc_jansen';
  const org = (id: string, name: string, kvk: string | null, blockers: BlockerCode[] = [], country: string | null = 'NL'): PlatformOrganisation => ({
    id,
    accountId: account,
    name,
    kvk,
    country,
    blockers,
    documentDates: days('2026-09-01', 30),
  });
  return {
    accounts: [
      { id: account, name: 'Jansen Boekhouding', autopilotInstalled: true },
      { id: 'acc_zonder', name: 'Zonder Autopilot B.V.', autopilotInstalled: false },
    ],
    users: [
      { id: 'usr_lien', name: 'Lien de Vries', email: 'lien@jansen-boekhouding.nl', accountId: account },
      { id: 'usr_bram', name: 'Bram Bakker', email: 'bram@jansen-boekhouding.nl', accountId: account },
      { id: 'usr_olaf', name: 'Olaf Zonder', email: 'olaf@zonder.nl', accountId: 'acc_zonder' },
    ],
    organisations: [
      org('org_korenschoof', 'Bakkerij De Korenschoof', '12345678'),
      { ...org('org_vandam', 'Fietsenmakerij Van Dam', '23456789'), legacyEndedAt: '2026-08-31', vatNumber: 'NL002345678B01' },
      org('org_knip', 'Kapsalon Knip', null),
      org('org_drukkerij', 'Drukkerij <b>&amp; "Zonen"</b>', '56789012'),
      org('org_transport', 'Geblokkeerd Transport', '45678901'),
      // A fiscal unity files VAT under one number: the holding's is its Drukkerij's (a VAT-only match there).
      { ...org('org_holding', 'Jansen Holding B.V.', '34567890'), vatNumber: 'NL 0056.78.901.B01' },
      org('org_legacy', 'Installatiebedrijf Jansen & Zn.', '78901234', ['legacy_connection_active']),
      org('org_noaccess', 'Groothandel Noordzee Vis B.V.', '89012345', ['no_access']),
      org('org_postvak', 'Transportbedrijf Bakker Logistiek', '90123456', ['not_postvak_in_only']),
      { ...org('org_dupont', 'Boulangerie Dupont', '0123456789', [], 'BE'), legacyEndedAt: '2026-08-28' },
      { id: 'org_zonder', accountId: 'acc_zonder', name: 'Zonder B.V.', kvk: '11223344', country: 'NL', blockers: [], documentDates: [] },
    ],
    appStoreUrl: 'https://platform.econnect.eu/app-winkel',
  };
}
