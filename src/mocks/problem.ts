import type { ProblemCode } from '../api/types.js';

/**
 * A contract error raised by the mock's model or router. The backend turns it into an
 * application/problem+json response, so the model can simply throw where a rule is broken.
 */
export class MockProblem extends Error {
  override readonly name = 'MockProblem';
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail: string,
    /** Seconds for the Retry-After header (409, 429, 503). */
    readonly retryAfter: number | null = null,
  ) {
    super(`${status} ${code}: ${detail}`);
  }
}
