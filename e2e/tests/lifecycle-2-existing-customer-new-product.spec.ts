/**
 * Lifecycle scenario 2 — onboarding an existing customer onto a new product (reference/003): the business
 * connected Xero for lending, and now signs up to Insights. Insights asks for its own consent without a new
 * provider sign-in, and reads only the `insights` product's data types: what lending fetched is not Insights'
 * to read, and what Insights needs but lending never fetched is read from the existing connection. axe on every
 * page and state.
 */
import type { Company, Connection, ConsentRecord, DataStatuses } from '@consent-kit/contract';
import { INSIGHTS_URL, approveAtProvider, expect, expectNoAxeViolations, mockApi, test } from '../fixtures.js';
import {
  consentsOf,
  dataStatusOf,
  expectDashboardFigures,
  flat,
  productOf,
  readFor,
  recordDataReads,
  recordProviderVisits,
  signInToInsights,
  uniqueBusiness,
} from '../../apps/insights/e2e/flows.js';

test('scenario 2: a business already connected for lending joins Insights and Insights reads only its own data types', async ({
  page,
  context,
  request,
}) => {
  const businessName = uniqueBusiness('Harbour Joinery');
  const lending = await productOf(request, 'lending');
  const insights = await productOf(request, 'insights');

  // ------------------------------------------------------------------ arrange: the lending customer
  const company = await mockApi<Company>(request, 'POST', '/companies', { name: businessName });
  await mockApi<ConsentRecord>(request, 'POST', `/companies/${company.id}/consents`, {
    productIdentifier: 'lending',
    connectionIds: [],
  });
  const xero = await mockApi<Connection>(request, 'POST', `/companies/${company.id}/connections`, { platformKey: 'gbol' });
  await test.step('the business signs in to Xero once, for lending', async () => {
    const provider = await context.newPage();
    const linkUrl = new URL(xero.linkUrl);
    linkUrl.searchParams.set('redirect', `${INSIGHTS_URL}/connect/callback`);
    await provider.goto(linkUrl.href);
    await approveAtProvider(provider);
    await provider.close();
    await expect
      .poll(async () => {
        const statuses: DataStatuses = await dataStatusOf(request, company.id);
        return Object.values(statuses).length > 0 && Object.values(statuses).every((s) => s.currentStatus === 'Complete');
      })
      .toBe(true);
    const fetched = Object.keys(await dataStatusOf(request, company.id));
    expect(fetched).toEqual(expect.arrayContaining(lending.dataTypes.Accounting ?? []));
    expect(fetched).not.toContain('cashFlowStatement'); // Insights needs it; lending never asked for it
  });

  // ------------------------------------------------------------------ act: Insights
  const providerVisits = recordProviderVisits(page);
  const reads = recordDataReads(page);

  await test.step('Insights finds the same business and offers to use the software already connected', async () => {
    const session = await signInToInsights(page, businessName, { axe: true });
    expect(session.companyId).toBe(company.id);
    await expect(page.getByRole('heading', { name: 'Share your data with Insights' })).toBeVisible();
    await expect(page.getByText('You already connected Xero for another product.', { exact: false })).toBeVisible();
    await expectNoAxeViolations(page, 'dashboard: existing customer, no Insights consent');
    await page.getByRole('link', { name: 'Review and share data' }).click();
    await page.waitForURL(`${INSIGHTS_URL}/connect`);
  });

  await test.step('additional consent: only what is new for Insights, no sign-in', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Share your data with Insights' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Confirm you are happy to share additional data' })).toBeVisible();
    await expect(page.getByText('You don’t need to sign in again', { exact: false })).toBeVisible();
    await expect(page.getByText('Cash flow statement', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, 'additional consent for Insights');
    await page.getByRole('button', { name: /Confirm I.m happy to share additional data/ }).click();
    await expect(page.getByRole('heading', { name: 'Your consent is recorded' })).toBeVisible();
    await expectNoAxeViolations(page, 'additional consent recorded');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.waitForURL(`${INSIGHTS_URL}/dashboard`);
  });

  await test.step('the dashboard fills in from the existing connection', async () => {
    await expectDashboardFigures(page);
    // No bank was connected for either product: Insights says so instead of showing a balance.
    await expect(page.getByRole('link', { name: 'Connect a bank account' })).toBeVisible();
    await expectNoAxeViolations(page, 'dashboard for the existing customer');
    expect(providerVisits, 'no provider sign-in during the Insights onboarding').toEqual([]);
  });

  await test.step('Insights read only the insights data types, for the insights product', async () => {
    const allowed = flat(insights.dataTypes);
    expect(reads.map((r) => r.dataType)).toEqual(expect.arrayContaining(['profitAndLoss', 'cashFlowStatement', 'invoices']));
    for (const read of reads) {
      expect(read.product).toBe('insights');
      expect(allowed).toContain(read.dataType);
    }
    // What lending fetched is not Insights' to read ...
    const customers = await readFor(request, company.id, 'customers', 'insights');
    expect(customers.status).toBe(403);
    expect(customers.body.error).toMatch(/does not cover customers/);
    // ... and what Insights needs was fetched from the existing connection, without a new sign-in.
    const cashFlow = await readFor(request, company.id, 'cashFlowStatement', 'insights');
    expect(cashFlow.status).toBe(200);
    expect(cashFlow.body.results?.length).toBeGreaterThan(0);
  });

  await test.step('both consents are on the ledger, each for its own product', async () => {
    const consents = await consentsOf(request, company.id);
    const forInsights = consents.find((c) => c.productIdentifier === 'insights');
    const forLending = consents.find((c) => c.productIdentifier === 'lending');
    expect(forInsights?.status).toBe('Active');
    expect(forInsights?.collectionMethod).toBe('additional-consent');
    expect(forInsights?.connectionIds).toEqual([xero.id]);
    expect(flat(forInsights?.dataTypes ?? {})).not.toContain('customers');
    expect(forLending?.status).toBe('Active');
  });
});
