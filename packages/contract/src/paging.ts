import * as z from 'zod/mini';
import { MAX_QUERY_LENGTH } from './query.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 5000;

const HalRef = z.object({ href: z.string() });

export const PagingLinks = z.object({
  self: HalRef,
  current: HalRef,
  next: z.optional(HalRef),
  previous: z.optional(HalRef),
});

/** Query parameters accepted by every paged list endpoint. Numbers arrive as strings in a URL. */
export const PagingQuery = z.object({
  page: z._default(z.coerce.number().check(z.int(), z.minimum(1)), 1),
  pageSize: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE)), DEFAULT_PAGE_SIZE),
  query: z.optional(z.string().check(z.maxLength(MAX_QUERY_LENGTH))),
  orderBy: z.optional(z.string().check(z.regex(/^-?[A-Za-z][\w.]*$/, 'must be a field name, optionally prefixed by -'))),
});
export type PagingQuery = z.infer<typeof PagingQuery>;
export type PagingParams = z.input<typeof PagingQuery>;

/** The paged envelope `{results, pageNumber, pageSize, totalResults, _links}` around any item schema. */
export function paged<T extends z.core.SomeType>(item: T) {
  return z.object({
    results: z.array(item),
    pageNumber: z.int(),
    pageSize: z.int(),
    totalResults: z.int(),
    _links: PagingLinks,
  });
}

export interface Page<T> {
  results: T[];
  pageNumber: number;
  pageSize: number;
  totalResults: number;
  _links: z.infer<typeof PagingLinks>;
}
