import type { RequestContext } from './context.js';
import { parseFilter, type ODataRow, type ODataType } from './odata-filter.js';
import { odataError } from './rest-errors.js';

/** An entity set as the REST endpoints serve it: typed properties, a key to page on, its rows. */
export interface EntitySet {
  /** e.g. `Exact.Web.Api.System.Division`, used in `__metadata` and in error messages. */
  type: string;
  properties: Readonly<Record<string, ODataType>>;
  /** The property the rows are ordered and paged by (forward only, as Exact's skiptoken). */
  key: string;
  /** The path of one row, e.g. `/api/v1/123/system/Divisions(101001)`. */
  uriOf: (row: ODataRow) => string;
}

const formatKey = (type: ODataType, value: unknown): string => (type === 'Edm.Guid' ? `guid'${String(value)}'` : String(value));

function parseKey(type: ODataType, text: string): string | number | null {
  if (type === 'Edm.Guid') return /^guid'([0-9a-fA-F-]{36})'$/.exec(text)?.[1]?.toLowerCase() ?? null;
  if (/^-?\d+$/.test(text)) return Number(text);
  return null;
}

/** The query string without `$skiptoken`, kept as the client wrote it, for `__next`. */
function queryWithout(url: URL, name: string): string[] {
  return url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part && !new URLSearchParams(part).has(name));
}

/**
 * One page of an entity set: `$filter`, `$select`, `$top`, 60 rows, and `__next` with a `$skiptoken`
 * (the key of the page's last row) while more rows follow. `__next` keeps the query as sent.
 */
export function odataPage(ctx: RequestContext, set: EntitySet, rows: readonly ODataRow[]): Response | { body: unknown } {
  const query = ctx.url.searchParams;
  let selected = rows;
  const filter = query.get('$filter');
  if (filter !== null) {
    const predicate = parseFilter(filter, set.properties, set.type);
    if (typeof predicate === 'string') return odataError(400, predicate);
    selected = selected.filter(predicate);
  }
  const fields = selectedFields(query.get('$select'), set);
  if (typeof fields === 'string') return odataError(400, fields);

  const keyType = set.properties[set.key] ?? 'Edm.String';
  const skiptoken = query.get('$skiptoken');
  if (skiptoken !== null) {
    const after = parseKey(keyType, skiptoken);
    if (after === null) return odataError(400, `The skip token '${skiptoken}' is not valid.`);
    selected = selected.filter((row) => (row[set.key] ?? '') > after);
  }
  selected = [...selected].sort((a, b) => ((a[set.key] ?? '') < (b[set.key] ?? '') ? -1 : 1));
  const topText = query.get('$top');
  if (topText !== null && !/^\d+$/.test(topText)) return odataError(400, `The $top value '${topText}' is not a whole number of 0 or more.`);
  // $top caps the whole answer; a page's __next carries what is left of it.
  const top = topText === null ? Infinity : Number(topText);
  const wanted = selected.slice(0, top);
  const pageRows = wanted.slice(0, ctx.options.limits.pageSize);
  const results = pageRows.map((row) => shape(ctx, set, row, fields));
  const last = pageRows[pageRows.length - 1];
  if (wanted.length > pageRows.length && last) {
    const kept = queryWithout(ctx.url, '$skiptoken').filter((part) => topText === null || !new URLSearchParams(part).has('$top'));
    const rest = [...kept, ...(topText === null ? [] : [`$top=${top - pageRows.length}`]), `$skiptoken=${formatKey(keyType, last[set.key])}`];
    return { body: { d: { results, __next: `${ctx.route.base}${ctx.route.path}?${rest.join('&')}` } } };
  }
  return { body: { d: { results } } };
}

/** One row as the single-entity answers carry it (`{ d: {...} }`). */
export const shape = (ctx: RequestContext, set: EntitySet, row: ODataRow, fields: readonly string[] = Object.keys(set.properties)) => ({
  __metadata: { uri: `${ctx.route.base}${set.uriOf(row)}`, type: set.type },
  ...Object.fromEntries(fields.map((field) => [field, row[field] ?? null])),
});

export function selectedFields(select: string | null, set: EntitySet): string[] | string {
  if (select === null || select.trim() === '*') return Object.keys(set.properties);
  const fields = select.split(',').map((field) => field.trim());
  const unknown = fields.find((field) => !(field in set.properties));
  return unknown === undefined ? fields : `No property '${unknown}' exists in type '${set.type}'.`;
}
