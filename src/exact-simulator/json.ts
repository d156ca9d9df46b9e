export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });

/** OData v2's date notation, `/Date(1700000000000)/`. */
export const odataDate = (epochMs: number | null): string | null => (epochMs === null ? null : `/Date(${epochMs})/`);
