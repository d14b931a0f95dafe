/**
 * `<ck-link>` without a client (controlled): every step's rendering, the events, keyboard paths, the provider's
 * redirect result for every error code, exit confirmation, text overrides and reactivity. The connected journey
 * against the real mock server is in ck-link.connected.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { PROVIDER_ERROR_CODES, PROVIDER_ERRORS, type Integration, type LinkResult } from '@consent-kit/contract';
import './index.js';
import type { CkLink } from './ck-link.js';
import type { CkDialog } from '../ck-dialog/ck-dialog.js';
import { LINK_ERROR_CODES } from './ck-link.types.js';
import { errorMessage } from './link-messages.js';
import { bankConnection, lendingConsent, lendingProduct } from '../ck-connection-manager/fixtures.js';
import { XSS_LOGOS, XSS_NAME } from '../../test/fixtures.js';
import { expectNoAxeViolations } from '../../test/axe.js';

declare global {
  interface Window {
    __ckXss?: number;
  }
}

const COMPANY = '5c1e4f6a-2b3d-4e5f-8a9b-0c1d2e3f4a5b';
const CONNECTION = '0c000000-0000-4000-8000-0000000000c1';
const xero: Integration = { key: 'gbol', name: 'Xero', logoUrl: 'https://example.com/xero.png', enabled: true, sourceType: 'Accounting' };
const monzo: Integration = { key: 'mnzo', name: 'Monzo Business', logoUrl: 'https://example.com/m.png', enabled: true, sourceType: 'Banking' };

let el: CkLink;

async function mount(props: Partial<CkLink> = {}): Promise<CkLink> {
  el = document.createElement('ck-link');
  Object.assign(el, { product: lendingProduct, integrations: [xero, monzo], clientName: 'Copay', companyName: 'Test Bakery', ...props });
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const root = () => el.shadowRoot!;
const text = (node: ParentNode | null | undefined) => (node as HTMLElement | null)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const heading = () => root().querySelector<HTMLElement>('[part~="heading"]')!;
const primary = () => root().querySelector<HTMLButtonElement>('[part~="primary-button"]');
const buttons = () => [...root().querySelectorAll<HTMLButtonElement>('.step button')].map((b) => text(b));
const exitDialog = () => root().querySelector<CkDialog>('ck-dialog[part~="exit-dialog"]')!;

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function settle(): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  await el.updateComplete;
}

function events<K extends keyof HTMLElementEventMap>(name: K): HTMLElementEventMap[K][] {
  const seen: HTMLElementEventMap[K][] = [];
  el.addEventListener(name, (e) => seen.push(e));
  return seen;
}

/** Picks a platform in the picker the way a person does: the picker's own select event. */
async function select(integration: Integration): Promise<void> {
  const picker = root().querySelector('ck-integration-picker')!;
  picker.dispatchEvent(new CustomEvent('ck-integration-select', { detail: { integration }, bubbles: true, composed: true }));
  await settle();
}

async function confirmConsent(noticeText = 'I agree to share the data listed above.'): Promise<void> {
  const consent = root().querySelector('ck-consent-confirmation')!;
  consent.dispatchEvent(
    new CustomEvent('ck-consent-confirm', {
      detail: { productIdentifier: 'lending', dataTypes: lendingProduct.dataTypes, noticeText },
      bubbles: true,
      composed: true,
    }),
  );
  await settle();
}

function errorResult(code: string, statusCode: number): LinkResult {
  return {
    ok: false,
    statusCode,
    companyId: COMPANY,
    connectionId: CONNECTION,
    error: code,
    errorDescription: `provider said ${code}`,
    userRecoverable: statusCode < 500,
  };
}

beforeEach(() => {
  delete window.__ckXss;
  sessionStorage.clear();
});
afterEach(() => el?.remove());

describe('ck-link steps (controlled)', () => {
  it('shows the landing page with the plan, then the first picker; focus moves to each heading', async () => {
    await mount({ showLandingPage: true, sourceTypes: { accounting: {}, banking: { optional: true } } });
    expect(el.step).toBe('landing');
    expect(text(heading())).toBe('Copay would like to connect to your business\'s financial data');
    expect(text(root().querySelector('.step'))).toContain('Connect your accounting software');
    expect(text(root().querySelector('.step'))).toContain('Connect your bank accounts (optional)');
    await expectNoAxeViolations(el);

    primary()!.focus();
    await userEvent.keyboard('{Enter}');
    await settle();
    expect(el.step).toBe('picker');
    expect(text(heading())).toBe('Choose your accounting software');
    expect(deepActive()).toBe(heading());
    await expect.poll(() => text(root().querySelector('[part~="announcer"]'))).toBe('Choose your accounting software');
  });

  it('asks for consent once, before the first hand-off, and waits for the provider', async () => {
    await mount({ sourceTypes: { accounting: {}, banking: {} } });
    await select(xero);
    expect(el.step).toBe('consent');
    expect(text(heading())).toBe('Review what you are sharing');
    const consent = root().querySelector('ck-consent-confirmation')!;
    expect((consent as unknown as { dataTypes: unknown }).dataTypes).toEqual({
      Accounting: lendingProduct.dataTypes.Accounting,
      Banking: lendingProduct.dataTypes.Banking,
    });
    await confirmConsent();
    expect(el.step).toBe('handoff');
    expect(text(heading())).toBe('Connect to Xero');
    expect(text(root().querySelector('[part~="waiting"]'))).toContain('Waiting for the sign-in to Xero to finish');
    await expectNoAxeViolations(el);
  });

  it('resumes with the provider result, then syncing, success, the next source type and Done', async () => {
    await mount({ sourceTypes: { accounting: {}, banking: {} } });
    const finished = events('ck-finish');
    await select(xero);
    await confirmConsent();
    el.redirectResult = { ok: true, statusCode: 200, companyId: COMPANY, connectionId: CONNECTION, platform: 'gbol', sourceType: 'Accounting' };
    await settle();
    expect(el.step).toBe('syncing');
    expect(root().querySelector('ck-sync-status')).not.toBeNull();
    root().querySelector('ck-sync-status')!.dispatchEvent(new CustomEvent('ck-sync-complete', { detail: {}, bubbles: true, composed: true }));
    await settle();
    expect(el.step).toBe('success');
    expect(text(heading())).toBe('Xero is connected');
    expect(buttons()).toEqual(['Continue']);
    primary()!.click();
    await settle();
    expect(el.step).toBe('picker');
    expect(text(heading())).toBe('Choose your bank');

    // The second platform goes straight to the hand-off: consent was given once.
    await select(monzo);
    expect(el.step).toBe('handoff');
    el.redirectResult = { ok: true, statusCode: 200, companyId: COMPANY, connectionId: bankConnection.id, platform: 'mnzo', sourceType: 'Banking' };
    await settle();
    primary()!.click(); // Continue from the sync step
    await settle();
    expect(el.step).toBe('success');
    expect(buttons()).toEqual(['Connect another bank account', 'Done']);
    await expectNoAxeViolations(el);
    root().querySelector<HTMLButtonElement>('[part~="secondary-button"]')!.click();
    await settle();
    expect(el.step).toBe('picker');
    expect(text(heading())).toBe('Choose your bank');
    await select(monzo);
    el.redirectResult = { ok: true, statusCode: 200, companyId: COMPANY, connectionId: '0c000000-0000-4000-8000-0000000000c9', platform: 'mnzo', sourceType: 'Banking' };
    await settle();
    primary()!.click();
    await settle();
    root()
      .querySelectorAll<HTMLButtonElement>('[part~="primary-button"]')
      .forEach((b) => text(b) === 'Done' && b.click());
    await settle();
    expect(finished).toHaveLength(1);
    expect(text(heading())).toBe("You're all set");
  });

  it('lets the person skip an optional source type', async () => {
    await mount({ sourceTypes: { banking: { optional: true }, accounting: {} } });
    expect(text(heading())).toBe('Choose your bank');
    root().querySelector<HTMLButtonElement>('[part~="secondary-button"]')!.click();
    await settle();
    expect(text(heading())).toBe('Choose your accounting software');
    expect(root().querySelector('[part~="secondary-button"]')).toBeNull();
  });

  it('skips the consent step when the product already has an active consent', async () => {
    await mount({ consents: [lendingConsent], sourceTypes: { banking: {} } });
    await select(monzo);
    expect(el.step).toBe('handoff');
  });

  it('treats a declined consent as a recoverable error that returns to the consent', async () => {
    await mount();
    const errors = events('ck-error');
    await select(xero);
    root().querySelector('ck-consent-confirmation')!.dispatchEvent(new CustomEvent('ck-consent-decline', { detail: {}, bubbles: true, composed: true }));
    await settle();
    expect(el.step).toBe('error');
    expect(errors[0]!.detail.error.code).toBe('consent_declined');
    expect(buttons()).toContain('Try again');
    primary()!.click();
    await settle();
    expect(el.step).toBe('consent');
  });
});

describe('ck-link redirect results', () => {
  for (const code of PROVIDER_ERROR_CODES) {
    const { statusCode, userRecoverable } = PROVIDER_ERRORS[code];
    it(`explains ${code} (${statusCode}) and offers ${userRecoverable ? 'Try again / Choose another' : 'Close'}`, async () => {
      await mount({ sourceTypes: { accounting: {} } });
      await select(xero);
      await confirmConsent();
      const errors = events('ck-error');
      el.redirectResult = errorResult(code, statusCode);
      await settle();
      expect(el.step).toBe('error');
      const message = errorMessage({ code, userRecoverable }, { platformName: 'Xero', clientName: 'Copay', companyName: 'Test Bakery' });
      expect(text(root().querySelector('[part~="error"]'))).toContain(message);
      expect(message).not.toMatch(/Something went wrong/);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.detail).toMatchObject({ message, userRecoverable, error: { code, statusCode, connectionId: CONNECTION } });
      expect(buttons()).toEqual(userRecoverable ? ['Choose another', 'Try again'] : ['Close']);
      expect(deepActive()).toBe(heading());
      await expectNoAxeViolations(el);
    });
  }

  it('has a message for every journey error code and a generic one for unknown provider codes', () => {
    const v = { platformName: 'Xero', clientName: 'Copay', companyName: 'Test Bakery' };
    const messages = LINK_ERROR_CODES.map((code) => errorMessage({ code, userRecoverable: true }, v));
    expect(new Set(messages).size).toBe(LINK_ERROR_CODES.length);
    expect(errorMessage({ code: 'bank_on_fire', userRecoverable: false }, v)).toBe('Something went wrong while connecting to Xero.');
  });

  it('resumes a redirect-mode journey from sessionStorage on return (handle-redirect)', async () => {
    // Before leaving: a journey at the banking hand-off, stored as the element stores it.
    sessionStorage.setItem(
      `ck-link:journey:${COMPANY}`,
      JSON.stringify({ v: 1, companyId: COMPANY, index: 1, consentGiven: true, integration: monzo, connectionId: CONNECTION, connectionIds: [], skipped: [], consentId: null }),
    );
    const before = location.href;
    history.replaceState(null, '', `?statusCode=403&companyId=${COMPANY}&connectionId=${CONNECTION}&error=access_denied&error_description=Denied`);
    try {
      await mount({ companyId: COMPANY, sourceTypes: { accounting: {}, banking: {} }, handleRedirect: true });
      await expect.poll(() => el.step).toBe('error');
      await settle();
      expect(text(root().querySelector('[part~="error"]'))).toContain('Monzo Business did not give access');
      // The URL is cleaned, and the stored journey is consumed.
      expect(location.search).toBe('');
      expect(sessionStorage.getItem(`ck-link:journey:${COMPANY}`)).toBeNull();
      // "Choose another" returns to the banking picker (the stored step).
      root().querySelector<HTMLButtonElement>('[part~="secondary-button"]')!.click();
      await settle();
      expect(text(heading())).toBe('Choose your bank');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('ignores a result for another company', async () => {
    await mount({ companyId: COMPANY });
    el.redirectResult = { ...errorResult('access_denied', 403), companyId: '99999999-2b3d-4e5f-8a9b-0c1d2e3f4a5b' };
    await settle();
    expect(el.step).toBe('picker');
  });
});

describe('ck-link exit', () => {
  it('closes at once when nothing is in progress', async () => {
    await mount({ showLandingPage: true });
    const closes = events('ck-close');
    root().querySelector<HTMLButtonElement>('[part~="close-button"]')!.click();
    await settle();
    expect(closes).toHaveLength(1);
    expect(closes[0]!.detail).toEqual({ step: 'landing', incomplete: true });
  });

  it('asks "Your progress will be lost" during a step; Stay keeps the step, Leave emits ck-close', async () => {
    await mount();
    const closes = events('ck-close');
    await select(xero);
    const close = root().querySelector<HTMLButtonElement>('[part~="close-button"]')!;
    close.focus();
    await userEvent.keyboard('{Enter}');
    await settle();
    await exitDialog().updateComplete;
    expect(exitDialog().open).toBe(true);
    expect(text(exitDialog())).toContain('Your progress will be lost');
    await expectNoAxeViolations(el);
    await userEvent.keyboard('{Escape}');
    await settle();
    expect(exitDialog().open).toBe(false);
    expect(el.step).toBe('consent');
    expect(closes).toHaveLength(0);
    expect(deepActive()).toBe(close);

    close.click();
    await settle();
    await exitDialog().updateComplete;
    exitDialog().shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm-button"]')!.click();
    await settle();
    expect(closes).toHaveLength(1);
    expect(closes[0]!.detail).toEqual({ step: 'consent', incomplete: true });
  });
});

describe('ck-link texts, reactivity and safety', () => {
  it('applies text overrides with {companyName} / {platformName} / {clientName}, as plain text', async () => {
    await mount({
      showLandingPage: true,
      text: {
        'landing.title': '{clientName} x {companyName}',
        'handoff.title': 'Off to {platformName}!',
        'accounting.list.title': '<b>Pick</b> your books',
      },
    });
    expect(text(heading())).toBe('Copay x Test Bakery');
    primary()!.click();
    await settle();
    expect(text(heading())).toBe('<b>Pick</b> your books');
    expect(heading().querySelector('b')).toBeNull();
    await select(xero);
    await confirmConsent();
    expect(text(heading())).toBe('Off to Xero!');
  });

  it('restarts cleanly when sourceTypes or the company change mid-journey', async () => {
    await mount({ companyId: COMPANY, sourceTypes: { accounting: {} } });
    await select(xero);
    expect(el.step).toBe('consent');
    el.sourceTypes = { banking: {} };
    await settle();
    expect(el.step).toBe('picker');
    expect(text(heading())).toBe('Choose your bank');
    await select(monzo);
    el.companyId = '6d1e4f6a-2b3d-4e5f-8a9b-0c1d2e3f4a5b';
    await settle();
    expect(el.step).toBe('picker');
    el.showLandingPage = true;
    await settle();
    expect(el.step).toBe('landing');
    el.mode = 'additional-consent';
    el.showLandingPage = false;
    await settle();
    expect(el.step).toBe('consent');
    expect(text(heading())).toBe('Confirm you are happy to share additional data');
  });

  it('renders untrusted names as text and drops non-http(s) logos', async () => {
    await mount({ clientName: XSS_NAME, clientLogoUrl: XSS_LOGOS[0], showLandingPage: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(text(heading())).toContain(XSS_NAME);
    expect(root().querySelector('img[src="x"]')).toBeNull();
    const logo = root().querySelector('ck-logo')!;
    expect((logo as unknown as { currentSrc?: string }).currentSrc).toBeUndefined();
    el.clientLogoUrl = XSS_LOGOS[1];
    await settle();
    expect((logo as unknown as { currentSrc?: string }).currentSrc).toBeUndefined();
    primary()!.click();
    await settle();
    await select({ ...xero, name: XSS_NAME, logoUrl: XSS_LOGOS[1] });
    await confirmConsent();
    expect(text(heading())).toBe(`Connect to ${XSS_NAME}`);
    expect(window.__ckXss).toBeUndefined();
  });
});

describe('ck-link in French', () => {
  afterEach(async () => {
    document.documentElement.lang = 'en';
    const { setLocale } = await import('../localization/locale.js');
    await setLocale('en');
  });

  it('follows lang="fr-CA" for every step, including the provider error messages', async () => {
    document.documentElement.lang = 'fr-CA';
    await mount({ showLandingPage: true });
    for (let i = 0; i < 150 && !text(heading()).includes('souhaite'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(text(heading())).toBe('Copay souhaite se connecter aux données financières de votre entreprise');
    el.redirectResult = errorResult('access_denied', 403);
    await settle();
    expect(text(root().querySelector('[part~="error"]'))).toContain('n’a pas donné accès à vos données');
    expect(buttons()).toEqual(['En choisir un autre', 'Réessayer']);
  });
});
