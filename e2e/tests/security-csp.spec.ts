/**
 * Strict CSP: every demo page and state — Copay's full onboarding journey and its other pages, Insights' onboarding
 * and pages, the mock's hosted Link and provider sign-in pages — is served with a policy at least as strict as
 * `script-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'`, and raises zero
 * `securitypolicyviolation` events (recorded in the page by a listener installed before any script runs).
 * A control proves Trusted Types are enforced: a raw `innerHTML` assignment throws on every app page.
 */
import type { BrowserContext, Page, Response } from '@playwright/test';
import { COPAY_URL, INSIGHTS_URL, MOCK_URL, expect, mockApi, onboardAtCopay, test } from '../fixtures.js';
import { onboardInsights, signInToInsights, uniqueBusiness } from '../../apps/insights/e2e/flows.js';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  page: string;
}

/** Every document the browser loaded, with its CSP header, and every violation any of them reported. */
async function watch(page: Page): Promise<{ documents: Array<{ url: string; csp: string }>; violations: Violation[] }> {
  const documents: Array<{ url: string; csp: string }> = [];
  const violations: Violation[] = [];
  page.on('response', (response: Response) => {
    // Rendered documents (a redirect's own body is never rendered, so its policy does not apply to anything).
    const redirect = response.status() >= 300 && response.status() < 400;
    if (response.request().resourceType() === 'document' && !redirect) documents.push({ url: response.url(), csp: response.headers()['content-security-policy'] ?? '' });
  });
  // Reported straight to the test as they happen (survives navigations), from a listener installed before any script.
  await page.exposeFunction('__ckReportViolation', (violation: Violation) => {
    violations.push(violation);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __ckReportViolation: (v: unknown) => void }).__ckReportViolation;
      const violation = {
        directive: event.effectiveDirective || event.violatedDirective,
        blocked: event.blockedURI || 'inline',
        source: `${event.sourceFile}:${event.lineNumber}`,
        page: location.href,
      };
      void report(violation);
    });
  });
  return { documents, violations };
}

const STRICT = ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "require-trusted-types-for 'script'"];

/** The policy is at least as strict as the four directives (a no-script page may use `default-src 'none'`). */
function expectStrict(csp: string, url: string): void {
  const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d] as const));
  const scriptless = directives.get('default-src') === "default-src 'none'" && !directives.has('script-src');
  if (scriptless) {
    expect(directives.has('object-src') ? directives.get('object-src') : "object-src 'none'", url).toBe("object-src 'none'");
    expect(directives.get('base-uri'), url).toBe("base-uri 'none'");
    return;
  }
  for (const directive of STRICT) expect(csp, `${url} CSP`).toContain(directive);
  expect(directives.get('script-src'), url).toBe("script-src 'self'");
}

/**
 * Control: Trusted Types are enforced on this page, so "no violation" is meaningful. Run in a separate tab (the
 * refused assignment reports a violation of its own, which the watched page must not see).
 */
async function expectTrustedTypesEnforced(context: BrowserContext, url: string): Promise<void> {
  const probe = await context.newPage();
  try {
    await probe.goto(url);
    await probe.waitForLoadState('networkidle');
    const outcome = await probe.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<img src=x onerror="window.__ckXss=1">';
        return 'assigned';
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(outcome, `${url}: a raw innerHTML assignment must be refused`).toBe('TypeError');
    controls++;
  } finally {
    await probe.close();
  }
}
let controls = 0;

test.describe.configure({ mode: 'serial' });

test('Copay: every page and every step of the journey under the strict CSP, zero violations', async ({ page, context, request }) => {
  test.setTimeout(180_000);
  controls = 0;
  const seen = await watch(page);
  await onboardAtCopay(page, { applicant: { businessName: uniqueBusiness('Strict Policy Bakery') } });
  for (const path of ['/', '/application', '/connections', '/connections/add', '/apply', '/no-such-page', '/connect/callback?statusCode=403&error=access_denied&error_description=x']) {
    await page.goto(`${COPAY_URL}${path}`);
    await page.waitForLoadState('networkidle');
    await expectTrustedTypesEnforced(context, page.url());
  }
  // The mock's hosted pages (no script at all): Link page, provider sign-in, a refused redirect.
  const company = await mockApi<{ id: string; redirect: string }>(request, 'POST', '/companies', { name: 'Hosted pages Ltd' });
  const connection = await mockApi<{ linkUrl: string }>(request, 'POST', `/companies/${company.id}/connections`, { platformKey: 'gbol' });
  for (const url of [company.redirect, connection.linkUrl, `${MOCK_URL}/link/${company.id}?redirect=${encodeURIComponent('https://evil.example/')}`]) {
    await page.goto(url);
    await page.waitForLoadState('load');
  }
  const violations = seen.violations;
  const documents = seen.documents.filter((d) => [COPAY_URL, MOCK_URL].some((origin) => d.url.startsWith(origin)));
  for (const document of documents) expectStrict(document.csp, document.url);
  console.log(`[security] strict CSP (Copay + hosted pages): ${documents.length} documents checked, ${controls} Trusted Types controls, ${violations.length} violations`);
  expect(violations).toEqual([]);
});

test('Insights: every page and the onboarding journey under the strict CSP, zero violations', async ({ page, context }) => {
  test.setTimeout(180_000);
  controls = 0;
  const seen = await watch(page);
  await signInToInsights(page, uniqueBusiness('Strict Policy Prints'));
  await onboardInsights(page, { bank: 'Monzo Business' });
  for (const path of ['/dashboard', '/privacy', '/financing', '/connect', '/no-such-page']) {
    await page.goto(`${INSIGHTS_URL}${path}`);
    await page.waitForLoadState('networkidle');
    await expectTrustedTypesEnforced(context, page.url());
  }
  const violations = seen.violations;
  const documents = seen.documents.filter((d) => [INSIGHTS_URL, MOCK_URL].some((origin) => d.url.startsWith(origin)));
  for (const document of documents) expectStrict(document.csp, document.url);
  console.log(`[security] strict CSP (Insights + hosted pages): ${documents.length} documents checked, ${controls} Trusted Types controls, ${violations.length} violations`);
  expect(violations).toEqual([]);
});
