import type { Request } from 'express';
import * as z from 'zod/mini';
import {
  PagingQuery,
  matchesQuery,
  parseQuery,
  QueryParseError,
  sortBy,
  type Page,
  type QueryNode,
} from '@consent-kit/contract';
import { ApiError } from './errors.js';

/** Parses a request body with a contract schema; 400 with `validation.errors` when it does not fit. */
export function parseBody<S extends z.core.$ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === undefined) throw ApiError.invalid('body', 'A JSON request body is required', 'required');
  const result = z.safeParse(schema, body);
  if (!result.success) throw ApiError.validation(result.error);
  return result.data;
}

/** Parses query parameters (strings) with a schema; 400 on failure. */
export function parseQueryParams<S extends z.core.$ZodType>(schema: S, query: unknown): z.output<S> {
  const result = z.safeParse(schema, query);
  if (!result.success)
    throw ApiError.validation(result.error, 'Error processing request - invalid query parameters.');
  return result.data;
}

export const UuidParam = z.uuid();

/** A path id that must be a UUID: anything else cannot exist, so it is a 404 like Codat's. */
export function requireUuid(value: string | string[] | undefined, what: string): string {
  const text = Array.isArray(value) ? value.join('/') : (value ?? '');
  if (!z.safeParse(UuidParam, text).success) throw new ApiError(404, `No ${what} was found with ID ${text}`);
  return text;
}

export function param(req: Request, name: string): string {
  const value = req.params[name];
  return Array.isArray(value) ? value.join('/') : String(value ?? '');
}

/** Deeper `{ }` nesting than this is refused before parsing (no legitimate query needs it). */
const MAX_GROUP_DEPTH = 16;

/** The deepest `{` nesting outside quoted values. */
function groupDepth(query: string): number {
  let depth = 0;
  let max = 0;
  let quoted = false;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '\\' && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === '{') max = Math.max(max, ++depth);
    else if (!quoted && c === '}') depth--;
  }
  return max;
}

export interface PageRequest {
  page: number;
  pageSize: number;
  query?: string;
  orderBy?: string;
}

/** Parses `page`, `pageSize`, `query`, `orderBy`. A query that does not parse is a 400 with the parser's message. */
export function pageRequest(req: Request): PageRequest & { filter: QueryNode | undefined } {
  const parsed = parseQueryParams(PagingQuery, {
    page: req.query.page,
    pageSize: req.query.pageSize,
    query: req.query.query,
    orderBy: req.query.orderBy,
  });
  let filter: QueryNode | undefined;
  if (parsed.query !== undefined && parsed.query !== '') {
    const depth = groupDepth(parsed.query);
    if (depth > MAX_GROUP_DEPTH) {
      const message = `Query nests { } groups ${depth} deep; the limit is ${MAX_GROUP_DEPTH}`;
      throw new ApiError(400, `Error parsing query - ${message}`, {
        validation: [{ itemId: 'query', message, validatorName: 'query' }],
      });
    }
    try {
      filter = parseQuery(parsed.query);
    } catch (error) {
      if (error instanceof QueryParseError) {
        throw new ApiError(400, `Error parsing query - ${error.message}`, {
          validation: [{ itemId: 'query', message: error.message, validatorName: 'query' }],
        });
      }
      throw error;
    }
  }
  return { ...parsed, filter };
}

function href(
  path: string,
  page: number,
  pageSize: number,
  request: PageRequest,
  extra: Record<string, string>,
): string {
  const params = new URLSearchParams(extra);
  params.set('page', String(page));
  params.set('pageSize', String(pageSize));
  if (request.query) params.set('query', request.query);
  if (request.orderBy) params.set('orderBy', request.orderBy);
  return `${path}?${params.toString()}`;
}

/**
 * Filters, sorts and pages items into Codat's envelope. `_links` are relative like Codat's (`/companies?page=1&pageSize=100`),
 * `next`/`previous` only when such a page exists, `totalResults` counts after the filter.
 */
export function toPage<T>(
  items: readonly T[],
  request: PageRequest & { filter: QueryNode | undefined },
  path: string,
  extra: Record<string, string> = {},
): Page<T> {
  const filtered = request.filter ? items.filter((item) => matchesQuery(request.filter!, item)) : items;
  const sorted = request.orderBy ? sortBy(filtered, request.orderBy) : filtered;
  const start = (request.page - 1) * request.pageSize;
  const results = sorted.slice(start, start + request.pageSize);
  const links: Page<T>['_links'] = {
    self: { href: Object.keys(extra).length ? `${path}?${new URLSearchParams(extra).toString()}` : path },
    current: { href: href(path, request.page, request.pageSize, request, extra) },
  };
  if (start + request.pageSize < sorted.length)
    links.next = { href: href(path, request.page + 1, request.pageSize, request, extra) };
  if (request.page > 1 && sorted.length > 0) {
    const lastPage = Math.max(1, Math.ceil(sorted.length / request.pageSize));
    links.previous = {
      href: href(path, Math.min(request.page - 1, lastPage), request.pageSize, request, extra),
    };
  }
  return {
    results,
    pageNumber: request.page,
    pageSize: request.pageSize,
    totalResults: sorted.length,
    _links: links,
  };
}
