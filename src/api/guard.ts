/**
 * The parts the generated contract checks (guards.generated.ts) are built from. Each covers one
 * JSON Schema keyword the contract uses, so a response that breaks the contract becomes a typed
 * error at the edge instead of an exception deep in a template. They are composed once, when the
 * module loads; checking a value is then plain function calls, with no schema to interpret.
 *
 * They carry no `@__NO_SIDE_EFFECTS__` mark: a bundler would write a `@__PURE__` comment before
 * every call in the output. The client's checks have a module of their own instead
 * (guards.generated.ts), so the element carries no other.
 */

/** Where and why `value` breaks a part of the contract (`$.items[3].name: expected string, got number`), or null. */
export type Guard = (value: unknown, path?: string) => string | null;

/** A part of a check: always called with the path of the value it looks at. */
type Part = (value: unknown, path: string) => string | null;

/** JSON Schema's name for the type of a JSON value; a whole number is an `integer`. */
const typeOf = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number'
        ? Number.isInteger(value)
          ? 'integer'
          : 'number'
        : typeof value;

/**
 * A value of one of `types` (`'string'`, `'string or null'`; `''` for any type; an integer is
 * a number too) that then passes every part, in order: the first failure is the answer.
 */
export function is(types: string, ...parts: Part[]): Guard {
  const allowed = types.split(' or ');
  return (value, path = '$') => {
    const actual = typeOf(value);
    if (types && !(allowed.includes(actual) || (actual === 'integer' && allowed.includes('number')))) {
      return `${path}: expected ${types}, got ${actual}`;
    }
    for (const part of parts) {
      const error = part(value, path);
      if (error) return error;
    }
    return null;
  };
}

/** A check, or a type name for the check of just that type. */
const guard = (check: Guard | string): Guard => (typeof check === 'string' ? is(check) : check);

/** `enum`: one of these values. */
export function among(values: readonly unknown[]): Part {
  return (value, path) => (values.includes(value) ? null : `${path}: not one of ${values.join(', ')}`);
}

/** `minLength` / `maxLength` of a string. */
export function length(min = 0, max = Infinity): Part {
  return (value, path) =>
    typeof value !== 'string' ? null : value.length < min ? `${path}: too short` : value.length > max ? `${path}: too long` : null;
}

/** `pattern`: a string the regular expression (as JSON Schema reads it, unanchored) finds. */
export function matching(pattern: string): Part {
  const expression = new RegExp(pattern, 'u');
  return (value, path) => (typeof value === 'string' && !expression.test(value) ? `${path}: does not match ${pattern}` : null);
}

/** `format` of a string: it matches the format's pattern and Date.parse reads it (no month 13, no 25 o'clock). */
export function format(name: string, pattern: RegExp): Part {
  return (value, path) =>
    typeof value !== 'string' || (pattern.test(value) && !Number.isNaN(Date.parse(value))) ? null : `${path}: not a ${name}`;
}

/** `minimum` / `maximum` of a number. */
export function range(min = -Infinity, max = Infinity): Part {
  return (value, path) =>
    typeof value !== 'number' ? null : value < min ? `${path}: below ${min}` : value > max ? `${path}: above ${max}` : null;
}

/**
 * `properties` and `required` of an object, in one: each key is a property (`name`), or an
 * optional one (`name?`); its value the property's check, or just its type (`'string or null'`).
 * First every required property must be there, then each property present must pass its check.
 */
export function fields(properties: Readonly<Record<string, Guard | string>>): Part {
  const entries = Object.keys(properties).map((key) => [key.replace('?', ''), key.endsWith('?'), guard(properties[key]!)] as const);
  return (value, path) => {
    if (typeOf(value) !== 'object') return null;
    const record = value as Record<string, unknown>;
    for (const [key, optional] of entries) if (!optional && !(key in record)) return `${path}.${key}: missing`;
    for (const [key, , check] of entries) {
      const error = record[key] === undefined ? null : check(record[key], `${path}.${key}`);
      if (error) return error;
    }
    return null;
  };
}

/** `items` of an array: each passes the check. */
export function each(items: Guard | string): Part {
  const check = guard(items);
  return (value, path) => {
    if (!Array.isArray(value)) return null;
    for (let index = 0; index < value.length; index++) {
      const error = check(value[index], `${path}[${index}]`);
      if (error) return error;
    }
    return null;
  };
}

/** `anyOf`: at least one of the shapes accepts the value (an open-ended code: a known one, or any of its form). */
export function anyOf(...options: (Guard | string)[]): Guard {
  const shapes = options.map(guard);
  return (value, path = '$') => (shapes.some((shape) => shape(value, path) === null) ? null : `${path}: matches none of the allowed shapes`);
}

/** `oneOf`: exactly one of the shapes accepts the value. */
export function oneOf(...options: (Guard | string)[]): Guard {
  const shapes = options.map(guard);
  return (value, path = '$') => {
    const matches = shapes.filter((shape) => shape(value, path) === null).length;
    return matches === 1 ? null : `${path}: matches ${matches} of the allowed shapes`;
  };
}
