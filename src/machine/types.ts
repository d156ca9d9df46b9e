import type { ApiError } from '../api/api-error.js';
import type {
  Authorization,
  BookingFlow,
  Connection,
  Division,
  Organisation,
  Page,
  PageRequest,
  Redelivery,
  StartedAuthorization,
  Status,
} from '../api/types.js';

/** A searchable, cursor-paged list as the pickers show it. */
export interface ListState<T> {
  query: string;
  items: T[];
  total: number;
  nextCursor: string | null;
}

/**
 * Why a login did not (yet) produce a grant. Each has its own message and way on. `unseen`: the
 * window reads closed while the backend still says pending (closed, or severed late by a
 * Cross-Origin-Opener-Policy): the login may still finish, so the element keeps asking.
 */
export type LoginProblem = 'blocked' | 'unseen' | 'denied' | 'expired' | 'failed' | 'timedOut';

export interface ConnectContext {
  status: Status | null;
  connections: Connection[];
  organisations: ListState<Organisation>;
  organisation: Organisation | null;
  login: StartedAuthorization | null;
  authorization: Authorization | null;
  loginProblem: LoginProblem | null;
  divisions: ListState<Division>;
  /** The grant whose administrations `divisions` holds: set by a fetch, so a second visit needs none. */
  divisionsOf: string | null;
  division: Division | null;
  bookingFlow: BookingFlow;
  /** One key per attempt at one (organisation, division, flow): a retry or double click reuses it. */
  idempotencyKey: string | null;
  connection: Connection | null;
  redeliveryConnection: Connection | null;
  redelivery: Redelivery | null;
  error: ApiError | null;
  loginTimeout: number;
  createId: () => string;
  /** Grants the platform already holds for this user (GET authorizations). */
  grants: Authorization[];
  /** The user asked for a fresh login (to grant more administrations): don't offer a grant. */
  forceNewLogin: boolean;
  /** Where to continue after a reload or the same-tab login, until the backend confirmed it. */
  resume: ResumeRecord | null;
  /** A reason to ask the backend about the login arrived while it could not be asked yet. */
  checkQueued: boolean;
  /** How often the backend was asked since the window went out of sight (for the backoff). */
  unseenPolls: number;
  /** 429 answers in a row, for the backoff of automatic retries (retry-policy). */
  rateLimited: number;
}

/**
 * What the element keeps (sessionStorage) to continue after a reload or a same-tab login:
 * ids, names and choices, never a code or token.
 */
export interface ResumeRecord {
  organisation: Organisation;
  authorizationId: string;
  division: Division | null;
  bookingFlow: BookingFlow;
  idempotencyKey: string | null;
}

export interface ConnectInput {
  /** Milliseconds the login window may stay open without an outcome. */
  loginTimeout?: number;
  /** Makes idempotency keys; the element passes crypto.randomUUID. */
  createId: () => string;
  resume?: ResumeRecord | null;
}

/** What the login window actor reports. The status in a report is a hint; the backend decides. */
export type LoginWindowEvent =
  | { type: 'login.reported'; authorizationId: string }
  | { type: 'popup.blocked' }
  | { type: 'popup.closed' };

export type ConnectEvent =
  | LoginWindowEvent
  | { type: 'user.retry' }
  | { type: 'user.back' }
  | { type: 'user.cancel' }
  | { type: 'user.newConnection' }
  | { type: 'user.searchOrganisations'; query: string }
  | { type: 'user.loadMoreOrganisations' }
  | { type: 'user.selectOrganisation'; organisation: Organisation }
  | { type: 'user.confirmOrganisation' }
  | { type: 'user.chooseExact' }
  | { type: 'user.openLogin' }
  | { type: 'user.reuseGrant'; authorization: Authorization }
  | { type: 'user.loginSameTab' }
  | { type: 'user.loginAgain' }
  | { type: 'user.continue' }
  | { type: 'user.searchDivisions'; query: string }
  | { type: 'user.loadMoreDivisions' }
  | { type: 'user.selectDivision'; division: Division }
  | { type: 'user.selectBookingFlow'; bookingFlow: BookingFlow }
  | { type: 'user.finish' }
  | { type: 'user.redeliver'; connection: Connection }
  | { type: 'user.submitRedelivery'; from: string }
  | { type: 'user.done' }
  /** Internal: the administrations prefetch answered (its result is already in the context). */
  | { type: 'prefetch.settled' }
  /** Internal: the login window's state wants the backend asked about the login. */
  | { type: 'login.check' }
  /** Internal: the backend says the login is still pending. */
  | { type: 'authorization.pending' }
  /** Internal: the backend could not be asked about the login. */
  | { type: 'authorization.unknown'; error: unknown };

/** Events the machine emits for the host page. */
export type ConnectEmitted =
  | { type: 'connected'; connection: Connection }
  | { type: 'cancelled' }
  | { type: 'failed'; error: ApiError };

export interface DivisionPageRequest extends PageRequest {
  authorizationId: string;
}

export interface CreateConnectionInput {
  organisationId: string;
  authorizationId: string;
  divisionCode: number;
  bookingFlow: BookingFlow;
  idempotencyKey: string;
}

export type { Page, PageRequest };
