import type { ErrorBody } from '@consent-kit/contract';
import type { ApplicationView, BrowserSession } from '../shared/types.js';

/** An error answer of Copay's backend (a Codat-style error body). */
export class BackendError extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<ErrorBody> | null,
  ) {
    super(body?.error ?? `Copay's server answered ${status}`);
    this.name = 'BackendError';
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new BackendError(0, { error: 'We could not reach Copay. Check your connection and try again.' });
  }
  if (response.status === 204) return undefined as T;
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new BackendError(response.status, json as Partial<ErrorBody> | null);
  return json as T;
}

/** Copay's backend, as the pages use it. */
export const backend = {
  /** The applicant and application of this browser, or null when there is none yet. */
  async me(): Promise<ApplicationView | null> {
    return (await call<ApplicationView | undefined>('GET', '/me')) ?? null;
  },
  apply: (form: Record<string, unknown>) => call<ApplicationView>('POST', '/applicants', form),
  session: () => call<BrowserSession>('POST', '/session'),
  recordConnection: (connectionId: string) =>
    call<ApplicationView>('POST', '/application/connections', { connectionId }),
  recordConsent: (consentId: string) => call<ApplicationView>('POST', '/application/consent', { consentId }),
  connected: () => call<ApplicationView>('POST', '/application/connected', {}),
  submit: () => call<ApplicationView>('POST', '/application/submit', {}),
  logout: () => call<void>('POST', '/logout', {}),
};
