import { createHash, randomBytes, randomUUID } from 'node:crypto';
import express, {
  type ErrorRequestHandler,
  type Express,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import {
  BUSINESS_NAME_TAG,
  businessNameKey,
  CreateCompanyRequest,
  toValidationItems,
  type Company,
  type ErrorBody,
  type ValidationItem,
} from '@consent-kit/contract';
import { CodatApi, UpstreamError } from './codat.js';
import { configFromEnv, INSIGHTS_PRODUCT, type InsightsConfig } from './config.js';
import { JsonStore, type DashboardUser } from './store.js';
import type { SessionView, SignInRequest } from '../src/shared/api-types.js';

export const SESSION_COOKIE = 'insights_session';
const SERVICE = 'insights';

export interface CreateAppOptions {
  config?: Partial<InsightsConfig>;
  store?: JsonStore;
  api?: CodatApi;
  /** Handlers that serve the frontend (static build or Vite middleware), mounted after the API routes. */
  frontend?: RequestHandler[];
}

interface ErrorExtra {
  validation?: ValidationItem[];
  canBeRetried?: boolean;
}

/** Codat-style error: `{statusCode, service, error, correlationId, validation?, canBeRetried}`, never a stack. */
export function errorBody(
  statusCode: number,
  error: string,
  extra: ErrorExtra = {},
  correlationId: string = randomUUID(),
): ErrorBody {
  return {
    statusCode,
    service: SERVICE,
    error,
    correlationId,
    canBeRetried: extra.canBeRetried ? 'true' : 'false',
    ...(extra.validation ? { validation: { errors: extra.validation, warnings: [] } } : {}),
  };
}

function sendError(res: Response, statusCode: number, error: string, extra: ErrorExtra = {}): void {
  res
    .status(statusCode)
    .json(errorBody(statusCode, error, extra, String(res.locals.correlationId ?? randomUUID())));
}

function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** The Content-Security-Policy of every page: only this origin and the API's (for reads and logos). */
export function contentSecurityPolicy(config: Pick<InsightsConfig, 'apiBaseUrl' | 'devCsp'>): string {
  const api = origin(config.apiBaseUrl);
  if (config.devCsp) {
    // Vite's dev server injects an inline React-refresh preamble and talks to its HMR websocket.
    return [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'",
      "style-src 'self' 'unsafe-inline'",
      `img-src 'self' ${api} data:`,
      `connect-src 'self' ${api} ws: wss:`,
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; ');
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' ${api} data:`,
    `connect-src 'self' ${api}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
}

/**
 * Insights' backend: demo sign-in by business name (finds or creates the Codat company that represents the
 * business and mints a company-scoped token for the browser), the public config the frontend needs, security
 * headers on everything it serves. It holds the API key; browsers only ever get company-scoped tokens.
 */
export function createApp(options: CreateAppOptions = {}): Express {
  const config: InsightsConfig = { ...configFromEnv(), ...options.config };
  const store = options.store ?? new JsonStore(config.dataDir);
  const api = options.api ?? new CodatApi(config.apiBaseUrl, config.apiKey);
  const csp = contentSecurityPolicy(config);
  const signInLocks = new Map<string, Promise<unknown>>();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.use((_req, res, next) => {
    res.locals.correlationId = randomUUID();
    res.setHeader('X-Correlation-Id', String(res.locals.correlationId));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Frame-Options', 'DENY');
    // Popups (ck-link's provider hand-off) keep their opener; other cross-origin windows cannot reach this one.
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin-allow-popups');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    next();
  });

  const api$ = express.Router();
  api$.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api$.use((req, res, next) => {
    // Only JSON bodies: a cross-site form cannot send one without a CORS preflight, which this API never allows.
    if (['POST', 'PUT', 'PATCH'].includes(req.method) && !req.is('application/json')) {
      sendError(res, 415, 'Send a JSON body with Content-Type: application/json.');
      return;
    }
    next();
  });
  api$.use(express.json({ limit: '8kb', strict: true }));

  const sessionOf = (req: Request): { user: DashboardUser; idHash: string } | undefined => {
    const id = readCookie(req, SESSION_COOKIE);
    if (!id || id.length > 200) return undefined;
    const idHash = hashSessionId(id);
    const data = store.read();
    const session = data.sessions.find((s) => s.idHash === idHash);
    if (!session || Date.parse(session.expiresAt) <= Date.now()) return undefined;
    const user = data.users.find((u) => u.id === session.userId);
    return user ? { user, idHash } : undefined;
  };

  /**
   * How the business is shown: its company's name as registered ("Bakery Ltd", not "bakery ltd") when that is the
   * business's name, else the name it signed in with (a company another product named otherwise, e.g. by merchant id).
   */
  const displayName = (company: Company, nameKey: string, signedInAs: string): string =>
    businessNameKey(company.name) === nameKey ? company.name : signedInAs;

  const view = async (user: DashboardUser, companyName: string): Promise<SessionView> => {
    const token = await api.accessToken(user.companyId);
    return {
      businessName: user.businessName,
      companyId: user.companyId,
      companyName,
      accessToken: token.accessToken,
      expiresIn: token.expiresIn,
      apiBaseUrl: config.apiBaseUrl,
      copayUrl: config.copayUrl,
      product: INSIGHTS_PRODUCT,
    };
  };

  api$.get('/health', (_req, res) => {
    res.json({ ok: true });
  });

  api$.get('/config', (_req, res) => {
    res.json({ apiBaseUrl: config.apiBaseUrl, copayUrl: config.copayUrl, product: INSIGHTS_PRODUCT });
  });

  api$.post('/session', async (req, res) => {
    const body = (req.body ?? {}) as Partial<SignInRequest>;
    const rawName =
      typeof body.businessName === 'string'
        ? body.businessName.trim().replace(/\s+/g, ' ')
        : body.businessName;
    const parsed = CreateCompanyRequest.safeParse({ name: rawName });
    if (!parsed.success) {
      const validation = toValidationItems(parsed.error).map((item) => ({
        ...item,
        itemId: 'businessName',
        message: (item.message ?? '').replace(/^name\b/, 'Business name'),
      }));
      sendError(res, 400, 'Enter your business name.', { validation });
      return;
    }
    const businessName = parsed.data.name;
    const key = businessNameKey(businessName);

    // One sign-in per business at a time, so two tabs never create two companies for the same business.
    const previous = signInLocks.get(key) ?? Promise.resolve();
    const work = previous
      .catch(() => undefined)
      .then(async () => {
        const existing = store.read().users.find((u) => u.nameKey === key);
        let company = existing ? await api.getCompany(existing.companyId) : undefined;
        // A business that started elsewhere (e.g. applied to Copay) is the same company: find it by name.
        company ??= await api.findCompanyByName(businessName);
        company ??= await api.createCompany({
          name: businessName,
          description: 'Business that signed up to the Insights dashboard',
          tags: { signedUpVia: INSIGHTS_PRODUCT, [BUSINESS_NAME_TAG]: key },
        });
        const now = new Date();
        const sessionId = randomBytes(32).toString('base64url');
        const user = await store.update((data) => {
          let record = data.users.find((u) => u.nameKey === key);
          if (!record) {
            record = {
              id: randomUUID(),
              businessName: displayName(company, key, businessName),
              nameKey: key,
              companyId: company.id,
              createdAt: now.toISOString(),
              lastSignInAt: now.toISOString(),
            };
            data.users.push(record);
          }
          record.companyId = company.id;
          record.lastSignInAt = now.toISOString();
          data.sessions = data.sessions.filter((s) => Date.parse(s.expiresAt) > now.getTime());
          data.sessions.push({
            idHash: hashSessionId(sessionId),
            userId: record.id,
            createdAt: now.toISOString(),
            expiresAt: new Date(now.getTime() + config.sessionTtlMs).toISOString(),
          });
          return { ...record };
        });
        return { user, sessionId, companyName: displayName(company, user.nameKey, user.businessName) };
      });
    signInLocks.set(key, work);
    try {
      const { user, sessionId, companyName } = await work;
      res.cookie(SESSION_COOKIE, sessionId, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        path: '/',
        maxAge: config.sessionTtlMs,
      });
      res.status(201).json(await view(user, companyName));
    } finally {
      if (signInLocks.get(key) === work) signInLocks.delete(key);
    }
  });

  api$.get('/session', async (req, res) => {
    const session = sessionOf(req);
    if (!session) {
      // Not signed in is a normal state for this page, not an error: 204, no body.
      res.status(204).end();
      return;
    }
    const company = await api.getCompany(session.user.companyId);
    if (!company) {
      // The company is gone (deleted, or a fresh mock server): the business must sign in again.
      await store.update((data) => {
        data.sessions = data.sessions.filter((s) => s.idHash !== session.idHash);
      });
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      res.status(204).end();
      return;
    }
    res.json(await view(session.user, displayName(company, session.user.nameKey, session.user.businessName)));
  });

  api$.delete('/session', async (req, res) => {
    const id = readCookie(req, SESSION_COOKIE);
    if (id) {
      const idHash = hashSessionId(id);
      await store.update((data) => {
        data.sessions = data.sessions.filter((s) => s.idHash !== idHash);
      });
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  api$.use((req, res) => {
    sendError(res, 404, `No such endpoint: ${req.method} ${req.baseUrl}${req.path}`);
  });

  app.use('/api', api$);
  for (const handler of options.frontend ?? []) app.use(handler);

  app.use((_req, res) => {
    sendError(res, 404, 'Not found.');
  });

  const onError: ErrorRequestHandler = (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const type = (err as { type?: string }).type;
    if (type === 'entity.parse.failed') {
      sendError(res, 400, 'The request body is not valid JSON.');
      return;
    }
    if (type === 'entity.too.large') {
      sendError(res, 413, 'The request body is too large.');
      return;
    }
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // http-errors from Express itself (missing static file, malformed URL): their messages are safe to show.
      sendError(res, status, status === 404 ? 'Not found.' : 'The request could not be understood.');
      return;
    }
    if (err instanceof UpstreamError) {
      console.warn(`insights: upstream error ${err.status}: ${err.message}`);
      sendError(res, 502, 'The data platform is unavailable right now. Try again in a moment.', {
        canBeRetried: true,
      });
      return;
    }
    console.error('insights: unexpected error', err);
    sendError(res, 500, 'Something went wrong on our side. Try again in a moment.', { canBeRetried: true });
  };
  app.use(onError);

  return app;
}
