import { afterEach, describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { html } from 'lit';
import type { Integration } from '@consent-kit/contract';
import './index.js';
import type { CkIntegrationPicker } from './ck-integration-picker.js';
import type { IntegrationNotListedDetail, IntegrationSelectDetail } from './ck-integration-picker.types.js';
import { generateIntegrations, longNameIntegration, sampleConnection, sampleIntegrations } from './fixtures.js';
import { normalizeSearchText } from './search.js';
import { sourceTypeLabel } from '../data-types/data-types.js';
import { cleanup, deepText, fixture, settle, waitFor, XSS_LOGOS, XSS_NAME } from '../../test/fixtures.js';
import { expectNoAxeViolations } from '../../test/axe.js';
import { createCompany, mockClient } from '../../test/connected.js';

afterEach(() => {
  cleanup();
  delete (window as { __ckXss?: number }).__ckXss;
});

const shadow = (el: CkIntegrationPicker) => el.shadowRoot!;
const options = (el: CkIntegrationPicker) => [...shadow(el).querySelectorAll<HTMLElement>('[role="option"]')];
const names = (el: CkIntegrationPicker) => options(el).map((o) => o.querySelector('.name')!.textContent!.trim());
const list = (el: CkIntegrationPicker) => shadow(el).querySelector<HTMLElement>('[role="listbox"]')!;
const input = (el: CkIntegrationPicker) => shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!;
const activeOption = (el: CkIntegrationPicker) => {
  const id = list(el).getAttribute('aria-activedescendant');
  return id ? shadow(el).getElementById(id) : null;
};

async function picker(integrations: Integration[] = sampleIntegrations, extra: Partial<CkIntegrationPicker> = {}) {
  const el = await fixture<CkIntegrationPicker>(html`<ck-integration-picker .integrations=${integrations}></ck-integration-picker>`);
  Object.assign(el, extra);
  await settle(el);
  return el;
}

function events<K extends 'ck-integration-select' | 'ck-integration-not-listed'>(el: Element, name: K) {
  const seen: HTMLElementEventMap[K][] = [];
  el.addEventListener(name, (e) => seen.push(e as HTMLElementEventMap[K]));
  return seen;
}

describe('ck-integration-picker: list and search', () => {
  test('groups enabled integrations by source type, sorted by name, with headings', async () => {
    const el = await picker();
    const groups = [...shadow(el).querySelectorAll('[role="group"]')];
    expect(groups.map((g) => g.querySelector('.group-heading')!.textContent!.trim())).toEqual(['Accounting', 'Banking', 'Commerce']);
    expect(groups[0]!.getAttribute('aria-labelledby')).toBe('group-Accounting');
    const accounting = [...groups[0]!.querySelectorAll('.name')].map((n) => n.textContent);
    expect(accounting).toEqual(['FreeAgent', 'MYOB Business', 'Oracle NetSuite', 'QuickBooks Online', 'Sage Business Cloud Accounting', 'Xero']);
    expect(names(el)).not.toContain('KashFlow'); // enabled: false
    expect(options(el).find((o) => o.dataset.key === 'pdvj')!.textContent).toContain('Beta');
  });

  test('search is accent- and case-insensitive: "Societe" finds "Société Générale"', async () => {
    const el = await picker();
    await userEvent.fill(input(el), 'Societe');
    await settle(el);
    expect(names(el)).toEqual(['Société Générale']);
    await userEvent.fill(input(el), 'CRÉDIT agricole');
    await settle(el);
    expect(names(el)).toEqual(['Crédit Agricole']);
    await userEvent.fill(input(el), 'quick online');
    await settle(el);
    expect(names(el)).toEqual(['QuickBooks Online']);
    expect(shadow(el).querySelector('[role="status"]')!.textContent!.trim()).toBe('1 result');
    expect(normalizeSearchText('  ŒUVRE  Straße ')).toBe('oeuvre strasse');
  });

  test('no match: says so, and "Clear search" brings the list back with focus in the search box', async () => {
    const el = await picker();
    await userEvent.fill(input(el), 'xyz');
    await settle(el);
    expect(options(el)).toHaveLength(0);
    expect(deepText(el)).toContain('No integrations match “xyz”');
    await userEvent.click(shadow(el).querySelector('[part="clear-search-button"]')!);
    await settle(el);
    expect(el.search).toBe('');
    expect(options(el).length).toBe(14);
    expect(shadow(el).activeElement).toBe(input(el));
  });

  test('source-types and allowed-integrations filter, as attributes and properties', async () => {
    const el = await fixture<CkIntegrationPicker>(
      html`<ck-integration-picker source-types="Banking Commerce" allowed-integrations="bbrc,sgen,shpf,gbol" .integrations=${sampleIntegrations}></ck-integration-picker>`,
    );
    expect(el.sourceTypes).toEqual(['Banking', 'Commerce']);
    expect(names(el)).toEqual(['Barclays', 'Société Générale', 'Shopify']);
    el.sourceTypes = ['Accounting'];
    await settle(el);
    expect(names(el)).toEqual(['Xero']);
    el.allowedIntegrations = undefined;
    await settle(el);
    expect(names(el)).toHaveLength(6);
  });

  test('stays reactive after mount', async () => {
    const el = await picker(sampleIntegrations.slice(0, 2));
    expect(names(el)).toEqual(['QuickBooks Online', 'Xero']);
    el.integrations = [...sampleIntegrations.slice(0, 2), longNameIntegration];
    await settle(el);
    expect(names(el)).toContain(longNameIntegration.name);
    el.search = 'xero';
    await settle(el);
    expect(input(el).value).toBe('xero');
    expect(names(el)).toEqual(['Xero']);
    el.integrations = [];
    el.search = '';
    await settle(el);
    expect(deepText(el)).toContain('There is no software to connect here right now.');
  });
});

describe('ck-integration-picker: connections and the one-accounting rule', () => {
  test('shows "Connected" on connected integrations and disables other accounting software with the reason', async () => {
    const select = vi.fn();
    const el = await picker(sampleIntegrations, { connections: [sampleConnection('gbol'), sampleConnection('bbrc', 'Deauthorized', 2)] });
    el.addEventListener('ck-integration-select', select);
    const xero = options(el).find((o) => o.dataset.key === 'gbol')!;
    expect(deepText(xero)).toContain('Connected');
    const sage = options(el).find((o) => o.dataset.key === 'tgff')!;
    expect(sage.getAttribute('aria-disabled')).toBe('true');
    expect(deepText(sage)).toContain("You've already connected Xero. You can connect one accounting software at a time.");
    sage.click(); // a real pointer can't click it: it is aria-disabled and not enabled for Playwright either
    expect(select).not.toHaveBeenCalled();
    // Banking is not limited; an expired bank shows its status and stays selectable (to reconnect).
    const barclays = options(el).find((o) => o.dataset.key === 'bbrc')!;
    expect(deepText(barclays)).toContain('Access expired');
    expect(options(el).find((o) => o.dataset.key === 'hsbc')!.hasAttribute('aria-disabled')).toBe(false);
    await userEvent.click(barclays);
    expect(select).toHaveBeenCalledTimes(1);
    const detail = (select.mock.calls[0]![0] as CustomEvent<IntegrationSelectDetail>).detail;
    expect(detail.integration.key).toBe('bbrc');
    expect(detail.connection?.status).toBe('Deauthorized');
  });
});

describe('ck-integration-picker: keyboard listbox', () => {
  test('ArrowDown from search enters the list; arrows, Home/End, type-ahead; ArrowUp at the top returns', async () => {
    const el = await picker();
    input(el).focus();
    await userEvent.keyboard('{ArrowDown}');
    await settle(el);
    expect(shadow(el).activeElement).toBe(list(el));
    expect(activeOption(el)!.dataset.key).toBe('fbrh'); // FreeAgent, first of Accounting
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await settle(el);
    expect(activeOption(el)!.textContent).toContain('Oracle NetSuite');
    await userEvent.keyboard('{End}');
    await settle(el);
    expect(activeOption(el)!.textContent).toContain('Stripe');
    await userEvent.keyboard('{Home}');
    await settle(el);
    expect(activeOption(el)!.textContent).toContain('FreeAgent');
    await userEvent.keyboard('s');
    await settle(el);
    expect(activeOption(el)!.textContent).toContain('Sage Business Cloud Accounting');
    await userEvent.keyboard('s');
    await settle(el);
    expect(activeOption(el)!.textContent).toContain('Société Générale');
    await new Promise((r) => setTimeout(r, 700));
    await userEvent.keyboard('hs');
    await settle(el);
    expect(activeOption(el)!.textContent).toContain('HSBC UK');
    await userEvent.keyboard('{Home}{ArrowUp}');
    expect(shadow(el).activeElement).toBe(input(el));
  });

  test('Enter and Space select (cancelable); the selection is marked aria-selected', async () => {
    const el = await picker();
    const seen = events(el, 'ck-integration-select');
    input(el).focus();
    await userEvent.keyboard('{ArrowDown}{End}{Enter}');
    await settle(el);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.detail.integration.name).toBe('Stripe');
    expect(seen[0]!.cancelable && seen[0]!.bubbles && seen[0]!.composed).toBe(true);
    expect(el.value).toBe('strp');
    expect(options(el).find((o) => o.dataset.key === 'strp')!.getAttribute('aria-selected')).toBe('true');
    el.addEventListener('ck-integration-select', (e) => e.preventDefault(), { once: true });
    await userEvent.keyboard('{Home} ');
    await settle(el);
    expect(seen).toHaveLength(2);
    expect(seen[1]!.detail.integration.name).toBe('FreeAgent');
    expect(el.value).toBe('strp'); // vetoed
  });

  test('clicking an option selects it', async () => {
    const el = await picker();
    const seen = events(el, 'ck-integration-select');
    await userEvent.click(options(el).find((o) => o.dataset.key === 'shpf')!);
    expect(seen.map((e) => e.detail.integration.key)).toEqual(['shpf']);
    expect(seen[0]!.detail.connection).toBeUndefined();
  });
});

describe('ck-integration-picker: not listed', () => {
  test('emits ck-integration-not-listed with the search and shows a focused message (slot overridable)', async () => {
    const el = await fixture<CkIntegrationPicker>(
      html`<ck-integration-picker source-types="Accounting" .integrations=${sampleIntegrations}>
        <p slot="not-listed">Email us at help@copay.example</p>
      </ck-integration-picker>`,
    );
    const seen = events(el, 'ck-integration-not-listed');
    await userEvent.fill(input(el), 'Tally');
    await userEvent.click(shadow(el).querySelector('[part="not-listed-button"]')!);
    await settle(el);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.detail).toEqual<IntegrationNotListedDetail>({ search: 'Tally', sourceTypes: ['Accounting'] });
    expect(deepText(el)).toContain('Email us at help@copay.example');
    expect(shadow(el).activeElement).toBe(shadow(el).querySelector('[part="not-listed-message"]'));
    expect(shadow(el).querySelector('[part="not-listed-button"]')!.getAttribute('aria-expanded')).toBe('true');
  });

  test('default message', async () => {
    const el = await picker();
    await userEvent.click(shadow(el).querySelector('[part="not-listed-button"]')!);
    await settle(el);
    expect(deepText(el)).toContain('Thanks for letting us know.');
  });

  test('a list of banks only speaks of "your bank"; any other list of "your software"', async () => {
    const wording = (el: CkIntegrationPicker) => ({
      label: input(el).getAttribute('aria-label'),
      placeholder: input(el).placeholder,
      list: list(el).getAttribute('aria-label'),
      notListed: shadow(el).querySelector('[part="not-listed-button"]')!.textContent!.trim(),
    });
    const banks = await picker(sampleIntegrations, { sourceTypes: ['Banking'] });
    expect(wording(banks)).toEqual({
      label: 'Search for your bank',
      placeholder: 'Search by bank name',
      list: 'Banks you can connect',
      notListed: 'My bank isn’t listed',
    });
    const software = {
      label: 'Search for your software',
      placeholder: 'Search, e.g. Xero',
      list: 'Software you can connect',
      notListed: 'My software isn’t listed',
    };
    expect(wording(await picker(sampleIntegrations, { sourceTypes: ['Accounting'] }))).toEqual(software);
    expect(wording(await picker(sampleIntegrations, { sourceTypes: ['Accounting', 'Banking'] }))).toEqual(software);
    // Reactive: the same element switched to banks (ck-link reuses one picker per step).
    banks.sourceTypes = ['Accounting'];
    await settle(banks);
    expect(wording(banks)).toEqual(software);
  });
});

describe('ck-integration-picker: security and accessibility', () => {
  test('hostile names and logos render inertly', async () => {
    const hostile = XSS_LOGOS.map((logoUrl, n) => ({ ...sampleIntegrations[0]!, key: `xs${String.fromCharCode(97 + n)}a`, name: `${XSS_NAME} ${n}`, logoUrl }));
    const el = await picker(hostile);
    await new Promise((r) => setTimeout(r, 50));
    expect(names(el)[0]).toBe(`${XSS_NAME} 0`);
    expect(shadow(el).querySelector('img[src="x"]')).toBeNull();
    for (const logo of shadow(el).querySelectorAll('ck-logo')) expect(logo.shadowRoot!.querySelector('img')).toBeNull();
    expect((window as { __ckXss?: number }).__ckXss).toBeUndefined();
  });

  test('is accessible: list with connected and unavailable options, and the no-match state', async () => {
    const el = await picker(sampleIntegrations, { connections: [sampleConnection('gbol')] });
    expect(await expectNoAxeViolations(el)).toBeGreaterThan(5);
    el.search = 'nothing like this';
    await settle(el);
    await expectNoAxeViolations(el);
  });

  test('reflows at 320 px without horizontal scrolling, even with long names', async () => {
    const el = await fixture<CkIntegrationPicker>(
      html`<div style="inline-size: 320px"><ck-integration-picker .integrations=${[...sampleIntegrations, longNameIntegration]}></ck-integration-picker></div>`,
    );
    const inner = el.querySelector('ck-integration-picker') as CkIntegrationPicker;
    await settle(inner);
    expect(inner.scrollWidth).toBeLessThanOrEqual(320);
    expect(list(inner).scrollWidth).toBeLessThanOrEqual(list(inner).clientWidth);
    for (const option of options(inner)) expect(option.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
  });
});

describe('ck-integration-picker: 2,000 integrations', () => {
  test('virtualises the list, filters fast and keeps keyboard access to every option', async () => {
    const many = generateIntegrations(2000);
    const el = await picker(many);
    await waitFor(() => options(el).length > 0, 3000, 'virtual rows');
    expect(list(el).classList.contains('virtual')).toBe(true);
    expect(options(el).length).toBeLessThan(100);
    expect(options(el)[0]!.getAttribute('aria-setsize')).toBe('2000');
    // A keystroke: update + render well under a frame in practice; a generous sanity bound here.
    const start = performance.now();
    el.search = 'ver';
    await el.updateComplete;
    const elapsed = performance.now() - start;
    expect(elapsed).toBeLessThan(100);
    expect(el.visibleOptions.length).toBeGreaterThan(0);
    expect(el.visibleOptions.every((o) => o.name.includes('ver'))).toBe(true);
    el.search = '';
    await settle(el);
    list(el).focus();
    await userEvent.keyboard('{End}');
    const last = el.visibleOptions.at(-1)!;
    await waitFor(() => activeOption(el)?.dataset.key === last.integration.key, 3000, 'last option rendered');
    expect(activeOption(el)!.getAttribute('aria-posinset')).toBe('2000');
  });

  test('keyboard works at once: End before the virtualizer (or its layout) has loaded still reaches the last option', async () => {
    const el = await picker(generateIntegrations(2000));
    // No waiting: on the first load the list shows its first rows until the virtualizer's code arrives; later ones
    // start empty until the virtualizer's layout has placed the rows. Either way the keys must work at once.
    expect(list(el).classList.contains('virtual')).toBe(true);
    for (const option of options(el)) expect(option.getAttribute('aria-setsize')).toBe('2000');
    list(el).focus();
    await userEvent.keyboard('{End}');
    const last = el.visibleOptions.at(-1)!;
    await waitFor(() => activeOption(el)?.dataset.key === last.integration.key, 3000, 'last option rendered');
    expect(activeOption(el)!.getAttribute('aria-posinset')).toBe('2000');
    expect(options(el).length).toBeLessThan(100);
  });

  test('a virtual list names each option’s group in its description (its headings cannot be ARIA groups)', async () => {
    const el = await picker(generateIntegrations(300));
    await waitFor(() => options(el).length > 0, 3000, 'rows');
    expect(list(el).classList.contains('virtual')).toBe(true);
    expect(shadow(el).querySelector('[role="listbox"] [role="group"]')).toBeNull();
    for (const option of options(el)) {
      const integration = el.visibleOptions.find((o) => o.integration.key === option.dataset.key)!.integration;
      const description = shadow(el).getElementById(option.getAttribute('aria-describedby')!);
      expect(description?.textContent?.trim()).toBe(sourceTypeLabel(integration.sourceType!));
    }
    await expectNoAxeViolations(el);
  });

  test('a list at or below virtualize-threshold is a plain grouped list', async () => {
    const el = await picker(generateIntegrations(60));
    expect(list(el).classList.contains('virtual')).toBe(false);
    expect(shadow(el).querySelectorAll('[role="group"]').length).toBeGreaterThan(0);
    expect(options(el).length).toBe(el.visibleOptions.length);
  });
});

describe('ck-integration-picker: connected mode', () => {
  test('loads the enabled integrations of the source types from the API, then the company connections', async () => {
    const client = mockClient();
    const el = await fixture<CkIntegrationPicker>(html`<ck-integration-picker .client=${client} source-types="Accounting"></ck-integration-picker>`);
    expect(shadow(el).querySelector('[part="loading"] [role="status"]')).not.toBeNull();
    await waitFor(() => options(el).length > 0, 5000, 'integrations');
    expect(names(el)).toContain('Xero');
    expect(names(el)).not.toContain('Barclays');
    expect(names(el)).not.toContain('KashFlow'); // disabled in the catalogue
    const companyId = await createCompany(client);
    await client.connections.create(companyId, { platformKey: 'gbol' });
    el.companyId = companyId;
    await waitFor(() => options(el).find((o) => o.dataset.key === 'gbol')?.dataset.state === 'connected', 5000, 'connection');
    expect(options(el).find((o) => o.dataset.key === 'qhyg')!.getAttribute('aria-disabled')).toBe('true');
  });

  test('shows the error with its correlation id and retries', async () => {
    let calls = 0;
    const fail = Object.assign(new Error('503 Service Unavailable: try later'), {
      status: 503,
      correlationId: 'corr-123',
      body: { error: 'The service is busy', correlationId: 'corr-123', statusCode: 503 },
    });
    const client = {
      integrations: {
        list: vi.fn(async () => {
          calls++;
          if (calls === 1) throw fail;
          return { results: sampleIntegrations, pageNumber: 1, pageSize: 5000, totalResults: sampleIntegrations.length, _links: { self: { href: '' }, current: { href: '' } } };
        }),
        branding: vi.fn(async () => {
          throw new Error('no branding');
        }),
      },
      connections: { list: vi.fn() },
    };
    const el = await fixture<CkIntegrationPicker>(html`<ck-integration-picker .client=${client}></ck-integration-picker>`);
    await waitFor(() => shadow(el).querySelector('[part="error"]'), 3000, 'error');
    expect(deepText(el)).toContain('The service is busy');
    expect(deepText(el)).toContain('Reference: corr-123');
    await userEvent.click(shadow(el).querySelector('[part="retry-button"]')!);
    await waitFor(() => options(el).length > 0, 3000, 'options after retry');
    expect(calls).toBe(2);
  });

  test('Try again also restarts a load still in flight, so its late failure does not show a second error', async () => {
    const page = <T,>(results: T[]) => ({ results, pageNumber: 1, pageSize: 5000, totalResults: results.length, _links: { self: { href: '' }, current: { href: '' } } });
    let healthy = false;
    const connectionSignals: AbortSignal[] = [];
    const client = {
      integrations: {
        list: vi.fn(async () => {
          if (!healthy) throw Object.assign(new Error('500'), { status: 500, body: { error: 'Server error', statusCode: 500 } });
          return page(sampleIntegrations);
        }),
        branding: vi.fn(async () => {
          throw new Error('no branding');
        }),
      },
      connections: {
        // During the outage the connections request hangs (its retries pending), then fails once the network is back.
        list: vi.fn((_companyId: string, _params: unknown, { signal }: { signal: AbortSignal }) => {
          connectionSignals.push(signal);
          if (healthy) return Promise.resolve(page([]));
          return new Promise((_resolve, reject) => setTimeout(() => reject(Object.assign(new Error('500'), { status: 500 })), 300));
        }),
      },
    };
    const el = await fixture<CkIntegrationPicker>(html`<ck-integration-picker .client=${client} company-id="c-1"></ck-integration-picker>`);
    await waitFor(() => shadow(el).querySelector('[part="retry-button"]'), 3000, 'the integrations error');
    healthy = true;
    await userEvent.click(shadow(el).querySelector('[part="retry-button"]')!);
    await waitFor(() => options(el).length > 0, 3000, 'options after Try again');
    expect(connectionSignals).toHaveLength(2);
    expect(connectionSignals[0]!.aborted).toBe(true); // the stale request was dropped
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the stale request's failure
    expect(shadow(el).querySelector('[part="error"]')).toBeNull();
    expect(names(el)).toContain('Xero');
  });
});
