import type { BackendAnswer } from '../backend-client.js';
import { describeAnswer, expect, Failure, Skip, type Kit } from '../kit.js';
import type { Check } from './check.js';

const CONCURRENT = 20;

interface Body {
  organisationId: string;
  authorizationId: string;
  divisionCode: number;
  bookingFlow: 'simple';
}

const create = (kit: Kit, key: string, body: Body) => kit.backend.call('createConnection', { session: kit.needSession(), headers: { 'Idempotency-Key': key }, body });

const connectionId = (answer: BackendAnswer) => (answer.json as { id: string }).id;

/** The free organisations × administrations, paired so no two share either. */
function pairs(kit: Kit): { organisationId: string; divisionCode: number }[] {
  const count = Math.min(kit.freeOrganisations.length, kit.freeDivisions.length);
  return Array.from({ length: count }, (_, index) => ({ organisationId: kit.freeOrganisations[index]!, divisionCode: kit.freeDivisions[index]! }));
}

/**
 * The refusals that say a pair cannot be connected in this seed (e.g. the organisation's mailbox
 * address is linked to another administration in Exact): the kit then tries the next pair.
 */
const unusable = new Set(['mailbox_linked_elsewhere', 'division_already_connected', 'organisation_already_connected', 'organisation_blocked', 'organisation_without_kvk', 'division_blocked', 'division_unavailable', 'no_division_access']);
const isUnusable = (answer: BackendAnswer) => (answer.status === 422 || answer.status === 403) && unusable.has(answer.code ?? '');

export const idempotencyChecks: Check[] = [
  {
    name: 'idempotency: the same key and body answer the same connection (201, then 200)',
    async run(kit) {
      const grant = kit.needGrant();
      const candidates = pairs(kit);
      if (candidates.length < 2) throw new Skip(`needs 2 free organisations and administrations, found ${kit.freeOrganisations.length} and ${kit.freeDivisions.length}`);
      const refused: string[] = [];
      let pair;
      let first;
      let key = '';
      for (const [index, candidate] of candidates.entries()) {
        key = kit.key(`replay-${index}`);
        const answer = await create(kit, key, { ...candidate, authorizationId: grant.id, bookingFlow: 'simple' });
        if (isUnusable(answer)) {
          refused.push(`${candidate.organisationId} × ${candidate.divisionCode}: ${describeAnswer(answer)}`);
          continue;
        }
        expect(answer.status === 201, `POST /connections answered ${describeAnswer(answer)}, not 201`);
        [pair, first] = [candidate, answer];
        kit.unusedPairs = candidates.slice(index + 1);
        break;
      }
      if (!pair || !first) throw new Failure(`no free organisation × administration could be connected: ${refused.join('; ')}`);
      // The later checks build on this connection even when its replay below goes wrong.
      kit.connection = { id: connectionId(first), ...pair };
      kit.replayKey = key;
      const body: Body = { ...pair, authorizationId: grant.id, bookingFlow: 'simple' };
      const replay = await create(kit, key, body);
      expect(replay.status === 200, `the replay with the same key and body answered ${describeAnswer(replay)}, not 200`);
      expect(connectionId(replay) === connectionId(first), `the replay answered connection ${connectionId(replay)}, not the first answer's ${connectionId(first)}: a second connection for one request`);
      return `connection ${connectionId(first)}${refused.length ? ` (not connectable here: ${refused.join('; ')})` : ''}`;
    },
  },
  {
    name: 'idempotency: the same key with another body answers 422 idempotency_key_reused',
    async run(kit) {
      const connection = kit.needConnection();
      const otherDivision = kit.freeDivisions.find((code) => code !== connection.divisionCode);
      if (otherDivision === undefined) throw new Skip('no second free administration for another body');
      const answer = await create(kit, kit.replayKey, { organisationId: connection.organisationId, divisionCode: otherDivision, authorizationId: kit.needGrant().id, bookingFlow: 'simple' });
      expect(answer.status === 422 && answer.code === 'idempotency_key_reused', `the same key with another divisionCode answered ${describeAnswer(answer)}, not 422 idempotency_key_reused`);
    },
  },
  {
    name: `idempotency: ${CONCURRENT} concurrent requests with one key make one connection and one mailbox POST`,
    async run(kit) {
      kit.needConnection();
      let pair;
      let answers: BackendAnswer[] = [];
      let posts = 0;
      const refused: string[] = [];
      for (const [index, candidate] of kit.unusedPairs.entries()) {
        const body: Body = { ...candidate, authorizationId: kit.needGrant().id, bookingFlow: 'simple' };
        const before = (await kit.exact.counters()).mailboxPosts;
        const key = kit.key(`concurrent-${index}`);
        answers = await Promise.all(Array.from({ length: CONCURRENT }, () => create(kit, key, body)));
        posts = (await kit.exact.counters()).mailboxPosts - before;
        if (answers.every(isUnusable)) {
          refused.push(`${candidate.organisationId} × ${candidate.divisionCode}: ${describeAnswer(answers[0]!)}`);
          continue;
        }
        pair = candidate;
        break;
      }
      if (!pair) throw new Skip(`no second free organisation × administration to connect${refused.length ? `: ${refused.join('; ')}` : ''}`);
      const odd = answers.filter((answer) => ![200, 201].includes(answer.status) && !(answer.status === 409 && answer.code === 'idempotency_key_in_flight'));
      if (odd.length) throw new Failure(`${odd.length} of ${CONCURRENT} answered ${[...new Set(odd.map(describeAnswer))].join(', ')}; only 201, 200 or 409 idempotency_key_in_flight are right`);
      const ids = new Set(answers.filter((answer) => answer.status < 300).map(connectionId));
      expect(answers.filter((answer) => answer.status === 201).length === 1, `${answers.filter((answer) => answer.status === 201).length} of ${CONCURRENT} answered 201; exactly one request creates`);
      expect(ids.size === 1, `${CONCURRENT} requests with one key answered ${ids.size} different connections: ${[...ids].join(', ')}`);
      expect(posts === 1, `${CONCURRENT} requests with one key made ${posts} mailbox POSTs at Exact (simulator counter), not 1`);
      const listed = await kit.backend.call('listConnections', { session: kit.needSession() });
      const items = (listed.json as { items: { id: string; organisation: { id: string } }[] } | undefined)?.items ?? [];
      const forOrganisation = items.filter((item) => item.organisation.id === pair.organisationId);
      expect(forOrganisation.length === 1, `GET /connections lists ${forOrganisation.length} connections for organisation ${pair.organisationId}, not 1`);
      kit.concurrentConnection = { id: [...ids][0]!, divisionCode: pair.divisionCode };
      const inFlight = answers.filter((answer) => answer.status === 409).length;
      return `one connection, one mailbox POST (${inFlight} answered 409 in flight)`;
    },
  },
];
