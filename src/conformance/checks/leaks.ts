import type { Seen } from '../recorder.js';
import { expect, type Kit } from '../kit.js';
import type { Check } from './check.js';

/** Where a secret shows in one answer (its body, a header, the redirect), or null. */
function whereIn(seen: Seen, secret: string): string | null {
  const forms = [secret, encodeURIComponent(secret)];
  const found = (text: string) => forms.some((form) => text.includes(form));
  if (found(seen.body)) return 'body';
  const header = seen.headers.find(([, value]) => found(value));
  return header ? `header ${header[0]}` : null;
}

export const leakChecks: Check[] = [
  {
    name: 'secrets: no code or token the simulator issued in any answer, header or redirect the kit saw',
    async run(kit) {
      const issued = await kit.exact.issuedTokens();
      const secrets = [
        ...issued.accessTokens.map((value) => ({ kind: 'access token', value })),
        ...issued.refreshTokens.map((value) => ({ kind: 'refresh token', value })),
        ...issued.codes.map((value) => ({ kind: 'authorization code', value })),
      ];
      expect(secrets.length > 0, 'the simulator issued no token: nothing to look for (did the login reach the token endpoint?)');
      // A Set: twenty identical calls that leak are one finding, not twenty lines.
      const leaks = new Set<string>();
      for (const seen of kit.recorder.seen) {
        for (const secret of secrets) {
          const where = whereIn(seen, secret.value);
          if (where) leaks.add(`an Exact ${secret.kind} (${secret.value.slice(0, 20)}…) in the ${where} of ${seen.request} (${seen.status})`);
        }
      }
      const found = [...leaks];
      expect(found.length === 0, `${found.length} leak(s): ${found.slice(0, 3).join('; ')}${found.length > 3 ? '; …' : ''}`);
      return `${secrets.length} secrets searched in ${kit.recorder.seen.length} answers`;
    },
  },
];

/** The last line: how many answers were checked against the contract (each violation already failed its check). */
export const contractTally = (kit: Kit, violations: number): { ok: boolean; detail: string } => ({
  ok: violations === 0,
  detail: violations === 0 ? `${kit.recorder.seen.length} answers` : `${violations} answer(s) broke the contract (see the lines above)`,
});
