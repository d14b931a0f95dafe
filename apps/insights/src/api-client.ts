import { ConsentKitClient } from '@consent-kit/client';
import type { SessionView } from './shared/api-types.js';

export type ApiClient = ConsentKitClient;

/** A client for the Codat-style API that acts as the signed-in company only (company-scoped bearer token). */
export function createApiClient(session: Pick<SessionView, 'apiBaseUrl' | 'accessToken'>): ApiClient {
  return new ConsentKitClient({ baseUrl: session.apiBaseUrl, auth: { accessToken: session.accessToken } });
}
