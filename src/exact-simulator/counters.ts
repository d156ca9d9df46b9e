export type GrantType = 'authorization_code' | 'refresh_token';

/** What tests read to prove how a backend talked to Exact (e.g. 20 concurrent calls → one token call). */
export interface Counters {
  /** Token calls by grant type; `other` for a missing or unknown grant type. */
  tokenCalls: Record<GrantType | 'other', number>;
  /** Every mailbox POST that reached the endpoint, failed or not. */
  mailboxPosts: number;
  /** REST calls by `METHOD endpoint`, e.g. `GET system/Divisions`, counted as they arrive. */
  apiCalls: Record<string, number>;
  /** Successful logins on the login form, and consents given (Allow). */
  logins: number;
  consents: number;
}

export const emptyCounters = (): Counters => ({ tokenCalls: { authorization_code: 0, refresh_token: 0, other: 0 }, mailboxPosts: 0, apiCalls: {}, logins: 0, consents: 0 });

/** A deep copy, so a caller cannot change the simulator's own counts. */
export const copyCounters = (counters: Counters): Counters => ({ ...counters, tokenCalls: { ...counters.tokenCalls }, apiCalls: { ...counters.apiCalls } });
