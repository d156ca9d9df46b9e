/**
 * The reference the generated checks (src/api/guards.generated.ts) are held to: the small JSON
 * Schema (2020-12 subset) validator the element shipped before them, interpreting the contract's
 * schemas at run time. It lives in the tests only, so the checks can be compared with it answer
 * for answer (test/api/guards.test.ts) and the fuzz test has an oracle of its own. Contract v2
 * added `anyOf` and `pattern` (open-ended problem codes); they are read here as JSON Schema says.
 */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly pattern?: string;
  readonly $ref?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly description?: string;
}

const typeOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const formats: Record<string, RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
};

/** Returns where and why `value` breaks `schema`, or null when it conforms. */
export function validate(
  value: unknown,
  schema: JsonSchema,
  definitions: Readonly<Record<string, JsonSchema>>,
  path = '$',
): string | null {
  if (schema.$ref) {
    const target = definitions[schema.$ref.split('/').pop() ?? ''];
    if (!target) return `${path}: unknown schema ${schema.$ref}`;
    return validate(value, target, definitions, path);
  }
  if (schema.oneOf) {
    const matches = schema.oneOf.filter((option) => validate(value, option, definitions, path) === null);
    return matches.length === 1 ? null : `${path}: matches ${matches.length} of the allowed shapes`;
  }
  if (schema.anyOf) {
    const matched = schema.anyOf.some((option) => validate(value, option, definitions, path) === null);
    if (!matched) return `${path}: matches none of the allowed shapes`;
  }
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const allowed = typeof schema.type === 'string' ? [schema.type] : schema.type;
    const ok = allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
    if (!ok) return `${path}: expected ${allowed.join(' or ')}, got ${actual}`;
  }
  if (schema.enum && !schema.enum.includes(value)) return `${path}: not one of ${schema.enum.join(', ')}`;
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) return `${path}: too short`;
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return `${path}: too long`;
    // JSON Schema's pattern is unanchored: the expression need only be found in the string.
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return `${path}: does not match ${schema.pattern}`;
    const pattern = schema.format ? formats[schema.format] : undefined;
    if (pattern && !(pattern.test(value) && !Number.isNaN(Date.parse(value)))) return `${path}: not a ${schema.format}`;
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return `${path}: below ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `${path}: above ${schema.maximum}`;
  }
  if (actual === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!(key in record)) return `${path}.${key}: missing`;
    }
    for (const [key, propertySchema] of Object.entries(schema.properties ?? {})) {
      if (record[key] === undefined) continue;
      const error = validate(record[key], propertySchema, definitions, `${path}.${key}`);
      if (error) return error;
    }
  }
  if (actual === 'array' && schema.items) {
    const list = value as unknown[];
    for (let index = 0; index < list.length; index++) {
      const error = validate(list[index], schema.items, definitions, `${path}[${index}]`);
      if (error) return error;
    }
  }
  return null;
}
