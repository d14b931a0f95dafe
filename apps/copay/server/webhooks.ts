import express, { type Router } from 'express';
import { WEBHOOK_EVENT_TYPES, type WebhookEvent, type WebhookEventType } from '@consent-kit/contract';
import {
  createWebhookVerifier,
  WebhookVerificationError,
  type WebhookVerifier,
} from '@consent-kit/client/webhooks';
import type { ActivityEventType, ApplicationActivity } from '../shared/types.js';
import { HttpError } from './errors.js';
import type { Store, StoreData } from './store.js';

/**
 * Copay's webhook receiver: the API's Standard Webhooks deliveries (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`) are verified with the consumer's secret (kept in the store by the registration), deduplicated
 * by `webhook-id` (delivery is at-least-once) and applied to the applicant's application.
 */

export const WEBHOOK_PATH = '/webhooks/codat';

/** How many handled `webhook-id`s the store remembers, and how many activity entries an application keeps. */
export const SEEN_WEBHOOK_IDS_MAX = 1_000;
export const ACTIVITY_MAX = 50;

export function isActivityEventType(type: WebhookEventType): type is ActivityEventType {
  return type.startsWith('connection.') || type === 'read.completed';
}

/** The event types Copay subscribes to: every `connection.*` event and `read.completed`. */
export const ACTIVITY_EVENT_TYPES: readonly ActivityEventType[] =
  WEBHOOK_EVENT_TYPES.filter(isActivityEventType);

type ActivityEvent = Extract<WebhookEvent, { eventType: ActivityEventType }>;

function isActivityEvent(event: WebhookEvent): event is ActivityEvent {
  return isActivityEventType(event.eventType);
}

/** What became of a delivery: applied to an application, already handled, or about no Copay application. */
export type WebhookOutcome = 'applied' | 'duplicate' | 'ignored';

/**
 * Applies one verified delivery to the store's data (inside `store.update`, so a redelivery racing the first one
 * still finds its id): remembers its `webhook-id`, updates the connection's status or the data's refresh time, and
 * records the event in the application's activity (newest first, bounded).
 */
export function applyWebhook(data: StoreData, webhookId: string, event: WebhookEvent): WebhookOutcome {
  if (data.webhookIds.includes(webhookId)) return 'duplicate';
  data.webhookIds.push(webhookId);
  if (data.webhookIds.length > SEEN_WEBHOOK_IDS_MAX)
    data.webhookIds.splice(0, data.webhookIds.length - SEEN_WEBHOOK_IDS_MAX);
  if (!isActivityEvent(event)) return 'ignored';

  const companyId = event.payload.referenceCompany.id;
  const applicant = data.applicants.find((a) => a.companyId === companyId);
  const application = applicant && data.applications.find((a) => a.applicantId === applicant.id);
  if (!application) return 'ignored';

  let entry: ApplicationActivity;
  if (event.eventType === 'read.completed') {
    if (!application.dataRefreshedAt || application.dataRefreshedAt < event.generatedDate)
      application.dataRefreshedAt = event.generatedDate;
    const connectionIds = event.payload.dataTypes.map((d) => d.connectionId);
    const known = application.connections.find((c) => connectionIds.includes(c.id));
    entry = {
      id: event.id,
      type: event.eventType,
      at: event.generatedDate,
      platformName: known?.platformName ?? null,
      connectionId: known?.id ?? connectionIds[0] ?? null,
    };
  } else {
    const { connection } = event.payload;
    if (event.eventType === 'connection.deleted')
      application.connections = application.connections.filter((c) => c.id !== connection.id);
    else {
      const known = application.connections.find((c) => c.id === connection.id);
      // A retried delivery can arrive after a later event about the same connection: the later status stands.
      const superseded = application.activity.some(
        (a) =>
          a.connectionId === connection.id && a.type.startsWith('connection.') && a.at > event.generatedDate,
      );
      if (known && !superseded) known.status = connection.status;
    }
    entry = {
      id: event.id,
      type: event.eventType,
      at: event.generatedDate,
      platformName: connection.platformName,
      connectionId: connection.id,
    };
  }
  // Newest first by the API's time: a retried delivery may arrive after a later event.
  application.activity = [entry, ...application.activity]
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, ACTIVITY_MAX);
  application.updatedAt = new Date().toISOString();
  return 'applied';
}

/** `POST /webhooks/codat`: the raw body is verified exactly as received, never a re-serialised parse. */
export function webhookReceiver(store: Store): Router {
  const router = express.Router();
  let cached: { secret: string; verifier: WebhookVerifier } | undefined;

  router.post(WEBHOOK_PATH, express.raw({ type: () => true, limit: '512kb' }), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const { webhook } = await store.read();
    if (!webhook)
      throw new HttpError(
        503,
        'Copay is not registered for webhooks yet (it registers when it starts with a public URL).',
      );
    if (cached?.secret !== webhook.secret)
      cached = { secret: webhook.secret, verifier: createWebhookVerifier(webhook.secret) };
    const body: unknown = req.body;
    const raw = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    let event: WebhookEvent;
    try {
      event = cached.verifier.verify(raw, req.headers);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      const unauthorised = error.code === 'invalid_signature';
      throw new HttpError(
        unauthorised ? 401 : 400,
        unauthorised ? 'The webhook signature does not match.' : error.message,
      );
    }
    // Present: the verifier refuses a delivery without it.
    const webhookId = req.get('webhook-id') ?? '';
    const outcome = await store.update((data) => applyWebhook(data, webhookId, event));
    res.status(200).json({ received: true, outcome });
  });

  return router;
}
