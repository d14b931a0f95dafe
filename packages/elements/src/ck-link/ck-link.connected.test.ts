/**
 * `<ck-link>` connected to the real mock server: the element creates the connection (idempotently), records the
 * consent in the ledger, follows the sign-in, and resumes after a redirect. The provider's approval is given the
 * way the hosted page gives it (the spec's authorization endpoint), since the sign-in page lives on the mock's origin.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connection, Integration } from '@consent-kit/contract';
import './index.js';
import type { CkLink } from './ck-link.js';
import { expectNoAxeViolations } from '../../test/axe.js';

import { mockClient, newCompany, type TestCompany } from '../../test/connected.js';

const admin = mockClient({ retries: 0 });

async function approve(company: TestCompany, connectionId: string): Promise<Connection> {
  return admin.connections.updateAuthorization(company.id, connectionId, { approved: 'true' });
}

/** A stand-in for the sign-in window: records where the element points it. */
class FakePopup {
  closed = false;
  location = { href: 'about:blank' };
  close(): void {
    this.closed = true;
  }
}

let el: CkLink | undefined;
let popups: FakePopup[] = [];

beforeEach(() => {
  sessionStorage.clear();
  popups = [];
});
afterEach(() => {
  el?.remove();
  el = undefined;
  vi.restoreAllMocks();
});

async function mount(props: Partial<CkLink>): Promise<CkLink> {
  el = document.createElement('ck-link');
  Object.assign(el, { pollInterval: 150, clientName: 'Copay', ...props });
  vi.spyOn(el as unknown as { openWindow: (url: string) => Window | null }, 'openWindow').mockImplementation((url: string) => {
    const popup = new FakePopup();
    popup.location.href = url;
    popups.push(popup);
    return popup as unknown as Window;
  });
  document.body.append(el);
  return el;
}

const root = () => el!.shadowRoot!;
const text = (node: ParentNode | null | undefined) => (node as HTMLElement | null)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const heading = () => text(root().querySelector('[part~="heading"]'));

async function until(check: () => unknown, timeout = 6000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function events<K extends keyof HTMLElementEventMap>(name: K): HTMLElementEventMap[K][] {
  const seen: HTMLElementEventMap[K][] = [];
  el!.addEventListener(name, (e) => seen.push(e));
  return seen;
}

async function integration(key: string): Promise<Integration> {
  return admin.integrations.get(key);
}

async function select(i: Integration): Promise<void> {
  await until(() => root().querySelector('ck-integration-picker'));
  root()
    .querySelector('ck-integration-picker')!
    .dispatchEvent(new CustomEvent('ck-integration-select', { detail: { integration: i }, bubbles: true, composed: true }));
  await el!.updateComplete;
}

async function confirmConsent(noticeText: string): Promise<void> {
  await until(() => root().querySelector('ck-consent-confirmation'));
  const confirmation = root().querySelector('ck-consent-confirmation') as HTMLElement & { dataTypes?: unknown };
  confirmation.dispatchEvent(
    new CustomEvent('ck-consent-confirm', {
      detail: { productIdentifier: 'lending', dataTypes: confirmation.dataTypes, noticeText },
      bubbles: true,
      composed: true,
    }),
  );
  await el!.updateComplete;
}

function continueButton(): HTMLButtonElement {
  return root().querySelector<HTMLButtonElement>('[part~="primary-button"]')!;
}

describe('ck-link (connected to the mock server)', () => {
  it('runs the popup journey: one connection for a double click, the consent with the notice shown, then Linked', async () => {
    const company = await newCompany();
    await mount({ client: company.client, companyId: company.id, productIdentifier: 'lending', sourceTypes: { accounting: {} } });
    const started = events('ck-connection-started');
    const consents = events('ck-consent');
    const connected = events('ck-connection');
    const finished = events('ck-finish');
    await until(() => heading() === 'Choose your accounting software');
    await expectNoAxeViolations(el!);

    await select(await integration('gbol'));
    await until(() => heading() === 'Review what you are sharing');
    await confirmConsent('Copay will read your profit and loss, balance sheet...');
    await until(() => heading() === 'Connect to Xero');

    // Double click: one connection.
    continueButton().click();
    continueButton().click();
    await until(() => started.length === 1 && popups[0]?.location.href.startsWith('http'));
    const list = await company.client.connections.list(company.id);
    expect(list.results).toHaveLength(1);
    const connectionId = started[0]!.detail.connectionId;
    expect(popups).toHaveLength(1);
    expect(popups[0]!.location.href).toBe(list.results[0]!.linkUrl);
    expect(started[0]!.detail.integration.key).toBe('gbol');

    // The consent is in the ledger with the text the person saw, and lists the connection.
    await until(() => consents.length === 1);
    const record = await company.client.consents.get(company.id, consents[0]!.detail.consent.id);
    expect(record.productIdentifier).toBe('lending');
    expect(record.connectionIds).toEqual([connectionId]);
    expect(record.events[0]!.noticeText).toBe('Copay will read your profit and loss, balance sheet...');
    expect(consents[0]!.detail.noticeText).toBe('Copay will read your profit and loss, balance sheet...');
    await until(() => text(root().querySelector('[part~="waiting"]')).includes('Waiting for you to finish signing in to Xero'));

    // The person approves at the provider: the element notices by polling the connection.
    await approve(company, connectionId);
    await until(() => connected.length === 1);
    expect(connected[0]!.detail.connection.status).toBe('Linked');
    expect(popups[0]!.closed).toBe(true);
    await until(() => el!.step === 'syncing' || el!.step === 'success');
    if (el!.step === 'syncing') continueButton().click();
    await until(() => el!.step === 'success');
    expect(heading()).toBe('Xero is connected');
    continueButton().click();
    await until(() => finished.length === 1);
    expect(finished[0]!.detail.connections.map((c) => c.id)).toEqual([connectionId]);
    expect(finished[0]!.detail.consent?.id).toBe(record.id);
  });

  it('redirect mode: keeps the journey, leaves for the provider, and resumes on return (handle-redirect)', async () => {
    const company = await newCompany();
    await mount({ client: company.client, companyId: company.id, productIdentifier: 'lending', sourceTypes: { banking: {} }, handoff: 'redirect' });
    const navigate = vi.spyOn(el as unknown as { navigate: (url: string) => void }, 'navigate').mockImplementation(() => {});
    await select(await integration('bbrc'));
    await confirmConsent('I agree');
    await until(() => heading() === 'Connect to Barclays');
    continueButton().click();
    await until(() => navigate.mock.calls.length === 1);
    const connections = (await company.client.connections.list(company.id)).results;
    expect(navigate.mock.calls[0]![0]).toBe(connections[0]!.linkUrl);
    expect(sessionStorage.getItem(`ck-link:journey:${company.id}`)).not.toBeNull();
    el!.remove();

    // The provider approves and sends the browser back with the result in the query string.
    await approve(company, connections[0]!.id);
    const before = location.href;
    history.replaceState(null, '', `?statusCode=200&companyId=${company.id}&connectionId=${connections[0]!.id}&platform=bbrc&sourceType=Banking`);
    try {
      el = document.createElement('ck-link');
      const connected = events('ck-connection');
      Object.assign(el, { client: company.client, companyId: company.id, productIdentifier: 'lending', sourceTypes: { banking: {} }, handleRedirect: true });
      document.body.append(el);
      await until(() => connected.length === 1);
      expect(connected[0]!.detail.connection.platformName).toBe('Barclays');
      expect(location.search).toBe('');
      await until(() => el!.step === 'syncing' || el!.step === 'success');
      if (el!.step === 'syncing') continueButton().click();
      await until(() => el!.step === 'success');
      expect([...root().querySelectorAll('.step button')].map(text)).toEqual(['Connect another bank account', 'Done']);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('after an error, "Choose another" removes the abandoned accounting connection so another can be made', async () => {
    const company = await newCompany();
    await mount({ client: company.client, companyId: company.id, productIdentifier: 'lending', sourceTypes: { accounting: {} } });
    const errors = events('ck-error');
    await select(await integration('gbol'));
    await confirmConsent('I agree');
    await until(() => heading() === 'Connect to Xero');
    continueButton().click();
    await until(() => popups[0]?.location.href.startsWith('http'));
    const [first] = (await company.client.connections.list(company.id)).results;
    // The provider sends the person back with an error.
    el!.redirectResult = {
      ok: false,
      statusCode: 403,
      companyId: company.id,
      connectionId: first!.id,
      error: 'access_denied',
      errorDescription: 'The provider denied access.',
      userRecoverable: true,
    };
    await until(() => el!.step === 'error');
    expect(errors[0]!.detail.error.code).toBe('access_denied');
    expect(text(root().querySelector('[part~="error"]'))).toContain('Xero did not give access to your data');
    await expectNoAxeViolations(el!);
    root().querySelector<HTMLButtonElement>('[part~="secondary-button"]')!.click();
    await until(() => el!.step === 'picker');
    // The abandoned PendingAuth connection is removed in the background.
    for (let i = 0; i < 60 && (await company.client.connections.list(company.id)).results.length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await company.client.connections.list(company.id)).results).toHaveLength(0);
    await select(await integration('qhyg'));
    // Consent was already recorded: straight to the hand-off.
    await until(() => heading() === 'Connect to QuickBooks Online');
    continueButton().click();
    await until(() => popups.length === 2 && popups[1]!.location.href.startsWith('http'));
    const after = (await company.client.connections.list(company.id)).results;
    expect(after.map((c) => c.integrationKey)).toEqual(['qhyg']);
  });

  it('"Try again" reopens the sign-in of the same connection', async () => {
    const company = await newCompany();
    await mount({ client: company.client, companyId: company.id, productIdentifier: 'lending', sourceTypes: { accounting: {} } });
    await select(await integration('gbol'));
    await confirmConsent('I agree');
    await until(() => heading() === 'Connect to Xero');
    continueButton().click();
    await until(() => popups[0]?.location.href.startsWith('http'));
    const [connection] = (await company.client.connections.list(company.id)).results;
    popups[0]!.close();
    // The window closed without approval: a recoverable error.
    await until(() => el!.step === 'error');
    expect(text(root().querySelector('[part~="error"]'))).toContain('The sign-in window was closed before you finished connecting Xero.');
    continueButton().click(); // Try again
    await until(() => heading() === 'Connect to Xero');
    continueButton().click();
    await until(() => popups.length === 2 && popups[1]!.location.href !== 'about:blank');
    expect(popups[1]!.location.href).toBe(connection!.linkUrl);
    expect((await company.client.connections.list(company.id)).results).toHaveLength(1);
  });

  it('shows a clear error when the API refuses the connection (a second accounting platform)', async () => {
    const company = await newCompany();
    const existing = await company.client.connections.create(company.id, { platformKey: 'gbol' });
    await approve(company, existing.id);
    await mount({ client: company.client, companyId: company.id, productIdentifier: 'lending', sourceTypes: { accounting: {} } });
    await select(await integration('qhyg'));
    await confirmConsent('I agree');
    await until(() => heading() === 'Connect to QuickBooks Online');
    continueButton().click();
    await until(() => el!.step === 'error');
    expect(text(root().querySelector('[part~="error"]'))).toContain('Your business already has accounting software connected.');
    expect(popups[0]!.closed).toBe(true);
  });

  it('additional consent: confirms what is new for the product, records it without a sign-in', async () => {
    const company = await newCompany();
    const xero = await company.client.connections.create(company.id, { platformKey: 'gbol' });
    await approve(company, xero.id);
    await company.client.consents.grant(company.id, { productIdentifier: 'insights', connectionIds: [xero.id] });
    await mount({ client: company.client, companyId: company.id, productIdentifier: 'lending', mode: 'additional-consent' });
    const consents = events('ck-consent');
    const finished = events('ck-finish');
    await until(() => heading() === 'Confirm you are happy to share additional data');
    await confirmConsent('I am happy to share additional data with Copay business loan');
    await until(() => consents.length === 1);
    const record = await company.client.consents.get(company.id, consents[0]!.detail.consent.id);
    expect(record.productIdentifier).toBe('lending');
    expect(record.collectionMethod).toBe('additional-consent');
    expect(record.connectionIds).toEqual([xero.id]);
    expect(popups).toHaveLength(0);
    await until(() => el!.step === 'success');
    continueButton().click();
    await until(() => finished.length === 1);
    // The product can now read (no re-authentication happened).
    const page = await company.client.data.read(company.id, 'balanceSheet', { product: 'lending' });
    expect(Array.isArray(page.results)).toBe(true);
  });

  it('restarts cleanly when companyId changes mid-journey', async () => {
    const first = await newCompany('First Co');
    const second = await newCompany('Second Co');
    await mount({ client: first.client, companyId: first.id, productIdentifier: 'lending', sourceTypes: { banking: {} } });
    await select(await integration('bbrc'));
    await until(() => el!.step === 'consent');
    el!.client = second.client;
    el!.companyId = second.id;
    await until(() => heading() === 'Choose your bank');
    expect((await second.client.connections.list(second.id)).results).toHaveLength(0);
  });

  it('shows a load error with a retry when the company cannot be read', async () => {
    const mine = await newCompany('Mine Ltd');
    const theirs = await newCompany('Theirs Ltd');
    await mount({ client: mine.client, companyId: theirs.id, productIdentifier: 'lending' });
    await until(() => root().querySelector('[part~="retry-button"]'));
    expect(text(root())).toContain('We could not load what is needed to start');
    await expectNoAxeViolations(el!);
  });
});
