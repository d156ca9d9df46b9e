import type { GrantType } from './counters.js';

/** The 403 reasons Exact puts in its `Reason` header. */
export const forbiddenReasons = ['NoDivisionAccess', 'DivisionBlocked', 'LicenseExpired', 'BlockedUser', 'InactiveUser', 'BlockedCustomer'] as const;
export type ForbiddenReason = (typeof forbiddenReasons)[number];

export const mailboxFailures = ['forbidden', 'linkedToOtherDivision', 'trialLicence', 'noDivisionAccess', 'serverError'] as const;
export type MailboxFailure = (typeof mailboxFailures)[number];

/**
 * What a test can make go wrong. One-shot faults wait in a queue for the call they hit;
 * `divisionUnavailable`, `userUnavailable` and `mailboxRefused` change the world at once and stay
 * until lifted (`DELETE /_simulator/faults?…`, see control.ts) or a reset.
 */
export type Fault =
  /** The next token call (of this grant, or any) answers `status` with an OAuth error, or a 503 page when no error is given. */
  | { kind: 'tokenFails'; grant?: GrantType; status?: number; error?: string; description?: string }
  /** The next REST call finds its company's minutely (or daily) limit used up; a 429 may come without headers. */
  | { kind: 'rateLimitExhausted'; window?: 'minutely' | 'daily'; withoutHeaders?: boolean }
  /** The next mailbox POST fails as Exact does for this cause. */
  | { kind: 'mailboxPostFails'; failure: MailboxFailure }
  /** The next REST call answers the HTML 401 of a truncated or invalid token. */
  | { kind: 'accessTokenRejected' }
  /** The next REST call (to `endpoint`, e.g. `system/Divisions`, or any) answers a server error. */
  | { kind: 'serverError'; endpoint?: string; status?: number }
  /** From now on requests to the division answer 403 with `reason` (NoDivisionAccess also drops it from lists). */
  | { kind: 'divisionUnavailable'; division: number; reason: ForbiddenReason }
  /** From now on every REST call of the user answers 403 with `reason`. */
  | { kind: 'userUnavailable'; username: string; reason: ForbiddenReason }
  /** From now on every mailbox POST for the division fails as Exact does for this cause (it stays listed). */
  | { kind: 'mailboxRefused'; division: number; failure: MailboxFailure };

/** The standing faults (those that change the world) that a control request lifts again. */
export type StandingFault = Extract<Fault, { kind: 'divisionUnavailable' | 'userUnavailable' | 'mailboxRefused' }>;

/** Which standing faults to lift: those of one division (of one kind, or both), or a user's. */
export type LiftRequest = { division: number; kind?: 'mailboxRefused' | 'divisionUnavailable' } | { username: string };

export type QueuedFault = Extract<Fault, { kind: 'tokenFails' | 'rateLimitExhausted' | 'mailboxPostFails' | 'accessTokenRejected' | 'serverError' }>;

/** One-shot faults, each taken by the first call it matches. */
export class FaultQueue {
  private queue: QueuedFault[] = [];

  add(fault: QueuedFault): void {
    this.queue.push(fault);
  }

  /** Removes and returns the first fault of `kind` that `matches`. */
  take<K extends QueuedFault['kind']>(kind: K, matches: (fault: Extract<QueuedFault, { kind: K }>) => boolean = () => true): Extract<QueuedFault, { kind: K }> | undefined {
    const index = this.queue.findIndex((fault) => fault.kind === kind && matches(fault as Extract<QueuedFault, { kind: K }>));
    if (index < 0) return undefined;
    return this.queue.splice(index, 1)[0] as Extract<QueuedFault, { kind: K }>;
  }

  pending(): readonly QueuedFault[] {
    return [...this.queue];
  }

  clear(): void {
    this.queue = [];
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const optional = (value: unknown, type: 'string' | 'number' | 'boolean') => value === undefined || typeof value === type;

/** A fault from JSON (the control endpoint), or a message saying what is wrong with it. */
export function parseFault(value: unknown): Fault | string {
  if (!isObject(value)) return 'a fault is a JSON object with a "kind"';
  switch (value.kind) {
    case 'tokenFails':
      if (value.grant !== undefined && value.grant !== 'authorization_code' && value.grant !== 'refresh_token') return 'tokenFails: grant is authorization_code or refresh_token';
      if (!optional(value.status, 'number') || !optional(value.error, 'string') || !optional(value.description, 'string')) return 'tokenFails: status is a number, error and description are strings';
      return value as Fault;
    case 'rateLimitExhausted':
      if (value.window !== undefined && value.window !== 'minutely' && value.window !== 'daily') return 'rateLimitExhausted: window is minutely or daily';
      if (!optional(value.withoutHeaders, 'boolean')) return 'rateLimitExhausted: withoutHeaders is a boolean';
      return value as Fault;
    case 'mailboxPostFails':
      if (!(mailboxFailures as readonly unknown[]).includes(value.failure)) return `mailboxPostFails: failure is one of ${mailboxFailures.join(', ')}`;
      return value as Fault;
    case 'accessTokenRejected':
      return value as Fault;
    case 'serverError':
      if (!optional(value.endpoint, 'string') || !optional(value.status, 'number')) return 'serverError: endpoint is a string, status a number';
      return value as Fault;
    case 'divisionUnavailable':
      if (typeof value.division !== 'number') return 'divisionUnavailable: division is a division code (number)';
      if (!(forbiddenReasons as readonly unknown[]).includes(value.reason)) return `divisionUnavailable: reason is one of ${forbiddenReasons.join(', ')}`;
      return value as Fault;
    case 'userUnavailable':
      if (typeof value.username !== 'string') return 'userUnavailable: username is the login name (string)';
      if (!(forbiddenReasons as readonly unknown[]).includes(value.reason)) return `userUnavailable: reason is one of ${forbiddenReasons.join(', ')}`;
      return value as Fault;
    case 'mailboxRefused':
      if (typeof value.division !== 'number') return 'mailboxRefused: division is a division code (number)';
      if (!(mailboxFailures as readonly unknown[]).includes(value.failure)) return `mailboxRefused: failure is one of ${mailboxFailures.join(', ')}`;
      return value as Fault;
    default:
      return `unknown fault kind ${JSON.stringify(value.kind)}; known: tokenFails, rateLimitExhausted, mailboxPostFails, accessTokenRejected, serverError, divisionUnavailable, userUnavailable, mailboxRefused`;
  }
}
