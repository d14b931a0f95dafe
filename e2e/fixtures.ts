/**
 * Shared by every e2e spec: the stack's URLs, an axe check for every page and state visited, a guard that fails a
 * test on any CSP / Trusted Types violation or uncaught page error, and helpers for the simulated provider's
 * sign-in page and the mock's test endpoints.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';
import type { ProviderErrorCode } from '@consent-kit/contract';

export const MOCK_PORT = Number(process.env.E2E_MOCK_PORT ?? 4110);
export const COPAY_PORT = Number(process.env.E2E_COPAY_PORT ?? 4120);
export const INSIGHTS_PORT = Number(process.env.E2E_INSIGHTS_PORT ?? 4130);
export const MOCK_URL = `http://localhost:${MOCK_PORT}`;
export const COPAY_URL = `http://localhost:${COPAY_PORT}`;
export const INSIGHTS_URL = `http://localhost:${INSIGHTS_PORT}`;
/** The mock's local test key (DEMO_DEFAULTS.apiKey): valid only against the mock. */
export const API_KEY = process.env.CODAT_API_KEY ?? 'ck_test_local_only';

/** Debian Chromium flags as root, keeping it off the closed network (TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe (WCAG 2.0/2.1/2.2 A and AA, shadow DOM included) on the page as it is now and fails with a readable
 * list of violations. Call it on every page and every state a test visits.
 */
export async function expectNoAxeViolations(page: Page, state = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = results.violations.map(
    (v) =>
      `- [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    at ${n.target.map(String).join(' >>> ')}\n       ${n.failureSummary?.split('\n').join('\n       ') ?? ''}`)
        .join('\n'),
  );
  expect(results.violations, `axe found ${results.violations.length} violation(s) on ${state}:\n${report.join('\n')}`).toEqual([]);
}

/** What a page reported that must never happen: CSP or Trusted Types violations, uncaught errors. */
interface PageProblems {
  problems: string[];
}

export const test = base.extend<PageProblems & { guardPage: void }>({
  problems: async ({}, use) => {
    await use([]);
  },
  guardPage: [
    async ({ page, problems }, use) => {
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`[csp-violation] ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
        });
      });
      page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        const text = message.text();
        if (message.type() === 'error' && /\[csp-violation\]|Content Security Policy|Trusted Type/i.test(text))
          problems.push(`${page.url()}: ${text}`);
      });
      await use();
      expect(problems, 'CSP / Trusted Types violations or uncaught errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

// ------------------------------------------------------------------ the simulated provider (hosted by the mock)

/** Waits for the provider's "Sign in to <Platform> — simulated" page and returns the platform's name. */
export async function atProvider(page: Page, platform?: string | RegExp): Promise<string> {
  await page.waitForURL((url) => url.origin === MOCK_URL);
  const heading = page.getByRole('heading', { level: 1, name: /Sign in to .+ — simulated/ });
  await expect(heading).toBeVisible();
  const text = (await heading.textContent()) ?? '';
  const name = /Sign in to (.+) — simulated/.exec(text)?.[1]?.trim() ?? '';
  if (platform) expect(name).toMatch(platform);
  return name;
}

/** Approves the connection at the provider; the browser goes back to the app's /connect/callback. */
export async function approveAtProvider(page: Page, options: { axe?: boolean } = {}): Promise<string> {
  const name = await atProvider(page);
  if (options.axe) await expectNoAxeViolations(page, `provider sign-in (${name})`);
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.waitForURL((url) => url.origin !== MOCK_URL);
  return name;
}

export async function denyAtProvider(page: Page): Promise<void> {
  await atProvider(page);
  await page.getByRole('button', { name: 'Deny' }).click();
  await page.waitForURL((url) => url.origin !== MOCK_URL);
}

export async function cancelAtProvider(page: Page): Promise<void> {
  await atProvider(page);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForURL((url) => url.origin !== MOCK_URL);
}

/** Makes the provider send back one of the error codes (reference/004) and waits for the redirect. */
export async function simulateProviderError(page: Page, code: ProviderErrorCode): Promise<void> {
  await atProvider(page);
  await page.getByLabel(/error/i).selectOption(code);
  await page.getByRole('button', { name: /Simulate error/i }).click();
  await page.waitForURL((url) => url.origin !== MOCK_URL);
}

// ------------------------------------------------------------------ the mock's API and test endpoints

function basic(): string {
  return `Basic ${Buffer.from(API_KEY).toString('base64')}`;
}

/** Calls the mock API server-to-server (API key), for arranging and checking state. */
export async function mockApi<T = unknown>(
  request: APIRequestContext,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<T> {
  const response = await request.fetch(`${MOCK_URL}${path}`, {
    method,
    headers: { authorization: basic(), ...(data === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(data === undefined ? {} : { data: JSON.stringify(data) }),
  });
  expect(response.ok(), `${method} ${path} -> ${response.status()} ${await response.text()}`).toBe(true);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

/** Moves the mock's clock forward (test endpoint), e.g. 91 days to expire open-banking connections. */
export async function advanceClock(request: APIRequestContext, days: number): Promise<void> {
  await mockApi(request, 'POST', '/_mock/clock', { advanceDays: days });
}
