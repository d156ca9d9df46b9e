import { describeAnswer, expect, Skip } from '../kit.js';
import type { Check } from './check.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Division {
  code: number;
  status: string;
  blockedReason: string | null;
  connectedOrganisation: unknown;
}

interface Organisation {
  id: string;
  kvk?: string | null;
  connectionId: string | null;
  blockers: unknown[];
}

const MAX_PAGES = 50;

export const listingChecks: Check[] = [
  {
    name: 'divisions: GET /authorizations/{id}/divisions pages the grant\'s administrations',
    async run(kit) {
      const grant = kit.needGrant();
      const all: Division[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const answer = await kit.backend.call('listDivisions', { session: kit.needSession(), params: { authorizationId: grant.id }, query: { cursor, limit: '3' } });
        expect(answer.status === 200, `GET /authorizations/${grant.id}/divisions answered ${describeAnswer(answer)}`);
        const body = answer.json as Page<Division>;
        all.push(...body.items);
        if (!body.nextCursor) break;
        cursor = body.nextCursor;
      }
      const codes = all.map((division) => division.code);
      expect(new Set(codes).size === codes.length, `paging by 3 listed an administration twice: ${codes.join(', ')}`);
      expect(codes.length > 0, 'the grant lists no administration');
      kit.freeDivisions = all.filter((division) => division.status === 'active' && division.blockedReason === null && division.connectedOrganisation === null).map((division) => division.code);
      return `${codes.length} administrations, ${kit.freeDivisions.length} free to connect`;
    },
  },
  {
    name: 'organisations: GET /organisations lists organisations free to connect',
    async run(kit) {
      const free: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES && free.length < 4; page += 1) {
        const answer = await kit.backend.call('listOrganisations', { session: kit.needSession(), query: { cursor, limit: '50' } });
        expect(answer.status === 200, `GET /organisations answered ${describeAnswer(answer)}`);
        const body = answer.json as Page<Organisation>;
        free.push(...body.items.filter((organisation) => organisation.blockers.length === 0 && organisation.connectionId === null && organisation.kvk).map((organisation) => organisation.id));
        if (!body.nextCursor) break;
        cursor = body.nextCursor;
      }
      kit.freeOrganisations = free;
      expect(free.length >= 2, `the platform seed offers ${free.length} organisation(s) with a KvK number, no blocker and no connection; the idempotency checks need 2`);
      return `${free.length} free to connect`;
    },
  },
  {
    name: 'cursor: a cursor from another query answers 400 cursor_invalid',
    async run(kit) {
      const grant = kit.needGrant();
      const session = kit.needSession();
      const first = await kit.backend.call('listDivisions', { session, params: { authorizationId: grant.id }, query: { limit: '1' } });
      const cursor = (first.json as Page<Division> | undefined)?.nextCursor;
      if (first.status !== 200 || !cursor) throw new Skip(`GET divisions?limit=1 gave no nextCursor (${describeAnswer(first)})`);
      const other = await kit.backend.call('listDivisions', { session, params: { authorizationId: grant.id }, query: { limit: '1', query: 'conformance-other-query', cursor } });
      expect(other.status === 400 && other.code === 'cursor_invalid', `GET divisions with the cursor of another query answered ${describeAnswer(other)}, not 400 cursor_invalid`);
      const organisations = await kit.backend.call('listOrganisations', { session, query: { limit: '1' } });
      const orgCursor = (organisations.json as Page<Organisation> | undefined)?.nextCursor;
      if (!orgCursor) return 'divisions (organisations: a single page, no cursor to try)';
      const orgOther = await kit.backend.call('listOrganisations', { session, query: { limit: '1', query: 'conformance-other-query', cursor: orgCursor } });
      expect(orgOther.status === 400 && orgOther.code === 'cursor_invalid', `GET /organisations with the cursor of another query answered ${describeAnswer(orgOther)}, not 400 cursor_invalid`);
      return 'divisions and organisations';
    },
  },
];
