/**
 * The API key never reaches a browser: not in any built file of the demos (apps/copay/dist, apps/insights/dist,
 * storybook-static when it was built, the packages' browser builds), and not in anything a browser receives or
 * sends while a person uses the demos end to end (response bodies and headers of every origin, request headers,
 * cookies, Web Storage). Searched as the raw key, as `Basic base64(key)` and `base64(key:)`.
 */
import type { Response } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_KEY, COPAY_URL, INSIGHTS_URL, expect, onboardAtCopay, test } from '../fixtures.js';
import { onboardInsights, signInToInsights, uniqueBusiness } from '../../apps/insights/e2e/flows.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Every spelling of the key that would let someone use it. */
const NEEDLES = [...new Set([API_KEY, 'ck_test_local_only'])].flatMap((key) => [
  key,
  Buffer.from(key).toString('base64'),
  Buffer.from(`${key}:`).toString('base64'),
  Buffer.from(key).toString('base64url'),
  encodeURIComponent(key),
]);

function leaks(text: string): string[] {
  return NEEDLES.filter((needle) => text.includes(needle));
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('no built browser file of the demos, Storybook or the packages contains the API key', async () => {
  // The demo builds exist: Playwright's web servers built them before any test ran.
  const roots = ['apps/copay/dist', 'apps/insights/dist', 'storybook-static', 'packages/elements/dist', 'packages/client/dist', 'packages/contract/dist', 'packages/react/dist'];
  const required = ['apps/copay/dist', 'apps/insights/dist'];
  for (const root of required) expect(existsSync(join(repo, root)), `${root} was not built`).toBe(true);
  let scanned = 0;
  const found: string[] = [];
  for (const root of roots) {
    for (const file of filesUnder(join(repo, root))) {
      const hits = leaks(readFileSync(file).toString('latin1'));
      if (hits.length) found.push(`${file.slice(repo.length)}: ${hits.join(', ')}`);
      scanned++;
    }
  }
  console.log(`[security] API key scan: ${scanned} built files in ${roots.filter((r) => existsSync(join(repo, r))).join(', ')}; ${found.length} leaks`);
  expect(scanned).toBeGreaterThan(10);
  expect(found).toEqual([]);
});

test('nothing a browser receives or sends while using Copay and Insights contains the API key', async ({ page, context }) => {
  test.setTimeout(240_000);
  const found: string[] = [];
  let inspected = 0;
  page.on('request', (request) => {
    const headers = JSON.stringify(request.headers());
    const body = request.postData() ?? '';
    for (const hit of leaks(`${request.url()} ${headers} ${body}`)) found.push(`request ${request.method()} ${request.url()}: ${hit}`);
    inspected++;
  });
  const inspect = async (response: Response) => {
    inspected++;
    for (const hit of leaks(JSON.stringify(response.headers()))) found.push(`response headers ${response.url()}: ${hit}`);
    if (response.status() >= 300 && response.status() < 400) return;
    try {
      for (const hit of leaks((await response.body()).toString('latin1'))) found.push(`response body ${response.url()}: ${hit}`);
    } catch {
      // bodies of responses to navigations that were replaced are gone: their headers were checked
    }
  };
  const pending: Promise<void>[] = [];
  page.on('response', (response) => pending.push(inspect(response)));
  const storage = async () => {
    for (const origin of [COPAY_URL, INSIGHTS_URL]) {
      if (!page.url().startsWith(origin)) continue;
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
      for (const hit of leaks(stored)) found.push(`storage at ${origin}: ${hit}`);
    }
    for (const cookie of await context.cookies()) for (const hit of leaks(cookie.value)) found.push(`cookie ${cookie.name}: ${hit}`);
  };

  await onboardAtCopay(page, { applicant: { businessName: uniqueBusiness('Keyless Bakery') } });
  await storage();
  for (const path of ['/connections', '/application']) {
    await page.goto(`${COPAY_URL}${path}`);
    await page.waitForLoadState('networkidle');
    await storage();
  }
  await signInToInsights(page, uniqueBusiness('Keyless Prints'));
  await onboardInsights(page);
  await storage();
  await Promise.allSettled(pending);
  console.log(`[security] API key scan: ${inspected} browser requests and responses inspected; ${found.length} leaks`);
  expect(inspected).toBeGreaterThan(50);
  expect(found).toEqual([]);
});
