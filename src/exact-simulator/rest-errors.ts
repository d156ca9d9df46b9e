import type { ForbiddenReason } from './faults.js';

/** Exact's OData error body: `{"error":{"code":"","message":{"lang":"","value":"…"}}}`. */
export const odataError = (status: number, message: string, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify({ error: { code: '', message: { lang: '', value: message } } }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });

/** A 403 with the `Reason` header clients branch on. */
export const forbidden = (reason: ForbiddenReason, message = 'Forbidden'): Response => odataError(403, message, { Reason: reason });

/** What IIS answers for a missing, invalid, expired or truncated token: an HTML page, not JSON. */
export const htmlUnauthorized = (): Response =>
  new Response(
    '<!DOCTYPE html><html><head><title>401 - Unauthorized: Access is denied due to invalid credentials.</title></head><body><div id="header"><h1>Server Error</h1></div><div id="content"><h2>401 - Unauthorized: Access is denied due to invalid credentials.</h2><h3>You do not have permission to view this directory or page using the credentials that you supplied.</h3></div></body></html>',
    { status: 401, headers: { 'Content-Type': 'text/html', 'WWW-Authenticate': 'Bearer' } },
  );
