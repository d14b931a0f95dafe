import type { CodatGateway } from './codat.js';
import type { Store } from './store.js';
import { ACTIVITY_EVENT_TYPES, WEBHOOK_PATH } from './webhooks.js';

/**
 * Registers Copay's webhook consumer with the API for `${publicUrl}/webhooks/codat` and keeps its signing secret in
 * the store. On a restart the stored consumer is reused while the API still has it (same URL, enabled, every event
 * type); otherwise a new one is created. Other consumers with the same URL are stale (an earlier run's) and deleted,
 * so each event reaches Copay once per consumer.
 */
export async function registerWebhookConsumer(
  gateway: CodatGateway,
  store: Store,
  publicUrl: string,
): Promise<{ consumerId: string; url: string; reused: boolean }> {
  const url = `${publicUrl.replace(/\/+$/, '')}${WEBHOOK_PATH}`;
  const saved = (await store.read()).webhook;
  const consumers = await gateway.listWebhooks();
  const reusable =
    saved?.url === url
      ? consumers.find(
          (c) =>
            c.id === saved.consumerId &&
            c.url === url &&
            !c.disabled &&
            ACTIVITY_EVENT_TYPES.every((type) => c.eventTypes.includes(type)),
        )
      : undefined;

  let consumerId: string;
  if (reusable) consumerId = reusable.id;
  else {
    const created = await gateway.createWebhook({ url, eventTypes: [...ACTIVITY_EVENT_TYPES] });
    if (!created.secret?.startsWith('whsec_'))
      throw new Error('the API created the webhook consumer but returned no signing secret');
    const secret = created.secret;
    consumerId = created.id;
    await store.update((data) => {
      data.webhook = { consumerId, url, secret, registeredAt: new Date().toISOString() };
    });
  }

  const stale = consumers.filter(
    (c) => c.id !== consumerId && (c.url === url || (!reusable && c.id === saved?.consumerId)),
  );
  for (const consumer of stale) await gateway.deleteWebhook(consumer.id);
  return { consumerId, url, reused: Boolean(reusable) };
}

export interface WebhookRegistrationOptions {
  gateway: CodatGateway;
  store: Store;
  publicUrl: string;
  /** First retry delay, doubled after each failure up to `maxRetryDelayMs` (defaults 2 s and 60 s). */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  log?: (line: string) => void;
}

/**
 * Registers in the background, retrying with backoff until it succeeds (the API may start after Copay): Copay
 * serves its pages meanwhile. `stop()` cancels a pending retry.
 */
export function startWebhookRegistration(options: WebhookRegistrationOptions): {
  done: Promise<void>;
  stop(): void;
} {
  const { gateway, store, publicUrl, log = (line) => console.log(line) } = options;
  const maxDelay = options.maxRetryDelayMs ?? 60_000;
  let delay = options.retryDelayMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));

  const attempt = async (): Promise<void> => {
    try {
      const { consumerId, url, reused } = await registerWebhookConsumer(gateway, store, publicUrl);
      log(
        `copay: receiving webhooks at ${url} (${reused ? 'reusing' : 'registered'} consumer ${consumerId})`,
      );
      resolveDone();
    } catch (error) {
      if (stopped) return;
      const reason = error instanceof Error ? error.message : String(error);
      log(
        `copay: could not register the webhook consumer with ${gateway.baseUrl} (${reason}); retrying in ${Math.round(delay / 1000)} s`,
      );
      timer = setTimeout(() => void attempt(), delay);
      delay = Math.min(maxDelay, delay * 2);
    }
  };
  void attempt();
  return {
    done,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      resolveDone();
    },
  };
}
