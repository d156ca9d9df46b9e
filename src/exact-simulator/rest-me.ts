import type { Caller } from './bearer.js';
import type { RequestContext } from './context.js';
import { jsonResponse } from './json.js';
import { selectedFields, shape, type EntitySet } from './odata.js';
import { odataError } from './rest-errors.js';

const me: EntitySet = {
  type: 'Exact.Web.Api.System.Me',
  properties: { UserID: 'Edm.Guid', UserName: 'Edm.String', FullName: 'Edm.String', Email: 'Edm.String', CurrentDivision: 'Edm.Int32', LanguageCode: 'Edm.String' },
  key: 'UserID',
  uriOf: (row) => `/api/v1/current/Me(guid'${String(row.UserID)}')`,
};

/** `GET /api/v1/current/Me`: the user; `CurrentDivision` is the last one used, granted or not. */
export function currentMe(ctx: RequestContext, { user }: Caller): Response {
  if (ctx.request.method !== 'GET') return odataError(405, 'Method not allowed');
  const fields = selectedFields(ctx.url.searchParams.get('$select'), me);
  if (typeof fields === 'string') return odataError(400, fields);
  const row = { UserID: user.userId, UserName: user.username, FullName: user.fullName, Email: user.email, CurrentDivision: user.currentDivision, LanguageCode: user.language };
  return jsonResponse(200, { d: { results: [shape(ctx, me, row, fields)] } });
}
