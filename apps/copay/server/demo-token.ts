import express, { type Router } from 'express';
import type { CodatGateway } from './codat.js';
import { HttpError } from './errors.js';

export interface DemoTokenOptions {
  /** The one browser origin allowed to call the endpoint (Storybook). */
  storybookOrigin: string;
  /** The company that `?company=demo` stands for (the mock's `demo` seed), if there is one. */
  demoCompanyId?: string;
}

/**
 * Demo only (`COPAY_DEMO_TOKENS=1`, set by scripts/demo.sh): `GET /api/demo/token?company=fresh|demo` gives
 * Storybook's connected stories a company-scoped token, so the API key stays here and never reaches the Storybook
 * bundle. `fresh` makes a new, empty company; `demo` the seeded one with connections and a lending consent.
 */
export function demoTokenRouter(gateway: CodatGateway, options: DemoTokenOptions): Router {
  const router = express.Router();
  router.use((req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    if (req.headers.origin === options.storybookOrigin) {
      res.setHeader('Access-Control-Allow-Origin', options.storybookOrigin);
      res.setHeader('Vary', 'Origin');
    }
    next();
  });
  router.get('/token', async (req, res, next) => {
    try {
      const which = req.query.company ?? 'fresh';
      let company: { id: string; name: string } | null;
      if (which === 'demo') {
        company = options.demoCompanyId ? await gateway.getCompany(options.demoCompanyId) : null;
        if (!company)
          throw new HttpError(404, 'The API has no demo company: start the mock server with --seed demo.');
      } else if (which === 'fresh') {
        company = await gateway.createCompany({
          name: 'Storybook Demo',
          description: 'Made for a connected story',
        });
      } else {
        throw new HttpError(400, 'company must be "fresh" or "demo".');
      }
      const token = await gateway.accessToken(company.id);
      res.json({
        apiBaseUrl: gateway.baseUrl,
        companyId: company.id,
        companyName: company.name,
        accessToken: token.accessToken,
        expiresIn: token.expiresIn,
      });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
