/**
 * The contract as the reference validator reads it: the schemas of src/api/openapi.json as they
 * are, and each operation's success statuses (every 2XX it lists) and schema name, found in the spec here rather than
 * taken from the generated file the checks come from.
 */
import type { JsonSchema } from './reference-validate.js';

interface Spec {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }>>;
  components: { schemas: Record<string, JsonSchema> };
}

const spec: Spec = await (await fetch(new URL('../../src/api/openapi.json', import.meta.url))).json();

export const definitions: Readonly<Record<string, JsonSchema>> = spec.components.schemas;

export const referenceResponses: Readonly<Record<string, { statuses: number[]; schemas: Array<string | null> }>> = Object.fromEntries(
  Object.values(spec.paths).flatMap((methods) =>
    Object.values(methods).flatMap((operation) => {
      const successes = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      // The OAuth callback only redirects: no success for the client to check.
      if (successes.length === 0) return [];
      const statuses = successes.map(([status]) => Number(status)).sort((a, b) => a - b);
      const schemas = successes.map(([, response]) => response.content?.['application/json']?.schema?.$ref?.split('/').pop() ?? null);
      return [[operation.operationId, { statuses, schemas }] as const];
    }),
  ),
);
