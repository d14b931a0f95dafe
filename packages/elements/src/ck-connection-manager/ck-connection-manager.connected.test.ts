/**
 * Connected mode against the real mock server (apps/mock-server, started by test/mock-server.global-setup.ts):
 * a company and its company-scoped token are created with the mock's local API key, then the element gets a
 * client holding only that bearer token, as a browser would.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConsentKitClient } from '@consent-kit/client';
import type { Connection } from '@consent-kit/contract';
import './index.js';
import type { CkConnectionManager } from './ck-connection-manager.js';
import type { CkDialog } from '../ck-dialog/ck-dialog.js';
import type { ConnectionManagerClient } from './connection-manager-client.js';
import { expectNoAxeViolations } from '../../test/axe.js';

import { mockClient, mockServerUrl, newCompany, type TestCompany } from '../../test/connected.js';

const baseUrl = mockServerUrl();
const admin = mockClient({ retries: 0 });

/** A connection the person has approved (the hosted flow's approval, through the spec's authorization endpoint). */
async function linked(company: TestCompany, platformKey: string): Promise<Connection> {
  const created = await company.client.connections.create(company.id, { platformKey });
  return admin.connections.updateAuthorization(company.id, created.id, { approved: 'true' });
}

let el: CkConnectionManager | undefined;
afterEach(() => {
  el?.remove();
  el = undefined;
});

async function mount(props: Partial<CkConnectionManager>): Promise<CkConnectionManager> {
  el = document.createElement('ck-connection-manager');
  Object.assign(el, props);
  document.body.append(el);
  return el;
}

const root = () => el!.shadowRoot!;
const text = (node: ParentNode | null | undefined) => (node as HTMLElement | null)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const row = (id: string) => root().querySelector<HTMLElement>(`[data-connection-id="${id}"]`);
const consentRow = (id: string) => root().querySelector<HTMLElement>(`[data-consent-id="${id}"]`);
const dialog = () => root().querySelector<CkDialog>('ck-dialog')!;

async function until(check: () => unknown, timeout = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function confirmDialog(): Promise<void> {
  await until(() => dialog().open);
  dialog().shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm-button"]')!.click();
}

describe('ck-connection-manager (connected to the mock server)', () => {
  it('loads the connections, the consents and the products, and names the products that use a connection', async () => {
    const company = await newCompany();
    const xero = await linked(company, 'gbol');
    const bank = await linked(company, 'bbrc');
    const lending = await company.client.consents.grant(company.id, { productIdentifier: 'lending', connectionIds: [xero.id, bank.id] });
    await company.client.consents.grant(company.id, { productIdentifier: 'insights', connectionIds: [xero.id] });
    const products = (await company.client.products.list()).results;
    const names = Object.fromEntries(products.map((p) => [p.identifier, p.name]));

    await mount({ client: company.client, companyId: company.id });
    await until(() => row(xero.id));
    expect(text(row(xero.id)!.querySelector('h3'))).toBe('Xero');
    expect(text(row(xero.id))).toContain(`${names.lending} and ${names.insights} use this connection.`);
    expect(text(consentRow(lending.id)!.querySelector('h3'))).toBe(names.lending);
    await expectNoAxeViolations(el!);
  });

  it('disconnects through the API after the impact warning, and announces it', async () => {
    const company = await newCompany();
    const xero = await linked(company, 'gbol');
    await company.client.consents.grant(company.id, { productIdentifier: 'lending', connectionIds: [xero.id] });
    await mount({ client: company.client, companyId: company.id });
    await until(() => row(xero.id));
    const changes: CustomEvent[] = [];
    el!.addEventListener('ck-connections-change', (e) => changes.push(e));
    row(xero.id)!.querySelector<HTMLButtonElement>('[part~="action-disconnect"]')!.click();
    await until(() => dialog().open);
    expect(text(dialog())).toContain('uses this connection. It will stop receiving new data.');
    await confirmDialog();
    await until(() => row(xero.id)?.querySelector('ck-status-badge')?.status === 'Unlinked');
    expect((await company.client.connections.get(company.id, xero.id)).status).toBe('Unlinked');
    await until(() => text(root().querySelector('[part~="announcer"]')).includes('Xero is disconnected.'));
    expect(changes[0]!.detail.action).toBe('disconnect');
    // Now it can be reconnected.
    expect(row(xero.id)!.querySelector('[part~="action-reconnect"]')).not.toBeNull();
  });

  it('does not call the API when the host prevents the event', async () => {
    const company = await newCompany();
    const xero = await linked(company, 'gbol');
    await mount({ client: company.client, companyId: company.id });
    await until(() => row(xero.id));
    el!.addEventListener('ck-connection-disconnect', (e) => e.preventDefault());
    row(xero.id)!.querySelector<HTMLButtonElement>('[part~="action-disconnect"]')!.click();
    await confirmDialog();
    await new Promise((r) => setTimeout(r, 200));
    expect((await company.client.connections.get(company.id, xero.id)).status).toBe('Linked');
  });

  it('deletes a connection and its data, then moves focus to the add button', async () => {
    const company = await newCompany();
    const bank = await linked(company, 'bbrc');
    const other = await linked(company, 'hsbc');
    await mount({ client: company.client, companyId: company.id });
    await until(() => row(bank.id));
    row(bank.id)!.querySelector<HTMLButtonElement>('[part~="action-delete"]')!.click();
    await confirmDialog();
    await until(() => row(bank.id) === null);
    expect(row(other.id)).not.toBeNull();
    const remaining = await company.client.connections.list(company.id);
    expect(remaining.results.map((c) => c.id)).toEqual([other.id]);
    await until(() => root().activeElement?.getAttribute('part')?.includes('add-button') ?? false);
  });

  it('withdraws a consent: the ledger records it and the history shows it', async () => {
    const company = await newCompany();
    const xero = await linked(company, 'gbol');
    const consent = await company.client.consents.grant(company.id, { productIdentifier: 'lending', connectionIds: [xero.id] });
    await mount({ client: company.client, companyId: company.id });
    await until(() => consentRow(consent.id));
    consentRow(consent.id)!.querySelector<HTMLButtonElement>('[part~="action-withdraw"]')!.click();
    await until(() => dialog().open);
    expect(text(dialog())).toMatch(/will stop reading your data; it keeps what it has for 90 days\./);
    await confirmDialog();
    await until(() => consentRow(consent.id)?.querySelector('ck-status-badge')?.status === 'Withdrawn');
    expect((await company.client.consents.get(company.id, consent.id)).status).toBe('Withdrawn');
    expect([...consentRow(consent.id)!.querySelectorAll('ol.history li')].map(text).some((t) => t.startsWith('Consent withdrawn'))).toBe(true);
    // Reads for the product are now refused by the API.
    await expect(company.client.data.read(company.id, 'balanceSheet', { product: 'lending' })).rejects.toMatchObject({ status: 403 });
  });

  it('shows a failed action on its row with the error and a retry that works', async () => {
    const company = await newCompany();
    const xero = await linked(company, 'gbol');
    const faulty = new ConsentKitClient({
      baseUrl,
      auth: { accessToken: company.token },
      headers: { 'X-Mock-Fault': 'status=503' },
      retry: { retries: 0 },
    });
    let failures = 1;
    const client: ConnectionManagerClient = {
      integrations: company.client.integrations,
      consents: company.client.consents,
      products: company.client.products,
      data: company.client.data,
      connections: {
        list: (id, p) => company.client.connections.list(id, p),
        delete: (id, cid) => company.client.connections.delete(id, cid),
        unlink: (id, cid) => (failures-- > 0 ? faulty.connections.unlink(id, cid) : company.client.connections.unlink(id, cid)),
      },
    };
    await mount({ client, companyId: company.id });
    await until(() => row(xero.id));
    row(xero.id)!.querySelector<HTMLButtonElement>('[part~="action-disconnect"]')!.click();
    await confirmDialog();
    await until(() => row(xero.id)!.querySelector('[part~="row-error"]'));
    expect(text(row(xero.id)!.querySelector('[part~="row-error"]'))).toMatch(/That didn't work/);
    await expectNoAxeViolations(el!);
    row(xero.id)!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => row(xero.id)!.querySelector('ck-status-badge')?.status === 'Unlinked');
    expect(row(xero.id)!.querySelector('[part~="row-error"]')).toBeNull();
  });

  it('polls while a sign-in is pending and stops when everything is idle', async () => {
    const company = await newCompany();
    const pending = await company.client.connections.create(company.id, { platformKey: 'gbol' });
    let calls = 0;
    const counting: ConnectionManagerClient = {
      integrations: company.client.integrations,
      consents: company.client.consents,
      products: company.client.products,
      data: company.client.data,
      connections: {
        list: (id, p) => {
          calls++;
          return company.client.connections.list(id, p);
        },
        delete: (id, cid) => company.client.connections.delete(id, cid),
        unlink: (id, cid) => company.client.connections.unlink(id, cid),
      },
    };
    await mount({ client: counting, companyId: company.id, pollInterval: 250 });
    await until(() => row(pending.id)?.querySelector('ck-status-badge')?.status === 'PendingAuth');
    await admin.connections.updateAuthorization(company.id, pending.id, { approved: 'true' });
    await until(() => row(pending.id)?.querySelector('ck-status-badge')?.status === 'Linked', 5000);
    // Idle now (the mock syncs instantly in tests): no more requests.
    await new Promise((r) => setTimeout(r, 400));
    const settled = calls;
    await new Promise((r) => setTimeout(r, 800));
    expect(calls).toBe(settled);
  });

  it('shows the empty state for a company without connections, and reloads when companyId changes', async () => {
    const empty = await newCompany('Empty Co');
    const other = await newCompany('Other Co');
    const bank = await linked(other, 'bbrc');
    await mount({ client: empty.client, companyId: empty.id });
    await until(() => root().querySelector('[part~="empty"]'));
    expect(text(root().querySelector('[part~="empty"]'))).toContain('No connections yet');
    el!.client = other.client;
    el!.companyId = other.id;
    await until(() => row(bank.id));
    expect(root().querySelector('[part~="empty"]')).toBeNull();
  });

  it('shows a load error with a retry (a token for another company is refused)', async () => {
    const mine = await newCompany('Mine Ltd');
    const theirs = await newCompany('Theirs Ltd');
    await mount({ client: mine.client, companyId: theirs.id });
    await until(() => root().querySelector('[part~="error"]'));
    expect(text(root().querySelector('[part~="error"]'))).toContain("We couldn't load your connections");
    expect(root().querySelector('[part~="retry-button"]')).not.toBeNull();
    await expectNoAxeViolations(el!);
    // Fixing the company recovers.
    el!.companyId = mine.id;
    await until(() => root().querySelector('[part~="empty"]'));
  });
});
