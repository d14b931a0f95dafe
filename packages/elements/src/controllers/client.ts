import type { ConsentKitClient, ListParams, ListResult } from '@consent-kit/client';
// The paging entry alone: importing from the client's main entry would bring its lazy validation module into every
// element's build, and split the code it shares with the element into separately compressed chunks.
import { paginate } from '@consent-kit/client/paging';

/**
 * The part of `ConsentKitClient` (@consent-kit/client) the elements use in connected mode. A structural pick, so an
 * element accepts the real client, a second copy of it, or a test double with these methods.
 */
export interface ElementsClient {
  integrations: Pick<ConsentKitClient['integrations'], 'list' | 'branding'>;
  connections: Pick<ConsentKitClient['connections'], 'list'>;
  data: Pick<ConsentKitClient['data'], 'status'>;
  products: Pick<ConsentKitClient['products'], 'get'>;
  consents: Pick<ConsentKitClient['consents'], 'list' | 'grant' | 'amend'>;
}

/** Collects every item of a paged list (largest page size by default, so usually one request). */
export async function listAll<T>(
  list: (params: ListParams) => Promise<ListResult<T>>,
  params: ListParams = {},
  signal?: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  for await (const item of paginate(list, { pageSize: 5000, ...params })) {
    signal?.throwIfAborted();
    items.push(item);
  }
  return items;
}
