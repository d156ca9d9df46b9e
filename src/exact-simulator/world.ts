import type { ForbiddenReason, MailboxFailure } from './faults.js';
import type { Region } from './hosts.js';
import type { Seed, SeedCompany, SeedDivision, SeedUser } from './seed.js';

export interface UserState extends SeedUser {
  region: Region;
  /** Set by a `userUnavailable` fault: every REST call answers 403 with this Reason. */
  unavailable?: ForbiddenReason;
}

export interface DivisionState extends SeedDivision {
  /** Set by a `divisionUnavailable` fault. */
  unavailable?: ForbiddenReason;
  /** Set by a `mailboxRefused` fault: every mailbox POST for it fails so. */
  mailboxRefusal?: MailboxFailure;
}

export interface MailboxState {
  id: string;
  mailbox: string;
  forDivision: number;
  company: string;
  description: string;
  type: number;
  validFrom: number;
  validTo: number | null;
  created: number;
}

/** A logged-in browser on one country host (the cookie names it). */
export interface Session {
  id: string;
  region: Region;
  userId: string;
  /** Echoed by the consent form, so only a page this session was shown can give consent. */
  consentToken: string;
}

export interface IssuedCode {
  region: Region;
  clientId: string;
  redirectUri: string;
  userId: string;
  divisions: readonly number[];
  issuedAt: number;
  used: boolean;
  /** A newer consent of the same user for the same app voids codes not yet exchanged. */
  voided: boolean;
}

/** Exact's one token chain per Exact user per app (per host). */
export interface Chain {
  id: string;
  region: Region;
  clientId: string;
  userId: string;
  divisions: readonly number[];
  /** revoked: replaced by a newer consent; broken: an old refresh token was used. */
  state: 'active' | 'revoked' | 'broken';
  refreshToken: string;
  refreshIssuedAt: number;
  /** When the newest access token was issued: a refresh is refused until it is 9.5 minutes old. */
  accessIssuedAt: number;
}

export interface AccessToken {
  chainId: string;
  issuedAt: number;
}

export interface RateWindow {
  minute: number;
  minuteCount: number;
  day: number;
  dayCount: number;
}

/** Everything the simulator remembers; `reset()` makes a new one from the seed. */
export class World {
  readonly companies = new Map<string, SeedCompany>();
  readonly users: UserState[] = [];
  readonly divisions = new Map<number, DivisionState>();
  readonly mailboxes: MailboxState[] = [];
  readonly sessions = new Map<string, Session>();
  readonly codes = new Map<string, IssuedCode>();
  readonly chains = new Map<string, Chain>();
  readonly accessTokens = new Map<string, AccessToken>();
  /** Every refresh token ever issued, to its chain: a token not the chain's current one is "old". */
  readonly refreshTokens = new Map<string, string>();
  readonly rates = new Map<string, RateWindow>();
  /** Token calls per `userId|clientId|day`. */
  readonly tokenCalls = new Map<string, number>();

  constructor(seed: Seed, newId: () => string, now: number) {
    for (const company of seed.companies) this.companies.set(company.id, { ...company });
    for (const user of seed.users) {
      const company = this.companies.get(user.company);
      if (!company) throw new Error(`Exact simulator seed: user ${user.username} names unknown company ${user.company}`);
      this.users.push({ ...user, divisions: [...user.divisions], region: company.region });
    }
    for (const division of seed.divisions) this.divisions.set(division.code, { ...division });
    for (const mailbox of seed.mailboxes) {
      this.mailboxes.push({ ...mailbox, id: newId(), type: 0, validFrom: now, validTo: null, created: now });
    }
  }

  userByName(username: string, region: Region): UserState | undefined {
    const wanted = username.trim().toLowerCase();
    return this.users.find((user) => user.region === region && user.username.toLowerCase() === wanted);
  }

  userById(userId: string): UserState | undefined {
    return this.users.find((user) => user.userId === userId);
  }

  /** The chain an Exact user holds for an app on a host, if one is alive. */
  activeChain(region: Region, clientId: string, userId: string): Chain | undefined {
    return [...this.chains.values()].find((chain) => chain.state === 'active' && chain.region === region && chain.clientId === clientId && chain.userId === userId);
  }
}
