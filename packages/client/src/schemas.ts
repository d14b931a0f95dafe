/**
 * Response schemas of the client, built on first use so that a bundle pays only for the endpoints it calls
 * (and nothing is constructed at import time).
 */
import {
  AccessToken,
  Branding,
  Company,
  ConsentRecord,
  Connection,
  CorsSettings,
  DataRecord,
  DataStatuses,
  Integration,
  PagingLinks,
  Product,
  Profile,
  PullOperation,
  WebhookConsumer,
  WebhookDelivery,
  paged,
} from '@consent-kit/contract';
import * as z from 'zod/mini';

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * A list whose paging fields are optional: Codat's `GET /webhooks` returns only `{results}`, and the consent-kit
 * extension lists (products, consents, webhook deliveries) may be paged or not.
 */
export function listOf<T extends z.ZodMiniType>(item: T) {
  return z.object({
    results: z.array(item),
    pageNumber: z.optional(z.int()),
    pageSize: z.optional(z.int()),
    totalResults: z.optional(z.int()),
    _links: z.optional(PagingLinks),
  });
}

export const schemas = {
  company: () => Company,
  companies: lazy(() => paged(Company)),
  accessToken: () => AccessToken,
  connection: () => Connection,
  connections: lazy(() => paged(Connection)),
  integration: () => Integration,
  integrations: lazy(() => paged(Integration)),
  branding: () => Branding,
  dataStatuses: () => DataStatuses,
  pullOperation: () => PullOperation,
  pullOperations: lazy(() => paged(PullOperation)),
  dataRecords: lazy(() => paged(DataRecord)),
  webhookConsumers: lazy(() => listOf(WebhookConsumer)),
  /** Codat returns the consumer; consent-kit's mock adds the signing secret, once. */
  createdWebhookConsumer: lazy(() => z.extend(WebhookConsumer, { secret: z.optional(z.string()) })),
  webhookDeliveries: lazy(() => listOf(WebhookDelivery)),
  profile: () => Profile,
  corsSettings: () => CorsSettings,
  product: () => Product,
  products: lazy(() => listOf(Product)),
  consent: () => ConsentRecord,
  consents: lazy(() => listOf(ConsentRecord)),
};

export type SchemaName = keyof typeof schemas;
/** The parsed type of a named response schema. */
export type SchemaOutput<K extends SchemaName> = z.infer<ReturnType<(typeof schemas)[K]>>;
