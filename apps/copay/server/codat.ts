import {
  ApiError,
  ConsentKitClient,
  paginate,
  type CreatedWebhookConsumer,
  type ListFn,
  type ListParams,
} from '@consent-kit/client';
import type {
  AccessToken,
  CreateWebhookConsumerRequest,
  WebhookConsumer,
  DataType,
  Company,
  Connection,
  ConsentRecord,
  DataRecord,
  DataStatuses,
  ErrorBody,
} from '@consent-kit/contract';

/**
 * What Copay's backend needs from the Codat-style API. The API key stays here, on the server: browsers only ever
 * get a company-scoped bearer token from `accessToken`.
 */
export interface CodatGateway {
  /** The API's base URL, handed to the browser with its token. */
  readonly baseUrl: string;
  createCompany(input: {
    name: string;
    description: string;
    tags?: Record<string, string>;
  }): Promise<Company>;
  /** `null` when the company no longer exists (e.g. the mock server was restarted). */
  getCompany(companyId: string): Promise<Company | null>;
  accessToken(companyId: string): Promise<AccessToken>;
  listConnections(companyId: string): Promise<Connection[]>;
  getConnection(companyId: string, connectionId: string): Promise<Connection | null>;
  listConsents(companyId: string): Promise<ConsentRecord[]>;
  dataStatus(companyId: string): Promise<DataStatuses>;
  /** The records of one data type, read under a product's consent (403 when it is not active). */
  readData(companyId: string, dataType: string, product: string): Promise<DataRecord[]>;
  /** The webhook consumers of this API key (Codat: `{results}`, not paged). */
  listWebhooks(): Promise<WebhookConsumer[]>;
  /** Creates a webhook consumer; the answer carries its signing secret, this once. */
  createWebhook(input: CreateWebhookConsumerRequest): Promise<CreatedWebhookConsumer>;
  /** Deletes a webhook consumer; one already gone is not an error. */
  deleteWebhook(webhookId: string): Promise<void>;
}

/** An error answer of the API, carrying its Codat error body. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<ErrorBody> | null,
  ) {
    super(body?.error ?? `The financial data API answered ${status}`);
    this.name = 'GatewayError';
  }
}

/** The gateway over `@consent-kit/client`, authenticated with the API key (Basic auth). */
export function clientGateway(options: {
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
}): CodatGateway {
  const client = new ConsentKitClient({
    baseUrl: options.baseUrl,
    auth: { apiKey: options.apiKey },
    retry: { retries: 2 },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const wrap = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ApiError) throw new GatewayError(error.status, error.body ?? null);
      throw error;
    }
  };
  const orNull = async <T>(call: () => Promise<T>): Promise<T | null> => {
    try {
      return await wrap(call);
    } catch (error) {
      if (error instanceof GatewayError && error.status === 404) return null;
      throw error;
    }
  };
  const all = async <T>(list: ListFn<T, ListParams>): Promise<T[]> => {
    const results: T[] = [];
    for await (const item of paginate(list, { pageSize: 5000 })) results.push(item);
    return results;
  };
  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    createCompany: (input) => wrap(() => client.companies.create(input)),
    getCompany: (companyId) => orNull(() => client.companies.get(companyId)),
    accessToken: (companyId) => wrap(() => client.companies.accessToken(companyId)),
    listConnections: (companyId) => wrap(() => all((p) => client.connections.list(companyId, p))),
    getConnection: (companyId, connectionId) => orNull(() => client.connections.get(companyId, connectionId)),
    listConsents: (companyId) => wrap(() => all((p) => client.consents.list(companyId, p))),
    dataStatus: (companyId) => wrap(() => client.data.status(companyId)),
    readData: (companyId, dataType, product) =>
      wrap(() => all((p) => client.data.read(companyId, dataType as DataType, { ...p, product }))),
    listWebhooks: async () => (await wrap(() => client.webhooks.list())).results,
    createWebhook: (input) => wrap(() => client.webhooks.create(input)),
    deleteWebhook: async (webhookId) => void (await orNull(() => client.webhooks.delete(webhookId))),
  };
}
