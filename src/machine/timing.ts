/** The flow's timings, in milliseconds: one place, read by the machines and by their tests. */

export const SEARCH_DEBOUNCE_MS = 250;
/** A closed login window's last message may still be on its way: wait this long before asking. */
export const POPUP_CLOSED_GRACE_MS = 1_500;
export const DEFAULT_LOGIN_TIMEOUT_MS = 10 * 60_000;
/**
 * A window that reads as closed this soon after opening was not closed by a person: a
 * Cross-Origin-Opener-Policy on the login page severed it. It is out of sight at once, without
 * the grace a closed window gets.
 */
export const SEVERED_WINDOW_MS = 3_000;
/**
 * A report is only a hint to ask the backend, so anyone who can post one can make the element
 * ask. One check runs at a time, reports during it are answered by one more check, and between
 * two checks lies at least this gap: a flood of reports is one request every two seconds.
 */
export const CHECK_GAP_MS = 2_000;
/**
 * A window out of sight (severed by a Cross-Origin-Opener-Policy, at once or on a later page, or
 * closed while the backend says the login is pending) cannot say how the login ends, so the
 * backend is asked after 2 s, then at doubling intervals up to 15 s, until the login timeout.
 */
export const UNSEEN_POLL_FIRST_MS = 2_000;
export const UNSEEN_POLL_MAX_MS = 15_000;
