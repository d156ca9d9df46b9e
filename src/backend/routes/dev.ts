import { Hono } from 'hono';
import type { BackendDeps } from '../deps.js';
import { randomSecret } from '../ids.js';
import { ApiProblem, json } from '../problem.js';
import { SESSION_COOKIE } from '../session.js';

/**
 * Dev sessions (only with `devSessions`): the seeded platform users, and a session for one of
 * them, standing in for the platform's own sign-in in the demo, the tests and the kit.
 */
export function devRoutes(deps: BackendDeps) {
  return new Hono()
    .get('/_dev/users', () => json(200, deps.seed.users.map((user) => ({ id: user.id, name: user.name, accountId: user.accountId }))))
    .post('/_dev/session', async (c) => {
      const body = (await c.req.json().catch(() => undefined)) as { userId?: unknown } | undefined;
      const user = deps.seed.users.find((candidate) => candidate.id === body?.userId);
      if (!user) throw new ApiProblem(400, 'invalid_request', `POST /_dev/session takes {"userId"}: one of ${deps.seed.users.map((candidate) => candidate.id).join(', ')}`);
      const id = randomSecret();
      await deps.db.query('INSERT INTO sessions (id, user_id, created_at) VALUES ($1, $2, $3)', [id, user.id, deps.now()]);
      const secure = deps.config.publicUrl.startsWith('https:') ? '; Secure' : '';
      return new Response(JSON.stringify({ userId: user.id }), {
        status: 200,
        headers: { 'Content-Type': 'application/json', 'Set-Cookie': `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax${secure}` },
      });
    });
}
