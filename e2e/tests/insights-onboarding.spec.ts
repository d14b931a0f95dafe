/**
 * Insights (the React dashboard): a business signs in by name, connects Xero and a bank through <ck-link> (the
 * React wrapper), and sees its dashboard computed from reads for the `insights` product only. Keyboard-only
 * sign-in, a provider denial with its recovery, and axe on every page and state on the way. A business that
 * applied at Copay first finds the same company by its name.
 */
import {
  INSIGHTS_URL,
  approveAtProvider,
  continueUntil,
  copayMe,
  denyAtProvider,
  expect,
  expectNoAxeViolations,
  focused,
  onboardAtCopay,
  test,
} from '../fixtures.js';
import {
  dataStatusOf,
  expectDashboardFigures,
  flat,
  insightsSession,
  productOf,
  recordDataReads,
  signInToInsights,
  uniqueBusiness,
} from '../../apps/insights/e2e/flows.js';

test('a new business signs in with the keyboard, connects Xero and a bank, and sees its dashboard', async ({
  page,
  request,
}) => {
  const businessName = uniqueBusiness('Kestrel Bakery');
  const reads = recordDataReads(page);

  await test.step('sign-in, keyboard only', async () => {
    await page.goto(INSIGHTS_URL);
    await expect(page).toHaveTitle('Your business at a glance · Insights');
    await expectNoAxeViolations(page, 'sign-in');
    // An empty name is refused on the page, with the error tied to the field.
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // brand
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toMatch(/Business name/);
    await page.keyboard.press('Enter');
    const field = page.getByLabel('Business name');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/Enter your business name/);
    await expect(field).toBeFocused();
    await expectNoAxeViolations(page, 'sign-in with an error');
    await page.keyboard.type(businessName);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${INSIGHTS_URL}/dashboard`);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeFocused();
    await expect(page.getByRole('banner')).toContainText(businessName);
  });

  const { companyId } = await insightsSession(page);

  await test.step('a new business has nothing to show yet and is invited to connect', async () => {
    await expect(
      page.getByRole('heading', { name: 'Connect your software to see your dashboard' }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'dashboard before connecting');
    await page.getByRole('link', { name: 'Connect your software' }).click();
    await page.waitForURL(`${INSIGHTS_URL}/connect`);
    await expect(page.getByRole('heading', { level: 1, name: 'Connect your software' })).toBeFocused();
  });

  await test.step('Xero: consent for the insights data types, denied once at the provider, then approved', async () => {
    await page.getByRole('option', { name: /Xero/ }).click();
    for (const item of ['Profit and loss', 'Cash flow statement', 'Invoices', 'Balance sheet']) {
      await expect(page.getByText(item, { exact: true }).first()).toBeVisible();
    }
    await expectNoAxeViolations(page, 'consent for Insights');
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByRole('button', { name: 'Continue to Xero' }).click();
    await denyAtProvider(page);
    await page.waitForURL(`${INSIGHTS_URL}/connect/callback`);
    await expect(page.getByRole('heading', { name: /We couldn.t connect/ })).toBeVisible();
    await expect(page.getByText(/Xero did not give access to your data/)).toBeVisible();
    await expectNoAxeViolations(page, 'provider denied');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('button', { name: 'Continue to Xero' }).click();
    await approveAtProvider(page, { axe: true });
    await page.waitForURL(`${INSIGHTS_URL}/connect/callback`);
    // The result was read from the address and removed from it.
    expect(new URL(page.url()).search).toBe('');
    await expect(
      page.getByRole('heading', { name: /Xero is connected|Fetching your data from Xero/ }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'Xero connected');
  });

  await test.step('a bank: the optional second step', async () => {
    await continueUntil(page, page.getByRole('heading', { name: 'Choose your bank' }));
    await expectNoAxeViolations(page, 'bank picker');
    await page.getByRole('option', { name: /Sandbox Bank/ }).click();
    await page.getByRole('button', { name: 'Continue to Sandbox Bank' }).click();
    await approveAtProvider(page);
    await continueUntil(page, page.getByRole('button', { name: 'Done' }));
    await expectNoAxeViolations(page, 'journey finished');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.waitForURL(`${INSIGHTS_URL}/dashboard`);
  });

  await test.step('the dashboard: revenue trend, cash, top customers, from insights reads only', async () => {
    await expectDashboardFigures(page);
    await expect(page.getByRole('term').filter({ hasText: 'Cash balance' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: /across 3 bank accounts/ })).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Balance by bank account' }).getByRole('listitem'),
    ).toHaveCount(3);
    await expectNoAxeViolations(page, 'dashboard with figures');
    // The figures are also available as tables.
    await page.getByText('Show the figures as a table').first().click();
    await expect(page.getByRole('table', { name: 'Revenue by month' }).getByRole('row')).toHaveCount(13);
    await expectNoAxeViolations(page, 'dashboard with the revenue table open');

    const product = await productOf(request, 'insights');
    const allowed = flat(product.dataTypes);
    expect(reads.length).toBeGreaterThanOrEqual(4);
    for (const read of reads) {
      expect(read.product).toBe('insights');
      expect(allowed).toContain(read.dataType);
    }
    // Scenario 2's rule from the start: only the data types Insights consented to were fetched from Xero.
    const fetched = Object.keys(await dataStatusOf(request, companyId));
    for (const dataType of fetched) expect(allowed).toContain(dataType);
    expect(fetched).not.toContain('customers');
  });

  await test.step('signed in after a reload; sign out returns to the sign-in page', async () => {
    await page.reload();
    await expectDashboardFigures(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your business at a glance' })).toBeVisible();
    await page.goto(`${INSIGHTS_URL}/privacy`);
    await expect(page.getByLabel('Business name')).toBeVisible();
  });
});

test('a business that applied at Copay signs in to Insights by the same name and finds the same company', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const businessName = uniqueBusiness('Copay First Cafe');
  await onboardAtCopay(page, { applicant: { businessName } });
  const { applicant } = await copayMe(page);

  // Copay names its companies by merchant id; Insights finds the business by the name tag Copay set.
  const session = await signInToInsights(page, `  ${businessName.toUpperCase()} `);
  expect(session.companyId).toBe(applicant.companyId);
  await expect(page.getByText(businessName.toUpperCase()).first()).toBeVisible();
  await expect(page.getByText(applicant.id)).toHaveCount(0);
  // What Copay connected is offered to Insights without a new provider sign-in.
  await expect(
    page.getByText('You already connected Xero and Monzo Business for another product.'),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'dashboard: a Copay applicant, no Insights consent yet');
});
