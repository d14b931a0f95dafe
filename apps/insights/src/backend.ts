import type { ErrorBody } from '@consent-kit/contract';
import type { SessionView } from './shared/api-types.js';

/** A failed call to Insights' own backend, with its Codat-style error body when it sent one. */
export class BackendError extends Error {
  override name = 'BackendError';
  constructor(
    message: string,
    readonly status: number,
    readonly body?: ErrorBody,
  ) {
    super(message);
  }
}

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new BackendError('Insights could not be reached. Check your connection and try again.', 0);
  }
  if (!response.ok) {
    let parsed: ErrorBody | undefined;
    try {
      parsed = (await response.json()) as ErrorBody;
    } catch {
      parsed = undefined;
    }
    throw new BackendError(parsed?.error ?? `Request failed (${response.status})`, response.status, parsed);
  }
  return response;
}

/** Insights' backend: demo sign-in by business name and the company-scoped token that comes with it. */
export const backend = {
  /** The signed-in business, or null when nobody is signed in. */
  async session(): Promise<SessionView | null> {
    const response = await call('GET', '/api/session');
    return response.status === 204 ? null : ((await response.json()) as SessionView);
  },
  async signIn(businessName: string): Promise<SessionView> {
    return (await (await call('POST', '/api/session', { businessName })).json()) as SessionView;
  },
  async signOut(): Promise<void> {
    await call('DELETE', '/api/session');
  },
};
