import type { Branding } from '@consent-kit/contract';
import type { ElementsClient } from './client.js';

type BrandingClient = Pick<ElementsClient, 'integrations'>;

/** One promise per (client, platform key), shared by every element on the page: each key is fetched once. */
let cache = new WeakMap<BrandingClient, Map<string, Promise<Branding>>>();

/**
 * The branding of an integration (`GET /integrations/{key}/branding`), fetched once per client and key. A failed
 * request is forgotten so that a later call tries again.
 */
export function getBranding(client: BrandingClient, platformKey: string): Promise<Branding> {
  let perClient = cache.get(client);
  if (!perClient) {
    perClient = new Map();
    cache.set(client, perClient);
  }
  let promise = perClient.get(platformKey);
  if (!promise) {
    promise = client.integrations.branding(platformKey);
    perClient.set(platformKey, promise);
    promise.catch(() => {
      if (perClient.get(platformKey) === promise) perClient.delete(platformKey);
    });
  }
  return promise;
}

/** Empties the cache for one client, or entirely (tests, or after a brand refresh). */
export function clearBrandingCache(client?: BrandingClient): void {
  if (client) cache.delete(client);
  else cache = new WeakMap();
}
