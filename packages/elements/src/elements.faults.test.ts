/**
 * UI under faults: every connected element, against the real mock server, with faults injected into its API calls
 * (added latency, 429 with Retry-After, 500, dropped connections, and responses lost after the server acted).
 * Each element must show a clear error (role=alert, what failed, a reference) with a retry that recovers once the
 * network is healthy, ride out transient faults without bothering the person, show its loading state while slow,
 * and never create a second connection or consent from a double click or a retry (idempotency).
 *
 * Faults go through the mock's `X-Mock-Fault` request header, added by a fetch wrapper given to the client, so
 * only the element's own requests are affected. "Lost response" lets the request reach the server and then throws
 * a network error instead of returning the answer (the case idempotency keys exist for).
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ConsentKitClient } from '@consent-kit/client';
import './index.js';
import { mockClient, mockServerUrl, newCompany } from '../test/connected.js';

const baseUrl = mockServerUrl();
const admin = mockClient({ retries: 0 });

// ------------------------------------------------------------------ the faulty network

interface Rule {
  method?: string;
  path: RegExp;
  /** An `X-Mock-Fault` value: `latency=400`, `status=500`, `status=429;retryAfter=0`, `drop`. */
  fault?: string;
  /** Let the request reach the server, then fail as if the connection dropped before the answer arrived. */
  loseResponse?: boolean;
  /** How many matching requests it applies to. */
  times: number;
}

interface Sent {
  method: string;
  path: string;
  idempotencyKey: string | null;
  fault: string | null;
  outcome: string;
}

class FaultyNetwork {
  private rules: Rule[] = [];
  readonly sent: Sent[] = [];

  inject(rule: Rule): void {
    this.rules.push(rule);
  }

  heal(): void {
    this.rules = [];
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const rule = this.rules.find((r) => r.times > 0 && (!r.method || r.method === method) && r.path.test(url.pathname));
    if (rule) rule.times--;
    if (rule?.fault) headers.set('X-Mock-Fault', rule.fault);
    const entry: Sent = { method, path: url.pathname, idempotencyKey: headers.get('Idempotency-Key'), fault: rule?.fault ?? null, outcome: '' };
    this.sent.push(entry);
    try {
      const response = await fetch(input, { ...init, headers });
      entry.outcome = String(response.status);
      if (rule?.loseResponse) {
        await response.arrayBuffer();
        entry.outcome += ' (lost)';
        throw new TypeError('Failed to fetch: the connection dropped before the response arrived');
      }
      return response;
    } catch (error) {
      entry.outcome ||= 'network error';
      throw error;
    }
  };
}

const faultsInjected = { count: 0 };
afterAll(() => console.log(`[security] UI under faults: ${faultsInjected.count} faults injected into element API calls`));

// ------------------------------------------------------------------ companies and clients

interface Company {
  id: string;
  token: string;
  accountingId: string;
  bankingId: string;
}

async function company(name = 'Faulty Bakery Ltd'): Promise<Company> {
  const { id, token } = await newCompany(name);
  await admin.companyProducts.add(id, 'lending');
  const link = async (platformKey: string) => {
    const connection = await admin.connections.create(id, { platformKey });
    await admin.connections.updateAuthorization(id, connection.id, { approved: 'true' });
    return connection.id;
  };
  const accountingId = await link('gbol');
  const bankingId = await link('bbrc');
  return { id, token, accountingId, bankingId };
}

/** A browser client as an app would make one, on the faulty network, with one quick retry. */
function clientOn(net: FaultyNetwork, c: Company): ConsentKitClient {
  return new ConsentKitClient({
    baseUrl,
    auth: { accessToken: c.token },
    fetch: net.fetch,
    retry: { retries: 1, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 2000 },
  });
}

// ------------------------------------------------------------------ DOM helpers (shadow roots included)

let mounted: HTMLElement | undefined;
afterEach(() => {
  mounted?.remove();
  mounted = undefined;
  vi.restoreAllMocks();
});

function deepAll(root: ParentNode, selector: string): HTMLElement[] {
  const found: HTMLElement[] = [...root.querySelectorAll<HTMLElement>(selector)];
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    if (element.shadowRoot) found.push(...deepAll(element.shadowRoot, selector));
  }
  return found;
}

const deep = (selector: string) => (mounted?.shadowRoot ? deepAll(mounted.shadowRoot, selector) : []);
const textOf = (node: Element | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function until<T>(check: () => T | undefined | null | false, what: string, timeout = 8000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}; the element shows: "${textOf(mounted?.shadowRoot as unknown as Element).slice(0, 400)}"`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function mount(tag: string, props: Record<string, unknown>): HTMLElement {
  const element = document.createElement(tag);
  Object.assign(element, props);
  document.body.append(element);
  mounted = element;
  return element;
}

/** The error a person sees: an alert naming what failed, with the server's reference, and a Try again button. */
function visibleError(): { alert: HTMLElement; retry: HTMLButtonElement } | undefined {
  const alert = deep('[role="alert"]').find((a) => textOf(a).length > 0) ?? deep('[part~="error"]').find((a) => textOf(a).length > 0);
  if (!alert) return undefined;
  const retry =
    deep('[part~="retry-button"]').find((b) => /try again/i.test(textOf(b))) ??
    deep('[part~="primary-button"]').find((b) => /try again/i.test(textOf(b)));
  return retry ? { alert, retry: retry as HTMLButtonElement } : undefined;
}

// ------------------------------------------------------------------ the elements, connected

interface Subject {
  tag: string;
  props: (client: ConsentKitClient, c: Company) => Record<string, unknown>;
  /** The loaded, usable state. */
  ready: () => boolean;
}

const SUBJECTS: Record<string, Subject> = {
  'ck-integration-picker': {
    tag: 'ck-integration-picker',
    props: (client, c) => ({ client, companyId: c.id }),
    ready: () => deep('[part~="option"]').length > 0,
  },
  'ck-consent-confirmation': {
    tag: 'ck-consent-confirmation',
    props: (client, c) => ({ client, companyId: c.id, productIdentifier: 'insights', clientName: 'Copay' }),
    ready: () => deep('[part~="confirm-button"]').length > 0,
  },
  'ck-connection-manager': {
    tag: 'ck-connection-manager',
    props: (client, c) => ({ client, companyId: c.id, pollInterval: 60_000 }),
    ready: () => deep('[data-connection-id]').length >= 2,
  },
  'ck-sync-status': {
    tag: 'ck-sync-status',
    props: (client, c) => ({ client, companyId: c.id, pollInterval: 200 }),
    ready: () => /synced/i.test(textOf(mounted?.shadowRoot as unknown as Element)) && !visibleError(),
  },
  'ck-link': {
    tag: 'ck-link',
    props: (client, c) => ({ client, companyId: c.id, productIdentifier: 'lending', clientName: 'Copay', sourceTypes: { banking: {} }, pollInterval: 150 }),
    ready: () => deep('[part~="option"]').length > 0,
  },
};

const PERSISTENT_FAULTS = {
  '500': 'status=500',
  '429 (Retry-After)': 'status=429;retryAfter=0',
  'dropped connection': 'drop',
} as const;

describe.each(Object.entries(SUBJECTS))('%s under faults', (_name, subject) => {
  it.each(Object.entries(PERSISTENT_FAULTS))('persistent %s: a clear error with a retry that recovers', async (_label, fault) => {
    const c = await company();
    const net = new FaultyNetwork();
    net.inject({ path: /./, fault, times: 1000 });
    mount(subject.tag, subject.props(clientOn(net, c), c));
    const shown = await until(visibleError, 'an error with a retry');
    expect(textOf(shown.alert)).toMatch(/couldn|could not|went wrong|didn't work/i);
    if (fault !== 'drop') expect(textOf(shown.alert)).toMatch(/Reference: [0-9a-f]{32}/); // for support
    else expect(textOf(shown.alert)).not.toMatch(/https?:\/\/|\/companies\//); // plain words, no request URL
    expect(subject.ready()).toBe(false);
    faultsInjected.count += net.sent.filter((s) => s.fault).length;

    net.heal();
    // One "Try again" on a healthy network must bring the element back: a second error would tell the person the
    // retry failed when it did not.
    shown.retry.click();
    await until(subject.ready, 'the element to recover after Try again', 5000);
    expect(visibleError()).toBeUndefined();
  });

  it.each([
    ['one 429 (Retry-After: 0)', 'status=429;retryAfter=0'],
    ['one dropped connection', 'drop'],
  ])('a transient fault (%s) is ridden out by the retry, without an error', async (_label, fault) => {
    const c = await company();
    const net = new FaultyNetwork();
    net.inject({ method: 'GET', path: /./, fault, times: 1 });
    let sawError = false;
    mount(subject.tag, subject.props(clientOn(net, c), c));
    await until(() => {
      sawError ||= visibleError() !== undefined;
      return subject.ready();
    }, 'the element to load');
    expect(sawError).toBe(false);
    expect(net.sent.filter((s) => s.fault)).toHaveLength(1);
    faultsInjected.count += 1;
  });

  it('slow API (400 ms a request): shows its loading state, then loads', async () => {
    const c = await company();
    const net = new FaultyNetwork();
    net.inject({ path: /./, fault: 'latency=400', times: 1000 });
    mount(subject.tag, subject.props(clientOn(net, c), c));
    await until(() => deep('[role="status"]').some((s) => textOf(s).length > 0) || deep('[part~="loading"]').length > 0, 'a loading state');
    await until(subject.ready, 'the element to load despite the latency', 15_000);
    expect(visibleError()).toBeUndefined();
    faultsInjected.count += net.sent.filter((s) => s.fault).length;
  });
});

// ------------------------------------------------------------------ idempotency: no duplicates

class FakePopup {
  closed = false;
  location = { href: 'about:blank' };
  close(): void {
    this.closed = true;
  }
}

/** Drives ck-link to its "Connect to <bank>" step; returns the element and the popups it opened. */
async function linkAtHandoff(net: FaultyNetwork, c: Company) {
  const link = mount('ck-link', SUBJECTS['ck-link']!.props(clientOn(net, c), c));
  const popups: FakePopup[] = [];
  vi.spyOn(link as unknown as { openWindow: (url: string) => Window | null }, 'openWindow').mockImplementation((url: string) => {
    const popup = new FakePopup();
    popup.location.href = url;
    popups.push(popup);
    return popup as unknown as Window;
  });
  // A bank the company has not connected yet (Barclays is linked already): a new connection is made for it.
  const option = await until(() => deep('[part~="option"]').find((o) => o.dataset.key && o.dataset.key !== 'bbrc' && o.getAttribute('aria-disabled') !== 'true'), 'a bank to pick');
  option.click();
  const confirm = await until(() => {
    const confirmation = link.shadowRoot!.querySelector('ck-consent-confirmation') as (HTMLElement & { product?: unknown }) | null;
    return confirmation?.product ? confirmation.shadowRoot?.querySelector<HTMLButtonElement>('[part~="confirm-button"]:not([disabled])') : null;
  }, 'the consent step');
  confirm.click();
  const proceed = await until(
    () => (link.shadowRoot!.querySelector('[part~="step-handoff"]') ? link.shadowRoot!.querySelector<HTMLButtonElement>('[part~="step-handoff"] [part~="primary-button"]') : null),
    'the hand-off step',
  );
  return { link, popups, proceed };
}

async function connectionsOf(c: Company) {
  return (await admin.connections.list(c.id, { pageSize: 5000 })).results;
}

describe('no duplicates from double clicks and retries', () => {
  it('ck-link: a double click while the API is slow creates one connection', async () => {
    const c = await company();
    const net = new FaultyNetwork();
    const before = (await connectionsOf(c)).length;
    const { popups, proceed } = await linkAtHandoff(net, c);
    net.inject({ method: 'POST', path: /\/connections$/, fault: 'latency=400', times: 10 });
    proceed.click();
    proceed.click();
    await until(() => popups.some((p) => p.location.href.startsWith('http')), 'the sign-in window to be pointed at the provider');
    expect((await connectionsOf(c)).length).toBe(before + 1);
    faultsInjected.count += 1;
  });

  it('ck-link: a lost response is retried with the same Idempotency-Key: one connection, and the journey goes on', async () => {
    const c = await company();
    const net = new FaultyNetwork();
    const before = (await connectionsOf(c)).length;
    const { popups, proceed } = await linkAtHandoff(net, c);
    net.inject({ method: 'POST', path: /\/connections$/, loseResponse: true, times: 1 });
    proceed.click();
    await until(() => popups.some((p) => p.location.href.startsWith('http')), 'the sign-in window');
    const posts = net.sent.filter((s) => s.method === 'POST' && s.path.endsWith('/connections'));
    expect(posts.length).toBe(2);
    expect(posts[0]!.idempotencyKey).toBeTruthy();
    expect(posts[1]!.idempotencyKey).toBe(posts[0]!.idempotencyKey);
    expect((await connectionsOf(c)).length).toBe(before + 1);
    faultsInjected.count += 1;
  });

  it("ck-link: responses lost past the client's retries -> an error; Try again still makes one connection", async () => {
    const c = await company();
    const net = new FaultyNetwork();
    const before = (await connectionsOf(c)).length;
    const { link, popups, proceed } = await linkAtHandoff(net, c);
    net.inject({ method: 'POST', path: /\/connections$/, loseResponse: true, times: 2 });
    proceed.click();
    const shown = await until(visibleError, 'the connection error with Try again');
    expect(textOf(shown.alert).length).toBeGreaterThan(0);
    shown.retry.click();
    const again = await until(() => link.shadowRoot!.querySelector<HTMLButtonElement>('[part~="step-handoff"] [part~="primary-button"]'), 'the hand-off step again');
    again.click();
    await until(() => popups.some((p) => p.location.href.startsWith('http')), 'the sign-in window after Try again');
    expect((await connectionsOf(c)).length).toBe(before + 1);
    faultsInjected.count += 2;
  });

  it('ck-consent-confirmation: a lost "grant" response, then Try again, records one consent and shows success', async () => {
    const c = await company();
    const net = new FaultyNetwork();
    const element = mount('ck-consent-confirmation', SUBJECTS['ck-consent-confirmation']!.props(clientOn(net, c), c));
    const recorded: unknown[] = [];
    element.addEventListener('ck-consent', (event) => recorded.push((event as CustomEvent).detail));
    const confirm = await until(() => deep('[part~="confirm-button"]')[0] as HTMLButtonElement | undefined, 'the confirm button');
    net.inject({ method: 'POST', path: /\/consents$/, loseResponse: true, times: 2 });
    confirm.click();
    confirm.click();
    const shown = await until(visibleError, 'the error with Try again');
    shown.retry.click();
    await until(() => recorded.length > 0, 'the consent to be recorded');
    expect(visibleError()).toBeUndefined();
    const consents = (await admin.consents.list(c.id, { pageSize: 5000 })).results.filter((x) => x.productIdentifier === 'insights');
    expect(consents).toHaveLength(1);
    expect(consents[0]!.events.filter((e) => e.type === 'given')).toHaveLength(1);
    faultsInjected.count += 2;
  });
});
