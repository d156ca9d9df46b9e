import type { Caller } from './bearer.js';
import type { RequestContext } from './context.js';
import { makeSecrets } from './context.js';
import { grantedDivisions } from './division-access.js';
import type { MailboxFailure } from './faults.js';
import { jsonResponse, odataDate } from './json.js';
import { odataPage, shape, type EntitySet } from './odata.js';
import { forbidden, odataError } from './rest-errors.js';
import type { MailboxState } from './world.js';

const mailboxSet = (division: number): EntitySet => ({
  type: 'Exact.Web.Api.Mailbox.Mailbox',
  properties: { ID: 'Edm.Guid', Mailbox: 'Edm.String', ForDivision: 'Edm.Int32', Type: 'Edm.Int32', Description: 'Edm.String', ValidFrom: 'Edm.DateTime', ValidTo: 'Edm.DateTime', Created: 'Edm.DateTime' },
  key: 'ID',
  uriOf: (row) => `/api/v1/${division}/mailbox/Mailboxes(guid'${String(row.ID)}')`,
});

const row = (mailbox: MailboxState) => ({
  ID: mailbox.id,
  Mailbox: mailbox.mailbox,
  ForDivision: mailbox.forDivision,
  Type: mailbox.type,
  Description: mailbox.description,
  ValidFrom: odataDate(mailbox.validFrom),
  ValidTo: odataDate(mailbox.validTo),
  Created: odataDate(mailbox.created),
});

/** Exact's answers when a mailbox cannot be made (unconfirmed: the status codes of the last two). */
const failures: Readonly<Record<MailboxFailure, () => Response>> = {
  forbidden: () => odataError(403, 'Forbidden'),
  linkedToOtherDivision: () => odataError(400, 'Bestaat reeds: Digitale brievenbus; Ongeldig: Divisie'),
  trialLicence: () => odataError(403, 'Dit account type heeft niet genoeg rechten om deze actie uit te voeren.'),
  noDivisionAccess: () => forbidden('NoDivisionAccess'),
  serverError: () => odataError(500, 'An error has occurred.'),
};

/** `mailbox/Mailboxes`: the subscription's mailboxes (not one division's); GET, POST, and GET, PUT, DELETE by ID. */
export async function mailboxes(ctx: RequestContext, caller: Caller, division: number, key: string | undefined): Promise<Response> {
  const company = caller.user.company;
  const own = ctx.world.mailboxes.filter((mailbox) => mailbox.company === company);
  const set = mailboxSet(division);
  if (key !== undefined) {
    const id = /^guid'([0-9a-fA-F-]{36})'$/.exec(key)?.[1]?.toLowerCase();
    const mailbox = own.find((candidate) => candidate.id === id);
    if (!mailbox) return odataError(404, 'Resource not found');
    if (ctx.request.method === 'GET') return jsonResponse(200, { d: shape(ctx, set, row(mailbox)) });
    if (ctx.request.method === 'PUT') return update(ctx, mailbox);
    if (ctx.request.method === 'DELETE') {
      ctx.world.mailboxes.splice(ctx.world.mailboxes.indexOf(mailbox), 1);
      return new Response(null, { status: 204 });
    }
    return odataError(405, 'Method not allowed');
  }
  if (ctx.request.method === 'GET') {
    const page = odataPage(ctx, set, own.map(row));
    return page instanceof Response ? page : jsonResponse(200, page.body);
  }
  if (ctx.request.method === 'POST') return create(ctx, caller, division);
  return odataError(405, 'Method not allowed');
}

async function create(ctx: RequestContext, caller: Caller, division: number): Promise<Response> {
  ctx.counters.mailboxPosts += 1;
  const fault = ctx.faults.take('mailboxPostFails');
  if (fault) return failures[fault.failure]();
  if (!caller.user.mailboxRights) return failures.forbidden();
  if (ctx.world.companies.get(caller.user.company)?.trial) return failures.trialLicence();

  let body: unknown;
  try {
    body = JSON.parse(await ctx.request.text());
  } catch {
    return odataError(400, 'Error processing request stream. The request should be a valid top-level resource object.');
  }
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const address = typeof fields.Mailbox === 'string' ? fields.Mailbox.trim() : '';
  if (!address) return odataError(400, 'Verplicht: Mailbox');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) return odataError(400, 'Ongeldig: Mailbox');
  if (fields.ForDivision === undefined || fields.ForDivision === null) return odataError(400, 'Verplicht: Divisie');
  const forDivision = Number(fields.ForDivision);
  if (!grantedDivisions(ctx, caller).some((candidate) => candidate.code === forDivision)) return odataError(400, 'Ongeldig: Divisie');
  const refusal = ctx.world.divisions.get(forDivision)?.mailboxRefusal;
  if (refusal) return failures[refusal]();

  // Addresses are unique across Exact: one left behind after a disconnect blocks it elsewhere.
  const existing = ctx.world.mailboxes.find((mailbox) => mailbox.mailbox.toLowerCase() === address.toLowerCase());
  if (existing) {
    // unconfirmed: the message for the same division; a backend should GET and adopt that mailbox.
    return existing.forDivision === forDivision && existing.company === caller.user.company ? odataError(400, 'Bestaat reeds: Digitale brievenbus') : failures.linkedToOtherDivision();
  }
  const now = ctx.now();
  const mailbox: MailboxState = {
    id: makeSecrets(ctx.random).id(),
    mailbox: address,
    forDivision,
    company: caller.user.company,
    description: typeof fields.Description === 'string' ? fields.Description : '',
    type: typeof fields.Type === 'number' ? fields.Type : 0,
    validFrom: now,
    validTo: null,
    created: now,
  };
  ctx.world.mailboxes.push(mailbox);
  return jsonResponse(201, { d: shape(ctx, mailboxSet(division), row(mailbox)) });
}

/** An OData date as Exact takes it: `/Date(ms)/` or an ISO text; null clears it; undefined when unreadable. */
function readDate(value: unknown): number | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'string') return undefined;
  const odata = /^\/Date\((-?\d+)\)\/$/.exec(value);
  const epoch = odata ? Number(odata[1]) : Date.parse(value);
  return Number.isNaN(epoch) ? undefined : epoch;
}

/**
 * PUT changes what it names (Exact's PUT merges): Description, ValidTo; 204 as Exact answers.
 * unconfirmed: whether an ended mailbox (ValidTo passed) frees its address; here only DELETE does.
 */
async function update(ctx: RequestContext, mailbox: MailboxState): Promise<Response> {
  let fields: Record<string, unknown>;
  try {
    const body: unknown = JSON.parse(await ctx.request.text());
    fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  } catch {
    return odataError(400, 'Error processing request stream. The request should be a valid top-level resource object.');
  }
  const unchangeable = Object.keys(fields).find((name) => name !== 'Description' && name !== 'ValidTo');
  if (unchangeable) return odataError(400, `Ongeldig: ${unchangeable} (only Description and ValidTo can be changed)`);
  if ('ValidTo' in fields) {
    const validTo = readDate(fields.ValidTo);
    if (validTo === undefined) return odataError(400, 'Ongeldig: ValidTo');
    mailbox.validTo = validTo;
  }
  if (typeof fields.Description === 'string') mailbox.description = fields.Description;
  return new Response(null, { status: 204 });
}
