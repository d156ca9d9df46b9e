import { base64UrlToText, textToBase64Url } from './base64.js';
import { ApiProblem } from './problem.js';

/**
 * Opaque page cursors, bound to the list and query they came from: a cursor of another query
 * (or another list) is refused with 400 `cursor_invalid` rather than silently answering the wrong page.
 */
export function encodeCursor(scope: string, position: unknown): string {
  return textToBase64Url(JSON.stringify({ s: scope, p: position }));
}

export function decodeCursor<T>(cursor: string | undefined, scope: string, valid: (position: unknown) => position is T): T | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let parsed: { s?: unknown; p?: unknown };
  try {
    parsed = JSON.parse(base64UrlToText(cursor)) as { s?: unknown; p?: unknown };
  } catch {
    throw new ApiProblem(400, 'cursor_invalid', 'The cursor is not one this backend made.');
  }
  if (parsed?.s !== scope || !valid(parsed.p)) throw new ApiProblem(400, 'cursor_invalid', 'The cursor belongs to another list or query: start again without it.');
  return parsed.p;
}

/** `limit` as the contract allows it (1–200, default 50), or a 400 saying so. */
export function pageLimit(text: string | undefined): number {
  if (text === undefined || text === '') return 50;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new ApiProblem(400, 'invalid_request', 'limit is a whole number from 1 to 200.');
  return limit;
}

/** `query` as the contract allows it (at most 200 characters), trimmed and case-folded. */
export function searchQuery(text: string | undefined): string {
  const query = (text ?? '').trim();
  if (query.length > 200) throw new ApiProblem(400, 'invalid_request', 'query is at most 200 characters.');
  return query.toLowerCase();
}
