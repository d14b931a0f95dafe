/**
 * @consent-kit/client — a typed fetch client for the consent-kit / Codat-style API. Runs in browsers and Node 20
 * (global fetch, AbortSignal, btoa); no Node-only imports here. The webhook verifier lives in
 * `@consent-kit/client/webhooks`.
 */
import type {
  AccessToken,
  AmendConsentRequest,
  Branding,
  Company,
  ConsentRecord,
  Connection,
  CorsSettings,
  CreateCompanyRequest,
  CreateConnectionRequest,
  CreateWebhookConsumerRequest,
  DataRecord,
  DataStatuses,
  DataType,
  GrantConsentRequest,
  Integration,
  Page,
  PatchCompanyRequest,
  Product,
  Profile,
  PullOperation,
  UpdateCompanyRequest,
  WebhookConsumer,
  WebhookDelivery,
  WithdrawConsentRequest,
} from '@consent-kit/contract';
import { HttpCore, seg, type CallOptions, type ClientOptions, type IdempotentCallOptions, type ListParams } from './http.js';
import { iteratePages, paginate, type ListFn, type ListResult } from './paging.js';

export { ApiError, NetworkError, ResponseValidationError, RETRYABLE_STATUSES } from './errors.js';
export type { ApiErrorInit } from './errors.js';
export { parseRetryAfter } from './http.js';
export type { Auth, CallOptions, ClientOptions, IdempotentCallOptions, ListParams, RetryOptions } from './http.js';
export { iteratePages, paginate } from './paging.js';
export type { ListFn, ListResult } from './paging.js';

export interface DataReadParams extends ListParams {
  /** The product (use case) the read is for; the consent ledger refuses reads without a live consent. */
  product: string;
}

export type HistoryParams = ListParams;

export type CreatedWebhookConsumer = WebhookConsumer & { secret?: string };

export class ConsentKitClient {
  private readonly http: HttpCore;

  constructor(options: ClientOptions) {
    this.http = new HttpCore(options);
  }

  /** Every item across all pages: `for await (const c of client.paginate((p) => client.companies.list(p), {}))`. */
  paginate<T, P extends ListParams>(list: ListFn<T, P>, params: P): AsyncGenerator<T> {
    return paginate(list, params);
  }

  /** Every page of a list, in order. */
  iteratePages<T, P extends ListParams>(list: ListFn<T, P>, params: P): AsyncGenerator<ListResult<T>> {
    return iteratePages(list, params);
  }

  readonly companies = {
    list: (params: ListParams = {}, options?: CallOptions): Promise<Page<Company>> =>
      this.http.request({ method: 'GET', path: '/companies', query: { ...params }, schema: 'companies', options }),
    iterate: (params: ListParams = {}, options?: CallOptions): AsyncGenerator<Company> =>
      paginate((p) => this.companies.list(p, options), params),
    get: (companyId: string, options?: CallOptions): Promise<Company> =>
      this.http.request({ method: 'GET', path: `/companies/${seg(companyId)}`, schema: 'company', options }),
    create: (body: CreateCompanyRequest, options?: IdempotentCallOptions): Promise<Company> =>
      this.http.request({ method: 'POST', path: '/companies', body, schema: 'company', options }),
    /** PUT: replaces name, description and tags. */
    update: (companyId: string, body: UpdateCompanyRequest, options?: CallOptions): Promise<Company> =>
      this.http.request({ method: 'PUT', path: `/companies/${seg(companyId)}`, body, schema: 'company', options }),
    /** PATCH: changes only the given fields. */
    patch: (companyId: string, body: PatchCompanyRequest, options?: IdempotentCallOptions): Promise<Company> =>
      this.http.request({ method: 'PATCH', path: `/companies/${seg(companyId)}`, body, schema: 'company', options }),
    /** Deletes the company and all its data. */
    delete: (companyId: string, options?: CallOptions): Promise<void> =>
      this.http.request({ method: 'DELETE', path: `/companies/${seg(companyId)}`, options }),
    /** A company-scoped bearer token for browsers (`expiresIn` seconds). */
    accessToken: (companyId: string, options?: CallOptions): Promise<AccessToken> =>
      this.http.request({
        method: 'GET',
        path: `/companies/${seg(companyId)}/accessToken`,
        schema: 'accessToken',
        options,
      }),
  };

  readonly connections = {
    list: (companyId: string, params: ListParams = {}, options?: CallOptions): Promise<Page<Connection>> =>
      this.http.request({
        method: 'GET',
        path: `/companies/${seg(companyId)}/connections`,
        query: { ...params },
        schema: 'connections',
        options,
      }),
    iterate: (companyId: string, params: ListParams = {}, options?: CallOptions): AsyncGenerator<Connection> =>
      paginate((p) => this.connections.list(companyId, p, options), params),
    get: (companyId: string, connectionId: string, options?: CallOptions): Promise<Connection> =>
      this.http.request({
        method: 'GET',
        path: `/companies/${seg(companyId)}/connections/${seg(connectionId)}`,
        schema: 'connection',
        options,
      }),
    /** A new `PendingAuth` connection; open its `linkUrl` to authorise. 409 for a second accounting connection. */
    create: (companyId: string, body: CreateConnectionRequest, options?: IdempotentCallOptions): Promise<Connection> =>
      this.http.request({
        method: 'POST',
        path: `/companies/${seg(companyId)}/connections`,
        body,
        schema: 'connection',
        options,
      }),
    /** Stops further syncs and keeps the data; only a Linked connection can be unlinked. */
    unlink: (companyId: string, connectionId: string, options?: IdempotentCallOptions): Promise<Connection> =>
      this.http.request({
        method: 'PATCH',
        path: `/companies/${seg(companyId)}/connections/${seg(connectionId)}`,
        body: { status: 'Unlinked' },
        schema: 'connection',
        options,
      }),
    /** Removes the connection and its data. */
    delete: (companyId: string, connectionId: string, options?: CallOptions): Promise<void> =>
      this.http.request({
        method: 'DELETE',
        path: `/companies/${seg(companyId)}/connections/${seg(connectionId)}`,
        options,
      }),
    updateAuthorization: (
      companyId: string,
      connectionId: string,
      body: Record<string, string>,
      options?: CallOptions,
    ): Promise<Connection> =>
      this.http.request({
        method: 'PUT',
        path: `/companies/${seg(companyId)}/connections/${seg(connectionId)}/authorization`,
        body,
        schema: 'connection',
        options,
      }),
  };

  readonly integrations = {
    /** e.g. `{ query: q.and(q.eq('sourceType', 'Accounting'), q.eq('enabled', true)) }`. */
    list: (params: ListParams = {}, options?: CallOptions): Promise<Page<Integration>> =>
      this.http.request({ method: 'GET', path: '/integrations', query: { ...params }, schema: 'integrations', options }),
    iterate: (params: ListParams = {}, options?: CallOptions): AsyncGenerator<Integration> =>
      paginate((p) => this.integrations.list(p, options), params),
    get: (platformKey: string, options?: CallOptions): Promise<Integration> =>
      this.http.request({ method: 'GET', path: `/integrations/${seg(platformKey)}`, schema: 'integration', options }),
    branding: (platformKey: string, options?: CallOptions): Promise<Branding> =>
      this.http.request({
        method: 'GET',
        path: `/integrations/${seg(platformKey)}/branding`,
        schema: 'branding',
        options,
      }),
  };

  readonly data = {
    /** Data type -> latest pull status. */
    status: (companyId: string, options?: CallOptions): Promise<DataStatuses> =>
      this.http.request({
        method: 'GET',
        path: `/companies/${seg(companyId)}/dataStatus`,
        schema: 'dataStatuses',
        options,
      }),
    history: (companyId: string, params: HistoryParams = {}, options?: CallOptions): Promise<Page<PullOperation>> =>
      this.http.request({
        method: 'GET',
        path: `/companies/${seg(companyId)}/data/history`,
        query: { ...params },
        schema: 'pullOperations',
        options,
      }),
    /** Queues a refresh of every data type (204). */
    refreshAll: (companyId: string, options?: IdempotentCallOptions): Promise<void> =>
      this.http.request({ method: 'POST', path: `/companies/${seg(companyId)}/data/all`, options }),
    /** Queues a refresh of one data type; returns the new pull operation. */
    refreshDataType: (
      companyId: string,
      dataType: DataType,
      options?: IdempotentCallOptions & { connectionId?: string },
    ): Promise<PullOperation> =>
      this.http.request({
        method: 'POST',
        path: `/companies/${seg(companyId)}/data/queue/${seg(dataType)}`,
        query: { connectionId: options?.connectionId },
        schema: 'pullOperation',
        options,
      }),
    /** Synced records of one data type, read for a product (403 without a live consent for it). */
    read: (companyId: string, dataType: DataType, params: DataReadParams, options?: CallOptions): Promise<Page<DataRecord>> =>
      this.http.request({
        method: 'GET',
        path: `/companies/${seg(companyId)}/data/${seg(dataType)}`,
        query: { ...params },
        schema: 'dataRecords',
        options,
      }),
  };

  readonly webhooks = {
    list: (options?: CallOptions): Promise<ListResult<WebhookConsumer>> =>
      this.http.request({ method: 'GET', path: '/webhooks', schema: 'webhookConsumers', options }),
    /** The response carries the signing secret (`whsec_...`) when the server returns it: store it. */
    create: (body: CreateWebhookConsumerRequest, options?: IdempotentCallOptions): Promise<CreatedWebhookConsumer> =>
      this.http.request({ method: 'POST', path: '/webhooks', body, schema: 'createdWebhookConsumer', options }),
    delete: (webhookId: string, options?: CallOptions): Promise<void> =>
      this.http.request({ method: 'DELETE', path: `/webhooks/${seg(webhookId)}`, options }),
    /** Delivery attempts log (consent-kit extension). */
    deliveries: (webhookId: string, params: ListParams = {}, options?: CallOptions): Promise<ListResult<WebhookDelivery>> =>
      this.http.request({
        method: 'GET',
        path: `/webhooks/${seg(webhookId)}/deliveries`,
        query: { ...params },
        schema: 'webhookDeliveries',
        options,
      }),
  };

  readonly profile = {
    get: (options?: CallOptions): Promise<Profile> =>
      this.http.request({ method: 'GET', path: '/profile', schema: 'profile', options }),
  };

  readonly corsSettings = {
    get: (options?: CallOptions): Promise<CorsSettings> =>
      this.http.request({ method: 'GET', path: '/corsSettings', schema: 'corsSettings', options }),
    set: (body: CorsSettings, options?: IdempotentCallOptions): Promise<CorsSettings> =>
      this.http.request({ method: 'POST', path: '/corsSettings', body, schema: 'corsSettings', options }),
  };

  readonly products = {
    list: (options?: CallOptions): Promise<ListResult<Product>> =>
      this.http.request({ method: 'GET', path: '/products', schema: 'products', options }),
    get: (productIdentifier: string, options?: CallOptions): Promise<Product> =>
      this.http.request({ method: 'GET', path: `/products/${seg(productIdentifier)}`, schema: 'product', options }),
  };

  readonly companyProducts = {
    add: (companyId: string, productIdentifier: string, options?: CallOptions): Promise<void> =>
      this.http.request({
        method: 'PUT',
        path: `/companies/${seg(companyId)}/products/${seg(productIdentifier)}`,
        options,
      }),
    remove: (companyId: string, productIdentifier: string, options?: CallOptions): Promise<void> =>
      this.http.request({
        method: 'DELETE',
        path: `/companies/${seg(companyId)}/products/${seg(productIdentifier)}`,
        options,
      }),
  };

  /** The consent ledger (consent-kit extension): records are append-only; amend and withdraw add events. */
  readonly consents = {
    list: (companyId: string, params: ListParams = {}, options?: CallOptions): Promise<ListResult<ConsentRecord>> =>
      this.http.request({
        method: 'GET',
        path: `/companies/${seg(companyId)}/consents`,
        query: { ...params },
        schema: 'consents',
        options,
      }),
    iterate: (companyId: string, params: ListParams = {}, options?: CallOptions): AsyncGenerator<ConsentRecord> =>
      paginate((p) => this.consents.list(companyId, p, options), params),
    get: (companyId: string, consentId: string, options?: CallOptions): Promise<ConsentRecord> =>
      this.http.request({
        method: 'GET',
        path: `/companies/${seg(companyId)}/consents/${seg(consentId)}`,
        schema: 'consent',
        options,
      }),
    grant: (companyId: string, body: GrantConsentRequest, options?: IdempotentCallOptions): Promise<ConsentRecord> =>
      this.http.request({
        method: 'POST',
        path: `/companies/${seg(companyId)}/consents`,
        body,
        schema: 'consent',
        options,
      }),
    amend: (
      companyId: string,
      consentId: string,
      body: AmendConsentRequest,
      options?: IdempotentCallOptions,
    ): Promise<ConsentRecord> =>
      this.http.request({
        method: 'POST',
        path: `/companies/${seg(companyId)}/consents/${seg(consentId)}/amendments`,
        body,
        schema: 'consent',
        options,
      }),
    withdraw: (
      companyId: string,
      consentId: string,
      body: WithdrawConsentRequest = {},
      options?: IdempotentCallOptions,
    ): Promise<ConsentRecord> =>
      this.http.request({
        method: 'POST',
        path: `/companies/${seg(companyId)}/consents/${seg(consentId)}/withdrawal`,
        body,
        schema: 'consent',
        options,
      }),
  };
}
