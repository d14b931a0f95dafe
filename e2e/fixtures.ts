/**
 * Shared by every e2e spec: the stack's URLs, an axe check for every page and state visited, a guard that fails a
 * test on any CSP / Trusted Types violation or uncaught page error, and helpers for the simulated provider's
 * sign-in page and the mock's test endpoints.
 */
import AxeBuilder from '@axe-core/playwright';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { ProviderErrorCode } from '@consent-kit/contract';

export const MOCK_PORT = Number(process.env.E2E_MOCK_PORT ?? 4110);
export const COPAY_PORT = Number(process.env.E2E_COPAY_PORT ?? 4120);
export const INSIGHTS_PORT = Number(process.env.E2E_INSIGHTS_PORT ?? 4130);
export const MOCK_URL = `http://localhost:${MOCK_PORT}`;
export const COPAY_URL = `http://localhost:${COPAY_PORT}`;
export const INSIGHTS_URL = `http://localhost:${INSIGHTS_PORT}`;
/** Where this run keeps the apps' own records (emptied when each server starts; never the demo's .data/). */
export const E2E_DATA_DIR = join(tmpdir(), `consent-kit-e2e-${MOCK_PORT}`);
export const COPAY_DATA_FILE = join(E2E_DATA_DIR, 'copay', 'copay.json');
/** The mock's local test key (DEMO_DEFAULTS.apiKey): valid only against the mock. */
export const API_KEY = process.env.CODAT_API_KEY ?? 'ck_test_local_only';

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

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
        .map(
          (n) =>
            `    at ${n.target.map(String).join(' >>> ')}\n       ${n.failureSummary?.split('\n').join('\n       ') ?? ''}`,
        )
        .join('\n'),
  );
  expect(
    results.violations,
    `axe found ${results.violations.length} violation(s) on ${state}:\n${report.join('\n')}`,
  ).toEqual([]);
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
          console.error(
            `[csp-violation] ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
          );
        });
      });
      page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        const text = message.text();
        if (
          message.type() === 'error' &&
          /\[csp-violation\]|Content Security Policy|Trusted Type/i.test(text)
        )
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
  await page.getByText('Simulate an error').click();
  await page.getByRole('button', { name: `Simulate error ${code}`, exact: true }).click();
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
    headers: {
      authorization: basic(),
      ...(data === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(data === undefined ? {} : { data: JSON.stringify(data) }),
  });
  expect(response.ok(), `${method} ${path} -> ${response.status()} ${await response.text()}`).toBe(true);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

/** Moves the mock's clock forward (test endpoint), e.g. 91 days to expire open-banking connections. */
export async function advanceClock(request: APIRequestContext, days: number): Promise<void> {
  await mockApi(request, 'POST', '/_mock/clock', { advanceDays: days });
}

// ------------------------------------------------------------------ keyboard

/** What has focus, looking through shadow roots: its role, accessible-ish name and whether focus is visible. */
export async function focused(
  page: Page,
): Promise<{ tag: string; role: string; name: string; focusVisible: boolean }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return { tag: '', role: '', name: '', focusVisible: false };
    const labelled = el.getAttribute('aria-labelledby');
    const root = el.getRootNode() as Document | ShadowRoot;
    const byId = labelled
      ? labelled
          .split(' ')
          .map((id) => root.getElementById?.(id)?.textContent ?? '')
          .join(' ')
      : '';
    const labels = (el as HTMLInputElement).labels;
    const name = (
      el.getAttribute('aria-label') ||
      byId ||
      (labels && labels.length ? (labels[0]?.textContent ?? '') : '') ||
      el.textContent ||
      ''
    )
      .replace(/\s+/g, ' ')
      .trim();
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role') ?? '',
      name,
      focusVisible: el.matches(':focus-visible'),
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's name matches, checking on the way that focus is always
 * visible. Fails after `max` presses: the control cannot be reached by keyboard.
 */
export async function tabTo(
  page: Page,
  name: RegExp,
  options: { max?: number; backwards?: boolean } = {},
): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < (options.max ?? 60); i++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    seen.push(`${now.tag}${now.role ? `[${now.role}]` : ''} "${now.name.slice(0, 60)}"`);
    if (name.test(now.name)) {
      expect(now.focusVisible, `focus on "${now.name}" is not visible (:focus-visible)`).toBe(true);
      return;
    }
  }
  throw new Error(
    `Could not reach ${String(name)} with the keyboard. Focus went through:\n${seen.join('\n')}`,
  );
}

// ------------------------------------------------------------------ Copay

export interface CopayApplicant {
  businessName: string;
  registrationNumber: string;
  industry: string;
  loanAmount: string;
  term: string;
  purpose: string;
  contactName: string;
  email: string;
}

export const APPLICANT: CopayApplicant = {
  businessName: 'Harbour Coffee Roasters',
  registrationNumber: '12345678',
  industry: 'Hospitality',
  loanAmount: '25000',
  term: '24 months',
  purpose: 'Equipment',
  contactName: 'Ada Lovelace',
  email: 'ada@example.com',
};

/** Fills Copay's "Apply for a loan" form (with the mouse; the keyboard path has its own spec). */
export async function fillCopayApplication(
  page: Page,
  overrides: Partial<CopayApplicant> = {},
): Promise<void> {
  const a = { ...APPLICANT, ...overrides };
  await page.getByLabel('Business name').fill(a.businessName);
  await page.getByLabel('Company registration number').fill(a.registrationNumber);
  await page.getByLabel('Industry').selectOption(a.industry);
  await page.getByLabel('How much do you want to borrow?').fill(a.loanAmount);
  await page.getByLabel('Over how long?').selectOption({ label: a.term });
  await page.getByLabel('What is the loan for?').selectOption(a.purpose);
  await page.getByLabel('Full name').fill(a.contactName);
  await page.getByLabel('Email address').fill(a.email);
  await page.getByLabel(/I agree to Copay/).check();
}

/** Signs up a new applicant at Copay and lands on the connect step. */
export async function startCopayApplication(
  page: Page,
  overrides: Partial<CopayApplicant> = {},
): Promise<void> {
  await page.goto(`${COPAY_URL}/apply?new=1`);
  await fillCopayApplication(page, overrides);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL(`${COPAY_URL}/apply/connect`);
}

/** Presses the journey's "Continue" (sync step, success step) until `target` shows. */
export async function continueUntil(page: Page, target: Locator, max = 10): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.isVisible()) return;
    const next = page.getByRole('button', { name: 'Continue', exact: true });
    if (await next.isVisible()) await next.click({ timeout: 2_000 }).catch(() => undefined);
    else await page.waitForTimeout(250);
  }
  await expect(target).toBeVisible();
}

/**
 * In `<ck-link>`: picks a platform, confirms the consent when asked, hands off to the provider, approves and comes
 * back. `axe` checks every state on the way.
 */
export async function connectInJourney(
  page: Page,
  platform: string,
  options: { consent?: boolean; axe?: boolean } = {},
): Promise<void> {
  const option = page.getByRole('option', { name: new RegExp(`^${platform}`) });
  await expect(option).toBeVisible();
  if (options.axe) await expectNoAxeViolations(page, `picker (${platform})`);
  await option.click();
  if (options.consent) {
    await expect(page.getByRole('button', { name: 'Confirm' })).toBeVisible();
    if (options.axe) await expectNoAxeViolations(page, 'consent confirmation');
    await page.getByRole('button', { name: 'Confirm' }).click();
  }
  const handoff = page.getByRole('button', { name: `Continue to ${platform}` });
  await expect(handoff).toBeVisible();
  if (options.axe) await expectNoAxeViolations(page, `hand-off to ${platform}`);
  await handoff.click();
  await approveAtProvider(page, { axe: options.axe });
  await expect(
    page.getByRole('heading', {
      name: new RegExp(`${platform} is connected|Fetching your data from ${platform}`),
    }),
  ).toBeVisible();
}

/**
 * A complete first onboarding at Copay (scenario 1 without the checks): ends on the submitted application, or on
 * the "Check your data" page with `submit: false`.
 */
export async function onboardAtCopay(
  page: Page,
  options: {
    accounting?: string;
    banks?: string[];
    applicant?: Partial<CopayApplicant>;
    submit?: boolean;
  } = {},
): Promise<void> {
  const banks = options.banks ?? ['Monzo Business'];
  await startCopayApplication(page, options.applicant);
  await connectInJourney(page, options.accounting ?? 'Xero', { consent: true });
  for (const [index, bank] of banks.entries()) {
    if (index === 0) await continueUntil(page, page.getByRole('option', { name: new RegExp(`^${bank}`) }));
    else {
      await continueUntil(page, page.getByRole('button', { name: 'Connect another bank account' }));
      await page.getByRole('button', { name: 'Connect another bank account' }).click();
    }
    await connectInJourney(page, bank);
  }
  await continueUntil(page, page.getByRole('button', { name: 'Done' }));
  await page.getByRole('button', { name: 'Done' }).click();
  await page.waitForURL(`${COPAY_URL}/apply/sync`);
  if (options.submit === false) return;
  await expect(page.getByRole('heading', { level: 1, name: 'Your data is ready' })).toBeVisible();
  await page.getByRole('button', { name: 'Submit application' }).click();
  await page.waitForURL(`${COPAY_URL}/application`);
  await expect(page.getByRole('heading', { level: 1, name: 'Application submitted' })).toBeVisible();
}

/** The applicant's Copay record (via Copay's own backend, with the page's session cookie). */
export async function copayMe(page: Page): Promise<{
  applicant: { id: string; companyId: string; businessName: string };
  application: {
    status: string;
    consentId: string | null;
    connections: { id: string; platformName: string; status: string }[];
    summary: Record<string, unknown> | null;
  };
  consentStatus: string | null;
}> {
  const response = await page.request.get(`${COPAY_URL}/api/me`);
  expect(response.status()).toBe(200);
  return response.json();
}
