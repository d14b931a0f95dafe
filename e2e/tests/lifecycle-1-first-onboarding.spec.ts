/**
 * Lifecycle scenario 1 — onboarding a new customer for the first time (reference/003), in Copay:
 * home -> "Apply for a loan" -> validated details -> accounting software (picker) -> consent for the lending data
 * types -> simulated provider sign-in -> a bank -> sync progress -> application submitted with a summary computed
 * from the synced data. axe runs on every page and state on the way.
 */
import { readFile } from 'node:fs/promises';
import type { Company, ConsentRecord, Connection, Page as ApiPage } from '@consent-kit/contract';
import {
  APPLICANT,
  COPAY_DATA_FILE,
  COPAY_URL,
  connectInJourney,
  continueUntil,
  copayMe,
  expect,
  expectNoAxeViolations,
  fillCopayApplication,
  mockApi,
  test,
} from '../fixtures.js';

test('scenario 1: a new business applies, connects Xero and a bank, consents, and submits', async ({
  page,
  request,
}) => {
  await test.step('home', async () => {
    await page.goto(COPAY_URL);
    await expect(page).toHaveTitle(/Copay/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Funding that keeps up with your business',
    );
    await expectNoAxeViolations(page, 'home');
    await page.getByRole('link', { name: 'Apply for a loan' }).click();
    await page.waitForURL(`${COPAY_URL}/apply`);
  });

  await test.step('details, validated on the page and by the server', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Apply for a business loan');
    await expectNoAxeViolations(page, 'application form');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveCount(9); // every required field, phone is optional
    await expect(page.getByLabel('Business name')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Email address')).toHaveAccessibleDescription(/Enter your email address/);
    await expectNoAxeViolations(page, 'application form with errors');

    await fillCopayApplication(page, { email: 'not-an-email' });
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(summary.getByRole('link')).toHaveText([
      'Enter an email address in the correct format, like name@example.com',
    ]);
    await summary.getByRole('link').click();
    await expect(page.getByLabel('Email address')).toBeFocused();
    await page.getByLabel('Email address').fill(APPLICANT.email);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(`${COPAY_URL}/apply/connect`);
  });

  const me = await copayMe(page);
  const companyId = me.applicant.companyId;

  await test.step('the Codat company is named with Copay’s merchant id', async () => {
    const company = await mockApi<Company>(request, 'GET', `/companies/${companyId}`);
    expect(company.name).toBe(me.applicant.id);
    expect(me.applicant.id).toMatch(/^CPY-\d{6}-[0-9A-F]{4}$/);
  });

  await test.step('accounting software: picker, consent for the lending data types, provider sign-in', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connect your accounts');
    await expect(page.getByRole('heading', { name: 'Choose your accounting software' })).toBeVisible();
    await page.getByRole('option', { name: /Xero/ }).click();
    // What the person is asked to share: the lending product's data types in plain language.
    await expect(page.getByText('Copay would like access to your financial data')).toBeVisible();
    for (const item of ['Profit and loss', 'Balance sheet', 'Invoices', 'Bank transactions']) {
      await expect(page.getByText(item, { exact: true })).toBeVisible();
    }
    await expectNoAxeViolations(page, 'consent confirmation');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByRole('button', { name: 'Continue to Xero' })).toBeVisible();
    await expectNoAxeViolations(page, 'hand-off to Xero');
    await page.getByRole('button', { name: 'Continue to Xero' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Xero — simulated' })).toBeVisible();
    await expectNoAxeViolations(page, 'provider sign-in (Xero)');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL((url) => url.origin === COPAY_URL);
    await expect(
      page.getByRole('heading', { name: /Xero is connected|Fetching your data from Xero/ }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'back from Xero');
  });

  await test.step('a bank', async () => {
    await continueUntil(page, page.getByRole('option', { name: /Monzo Business/ }));
    await expect(page.getByRole('heading', { name: 'Choose your bank' })).toBeVisible();
    await expectNoAxeViolations(page, 'bank picker');
    // Consent was given once, before the first sign-in: the bank goes straight to its sign-in.
    await connectInJourney(page, 'Monzo Business', { axe: true });
    await continueUntil(page, page.getByRole('button', { name: 'Done' }));
    await expect(page.getByRole('button', { name: 'Connect another bank account' })).toBeVisible();
    await expectNoAxeViolations(page, 'bank connected');
    await page.getByRole('button', { name: 'Done' }).click();
  });

  await test.step('sync progress, then submit', async () => {
    await page.waitForURL(`${COPAY_URL}/apply/sync`);
    await expectNoAxeViolations(page, 'sync progress');
    await expect(page.getByRole('heading', { level: 1, name: 'Your data is ready' })).toBeVisible();
    await expect(page.getByText(/data types are synced/)).toBeVisible();
    await expectNoAxeViolations(page, 'sync complete');
    await page.getByRole('button', { name: 'Submit application' }).click();
    await page.waitForURL(`${COPAY_URL}/application`);
  });

  await test.step('application submitted, with a summary from the synced data', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Application submitted' })).toBeVisible();
    await expect(page.getByText(`Your reference is ${me.applicant.id}`)).toBeVisible();
    const figures = page.getByRole('definition');
    await expect(page.getByRole('term')).toContainText([
      'Revenue',
      'Net profit',
      'Net margin',
      'Cash in the bank',
    ]);
    const summary = (await copayMe(page)).application.summary!;
    expect(summary.revenue).toBeGreaterThan(0);
    expect(summary.bankAccounts).toBe(3);
    const revenue = new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency: 'GBP',
      maximumFractionDigits: 0,
    }).format(summary.revenue as number);
    await expect(figures.filter({ hasText: revenue }).first()).toBeVisible();
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Xero (accounting) — connected' }),
    ).toBeVisible();
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Monzo Business (bank) — connected' }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'application submitted');
  });

  await test.step('the ledger holds one lending consent covering both connections', async () => {
    const connections = (
      await mockApi<ApiPage<Connection>>(request, 'GET', `/companies/${companyId}/connections`)
    ).results;
    expect(connections.map((c) => [c.platformName, c.status])).toEqual(
      expect.arrayContaining([
        ['Xero', 'Linked'],
        ['Monzo Business', 'Linked'],
      ]),
    );
    const consents = (
      await mockApi<{ results: ConsentRecord[] }>(request, 'GET', `/companies/${companyId}/consents`)
    ).results;
    expect(consents).toHaveLength(1);
    const [consent] = consents;
    expect(consent).toMatchObject({
      productIdentifier: 'lending',
      status: 'Active',
      collectionMethod: 'web-form',
    });
    expect([...consent!.connectionIds].sort()).toEqual(
      connections
        .filter((c) => c.status === 'Linked')
        .map((c) => c.id)
        .sort(),
    );
    expect((await copayMe(page)).application.consentId).toBe(consent!.id);
  });

  await test.step('stored by Copay, not only held by the page', async () => {
    const stored = JSON.parse(await readFile(COPAY_DATA_FILE, 'utf8')) as {
      applicants: { id: string; businessName: string; companyId: string }[];
      applications: { applicantId: string; status: string; summary: unknown }[];
    };
    expect(stored.applicants).toContainEqual(
      expect.objectContaining({ id: me.applicant.id, businessName: APPLICANT.businessName, companyId }),
    );
    expect(stored.applications).toContainEqual(
      expect.objectContaining({
        applicantId: me.applicant.id,
        status: 'submitted',
        summary: expect.any(Object),
      }),
    );
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Application submitted' })).toBeVisible();
  });

  await test.step('Manage connections', async () => {
    await page.getByRole('link', { name: 'Manage connections' }).first().click();
    await page.waitForURL(`${COPAY_URL}/connections`);
    await expect(page.getByRole('heading', { level: 1, name: 'Manage connections' })).toBeVisible();
    await expect(page.getByText('Xero', { exact: true })).toBeVisible();
    await expect(page.getByText('Monzo Business', { exact: true })).toBeVisible();
    await expect(page.getByText('Copay business loan', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, 'manage connections');
  });
});
