import type { Caller } from './bearer.js';
import type { RequestContext } from './context.js';
import { forbidden } from './rest-errors.js';
import type { DivisionState } from './world.js';

/** The divisions the caller's consent granted and the user can still reach (NoDivisionAccess drops one). */
export function grantedDivisions(ctx: RequestContext, { chain, user }: Caller): DivisionState[] {
  return chain.divisions.flatMap((code) => {
    const division = ctx.world.divisions.get(code);
    return division && user.divisions.includes(code) && division.unavailable !== 'NoDivisionAccess' ? [division] : [];
  });
}

/** A 403 with its Reason when the division in the URL may not be used, else undefined. */
export function refuseDivision(ctx: RequestContext, caller: Caller, code: number): Response | undefined {
  const division = grantedDivisions(ctx, caller).find((candidate) => candidate.code === code);
  // An ungranted division is as good as absent: Exact does not tell it apart from one never held.
  if (!division) return forbidden('NoDivisionAccess');
  if (division.unavailable) return forbidden(division.unavailable);
  if (division.blockingStatus !== 0) return forbidden('DivisionBlocked');
  return undefined;
}
