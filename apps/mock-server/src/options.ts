import type { Profile } from '@consent-kit/contract';

/** The demo defaults every app, story and test in the monorepo relies on. */
export const DEMO_DEFAULTS = {
  port: 4010,
  /** A local test key: it only ever unlocks this mock. Never use it (or any key) in browser code. */
  apiKey: 'ck_test_local_only',
  profile: {
    name: 'Copay',
    redirectUrl: 'http://localhost:4020/connect/callback',
    whiteListUrls: [
      'http://localhost:4020/connect/callback',
      'http://localhost:4030/connect/callback',
      'http://localhost:6006/iframe.html',
    ],
  } satisfies Profile,
  corsOrigins: ['http://localhost:4020', 'http://localhost:4030', 'http://localhost:6006'],
  /** Delay between sync steps (Queued -> Fetching -> Complete) for demos. */
  syncStepMs: 1500,
  /** Company access tokens last a day, as Codat's. */
  tokenTtlSeconds: 86_400,
  /** Open banking consents (and so banking connections) expire after 90 days. */
  bankingConnectionDays: 90,
} as const;

export interface FaultRule {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Path pattern: exact path, or with `*` wildcards for one segment and `**` for the rest (`/companies/*`). */
  path: string;
  /** Extra latency in ms. */
  latencyMs?: number;
  /** Probability (0..1) of failing with `status` (default 500). */
  errorRate?: number;
  /** Status to fail with; 429 and 503 carry `Retry-After`. */
  status?: number;
  retryAfterSeconds?: number;
  /** Destroy the socket instead of answering. */
  drop?: boolean;
}

export interface WebhookRetryOptions {
  /** Attempts in total (first delivery included). Default 6. */
  maxAttempts?: number;
  /** Delay before the first retry; doubles each time. Default 1000 ms. */
  baseDelayMs?: number;
  /** Cap on a single delay. Default 60 000 ms. */
  maxDelayMs?: number;
  /** Jitter as a fraction of the delay (0..1): delay * (1 - jitter + 2 * jitter * random()). Default 0.2. */
  jitter?: number;
  /** Per-attempt timeout. Default 5000 ms. */
  timeoutMs?: number;
}

export interface WebhookTransportResult {
  status: number;
}
/** Sends one signed delivery; the default uses `fetch`. Tests can replace it. */
export type WebhookTransport = (
  url: string,
  init: { headers: Record<string, string>; body: string; timeoutMs: number },
) => Promise<WebhookTransportResult>;

export interface MockServerOptions {
  /** Port to listen on (`startMockServer` only). 0 picks a free port. Env `PORT`, default 4010. */
  port?: number;
  /** Host to bind (`startMockServer` only). Env `HOST`, default 127.0.0.1. */
  host?: string;
  /** Absolute URL the server is reachable at, used in `redirect`, `linkUrl`, logo URLs. Env `PUBLIC_URL`. */
  publicUrl?: string;
  /** Server-to-server API key (Basic auth). Env `MOCK_API_KEY`. */
  apiKey?: string;
  /** The client profile: name, redirect URL and the exact redirect allowlist. */
  profile?: Profile;
  /** Browser origins allowed by CORS (never `*`). Env `CORS_ORIGINS` (comma separated). */
  corsOrigins?: string[];
  /** Delay between sync steps. 0 completes syncs synchronously (tests). Env `SYNC_STEP_MS`. */
  syncStepMs?: number;
  tokenTtlSeconds?: number;
  bankingConnectionDays?: number;
  /** Enables `/_mock/clock` and `/_mock/reset`. Env `MOCK_TEST_ENDPOINTS=1`. Default off (on in the CLI unless `--production`). */
  enableTestEndpoints?: boolean;
  /** Fault injection: the `X-Mock-Fault` header and configured rules. Env `MOCK_FAULTS=0` disables. Default on. */
  faults?: { enabled?: boolean; rules?: FaultRule[] };
  /** Simple fixed-window rate limit per credential; off unless set. */
  rateLimit?: { windowMs: number; max: number };
  /** Persist state to this JSON file (atomic writes). Env `MOCK_DATA_FILE`. In memory when unset. */
  dataFile?: string;
  /** Seed scenario to load on an empty store: `empty` | `demo` | `expired-bank` | ... (see README). */
  seed?: string;
  webhooks?: WebhookRetryOptions & { transport?: WebhookTransport; random?: () => number };
  /** Start the clock at this instant (ISO string or ms); the clock then runs in real time. */
  now?: string | number;
  /** Log one line per request to stdout. */
  logRequests?: boolean;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  publicUrl: string | undefined;
  apiKey: string;
  profile: Profile;
  corsOrigins: string[];
  syncStepMs: number;
  tokenTtlSeconds: number;
  bankingConnectionDays: number;
  enableTestEndpoints: boolean;
  faults: { enabled: boolean; rules: FaultRule[] };
  rateLimit: { windowMs: number; max: number } | undefined;
  dataFile: string | undefined;
  seed: string | undefined;
  webhooks: Required<WebhookRetryOptions> & { transport: WebhookTransport | undefined; random: () => number };
  now: number | undefined;
  logRequests: boolean;
}

function envNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got "${raw}"`);
  return n;
}

function envFlag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  return /^(1|true|yes|on)$/i.test(raw);
}

/**
 * Options win over environment variables, which win over the defaults. `env` is only read by the CLI and
 * `startMockServer`; `createApp` in tests passes `{}` to stay hermetic.
 */
export function resolveOptions(
  options: MockServerOptions = {},
  env: NodeJS.ProcessEnv = {},
): ResolvedOptions {
  const corsFromEnv = env.CORS_ORIGINS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const origins = options.corsOrigins ?? corsFromEnv ?? [...DEMO_DEFAULTS.corsOrigins];
  if (origins.includes('*')) throw new Error('CORS origins must be listed explicitly; "*" is not allowed');
  const now = options.now ?? env.MOCK_NOW;
  return {
    port: options.port ?? envNumber(env, 'PORT') ?? DEMO_DEFAULTS.port,
    host: options.host ?? env.HOST ?? '127.0.0.1',
    publicUrl: (options.publicUrl ?? env.PUBLIC_URL)?.replace(/\/+$/, ''),
    apiKey: options.apiKey ?? env.MOCK_API_KEY ?? DEMO_DEFAULTS.apiKey,
    profile: options.profile ?? {
      ...DEMO_DEFAULTS.profile,
      whiteListUrls: [...DEMO_DEFAULTS.profile.whiteListUrls],
    },
    corsOrigins: origins,
    syncStepMs: options.syncStepMs ?? envNumber(env, 'SYNC_STEP_MS') ?? DEMO_DEFAULTS.syncStepMs,
    tokenTtlSeconds:
      options.tokenTtlSeconds ?? envNumber(env, 'TOKEN_TTL_SECONDS') ?? DEMO_DEFAULTS.tokenTtlSeconds,
    bankingConnectionDays:
      options.bankingConnectionDays ??
      envNumber(env, 'BANKING_CONNECTION_DAYS') ??
      DEMO_DEFAULTS.bankingConnectionDays,
    enableTestEndpoints: options.enableTestEndpoints ?? envFlag(env, 'MOCK_TEST_ENDPOINTS') ?? false,
    faults: {
      enabled: options.faults?.enabled ?? envFlag(env, 'MOCK_FAULTS') ?? true,
      rules: options.faults?.rules ?? [],
    },
    rateLimit: options.rateLimit,
    dataFile: options.dataFile ?? env.MOCK_DATA_FILE,
    seed: options.seed ?? env.MOCK_SEED,
    webhooks: {
      maxAttempts: options.webhooks?.maxAttempts ?? 6,
      baseDelayMs: options.webhooks?.baseDelayMs ?? 1000,
      maxDelayMs: options.webhooks?.maxDelayMs ?? 60_000,
      jitter: options.webhooks?.jitter ?? 0.2,
      timeoutMs: options.webhooks?.timeoutMs ?? 5000,
      transport: options.webhooks?.transport,
      random: options.webhooks?.random ?? Math.random,
    },
    now: now === undefined ? undefined : typeof now === 'number' ? now : Date.parse(now),
    logRequests: options.logRequests ?? false,
  };
}
