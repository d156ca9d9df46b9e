import type { BlockerCode, KnownPrerequisiteCode, LegacyConnections, Prerequisite } from './contract.js';
import type { PlatformOrganisation } from './platform-seed.js';

/** The organisation blocker that shows a prerequisite is not met on the platform. */
const blockerOf: Record<Exclude<KnownPrerequisiteCode, 'administration_access'>, BlockerCode> = {
  postvak_in_only: 'not_postvak_in_only',
  legacy_connections_broken: 'legacy_connection_active',
  organisation_access: 'no_access',
};
const prerequisiteBlockers = new Set<BlockerCode>(Object.values(blockerOf));
const NAMES = 5;
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/**
 * The help article's prerequisites as the platform knows them, from the account's organisations
 * and their blockers. Which administrations an Exact user may reach is Exact's to say, after a
 * login: `unknown` here. A prerequisite blocks `New Connection` only when every organisation still
 * to connect is held back by one of them: then the flow could only end at a blocked row.
 */
export function prerequisitesOf(organisations: readonly PlatformOrganisation[], connected: ReadonlySet<string>): { prerequisites: Prerequisite[]; legacyConnections: LegacyConnections } {
  const open = organisations.filter((organisation) => !connected.has(organisation.id));
  const stuck = open.length > 0 && open.every((organisation) => organisation.blockers.some((code) => prerequisiteBlockers.has(code)));
  const known = (Object.entries(blockerOf) as Array<[KnownPrerequisiteCode, BlockerCode]>).map(([code, blocker]): Prerequisite => {
    const held = organisations.filter((organisation) => organisation.blockers.includes(blocker));
    if (held.length === 0) return { code, state: 'met', blocks: false };
    const names = held.map((organisation) => organisation.name).sort(collator.compare).slice(0, NAMES);
    return { code, state: 'not_met', blocks: stuck, organisationCount: held.length, organisationNames: names };
  });
  return {
    prerequisites: [...known, { code: 'administration_access', state: 'unknown', blocks: false }],
    // One old connection per organisation that still has one: the administrations still to switch.
    legacyConnections: { count: organisations.filter((organisation) => organisation.blockers.includes('legacy_connection_active')).length },
  };
}
