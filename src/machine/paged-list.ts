import { failedRequest, retryWhenRateLimited } from './requests.js';
import type { ListKey } from './connect-setup.js';
import type { ConnectContext } from './types.js';

/**
 * One searchable, cursor-paged list as a set of states, used by both pickers (organisations and
 * administrations): a search waits for a pause in typing (`debouncing`), then asks for the first
 * page (`loading`); `Meer laden` asks for the next (`loadingMore`); a failure keeps the list and
 * offers a retry. The step adds its own `ready` transitions (choose, confirm) and states.
 */
interface PagedListSpec<Src extends 'listOrganisations' | 'listDivisions' = 'listOrganisations' | 'listDivisions'> {
  list: ListKey;
  /** The request actor: the contract's operation that pages this list. */
  src: Src;
  /** What the request needs besides query and cursor (the grant, for administrations). */
  scope?: (context: ConnectContext) => { authorizationId: string; organisationId?: string };
}

/** The page request; typed by the actor it goes to (`never` fits either one's input). */
const request = ({ list, scope }: PagedListSpec, context: ConnectContext, more: boolean): never =>
  ({
    ...scope?.(context),
    query: context[list].query,
    ...(more ? { cursor: context[list].nextCursor } : {}),
  }) as never;

const fetching = <Src extends PagedListSpec['src']>(spec: PagedListSpec<Src>, more: boolean) => ({
  tags: ['busy'],
  exit: 'endRateLimitRun',
  invoke: {
    src: spec.src,
    input: ({ context }: { context: ConnectContext }) => request(spec, context, more),
    onDone: {
      target: 'ready',
      actions: { type: 'rememberPage', params: ({ event }: { event: { output: unknown } }) => ({ list: spec.list, page: event.output as never, append: more }) },
    },
    onError: { target: 'failed', actions: failedRequest(spec.src) },
  },
}) as const;

/** The list's states; `search` is the step's `on` entry for the search event. */
export function pagedList<Src extends PagedListSpec['src']>(spec: PagedListSpec<Src>) {
  return {
    search: {
      target: '.debouncing',
      reenter: true,
      actions: { type: 'rememberQuery', params: ({ event }: { event: { query: string } }) => ({ list: spec.list, query: event.query }) },
    },
    loadMore: { guard: { type: 'hasMore', params: spec.list }, target: 'loadingMore' },
    states: {
      debouncing: { tags: ['busy'], after: { searchDebounce: 'loading' } },
      loading: fetching(spec, false),
      loadingMore: fetching(spec, true),
      failed: { ...retryWhenRateLimited, on: { 'user.retry': { target: 'loading', actions: 'clearError' } } },
    },
  } as const;
}
