import { createHash, randomBytes, randomUUID } from 'node:crypto';
import express, {
  type Express,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { BUSINESS_NAME_TAG, businessNameKey, type Connection, type ErrorBody } from '@consent-kit/contract';
import { GatewayError, type CodatGateway } from './codat.js';
import type { Store, StoreData } from './store.js';
import {
  APPLICATION_STATUSES,
  INDUSTRIES,
  LENDING_PRODUCT,
  LOAN_AMOUNT_MAX,
  LOAN_AMOUNT_MIN,
  LOAN_PURPOSES,
  LOAN_TERMS_MONTHS,
} from '../shared/options.js';
import type { Applicant, Application, ApplicationConnection, ApplicationView } from '../shared/types.js';
import { validateApplicant } from '../shared/validation.js';
import { computeSummary, SummaryNotReadyError } from './summary.js';
import { demoTokenRouter, type DemoTokenOptions } from './demo-token.js';
import { errorBody, HttpError } from './errors.js';
import { webhookReceiver } from './webhooks.js';

export interface CopayOptions {
  gateway: CodatGateway;
  store: Store;
  /**
   * Request handlers for the frontend, mounted after the API: static files of the Vite build (start) or Vite's
   * middleware (dev).
   */
  frontend?: RequestHandler[];
  /** Dev mode (Vite middleware, HMR): relaxes the CSP that Vite's client needs. */
  dev?: boolean;
  /** Sets `Secure` on the session cookie (behind https). */
  secureCookies?: boolean;
  /** Demo only: the token endpoint for Storybook's connected stories (off unless given). */
  demoTokens?: DemoTokenOptions;
}

const SESSION_COOKIE = 'copay_session';
const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** The Content-Security-Policy of every page: only Copay's own code, and the API's origin for data and logos. */
export function contentSecurityPolicy(apiOrigin: string, dev = false): string {
  const api = apiOrigin.replace(/\/+$/, '');
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    // Vite's dev client injects <style> elements for CSS modules; the built app only uses stylesheet files and
    // constructable stylesheets.
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    `img-src 'self' ${api} data:`,
    dev ? `connect-src 'self' ${api} ws: wss:` : `connect-src 'self' ${api}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (!dev) directives.push("require-trusted-types-for 'script'");
  return directives.join('; ');
}

function toApplicationConnection(
  connection: Connection,
  previous?: ApplicationConnection,
): ApplicationConnection {
  return {
    id: connection.id,
    platformName: connection.platformName,
    sourceType: connection.sourceType,
    status: connection.status,
    connectedAt: previous?.connectedAt ?? new Date().toISOString(),
  };
}

/** Copay's backend: the applicant's records, company-scoped tokens for the browser, and the application summary. */
export function createApp(options: CopayOptions): Express {
  const { gateway, store } = options;
  const apiOrigin = new URL(gateway.baseUrl).origin;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(apiOrigin, options.dev));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    next();
  });

  const api = express.Router();
  api.use((req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    // Cross-site requests never change anything: state-changing calls must come from Copay's own pages.
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const origin = req.get('origin');
      if (origin && origin !== `${req.protocol}://${req.get('host') ?? ''}`)
        throw new HttpError(403, 'Cross-site requests are not allowed.');
      const hasBody =
        req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';
      if (hasBody && !req.is('application/json'))
        throw new HttpError(415, 'Send the request body as application/json.');
    }
    next();
  });
  api.use(express.json({ limit: '16kb' }));

  async function findSession(
    req: Request,
  ): Promise<{ data: StoreData; applicant: Applicant; application: Application } | null> {
    const token = readCookie(req, SESSION_COOKIE);
    if (!token) return null;
    const data = await store.read();
    const session = data.sessions.find((s) => s.tokenHash === hash(token));
    const applicant = session && data.applicants.find((a) => a.id === session.applicantId);
    const application = applicant && data.applications.find((a) => a.applicantId === applicant.id);
    return applicant && application ? { data, applicant, application } : null;
  }

  async function requireSession(req: Request) {
    const found = await findSession(req);
    if (!found)
      throw new HttpError(401, 'Start an application first: there is no application for this browser.');
    return found;
  }

  async function saveApplication(
    id: string,
    change: (application: Application, data: StoreData) => void,
  ): Promise<Application> {
    return store.update((data) => {
      const application = data.applications.find((a) => a.id === id);
      if (!application) throw new HttpError(404, 'The application no longer exists.');
      change(application, data);
      application.updatedAt = new Date().toISOString();
      return structuredClone(application);
    });
  }

  /**
   * The applicant's Codat company: named with the merchant id, and tagged with the business name, by which Insights
   * (the same lender's dashboard) finds this business.
   */
  function createApplicantCompany(merchantId: string, businessName: string) {
    return gateway.createCompany({
      name: merchantId,
      description: `Copay applicant: ${businessName}`,
      tags: { merchantId, app: 'copay', [BUSINESS_NAME_TAG]: businessNameKey(businessName) },
    });
  }

  /**
   * Makes sure the applicant's Codat company exists (a restarted mock forgets it): creates a new one and forgets the
   * old connections when it is gone.
   */
  async function ensureCompany(applicant: Applicant, application: Application): Promise<string> {
    if (await gateway.getCompany(applicant.companyId)) return applicant.companyId;
    const company = await createApplicantCompany(applicant.id, applicant.businessName);
    await store.update((data) => {
      const a = data.applicants.find((x) => x.id === applicant.id);
      if (a) a.companyId = company.id;
      const app = data.applications.find((x) => x.id === application.id);
      if (app) {
        app.connections = [];
        app.consentId = null;
        app.summary = null;
        app.submittedAt = null;
        app.status = 'connecting';
      }
    });
    return company.id;
  }

  /** Refreshes the stored connections' statuses from the API (an open-banking one may have expired). */
  async function refreshConnections(applicant: Applicant, application: Application): Promise<Application> {
    let live: Connection[];
    try {
      live = await gateway.listConnections(applicant.companyId);
    } catch (error) {
      if (error instanceof GatewayError && error.status === 404) return application;
      throw error;
    }
    const known = new Map(application.connections.map((c) => [c.id, c]));
    const changed =
      live.some((c) => known.has(c.id) && known.get(c.id)?.status !== c.status) ||
      live.some((c) => !known.has(c.id) && c.status === 'Linked') ||
      application.connections.some((c) => !live.find((l) => l.id === c.id));
    if (!changed) return application;
    return saveApplication(application.id, (app) => {
      app.connections = live
        .filter((c) => known.has(c.id) || c.status === 'Linked')
        .map((c) => toApplicationConnection(c, known.get(c.id)));
    });
  }

  function view(applicant: Applicant, application: Application): ApplicationView {
    return { applicant, application };
  }

  /** Form options, so the page and the server agree on the lists. */
  api.get('/options', (_req, res) => {
    res.json({
      industries: INDUSTRIES,
      loanPurposes: LOAN_PURPOSES,
      loanTermsMonths: LOAN_TERMS_MONTHS,
      loanAmount: { min: LOAN_AMOUNT_MIN, max: LOAN_AMOUNT_MAX },
      statuses: APPLICATION_STATUSES,
    });
  });

  /** Sign-up: stores the applicant, creates their Codat company (named with Copay's merchant id). */
  api.post('/applicants', async (req, res) => {
    const result = validateApplicant(req.body);
    if (!result.ok) {
      const count = result.errors.length;
      throw new HttpError(
        400,
        `There ${count === 1 ? 'is 1 problem' : `are ${count} problems`} with your details.`,
        result.errors,
      );
    }
    const input = result.value;
    const merchantId = await store.update((data) => {
      const id = `CPY-${String(data.nextMerchantNumber).padStart(6, '0')}-${randomBytes(2).toString('hex').toUpperCase()}`;
      data.nextMerchantNumber += 1;
      return id;
    });
    const company = await createApplicantCompany(merchantId, input.businessName);
    const now = new Date().toISOString();
    const token = randomBytes(32).toString('base64url');
    const applicant: Applicant = {
      id: merchantId,
      businessName: input.businessName,
      registrationNumber: input.registrationNumber,
      industry: input.industry,
      contactName: input.contactName,
      email: input.email,
      phone: input.phone,
      companyId: company.id,
      createdAt: now,
    };
    const application: Application = {
      id: randomUUID(),
      applicantId: merchantId,
      status: 'connecting',
      loanAmount: input.loanAmount,
      termMonths: input.termMonths,
      purpose: input.purpose,
      connections: [],
      consentId: null,
      summary: null,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      activity: [],
      dataRefreshedAt: null,
    };
    await store.update((data) => {
      data.applicants.push(applicant);
      data.applications.push(application);
      data.sessions.push({ tokenHash: hash(token), applicantId: merchantId, createdAt: now });
    });
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookies ?? false,
      path: '/',
      maxAge: SESSION_MAX_AGE_S * 1000,
    });
    res.status(201).json(view(applicant, application));
  });

  /** The current applicant and application (connection statuses refreshed from the API); 204 when there is none. */
  api.get('/me', async (req, res) => {
    const found = await findSession(req);
    // No application in this browser yet: not an error for the pages, so no 401 in the console.
    if (!found) return void res.status(204).end();
    const { applicant, application } = found;
    const [refreshed, consents] = await Promise.all([
      refreshConnections(applicant, application),
      gateway.listConsents(applicant.companyId).catch(() => []),
    ]);
    const consent =
      consents.find((c) => c.id === refreshed.consentId) ??
      consents
        .filter((c) => c.productIdentifier === LENDING_PRODUCT)
        .sort((a, b) => b.timestamp.localeCompare(a.timestamp))[0];
    res.json({
      ...view(applicant, refreshed),
      consentStatus: consent?.status ?? null,
    } satisfies ApplicationView);
  });

  /** Forgets this browser's session (the records stay): "start a new application". */
  api.post('/logout', async (req, res) => {
    const token = readCookie(req, SESSION_COOKIE);
    if (token)
      await store.update(
        (data) => void (data.sessions = data.sessions.filter((s) => s.tokenHash !== hash(token))),
      );
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  /** A company-scoped bearer token for the browser's elements; the API key never leaves this server. */
  api.post('/session', async (req, res) => {
    const { applicant, application } = await requireSession(req);
    const companyId = await ensureCompany(applicant, application);
    const token = await gateway.accessToken(companyId);
    res.json({ companyId, apiBaseUrl: gateway.baseUrl, ...token });
  });

  /** Records a connection the applicant just authorised; the server checks it with the API, not the browser. */
  api.post('/application/connections', async (req, res) => {
    const { applicant, application } = await requireSession(req);
    const connectionId = (req.body as { connectionId?: unknown } | undefined)?.connectionId;
    if (typeof connectionId !== 'string' || !connectionId)
      throw new HttpError(400, 'connectionId is required.', [
        { itemId: 'connectionId', message: 'connectionId is required', validatorName: 'required' },
      ]);
    const connection = await gateway.getConnection(applicant.companyId, connectionId);
    if (!connection) throw new HttpError(404, 'That connection does not belong to this application.');
    if (connection.status !== 'Linked')
      throw new HttpError(409, `That connection is ${connection.status}, not Linked.`);
    const saved = await saveApplication(application.id, (app) => {
      const previous = app.connections.find((c) => c.id === connection.id);
      app.connections = [
        ...app.connections.filter((c) => c.id !== connection.id),
        toApplicationConnection(connection, previous),
      ];
    });
    res.json(view(applicant, saved));
  });

  /** Records the lending consent the applicant gave; the server checks it in the consent ledger. */
  api.post('/application/consent', async (req, res) => {
    const { applicant, application } = await requireSession(req);
    const consentId = (req.body as { consentId?: unknown } | undefined)?.consentId;
    if (typeof consentId !== 'string' || !consentId)
      throw new HttpError(400, 'consentId is required.', [
        { itemId: 'consentId', message: 'consentId is required', validatorName: 'required' },
      ]);
    const consent = (await gateway.listConsents(applicant.companyId)).find((c) => c.id === consentId);
    if (!consent || consent.productIdentifier !== LENDING_PRODUCT)
      throw new HttpError(404, 'No lending consent with that id for this application.');
    if (consent.status !== 'Active') throw new HttpError(409, `That consent is ${consent.status}.`);
    const saved = await saveApplication(application.id, (app) => void (app.consentId = consent.id));
    res.json(view(applicant, saved));
  });

  /**
   * The connect journey is over: checks with the API that the accounting software and at least one bank are
   * linked and that the lending consent is active, then moves the application on to the sync step.
   */
  api.post('/application/connected', async (req, res) => {
    const { applicant, application } = await requireSession(req);
    const [connections, consents] = await Promise.all([
      gateway.listConnections(applicant.companyId),
      gateway.listConsents(applicant.companyId),
    ]);
    const linked = connections.filter((c) => c.status === 'Linked');
    if (!linked.some((c) => c.sourceType === 'Accounting'))
      throw new HttpError(409, 'Connect your accounting software to continue.', undefined, 1);
    if (!linked.some((c) => c.sourceType === 'Banking'))
      throw new HttpError(409, 'Connect at least one bank account to continue.', undefined, 2);
    const consent = consents.find((c) => c.productIdentifier === LENDING_PRODUCT && c.status === 'Active');
    if (!consent) throw new HttpError(409, 'Confirm what you share with Copay to continue.', undefined, 3);
    const known = new Map(application.connections.map((c) => [c.id, c]));
    const saved = await saveApplication(application.id, (app) => {
      app.connections = linked.map((c) => toApplicationConnection(c, known.get(c.id)));
      app.consentId = consent.id;
      if (app.status === 'connecting') app.status = 'syncing';
    });
    res.json(view(applicant, saved));
  });

  /**
   * Submits the application (or refreshes a submitted one's summary): reads the synced data under the lending
   * consent and stores the summary Copay's underwriters see.
   */
  api.post('/application/submit', async (req, res) => {
    const { applicant, application } = await requireSession(req);
    if (application.status === 'connecting')
      throw new HttpError(409, 'Connect your accounts and confirm what you share before submitting.');
    let summary;
    try {
      summary = await computeSummary(gateway, applicant.companyId);
    } catch (error) {
      if (error instanceof SummaryNotReadyError) throw new HttpError(409, error.message, undefined, 1);
      throw error;
    }
    const saved = await saveApplication(application.id, (app) => {
      app.summary = summary;
      app.status = 'submitted';
      app.submittedAt ??= new Date().toISOString();
    });
    res.json(view(applicant, saved));
  });

  api.use((_req, _res, next) => next(new HttpError(404, 'No such endpoint.')));
  if (options.demoTokens) app.use('/api/demo', demoTokenRouter(gateway, options.demoTokens));
  app.use('/api', api);
  // The API's webhook deliveries (server to server: no cookie, no JSON parsing before the signature is checked).
  app.use(webhookReceiver(store));

  for (const handler of options.frontend ?? []) app.use(handler);

  // Errors: a Codat-style body, never a stack trace.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    let body: ErrorBody;
    if (error instanceof HttpError)
      body = errorBody(error.statusCode, error.message, error.validation, error.detailedErrorCode);
    else if (error instanceof GatewayError) {
      if (error.status === 403)
        body = errorBody(403, error.body?.error ?? 'The data is not shared with Copay.');
      else
        body = errorBody(
          502,
          'The financial data service did not answer as expected. Try again in a moment.',
        );
    } else if (isClientHttpError(error)) {
      const messages: Record<number, string> = {
        400: 'The request body is not valid JSON.',
        404: 'Not found.',
        413: 'The request body is too large.',
        415: 'Send the request body as application/json.',
      };
      body = errorBody(error.status, messages[error.status] ?? 'The request could not be handled.');
    } else {
      console.error(`[copay] ${req.method} ${req.path}:`, error instanceof Error ? error.message : error);
      body = errorBody(500, 'Something went wrong on our side. Try again in a moment.');
    }
    res.status(body.statusCode).json(body);
  });
  return app;
}

/** Errors of body-parser, serve-static and friends (http-errors): a 4xx to pass on as it is. */
function isClientHttpError(error: unknown): error is { status: number } {
  if (typeof error !== 'object' || error === null || !('status' in error)) return false;
  const status = (error as { status: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
