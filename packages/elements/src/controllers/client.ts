import type { ConsentKitClient, ListParams, ListResult } from '@consent-kit/client';

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

/**
 * Collects every item of a paged list (largest page size by default, so usually one request).
 *
 * The same walk as `paginate()` of @consent-kit/client (client.test.ts checks that they agree),
 * written out because importing anything at runtime from the client's entry also brings its lazy validation module
 * into the build: a separate chunk, plus the contract code it shares with the element split into chunks of their
 * own, which cost an element 0.6-0.8 kB gzip up front. Use the client's `paginate` instead once the client has an
 * entry point for its paging alone.
 */
export async function listAll<T>(
  list: (params: ListParams) => Promise<ListResult<T>>,
  params: ListParams = {},
  signal?: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  let page: number | undefined = params.page ?? 1;
  while (page !== undefined) {
    const result: ListResult<T> = await list({ pageSize: 5000, ...params, page });
    if (result.results.length > 0) signal?.throwIfAborted();
    items.push(...result.results);
    page = nextPage(result, page);
  }
  return items;
}

/** The page after `page`, or undefined when it was the last one (as the client's paging.ts). */
function nextPage(page: ListResult<unknown>, requested: number): number | undefined {
  if (page.results.length === 0) return undefined;
  const current = page.pageNumber ?? requested;
  const next = page._links?.next?.href;
  if (next) {
    // Follow the server's own link when it names a page number.
    const fromLink = Number(new URL(next, 'http://base.invalid').searchParams.get('page'));
    return Number.isInteger(fromLink) && fromLink > current ? fromLink : current + 1;
  }
  if (page.totalResults !== undefined && page.pageSize !== undefined) {
    return current * page.pageSize < page.totalResults ? current + 1 : undefined;
  }
  return undefined;
}
