/**
 * Connected stories: elements with a real `client` + `companyId`, talking to the local mock API.
 *
 * The Storybook bundle never holds an API key. A connected story asks a token endpoint for a company-scoped access
 * token (`GET /companies/{id}/accessToken` done server-side with the key) and builds a `ConsentKitClient` with it:
 *
 *   GET <endpoint>?company=fresh|demo
 *   -> 200 { apiBaseUrl, companyId, companyName?, accessToken, expiresIn? }   (CORS: the Storybook origin)
 *
 * The endpoint is, in order: the one the story tests start (.storybook/vitest.global-setup.ts, next to a real mock
 * server), `STORYBOOK_CK_TOKEN_ENDPOINT` at build time, or the Copay demo backend's
 * http://localhost:4020/api/demo/token (`pnpm demo`). When none answers, the story says how to start the demo.
 */
import type { Loader } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ConsentKitClient } from '../packages/client/src/index.js';

declare global {
  // Set by .storybook/vitest.setup.ts in the story tests.
  var __CK_STORYBOOK_TOKEN_ENDPOINT__: string | undefined;
}

export const DEMO_TOKEN_ENDPOINT = 'http://localhost:4020/api/demo/token';

/** Which company the token is for: a new empty one, or the demo's company with its connections and consents. */
export type DemoCompany = 'fresh' | 'demo';

export interface ConnectedSession {
  client: ConsentKitClient;
  companyId: string;
  companyName: string;
  apiBaseUrl: string;
}

export type Connected = { session: ConnectedSession } | { unavailable: string; endpoint: string };

export function tokenEndpoint(): string {
  return (
    globalThis.__CK_STORYBOOK_TOKEN_ENDPOINT__ ??
    (import.meta.env.STORYBOOK_CK_TOKEN_ENDPOINT as string | undefined) ??
    DEMO_TOKEN_ENDPOINT
  );
}

/** In the story tests a missing mock server is a failure, not a message. */
const required = () => Boolean(globalThis.__CK_STORYBOOK_TOKEN_ENDPOINT__);

interface TokenResponse {
  apiBaseUrl: string;
  companyId: string;
  companyName?: string;
  accessToken: string;
}

function isTokenResponse(value: unknown): value is TokenResponse {
  const v = value as Partial<TokenResponse> | null;
  return (
    typeof v?.apiBaseUrl === 'string' &&
    /^https?:\/\//.test(v.apiBaseUrl) &&
    typeof v.companyId === 'string' &&
    typeof v.accessToken === 'string'
  );
}

/** Fetches a company-scoped token and builds a client. Never throws outside the tests: returns the reason. */
export async function connect(company: DemoCompany): Promise<Connected> {
  const endpoint = tokenEndpoint();
  try {
    const url = new URL(endpoint);
    url.searchParams.set('company', company);
    const response = await fetch(url, { signal: AbortSignal.timeout(4000), credentials: 'omit' });
    if (!response.ok) throw new Error(`${endpoint} answered ${response.status}`);
    const body: unknown = await response.json();
    if (!isTokenResponse(body))
      throw new Error(`${endpoint} did not return { apiBaseUrl, companyId, accessToken }`);
    const client = new ConsentKitClient({
      baseUrl: body.apiBaseUrl,
      auth: { accessToken: body.accessToken },
    });
    return {
      session: {
        client,
        companyId: body.companyId,
        companyName: body.companyName ?? 'Demo company',
        apiBaseUrl: body.apiBaseUrl,
      },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (required())
      throw new Error(`connected story: no token from ${endpoint}: ${reason}`, { cause: error });
    return { unavailable: reason, endpoint };
  }
}

/** A story loader: `loaders: [connectedLoader('fresh')]`, then `loaded.connected` in render and play. */
export const connectedLoader =
  (company: DemoCompany): Loader =>
  async () => ({ connected: await connect(company) });

/** What a connected story shows when the demo is not running. */
export function notRunning(connected: Extract<Connected, { unavailable: string }>): TemplateResult {
  return html`<section class="ck-sb-callout" role="note" aria-labelledby="ck-sb-callout-title">
    <h2 id="ck-sb-callout-title">Start the mock server with <code>pnpm demo</code></h2>
    <p>
      This story talks to the local mock API. It gets a company-scoped access token from the Copay demo
      backend (<code>${connected.endpoint}</code>) — Storybook never holds an API key. Run
      <code>pnpm demo</code> at the root of the repository, then reload this story.
    </p>
    <p class="ck-sb-callout-reason">Could not get a token: ${connected.unavailable}</p>
  </section>`;
}

/** Renders `story(session)` when connected, the "start the demo" note otherwise. */
export function renderConnected(
  connected: Connected | undefined,
  story: (session: ConnectedSession) => TemplateResult,
): TemplateResult {
  if (!connected)
    return notRunning({ unavailable: 'the story has no connected loader', endpoint: tokenEndpoint() });
  return 'session' in connected ? story(connected.session) : notRunning(connected);
}
