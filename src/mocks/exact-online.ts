import type { DivisionStatus, ExactUser, Region } from '../api/types.js';
import { SeededRandom } from '../exact-simulator/seeded-random.js';

/** An administration as Exact Online knows it (the platform adds who it is connected to). */
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

/**
 * A stable, GUID-shaped Exact `UserID` for a user name, as Exact gives every user one: the
 * same name logs in the same user (FNV-1a over the lowercase name, spread over 128 bits).
 */
export function exactUserIdFor(username: string): string {
  let hex = '';
  for (let round = 0; round < 4; round += 1) {
    let hash = 0x811c9dc5;
    for (const char of `${round}:${username.toLowerCase()}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    hex += hash.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface ExactOnlineInit {
  user: ExactUser;
  /** The country host the user's data lives in (start.exactonline.<region>). */
  region: Region;
  divisions: ExactDivision[];
  seed?: number;
}

/** What the platform learns by exchanging an authorization code. */
export interface ExactGrant {
  user: ExactUser;
  region: Region;
  divisionCodes: number[];
}

interface IssuedCode {
  redirectUri: string;
  divisionCodes: number[];
  user: ExactUser;
}

/**
 * The simulated Exact Online: its user (whoever logs in with another user name is another user
 * who sees the same administrations), the administrations, login sessions and
 * the authorization codes it hands out. It knows nothing about the platform; like the real
 * one it only echoes `state` and binds each code to the redirect URI it was issued for.
 */
export class ExactOnline {
  readonly user: ExactUser;
  readonly region: Region;
  readonly divisions: readonly ExactDivision[];
  private readonly byCode: ReadonlyMap<number, ExactDivision>;
  private readonly sessions = new Map<string, ExactUser>();
  private readonly codes = new Map<string, IssuedCode>();
  private readonly random: SeededRandom;

  constructor({ user, region, divisions, seed = 7 }: ExactOnlineInit) {
    this.user = user;
    this.region = region;
    this.divisions = [...divisions].sort((a, b) => a.code - b.code);
    this.byCode = new Map(this.divisions.map((division) => [division.code, division]));
    this.random = new SeededRandom(seed);
  }

  division(code: number): ExactDivision | undefined {
    return this.byCode.get(code);
  }

  /**
   * Any username and password will do: it is a mock. Returns a session ticket. A user name other
   * than the seeded user's logs in another Exact user, so two logins need not revoke each other.
   */
  logIn(username?: string | null): string {
    const ticket = `ses_${this.random.hex(20)}`;
    const other = username && username.toLowerCase() !== this.user.email?.toLowerCase();
    this.sessions.set(ticket, other ? { id: exactUserIdFor(username), name: username, email: username } : this.user);
    return ticket;
  }

  hasSession(ticket: string | null): boolean {
    return ticket !== null && this.sessions.has(ticket);
  }

  /** The user allowed access to these administrations: a one-time code for the redirect. */
  issueCode(redirectUri: string, divisionCodes: number[], session?: string | null): string {
    const code = `exc_${this.random.hex(32)}`;
    const user = (session && this.sessions.get(session)) || this.user;
    this.codes.set(code, { redirectUri, divisionCodes: divisionCodes.filter((c) => this.byCode.has(c)), user });
    return code;
  }

  /** Redeems a code once; a replayed, unknown or misdirected code yields nothing. */
  exchangeCode(code: string, redirectUri: string): ExactGrant | null {
    const issued = this.codes.get(code);
    this.codes.delete(code);
    if (!issued || issued.redirectUri !== redirectUri) return null;
    return { user: issued.user, region: this.region, divisionCodes: issued.divisionCodes };
  }
}
