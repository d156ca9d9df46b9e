import type { Division, Organisation } from './api/types.js';
import type { ResumeRecord } from './machine/types.js';
import { RETURN_URL_KEY, type ReturnAddress } from './popup/login-message.js';

/**
 * Where the element keeps what it needs to continue after a reload or a same-tab login:
 * sessionStorage (this tab only), ids, names and choices — never a code or token.
 */
const RESUME_PREFIX = 'autopilot-connect:resume:';

/** This tab's sessionStorage, or null where it is blocked; shared with the batch's record (batch-storage.ts). */
export const storage = (): Storage | null => {
  try {
    return window.sessionStorage;
  } catch {
    return null; // Storage blocked (privacy settings): resuming is then simply not offered.
  }
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isOrganisation = (value: unknown): value is Organisation =>
  isObject(value) && typeof value.id === 'string' && typeof value.name === 'string' && Array.isArray(value.blockers);
const isDivision = (value: unknown): value is Division =>
  isObject(value) && typeof value.code === 'number' && typeof value.name === 'string';

/** Storage is input like any other: a record that does not have the expected shape is dropped. */
function parseRecord(text: string | null): ResumeRecord | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (!isObject(value) || !isOrganisation(value.organisation) || typeof value.authorizationId !== 'string') return null;
    return {
      organisation: value.organisation,
      authorizationId: value.authorizationId,
      administration: isDivision(value.administration) ? value.administration : null,
      bookingFlow: value.bookingFlow === 'advanced' ? 'advanced' : 'simple',
      idempotencyKey: typeof value.idempotencyKey === 'string' ? value.idempotencyKey : null,
    };
  } catch {
    return null;
  }
}

/**
 * The resume keys held by this page's running flows. A flow takes its key when it starts and
 * gives it back when it stops for good (a move is not a stop), so no two elements on the page
 * share a record, wherever they sit (the page or a component's shadow root) and in whatever
 * order they were added.
 */
const heldKeys = new Set<string>();

/**
 * Which resume record a starting flow keeps: the api-base, plus the element's `id` when it has
 * one; when a running flow holds that key already, the first free `key@1`, `key@2`, … Elements
 * that start in the same order (as after a reload) get the same keys.
 */
export function claimResumeKey(apiBase: string, id: string): string {
  const base = id ? `${apiBase}#${id}` : apiBase;
  let key = base;
  for (let n = 1; heldKeys.has(key); n++) key = `${base}@${n}`;
  heldKeys.add(key);
  return key;
}

export function releaseResumeKey(key: string): void {
  heldKeys.delete(key);
}

export function loadResume(scope: string): ResumeRecord | null {
  return parseRecord(storage()?.getItem(RESUME_PREFIX + scope) ?? null);
}

export function saveResume(scope: string, record: ResumeRecord): void {
  try {
    storage()?.setItem(RESUME_PREFIX + scope, JSON.stringify(record));
  } catch {
    // Quota or privacy mode: the flow goes on, it just cannot resume after a reload.
  }
}

export function clearResume(scope: string): void {
  storage()?.removeItem(RESUME_PREFIX + scope);
}

/** Kept for the callback page of a same-tab login (the rule is in popup/return-address.ts). */
export function saveReturnAddress(address: ReturnAddress): void {
  try {
    storage()?.setItem(RETURN_URL_KEY, JSON.stringify(address));
  } catch {
    // Without it the callback page still says the login is done; the user goes back by hand.
  }
}

/** The element starts on the page again, so a same-tab login it left for was abandoned (Back). */
export function clearOwnReturnAddress(scope: string): void {
  try {
    const store = storage();
    const address = JSON.parse(store?.getItem(RETURN_URL_KEY) ?? 'null') as Partial<ReturnAddress> | null;
    if (address?.scope === scope) store?.removeItem(RETURN_URL_KEY);
  } catch {
    // A malformed entry is not this element's; the callback page ignores it too.
  }
}
