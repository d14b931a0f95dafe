import type { Branding, Connection, ConsentRecord, DataStatuses, Product, WithdrawConsentRequest } from '@consent-kit/contract';

/** Paging parameters as `ConsentKitClient` takes them. */
export interface ListParamsLike {
  page?: number;
  pageSize?: number;
  query?: string;
  orderBy?: string;
}

/** A page of results as `ConsentKitClient` returns them (Codat's paged envelope; links optional). */
export interface PagedLike<T> {
  results: T[];
  totalResults?: number;
  _links?: { next?: { href: string } };
}

/** Reads every page of a list (largest page size, so usually one request). */
export async function readAll<T>(list: (params: ListParamsLike) => Promise<PagedLike<T>>, signal?: AbortSignal): Promise<T[]> {
  const results: T[] = [];
  for (let page = 1; ; page++) {
    signal?.throwIfAborted();
    const current = await list({ page, pageSize: 5000 });
    results.push(...current.results);
    const done =
      !current._links?.next ||
      current.results.length === 0 ||
      (current.totalResults !== undefined && results.length >= current.totalResults);
    if (done) return results;
  }
}

/**
 * The part of `ConsentKitClient` (@consent-kit/client) `<ck-connection-manager>` uses in connected mode, declared
 * structurally so that the real client, a second copy of it, or a test double fits.
 */
export interface ConnectionManagerClient {
  integrations: {
    branding(platformKey: string): Promise<Branding>;
  };
  connections: {
    list(companyId: string, params?: ListParamsLike): Promise<PagedLike<Connection>>;
    /** `PATCH /companies/{id}/connections/{cid}` with `{status: "Unlinked"}`. */
    unlink(companyId: string, connectionId: string): Promise<Connection>;
    /** `DELETE /companies/{id}/connections/{cid}`: the connection and its data. */
    delete(companyId: string, connectionId: string): Promise<unknown>;
  };
  consents: {
    list(companyId: string, params?: ListParamsLike): Promise<PagedLike<ConsentRecord>>;
    withdraw(companyId: string, consentId: string, request?: WithdrawConsentRequest): Promise<ConsentRecord>;
  };
  products: {
    list(): Promise<PagedLike<Product> | Product[]>;
  };
  data: {
    status(companyId: string): Promise<DataStatuses>;
  };
}
