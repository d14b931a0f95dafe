import { describe, expect, it } from 'vitest';
import { paginate, type ListParams, type ListResult } from '@consent-kit/client';
import { listAll } from './client.js';

type Page = ListResult<number>;

/** A paged list of `total` numbers answering in one of the envelope shapes the client understands. */
function list(total: number, shape: 'totals' | 'links' | 'links-skip' | 'bare'): (params: ListParams) => Promise<Page> {
  return async ({ page = 1, pageSize = 100 }) => {
    const size = Math.min(pageSize, 4);
    const results = Array.from({ length: total }, (_, i) => i).slice((page - 1) * size, page * size);
    if (shape === 'bare') return { results };
    if (shape === 'totals') return { results, pageNumber: page, pageSize: size, totalResults: total };
    const more = page * size < total;
    const href = (n: number) => `/things?page=${n}&pageSize=${size}`;
    return {
      results,
      pageNumber: page,
      pageSize: size,
      _links: {
        self: { href: '/things' },
        current: { href: href(page) },
        // 'links-skip': a server whose next link names a page it did not count up to (followed as given).
        ...(more ? { next: { href: href(shape === 'links-skip' && page === 1 ? 2 : page + 1) } } : {}),
      },
    };
  };
}

async function viaClient(fn: (params: ListParams) => Promise<Page>, params: ListParams): Promise<number[]> {
  const items: number[] = [];
  for await (const item of paginate(fn, { pageSize: 5000, ...params })) items.push(item);
  return items;
}

describe('listAll', () => {
  it('walks the pages exactly as the client’s paginate()', async () => {
    for (const shape of ['totals', 'links', 'links-skip', 'bare'] as const) {
      for (const total of [0, 1, 4, 5, 9, 12]) {
        for (const params of [{}, { page: 2 }]) {
          const calls: ListParams[] = [];
          const fn = list(total, shape);
          const recorded = (p: ListParams) => (calls.push(p), fn(p));
          const clientCalls: ListParams[] = [];
          const clientRecorded = (p: ListParams) => (clientCalls.push(p), fn(p));
          expect(await listAll(recorded, params), `${shape}, ${total} items, ${JSON.stringify(params)}`).toEqual(
            await viaClient(clientRecorded, params),
          );
          expect(calls).toEqual(clientCalls);
        }
      }
    }
  });

  it('stops with the signal’s reason once aborted', async () => {
    const controller = new AbortController();
    const fn = list(9, 'totals');
    const aborting = async (p: ListParams) => {
      const page = await fn(p);
      if (p.page === 2) controller.abort(new Error('stop'));
      return page;
    };
    await expect(listAll(aborting, {}, controller.signal)).rejects.toThrow('stop');
  });
});
