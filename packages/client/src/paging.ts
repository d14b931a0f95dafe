/**
 * Paging over Codat's list envelopes. Also an entry point of its own (`@consent-kit/client/paging`): code that
 * only walks pages (the elements) imports it without the client's request and validation modules.
 */
import type { ListParams } from './http.js';

/** A list response: Codat's paged envelope, or a bare `{results}` whose paging fields are absent. */
export interface ListResult<T> {
  results: T[];
  pageNumber?: number;
  pageSize?: number;
  totalResults?: number;
  _links?: { self: { href: string }; current: { href: string }; next?: { href: string }; previous?: { href: string } };
}

export type ListFn<T, P extends ListParams> = (params: P) => Promise<ListResult<T>>;

/** The page after `page`, or undefined when it was the last one. */
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

/** Every page of a list, starting at `params.page` (default 1). */
export async function* iteratePages<T, P extends ListParams>(list: ListFn<T, P>, params: P): AsyncGenerator<ListResult<T>> {
  let page: number | undefined = params.page ?? 1;
  while (page !== undefined) {
    const result: ListResult<T> = await list({ ...params, page });
    yield result;
    page = nextPage(result, page);
  }
}

/** Every item across all pages of a list. */
export async function* paginate<T, P extends ListParams>(list: ListFn<T, P>, params: P): AsyncGenerator<T> {
  for await (const page of iteratePages(list, params)) yield* page.results;
}
