/**
 * Copay as a web application: security headers and a strict CSP with Trusted Types (the page guard in fixtures
 * fails any test on a violation), the API key never reaching the browser, names rendering as text, the brand set
 * through consent-kit tokens, 320 px reflow, and the "Check your data" page recovering from an early submit.
 */
import type { Page } from '@playwright/test';
import {
  API_KEY,
  COPAY_URL,
  MOCK_URL,
  expect,
  expectNoAxeViolations,
  onboardAtCopay,
  startCopayApplication,
  test,
} from '../fixtures.js';

test('every response carries the security headers and a strict CSP', async ({ request }) => {
  for (const path of ['/', '/apply', '/api/me', '/api/nope']) {
    const response = await request.get(`${COPAY_URL}${path}`);
    const headers = response.headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    const csp = headers['content-security-policy'] ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      `img-src 'self' ${MOCK_URL} data:`,
      `connect-src 'self' ${MOCK_URL}`,
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "require-trusted-types-for 'script'",
    ])
      expect(csp, path).toContain(directive);
  }
  const bad = await request.post(`${COPAY_URL}/api/applicants`, {
    headers: { 'content-type': 'application/json' },
    data: '{"businessName":',
  });
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(body).toMatchObject({ statusCode: 400, service: 'Copay' });
  expect(JSON.stringify(body)).not.toMatch(/at \S+\.(ts|js):\d+/);
});

test('the API key stays on the server: the browser talks to the API with a company-scoped bearer token', async ({
  page,
}) => {
  const authorizations: string[] = [];
  page.on('request', (req) => {
    if (req.url().startsWith(MOCK_URL)) {
      const auth = req.headers()['authorization'];
      if (auth) authorizations.push(auth);
    }
  });
  const bodies: string[] = [];
  page.on('response', async (res) => {
    if (res.url().startsWith(COPAY_URL) && /javascript|json|html/.test(res.headers()['content-type'] ?? ''))
      bodies.push(await res.text().catch(() => ''));
  });
  await startCopayApplication(page);
  await expect(page.getByRole('option', { name: /^Xero/ })).toBeVisible();
  expect(authorizations.length).toBeGreaterThan(0);
  for (const auth of authorizations) expect(auth).toMatch(/^Bearer /);
  const basic = Buffer.from(API_KEY).toString('base64');
  for (const body of bodies) {
    expect(body).not.toContain(API_KEY);
    expect(body).not.toContain(basic);
  }
});

test('names typed by applicants render as text, never as markup', async ({ page }) => {
  const hostile = 'Evil <img src=x onerror="window.__xss=1"> & <script>window.__xss=2</script> Ltd';
  await onboardAtCopay(page, { applicant: { businessName: hostile } });
  for (const path of ['/', '/application', '/connections']) {
    await page.goto(`${COPAY_URL}${path}`);
    await expect(page.getByText(hostile).first()).toBeVisible();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
    await expectNoAxeViolations(page, `${path} with a hostile business name`);
  }
});

test('the Copay brand reaches the elements through --ck-sys-* tokens only', async ({ page }) => {
  await startCopayApplication(page);
  await page.getByRole('option', { name: /^Xero/ }).click();
  const confirm = page.getByRole('button', { name: 'Confirm' });
  await expect(confirm).toBeVisible();
  const [brand, background] = await Promise.all([
    page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--ck-sys-color-primary').trim(),
    ),
    confirm.evaluate((el) => getComputedStyle(el).backgroundColor),
  ]);
  expect(brand).toBe('#0f766e');
  expect(background).toBe('rgb(15, 118, 110)');
});

async function expectNoHorizontalScroll(page: Page, state: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${state} scrolls sideways at 320 px`).toBeLessThanOrEqual(clientWidth);
}

test('every page offers the same way to get help, in the same place (WCAG 3.2.6)', async ({ page }) => {
  for (const path of ['/', '/apply', '/application', '/connections']) {
    await page.goto(`${COPAY_URL}${path}`);
    const help = page.getByRole('contentinfo').getByRole('link', { name: '0800 555 0199' });
    await expect(help, path).toHaveAttribute('href', 'tel:+448005550199');
  }
});

test('reflows at 320 px without sideways scrolling', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 720 });
  await page.goto(COPAY_URL);
  await expectNoHorizontalScroll(page, 'home');
  await page.goto(`${COPAY_URL}/apply`);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expectNoHorizontalScroll(page, 'form with errors');
  await expectNoAxeViolations(page, 'form with errors at 320 px');
  await onboardAtCopay(page);
  await expectNoHorizontalScroll(page, 'application submitted');
  await page.goto(`${COPAY_URL}/connections`);
  await expect(page.getByText('Xero', { exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page, 'manage connections');
  await expectNoAxeViolations(page, 'manage connections at 320 px');
});

test('an early submit is refused while data syncs, and the warning goes once the sync completes', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Holds the page's sync polling (so the sync is still running as far as the page knows) until released, and has
  // Copay's backend refuse the first submit the way it does while a data type is still syncing.
  let releaseStatus!: () => void;
  const statusHeld = new Promise<void>((resolve) => (releaseStatus = resolve));
  await page.route(`${MOCK_URL}/companies/*/dataStatus`, async (route) => {
    await statusHeld;
    await route.continue();
  });
  await page.route(`${COPAY_URL}/api/application/submit`, (route) =>
    route.fulfill({
      status: 409,
      contentType: 'application/json',
      body: JSON.stringify({
        statusCode: 409,
        service: 'copay',
        error: 'Your data is still syncing. Wait until every item shows as complete, then submit again.',
        correlationId: 'e2e-early-submit',
        canBeRetried: 'Unknown',
        detailedErrorCode: 1,
      }),
    }),
  );
  await onboardAtCopay(page, { submit: false });
  await expect(page.getByRole('heading', { level: 1, name: 'We are fetching your data' })).toBeVisible();

  await page.getByRole('button', { name: 'Submit application' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'Not quite ready' });
  await expect(warning).toContainText('Your data is still syncing');
  await expectNoAxeViolations(page, 'early submit refused');

  await page.unroute(`${COPAY_URL}/api/application/submit`);
  releaseStatus();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data is ready' })).toBeVisible();
  await expect(warning).toHaveCount(0);
  await page.getByRole('button', { name: 'Submit application' }).click();
  await page.waitForURL(`${COPAY_URL}/application`);
});
