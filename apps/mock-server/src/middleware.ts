import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError, errorBody, sendError } from './errors.js';
import type { Domain } from './domain.js';
import type { FaultRule } from './options.js';

export type Auth = { kind: 'apiKey' } | { kind: 'token'; companyId: string; token: string };

/** The raw JSON body, kept by the JSON parser for idempotency hashing. */
export type RawBodyRequest = Request & { rawBody?: Buffer };

export function auth(res: Response): Auth {
  return res.locals.auth as Auth;
}

/** The security headers every response carries (the hosted pages and `/docs` widen their CSP). */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

/** The id a response and its error body carry, for support. */
export const newCorrelationId = (): string => randomBytes(16).toString('hex');

/** Correlation id on every response (header and error bodies) and the security headers. */
export function baseHeaders(): RequestHandler {
  return (req, res, next) => {
    const correlationId = newCorrelationId();
    res.locals.correlationId = correlationId;
    res.setHeader('X-Correlation-Id', correlationId);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    next();
  };
}

export function requestLogger(): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      process.stdout.write(`${req.method} ${req.originalUrl} ${res.statusCode} ${ms.toFixed(1)}ms\n`);
    });
    next();
  };
}

const CORS_ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-Mock-Fault';
const CORS_EXPOSED_HEADERS = 'Retry-After, X-Correlation-Id, Idempotent-Replayed';

/** CORS for the configured origins only (`/corsSettings`); never `*`. A preflight from another origin gets 403. */
export function cors(domain: Domain): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (!origin) return next();
    res.append('Vary', 'Origin');
    const allowed = domain.store.corsOrigins.includes(origin);
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS);
    }
    if (!preflight) return next();
    if (!allowed)
      return sendError(res, new ApiError(403, `Origin ${origin} is not allowed by the CORS settings`));
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
    res.setHeader('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}

function safeEqual(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

/** Routes a company access token may use: its own company's resources and the read-only catalogue. */
const TOKEN_CATALOGUE = /^\/(integrations(\/[^/]+(\/branding)?)?|profile|products(\/[^/]+)?)\/?$/;
const COMPANY_PATH = /^\/companies\/([^/]+)(\/.*)?$/;

/**
 * `Authorization: Basic <base64 api key>` (server to server; `key:` with an empty password also works) or
 * `Authorization: Bearer <company access token>` (browsers). Missing/wrong credentials: 401. A token outside its
 * company, or on an API-key-only endpoint: 403.
 */
export function authenticate(domain: Domain): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const [scheme, value = ''] = header.split(/\s+/, 2);
    if (/^basic$/i.test(scheme ?? '')) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const key = decoded.endsWith(':') ? decoded.slice(0, -1) : decoded;
      if (key && safeEqual(key, domain.options.apiKey)) {
        res.locals.auth = { kind: 'apiKey' } satisfies Auth;
        return next();
      }
      return sendError(res, new ApiError(401, 'Unauthorized: the API key is not valid'));
    }
    if (/^bearer$/i.test(scheme ?? '') && value) {
      const token = domain.store.tokens.get(value);
      if (!token) return sendError(res, new ApiError(401, 'Unauthorized: the access token is not valid'));
      if (token.expiresAt <= domain.clock.now()) {
        return sendError(res, new ApiError(401, 'Unauthorized: the access token has expired'));
      }
      res.locals.auth = { kind: 'token', companyId: token.companyId, token: value } satisfies Auth;
      const path = req.path;
      if (req.method === 'GET' && TOKEN_CATALOGUE.test(path)) return next();
      const match = COMPANY_PATH.exec(path);
      if (!match)
        return sendError(
          res,
          new ApiError(
            403,
            'A company access token cannot use this endpoint; use the API key from your server',
          ),
        );
      if (match[1] !== token.companyId) {
        return sendError(res, new ApiError(403, 'The access token is not valid for this company'));
      }
      const rest = match[2] ?? '';
      const forbidden =
        (rest === '' || rest === '/') && req.method !== 'GET'
          ? true
          : /^\/(accessToken|connectionManagement\/accessToken)\/?$/.test(rest) || /^\/products\//.test(rest);
      if (forbidden)
        return sendError(
          res,
          new ApiError(
            403,
            'A company access token cannot use this endpoint; use the API key from your server',
          ),
        );
      return next();
    }
    return sendError(
      res,
      new ApiError(401, 'Unauthorized: send an API key (Basic) or a company access token (Bearer)'),
    );
  };
}

function credentialScope(res: Response): string {
  const a = auth(res);
  return a.kind === 'apiKey' ? 'apiKey' : `company:${a.companyId}`;
}

/** A fixed-window rate limit per credential, when configured: 429 with `Retry-After`. */
export function rateLimit(config: { windowMs: number; max: number } | undefined): RequestHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return (req, res, next) => {
    if (!config) return next();
    const key = credentialScope(res);
    const now = Date.now();
    let window = windows.get(key);
    if (!window || now - window.start >= config.windowMs) {
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count++;
    if (window.count > config.max) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.start + config.windowMs - now) / 1000));
      return sendError(res, new ApiError(429, undefined, { retryAfterSeconds }));
    }
    next();
  };
}

/** Before a mutating request is acknowledged, the data file holds its effect (synchronous atomic write). */
export function persistBeforeReply(domain: Domain): RequestHandler {
  return (req, res, next) => {
    if (!domain.store.file || req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS')
      return next();
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      try {
        domain.store.save();
      } catch (error) {
        process.stderr.write(
          `consent-kit mock: could not write the data file: ${(error as Error).message}\n`,
        );
      }
      return end(...args);
    }) as Response['end'];
    next();
  };
}

const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

/**
 * `Idempotency-Key` on POST: the same key with the same body replays the first response (`Idempotent-Replayed:
 * true`); with a different body it is a 422; while the first request is still being handled it is a 409. Server
 * errors (5xx) and dropped connections release the key so the request can be retried.
 */
export function idempotency(domain: Domain): RequestHandler {
  return (req, res, next) => {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || typeof key !== 'string') return next();
    if (key.length < 1 || key.length > 255) {
      return sendError(
        res,
        ApiError.invalid('Idempotency-Key', 'Idempotency-Key must be 1 to 255 characters', 'idempotencyKey'),
      );
    }
    const store = domain.store.idempotency;
    const scopedKey = `${credentialScope(res)} ${req.path} ${key}`;
    const bodyHash = createHash('sha256')
      .update((req as RawBodyRequest).rawBody ?? Buffer.alloc(0))
      .digest('hex');
    const now = Date.now();
    const existing = store.get(scopedKey);
    if (existing && now - existing.createdAt < IDEMPOTENCY_TTL_MS) {
      if (existing.bodyHash !== bodyHash) {
        return sendError(
          res,
          new ApiError(422, 'This Idempotency-Key was already used with a different request body'),
        );
      }
      if (existing.state === 'in-flight') {
        return sendError(
          res,
          new ApiError(409, 'A request with this Idempotency-Key is still being processed; retry later', {
            retryAfterSeconds: 1,
          }),
        );
      }
      res.setHeader('Idempotent-Replayed', 'true');
      if (existing.contentType) res.setHeader('Content-Type', existing.contentType);
      res.status(existing.status);
      return existing.body === null ? res.end() : res.end(existing.body);
    }
    for (const [k, row] of store) if (now - row.createdAt >= IDEMPOTENCY_TTL_MS) store.delete(k);
    const row = {
      key: scopedKey,
      bodyHash,
      state: 'in-flight' as 'in-flight' | 'done',
      status: 0,
      body: null as string | null,
      contentType: null as string | null,
      createdAt: now,
    };
    store.set(scopedKey, row);
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      const chunk = args[0];
      if (res.statusCode >= 500) {
        store.delete(scopedKey);
      } else {
        row.state = 'done';
        row.status = res.statusCode;
        row.body = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : null;
        const type = res.getHeader('Content-Type');
        row.contentType = type === undefined ? null : String(type);
      }
      return end(...args);
    }) as Response['end'];
    res.on('close', () => {
      if (row.state === 'in-flight') store.delete(scopedKey);
    });
    next();
  };
}

interface Fault {
  status?: number;
  retryAfterSeconds?: number;
  latencyMs?: number;
  drop?: boolean;
}

/** Parses `X-Mock-Fault: status=503;retryAfter=1`, `latency=200`, `drop` (combinable with `;`). */
export function parseFaultHeader(value: string): Fault {
  const fault: Fault = {};
  for (const part of value
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, raw = ''] = part.split('=', 2).map((s) => s.trim()) as [string, string?];
    const n = Number(raw);
    switch (name.toLowerCase()) {
      case 'status':
        if (!Number.isInteger(n) || n < 400 || n > 599)
          throw new Error('status must be an HTTP error status (400-599)');
        fault.status = n;
        break;
      case 'retryafter':
        if (!Number.isInteger(n) || n < 0) throw new Error('retryAfter must be a whole number of seconds');
        fault.retryAfterSeconds = n;
        break;
      case 'latency':
        if (!Number.isFinite(n) || n < 0 || n > 60_000) throw new Error('latency must be 0-60000 ms');
        fault.latencyMs = n;
        break;
      case 'drop':
        fault.drop = true;
        break;
      default:
        throw new Error(`unknown fault "${name}" (use status, retryAfter, latency, drop)`);
    }
  }
  return fault;
}

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('/')
    .map((segment) =>
      segment === '**' ? '.*' : segment === '*' ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

/**
 * Fault injection for demos and tests: the `X-Mock-Fault` header and configured per-route rules (latency, error
 * rate with a status, dropped connections). Only when faults are enabled.
 */
export function faults(domain: Domain): RequestHandler {
  const { enabled, rules } = domain.options.faults;
  const compiled = rules.map((rule: FaultRule) => ({ rule, regex: patternToRegExp(rule.path) }));
  return (req, res, next) => {
    if (!enabled) return next();
    const fault: Fault = {};
    for (const { rule, regex } of compiled) {
      if (rule.method && rule.method.toUpperCase() !== req.method) continue;
      if (!regex.test(req.path)) continue;
      if (rule.latencyMs) fault.latencyMs = (fault.latencyMs ?? 0) + rule.latencyMs;
      const hit =
        rule.errorRate === undefined
          ? rule.status !== undefined || rule.drop === true
          : Math.random() < rule.errorRate;
      if (hit) {
        if (rule.drop) fault.drop = true;
        else {
          fault.status = rule.status ?? 500;
          if (rule.retryAfterSeconds !== undefined) fault.retryAfterSeconds = rule.retryAfterSeconds;
        }
      }
    }
    const header = req.headers['x-mock-fault'];
    if (typeof header === 'string' && header.trim()) {
      try {
        Object.assign(fault, parseFaultHeader(header));
      } catch (error) {
        return sendError(
          res,
          ApiError.invalid('X-Mock-Fault', `X-Mock-Fault: ${(error as Error).message}`, 'fault'),
        );
      }
    }
    const apply = () => {
      if (fault.drop) {
        req.socket.destroy();
        return;
      }
      if (fault.status !== undefined) {
        const retryAfterSeconds =
          fault.retryAfterSeconds ?? (fault.status === 429 || fault.status === 503 ? 1 : undefined);
        return sendError(
          res,
          new ApiError(fault.status, undefined, retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
        );
      }
      next();
    };
    if (fault.latencyMs) {
      const timer = setTimeout(apply, fault.latencyMs);
      res.on('close', () => clearTimeout(timer));
    } else apply();
  };
}

/** The last handler: every error becomes a Codat error body, never a stack trace. */
export function errorHandler(): (error: unknown, req: Request, res: Response, next: NextFunction) => void {
  return (error, req, res, _next) => {
    if (error instanceof ApiError) return sendError(res, error);
    const status =
      (error as { status?: number; statusCode?: number }).status ??
      (error as { statusCode?: number }).statusCode;
    const type = (error as { type?: string }).type;
    if (type === 'entity.parse.failed')
      return sendError(res, new ApiError(400, 'The request body is not valid JSON'));
    if (type === 'entity.too.large')
      return sendError(res, new ApiError(413, 'The request body is larger than the 100 kB limit'));
    if (type === 'encoding.unsupported' || type === 'charset.unsupported')
      return sendError(res, new ApiError(415, 'Unsupported body encoding or charset'));
    if (typeof status === 'number' && status >= 400 && status < 500)
      return sendError(res, new ApiError(status));
    process.stderr.write(
      `consent-kit mock: unexpected error on ${req.method} ${req.originalUrl}: ${String((error as Error)?.stack ?? error)}\n`,
    );
    if (res.headersSent) return void res.end();
    res.status(500).json(errorBody(500, String(res.locals.correlationId ?? '')));
  };
}
