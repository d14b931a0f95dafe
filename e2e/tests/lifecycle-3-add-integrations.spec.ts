/**
 * Lifecycle scenario 3 — an existing customer adds integration packages for a product they already use
 * (reference/003): a Copay applicant with a submitted application connects another bank from "Manage connections".
 * No new consent screen and no re-login to the accounting software: the lending consent is amended to include the
 * new connection, and the application's summary is refreshed with its data.
 */
import type { ConsentRecord, Connection, Page as ApiPage } from '@consent-kit/contract';
import {
  COPAY_URL,
  approveAtProvider,
  continueUntil,
  copayMe,
  expect,
  expectNoAxeViolations,
  mockApi,
  onboardAtCopay,
  test,
} from '../fixtures.js';

test('scenario 3: a Copay customer connects another bank to their existing lending consent', async ({
  page,
  request,
}) => {
  await onboardAtCopay(page, { banks: ['Monzo Business'] });
  const before = await copayMe(page);
  const companyId = before.applicant.companyId;
  const consentBefore = (
    await mockApi<{ results: ConsentRecord[] }>(request, 'GET', `/companies/${companyId}/consents`)
  ).results[0]!;
  expect(before.application.summary?.bankAccounts).toBe(3);

  await test.step('"Add another connection" from Manage connections', async () => {
    await page.goto(`${COPAY_URL}/connections`);
    await page.getByRole('button', { name: 'Add another connection' }).click();
    await page.waitForURL(`${COPAY_URL}/connections/add`);
    await expect(page.getByRole('heading', { level: 1, name: 'Connect another bank' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Choose your bank' })).toBeVisible();
    await expectNoAxeViolations(page, 'add a bank: picker');
  });

  await test.step('the new bank goes straight to its sign-in: no second consent, no accounting re-login', async () => {
    await page.getByRole('option', { name: /Barclays/ }).click();
    await expect(page.getByRole('button', { name: 'Continue to Barclays' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Confirm' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'add a bank: hand-off');
    await page.getByRole('button', { name: 'Continue to Barclays' }).click();
    const provider = await approveAtProvider(page, { axe: true });
    expect(provider).toBe('Barclays');
    await continueUntil(page, page.getByRole('button', { name: 'Done' }));
    await expectNoAxeViolations(page, 'add a bank: connected');
    await page.getByRole('button', { name: 'Done' }).click();
  });

  await test.step('the application is updated with the new bank', async () => {
    await page.waitForURL(`${COPAY_URL}/application?updated=1`);
    await expect(page.getByRole('heading', { name: 'Your application is up to date' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Barclays (bank) — connected' })).toBeVisible();
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Monzo Business (bank) — connected' }),
    ).toBeVisible();
    const after = await copayMe(page);
    expect(after.application.summary?.bankAccounts).toBe(6);
    expect(after.application.connections.map((c) => c.platformName).sort()).toEqual([
      'Barclays',
      'Monzo Business',
      'Xero',
    ]);
    await expectNoAxeViolations(page, 'application updated');
  });

  await test.step('the same consent record now covers the new connection (amended, not replaced)', async () => {
    const connections = (
      await mockApi<ApiPage<Connection>>(request, 'GET', `/companies/${companyId}/connections`)
    ).results;
    const barclays = connections.find((c) => c.platformName === 'Barclays')!;
    expect(barclays.status).toBe('Linked');
    const xero = connections.filter((c) => c.platformName === 'Xero');
    expect(xero).toHaveLength(1); // accounting was not connected again
    const consents = (
      await mockApi<{ results: ConsentRecord[] }>(request, 'GET', `/companies/${companyId}/consents`)
    ).results;
    expect(consents).toHaveLength(1);
    expect(consents[0]!.id).toBe(consentBefore.id);
    expect(consents[0]!.status).toBe('Active');
    expect(consents[0]!.connectionIds).toEqual(
      expect.arrayContaining([...consentBefore.connectionIds, barclays.id]),
    );
    // Append-only: the events so far, plus one amendment for the new bank.
    expect(consents[0]!.events.map((e) => e.type)).toEqual([
      ...consentBefore.events.map((e) => e.type),
      'amended',
    ]);
    expect(consents[0]!.events.at(-1)!.connectionIds).toContain(barclays.id);
  });

  await test.step('Manage connections lists all three', async () => {
    await page.goto(`${COPAY_URL}/connections`);
    for (const name of ['Xero', 'Monzo Business', 'Barclays'])
      await expect(page.getByText(name, { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, 'manage connections with three');
  });
});
