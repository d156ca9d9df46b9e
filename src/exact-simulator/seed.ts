import type { Region } from './hosts.js';
import { SeededRandom } from './seeded-random.js';

/** An Exact subscription (a "company"): it owns divisions and mailboxes; rate limits count per company. */
export interface SeedCompany {
  id: string;
  name: string;
  region: Region;
  /** A trial licence cannot create mailboxes. */
  trial: boolean;
}

export interface SeedUser {
  /** Exact's `UserID`, stable across logins. */
  userId: string;
  /** What the login form takes (case-insensitive), with `password`. */
  username: string;
  password: string;
  fullName: string;
  email: string;
  language: string;
  company: string;
  /** The divisions the user may reach in Exact; the consent page offers these. */
  divisions: readonly number[];
  /** The last division the user worked in; not necessarily one the app is granted. */
  currentDivision: number;
  /** Without mailbox rights a mailbox POST answers 403 Forbidden. */
  mailboxRights: boolean;
}

export interface SeedDivision {
  code: number;
  company: string;
  description: string;
  hid: number;
  customerName: string;
  kvk: string | null;
  vatNumber: string | null;
  country: string;
  /** 0 inactive, 1 active, 2 archived. */
  status: 0 | 1 | 2;
  /** 0 none; anything else is a block (requests to it answer 403 `DivisionBlocked`). */
  blockingStatus: number;
}

export interface SeedMailbox {
  mailbox: string;
  forDivision: number;
  company: string;
  description: string;
}

export interface Seed {
  companies: SeedCompany[];
  users: SeedUser[];
  divisions: SeedDivision[];
  mailboxes: SeedMailbox[];
}

const cities = ['Utrecht', 'Zwolle', 'Haarlem', 'Breda', 'Delft', 'Leiden', 'Arnhem', 'Gouda', 'Assen', 'Venlo'];
const trades = ['Bakkerij', 'Fietsenmakerij', 'Installatiebedrijf', 'Kapsalon', 'Drukkerij', 'Hoveniers', 'Transport', 'Advies'];

/** `count` generated divisions of one company, codes from `firstCode` up, some inactive, archived or blocked. */
function generatedDivisions(company: string, count: number, firstCode: number, random: SeededRandom): SeedDivision[] {
  return Array.from({ length: count }, (_, index) => {
    const city = random.pick(cities);
    const name = `${random.pick(trades)} ${city} ${index + 1}`;
    const kvk = index % 17 === 5 ? null : random.digits(8);
    return {
      code: firstCode + index,
      company,
      description: name,
      hid: index + 1,
      customerName: `${name} B.V.`,
      kvk,
      vatNumber: kvk ? `NL${random.digits(9)}B01` : null,
      country: 'NL',
      status: index % 23 === 7 ? 0 : index % 29 === 11 ? 2 : 1,
      blockingStatus: index % 31 === 13 ? 1 : 0,
    };
  });
}

/**
 * The default world: an accountancy with a handful of named divisions (one inactive, one archived,
 * one blocked, one without KvK) and two users with different rights; a trial company; a Belgian
 * company on its own host; an accountant with 130 divisions (three pages of 60).
 *
 * Logins (user name / password): jan@jansen-boekhouding.nl / jan, anna@jansen-boekhouding.nl / anna
 * (fewer divisions, no mailbox rights), proef@proefbedrijf.nl / proef (trial licence),
 * luc@dupont.be / luc (host be), groot@groot-accountants.nl / groot (130 divisions).
 */
export function defaultSeed(seed = 1): Seed {
  const random = new SeededRandom(seed);
  const jansen = 'jansen';
  const named: SeedDivision[] = [
    { code: 101001, company: jansen, description: 'Bakkerij De Korenschoof', hid: 1, customerName: 'De Korenschoof B.V.', kvk: '12345678', vatNumber: 'NL001234567B01', country: 'NL', status: 1, blockingStatus: 0 },
    { code: 101002, company: jansen, description: 'Fietsenmakerij Van Dam', hid: 2, customerName: 'Van Dam Fietsen V.O.F.', kvk: '23456789', vatNumber: 'NL002345678B01', country: 'NL', status: 1, blockingStatus: 0 },
    { code: 101003, company: jansen, description: 'Kapsalon Knip', hid: 3, customerName: 'Knip', kvk: null, vatNumber: null, country: 'NL', status: 1, blockingStatus: 0 },
    { code: 101004, company: jansen, description: 'Oude administratie 2019', hid: 4, customerName: 'De Korenschoof B.V.', kvk: '12345678', vatNumber: 'NL001234567B01', country: 'NL', status: 2, blockingStatus: 0 },
    { code: 101005, company: jansen, description: 'Slapende holding', hid: 5, customerName: 'Jansen Holding B.V.', kvk: '34567890', vatNumber: null, country: 'NL', status: 0, blockingStatus: 0 },
    { code: 101006, company: jansen, description: 'Geblokkeerd Transport', hid: 6, customerName: 'Transport Noord B.V.', kvk: '45678901', vatNumber: 'NL004567890B01', country: 'NL', status: 1, blockingStatus: 1 },
    { code: 101007, company: jansen, description: 'Drukkerij <b>&amp; "Zonen"</b>', hid: 7, customerName: "O'Brien & Zonen", kvk: '56789012', vatNumber: 'NL005678901B01', country: 'NL', status: 1, blockingStatus: 0 },
  ];
  const allJansen = named.map((division) => division.code);
  const groot = generatedDivisions('groot', 130, 300001, random);
  return {
    companies: [
      { id: jansen, name: 'Jansen Boekhouding', region: 'nl', trial: false },
      { id: 'proef', name: 'Proefbedrijf', region: 'nl', trial: true },
      { id: 'dupont', name: 'Dupont Comptabilité', region: 'be', trial: false },
      { id: 'groot', name: 'Groot Accountants', region: 'nl', trial: false },
    ],
    users: [
      { userId: random.guid(), username: 'jan@jansen-boekhouding.nl', password: 'jan', fullName: 'Jan Jansen', email: 'jan@jansen-boekhouding.nl', language: 'nl-NL', company: jansen, divisions: allJansen, currentDivision: 101005, mailboxRights: true },
      { userId: random.guid(), username: 'anna@jansen-boekhouding.nl', password: 'anna', fullName: 'Anna de Boer', email: 'anna@jansen-boekhouding.nl', language: 'nl-NL', company: jansen, divisions: [101001, 101002, 101003], currentDivision: 101001, mailboxRights: false },
      { userId: random.guid(), username: 'proef@proefbedrijf.nl', password: 'proef', fullName: 'Petra Proef', email: 'proef@proefbedrijf.nl', language: 'nl-NL', company: 'proef', divisions: [201001], currentDivision: 201001, mailboxRights: true },
      { userId: random.guid(), username: 'luc@dupont.be', password: 'luc', fullName: 'Luc Dupont', email: 'luc@dupont.be', language: 'fr-BE', company: 'dupont', divisions: [401001, 401002], currentDivision: 401001, mailboxRights: true },
      { userId: random.guid(), username: 'groot@groot-accountants.nl', password: 'groot', fullName: 'Greet Groot', email: 'groot@groot-accountants.nl', language: 'nl-NL', company: 'groot', divisions: groot.map((division) => division.code), currentDivision: 300001, mailboxRights: true },
    ],
    divisions: [
      ...named,
      { code: 201001, company: 'proef', description: 'Proefadministratie', hid: 1, customerName: 'Proefbedrijf', kvk: '67890123', vatNumber: null, country: 'NL', status: 1, blockingStatus: 0 },
      { code: 401001, company: 'dupont', description: 'Boulangerie Dupont', hid: 1, customerName: 'Dupont SRL', kvk: '0123456789', vatNumber: 'BE0123456789', country: 'BE', status: 1, blockingStatus: 0 },
      { code: 401002, company: 'dupont', description: 'Dupont Immo', hid: 2, customerName: 'Dupont Immo SA', kvk: '0987654321', vatNumber: 'BE0987654321', country: 'BE', status: 1, blockingStatus: 0 },
      ...groot,
    ],
    mailboxes: [
      // Left behind by an earlier connection: the same address for another division is refused.
      { mailbox: '12345678@facturen.econnect.eu', forDivision: 101004, company: jansen, description: 'Digitale brievenbus' },
    ],
  };
}

/**
 * The default world plus one accountant with `count` divisions (for benchmarks):
 * tienduizend@groot-accountants.nl / tienduizend.
 */
export function bigSeed(count = 10_000, seed = 1): Seed {
  const world = defaultSeed(seed);
  const random = new SeededRandom(seed + 1);
  const divisions = generatedDivisions('tienduizend', count, 1_000_001, random);
  world.companies.push({ id: 'tienduizend', name: 'Tienduizend Accountants', region: 'nl', trial: false });
  world.divisions.push(...divisions);
  world.users.push({
    userId: random.guid(),
    username: 'tienduizend@groot-accountants.nl',
    password: 'tienduizend',
    fullName: 'Tim Tienduizend',
    email: 'tienduizend@groot-accountants.nl',
    language: 'nl-NL',
    company: 'tienduizend',
    divisions: divisions.map((division) => division.code),
    currentDivision: 1_000_001,
    mailboxRights: true,
  });
  return world;
}
