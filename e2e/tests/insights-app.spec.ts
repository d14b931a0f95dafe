/**
 * Insights as an app: security headers and a strict CSP with Trusted Types on every page (the shared guard fails
 * on any violation), Codat-style errors from its backend, keyboard-only navigation with focus moved to each new
 * page's heading, a 320 px wide screen without sideways scrolling, the not-found page. axe on every page.
 */
import { INSIGHTS_URL, MOCK_URL, expect, expectNoAxeViolations, focused, tabTo, test } from '../fixtures.js';
import { onboardInsights, signInToInsights, uniqueBusiness } from '../../apps/insights/e2e/flows.js';

test('every page is served with the security headers and a strict CSP, and the backend answers errors in Codat shape', async ({
  page,
  request,
}) => {
  for (const path of ['/', '/dashboard', '/connect/callback?statusCode=200', '/no-such-page']) {
    const response = await request.get(`${INSIGHTS_URL}${path}`);
    expect(response.status(), path).toBe(200); // the app routes in the browser
    const headers = response.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['content-security-policy']).toBe(
      `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' ${MOCK_URL} data:; connect-src 'self' ${MOCK_URL}; ` +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'",
    );
  }
  const missing = await request.get(`${INSIGHTS_URL}/assets/nope.js`);
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ statusCode: 404, service: 'insights' });

  const bad = await request.post(`${INSIGHTS_URL}/api/session`, { data: { businessName: '<script>alert(1)</script>' } });
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(body).toMatchObject({ statusCode: 400, service: 'insights', error: 'Enter your business name.' });
  expect(body.validation.errors[0].itemId).toBe('businessName');
  expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+/);

  await test.step('the refusal is shown next to the field', async () => {
    await page.goto(INSIGHTS_URL);
    await page.getByLabel('Business name').fill('Bad <b>name</b>');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toHaveText(/Business name may only contain letters, digits, spaces/);
    await expect(page.getByLabel('Business name')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, 'sign-in refused by the server');
  });

  await test.step('an unknown address shows a not-found page inside the app', async () => {
    await signInToInsights(page, uniqueBusiness('Orbital Print'));
    await page.goto(`${INSIGHTS_URL}/no-such-page`);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page).toHaveTitle('Page not found · Insights');
    await expectNoAxeViolations(page, 'not found');
  });
});

test('keyboard only: skip link, main navigation with focus on each new heading, visible focus', async ({ page }) => {
  await signInToInsights(page, uniqueBusiness('Tall Tree Studio'));
  await onboardInsights(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Revenue trend' })).toBeVisible();

  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ name: 'Skip to content', focusVisible: true });
  await page.keyboard.press('Enter');
  expect((await focused(page)).tag).toBe('main');

  for (const [link, heading] of [
    ['Data & privacy', 'Data & privacy'],
    ['Copay financing', 'Copay financing'],
    ['Dashboard', 'Dashboard'],
  ] as const) {
    // Back from the page's heading into the header's navigation.
    await tabTo(page, new RegExp(`^${link}$`), { backwards: true });
    expect((await focused(page)).focusVisible).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
    await expect(page.getByRole('link', { name: link, exact: true })).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations(page, `${heading} (keyboard)`);
  }

  await test.step('the figures table opens from the keyboard', async () => {
    await tabTo(page, /Show the figures as a table/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('table', { name: 'Revenue by month' })).toBeVisible();
  });
});

test('320 px wide: every page reflows without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  await page.goto(INSIGHTS_URL);
  const noSidewaysScroll = async (state: string) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${state} scrolls sideways`).toBeLessThanOrEqual(0);
  };
  await noSidewaysScroll('sign-in');
  await signInToInsights(page, uniqueBusiness('Maple and Finch'));
  await onboardInsights(page, { bank: 'Sandbox Bank' });
  for (const [path, heading] of [
    ['/dashboard', 'Dashboard'],
    ['/privacy', 'Data & privacy'],
    ['/financing', 'Copay financing'],
  ] as const) {
    await page.goto(`${INSIGHTS_URL}${path}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await noSidewaysScroll(heading);
    await expectNoAxeViolations(page, `${heading} at 320 px`);
    await test.info().attach(`${heading} at 320 px`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  }
});
