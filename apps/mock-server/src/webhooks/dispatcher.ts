import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { WebhookEventType } from '@consent-kit/contract';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { ResolvedOptions, WebhookTransport } from '../options.js';
import type { CompanyRow, DeliveryRow, Store, WebhookRow } from '../store.js';

export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

const fetchTransport: WebhookTransport = async (url, { headers, body, timeoutMs }) => {
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.arrayBuffer().catch(() => undefined);
  return { status: response.status };
};

/**
 * Delivers events to webhook consumers per Standard Webhooks: `webhook-id` (the same on every retry of one event),
 * `webhook-timestamp` (seconds, real time of the attempt), `webhook-signature: v1,<base64 HMAC-SHA256>`.
 * At-least-once: a non-2xx answer or a network error is retried with exponential backoff and jitter; every attempt
 * is logged in the delivery (`GET /webhooks/{id}/deliveries`).
 */
export class WebhookDispatcher {
  private timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;
  private readonly transport: WebhookTransport;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly options: ResolvedOptions['webhooks'],
    private readonly onChange: () => void,
  ) {
    this.transport = options.transport ?? fetchTransport;
  }

  /** The delay before retry number `retry` (1 = first retry). */
  backoffDelay(retry: number): number {
    const { baseDelayMs, maxDelayMs, jitter, random } = this.options;
    const exact = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
    return Math.round(exact * (1 - jitter + 2 * jitter * random()));
  }

  emit(eventType: WebhookEventType, payload: unknown, company: CompanyRow | null): string {
    const eventId = newId();
    const body = JSON.stringify({ id: eventId, eventType, generatedDate: this.clock.iso(), payload });
    for (const consumer of this.store.webhooks.values()) {
      if (consumer.disabled || !consumer.eventTypes.includes(eventType)) continue;
      if (!matchesTags(consumer, company)) continue;
      const delivery: DeliveryRow = {
        id: newId(),
        webhookId: consumer.id,
        messageId: `msg_${eventId}`,
        eventType,
        status: 'Pending',
        attempts: [],
        nextAttemptAt: this.clock.iso(),
        body,
        created: this.clock.iso(),
      };
      this.store.addDelivery(delivery);
      this.schedule(delivery.id, 0);
    }
    this.onChange();
    return eventId;
  }

  /** Picks up deliveries that were pending when the server last stopped. */
  resume(): void {
    for (const delivery of this.store.deliveries.values()) {
      if (delivery.status === 'Pending' || delivery.status === 'Retrying') {
        const due = delivery.nextAttemptAt ? Date.parse(delivery.nextAttemptAt) - this.clock.now() : 0;
        this.schedule(delivery.id, Math.max(0, due));
      }
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Resolves when no delivery is waiting for its next attempt (tests). */
  get pendingCount(): number {
    return this.timers.size + this.inFlight;
  }

  private inFlight = 0;

  private schedule(deliveryId: string, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(deliveryId);
      void this.attempt(deliveryId);
    }, delayMs);
    timer.unref?.();
    this.timers.set(deliveryId, timer);
  }

  private async attempt(deliveryId: string): Promise<void> {
    const delivery = this.store.deliveries.get(deliveryId);
    if (!delivery || this.stopped) return;
    const consumer = this.store.webhooks.get(delivery.webhookId);
    if (!consumer) {
      delivery.status = 'Failed';
      delivery.nextAttemptAt = null;
      delivery.attempts.push({
        at: this.clock.iso(),
        responseStatus: null,
        error: 'The webhook consumer was deleted',
      });
      this.onChange();
      return;
    }
    const timestamp = new Date();
    const signature = new Webhook(consumer.secret).sign(delivery.messageId, timestamp, delivery.body);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'consent-kit-mock-webhooks/1',
      'webhook-id': delivery.messageId,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': signature,
    };
    let responseStatus: number | null = null;
    let error: string | null = null;
    const startedAt = this.clock.iso(); // an attempt is logged at the moment it was sent
    this.inFlight++;
    try {
      ({ status: responseStatus } = await this.transport(consumer.url, {
        headers,
        body: delivery.body,
        timeoutMs: this.options.timeoutMs,
      }));
      if (responseStatus < 200 || responseStatus > 299) error = `The consumer answered ${responseStatus}`;
    } catch (cause) {
      error = cause instanceof Error ? `${cause.name}: ${cause.message}` : 'Delivery failed';
    } finally {
      this.inFlight--;
    }
    if (this.stopped) return;
    delivery.attempts.push({ at: startedAt, responseStatus, error });
    if (!error) {
      delivery.status = 'Succeeded';
      delivery.nextAttemptAt = null;
    } else if (delivery.attempts.length >= this.options.maxAttempts) {
      delivery.status = 'Failed';
      delivery.nextAttemptAt = null;
    } else {
      const delay = this.backoffDelay(delivery.attempts.length);
      delivery.status = 'Retrying';
      delivery.nextAttemptAt = new Date(this.clock.now() + delay).toISOString();
      this.schedule(delivery.id, delay);
    }
    this.onChange();
  }
}

function matchesTags(consumer: WebhookRow, company: CompanyRow | null): boolean {
  if (!consumer.companyTags || consumer.companyTags.length === 0) return true;
  if (!company) return false;
  const tags = new Set(Object.entries(company.tags).map(([k, v]) => `${k}=${v}`));
  return consumer.companyTags.some((tag) => tags.has(tag) || Object.hasOwn(company.tags, tag));
}
