/**
 * The part of OData v2's `$filter` the simulator understands: comparisons (eq ne gt ge lt le) of a
 * property with a literal (number, 'text', guid'…', true, false, null), joined by and/or, with
 * parentheses. Anything else (functions such as substringof) is refused with a 400, as an
 * unsupported query would be; Exact's own support for searching is unconfirmed.
 */
export type ODataValue = string | number | boolean | null;
export type ODataRow = Readonly<Record<string, ODataValue>>;
export type ODataType = 'Edm.Int32' | 'Edm.Int64' | 'Edm.Int16' | 'Edm.String' | 'Edm.Guid' | 'Edm.Boolean' | 'Edm.DateTime';
export type Predicate = (row: ODataRow) => boolean;

type Token = { kind: 'open' | 'close' | 'comma' } | { kind: 'word'; text: string } | { kind: 'literal'; value: ODataValue; type: ODataType | 'null' };

const tokenPattern = /\s*(?:(\()|(\))|(,)|'((?:[^']|'')*)'|guid'([0-9a-fA-F-]{36})'|(-?\d+)(?![\w.])|([A-Za-z_][A-Za-z0-9_]*))/y;

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  while (tokenPattern.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(tokenPattern.lastIndex))) break;
    const at = tokenPattern.lastIndex;
    const match = tokenPattern.exec(text);
    if (!match) return `Syntax error at position ${at} in '${text}'.`;
    const [, open, close, comma, quoted, guid, number, word] = match;
    if (open) tokens.push({ kind: 'open' });
    else if (close) tokens.push({ kind: 'close' });
    else if (comma) tokens.push({ kind: 'comma' });
    else if (quoted !== undefined) tokens.push({ kind: 'literal', value: quoted.replace(/''/g, "'"), type: 'Edm.String' });
    else if (guid) tokens.push({ kind: 'literal', value: guid.toLowerCase(), type: 'Edm.Guid' });
    else if (number) tokens.push({ kind: 'literal', value: Number(number), type: 'Edm.Int64' });
    else if (word === 'true' || word === 'false') tokens.push({ kind: 'literal', value: word === 'true', type: 'Edm.Boolean' });
    else if (word === 'null') tokens.push({ kind: 'literal', value: null, type: 'null' });
    else if (word) tokens.push({ kind: 'word', text: word });
  }
  return tokens;
}

const operators = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
type Operator = (typeof operators)[number];
const isNumeric = (type: ODataType) => type === 'Edm.Int16' || type === 'Edm.Int32' || type === 'Edm.Int64';
const compatible = (field: ODataType, literal: ODataType | 'null') =>
  literal === 'null' || field === literal || (isNumeric(field) && isNumeric(literal)) || (field === 'Edm.Guid' && literal === 'Edm.String');

function compare(operator: Operator, left: ODataValue, right: ODataValue): boolean {
  if (operator === 'eq') return left === right;
  if (operator === 'ne') return left !== right;
  if (left === null || right === null) return false;
  if (operator === 'gt') return left > right;
  if (operator === 'ge') return left >= right;
  if (operator === 'lt') return left < right;
  return left <= right;
}

/** A predicate over rows with these typed properties, or the error message Exact's 400 would carry. */
export function parseFilter(text: string, properties: Readonly<Record<string, ODataType>>, entity: string): Predicate | string {
  const tokens = tokenize(text);
  if (typeof tokens === 'string') return tokens;
  let position = 0;
  const peekWord = () => {
    const token = tokens[position];
    return token?.kind === 'word' ? token.text : undefined;
  };

  const primary = (): Predicate | string => {
    const token = tokens[position];
    if (token?.kind === 'open') {
      position += 1;
      const inner = or();
      if (typeof inner === 'string') return inner;
      if (tokens[position]?.kind !== 'close') return `Expected ')' in '${text}'.`;
      position += 1;
      return inner;
    }
    if (token?.kind !== 'word') return `Expected a property name at token ${position + 1} in '${text}'.`;
    const type = properties[token.text];
    if (tokens[position + 1]?.kind === 'open') return `Unknown function '${token.text}'.`;
    if (!type) return `No property '${token.text}' exists in type '${entity}'.`;
    const operator = tokens[position + 1];
    if (operator?.kind !== 'word' || !(operators as readonly string[]).includes(operator.text)) return `Expected a comparison (eq, ne, gt, ge, lt, le) after '${token.text}'.`;
    const literal = tokens[position + 2];
    if (literal?.kind !== 'literal') return `Expected a literal after '${token.text} ${operator.text}'.`;
    if (!compatible(type, literal.type)) return `Operator '${operator.text}' incompatible with operand types '${type}' and '${literal.type}'.`;
    position += 3;
    const name = token.text;
    const op = operator.text as Operator;
    const value = type === 'Edm.Guid' && typeof literal.value === 'string' ? literal.value.toLowerCase() : literal.value;
    return (row) => compare(op, row[name] ?? null, value);
  };

  const and = (): Predicate | string => {
    let left = primary();
    while (typeof left !== 'string' && peekWord() === 'and') {
      position += 1;
      const right = primary();
      if (typeof right === 'string') return right;
      const first = left;
      left = (row) => first(row) && right(row);
    }
    return left;
  };

  const or = (): Predicate | string => {
    let left = and();
    while (typeof left !== 'string' && peekWord() === 'or') {
      position += 1;
      const right = and();
      if (typeof right === 'string') return right;
      const first = left;
      left = (row) => first(row) || right(row);
    }
    return left;
  };

  const predicate = or();
  if (typeof predicate === 'string') return predicate;
  if (position < tokens.length) return `Syntax error at token ${position + 1} in '${text}'.`;
  return predicate;
}
