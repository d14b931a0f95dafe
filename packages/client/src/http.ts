import { encodeQuery, type ErrorBody, type QueryNode } from '@consent-kit/contract';
import { ApiError, NetworkError, ResponseValidationError } from './errors.js';
import type { SchemaName, SchemaOutput } from './schemas.js';

type Validation = typeof import('./validation.js');
let validation: Promise<Validation> | undefined;
/** The zod half of the client, loaded once, on first need. */
const loadValidation = (): Promise<Validation> => (validation ??= import('./validation.js'));

export type Auth = { apiKey: string } | { accessToken: string } | { getAccessToken: () => Promise<string> };

export interface RetryOptions {
  /** Extra attempts after the first (default 3; 0 disables retries). */
  retries?: number;
  /** Base of the exponential backoff (default 250 ms). */
  baseDelayMs?: number;
  /** Cap of one backoff wait (default 10 s). */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the error is thrown instead (default 60 s). */
  maxRetryAfterMs?: number;
}

export interface ClientOptions {
  baseUrl: string;
  auth: Auth;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof fetch;
  retry?: RetryOptions;
  /** Aborts every request of this client. */
  signal?: AbortSignal;
  /** Validate responses with the contract's schemas (default true). */
  validateResponses?: boolean;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface IdempotentCallOptions extends CallOptions {
  /** Sent as `Idempotency-Key`; makes a POST safe to retry. */
  idempotencyKey?: string;
}

/** Query parameters of every paged list. `query` is Codat's query language, as text or a tree from `q`. */
export interface ListParams {
  page?: number;
  pageSize?: number;
  query?: string | QueryNode;
  /** `field` or `-field` (descending). */
  orderBy?: string;
}

type QueryValue = string | number | boolean | QueryNode | undefined;

export interface RequestSpec<S extends SchemaName | undefined> {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Name of the response schema (see schemas.ts). Omit for empty responses. */
  schema?: S;
  options?: IdempotentCallOptions;
}

const IDEMPOTENT = ['GET', 'HEAD', 'PUT', 'DELETE'];
const RETRY_STATUSES = [429, 502, 503, 504];

/** `encodeURIComponent` for path segments. */
export const seg = (value: string): string => encodeURIComponent(value);

function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    const encoded = key === 'query' || typeof value === 'object' ? encodeQuery(value as QueryNode | string) : encodeURIComponent(String(value));
    parts.push(`${encodeURIComponent(key)}=${encoded}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** `Retry-After`: delay-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** One signal for the client's and the call's signals (AbortSignal.any where available). */
function combine(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (!a || !b) return a ?? b;
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const controller = new AbortController();
  const forward = (source: AbortSignal) => () => controller.abort(source.reason);
  if (a.aborted || b.aborted) controller.abort((a.aborted ? a : b).reason);
  a.addEventListener('abort', forward(a), { once: true });
  b.addEventListener('abort', forward(b), { once: true });
  return controller.signal;
}

/** Waits, or rejects with the abort reason as soon as the signal fires. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class HttpCore {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly retries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  readonly validateResponses: boolean;

  constructor(private readonly options: ClientOptions) {
    if (!options.baseUrl) throw new TypeError('ConsentKitClient: baseUrl is required');
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    if (!options.fetch && typeof globalThis.fetch !== 'function') {
      throw new TypeError('ConsentKitClient: no fetch available; pass options.fetch');
    }
    // Unbound window.fetch throws "Illegal invocation" in browsers, so the global one is called through a wrapper.
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.retries = options.retry?.retries ?? 3;
    this.baseDelayMs = options.retry?.baseDelayMs ?? 250;
    this.maxDelayMs = options.retry?.maxDelayMs ?? 10_000;
    this.maxRetryAfterMs = options.retry?.maxRetryAfterMs ?? 60_000;
    this.validateResponses = options.validateResponses ?? true;
  }

  private async authorization(): Promise<string> {
    const auth = this.options.auth;
    if ('apiKey' in auth) return `Basic ${btoa(auth.apiKey)}`;
    if ('accessToken' in auth) return `Bearer ${auth.accessToken}`;
    return `Bearer ${await auth.getAccessToken()}`;
  }

  /** Full-jitter exponential backoff: a random wait in [0, min(max, base * 2^attempt)). */
  private backoff(attempt: number): number {
    return Math.random() * Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** attempt);
  }

  async request<S extends SchemaName | undefined = undefined>(
    spec: RequestSpec<S>,
  ): Promise<S extends SchemaName ? SchemaOutput<S> : void> {
    const url = `${this.baseUrl}${spec.path}${toQueryString(spec.query)}`;
    const signal = combine(this.options.signal, spec.options?.signal);
    const idempotencyKey = spec.options?.idempotencyKey;
    const canRetry = IDEMPOTENT.includes(spec.method) || idempotencyKey !== undefined;
    const headers: Record<string, string> = { Accept: 'application/json', ...this.options.headers };
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);

    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortReason(signal);
      const retriesLeft = canRetry && attempt < this.retries;
      let response: Response;
      try {
        headers.Authorization = await this.authorization();
        response = await this.fetchImpl(url, { method: spec.method, headers, body, signal });
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal);
        const failure = new NetworkError(spec.method, url, { cause: error });
        if (!retriesLeft) throw failure;
        await sleep(this.backoff(attempt), signal);
        continue;
      }

      if (response.ok) return (await this.readSuccess(spec, url, response)) as never;

      const error = await this.readError(spec.method, url, response);
      if (!retriesLeft || !RETRY_STATUSES.includes(response.status)) throw error;
      const honoured = response.status === 429 || response.status === 503 ? error.retryAfterMs : undefined;
      if (honoured !== undefined && honoured > this.maxRetryAfterMs) throw error;
      await sleep(honoured ?? this.backoff(attempt), signal);
    }
  }

  private async readSuccess<S extends SchemaName | undefined>(spec: RequestSpec<S>, url: string, response: Response) {
    const text = await response.text();
    if (!spec.schema) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ResponseValidationError(spec.method, url, response.status, 'the body is not JSON', text.slice(0, 500));
    }
    if (!this.validateResponses) return json;
    const result = (await loadValidation()).check(spec.schema, json);
    if (!result.ok) throw new ResponseValidationError(spec.method, url, response.status, result.problems, json);
    return result.data;
  }

  private async readError(method: string, url: string, response: Response): Promise<ApiError> {
    let text = '';
    try {
      text = await response.text();
    } catch {
      // The body could not be read (connection dropped): the status is still worth reporting.
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // Not JSON (a proxy's HTML page, say): keep the raw text.
    }
    const body: ErrorBody | undefined = json === undefined ? undefined : (await loadValidation()).parseErrorBody(json);
    return new ApiError({
      status: response.status,
      statusText: response.statusText,
      method,
      url,
      body,
      correlationId: response.headers.get('X-Correlation-Id') ?? undefined,
      retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
      rawBody: body ? undefined : text || undefined,
    });
  }
}
