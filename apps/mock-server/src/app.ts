import express, { type Express } from 'express';
import { Domain } from './domain.js';
import { ApiError, sendError } from './errors.js';
import { linkRouter } from './hosted/link.js';
import {
  authenticate,
  baseHeaders,
  cors,
  errorHandler,
  faults,
  idempotency,
  persistBeforeReply,
  rateLimit,
  requestLogger,
  type RawBodyRequest,
} from './middleware.js';
import { openApiDocument, REFERENCE_CSS, referencePage } from './openapi.js';
import { resolveOptions, type MockServerOptions } from './options.js';
import { companiesRouter } from './routes/companies.js';
import { connectionsRouter } from './routes/connections.js';
import { consentsRouter } from './routes/consents.js';
import { dataRouter } from './routes/data.js';
import { assetsRouter, integrationsRouter } from './routes/integrations.js';
import { mockRouter } from './routes/mock.js';
import { settingsRouter } from './routes/settings.js';
import { webhooksRouter } from './routes/webhooks.js';
import { loadScenario } from './seed/scenarios.js';
import { Store } from './store.js';

/** What `createApp` keeps on `app.locals.mock`: the domain (store, clock, webhooks, sync) and a way to stop timers. */
export interface MockInternals {
  domain: Domain;
  /** Stops timers and flushes the data file. */
  close(): void;
  /** Empties the store (and loads `seed`, or the configured seed). */
  reset(seed?: string): void;
}

export function mockInternals(app: Express): MockInternals {
  return app.locals.mock as MockInternals;
}

const BODY_LIMIT = '100kb';

/**
 * Builds the Express app of the mock. `env` is only read when given (the CLI passes `process.env`), so tests stay
 * hermetic. Timers (syncs, webhook retries, expiry sweeps) start immediately; call `mockInternals(app).close()`.
 */
export function createApp(options: MockServerOptions = {}, env: NodeJS.ProcessEnv = {}): Express {
  const resolved = resolveOptions(options, env);
  const store = new Store(
    { profile: resolved.profile, corsOrigins: resolved.corsOrigins },
    resolved.dataFile,
  );
  const loaded = store.load();
  const domain = new Domain(store, resolved);
  if (!loaded && resolved.seed) loadScenario(domain, resolved.seed);
  store.save();
  domain.start();

  const reset = (seed?: string) => {
    store.clear();
    domain.clock.reset(resolved.now === undefined ? 0 : resolved.now - Date.now());
    store.clockOffsetMs = domain.clock.offset;
    const scenario = seed ?? resolved.seed;
    if (scenario) loadScenario(domain, scenario);
    store.save();
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', false);
  app.locals.mock = {
    domain,
    reset,
    close: () => {
      domain.stop();
      store.close();
    },
  } satisfies MockInternals;

  app.use(baseHeaders());
  if (resolved.logRequests) app.use(requestLogger());
  app.use(cors(domain));

  // Public documents and hosted pages: no credentials.
  // Browsers ask every origin for a favicon; without this the hosted pages log a 401 from the auth middleware.
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', now: domain.clock.iso() });
  });
  app.get('/openapi.json', (_req, res) => {
    // CORS like every other route (the configured origins only): never a wildcard.
    res.json(openApiDocument());
  });
  app.get('/docs', (_req, res) => {
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
    res.type('html').send(referencePage());
  });
  app.get('/docs/reference.css', (_req, res) => {
    res.type('text/css').send(REFERENCE_CSS);
  });
  app.use(assetsRouter());
  app.use(linkRouter(domain));

  const json = express.json({
    limit: BODY_LIMIT,
    verify: (req, _res, buf) => {
      (req as RawBodyRequest).rawBody = buf;
    },
  });

  if (resolved.enableTestEndpoints) {
    // No credentials on the test endpoints, so a page on another site must not be able to drive them (reset the
    // demo, move its clock) with a form post or a no-cors fetch: a browser's Origin must be a configured one.
    app.use('/_mock', (req, res, next) => {
      const origin = req.headers.origin;
      if (origin !== undefined && !domain.store.corsOrigins.includes(origin)) {
        return sendError(res, new ApiError(403, `Origin ${origin} may not use the test endpoints`));
      }
      next();
    });
    app.use('/_mock', json);
    app.use(mockRouter(domain, (seed) => reset(seed)));
  }
  app.use('/_mock', (_req, res) => sendError(res, new ApiError(404, 'Not found')));

  app.use(json);
  app.use(authenticate(domain));
  app.use(rateLimit(resolved.rateLimit));
  app.use(persistBeforeReply(domain));
  app.use(idempotency(domain));
  app.use(faults(domain));
  app.use(integrationsRouter(domain));
  app.use(companiesRouter(domain));
  app.use(connectionsRouter(domain));
  app.use(dataRouter(domain));
  app.use(consentsRouter(domain));
  app.use(webhooksRouter(domain));
  app.use(settingsRouter(domain));

  app.use((req, res) => sendError(res, new ApiError(404, `No route for ${req.method} ${req.path}`)));
  app.use(errorHandler());
  return app;
}
