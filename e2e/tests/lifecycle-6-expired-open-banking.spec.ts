/**
 * Lifecycle scenario 6 — an existing customer's open-banking connection has expired (reference/003): the mock's
 * clock moves 91 days on, the bank connection is Deauthorized; Copay tells the applicant (application, home and
 * Manage connections), and they re-consent through the same connection's sign-in, which makes it Linked again.
 *
 * The clock only moves forward, so this spec creates its own applicant and checks only what is relative to it.
 */
import type { Connection } from '@consent-kit/contract';
import {
  COPAY_URL,
  advanceClock,
  approveAtProvider,
  copayMe,
  expect,
  expectNoAxeViolations,
  mockApi,
  onboardAtCopay,
  test,
} from '../fixtures.js';

test('scenario 6: an expired open-banking connection is reported, then renewed by re-consent', async ({
  page,
  request,
}) => {
  await onboardAtCopay(page, { banks: ['Monzo Business'] });
  const { applicant, application } = await copayMe(page);
  const bank = application.connections.find((c) => c.platformName === 'Monzo Business')!;
  const accounting = application.connections.find((c) => c.platformName === 'Xero')!;

  await test.step('91 days later, the bank connection has expired', async () => {
    await advanceClock(request, 91);
    const expired = await mockApi<Connection>(
      request,
      'GET',
      `/companies/${applicant.companyId}/connections/${bank.id}`,
    );
    expect(expired.status).toBe('Deauthorized');
    const xero = await mockApi<Connection>(
      request,
      'GET',
      `/companies/${applicant.companyId}/connections/${accounting.id}`,
    );
    expect(xero.status).toBe('Linked'); // only open banking expires
  });

  await test.step('Copay tells the applicant, on their application and on the home page', async () => {
    await page.goto(`${COPAY_URL}/application`);
    const warning = page.getByRole('heading', { name: 'Your connection to Monzo Business has expired' });
    await expect(warning).toBeVisible();
    await expect(page.getByText(/Open banking access lasts 90 days/)).toBeVisible();
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Monzo Business (bank) — expired' }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'application with expired bank');
    await page.goto(COPAY_URL);
    await expect(warning).toBeVisible();
    await expectNoAxeViolations(page, 'home with expired bank');
    await page.getByRole('link', { name: 'Reconnect Monzo Business' }).click();
    await page.waitForURL(`${COPAY_URL}/connections`);
  });

  await test.step('Manage connections offers to reconnect it', async () => {
    await expect(
      page.getByRole('heading', { name: 'Your connection to Monzo Business has expired' }),
    ).toBeVisible();
    const reconnect = page.getByRole('button', { name: /Reconnect/ });
    await expect(reconnect).toHaveCount(1);
    await expectNoAxeViolations(page, 'manage connections with expired bank');
    await reconnect.click();
  });

  await test.step('re-consent at the provider renews the same connection', async () => {
    const provider = await approveAtProvider(page, { axe: true });
    expect(provider).toBe('Monzo Business');
    await page.waitForURL(`${COPAY_URL}/connections`);
    await expect(page.getByRole('heading', { name: 'Monzo Business is reconnected' })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Your connection to Monzo Business has expired' }),
    ).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Reconnect/ })).toHaveCount(0);
    await expectNoAxeViolations(page, 'manage connections after reconnect');
    const renewed = await mockApi<Connection>(
      request,
      'GET',
      `/companies/${applicant.companyId}/connections/${bank.id}`,
    );
    expect(renewed.status).toBe('Linked');
    const after = await copayMe(page);
    expect(after.application.connections.find((c) => c.id === bank.id)?.status).toBe('Linked');
    expect(after.consentStatus).toBe('Active');
  });

  await test.step('the application no longer warns', async () => {
    await page.goto(`${COPAY_URL}/application`);
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Monzo Business (bank) — connected' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: /has expired/ })).toHaveCount(0);
  });
});
