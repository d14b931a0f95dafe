import { afterEach, expect, test } from 'vitest';
import type { CkIntegrationPicker } from '../ck-integration-picker/ck-integration-picker.js';
import type { CkConsentConfirmation } from '../ck-consent-confirmation/ck-consent-confirmation.js';
import { sampleIntegrations, sampleConnection } from '../ck-integration-picker/fixtures.js';
import { lendingProduct } from '../ck-consent-confirmation/fixtures.js';
import { XSS_NAME } from '../../test/fixtures.js';
import { waitFor, deepText } from '../../test/fixtures.js';

/**
 * The elements under a strict CSP with Trusted Types (`require-trusted-types-for 'script'`): a same-origin iframe
 * whose document carries the policy loads the package entry point, renders the elements with hostile data, and
 * must report no CSP violation.
 */
let frame: HTMLIFrameElement | undefined;
afterEach(() => frame?.remove());

test('renders under require-trusted-types-for \'script\' without a violation', async () => {
  frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px';
  const entry = new URL('../index.ts', import.meta.url).href;
  frame.srcdoc = `<!doctype html><html lang="en"><head>
    <meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; object-src 'none'; base-uri 'none'">
    <script>window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));</script>
    <script type="module">import ${JSON.stringify(entry)}; window.__ready = true;</script>
  </head><body></body></html>`;
  document.body.append(frame);
  const win = () => frame!.contentWindow as (Window & typeof globalThis & { __ready?: boolean; __violations?: string[]; __ckXss?: number; trustedTypes?: unknown }) | null;
  await waitFor(() => win()?.__ready, 10_000, 'entry point loaded in the CSP frame');
  const doc = frame.contentDocument!;
  expect(win()!.trustedTypes).toBeDefined();

  const picker = doc.createElement('ck-integration-picker') as CkIntegrationPicker;
  picker.integrations = [...sampleIntegrations, { ...sampleIntegrations[0]!, key: 'xssa', name: XSS_NAME, logoUrl: 'javascript:window.__ckXss=1' }];
  picker.connections = [sampleConnection('gbol')];
  const consent = doc.createElement('ck-consent-confirmation') as CkConsentConfirmation;
  consent.product = { ...lendingProduct, policyUrl: 'javascript:window.__ckXss=1' };
  consent.clientName = XSS_NAME;
  doc.body.append(picker, consent, doc.createElement('ck-sync-status'), doc.createElement('ck-dialog'));
  await picker.updateComplete;
  await consent.updateComplete;
  await waitFor(() => deepText(picker).includes('Xero'), 5000, 'picker rendered');
  expect(deepText(consent)).toContain(XSS_NAME);
  picker.search = 'Societe';
  await picker.updateComplete;
  expect(deepText(picker)).toContain('Société Générale');
  await new Promise((r) => setTimeout(r, 100));
  expect(win()!.__violations).toEqual([]);
  expect(win()!.__ckXss).toBeUndefined();
});
