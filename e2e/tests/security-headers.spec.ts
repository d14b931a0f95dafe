/**
 * Response headers of the mock API and both demo backends, on everything a browser loads from them while the demos
 * are used (documents, scripts, styles, images, API calls, errors) and on error answers: `nosniff`, a
 * `Referrer-Policy`, framing refused (`frame-ancestors 'none'` on every document), no `X-Powered-By`, and CORS
 * that never answers `*` and never answers a foreign origin.
 */
import type { APIRequestContext, Response } from '@playwright/test';
import { COPAY_URL, INSIGHTS_URL, MOCK_URL, expect, onboardAtCopay, test } from '../fixtures.js';
import { signInToInsights, uniqueBusiness } from '../../apps/insights/e2e/flows.js';

const ORIGINS = [MOCK_URL, COPAY_URL, INSIGHTS_URL];
const FOREIGN = ['https://evil.example', 'null', `${COPAY_URL}.evil.example`];

interface Seen {
  url: string;
  status: number;
  type: string;
  headers: Record<string, string>;
}

function check(seen: Seen): string[] {
  const problems: string[] = [];
  const h = seen.headers;
  const where = `${seen.status} ${seen.url} (${seen.type})`;
  if (h['x-content-type-options'] !== 'nosniff') problems.push(`${where}: X-Content-Type-Options is ${h['x-content-type-options']}`);
  if (!/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/.test(h['referrer-policy'] ?? '')) {
    problems.push(`${where}: Referrer-Policy is ${h['referrer-policy']}`);
  }
  const csp = h['content-security-policy'] ?? '';
  if (seen.type === 'document' && !/frame-ancestors 'none'/.test(csp)) problems.push(`${where}: no frame-ancestors 'none' (CSP: ${csp})`);
  if (/frame-ancestors/.test(csp) && !/frame-ancestors 'none'/.test(csp)) problems.push(`${where}: frame-ancestors is not 'none'`);
  if (h['access-control-allow-origin'] === '*') problems.push(`${where}: Access-Control-Allow-Origin: *`);
  if (h['x-powered-by']) problems.push(`${where}: X-Powered-By ${h['x-powered-by']}`);
  return problems;
}

test('everything the browser loads from the mock and the demo backends carries the security headers', async ({ page }) => {
  test.setTimeout(180_000);
  const seen: Seen[] = [];
  page.on('response', (response: Response) => {
    if (!ORIGINS.some((origin) => response.url().startsWith(origin))) return;
    seen.push({ url: response.url(), status: response.status(), type: response.request().resourceType(), headers: response.headers() });
  });
  await onboardAtCopay(page, { applicant: { businessName: uniqueBusiness('Header Check Bakery') } });
  for (const path of ['/connections', '/application', '/no-such-page']) await page.goto(`${COPAY_URL}${path}`);
  await signInToInsights(page, uniqueBusiness('Header Check Prints'));
  for (const path of ['/privacy', '/financing', '/no-such-page']) {
    await page.goto(`${INSIGHTS_URL}${path}`);
    await page.waitForLoadState('networkidle');
  }
  const problems = seen.flatMap(check);
  const byOrigin = ORIGINS.map((origin) => `${seen.filter((s) => s.url.startsWith(origin)).length} from ${origin}`).join(', ');
  console.log(`[security] response headers (browsing): ${seen.length} responses checked (${byOrigin}); ${problems.length} problems`);
  for (const origin of ORIGINS) expect(seen.some((s) => s.url.startsWith(origin)), `nothing loaded from ${origin}`).toBe(true);
  expect(seen.some((s) => s.type === 'script')).toBe(true);
  expect(problems).toEqual([]);
});

/** Requests a browser on another site could make: with its Origin, simple and preflighted. */
async function corsProbe(request: APIRequestContext, url: string, origin: string, method: 'GET' | 'POST' | 'OPTIONS') {
  const headers: Record<string, string> = { Origin: origin };
  if (method === 'OPTIONS') Object.assign(headers, { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, authorization' });
  if (method === 'POST') headers['Content-Type'] = 'application/json';
  const response = await request.fetch(url, { method, headers, ...(method === 'POST' ? { data: '{}' } : {}), maxRedirects: 0 });
  return response;
}

test('CORS: no wildcard, and nothing for a foreign origin, on the mock and both backends (errors included)', async ({ request }) => {
  const targets = [
    `${MOCK_URL}/integrations`,
    `${MOCK_URL}/products`,
    `${MOCK_URL}/openapi.json`,
    `${MOCK_URL}/health`,
    `${MOCK_URL}/companies`,
    `${MOCK_URL}/no-such-route`,
    `${COPAY_URL}/`,
    `${COPAY_URL}/api/me`,
    `${COPAY_URL}/api/applicants`,
    `${COPAY_URL}/api/nope`,
    `${INSIGHTS_URL}/`,
    `${INSIGHTS_URL}/api/session`,
    `${INSIGHTS_URL}/api/nope`,
  ];
  const problems: string[] = [];
  let probes = 0;
  for (const url of targets) {
    for (const origin of FOREIGN) {
      for (const method of ['GET', 'POST', 'OPTIONS'] as const) {
        const response = await corsProbe(request, url, origin, method);
        const headers = response.headers();
        probes++;
        const allow = headers['access-control-allow-origin'];
        if (allow !== undefined) problems.push(`${method} ${url} from ${origin}: Access-Control-Allow-Origin: ${allow}`);
        if (headers['access-control-allow-credentials']) problems.push(`${method} ${url} from ${origin}: allows credentials`);
        problems.push(...check({ url: `${method} ${url}`, status: response.status(), type: 'fetch', headers }));
      }
    }
  }
  // The control: the mock does answer its configured origins (the demo apps), with that origin, never `*`.
  const allowed = await corsProbe(request, `${MOCK_URL}/integrations`, COPAY_URL, 'OPTIONS');
  expect(allowed.headers()['access-control-allow-origin']).toBe(COPAY_URL);
  console.log(`[security] response headers (CORS): ${probes} cross-origin probes; ${problems.length} problems`);
  expect(problems).toEqual([]);
});

test('requests Node refuses before any route (a 20 kB header) get a Codat-style 431 from the mock and both backends', async ({ request }) => {
  for (const origin of ORIGINS) {
    const response = await request.get(`${origin}/`, { headers: { 'X-Padding': 'a'.repeat(20_000) } });
    expect(response.status(), origin).toBe(431);
    const body = await response.json();
    expect(body, origin).toMatchObject({ statusCode: 431, error: 'The request line and headers are too large.' });
    expect(response.headers()['x-correlation-id'], origin).toBe(body.correlationId);
    expect(check({ url: `${origin}/ (20 kB header)`, status: 431, type: 'fetch', headers: response.headers() })).toEqual([]);
  }
  console.log(`[security] parser refusals: ${ORIGINS.length} servers answered a 20 kB header with a Codat 431 body`);
});
