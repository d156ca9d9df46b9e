import { describeAnswer, expect, Skip, type Kit } from '../kit.js';
import type { Check } from './check.js';

interface Prerequisite {
  code: string;
  state: 'met' | 'not_met' | 'unknown';
  blocks: boolean;
  organisationCount?: number;
  organisationNames?: string[];
}

interface Status {
  prerequisites?: Prerequisite[];
  legacyConnections?: { count: number };
  connectableOrganisations?: number;
}

interface Organisation {
  id: string;
  name: string;
  connectionId: string | null;
  blockers: { code: string }[];
}

/** The organisation blocker that shows, on its row, that a prerequisite does not hold. */
const blockerOf: Record<string, string> = {
  postvak_in_only: 'not_postvak_in_only',
  legacy_connections_broken: 'legacy_connection_active',
  organisation_access: 'no_access',
};
const MAX_PAGES = 50;

async function status(kit: Kit): Promise<Status> {
  const answer = await kit.backend.call('getStatus', { session: kit.needSession() });
  expect(answer.status === 200, `GET /status answered ${describeAnswer(answer)}`);
  return answer.json as Status;
}

/** Every organisation of the account, and whether the pages ran out before the list did. */
async function allOrganisations(kit: Kit): Promise<{ organisations: Organisation[]; complete: boolean }> {
  const organisations: Organisation[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await kit.backend.call('listOrganisations', { session: kit.needSession(), query: { cursor, limit: '50' } });
    expect(answer.status === 200, `GET /organisations answered ${describeAnswer(answer)}`);
    const body = answer.json as { items: Organisation[]; nextCursor: string | null };
    organisations.push(...body.items);
    if (!body.nextCursor) return { organisations, complete: true };
    cursor = body.nextCursor;
  }
  return { organisations, complete: false };
}

export const prerequisiteChecks: Check[] = [
  {
    name: "prerequisites: GET /status states each of the help article's prerequisites once, as the organisations' blockers show them",
    async run(kit) {
      const { prerequisites, legacyConnections } = await status(kit);
      if (!prerequisites && !legacyConnections) throw new Skip('GET /status gives neither prerequisites nor legacyConnections (both optional)');
      const { organisations, complete } = await allOrganisations(kit);
      const held = (blocker: string) => organisations.filter((organisation) => organisation.blockers.some((item) => item.code === blocker));
      const list = prerequisites ?? [];
      const codes = list.map((item) => item.code);
      expect(new Set(codes).size === codes.length, `GET /status names a prerequisite twice: ${codes.join(', ')}`);
      for (const item of list) {
        expect(!item.blocks || item.state === 'not_met', `prerequisite ${item.code} blocks while ${item.state}: only a not_met one may block`);
        if (item.state !== 'not_met') {
          expect(item.organisationCount === undefined && item.organisationNames === undefined, `prerequisite ${item.code} is ${item.state} yet names organisations it holds back`);
        }
        const names = item.organisationNames ?? [];
        expect(names.length <= 5, `prerequisite ${item.code} names ${names.length} organisations; the contract allows at most 5`);
        expect(item.organisationCount === undefined || names.length <= item.organisationCount, `prerequisite ${item.code} names ${names.length} organisations but counts ${item.organisationCount}`);
        const blocker = blockerOf[item.code];
        if (!blocker) continue;
        const rows = held(blocker);
        if (rows.length > 0) expect(item.state === 'not_met', `${rows.length} organisation(s) have the blocker ${blocker} (e.g. ${rows[0]!.name}), yet prerequisite ${item.code} is ${item.state}`);
        if (complete && item.organisationCount !== undefined) {
          expect(item.organisationCount === rows.length, `prerequisite ${item.code} counts ${item.organisationCount} organisations; GET /organisations shows ${rows.length} with the blocker ${blocker}`);
        }
        for (const name of names) expect(rows.some((row) => row.name === name), `prerequisite ${item.code} names ${name}, which GET /organisations does not show with the blocker ${blocker}`);
      }
      const blocking = list.filter((item) => item.blocks);
      const free = organisations.find((organisation) => organisation.connectionId === null && organisation.blockers.length === 0);
      if (blocking.length > 0) expect(!free, `prerequisite ${blocking[0]!.code} blocks New Connection, yet ${free?.name} can be connected (no blocker, no connection)`);
      const legacy = list.find((item) => item.code === 'legacy_connections_broken');
      if (legacyConnections) {
        const active = held('legacy_connection_active').length;
        expect(legacyConnections.count >= active, `legacyConnections.count is ${legacyConnections.count}, but ${active} organisation(s) still have the blocker legacy_connection_active`);
        if (legacy && legacyConnections.count > 0) expect(legacy.state === 'not_met', `legacyConnections.count is ${legacyConnections.count} while prerequisite legacy_connections_broken is ${legacy.state}`);
      }
      return `${list.map((item) => `${item.code} ${item.state}${item.blocks ? ' (blocks)' : ''}`).join(', ') || 'no prerequisites'}; ${legacyConnections ? `${legacyConnections.count} old connection(s)` : 'no legacyConnections'}; ${organisations.length} organisations read`;
    },
  },
  {
    name: 'status: connectableOrganisations, where given, counts the organisations without a connection and without a blocker',
    async run(kit) {
      const { connectableOrganisations } = await status(kit);
      if (connectableOrganisations === undefined) throw new Skip('GET /status gives no connectableOrganisations (optional)');
      const { organisations, complete } = await allOrganisations(kit);
      if (!complete) throw new Skip(`more than ${MAX_PAGES} pages of organisations: not counted`);
      const free = organisations.filter((organisation) => organisation.connectionId === null && organisation.blockers.length === 0).length;
      expect(connectableOrganisations === free, `GET /status says ${connectableOrganisations} organisation(s) can be connected; GET /organisations shows ${free} without a connection and without a blocker`);
      return `${free} of ${organisations.length} organisations can be connected`;
    },
  },
  {
    name: 'connections: legacyEndedAt, where given, is a day on or before the connection was made',
    async run(kit) {
      const answer = await kit.backend.call('listConnections', { session: kit.needSession() });
      expect(answer.status === 200, `GET /connections answered ${describeAnswer(answer)}`);
      const items = (answer.json as { items: { id: string; createdAt: string; legacyEndedAt?: string }[] }).items;
      const ended = items.filter((item) => item.legacyEndedAt !== undefined);
      for (const item of ended) {
        expect(item.legacyEndedAt! <= item.createdAt.slice(0, 10), `connection ${item.id}: its old connection ended on ${item.legacyEndedAt}, after it was made (${item.createdAt})`);
      }
      return `${ended.length} of ${items.length} connection(s) carry legacyEndedAt`;
    },
  },
];
