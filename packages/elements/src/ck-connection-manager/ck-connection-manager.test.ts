import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { CONNECTION_STATUSES } from '@consent-kit/contract';
import './index.js';
import type { CkConnectionManager } from './ck-connection-manager.js';
import type { CkDialog } from '../ck-dialog/ck-dialog.js';
import { ACTIONS_BY_STATUS } from './ck-connection-manager.types.js';
import {
  bankConnection,
  connectionWithStatus,
  fixtureConsent,
  fixtureProducts,
  insightsConsent,
  lendingConsent,
  lendingProduct,
  manyConnections,
  shopConnection,
  xeroConnection,
} from './fixtures.js';
import { expectNoAxeViolations } from '../../test/axe.js';
import { XSS_NAME } from '../../test/fixtures.js';

declare global {
  interface Window {
    __ckXss?: number;
  }
}

let el: CkConnectionManager;

async function mount(props: Partial<CkConnectionManager> = {}): Promise<CkConnectionManager> {
  el = document.createElement('ck-connection-manager');
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const root = () => el.shadowRoot!;
const text = (node: ParentNode | null | undefined) =>
  (node as HTMLElement | null)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const row = (id: string) => root().querySelector<HTMLElement>(`[data-connection-id="${id}"]`)!;
const consentRow = (id: string) => root().querySelector<HTMLElement>(`[data-consent-id="${id}"]`)!;
const dialog = () => root().querySelector<CkDialog>('ck-dialog')!;
const dialogButton = (part: 'confirm-button' | 'cancel-button') =>
  dialog().shadowRoot!.querySelector<HTMLButtonElement>(`[part="${part}"]`)!;

async function settle(): Promise<void> {
  await el.updateComplete;
  await dialog().updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

beforeEach(() => {
  delete window.__ckXss;
});
afterEach(() => {
  el?.remove();
  vi.restoreAllMocks();
});

const controlled = () => ({
  connections: [xeroConnection, bankConnection, shopConnection],
  consents: [lendingConsent, insightsConsent],
  products: fixtureProducts,
});

describe('ck-connection-manager (controlled)', () => {
  it('lists each connection with its name, status, first authorised and last synced dates', async () => {
    await mount(controlled());
    const xero = row(xeroConnection.id);
    expect(text(xero.querySelector('h3'))).toBe('Xero');
    expect(text(xero.querySelector('ck-status-badge')?.shadowRoot)).toContain('Connected');
    const dates = [...xero.querySelectorAll('dl.facts time')].map((t) => t.getAttribute('datetime'));
    expect(dates).toEqual([xeroConnection.created, xeroConnection.lastSync]);
    expect(text(xero)).toContain('First authorised');
    expect(text(xero)).toContain('Last synced');
    expect(text(xero)).toContain('Copay Lending and Insights Dashboard use this connection.');
    expect(text(row(bankConnection.id))).toContain('Copay Lending uses this connection.');
    await expectNoAxeViolations(el);
  });

  for (const status of CONNECTION_STATUSES) {
    it(`offers the right actions for a ${status} connection`, async () => {
      const connection = connectionWithStatus(status);
      await mount({ connections: [connection], consents: [], products: fixtureProducts });
      const parts = [...row(connection.id).querySelectorAll('[part~="action"]')].map((b) =>
        b.getAttribute('part')!.replace('action action-', ''),
      );
      expect(parts).toEqual([...ACTIONS_BY_STATUS[status]]);
      expect(row(connection.id).querySelector('ck-status-badge')!.status).toBe(status);
      if (status === 'Deauthorized') expect(text(row(connection.id))).toContain('has expired');
      await expectNoAxeViolations(el);
    });
  }

  it('warns before disconnecting, naming every product that uses the connection', async () => {
    await mount(controlled());
    const events: CustomEvent[] = [];
    el.addEventListener('ck-connection-disconnect', (e) => events.push(e));
    row(xeroConnection.id).querySelector<HTMLButtonElement>('[part~="action-disconnect"]')!.click();
    await settle();
    expect(dialog().open).toBe(true);
    expect(dialog().heading).toBe('Disconnect Xero?');
    expect(text(dialog())).toContain(
      'Copay Lending and Insights Dashboard use this connection. They will stop receiving new data.',
    );
    await expectNoAxeViolations(el);

    dialogButton('confirm-button').click();
    await settle();
    expect(events).toHaveLength(1);
    expect(events[0]!.detail.connection).toBe(xeroConnection);
    expect(events[0]!.detail.impactedProducts.map((p: { name: string }) => p.name)).toEqual([
      'Copay Lending',
      'Insights Dashboard',
    ]);
    expect(events[0]!.bubbles && events[0]!.composed && events[0]!.cancelable).toBe(true);
  });

  it('does nothing when the disconnect is cancelled, and returns focus to the button (keyboard path)', async () => {
    await mount(controlled());
    const spy = vi.fn();
    el.addEventListener('ck-connection-disconnect', spy);
    const button = row(bankConnection.id).querySelector<HTMLButtonElement>('[part~="action-disconnect"]')!;
    button.focus();
    await userEvent.keyboard('{Enter}');
    await settle();
    expect(dialog().open).toBe(true);
    expect(text(dialog())).toContain('Copay Lending uses this connection. It will stop receiving new data.');
    // Cancel has focus first (safe default for a destructive question).
    expect(deepActive()).toBe(dialogButton('cancel-button'));
    await userEvent.keyboard('{Escape}');
    await settle();
    expect(dialog().open).toBe(false);
    expect(spy).not.toHaveBeenCalled();
    expect(deepActive()).toBe(button);
  });

  it('gives a stronger warning before deleting data and explains retention', async () => {
    await mount(controlled());
    const events: CustomEvent[] = [];
    el.addEventListener('ck-connection-delete', (e) => events.push(e));
    row(xeroConnection.id).querySelector<HTMLButtonElement>('[part~="action-delete"]')!.click();
    await settle();
    const body = text(dialog());
    expect(dialog().heading).toBe('Delete Xero and its data?');
    expect(body).toContain('It cannot be undone.');
    expect(body).toContain(
      'Copay Lending and Insights Dashboard use this connection and will lose access to its data.',
    );
    expect(body).toContain('Copay Lending deletes what it has within 90 days.');
    expect(body).toContain('Insights Dashboard deletes what it has within 30 days.');
    expect(dialog().tone).toBe('danger');
    dialogButton('confirm-button').click();
    await settle();
    expect(events).toHaveLength(1);
    expect(events[0]!.detail.connection.id).toBe(xeroConnection.id);
  });

  it('emits a cancelable reconnect first, and opens the sign-in page only when not prevented', async () => {
    const expired = connectionWithStatus('Deauthorized');
    await mount({ connections: [expired], consents: [lendingConsent], products: fixtureProducts });
    const open = vi.spyOn(window, 'open').mockImplementation(() => ({ closed: false, close() {} }) as Window);
    const prevent = (e: Event) => e.preventDefault();
    el.addEventListener('ck-connection-reconnect', prevent);
    const button = row(expired.id).querySelector<HTMLButtonElement>('[part~="action-reconnect"]')!;
    button.click();
    expect(open).not.toHaveBeenCalled();

    el.removeEventListener('ck-connection-reconnect', prevent);
    const seen: CustomEvent[] = [];
    el.addEventListener('ck-connection-reconnect', (e) => seen.push(e));
    button.click();
    expect(seen[0]!.detail.linkUrl).toBe(expired.linkUrl);
    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0]![0]).toBe(expired.linkUrl);
  });

  it('asks the hosted sign-in to return to redirect-url, and ignores a redirect that is not http(s)', async () => {
    const expired = connectionWithStatus('Deauthorized');
    await mount({
      connections: [expired],
      products: fixtureProducts,
      redirectUrl: 'http://localhost:4030/connect/callback',
    });
    const open = vi.spyOn(window, 'open').mockImplementation(() => ({ closed: false, close() {} }) as Window);
    const button = row(expired.id).querySelector<HTMLButtonElement>('[part~="action-reconnect"]')!;
    button.click();
    const opened = new URL(String(open.mock.calls[0]![0]));
    expect(opened.searchParams.get('redirect')).toBe('http://localhost:4030/connect/callback');
    expect(`${opened.origin}${opened.pathname}`).toBe(new URL(expired.linkUrl).href.split('?')[0]);

    el.redirectUrl = 'javascript:alert(1)';
    await el.updateComplete;
    button.click();
    expect(open.mock.calls[1]![0]).toBe(expired.linkUrl);
  });

  it('never opens a link URL that is not http(s)', async () => {
    const bad = { ...connectionWithStatus('Unlinked'), linkUrl: 'javascript:window.__ckXss=1' };
    await mount({ connections: [bad], products: fixtureProducts });
    const open = vi.spyOn(window, 'open');
    const spy = vi.fn();
    el.addEventListener('ck-connection-reconnect', spy);
    row(bad.id).querySelector<HTMLButtonElement>('[part~="action-reconnect"]')!.click();
    expect(spy).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
    expect(window.__ckXss).toBeUndefined();
  });

  it('emits ck-connection-add from the header, and shows an empty state with its own add button', async () => {
    await mount(controlled());
    const adds: CustomEvent[] = [];
    el.addEventListener('ck-connection-add', (e) => adds.push(e));
    root().querySelector<HTMLButtonElement>('[part~="add-button"]')!.click();
    expect(adds[0]!.detail.connections).toHaveLength(3);

    el.connections = [];
    await el.updateComplete;
    const empty = root().querySelector('[part~="empty"]')!;
    expect(text(empty)).toContain('No connections yet');
    empty.querySelector<HTMLButtonElement>('button')!.click();
    expect(adds).toHaveLength(2);
    await expectNoAxeViolations(el);
  });

  it('shows each product consent with status, data types, dates and history', async () => {
    await mount(controlled());
    const lending = consentRow(lendingConsent.id);
    expect(text(lending.querySelector('h3'))).toBe('Copay Lending');
    expect(lending.querySelector('ck-status-badge')!.status).toBe('Active');
    expect(text(lending)).toContain('Balance sheet');
    expect(text(lending)).toContain('Bank transactions');
    expect(text(lending)).toContain('Given');
    expect(text(lending)).toContain('Expires');
    const history = [...lending.querySelectorAll('ol.history li')].map(text);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatch(/^Consent given — /);
    expect(history[1]).toMatch(/^Consent changed — /);

    const withdrawn = fixtureConsent(lendingProduct, { status: 'Withdrawn' });
    el.consents = [withdrawn];
    await el.updateComplete;
    const row2 = consentRow(withdrawn.id);
    expect(row2.querySelector('[part~="action-withdraw"]')).toBeNull();
    expect(text(row2)).toContain('Consent withdrawn');
    expect(text(row2)).toContain('keeps the data it already has for 90 days');
    await expectNoAxeViolations(el);
  });

  it('asks before withdrawing, naming the impact on other products and the retention', async () => {
    await mount(controlled());
    const events: CustomEvent[] = [];
    el.addEventListener('ck-consent-withdraw', (e) => events.push(e));
    consentRow(lendingConsent.id).querySelector<HTMLButtonElement>('[part~="action-withdraw"]')!.click();
    await settle();
    const body = text(dialog());
    expect(dialog().heading).toBe('Withdraw consent for Copay Lending?');
    expect(body).toContain('Copay Lending will stop reading your data; it keeps what it has for 90 days.');
    expect(body).toContain('Insights Dashboard keeps using your connections under its own consent.');
    await expectNoAxeViolations(el);
    dialogButton('confirm-button').click();
    await settle();
    expect(events).toHaveLength(1);
    expect(events[0]!.detail.consent).toBe(lendingConsent);
    expect(events[0]!.detail.impactedProducts.map((p: { name: string }) => p.name)).toEqual([
      'Copay Lending',
    ]);
    expect(events[0]!.detail.unaffectedProducts.map((p: { name: string }) => p.name)).toEqual([
      'Insights Dashboard',
    ]);
  });

  it('stays reactive after mount', async () => {
    await mount(controlled());
    el.connections = [{ ...xeroConnection, status: 'Deauthorized' }];
    await el.updateComplete;
    expect(root().querySelectorAll('[part~="connection"]')).toHaveLength(1);
    expect(row(xeroConnection.id).querySelector('[part~="action-reconnect"]')).not.toBeNull();
    el.products = [{ ...lendingProduct, name: 'Renamed loan' }];
    el.consents = [lendingConsent];
    await el.updateComplete;
    expect(text(row(xeroConnection.id))).toContain('Renamed loan uses this connection.');
    el.dataStatus = { balanceSheet: { dataType: 'balanceSheet', currentStatus: 'Fetching' } };
    el.connections = [xeroConnection];
    await el.updateComplete;
    expect(row(xeroConnection.id).querySelector('[part~="sync-status"]')).not.toBeNull();
  });

  it('renders names as text and never a script-carrying markup', async () => {
    const evil = { ...xeroConnection, platformName: XSS_NAME };
    await mount({ connections: [evil], consents: [], products: [{ ...lendingProduct, name: XSS_NAME }] });
    await new Promise((r) => setTimeout(r, 50));
    expect(text(row(evil.id).querySelector('h3'))).toBe(XSS_NAME);
    expect(root().querySelector('img[src="x"]')).toBeNull();
    expect(window.__ckXss).toBeUndefined();
  });

  it('stays usable with 200 connections', async () => {
    const many = manyConnections(200);
    const started = performance.now();
    await mount({ connections: many, consents: [], products: fixtureProducts });
    expect(root().querySelectorAll('[part~="connection"]')).toHaveLength(200);
    expect(performance.now() - started).toBeLessThan(3000);
    // Every row is keyboard reachable: the last row's action can take focus.
    const last = row(many[199]!.id).querySelector<HTMLButtonElement>('[part~="action"]')!;
    last.focus();
    expect(deepActive()).toBe(last);
  });
});

describe('ck-connection-manager in French', () => {
  afterEach(async () => {
    document.documentElement.lang = 'en';
    const { setLocale } = await import('../localization/locale.js');
    await setLocale('en');
  });

  it('follows lang="fr-CA": impact warning, dates and product lists in French', async () => {
    document.documentElement.lang = 'fr-CA';
    await mount(controlled());
    const waitText = async (node: () => ParentNode | null | undefined, expected: string) => {
      for (let i = 0; i < 150 && !text(node()).includes(expected); i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(text(node())).toContain(expected);
    };
    await waitText(
      () => row(xeroConnection.id),
      'Copay Lending et Insights Dashboard utilisent cette connexion.',
    );
    expect(text(row(xeroConnection.id))).toContain('Première autorisation');
    // Dates follow the locale too (French month names).
    expect(text(row(xeroConnection.id).querySelector('dl.facts time'))).toMatch(/mars/);
    row(xeroConnection.id).querySelector<HTMLButtonElement>('[part~="action-disconnect"]')!.click();
    await settle();
    expect(text(dialog())).toContain('Ils ne recevront plus de nouvelles données.');
    await expectNoAxeViolations(el);
  });
});
