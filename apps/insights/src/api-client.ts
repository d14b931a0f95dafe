import { ConsentKitClient } from '@consent-kit/client';
import type { SessionView } from './shared/api-types.js';

export type ApiClient = ConsentKitClient;

/**
 * Where the provider's sign-in sends the person back to Insights. Several apps share one client profile here
 * (Copay's callback is its default), so Insights names its own callback through the elements' `redirectUrl`.
 */
export function callbackUrl(): string {
  return `${window.location.origin}/connect/callback`;
}

/** A client for the Codat-style API that acts as the signed-in company only (company-scoped bearer token). */
export function createApiClient(session: Pick<SessionView, 'apiBaseUrl' | 'accessToken'>): ApiClient {
  return new ConsentKitClient({ baseUrl: session.apiBaseUrl, auth: { accessToken: session.accessToken } });
}
