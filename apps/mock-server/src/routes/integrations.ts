import { Router, type Response } from 'express';
import type { Integration } from '@consent-kit/contract';
import type { Domain } from '../domain.js';
import { ApiError } from '../errors.js';
import { INTEGRATIONS, INTEGRATIONS_BY_KEY, toBranding, toIntegration } from '../seed/integrations.js';
import { buttonImage, fullLogo, squareLogo } from '../seed/logos.js';
import { pageRequest, param, toPage } from '../validate.js';

/**
 * The catalogue is static, so its wire objects are built once per public URL and whole list responses are cached
 * by URL (bounded): `GET /integrations` is the hottest endpoint of every demo.
 */
export function integrationsRouter(domain: Domain): Router {
  const router = Router();
  let builtFor = '';
  let list: Integration[] = [];
  const responseCache = new Map<string, Buffer>();
  const integrations = (): Integration[] => {
    if (builtFor !== domain.publicUrl) {
      builtFor = domain.publicUrl;
      list = INTEGRATIONS.map((entry) => toIntegration(entry, builtFor));
      responseCache.clear();
    }
    return list;
  };

  router.get('/integrations', (req, res) => {
    const all = integrations();
    const cached = responseCache.get(req.url);
    if (cached !== undefined) {
      sendJsonBuffer(res, cached);
      return;
    }
    const page = toPage(all, pageRequest(req), '/integrations');
    const body = Buffer.from(JSON.stringify(page));
    if (responseCache.size >= 500) responseCache.delete(responseCache.keys().next().value!);
    responseCache.set(req.url, body);
    sendJsonBuffer(res, body);
  });

  const find = (key: string) => {
    const entry = INTEGRATIONS_BY_KEY.get(key);
    if (!entry) throw new ApiError(404, `No integration was found with key ${key}`);
    return entry;
  };

  router.get('/integrations/:platformKey', (req, res) => {
    const entry = find(param(req, 'platformKey'));
    res.json(integrations().find((i) => i.key === entry.key));
  });

  router.get('/integrations/:platformKey/branding', (req, res) => {
    res.json(toBranding(find(param(req, 'platformKey')), domain.publicUrl));
  });
  return router;
}

/** Sends pre-serialised JSON without re-encoding it (the hot path of `GET /integrations`). */
function sendJsonBuffer(res: Response, body: Buffer): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', body.length);
  res.end(body);
}

/** Public (no auth) SVG assets: logos and buttons for every integration, drawn in code. */
export function assetsRouter(): Router {
  const router = Router();
  const files = new Map<string, string>();
  for (const entry of INTEGRATIONS) {
    files.set(`logos/${entry.key}.svg`, squareLogo(entry));
    files.set(`logos/${entry.key}-full.svg`, fullLogo(entry));
    files.set(`buttons/${entry.key}.svg`, buttonImage(entry, false));
    files.set(`buttons/${entry.key}-hover.svg`, buttonImage(entry, true));
  }
  router.get('/assets/:folder/:file', (req, res) => {
    const svg = files.get(`${param(req, 'folder')}/${param(req, 'file')}`);
    if (!svg) throw new ApiError(404, 'No such asset');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type('image/svg+xml').send(svg);
  });
  return router;
}
