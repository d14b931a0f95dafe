import { Router } from 'express';
import { CorsSettings, Profile } from '@consent-kit/contract';
import * as z from 'zod/mini';
import type { Domain } from '../domain.js';
import { ApiError } from '../errors.js';
import { auth } from '../middleware.js';
import { parseBody } from '../validate.js';

const ProfileUpdate = z.strictObject({
  name: Profile.shape.name,
  logoUrl: Profile.shape.logoUrl,
  iconUrl: Profile.shape.iconUrl,
  redirectUrl: Profile.shape.redirectUrl,
  whiteListUrls: z.optional(Profile.shape.whiteListUrls),
});

export function settingsRouter(domain: Domain): Router {
  const router = Router();
  const apiKeyOnly = (res: Parameters<Parameters<Router['get']>[1]>[1]) => {
    if (auth(res).kind !== 'apiKey')
      throw new ApiError(
        403,
        'A company access token cannot use this endpoint; use the API key from your server',
      );
  };

  router.get('/profile', (_req, res) => {
    res.json(domain.store.profile);
  });

  router.put('/profile', (req, res) => {
    apiKeyOnly(res);
    const body = parseBody(ProfileUpdate, req.body);
    const whiteListUrls = body.whiteListUrls ?? domain.store.profile.whiteListUrls;
    if (!whiteListUrls.includes(body.redirectUrl)) whiteListUrls.push(body.redirectUrl);
    domain.store.profile = { ...body, whiteListUrls };
    res.json(domain.store.profile);
  });

  for (const path of ['/corsSettings', '/connectionManagement/corsSettings']) {
    router.get(path, (_req, res) => {
      apiKeyOnly(res);
      res.json({ allowedOrigins: [...domain.store.corsOrigins] });
    });
    router.post(path, (req, res) => {
      apiKeyOnly(res);
      const body = parseBody(CorsSettings, req.body);
      domain.store.corsOrigins = [...new Set(body.allowedOrigins.map((o) => new URL(o).origin))];
      res.json({ allowedOrigins: [...domain.store.corsOrigins] });
    });
  }
  return router;
}
