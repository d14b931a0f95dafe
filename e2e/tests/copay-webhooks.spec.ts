/**
 * Copay's backend receives the mock API's webhooks (registered at start from COPAY_PUBLIC_URL, signed per Standard
 * Webhooks, deduplicated by webhook-id) and the application page lists what they said.
 */
import { COPAY_URL, expect, expectNoAxeViolations, mockApi, onboardAtCopay, test } from '../fixtures.js';

interface Activity {
  type: string;
  platformName: string | null;
}

test('a disconnect in Manage connections reaches Copay as a webhook and shows in Recent activity', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);

  await test.step('Copay registered one consumer for its receiver', async () => {
    const { results } = await mockApi<{ results: { url: string; eventTypes: string[] }[] }>(
      request,
      'GET',
      '/webhooks',
    );
    const ours = results.filter((c) => c.url === `${COPAY_URL}/webhooks/codat`);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.eventTypes).toEqual(
      expect.arrayContaining(['connection.disconnected', 'read.completed']),
    );
  });

  await onboardAtCopay(page);
  const activity = async (): Promise<Activity[]> => {
    const response = await page.request.get(`${COPAY_URL}/api/me`);
    return ((await response.json()) as { application: { activity: Activity[] } }).application.activity;
  };
  await expect
    .poll(async () =>
      (await activity()).some((a) => a.type === 'connection.connected' && a.platformName === 'Xero'),
    )
    .toBe(true);

  await test.step('disconnect Xero in Manage connections', async () => {
    await page
      .getByRole('region', { name: 'What happens next' })
      .getByRole('link', { name: 'Manage connections' })
      .click();
    await page.waitForURL(`${COPAY_URL}/connections`);
    const xero = page.locator('ck-connection-manager li').filter({ hasText: 'Xero' }).first();
    await xero.getByRole('button', { name: 'Disconnect' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await expect(dialog).toHaveCount(0);
  });

  await expect
    .poll(async () => (await activity()).filter((a) => a.type === 'connection.disconnected'), {
      timeout: 20_000,
    })
    .toEqual([expect.objectContaining({ platformName: 'Xero' })]);

  await test.step('the application page lists the activity', async () => {
    await page.goto(`${COPAY_URL}/application`);
    const section = page.getByRole('region', { name: 'Recent activity' });
    await expect(section.getByRole('heading', { level: 2, name: 'Recent activity' })).toBeVisible();
    const items = section.getByRole('list').getByRole('listitem');
    const when = String.raw`\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}`;
    await expect(items.first()).toHaveText(new RegExp(`^Xero disconnected — ${when}$`));
    await expect(items.filter({ hasText: /^Xero connected — / })).toHaveCount(1);
    await expect(section.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    await expectNoAxeViolations(page, 'application with recent activity');
  });
});
