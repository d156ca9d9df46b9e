import type { BlockerCode, ExactUser, User } from '../api/types.js';
import type { ExactDivision } from './exact-online.js';
import type { MockOrganisation } from './model.js';
import { SeededRandom } from './random.js';

type OrganisationSeed = Omit<MockOrganisation, 'connectionId'>;

export const platformUser: User = { id: 'usr_lien', name: 'Lien de Vries', email: 'lien@elien.nl' };
export const exactUser: ExactUser = { name: 'Lien de Vries', email: 'lien@elien.nl' };

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
    };
  });
}
