/** Token endpoint answers, shaped as Exact sends them (JSON, never cached). */
export const tokenJson = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Pragma: 'no-cache' } });

export const oauthError = (status: number, error: string, description?: string): Response =>
  tokenJson(status, description === undefined ? { error } : { error, error_description: description });
