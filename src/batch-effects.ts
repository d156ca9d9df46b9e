import type { ApiClient } from './api/client.js';
import type { Redelivery, RedeliveryPreview } from './api/types.js';
import type { BatchCandidates } from './machine/batch-types.js';

/** The contract's largest page: the fewest round trips through a whole list. */
const WHOLE_LIST_PAGE = 200;
/** A backend whose cursors never end must not keep the batch loading forever. */
const MAX_PAGES = 500;

/** Every page of a cursor-paged list, one after another (the backend pages forward only). */
async function allPages<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const answer = await page(cursor);
    items.push(...answer.items);
    if (!answer.nextCursor) return items;
    cursor = answer.nextCursor;
  }
  return items;
}

/**
 * The batch's requests: the whole table's candidates (both lists at once: they do not depend on
 * each other), and the redelivery of a batch's organisations, one request per organisation, one
 * after another, so a rate-limited backend meets no burst.
 */
export function batchEffects(api: ApiClient) {
  return {
    loadBatchCandidates: async (authorizationId: string, signal: AbortSignal): Promise<BatchCandidates> => {
      const [organisations, divisions] = await Promise.all([
        allPages((cursor) => api.listOrganisations({ query: '', limit: WHOLE_LIST_PAGE, ...(cursor ? { cursor } : {}) }, signal)),
        allPages((cursor) => api.listDivisions(authorizationId, { query: '', limit: WHOLE_LIST_PAGE, ...(cursor ? { cursor } : {}) }, signal)),
      ]);
      return { organisations, divisions };
    },
    previewRedeliveries: async (organisationIds: string[], from: string, signal: AbortSignal): Promise<RedeliveryPreview> => {
      let documentCount = 0;
      for (const organisationId of organisationIds) documentCount += (await api.previewRedelivery(organisationId, from, signal)).documentCount;
      return { from, documentCount };
    },
    /** Each request has its own key: sent again after a failure, the ones that went through answer their redelivery again. */
    createRedeliveries: async (requests: Array<{ organisationId: string; idempotencyKey: string }>, from: string, signal: AbortSignal): Promise<Redelivery> => {
      let documentCount = 0;
      let id = '';
      for (const { organisationId, idempotencyKey } of requests) {
        const redelivery = await api.createRedelivery(organisationId, from, idempotencyKey, signal);
        documentCount += redelivery.documentCount;
        id ||= redelivery.id;
      }
      return { id, from, documentCount };
    },
  };
}
