import type { Caller } from './bearer.js';
import type { RequestContext } from './context.js';
import { grantedDivisions } from './division-access.js';
import { jsonResponse } from './json.js';
import { odataPage, type EntitySet } from './odata.js';
import { odataError } from './rest-errors.js';
import type { DivisionState } from './world.js';

const divisionSet = (division: number, resource: string): EntitySet => ({
  type: 'Exact.Web.Api.System.Division',
  properties: {
    Code: 'Edm.Int32',
    Description: 'Edm.String',
    Hid: 'Edm.Int64',
    CustomerName: 'Edm.String',
    ChamberOfCommerceNumber: 'Edm.String',
    VATNumber: 'Edm.String',
    Country: 'Edm.String',
    Status: 'Edm.Int16',
    BlockingStatus: 'Edm.Int32',
  },
  key: 'Code',
  uriOf: (row) => `/api/v1/${division}/${resource}(${String(row.Code)})`,
});

const row = (division: DivisionState) => ({
  Code: division.code,
  Description: division.description,
  Hid: division.hid,
  CustomerName: division.customerName,
  ChamberOfCommerceNumber: division.kvk,
  VATNumber: division.vatNumber,
  Country: division.country,
  Status: division.status,
  // A division blocked after the consent is listed with its block, not hidden.
  BlockingStatus: division.unavailable === 'DivisionBlocked' && division.blockingStatus === 0 ? 1 : division.blockingStatus,
});

/**
 * `GET /api/v1/{division}/system/Divisions` (and `AllDivisions`): only the granted divisions,
 * inactive and archived ones included with their Status, 60 a page.
 */
export function divisions(ctx: RequestContext, caller: Caller, division: number, resource: string): Response {
  if (ctx.request.method !== 'GET') return odataError(405, 'Method not allowed');
  const page = odataPage(ctx, divisionSet(division, resource), grantedDivisions(ctx, caller).map(row));
  return page instanceof Response ? page : jsonResponse(200, page.body);
}
