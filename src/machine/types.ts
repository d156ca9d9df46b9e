import type { ApiError } from '../api/api-error.js';
import type {
  Authorization,
  BookingFlow,
  Connection,
  Division,
  DivisionSuggestion,
  Organisation,
  Page,
  PageRequest,
  Redelivery,
  RedeliveryPreview,
  Region,
  StartedAuthorization,
  Status,
} from '../api/types.js';
import type { BatchRecord, BatchRun, BatchTable } from './batch-types.js';

/** A searchable, cursor-paged list as the pickers show it. */
export interface ListState<T> {
  query: string;
  items: T[];
  /** Matches over all pages; null when the backend does not know it. */
  total: number | null;
  nextCursor: string | null;
}

/** The administrations' list, with what the backend suggests for the organisation on its first page. */
export interface AdministrationList extends ListState<Division> {
  /** Administrations whose KvK (or VAT) number is the organisation's, offered first; never chosen by themselves. */
  suggested?: DivisionSuggestion[];
  /** The organisation the list (and so its suggestions) was asked for. */
  suggestedFor?: string | null;
}

/**
 * Why an Exact login did not (yet) produce a grant. Each has its own message and way on. `unseen`:
 * the window reads closed while the backend still says pending (closed, or severed late by a
 * Cross-Origin-Opener-Policy): the login may still finish, so the element keeps asking.
 */
export type LoginProblem = 'blocked' | 'unseen' | 'denied' | 'expired' | 'revoked' | 'failed' | 'timedOut';

/** The connect flow's context. Words as in the README's glossary: an administration is Exact's division. */
export interface ConnectContext {
  status: Status | null;
  connections: Connection[];
  /** The connections the status answer carried, for the first overview only (later ones ask again). */
  preloadedConnections: Connection[] | null;
  organisations: ListState<Organisation>;
  organisation: Organisation | null;
  /** The confirmed Exact login (grant) the administrations come from. */
  authorization: Authorization | null;
  administrations: AdministrationList;
  /** The grant whose administrations `administrations` holds: set by a fetch, so a second visit needs none. */
  administrationsOf: string | null;
  administration: Division | null;
  bookingFlow: BookingFlow;
  /** One key per attempt at one (organisation, administration, flow): a retry or double click reuses it. */
  idempotencyKey: string | null;
  connection: Connection | null;
  /** The connection whose removal the user is confirming (or that is being removed). */
  disconnecting: Connection | null;
  /** The connection removed last: named on the overview until the next action there. */
  disconnected: Connection | null;
  /** The connection made last, highlighted on the overview it returns to. */
  madeConnection: string | null;
  /** The connections a batch made, highlighted on the overview it returns to. */
  madeConnections: string[];
  /** `Meerdere administraties koppelen`: the matching table, once the candidates are loaded. */
  batchTable: BatchTable | null;
  /** `Alles koppelen`: the rows being connected, one after another. */
  batchRun: BatchRun | null;
  /** A run kept before a reload, until the flow takes it up. */
  batchResume: BatchRecord | null;
  redeliveryConnection: Connection | null;
  /** A batch's connections offered again together (one date, one confirmation); empty for one connection. */
  redeliveryBatch: Connection[];
  /** How many documents the chosen date would offer again, asked before anything is sent. */
  redeliveryPreview: RedeliveryPreview | null;
  redelivery: Redelivery | null;
  /** The date last submitted for redelivery and its idempotency key, reused by a retry of that date. */
  redeliveryAttempt: { from: string; idempotencyKey: string } | null;
  error: ApiError | null;
  loginTimeout: number;
  createId: () => string;
  /** Today as YYYY-MM-DD (UTC), for the redelivery date rule. */
  today: () => string;
  /** The user asked for a fresh login (to grant more administrations): don't offer a grant. */
  forceNewLogin: boolean;
  /** A login URL fetched on the administration step, so `Opnieuw inloggen` opens the window in its click. */
  preparedLogin: StartedAuthorization | null;
  /** The URL the next login opens at once (taken from `preparedLogin` by `Opnieuw inloggen`). */
  loginAtOnce: StartedAuthorization | null;
  /** The connection `Opnieuw verbinden` is repairing. */
  reconnecting: Connection | null;
  /** What the last reconnect repaired, named on the overview until the next action there. */
  reconnected: Reconnected | null;
  now: () => number;
  /** Where to continue after a reload or the same-tab login, until the backend confirmed it. */
  resume: ResumeRecord | null;
  /** A login the backend settled without a grant while the page was away (same-tab login). */
  resumedProblem: LoginProblem | null;
  /** 429 answers in a row, for the backoff of automatic retries (retry-policy). */
  rateLimited: number;
}

/**
 * One login repairs every connection of that Exact user: the one asked for, the others it
 * brought back, and those that still need attention (an administration left out of the consent).
 */
export interface Reconnected {
  connection: Connection;
  others: Connection[];
  attention: Connection[];
}

/** The Exact login's own context (the child machine `signIn`). */
export interface SignInContext {
  /** The login being made: its authorize URL, fetched before `Open` so the window opens inside the click. */
  started: StartedAuthorization | null;
  /** The same with force_login (Exact asks who logs in), for `Inloggen als andere Exact-gebruiker`. */
  startedOther: StartedAuthorization | null;
  /** The confirmed grant: the child's output. */
  authorization: Authorization | null;
  /** Grants the platform already holds (GET authorizations). */
  authorizations: Authorization[];
  /** The grant offered instead of a second login (one Exact user, one token chain), if any. */
  reusable: Authorization | null;
  forceNewLogin: boolean;
  /** The organisation the login is for: the backend derives the Exact region from it. */
  organisationId: string | null;
  /** The Exact host to log in on, when it is known (a reconnect: the connection's); else the backend's default. */
  region: Region | null;
  /** Whether the flow can continue after leaving the page for the login (popups blocked). */
  sameTab: boolean;
  loginProblem: LoginProblem | null;
  error: ApiError | null;
  loginTimeout: number;
  /** A reason to ask the backend about the login arrived while it could not be asked yet. */
  checkQueued: boolean;
  /** How often the backend was asked since the window went out of sight (for the backoff). */
  unseenPolls: number;
  rateLimited: number;
}

export interface SignInInput {
  loginTimeout: number;
  forceNewLogin: boolean;
  organisationId: string | null;
  /** Start on this problem (a same-tab login settled without a grant while the page was away). */
  problem: LoginProblem | null;
  /** A login URL fetched before the click that starts this login: the window opens at once. */
  prepared?: StartedAuthorization | null;
  region?: Region | null;
  /** Default true; a reconnect from the overview has no same-tab login to resume. */
  sameTab?: boolean;
}

/**
 * What the element keeps (sessionStorage) to continue after a reload or a same-tab login:
 * ids, names and choices, never a code or token.
 */
export interface ResumeRecord {
  organisation: Organisation;
  authorizationId: string;
  administration: Division | null;
  bookingFlow: BookingFlow;
  idempotencyKey: string | null;
}

export interface ConnectInput {
  /** Milliseconds the login window may stay open without an outcome. */
  loginTimeout?: number;
  /** Makes idempotency keys; the element passes crypto.randomUUID. */
  createId: () => string;
  /** Today as YYYY-MM-DD; the machine's default reads the system clock. */
  today?: () => string;
  /** The clock in milliseconds (Date.now), for the lifetime of a login URL fetched ahead. */
  now?: () => number;
  resume?: ResumeRecord | null;
  /** A batch run kept before a reload (sessionStorage): the flow resumes it. */
  batchResume?: BatchRecord | null;
}

/** What the login window actor reports. The status in a report is a hint; the backend decides. */
export type LoginWindowEvent =
  | { type: 'login.reported'; authorizationId: string }
  | { type: 'popup.blocked' }
  | { type: 'popup.closed' };

/** What the user does on the login step; the connect machine passes these on to the login. */
export type SignInUserEvent =
  | { type: 'user.openLogin' }
  | { type: 'user.reuseGrant'; authorization: Authorization }
  /** Instead of the grant offered: log in as another Exact user (Exact asks who, force_login). */
  | { type: 'user.loginAsOther' }
  | { type: 'user.loginSameTab' }
  | { type: 'user.retry' };

export type SignInEvent =
  | LoginWindowEvent
  | SignInUserEvent
  /** Internal: the login window's state wants the backend asked about the login. */
  | { type: 'login.check' }
  /** Internal: the backend says the login is still pending. */
  | { type: 'authorization.pending' }
  /** Internal: the backend could not be asked about the login. */
  | { type: 'authorization.unknown'; error: unknown };

export type ConnectEvent =
  | SignInUserEvent
  | { type: 'user.back' }
  | { type: 'user.cancel' }
  | { type: 'user.newConnection' }
  | { type: 'user.searchOrganisations'; query: string }
  | { type: 'user.loadMoreOrganisations' }
  | { type: 'user.selectOrganisation'; organisation: Organisation }
  | { type: 'user.confirmOrganisation' }
  | { type: 'user.chooseExact' }
  | { type: 'user.loginAgain' }
  | { type: 'user.continue' }
  | { type: 'user.searchAdministrations'; query: string }
  | { type: 'user.loadMoreAdministrations' }
  | { type: 'user.selectAdministration'; administration: Division }
  | { type: 'user.selectBookingFlow'; bookingFlow: BookingFlow }
  | { type: 'user.finish' }
  | { type: 'user.redeliver'; connection: Connection }
  | { type: 'user.submitRedelivery'; from: string }
  | { type: 'user.confirmRedelivery' }
  | { type: 'user.changeRedeliveryDate' }
  | { type: 'user.disconnect'; connection: Connection }
  | { type: 'user.confirmDisconnect' }
  | { type: 'user.cancelDisconnect' }
  | { type: 'user.reconnect'; connection: Connection }
  | { type: 'user.done' }
  | { type: 'user.newBatch' }
  | { type: 'user.tickBatchRow'; organisationId: string; ticked: boolean }
  | { type: 'user.tickAllBatchRows'; ticked: boolean }
  /** `Wijzigen` on a row: the administration picker, for that organisation. */
  | { type: 'user.changeBatchRow'; organisationId: string }
  | { type: 'user.searchBatchAdministrations'; query: string }
  /** The picker's choice for the row being changed; null: no administration for it. */
  | { type: 'user.chooseBatchAdministration'; administration: Division | null }
  | { type: 'user.closeBatchPicker' }
  | { type: 'user.startBatch' }
  | { type: 'user.stopBatch' }
  | { type: 'user.retryFailedBatch' }
  | { type: 'user.resumeSkippedBatch' }
  | { type: 'user.redeliverBatch' }
  /** Internal: the administrations prefetch answered (its result is already in the context). */
  | { type: 'prefetch.settled' }
  /** Internal: the login machine's request failed; the host is told, as for any request. */
  | { type: 'signIn.failed'; error: ApiError }
  /** Internal: the login asks to leave the page for the same-tab login (popups blocked). */
  | { type: 'signIn.leave'; started: StartedAuthorization };

/** Events the machine emits for the host page. */
export type ConnectEmitted =
  | { type: 'connected'; connection: Connection }
  | { type: 'cancelled' }
  | { type: 'failed'; error: ApiError }
  | { type: 'disconnected'; connection: Connection }
  | { type: 'reconnected'; connections: Connection[] };

export interface AdministrationPageRequest extends PageRequest {
  authorizationId: string;
  /** The organisation being connected: its first page then carries the suggested administrations. */
  organisationId?: string;
}

/** What `startAuthorization` is asked with; the element adds the return origin and locale. */
export interface StartAuthorizationInput {
  organisationId: string | null;
  /** The Exact host, when the login must be on a given one (a reconnect); else from the organisation. */
  region?: Region | null;
  forceLogin: boolean;
}

export interface CreateConnectionInput {
  organisationId: string;
  authorizationId: string;
  divisionCode: number;
  bookingFlow: BookingFlow;
  idempotencyKey: string;
}

export type { Page, PageRequest };
