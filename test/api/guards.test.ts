/**
 * The generated checks (src/api/guards.generated.ts, schema-checks.generated.ts) against the validator they replaced
 * (test/api/reference-validate.ts, reading the contract's schemas as they are): over thousands of
 * bodies made from each schema and then broken in one place, both must give the same answer,
 * word for word: null, or the same place and reason.
 */
import { expect } from '@esm-bundle/chai';
import { knownProblemCodeValues, successResponses } from '../../src/api/guards.generated.js';
import { schemaChecks } from '../../src/api/schema-checks.generated.js';
import { definitions, referenceResponses } from './reference-contract.js';
import { validate, type JsonSchema } from './reference-validate.js';

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

const resolve = (schema: JsonSchema): JsonSchema => (schema.$ref ? resolve(definitions[schema.$ref.split('/').pop()!]!) : schema);

/** A value the schema accepts (mostly: the format and range edges are left to the mutations). */
function sample(schema: JsonSchema, rng: Random, depth = 0): unknown {
  schema = resolve(schema);
  if (schema.oneOf) return sample(rng.pick(schema.oneOf), rng, depth);
  if (schema.enum) return rng.pick(schema.enum);
  const type = Array.isArray(schema.type) ? rng.pick(schema.type) : schema.type;
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return rng.next() < 0.5;
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? min + 2000;
      const whole = min + rng.int(max - min + 1);
      return type === 'number' && rng.next() < 0.5 ? whole + 0.5 : whole;
    }
    case 'string':
      if (schema.format === 'date') return rng.pick(['2025-01-01', '2024-02-29', '1999-12-31']);
      if (schema.format === 'date-time') return rng.pick(['2025-01-01T10:00:00Z', '2025-06-30T23:59:59.123+02:00', '2025-01-01T10:00Z']);
      return rng.pick(['', 'a', 'Ændring & co', 'org_0001', '<b>x</b>']);
    case 'array':
      return Array.from({ length: depth > 3 ? 0 : rng.int(4) }, () => sample(schema.items ?? {}, rng, depth + 1));
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || rng.next() < 0.6) value[key] = sample(inner, rng, depth + 1);
      }
      return value;
    }
    default:
      return {};
  }
}

/** Values a backend might send where something else belongs. */
const strays: readonly unknown[] = [
  null, 0, -1, 1.5, 399, 400, 599, 600, 1e21, '', 'x', '42', true, false, [], [1, 'a'], {}, { id: 1 },
  '2025-01-01', '2025-02-30', '2025-1-1', '2025-01-01T10:00:00Z', '2025-13-01T10:00:00Z', '2025-01-01T10:00:00',
  '2025-01-01 10:00:00Z', 'pending', 'simple', 'no_access', 'rate_limited', 'SIMPLE', { id: 'o', name: 'n' },
];

/** Every place in a value, as the path of keys to it. */
function places(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) value.forEach((item, index) => here.push(...places(item, [...at, index])));
  else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) here.push(...places(inner, [...at, key]));
  return here;
}

/** The value broken in one (or, now and then, two) places: replaced by a stray, removed, or given an extra key. */
function mutate(value: unknown, rng: Random): unknown {
  let copy: unknown = structuredClone(value);
  for (let times = rng.next() < 0.2 ? 2 : 1; times > 0; times--) {
    const path = rng.pick(places(copy));
    if (path.length === 0) {
      copy = rng.pick(strays);
      continue;
    }
    const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
    const key = path[path.length - 1]!;
    const choice = rng.next();
    if (choice < 0.2 && !Array.isArray(parent)) delete parent[key];
    else if (choice < 0.3 && !Array.isArray(parent)) parent[key] = undefined;
    else if (choice < 0.4 && parent && typeof parent === 'object') parent[`extra${rng.int(3)}`] = rng.pick(strays);
    else parent[key] = structuredClone(rng.pick(strays));
  }
  return copy;
}

/** The kind of a failure, for the coverage count: the message without its place and values. */
const kindOf = (message: string) => message.replace(/^\$\S*: /, '').replace(/(got|one of|below|above) .*/, '$1');

describe('generated contract checks', () => {
  it('cover the same schemas, statuses and enums as the contract', () => {
    expect(Object.keys(schemaChecks).sort()).to.deep.equal(Object.keys(definitions).sort());
    expect(Object.keys(successResponses).sort()).to.deep.equal(Object.keys(referenceResponses).sort());
    for (const [operation, { statuses, check }] of Object.entries(successResponses)) {
      const expected = referenceResponses[operation]!;
      expect([...statuses], operation).to.deep.equal(expected.statuses);
      // Every success status of an operation (a first answer and a replay) carries the same schema.
      expect(new Set(expected.schemas).size, operation).to.equal(1);
      const schema = expected.schemas[0]!;
      expect(check, operation).to.equal(schema === null ? null : schemaChecks[schema as keyof typeof schemaChecks]);
    }
    expect(knownProblemCodeValues).to.deep.equal(definitions.KnownProblemCode!.enum);
  });

  it('answer exactly as the reference validator over 12,000 generated and broken bodies', () => {
    const rng = random(0x5eed);
    const differences: string[] = [];
    const kinds = new Map<string, number>();
    let accepted = 0;
    for (const [name, schema] of Object.entries(definitions)) {
      const check = schemaChecks[name as keyof typeof schemaChecks];
      for (let index = 0; index < 500; index++) {
        const valid = sample(schema, rng);
        const body = index % 5 === 0 ? valid : mutate(valid, rng);
        const expected = validate(body, schema, definitions);
        const actual = check(body);
        if (actual !== expected) differences.push(`${name} ${JSON.stringify(body)}: expected ${expected}, got ${actual}`);
        if (expected === null) accepted++;
        else kinds.set(kindOf(expected), (kinds.get(kindOf(expected)) ?? 0) + 1);
      }
    }
    expect(differences.slice(0, 5), `${differences.length} differences`).to.deep.equal([]);
    // Both answers are exercised, and every kind of failure the contract's keywords can give.
    expect(accepted).to.be.greaterThan(2000);
    expect([...kinds.keys()].sort()).to.include.members([
      'above',
      'below',
      'expected array, got',
      'expected boolean, got',
      'expected integer, got',
      'expected object, got',
      'expected string or null, got',
      'expected string, got',
      'matches 0 of the allowed shapes',
      'missing',
      'not a date',
      'not a date-time',
      'not one of',
    ]);
  });

  it('answer exactly as the reference validator for values that are not JSON at all', () => {
    const odd: unknown[] = [undefined, NaN, Infinity, () => 1, Symbol('x'), 10n, new Date(0), Object.create(null), { items: [undefined] }];
    for (const [name, schema] of Object.entries(definitions)) {
      for (const [index, value] of odd.entries()) {
        expect(schemaChecks[name as keyof typeof schemaChecks](value), `${name} odd value #${index}`).to.equal(validate(value, schema, definitions));
      }
    }
  });

  it('say where and why, as the client reports it', () => {
    const organisation = { id: 'o1', name: 'A', connectionId: null, blockers: [] };
    const body = { items: [organisation, { ...organisation, name: 7 }], nextCursor: null, total: 2 };
    expect(schemaChecks.OrganisationPage(body)).to.equal('$.items[1].name: expected string, got integer');
    expect(schemaChecks.OrganisationPage({ items: [organisation], nextCursor: null, total: 1.5 })).to.equal('$.total: expected integer, got number');
    expect(schemaChecks.OrganisationPage({ items: [{ ...organisation, blockers: [{ code: 'no_access' }, {}] }], total: 1 })).to.equal('$.nextCursor: missing');
    expect(schemaChecks.OrganisationPage({ items: [{ ...organisation, blockers: [{ code: 'no_access' }, {}] }], nextCursor: 'c', total: 1 })).to.equal('$.items[0].blockers[1].code: missing');
    // Problem codes are open-ended: a code a newer backend adds passes, one outside the pattern does not.
    expect(schemaChecks.Problem({ title: 'x', status: 404, code: 'brand_new_code' })).to.equal(null);
    expect(schemaChecks.Problem({ title: 'x', status: 404, code: 'Nope!' })).to.equal('$.code: matches none of the allowed shapes');
  });
});
