/**
 * Every error a provider can send back (PROVIDER_ERROR_CODES, reference/004) reaches Copay's error path with a clear
 * message: in the application journey (`<ck-link>`'s error step, plus Copay's support notice when the person cannot
 * fix it), and on a reconnect from Manage connections (Copay's own callback page).
 */
import {
  PROVIDER_ERROR_CODES,
  PROVIDER_ERRORS,
  type Connection,
  type Page as ApiPage,
} from '@consent-kit/contract';
import { PROVIDER_ERROR_MESSAGES } from '../../apps/copay/src/provider-messages.js';
import {
  COPAY_URL,
  copayMe,
  expect,
  expectNoAxeViolations,
  mockApi,
  onboardAtCopay,
  simulateProviderError,
  startCopayApplication,
  test,
} from '../fixtures.js';

test('in the application journey, every provider error code shows a clear message and the right way on', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await startCopayApplication(page);
  await page.getByRole('option', { name: /^Xero/ }).click();

  for (const code of PROVIDER_ERROR_CODES) {
    await test.step(code, async () => {
      // Back to the hand-off: after the first round, from "Try again", or a fresh start of the journey.
      const confirm = page.getByRole('button', { name: 'Confirm' });
      const handoff = page.getByRole('button', { name: 'Continue to Xero' });
      await expect(confirm.or(handoff)).toBeVisible();
      if (await confirm.isVisible()) await confirm.click();
      await handoff.click();
      await simulateProviderError(page, code);

      await expect(page.getByRole('heading', { name: /We couldn.t connect/ })).toBeVisible();
      const box = page.locator('ck-link').locator('[part~="error"]');
      await expect(box).toContainText(`Error code: ${code}`);
      const message = (await box.locator('p').first().textContent())?.trim() ?? '';
      expect(message.length, `message for ${code}`).toBeGreaterThan(30);
      expect(message).not.toContain(code);

      const support = page.locator('#journey-support');
      if (PROVIDER_ERRORS[code].userRecoverable) {
        await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
        await expect(support).toHaveCount(0);
      } else {
        await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
        await expect(support).toContainText(`quote error code ${code}`);
        // Announced, and read (and tabbed to) before the widget and its Close button.
        await expect(support).toHaveRole('status');
        expect(
          await support.evaluate(
            (box) => box.compareDocumentPosition(document.querySelector('ck-link')!) & Node.DOCUMENT_POSITION_FOLLOWING,
          ),
        ).toBeTruthy();
      }
      await expectNoAxeViolations(page, `journey error ${code}`);

      if (PROVIDER_ERRORS[code].userRecoverable)
        await page.getByRole('button', { name: 'Try again' }).click();
      else {
        await page.goto(`${COPAY_URL}/apply/connect`);
        await page.getByRole('option', { name: /^Xero/ }).click();
      }
    });
  }
});

test('on a reconnect from Manage connections, every provider error code shows Copay’s message', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await onboardAtCopay(page, { banks: ['Starling Bank'] });
  const { applicant } = await copayMe(page);
  const connections = (
    await mockApi<ApiPage<Connection>>(request, 'GET', `/companies/${applicant.companyId}/connections`)
  ).results;
  const bank = connections.find((c) => c.platformName === 'Starling Bank')!;
  // The applicant disconnected the bank earlier: it can be reconnected.
  await mockApi(request, 'PATCH', `/companies/${applicant.companyId}/connections/${bank.id}`, {
    status: 'Unlinked',
  });

  for (const code of PROVIDER_ERROR_CODES) {
    await test.step(code, async () => {
      await page.goto(`${COPAY_URL}/connections`);
      await expect(
        page.getByRole('heading', { name: 'Your connection to Starling Bank is disconnected' }),
      ).toBeVisible();
      await page.getByRole('button', { name: /Reconnect/ }).click();
      await simulateProviderError(page, code);
      await expect(
        page.getByRole('heading', { level: 1, name: 'We could not reconnect your account' }),
      ).toBeVisible();
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('The connection was not renewed');
      await expect(alert).toContainText(PROVIDER_ERROR_MESSAGES[code]);
      await expect(alert).toContainText(`Error code: ${code}`);
      await expect(page.getByRole('link', { name: /Back to Manage connections/ })).toBeVisible();
      await expectNoAxeViolations(page, `reconnect error ${code}`);
      const still = await mockApi<Connection>(
        request,
        'GET',
        `/companies/${applicant.companyId}/connections/${bank.id}`,
      );
      expect(still.status).toBe('Unlinked');
    });
  }
});
