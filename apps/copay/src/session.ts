import { ConsentKitClient } from '@consent-kit/client';
import { backend } from './api.js';

/**
 * The browser's connection to the API: a company-scoped bearer token minted by Copay's backend (the API key stays
 * there), renewed a minute before it expires.
 */
export async function browserClient(): Promise<{ client: ConsentKitClient; companyId: string }> {
  let session = await backend.session();
  let expiresAt = Date.now() + session.expiresIn * 1000;
  const client = new ConsentKitClient({
    baseUrl: session.apiBaseUrl,
    auth: {
      getAccessToken: async () => {
        if (Date.now() > expiresAt - 60_000) {
          session = await backend.session();
          expiresAt = Date.now() + session.expiresIn * 1000;
        }
        return session.accessToken;
      },
    },
  });
  return { client, companyId: session.companyId };
}

/** Where the hosted sign-in page sends the person back to, once it is done (read by /connect/callback). */
export interface ReturnTarget {
  /** The page that started the sign-in. */
  path: '/apply/connect' | '/connections' | '/connections/add';
  connectionId?: string;
  startedAt: number;
}

const RETURN_KEY = 'copay.return';

export function setReturnTarget(target: Omit<ReturnTarget, 'startedAt'>): void {
  sessionStorage.setItem(RETURN_KEY, JSON.stringify({ ...target, startedAt: Date.now() }));
}

export function takeReturnTarget(): ReturnTarget | null {
  const raw = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<ReturnTarget>;
    const paths: ReturnTarget['path'][] = ['/apply/connect', '/connections', '/connections/add'];
    if (!value.path || !paths.includes(value.path)) return null;
    return {
      path: value.path,
      startedAt: Number(value.startedAt) || 0,
      ...(typeof value.connectionId === 'string' ? { connectionId: value.connectionId } : {}),
    };
  } catch {
    return null;
  }
}
