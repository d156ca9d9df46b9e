import type { BlockerCode, DivisionStatus, ExactUser, User } from '../api/types.js';
import { SeededRandom } from '../exact-simulator/seeded-random.js';

/** An organisation of the platform as the scenarios write it (worlds.ts makes the backend's seed of it). */
export interface OrganisationSeed {
  id: string;
  name: string;
  kvk: string | null;
  /** VAT number (btw-nummer), when the platform knows it. */
  vatNumber?: string | null;
  blockers: BlockerCode[];
  /** The day (YYYY-MM-DD) its old connection via exactonline.everbinding.nl was broken. */
  legacyEndedAt?: string;
}

/** An administration as the scenarios write it (worlds.ts makes the simulator's division of it). */
export interface ExactDivision {
  code: number;
  name: string;
  kvk: string | null;
  vatNumber: string | null;
  country: string | null;
  /** Exact's BlockingStatus. */
  blocked: boolean;
  /** Exact's Status; active when left out. */
  status?: DivisionStatus;
  /** The number the user sees in Exact Online. */
  hid?: string | null;
  customerName?: string | null;
}

export const platformUser: User = { id: 'usr_lien', name: 'Lien de Vries', email: 'lien@elien.nl' };
/** Lien's Exact Online user; `id` is Exact's UserID (a GUID), stable where the e-mail address is not. */
export const exactUser: ExactUser = { id: 'b3d5a6e0-6c1f-4c3e-9a57-2f1e8d4c7a10', name: 'Lien de Vries', email: 'lien@elien.nl' };

/** Fixed ids for the organisations tests and stories refer to by name. */
export const organisationIds = {
  elien: 'org_0001',
  bakkerij: 'org_0002',
  legacy: 'org_0004',
  noAccess: 'org_0005',
} as const;

/** Administrations tests and stories refer to. */
export const divisionCodes = {
  bakkerij: 100001,
  elien: 100002,
  blocked: 100004,
  hovenier: 100006,
} as const;

// The help article's own example, eLien test company, is the selectable one.
const organisationRows: Array<[name: string, blockers: BlockerCode[], hasKvk?: boolean]> = [
  ['eLien test company', []],
  ['Bakkerij de Gouden Korst', []],
  ['Fietsenmakerij Van Dijk', []],
  ['Installatiebedrijf Jansen & Zn.', ['legacy_connection_active']],
  ['Groothandel Noordzee Vis B.V.', ['no_access']],
  ['Hoveniersbedrijf Het Groene Hart', []],
  ['Kapsalon Knip & Krul', [], false],
  ['Architectenbureau De Vries', []],
  ['Transportbedrijf Bakker Logistiek', ['not_postvak_in_only']],
  ['Tandartspraktijk De Zonnebloem', []],
  ['Drukkerij Van der Meer', []],
  ['Café ’t Pleintje', []],
];

const divisionNames = [
  'Bakkerij de Gouden Korst B.V.',
  'eLien test company',
  'Fietsenmakerij Van Dijk V.O.F.',
  'Oude administratie 2019 (geblokkeerd)',
  'Architectenbureau De Vries B.V.',
  'Hoveniersbedrijf Het Groene Hart',
];

const vatFor = (kvk: string, random: SeededRandom): string => `NL${kvk.slice(0, 8)}${random.digits(1)}B01`;

export function defaultOrganisations(random: SeededRandom): OrganisationSeed[] {
  return organisationRows.map(([name, blockers, hasKvk = true], index) => ({
    id: `org_${String(index + 1).padStart(4, '0')}`,
    name,
    kvk: hasKvk ? random.digits(8) : null,
    blockers,
  }));
}

export function defaultDivisions(random: SeededRandom): ExactDivision[] {
  return divisionNames.map((name, index) => {
    const kvk = random.digits(8);
    return {
      code: divisionCodes.bakkerij + index,
      name,
      kvk,
      vatNumber: vatFor(kvk, random),
      country: 'NL',
      blocked: 100001 + index === divisionCodes.blocked,
    };
  });
}

/**
 * The numbers that make the administration step suggest an administration: eLien test company is
 * administration 100002 (the same KvK number), the Hoveniersbedrijf files VAT under its
 * administration's number (a VAT-only match); every other organisation matches nothing.
 */
export function matchDefaults(organisations: OrganisationSeed[], divisions: readonly ExactDivision[]): void {
  const byCode = (code: number) => divisions.find((division) => division.code === code);
  const elien = organisations.find((organisation) => organisation.id === organisationIds.elien);
  const hovenier = organisations.find((organisation) => organisation.name === 'Hoveniersbedrijf Het Groene Hart');
  if (elien) elien.kvk = byCode(divisionCodes.elien)?.kvk ?? elien.kvk;
  if (hovenier) hovenier.vatNumber = byCode(divisionCodes.hovenier)?.vatNumber ?? null;
}

const trades = [
  'Bakkerij', 'Slagerij', 'Bloemist', 'Garagebedrijf', 'Schildersbedrijf', 'Loodgietersbedrijf', 'Adviesbureau',
  'Administratiekantoor', 'Dierenkliniek', 'Fysiotherapie', 'Timmerbedrijf', 'Kinderopvang', 'Webbureau',
  'Accountantskantoor', 'Zeilmakerij', 'Brouwerij', 'Kaashandel', 'Wijnhandel', 'Reisbureau', 'Autorijschool',
];
const surnames = [
  'De Jong', 'Jansen', 'De Vries', 'Van den Berg', 'Van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer',
  'De Boer', 'Mulder', 'De Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Van Leeuwen', 'Dekker', 'Brouwer',
  'De Wit', 'Dijkstra', 'Smits', 'De Graaf', 'Van der Meer', 'Kok', 'Jacobs', 'De Haan', 'Vermeulen', 'Van der Heijden',
];
const places = [
  'Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda', 'Nijmegen', 'Apeldoorn',
  'Haarlem', 'Arnhem', 'Zwolle', 'Leiden', 'Maastricht', 'Dordrecht', 'Deventer', 'Delft', 'Alkmaar', 'Venlo',
];
const legalForms = ['', ' B.V.', ' V.O.F.', ' & Zn.', ' Holding B.V.'];

/** `count` distinct, plausible Dutch company names, the same ones on every run. */
export function companyNames(count: number, random: SeededRandom, taken: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const name = `${random.pick(trades)} ${random.pick(surnames)} ${random.pick(places)}${random.pick(legalForms)}`;
    if (!taken.has(name)) names.add(name);
  }
  return [...names];
}

export function generatedOrganisations(count: number, random: SeededRandom, firstIndex: number): OrganisationSeed[] {
  const blockerCycle: BlockerCode[] = ['legacy_connection_active', 'no_access', 'not_postvak_in_only'];
  return companyNames(count, random, new Set()).map((name, index) => ({
    id: `org_${String(firstIndex + index).padStart(4, '0')}`,
    name,
    kvk: index % 17 === 5 ? null : random.digits(8),
    // Roughly one in twenty cannot be connected yet, so big lists show blockers too.
    blockers: index % 20 === 7 ? [blockerCycle[index % 3] ?? 'no_access'] : [],
  }));
}

export function generatedDivisions(count: number, random: SeededRandom, firstCode: number): ExactDivision[] {
  return companyNames(count, random, new Set()).map((name, index) => {
    const kvk = random.digits(8);
    return {
      code: firstCode + index,
      name,
      kvk: index % 13 === 4 ? null : kvk,
      vatNumber: index % 11 === 3 ? null : vatFor(kvk, random),
      country: 'NL',
      blocked: index % 97 === 30,
      // A few that Exact lists but that cannot take a Digitale Brievenbus: inactive and archived ones.
      status: index % 97 === 60 ? 'inactive' : index % 97 === 90 ? 'archived' : 'active',
      hid: String(index + 1),
    };
  });
}

// --- hostile: names that break naive rendering -------------------------------------------

/** A 500-character name without a single space (no line-break opportunity). */
export const longNameWithoutSpaces = `Zeerlangebedrijfsnaamzonderspaties${'Administratiekantoor'.repeat(24)}`.slice(0, 500);
/** A 500-character name with spaces. */
export const longNameWithSpaces = `Stichting ${'Samenwerkende Administratiekantoren Noord '.repeat(12)}`.slice(0, 500).replace(/ $/, '.');

/** Organisation names with markup, right-to-left text, length and emoji. */
export const hostileNames = {
  markup: '<img src=x onerror=alert(1)>',
  bold: '<b>vet</b>',
  quotes: '"quotes" & ampersands \'n\' <tags>',
  arabic: 'شركة النور للتجارة',
  hebrew: 'חברת אור בע״מ',
  mixed: 'Bakkerij אור & شركة النور B.V. 2025',
  rtlOverride: 'Factuur \u202Efdp.exe\u202C B.V.',
  longNoSpaces: longNameWithoutSpaces,
  longWithSpaces: longNameWithSpaces,
  emoji: '🥐 Bakkerij Croissant 🇳🇱 👩🏽‍🍳',
} as const;

/** Fixed ids of the hostile organisations. `markup` is selectable; `bold` is connected; `arabic` is blocked. */
export const hostileOrganisationIds = {
  markup: 'org_0101',
  bold: 'org_0102',
  quotes: 'org_0103',
  arabic: 'org_0104',
  hebrew: 'org_0105',
  mixed: 'org_0106',
  rtlOverride: 'org_0107',
  longNoSpaces: 'org_0108',
  longWithSpaces: 'org_0109',
  emoji: 'org_0110',
} as const satisfies Record<keyof typeof hostileNames, string>;

/** Codes of the hostile administrations (names as {@link hostileDivisionNames}). */
export const hostileDivisionCodes = {
  markup: 300001,
  bold: 300002,
  quotes: 300003,
  arabic: 300004,
  hebrew: 300005,
  mixed: 300006,
  rtlOverride: 300007,
  longNoSpaces: 300008,
  longWithSpaces: 300009,
  emoji: 300010,
} as const satisfies Record<keyof typeof hostileNames, number>;

/** The hostile administrations' names: the same hostility, marked as administrations. */
export const hostileDivisionNames: Record<keyof typeof hostileNames, string> = {
  markup: '<img src=x onerror=alert(1)> administratie',
  bold: '<b>vet</b> B.V.',
  quotes: 'Administratie "quotes" & ampersands \'n\' <tags>',
  arabic: 'مؤسسة الأمل',
  hebrew: 'הנהלת חשבונות שלום',
  mixed: 'Administratie שלום & الأمل 2025',
  rtlOverride: 'Boekhouding \u202Egnidoukheob\u202C',
  longNoSpaces: `Administratie${longNameWithoutSpaces}`.slice(0, 500),
  longWithSpaces: `Administratie ${longNameWithSpaces}`.slice(0, 500),
  emoji: '📒 Boekhouding 🚲 Fietsen 🇳🇱',
};

export function hostileOrganisations(random: SeededRandom): OrganisationSeed[] {
  return (Object.keys(hostileNames) as Array<keyof typeof hostileNames>).map((key) => ({
    id: hostileOrganisationIds[key],
    name: hostileNames[key],
    kvk: random.digits(8),
    blockers: key === 'arabic' ? ['legacy_connection_active'] : [],
  }));
}

export function hostileDivisions(random: SeededRandom): ExactDivision[] {
  return (Object.keys(hostileDivisionNames) as Array<keyof typeof hostileNames>).map((key) => {
    const kvk = random.digits(8);
    return {
      code: hostileDivisionCodes[key],
      name: hostileDivisionNames[key],
      kvk,
      vatNumber: vatFor(kvk, random),
      country: key === 'arabic' ? null : 'NL',
      blocked: false,
    };
  });
}

// --- legacy: an account still partly on the old connector (exactonline.everbinding.nl) ------

/** The day Bakkerij de Gouden Korst's old connection was broken: a week before its new one. */
export const legacyEndedAt = '2025-02-24';

/** Organisations that still deliver through the old connector, beside the defaults' Installatiebedrijf Jansen. */
export function legacyOrganisations(random: SeededRandom): OrganisationSeed[] {
  return ['Loodgietersbedrijf Visser', 'Adviesbureau De Boer B.V.', 'Schildersbedrijf Smit & Zn.'].map((name, index) => ({
    id: `org_${String(301 + index).padStart(4, '0')}`,
    name,
    kvk: random.digits(8),
    blockers: ['legacy_connection_active'],
  }));
}

// --- trouble: administrations Exact Online refuses at POST /connections ---------------------

/** Administrations that fail at POST /connections, each with its own problem code. */
export const troubleDivisionCodes = {
  /** 403 mailbox_forbidden: no rights to create the Digitale Brievenbus. */
  mailboxForbidden: 400001,
  /** 409 mailbox_linked_elsewhere. */
  mailboxLinkedElsewhere: 400002,
  /** 403 trial_licence. */
  trialLicence: 400003,
  /** 403 no_division_access. */
  noDivisionAccess: 400004,
  /** Blocked by nature: listed with blocked true; 403 division_blocked. */
  blocked: 400005,
  /** Connected by nature (to troubleOrganisationIds.connected); 409 division_already_connected. */
  alreadyConnected: 400006,
} as const;

/** Organisations of the trouble scenario. `connected` has a connection (to troubleDivisionCodes.alreadyConnected). */
export const troubleOrganisationIds = {
  connected: 'org_0201',
} as const;

export const troubleDivisionNames: Record<keyof typeof troubleDivisionCodes, string> = {
  mailboxForbidden: 'Geen Brievenbusrechten B.V.',
  mailboxLinkedElsewhere: 'Brievenbus Elders Gekoppeld B.V.',
  trialLicence: 'Proeflicentie B.V.',
  noDivisionAccess: 'Geen Toegang Administratie B.V.',
  blocked: 'Geblokkeerde Administratie B.V.',
  alreadyConnected: 'Al Gekoppelde Administratie B.V.',
};

export function troubleOrganisations(random: SeededRandom): OrganisationSeed[] {
  return [{ id: troubleOrganisationIds.connected, name: 'Kinderopvang Het Zonnetje (al gekoppeld)', kvk: random.digits(8), blockers: [] }];
}

export function troubleDivisions(random: SeededRandom): ExactDivision[] {
  return (Object.keys(troubleDivisionCodes) as Array<keyof typeof troubleDivisionCodes>).map((key) => {
    const kvk = random.digits(8);
    return {
      code: troubleDivisionCodes[key],
      name: troubleDivisionNames[key],
      kvk,
      vatNumber: vatFor(kvk, random),
      country: 'NL',
      blocked: key === 'blocked',
    };
  });
}

// --- batch: many organisations at once, each to be matched to its administration -----------

/**
 * The organisations of the `batch` world by how they match an administration of Lien's grant:
 * the same KvK number, only the same VAT number, only a similar name, nothing; blocked ones; and
 * Bakkerij de Gouden Korst, connected as in the default world.
 */
export const batchOrganisationIds = {
  /** eLien test company, a KvK match of administration 100002 (as in the default world). */
  elien: 'org_0001',
  /** Connected from the start to administration 100001. */
  bakkerij: 'org_0002',
  /** org_0001 and org_0003 … org_0030: each the KvK number of administration 1000NN (same NN). */
  kvk: ['org_0001', ...Array.from({ length: 28 }, (_, index) => `org_${String(index + 3).padStart(4, '0')}`)],
  /**
   * org_0031 … org_0034: the VAT number of administration 1000NN, whose KvK number is another (the holding's,
   * of a fiscal unity): an administration without one cannot get a Digitale Brievenbus, so none is missing.
   */
  vat: ['org_0031', 'org_0032', 'org_0033', 'org_0034'],
  /** org_0035 → 100035, org_0036 → 100036: only the name is alike (the legal form left off); KvK and VAT differ. */
  name: ['org_0035', 'org_0036'],
  /** No administration shares a KvK number, VAT number or name with these. */
  none: ['org_0037', 'org_0038'],
  /** org_0039 (an old connection still active; administration 100039 has its KvK number) and org_0040 (no access). */
  blocked: ['org_0039', 'org_0040'],
} as const;

/** Administrations of the `batch` world tests refer to. */
export const batchDivisionCodes = {
  bakkerij: 100001,
  elien: 100002,
  /** The KvK match of the blocked org_0039: offered by nobody's row. */
  blockedOrganisationsMatch: 100039,
  /** Match nobody: 100037, 100038 and 100040 … 100060; among them one blocked, one inactive, one archived, one without KvK. */
  unmatched: [100037, 100038, ...Array.from({ length: 21 }, (_, index) => 100040 + index)],
  blocked: 100040,
  inactive: 100041,
  archived: 100042,
  withoutKvk: 100043,
} as const;

const batchTrades = [
  'Slagerij', 'Bloemist', 'Garagebedrijf', 'Loodgietersbedrijf', 'Adviesbureau', 'Administratiekantoor', 'Dierenkliniek',
  'Fysiotherapie', 'Timmerbedrijf', 'Kinderopvang', 'Webbureau', 'Accountantskantoor', 'Zeilmakerij', 'Brouwerij',
  'Kaashandel', 'Wijnhandel', 'Autorijschool', 'Drukkerij', 'Fietsenmakerij', 'Architectenbureau',
];

/** `count` distinct `Trade Surname Place` names (no legal form), none of them in `taken`, which they are added to. */
function companyCores(count: number, random: SeededRandom, taken: Set<string>, trades: readonly string[] = batchTrades): string[] {
  const cores: string[] = [];
  while (cores.length < count) {
    const core = `${random.pick(trades)} ${random.pick(surnames)} ${random.pick(places)}`;
    if (taken.has(core)) continue;
    taken.add(core);
    cores.push(core);
  }
  return cores;
}

/** A KvK number no other row of the world has: the Digitale Brievenbus `<kvk>@facturen.econnect.eu` is unique in Exact. */
function uniqueKvk(random: SeededRandom, taken: Set<string>): string {
  for (;;) {
    const kvk = random.digits(8);
    if (taken.has(kvk)) continue;
    taken.add(kvk);
    return kvk;
  }
}

const division = (code: number, name: string, kvk: string | null, vatNumber: string | null, extra: Partial<ExactDivision> = {}): ExactDivision => ({
  code,
  name,
  kvk,
  vatNumber,
  country: 'NL',
  blocked: false,
  // No number of its own: the one the user sees is the code, which the demo's simulator panel takes.
  ...extra,
});

/**
 * The `batch` world: 40 organisations and 60 administrations, paired as {@link batchOrganisationIds}
 * says. Administration names are the organisation's with another legal form (or none), as an
 * accountant types them in Exact; the ones matching nobody share no name with any organisation.
 */
export function batchRows(random: SeededRandom): { organisations: OrganisationSeed[]; divisions: ExactDivision[] } {
  const kvks = new Set<string>();
  const cores = new Set<string>();
  const organisations: OrganisationSeed[] = [];
  const divisions: ExactDivision[] = [];
  const vat = (kvk: string) => vatFor(kvk, random);
  const id = (index: number) => `org_${String(index).padStart(4, '0')}`;

  const elienKvk = uniqueKvk(random, kvks);
  const bakkerijKvk = uniqueKvk(random, kvks);
  organisations.push({ id: batchOrganisationIds.elien, name: 'eLien test company', kvk: elienKvk, vatNumber: vat(elienKvk), blockers: [] });
  organisations.push({ id: batchOrganisationIds.bakkerij, name: 'Bakkerij de Gouden Korst', kvk: bakkerijKvk, blockers: [] });
  divisions.push(division(batchDivisionCodes.bakkerij, 'Bakkerij de Gouden Korst B.V.', bakkerijKvk, vat(bakkerijKvk)));
  divisions.push(division(batchDivisionCodes.elien, 'eLien test company', elienKvk, vat(elienKvk)));

  // KvK matches: the platform knows the VAT number of every second one too (the same as Exact's).
  for (const [offset, core] of companyCores(28, random, cores).entries()) {
    const index = offset + 3;
    const kvk = uniqueKvk(random, kvks);
    const vatNumber = vat(kvk);
    organisations.push({ id: id(index), name: `${core}${random.pick(['', ' B.V.', ' V.O.F.'])}`, kvk, vatNumber: offset % 2 === 0 ? vatNumber : null, blockers: [] });
    divisions.push(division(100000 + index, `${core}${random.pick([' B.V.', '', ' Holding B.V.'])}`, kvk, vatNumber));
  }

  // VAT only: Exact has another KvK number (the holding's); the VAT number is the same.
  for (const [offset, core] of companyCores(4, random, cores).entries()) {
    const index = offset + 31;
    const kvk = uniqueKvk(random, kvks);
    const vatNumber = vat(kvk);
    organisations.push({ id: id(index), name: core, kvk, vatNumber, blockers: [] });
    divisions.push(division(100000 + index, `${core} B.V.`, uniqueKvk(random, kvks), vatNumber));
  }

  // Only the name is alike: each side has a KvK and VAT number of its own.
  const alike: Array<[organisation: string, administration: string]> = [
    ['Hoveniersbedrijf De Linde B.V.', 'Hoveniersbedrijf De Linde'],
    ['Glazenwassersbedrijf Koster & Zn.', 'Glazenwassersbedrijf Koster'],
  ];
  for (const [offset, [organisationName, administrationName]] of alike.entries()) {
    const index = offset + 35;
    const kvk = uniqueKvk(random, kvks);
    const other = uniqueKvk(random, kvks);
    organisations.push({ id: id(index), name: organisationName, kvk, vatNumber: vat(kvk), blockers: [] });
    divisions.push(division(100000 + index, administrationName, other, vat(other)));
  }

  // No match at all: words no administration uses.
  for (const [offset, name] of ['Yogastudio Ademruimte', 'Vertaalbureau Polyglot Nijkerk'].entries()) {
    const kvk = uniqueKvk(random, kvks);
    organisations.push({ id: id(offset + 37), name, kvk, vatNumber: vat(kvk), blockers: [] });
  }

  // Blocked: one whose administration exists (the KvK number matches), one without.
  const legacyKvk = uniqueKvk(random, kvks);
  organisations.push({ id: batchOrganisationIds.blocked[0], name: 'Installatiebedrijf Jansen & Zn.', kvk: legacyKvk, blockers: ['legacy_connection_active'] });
  divisions.push(division(batchDivisionCodes.blockedOrganisationsMatch, 'Installatiebedrijf Jansen & Zn. B.V.', legacyKvk, vat(legacyKvk)));
  organisations.push({ id: batchOrganisationIds.blocked[1], name: 'Groothandel Noordzee Vis B.V.', kvk: uniqueKvk(random, kvks), blockers: ['no_access'] });

  // Administrations of clients the account does not serve on eConnect: they match nobody.
  const unmatched = companyCores(batchDivisionCodes.unmatched.length, random, cores);
  for (const [offset, code] of batchDivisionCodes.unmatched.entries()) {
    const core = unmatched[offset]!;
    const kvk = uniqueKvk(random, kvks);
    divisions.push(
      division(code, `${core}${random.pick([' B.V.', '', ' V.O.F.'])}`, code === batchDivisionCodes.withoutKvk ? null : kvk, vat(kvk), {
        blocked: code === batchDivisionCodes.blocked,
        ...(code === batchDivisionCodes.inactive ? { status: 'inactive' as const } : code === batchDivisionCodes.archived ? { status: 'archived' as const } : {}),
      }),
    );
  }
  return { organisations, divisions: divisions.sort((a, b) => a.code - b.code) };
}

/** `batch-200`: how many organisations match by KvK, by VAT only, and not at all; administrations in all. */
export const BATCH_200 = { kvk: 180, vat: 10, none: 10, divisions: 2000 } as const;

/** Names that share no word with any generated administration: the ten organisations of `batch-200` without a match. */
const unmatchedNames = [
  'Yogastudio Ademruimte', 'Vertaalbureau Polyglot Nijkerk', 'Pianostemmer Klankkast', 'Hondenuitlaatservice Kwispel', 'Escaperoom Ontsnapt Veendam',
  'Glasatelier Kleurrijk', 'Muziekschool Notenbalk Zeist', 'Imkerij Honingraat', 'Theehuis Kopje Warm', 'Pottenbakkerij Draaischijf Putten',
] as const;

/**
 * The `batch-200` world for the benchmark: 200 organisations (org_0001 … org_0180 KvK matches of
 * administrations 500001 … 500180, org_0181 … org_0190 VAT-only matches of 500181 … 500190,
 * org_0191 … org_0200 without a match) against 2,000 administrations (500001 … 502000), none
 * blocked, none connected.
 */
export function batch200Rows(random: SeededRandom): { organisations: OrganisationSeed[]; divisions: ExactDivision[] } {
  const kvks = new Set<string>();
  const organisations: OrganisationSeed[] = [];
  const divisions: ExactDivision[] = [];
  const firstCode = 500001;
  const matched = BATCH_200.kvk + BATCH_200.vat;
  const names = companyCores(BATCH_200.divisions, random, new Set(), trades);
  for (let index = 0; index < matched + BATCH_200.none; index += 1) {
    const kvk = uniqueKvk(random, kvks);
    const vatNumber = vatFor(kvk, random);
    const name = index < matched ? `${names[index]!}${random.pick(['', ' B.V.', ' V.O.F.'])}` : unmatchedNames[index - matched]!;
    organisations.push({ id: `org_${String(index + 1).padStart(4, '0')}`, name, kvk, vatNumber: index % 2 === 0 || index >= BATCH_200.kvk ? vatNumber : null, blockers: [] });
    if (index >= matched) continue;
    // VAT only: Exact has another KvK number (without one the administration cannot get a mailbox).
    const ownKvk = index < BATCH_200.kvk ? kvk : uniqueKvk(random, kvks);
    divisions.push({ code: firstCode + index, name: `${names[index]!}${random.pick([' B.V.', ''])}`, kvk: ownKvk, vatNumber, country: 'NL', blocked: false });
  }
  for (let index = matched; index < BATCH_200.divisions; index += 1) {
    const kvk = uniqueKvk(random, kvks);
    divisions.push({ code: firstCode + index, name: `${names[index]!}${random.pick([' B.V.', '', ' V.O.F.'])}`, kvk, vatNumber: vatFor(kvk, random), country: 'NL', blocked: false });
  }
  return { organisations, divisions };
}
