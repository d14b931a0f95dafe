/**
 * Lifecycle scenario 4 — a customer already connected for the dashboard product grants data access for another
 * product (reference/003): from Insights, "Apply for Copay financing" asks for the `lending` consent with a simple
 * "Confirm I'm happy to share additional data" — no provider sign-in. The consent is stored (ISO 27560 record with
 * its notice text), adhered to (lending can read; Insights' own reads are untouched) and revocable at any time.
 * axe on every page and state.
 */
import { COPAY_URL, INSIGHTS_URL, expect, expectNoAxeViolations, test } from '../fixtures.js';
import {
  connectionsOf,
  consentsOf,
  expectDashboardFigures,
  flat,
  onboardInsights,
  productOf,
  readFor,
  recordProviderVisits,
  signInToInsights,
  uniqueBusiness,
} from '../../apps/insights/e2e/flows.js';

test('scenario 4: an Insights customer grants Copay lending access without re-authenticating, and can revoke it', async ({ page, request }) => {
  const { companyId } = await signInToInsights(page, uniqueBusiness('Blue Harbour Cafe'));
  await onboardInsights(page);
  const [xero] = await connectionsOf(request, companyId);
  const lending = await productOf(request, 'lending');
  const providerVisits = recordProviderVisits(page);

  await test.step('before: lending cannot read anything (no consent)', async () => {
    expect((await readFor(request, companyId, 'profitAndLoss', 'lending')).status).toBe(403);
  });

  await test.step('"Apply for Copay financing" asks only for what is new, with no sign-in', async () => {
    await page.getByRole('link', { name: 'Apply for Copay financing' }).click();
    await page.waitForURL(`${INSIGHTS_URL}/financing`);
    await expect(page.getByRole('heading', { level: 1, name: 'Copay financing' })).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Confirm you are happy to share additional data' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Copay would like to use more of your data' })).toBeVisible();
    await expect(page.getByText('You don’t need to sign in again', { exact: false })).toBeVisible();
    // What is new for lending versus what Insights already reads.
    await expect(page.getByRole('heading', { name: 'New data you’re asked to share' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Data you already share' })).toBeVisible();
    await expect(page.getByText('Customers', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, 'additional consent for Copay lending');
  });

  await test.step('"Confirm I’m happy to share additional data": recorded, no provider page', async () => {
    await page.getByRole('button', { name: /Confirm I.m happy to share additional data/ }).click();
    await expect(page.getByRole('heading', { name: 'Your consent is recorded' })).toBeVisible();
    await expectNoAxeViolations(page, 'lending consent recorded');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('heading', { name: 'You are sharing data with Copay business loan' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Continue your application at Copay' })).toHaveAttribute('href', `${COPAY_URL}/apply`);
    await expectNoAxeViolations(page, 'financing: consent active');
    expect(providerVisits, 'no provider sign-in for the additional product').toEqual([]);
  });

  await test.step('stored: an ISO/IEC TS 27560 record with the evidence of what was shown', async () => {
    const consents = await consentsOf(request, companyId);
    const record = consents.find((c) => c.productIdentifier === 'lending');
    expect(record).toMatchObject({
      schema: 'ISO/IEC TS 27560:2023',
      status: 'Active',
      collectionMethod: 'additional-consent',
      subject: { companyId },
      connectionIds: [xero!.id],
    });
    expect(record!.events.map((e) => e.type)).toEqual(['given']);
    // The evidence is the text the person saw: what is new, and that no new sign-in was needed.
    expect(record!.events[0]!.noticeText).toMatch(/New data you’re asked to share/);
    expect(record!.events[0]!.noticeText).toMatch(/You don’t need to sign in again/);
    expect(flat(record!.dataTypes)).toEqual(expect.arrayContaining(flat(lending.dataTypes)));
    // Adhered to: lending now reads what Insights had already fetched from the same connection.
    const pnl = await readFor(request, companyId, 'profitAndLoss', 'lending');
    expect(pnl.status).toBe(200);
    expect(pnl.body.results?.length).toBe(12);
  });

  await test.step('revocable: withdraw the lending consent under Data & privacy', async () => {
    await page.getByRole('link', { name: 'Manage or withdraw this consent' }).click();
    await page.waitForURL(`${INSIGHTS_URL}/privacy`);
    await expect(page.getByText('Copay business loan and Copay business insights use this connection.')).toBeVisible();
    await expectNoAxeViolations(page, 'Data & privacy with two products');
    const loan = page.locator('ck-connection-manager').locator('[part~="consent"]').filter({ hasText: 'Copay business loan' });
    await loan.getByRole('button', { name: 'Withdraw consent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw consent for Copay business loan?' });
    await expect(dialog).toBeVisible();
    // The impact on each product (the text is slotted into the dialog, so it is found on the page).
    await expect(page.getByText('Copay business loan will stop reading your data; it keeps what it has for 90 days.')).toBeVisible();
    await expect(page.getByText('Copay business insights keeps using your connections under its own consent.')).toBeVisible();
    await expectNoAxeViolations(page, 'withdraw lending: confirmation');
    await dialog.getByRole('button', { name: 'Withdraw consent' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copay business loan no longer reads your data' })).toBeVisible();
    await expect(page.getByText('Not affected: Copay business insights keeps its own consent')).toBeVisible();
    await expect(loan).toContainText('Withdrawn');
    await expectNoAxeViolations(page, 'lending consent withdrawn');
  });

  await test.step('after: lending is refused again, Insights still works', async () => {
    const refused = await readFor(request, companyId, 'profitAndLoss', 'lending');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/Withdrawn/);
    expect((await readFor(request, companyId, 'profitAndLoss', 'insights')).status).toBe(200);
    const record = (await consentsOf(request, companyId)).find((c) => c.productIdentifier === 'lending');
    expect(record!.events.map((e) => e.type)).toEqual(['given', 'withdrawn']);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expectDashboardFigures(page);
  });
});
