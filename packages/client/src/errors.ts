import type { ErrorBody } from '@consent-kit/contract';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Statuses worth retrying when the server does not say otherwise. */
export const RETRYABLE_STATUSES: readonly number[] = [408, 429, 502, 503, 504];

export interface ApiErrorInit {
  status: number;
  statusText?: string;
  method: string;
  url: string;
  body?: ErrorBody;
  correlationId?: string;
  retryAfterMs?: number;
  /** The raw response text when it was not a Codat error body. */
  rawBody?: string;
}

/**
 * A non-2xx response. `body` is the parsed Codat error body when the server sent one; the message reads like
 * `409 Conflict: A company can have only one accounting connection (correlationId 7f3a...)`.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly statusText: string;
  readonly method: string;
  readonly url: string;
  readonly body: ErrorBody | undefined;
  readonly correlationId: string | undefined;
  /** Whether trying again may help: the server's `canBeRetried`, or for `Unknown`/absent, the status. */
  readonly canBeRetried: boolean;
  /** From `Retry-After` (seconds or an HTTP date), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  readonly rawBody: string | undefined;

  constructor(init: ApiErrorInit) {
    const statusText = init.statusText || REASONS[init.status] || 'Error';
    const detail = init.body?.error || init.rawBody?.slice(0, 200) || `${init.method} ${init.url} failed`;
    const correlationId = init.body?.correlationId || init.correlationId;
    super(`${init.status} ${statusText}: ${detail}${correlationId ? ` (correlationId ${correlationId})` : ''}`);
    this.status = init.status;
    this.statusText = statusText;
    this.method = init.method;
    this.url = init.url;
    this.body = init.body;
    this.correlationId = correlationId;
    this.retryAfterMs = init.retryAfterMs;
    this.rawBody = init.rawBody;
    const flag = init.body?.canBeRetried?.toLowerCase();
    this.canBeRetried = flag === 'true' ? true : flag === 'false' ? false : RETRYABLE_STATUSES.includes(init.status);
  }

  /** Codat validation messages (`validation.errors[].message`), if any. */
  get validationErrors(): string[] {
    return (this.body?.validation?.errors ?? []).map((item) => item.message ?? item.itemId ?? '').filter(Boolean);
  }
}

/** The request never produced a response (DNS, refused connection, reset, CORS failure in a browser). */
export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(
    readonly method: string,
    readonly url: string,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`${method} ${url} failed: ${reason}`, options);
  }
}

/** A 2xx response whose body is not the shape the contract says (or not JSON at all). */
export class ResponseValidationError extends Error {
  override name = 'ResponseValidationError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    /** Readable list of problems, e.g. `results.0.status must be one of "PendingAuth", ...`. */
    readonly problems: string,
    readonly body: unknown,
  ) {
    super(`${method} ${url} returned an unexpected response (${status}): ${problems}`);
  }
}
