import type { ExactUser } from '../api/types.js';
import { SeededRandom } from './random.js';

/** An administration as Exact Online knows it (the platform adds who it is connected to). */
export interface ExactDivision {
  code: number;
  name: string;
  kvk: string | null;
  vatNumber: string | null;
  country: string | null;
  blocked: boolean;
}

export interface ExactOnlineInit {
  user: ExactUser;
  /** The country host the user's data lives in (start.exactonline.<region>). */
  region: string;
  divisions: ExactDivision[];
  seed?: number;
}

/** What the platform learns by exchanging an authorization code. */
export interface ExactGrant {
  user: ExactUser;
  region: string;
  divisionCodes: number[];
}

interface IssuedCode {
  redirectUri: string;
  divisionCodes: number[];
}

/**
 * The simulated Exact Online: one user, the administrations they can see, login sessions and
 * the authorization codes it hands out. It knows nothing about the platform; like the real
 * one it only echoes `state` and binds each code to the redirect URI it was issued for.
 */
export class ExactOnline {
  readonly user: ExactUser;
  readonly region: string;
  readonly divisions: readonly ExactDivision[];
  private readonly byCode: ReadonlyMap<number, ExactDivision>;
  private readonly sessions = new Set<string>();
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

  /** Any username and password will do: it is a mock. Returns a session ticket. */
  logIn(): string {
    const ticket = `ses_${this.random.hex(20)}`;
    this.sessions.add(ticket);
    return ticket;
  }

  hasSession(ticket: string | null): boolean {
    return ticket !== null && this.sessions.has(ticket);
  }

  /** The user allowed access to these administrations: a one-time code for the redirect. */
  issueCode(redirectUri: string, divisionCodes: number[]): string {
    const code = `exc_${this.random.hex(32)}`;
    this.codes.set(code, { redirectUri, divisionCodes: divisionCodes.filter((c) => this.byCode.has(c)) });
    return code;
  }

  /** Redeems a code once; a replayed, unknown or misdirected code yields nothing. */
  exchangeCode(code: string, redirectUri: string): ExactGrant | null {
    const issued = this.codes.get(code);
    this.codes.delete(code);
    if (!issued || issued.redirectUri !== redirectUri) return null;
    return { user: this.user, region: this.region, divisionCodes: issued.divisionCodes };
  }
}
