import type { KnownPrerequisiteCode, Status } from '../api/types.js';

/** The help article's prerequisites, in its order: the ones this version can word (and let block). */
export const ARTICLE_PREREQUISITES: readonly KnownPrerequisiteCode[] = ['postvak_in_only', 'legacy_connections_broken', 'organisation_access', 'administration_access'];

/**
 * `New Connection` waits only where the backend says a prerequisite blocks it and is not met; a
 * code this version does not know never blocks (it could not say why).
 */
export const blocksNewConnection = (status: Status | null): boolean =>
  (status?.prerequisites ?? []).some((item) => item.blocks && item.state === 'not_met' && (ARTICLE_PREREQUISITES as readonly string[]).includes(item.code));
