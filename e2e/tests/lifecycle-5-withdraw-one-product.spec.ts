/**
 * Lifecycle scenario 5 — a customer removes consent for one use case (reference/003): the business shares Xero and
 * a bank with Insights and with Copay lending, and withdraws Insights' consent under Data & privacy. Before
 * confirming, it is told the impact on each product; afterwards Insights' reads are refused (403) while lending
 * still reads the same connections (data kept: the connections stay Linked, nothing is deleted, the retention
 * period is stated). The ledger stays append-only, and consent can be given again without a new sign-in.
 * axe on every page and state.
 */
import type { ConsentRecord } from '@consent-kit/contract';
import { INSIGHTS_URL, expect, expectNoAxeViolations, mockApi, test } from '../fixtures.js';
import {
  connectionsOf,
  consentsOf,
  expectDashboardFigures,
  onboardInsights,
  readFor,
  recordDataReads,
  recordProviderVisits,
  signInToInsights,
  uniqueBusiness,
} from '../../apps/insights/e2e/flows.js';

test('scenario 5: withdrawing Insights shows the impact, refuses Insights reads and leaves Copay lending working', async ({ page, request }) => {
  const { companyId } = await signInToInsights(page, uniqueBusiness('Greenway Florists'));
  await onboardInsights(page, { bank: 'Sandbox Bank' });
  const connections = await connectionsOf(request, companyId);
  expect(connections.map((c) => c.platformName).sort()).toEqual(['Sandbox Bank', 'Xero']);
  // The business also applied to Copay, which recorded its lending consent on the same connections.
  await mockApi<ConsentRecord>(request, 'POST', `/companies/${companyId}/consents`, {
    productIdentifier: 'lending',
    connectionIds: connections.map((c) => c.id),
    collectionMethod: 'api',
  });
  const insightsBefore = (await consentsOf(request, companyId)).find((c) => c.productIdentifier === 'insights')!;

  await test.step('Data & privacy shows which products use each connection', async () => {
    await page.getByRole('link', { name: 'Data & privacy' }).click();
    await page.waitForURL(`${INSIGHTS_URL}/privacy`);
    await expect(page.getByRole('heading', { level: 1, name: 'Data & privacy' })).toBeFocused();
    await expect(page.getByText('Copay business loan and Copay business insights use this connection.')).toHaveCount(2);
    await expect(page.getByText(/Your consent:.*You agreed on/)).toBeVisible();
    await expectNoAxeViolations(page, 'Data & privacy, two products');
  });

  const manager = page.locator('ck-connection-manager');
  const insightsCard = manager.locator('[part~="consent"]').filter({ hasText: 'Copay business insights' });

  await test.step('before withdrawing, the impact on every product is stated', async () => {
    await insightsCard.getByRole('button', { name: 'Withdraw consent' }).click();
    await expect(page.getByRole('dialog', { name: 'Withdraw consent for Copay business insights?' })).toBeVisible();
    await expect(page.getByText('Copay business insights will stop reading your data; it keeps what it has for 30 days.')).toBeVisible();
    await expect(page.getByText('Copay business loan keeps using your connections under its own consent.')).toBeVisible();
    await expect(page.getByText(/Your connections \((Xero and Sandbox Bank|Sandbox Bank and Xero)\) stay connected/)).toBeVisible();
    await expectNoAxeViolations(page, 'withdraw Insights: confirmation');
    // "Keep it" changes nothing and gives focus back.
    await page.getByRole('button', { name: 'Keep it' }).click();
    await expect(insightsCard.getByRole('button', { name: 'Withdraw consent' })).toBeFocused();
    expect((await consentsOf(request, companyId)).find((c) => c.id === insightsBefore.id)?.status).toBe('Active');
  });

  await test.step('withdraw: Insights stops, Copay lending is not affected', async () => {
    await insightsCard.getByRole('button', { name: 'Withdraw consent' }).click();
    await page.getByRole('dialog', { name: 'Withdraw consent for Copay business insights?' }).getByRole('button', { name: 'Withdraw consent' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copay business insights no longer reads your data' })).toBeVisible();
    await expect(page.getByText('Not affected: Copay business loan keeps its own consent and still reads the data it needs.')).toBeVisible();
    await expect(insightsCard).toContainText('Withdrawn');
    // Data retention, as the product declares it.
    await expect(insightsCard.getByText('Copay business insights keeps the data it already has for 30 days, then deletes it.')).toBeVisible();
    await expect(page.getByText(/Your consent:.*You withdrew on/)).toBeVisible();
    // Focus is not lost with the button that disappeared: it moves to the outcome.
    await expect(page.getByRole('status').filter({ hasText: 'Copay business insights no longer reads your data' })).toBeFocused();
    await expectNoAxeViolations(page, 'Insights consent withdrawn');
  });

  await test.step('the dashboard explains, and reads nothing any more', async () => {
    const reads = recordDataReads(page);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { name: 'You withdrew your consent for Insights' })).toBeVisible();
    await expect(page.getByText('Not affected: Copay business loan keeps its own consent and still works.')).toBeVisible();
    await expect(page.getByText(/We keep your data for 30 days after your consent ends/)).toBeVisible();
    await expectNoAxeViolations(page, 'dashboard after withdrawal');
    expect(reads).toEqual([]);
  });

  await test.step('the API refuses Insights reads and serves lending from the same, still-linked connections', async () => {
    for (const dataType of ['profitAndLoss', 'banking-accountBalances']) {
      const refused = await readFor(request, companyId, dataType, 'insights');
      expect(refused.status, `${dataType} for insights`).toBe(403);
      expect(refused.body.error).toMatch(/consent for product insights is Withdrawn/);
      const served = await readFor(request, companyId, dataType, 'lending');
      expect(served.status, `${dataType} for lending`).toBe(200);
      expect(served.body.results?.length).toBeGreaterThan(0);
    }
    expect((await connectionsOf(request, companyId)).map((c) => c.status)).toEqual(['Linked', 'Linked']);
    const ledger = await consentsOf(request, companyId);
    const withdrawn = ledger.find((c) => c.id === insightsBefore.id)!;
    expect(withdrawn.status).toBe('Withdrawn');
    // Append-only: the earlier events (given, then amended when the bank was added) are untouched; the withdrawal
    // is a new event after them.
    expect(insightsBefore.events.map((e) => e.type)).toEqual(['given', 'amended']);
    expect(withdrawn.events.slice(0, -1)).toEqual(insightsBefore.events);
    expect(withdrawn.events.at(-1)?.type).toBe('withdrawn');
    expect(ledger.find((c) => c.productIdentifier === 'lending')?.status).toBe('Active');
  });

  await test.step('consent can be given again, without signing in to the provider', async () => {
    const providerVisits = recordProviderVisits(page);
    await page.getByRole('link', { name: 'Share data with Insights again' }).click();
    await expect(page.getByRole('heading', { name: 'Confirm you are happy to share additional data' })).toBeVisible();
    await expectNoAxeViolations(page, 'consent again for Insights');
    await page.getByRole('button', { name: /Confirm I.m happy to share additional data/ }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.waitForURL(`${INSIGHTS_URL}/dashboard`);
    await expectDashboardFigures(page);
    expect(providerVisits).toEqual([]);
    const forInsights = (await consentsOf(request, companyId)).filter((c) => c.productIdentifier === 'insights');
    expect(forInsights.map((c) => c.status).sort()).toEqual(['Active', 'Withdrawn']);
  });
});
