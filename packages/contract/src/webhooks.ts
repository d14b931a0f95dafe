import * as z from 'zod/mini';
import { WEBHOOK_EVENT_TYPES } from './enums.js';
import { CompanyDetails, CompanyReference, Connection } from './company.js';
import { ConsentEvent, ConsentRecord } from './consent.js';
import { DataTypeSchema } from './integration.js';
import { PullStatusSchema } from './data.js';
import { DateTime, HttpUrl, Uuid } from './primitives.js';

export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

export const WebhookConsumer = z.object({
  id: Uuid,
  url: HttpUrl,
  disabled: z.optional(z.nullable(z.boolean())),
  eventTypes: z.array(WebhookEventTypeSchema),
  companyTags: z.optional(z.nullable(z.array(z.string().check(z.maxLength(128))).check(z.maxLength(10)))),
});
export type WebhookConsumer = z.infer<typeof WebhookConsumer>;

export const CreateWebhookConsumerRequest = z.strictObject({
  url: HttpUrl,
  disabled: z.optional(z.boolean()),
  eventTypes: z.array(WebhookEventTypeSchema).check(z.minLength(1)),
  companyTags: z.optional(z.array(z.string().check(z.maxLength(128))).check(z.maxLength(10))),
});
export type CreateWebhookConsumerRequest = z.infer<typeof CreateWebhookConsumerRequest>;

/** The signing secret is returned once, when the consumer is created. */
export const CreatedWebhookConsumer = z.extend(WebhookConsumer, {
  secret: z.string().check(z.startsWith('whsec_')),
});
export type CreatedWebhookConsumer = z.infer<typeof CreatedWebhookConsumer>;

export const ConnectionEventPayload = z.object({ referenceCompany: CompanyReference, connection: Connection });

export const ReadCompletedPayload = z.object({
  referenceCompany: CompanyReference,
  modifiedFromDate: z.optional(z.nullable(DateTime)),
  dataTypes: z.array(
    z.object({
      connectionId: Uuid,
      dataType: DataTypeSchema,
      recordsModified: z.boolean(),
      status: PullStatusSchema,
      issues: z.optional(z.nullable(z.array(z.object({ type: z.string(), message: z.string() })))),
    }),
  ),
});

export const ConsentEventPayload = z.object({
  referenceCompany: CompanyReference,
  consent: ConsentRecord,
  event: ConsentEvent,
});

function envelope<T extends (typeof WEBHOOK_EVENT_TYPES)[number], P extends z.core.SomeType>(eventType: T, payload: P) {
  return z.object({ id: Uuid, eventType: z.literal(eventType), generatedDate: DateTime, payload });
}

/** Every event a webhook consumer can receive, discriminated by `eventType`. */
export const WebhookEvent = z.discriminatedUnion('eventType', [
  envelope('company.created', CompanyDetails),
  envelope('company.deleted', CompanyDetails),
  envelope('connection.created', ConnectionEventPayload),
  envelope('connection.connected', ConnectionEventPayload),
  envelope('connection.disconnected', ConnectionEventPayload),
  envelope('connection.reconnected', ConnectionEventPayload),
  envelope('connection.failed', ConnectionEventPayload),
  envelope('connection.deleted', ConnectionEventPayload),
  envelope('read.completed', ReadCompletedPayload),
  envelope('read.completed.initial', ReadCompletedPayload),
  envelope('consent.given', ConsentEventPayload),
  envelope('consent.amended', ConsentEventPayload),
  envelope('consent.withdrawn', ConsentEventPayload),
  envelope('consent.expired', ConsentEventPayload),
]);
export type WebhookEvent = z.infer<typeof WebhookEvent>;
export type WebhookEventOf<T extends WebhookEvent['eventType']> = Extract<WebhookEvent, { eventType: T }>;

export const WEBHOOK_DELIVERY_STATUSES = ['Pending', 'Succeeded', 'Retrying', 'Failed'] as const;

/** One delivery attempt log entry (`GET /webhooks/{id}/deliveries`, consent-kit extension). */
export const WebhookDelivery = z.object({
  id: Uuid,
  webhookId: Uuid,
  /** The `webhook-id` header: the same on every retry of one event. */
  messageId: z.string(),
  eventType: WebhookEventTypeSchema,
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.array(
    z.object({ at: DateTime, responseStatus: z.nullable(z.int()), error: z.optional(z.nullable(z.string())) }),
  ),
  nextAttemptAt: z.optional(z.nullable(DateTime)),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
