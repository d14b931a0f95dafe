import { afterEach, describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { html } from 'lit';
import type { ConsentRecord, Product } from '@consent-kit/contract';
import './index.js';
import type { CkConsentConfirmation } from './ck-consent-confirmation.js';
import type { ConsentConfirmDetail, ConsentRecordedDetail } from './ck-consent-confirmation.types.js';
import { insightsProduct, lendingProduct } from './fixtures.js';
import { cleanup, deepText, fixture, settle, waitFor, XSS_NAME } from '../../test/fixtures.js';
import { expectNoAxeViolations } from '../../test/axe.js';
import { createCompany, mockClient } from '../../test/connected.js';

afterEach(() => {
  cleanup();
  delete (window as { __ckXss?: number }).__ckXss;
});

const part = (el: CkConsentConfirmation, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

async function confirmation(props: Partial<CkConsentConfirmation> = {}) {
  const el = await fixture<CkConsentConfirmation>(
    html`<ck-consent-confirmation client-name="Copay" platform-name="Xero" .product=${lendingProduct}></ck-consent-confirmation>`,
  );
  Object.assign(el, props);
  await settle(el);
  return el;
}

function collect<K extends keyof HTMLElementEventMap>(el: Element, name: K): HTMLElementEventMap[K][] {
  const seen: HTMLElementEventMap[K][] = [];
  el.addEventListener(name, (e) => seen.push(e as HTMLElementEventMap[K]));
  return seen;
}

describe('ck-consent-confirmation: the notice', () => {
  test('says who is asking, why, what access means, the data per source type, duration, retention and links', async () => {
    const el = await confirmation();
    const text = deepText(el);
    expect(part(el, 'heading').getAttribute('role')).toBe('heading');
    expect(part(el, 'heading').getAttribute('aria-level')).toBe('2');
    expect(text).toContain('Copay would like access to your financial data');
    expect(text).toContain('Copay will use your data to assess your application for a business loan');
    expect(text).toContain('Connecting Xero gives Copay read-only access to the data listed below.');
    const groups = [...part(el, 'data-types').querySelectorAll('.panel')];
    expect(groups.map((g) => g.querySelector('.group-heading')!.textContent)).toEqual(['Accounting', 'Banking', 'Commerce']);
    expect(deepText(groups[0]!)).toContain('Profit and loss — Your income and expenses over time');
    expect(deepText(groups[1]!)).toContain('Bank transactions — Money in and out of your bank accounts');
    expect(text).toContain('This consent lasts 12 months.');
    expect(text).toContain('We keep your data for 90 days after you withdraw your consent or it ends, then delete it.');
    const links = [...part(el, 'links').querySelectorAll('a')];
    expect(links.map((a) => a.href)).toEqual(['https://copay.example/privacy', 'https://copay.example/terms']);
    for (const a of links) expect(a.rel).toBe('noopener noreferrer');
  });

  test('the right to withdraw comes before the buttons', async () => {
    const el = await confirmation();
    const withdraw = part(el, 'withdraw');
    expect(withdraw.textContent).toContain('You can withdraw your consent at any time');
    const confirm = part(el, 'confirm-button');
    expect(withdraw.compareDocumentPosition(confirm) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(withdraw.compareDocumentPosition(part(el, 'decline-button')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('Confirm emits the product, data types and the exact notice text; Decline emits too', async () => {
    const el = await confirmation();
    const confirms = collect(el, 'ck-consent-confirm');
    const declines = collect(el, 'ck-consent-decline');
    await userEvent.click(part(el, 'confirm-button'));
    expect(confirms).toHaveLength(1);
    const detail: ConsentConfirmDetail = confirms[0]!.detail;
    expect(detail.productIdentifier).toBe('lending');
    expect(detail.mode).toBe('default');
    expect(detail.dataTypes).toEqual({
      Accounting: ['balanceSheet', 'bills', 'invoices', 'profitAndLoss'],
      Banking: ['banking-accounts', 'banking-transactions'],
      Commerce: ['commerce-orders'],
    });
    expect(detail.newDataTypes).toEqual(detail.dataTypes);
    // The notice text is what is on screen, in order, with the link addresses.
    expect(detail.noticeText).toBe(el.noticeText);
    expect(detail.noticeText).toContain('Copay would like access to your financial data');
    expect(detail.noticeText).toContain('Profit and loss — Your income and expenses over time');
    expect(detail.noticeText).toContain('This consent lasts 12 months.');
    expect(detail.noticeText).toContain('You can withdraw your consent at any time');
    expect(detail.noticeText).toContain('Privacy policy: https://copay.example/privacy');
    expect(detail.noticeText.indexOf('Why')).toBeLessThan(detail.noticeText.indexOf('How long'));
    expect(confirms[0]!.cancelable).toBe(true);
    await userEvent.click(part(el, 'decline-button'));
    expect(declines.map((e) => e.detail)).toEqual([{ productIdentifier: 'lending', mode: 'default' }]);
  });

  test('a subset of data types can be asked for', async () => {
    const el = await confirmation({ dataTypes: ['profitAndLoss', 'banking-transactions'] });
    const confirms = collect(el, 'ck-consent-confirm');
    expect([...part(el, 'data-types').querySelectorAll('li')]).toHaveLength(2);
    await userEvent.click(part(el, 'confirm-button'));
    expect(confirms[0]!.detail.dataTypes).toEqual({ Accounting: ['profitAndLoss'], Banking: ['banking-transactions'] });
  });

  test('additional mode: what is already shared vs what is new, no sign-in, "Confirm I’m happy to share additional data"', async () => {
    const el = await confirmation({ mode: 'additional', existingDataTypes: { Accounting: ['profitAndLoss', 'balanceSheet'], Banking: ['banking-transactions'] } });
    const text = deepText(el);
    expect(text).toContain('Copay would like to use more of your data');
    expect(text).toContain('You don’t need to sign in again');
    const dataText = deepText(part(el, 'data-types'));
    expect(dataText.indexOf('New data you’re asked to share')).toBeLessThan(dataText.indexOf('Invoices'));
    expect(dataText.indexOf('Data you already share')).toBeGreaterThan(dataText.indexOf('Invoices'));
    expect(dataText.slice(dataText.indexOf('Data you already share'))).toContain('Profit and loss');
    expect(part(el, 'data-types').querySelectorAll('.new-tag')).toHaveLength(4); // bills, invoices, banking-accounts, commerce-orders
    expect(part(el, 'confirm-button').textContent!.trim()).toBe('Confirm I’m happy to share additional data');
    const confirms = collect(el, 'ck-consent-confirm');
    await userEvent.click(part(el, 'confirm-button'));
    expect(confirms[0]!.detail.mode).toBe('additional');
    expect(confirms[0]!.detail.newDataTypes).toEqual({
      Accounting: ['bills', 'invoices'],
      Banking: ['banking-accounts'],
      Commerce: ['commerce-orders'],
    });
    // sharedDataTypes is an alias (used by <ck-link>)
    el.sharedDataTypes = ['invoices'];
    await settle(el);
    expect(el.existingDataTypes).toEqual(['invoices']);
  });

  test('stays reactive after mount; busy disables the buttons and says so', async () => {
    const el = await confirmation();
    el.product = insightsProduct;
    el.clientName = 'Insights';
    await settle(el);
    const text = deepText(el);
    expect(text).toContain('Insights would like access to your financial data');
    expect(text).toContain('This consent lasts 6 months.');
    expect(text).toContain('Cash flow statement');
    expect(part(el, 'links').querySelectorAll('a')).toHaveLength(1);
    el.busy = true;
    await settle(el);
    expect((part(el, 'confirm-button') as HTMLButtonElement).disabled).toBe(true);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).toContain('Saving your consent…');
  });

  test('hostile names and URLs render inertly; non-http(s) links are dropped', async () => {
    const hostile: Product = { ...lendingProduct, policyUrl: 'javascript:window.__ckXss=1', termsUrl: 'data:text/html,<script>window.__ckXss=1</script>' };
    const el = await confirmation({ product: hostile, clientName: XSS_NAME, clientLogoUrl: 'javascript:window.__ckXss=1', platformName: XSS_NAME });
    expect(el.shadowRoot!.querySelector('a')).toBeNull();
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect(part(el, 'heading').textContent).toContain(XSS_NAME);
    expect((window as { __ckXss?: number }).__ckXss).toBeUndefined();
  });

  test('is accessible, in both modes and in the dark theme', async () => {
    const el = await confirmation();
    expect(await expectNoAxeViolations(el)).toBeGreaterThan(5);
    el.mode = 'additional';
    el.existingDataTypes = ['profitAndLoss'];
    await settle(el);
    await expectNoAxeViolations(el);
    const dark = await fixture<HTMLElement>(
      html`<div data-ck-theme="dark" style="background: var(--ck-sys-color-surface)">
        <ck-consent-confirmation client-name="Copay" .product=${lendingProduct}></ck-consent-confirmation>
      </div>`,
    );
    await settle(dark.firstElementChild!);
    await expectNoAxeViolations(dark);
  });
});

describe('ck-consent-confirmation: connected mode', () => {
  test('loads the product, grants the consent on Confirm and emits ck-consent; additional consent amends it', async () => {
    const client = mockClient();
    const companyId = await createCompany(client);
    const el = await fixture<CkConsentConfirmation>(
      html`<ck-consent-confirmation client-name="Copay" product-identifier="lending" .client=${client} company-id=${companyId}></ck-consent-confirmation>`,
    );
    await waitFor(() => el.effectiveProduct, 5000, 'product');
    await settle(el);
    expect(deepText(el)).toContain('Profit and loss');
    const recorded = collect(el, 'ck-consent');
    await userEvent.click(part(el, 'confirm-button'));
    await waitFor(() => recorded.length === 1, 5000, 'ck-consent');
    const detail: ConsentRecordedDetail = recorded[0]!.detail;
    expect(detail.consent.status).toBe('Active');
    expect(detail.consent.productIdentifier).toBe('lending');
    expect(detail.consent.events.at(-1)!.noticeText).toBe(detail.noticeText);
    expect(el.shadowRoot!.querySelector('.saved')!.textContent).toContain('Your consent is recorded');
    const consents = await client.consents.list(companyId);
    expect(consents.results).toHaveLength(1);

    const more = await fixture<CkConsentConfirmation>(
      html`<ck-consent-confirmation mode="additional" client-name="Copay" product-identifier="lending" .client=${client} company-id=${companyId}
        .dataTypes=${['profitAndLoss', 'cashFlowStatement']} .existingDataTypes=${['profitAndLoss']}></ck-consent-confirmation>`,
    );
    await waitFor(() => more.effectiveProduct, 5000, 'product');
    await settle(more);
    const amended = collect(more, 'ck-consent');
    await userEvent.click(part(more, 'confirm-button'));
    await waitFor(() => amended.length === 1, 5000, 'amended consent');
    expect(amended[0]!.detail.consent.id).toBe(detail.consent.id);
    expect(amended[0]!.detail.consent.events.map((e) => e.type)).toEqual(['given', 'amended']);
  });

  test('a failed save shows the error and Retry records the same choice; preventDefault hands the save to the host', async () => {
    const record = { id: 'c1', status: 'Active' } as unknown as ConsentRecord;
    const grant = vi
      .fn()
      .mockRejectedValueOnce(Object.assign(new Error('500'), { status: 500, correlationId: 'corr-9', body: { error: 'Ledger unavailable', correlationId: 'corr-9' } }))
      .mockResolvedValueOnce(record);
    const client = {
      products: { get: vi.fn(async () => lendingProduct) },
      consents: { list: vi.fn(async () => ({ results: [] })), grant, amend: vi.fn() },
      connections: { list: vi.fn(async () => ({ results: [] })) },
    };
    const el = await fixture<CkConsentConfirmation>(
      html`<ck-consent-confirmation client-name="Copay" product-identifier="lending" company-id="co-1" .client=${client}></ck-consent-confirmation>`,
    );
    await waitFor(() => el.effectiveProduct, 3000, 'product');
    await settle(el);
    const recorded = collect(el, 'ck-consent');
    await userEvent.click(part(el, 'confirm-button'));
    await waitFor(() => part(el, 'error'), 3000, 'error');
    expect(deepText(part(el, 'error'))).toContain('Ledger unavailable');
    expect(deepText(part(el, 'error'))).toContain('Reference: corr-9');
    await userEvent.click(part(el, 'retry-button'));
    await waitFor(() => recorded.length === 1, 3000, 'ck-consent after retry');
    expect(grant).toHaveBeenCalledTimes(2);
    expect(grant.mock.calls[1]![1]).toEqual(grant.mock.calls[0]![1]);
    expect(grant.mock.calls[0]![1]).toMatchObject({ productIdentifier: 'lending', connectionIds: [], collectionMethod: 'web-form', language: 'en' });

    const other = await fixture<CkConsentConfirmation>(
      html`<ck-consent-confirmation product-identifier="lending" company-id="co-1" .client=${client}></ck-consent-confirmation>`,
    );
    await waitFor(() => other.effectiveProduct, 3000, 'product');
    await settle(other);
    other.addEventListener('ck-consent-confirm', (e) => e.preventDefault());
    await userEvent.click(part(other, 'confirm-button'));
    await new Promise((r) => setTimeout(r, 50));
    expect(grant).toHaveBeenCalledTimes(2);
  });

  test('shows a loading state, then a load error with Retry', async () => {
    let fail = true;
    const client = {
      products: {
        get: vi.fn(async () => {
          await new Promise((r) => setTimeout(r, 30));
          if (fail) throw Object.assign(new Error('404'), { status: 404, body: { error: 'No product called lendin', correlationId: 'c-4' } });
          return lendingProduct;
        }),
      },
      consents: { list: vi.fn(), grant: vi.fn(), amend: vi.fn() },
      connections: { list: vi.fn() },
    };
    const el = await fixture<CkConsentConfirmation>(
      html`<ck-consent-confirmation product-identifier="lendin" company-id="co" .client=${client}></ck-consent-confirmation>`,
    );
    expect(el.shadowRoot!.querySelector('[part="loading"] [role="status"]')).not.toBeNull();
    await waitFor(() => part(el, 'error'), 3000, 'error');
    expect(deepText(el)).toContain('No product called lendin');
    fail = false;
    await userEvent.click(part(el, 'retry-button'));
    await waitFor(() => el.effectiveProduct, 3000, 'product after retry');
  });
});
