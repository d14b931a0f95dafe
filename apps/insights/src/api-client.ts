import { ConsentKitClient } from '@consent-kit/client';
import type { Connection } from '@consent-kit/contract';
import type { SessionView } from './shared/api-types.js';

export type ApiClient = ConsentKitClient;

/** Where the provider's sign-in sends the person back to Insights. */
export function callbackUrl(): string {
  return `${window.location.origin}/connect/callback`;
}

/**
 * The hosted sign-in (`Connection.linkUrl`) sends the person back to the client's default redirect URL unless the
 * link names another allowlisted one with `?redirect=`. Several apps share the client profile here (Copay's is the
 * default), so Insights names its own callback on every link it is given.
 */
export function withRedirect(connection: Connection, redirectUrl: string, apiBaseUrl: string): Connection {
  let url: URL;
  try {
    url = new URL(connection.linkUrl);
  } catch {
    return connection;
  }
  // Only the API's own hosted pages take the parameter; anything else is left exactly as it came.
  if (url.origin !== new URL(apiBaseUrl).origin) return connection;
  url.searchParams.set('redirect', redirectUrl);
  return { ...connection, linkUrl: url.href };
}

/** A client for the Codat-style API that acts as the signed-in company only (company-scoped bearer token). */
export function createApiClient(session: Pick<SessionView, 'apiBaseUrl' | 'accessToken'>, redirectUrl = callbackUrl()): ApiClient {
  const client = new ConsentKitClient({ baseUrl: session.apiBaseUrl, auth: { accessToken: session.accessToken } });
  const fix = (connection: Connection) => withRedirect(connection, redirectUrl, session.apiBaseUrl);
  const connections = client.connections;
  const patched: ConsentKitClient['connections'] = {
    ...connections,
    list: async (...args) => {
      const page = await connections.list(...args);
      return { ...page, results: page.results.map(fix) };
    },
    get: async (...args) => fix(await connections.get(...args)),
    create: async (...args) => fix(await connections.create(...args)),
    unlink: async (...args) => fix(await connections.unlink(...args)),
    updateAuthorization: async (...args) => fix(await connections.updateAuthorization(...args)),
    iterate: (companyId, params, options) => client.paginate((p) => patched.list(companyId, p, options), params ?? {}),
  };
  Object.defineProperty(client, 'connections', { value: patched });
  return client;
}
