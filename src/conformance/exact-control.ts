/** The simulator's control endpoints (`/_simulator/…`): counters, faults, the clock, its users and the tokens it issued. */
export interface Counters {
  tokenCalls: { authorization_code: number; refresh_token: number; other: number };
  mailboxPosts: number;
  apiCalls: Record<string, number>;
  logins: number;
  consents: number;
}

export interface SimulatorUser {
  username: string;
  password: string;
  fullName: string;
  region: string;
  divisions: number;
}

export interface IssuedTokens {
  codes: string[];
  accessTokens: string[];
  refreshTokens: string[];
}

export class ExactControl {
  constructor(readonly origin: string) {}

  private async control<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const url = `${this.origin.replace(/\/$/, '')}/_simulator/${path}`;
    let response: Response;
    try {
      response = await fetch(url, body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    } catch (error) {
      throw new Error(`the Exact simulator did not answer ${method} ${url}: ${(error as Error).cause ?? (error as Error).message}`);
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`the Exact simulator refused ${method} ${url}: ${response.status} ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  counters = () => this.control<Counters>('GET', 'counters');
  users = () => this.control<SimulatorUser[]>('GET', 'users');
  fault = (fault: Record<string, unknown>) => this.control<unknown>('POST', 'faults', fault);
  /** Lifts the standing faults of a division (a refused mailbox, an unavailable division): the ones lifted. */
  liftDivisionFaults = (division: number) => this.control<{ lifted: { kind: string }[] }>('DELETE', `faults?division=${division}`);
  /** The one-shot faults no call has met yet. */
  pendingFaults = () => this.control<{ kind: string }[]>('GET', 'faults');
  advanceClock = (advanceMs: number) => this.control<{ now: number }>('POST', 'clock', { advanceMs });

  /** Every secret the simulator issued; older simulators lack the endpoint, which the kit then reports. */
  async issuedTokens(): Promise<IssuedTokens> {
    try {
      return await this.control<IssuedTokens>('GET', 'issued-tokens');
    } catch (error) {
      throw new Error(`${(error as Error).message} (the kit needs a simulator with GET /_simulator/issued-tokens)`);
    }
  }
}
