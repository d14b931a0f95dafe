/**
 * Insights' steps for the Playwright suite in /e2e (insights-*.spec.ts, lifecycle-{2,4,5}-*.spec.ts): sign in,
 * onboard through <ck-link>, read the company's state through the API. Kept next to the app so that the specs
 * and the pages change together. Everything Playwright comes through the suite's shared fixtures.
 */
import type { ConsentRecord, Connection, DataStatuses, Page as ApiPage, Product } from '@consent-kit/contract';
import { API_KEY, INSIGHTS_URL, MOCK_URL, connectInJourney, continueUntil, expect, expectNoAxeViolations, mockApi } from '../../../e2e/fixtures.js';

// Playwright's types, taken from the shared fixtures (this folder is outside the e2e package).
type Page = Parameters<typeof expectNoAxeViolations>[0];
type APIRequestContext = Parameters<typeof mockApi>[0];

/** A business name nobody else in this run uses (Codat's name rule: letters, digits, spaces, -',&@.?!). */
export function uniqueBusiness(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

export interface InsightsSession {
  businessName: string;
  companyId: string;
  companyName: string;
  accessToken: string;
}

/** Demo sign-in by business name; ends on the dashboard. */
export async function signInToInsights(page: Page, businessName: string, options: { axe?: boolean } = {}): Promise<InsightsSession> {
  await page.goto(INSIGHTS_URL);
  await expect(page.getByRole('heading', { level: 1, name: 'Your business at a glance' })).toBeVisible();
  if (options.axe) await expectNoAxeViolations(page, 'Insights sign-in');
  await page.getByLabel('Business name').fill(businessName);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${INSIGHTS_URL}/dashboard`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  return insightsSession(page);
}

/** The signed-in business, from Insights' backend (with the page's cookie). */
export async function insightsSession(page: Page): Promise<InsightsSession> {
  const response = await page.request.get(`${INSIGHTS_URL}/api/session`);
  expect(response.status()).toBe(200);
  return response.json();
}

/** First onboarding in Insights: Xero (consent, provider sign-in), optionally a bank, then the dashboard. */
export async function onboardInsights(page: Page, options: { bank?: string; axe?: boolean } = {}): Promise<void> {
  await page.goto(`${INSIGHTS_URL}/connect`);
  await expect(page.getByRole('heading', { level: 1, name: 'Connect your software' })).toBeVisible();
  await connectInJourney(page, 'Xero', { consent: true, axe: options.axe });
  await continueUntil(page, page.getByRole('heading', { name: 'Choose your bank' }));
  if (options.axe) await expectNoAxeViolations(page, 'bank picker (optional step)');
  if (options.bank) {
    await connectInJourney(page, options.bank, { axe: options.axe });
    await continueUntil(page, page.getByRole('button', { name: 'Done' }));
    await page.getByRole('button', { name: 'Done' }).click();
  } else {
    await page.getByRole('button', { name: 'Skip this step' }).click();
  }
  await page.waitForURL(`${INSIGHTS_URL}/dashboard`);
  await expectDashboardFigures(page);
}

/** The dashboard shows figures computed from the reads (not an empty or waiting state). */
export async function expectDashboardFigures(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: 'Revenue trend' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Revenue by month, .+ Latest £[\d,]+/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Customers by amount invoiced' }).getByRole('listitem')).toHaveCount(5);
  await expect(page.getByRole('status').filter({ hasText: 'Fetching your data' })).toHaveCount(0);
}

/** Every data read the browser makes (`GET /companies/{id}/data/{dataType}?product=...`), recorded as they happen. */
export function recordDataReads(page: Page): { dataType: string; product: string | null }[] {
  const reads: { dataType: string; product: string | null }[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const match = /^\/companies\/[^/]+\/data\/([^/]+)$/.exec(url.pathname);
    if (url.origin === MOCK_URL && request.method() === 'GET' && match && match[1] !== 'history') {
      reads.push({ dataType: decodeURIComponent(match[1]!), product: url.searchParams.get('product') });
    }
  });
  return reads;
}

/** Every visit to the hosted provider's pages (a provider sign-in) the page makes. */
export function recordProviderVisits(page: Page): string[] {
  const visits: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && new URL(frame.url()).origin === MOCK_URL) visits.push(frame.url());
  });
  return visits;
}

export const consentsOf = async (request: APIRequestContext, companyId: string): Promise<ConsentRecord[]> =>
  (await mockApi<ApiPage<ConsentRecord>>(request, 'GET', `/companies/${companyId}/consents`)).results;

export const connectionsOf = async (request: APIRequestContext, companyId: string): Promise<Connection[]> =>
  (await mockApi<ApiPage<Connection>>(request, 'GET', `/companies/${companyId}/connections`)).results;

export const productOf = (request: APIRequestContext, identifier: string): Promise<Product> =>
  mockApi<Product>(request, 'GET', `/products/${identifier}`);

export const dataStatusOf = (request: APIRequestContext, companyId: string): Promise<DataStatuses> =>
  mockApi<DataStatuses>(request, 'GET', `/companies/${companyId}/dataStatus`);

/** Reads data for a product with the API key; returns the status (200 with records, 403 refused, 404 not synced). */
export async function readFor(
  request: APIRequestContext,
  companyId: string,
  dataType: string,
  product: string,
): Promise<{ status: number; body: { results?: unknown[]; error?: string } }> {
  const response = await request.get(`${MOCK_URL}/companies/${companyId}/data/${dataType}?product=${product}`, {
    headers: { authorization: `Basic ${Buffer.from(API_KEY).toString('base64')}` },
  });
  return { status: response.status(), body: await response.json() };
}

/** Flat list of a consent's or product's data types. */
export function flat(dataTypes: Partial<Record<string, readonly string[]>>): string[] {
  return Object.values(dataTypes).flatMap((list) => [...(list ?? [])]);
}
