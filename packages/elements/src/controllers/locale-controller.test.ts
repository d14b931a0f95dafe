import { afterEach, describe, expect, test } from 'vitest';
import { html, LitElement } from 'lit';
import { msg } from '@lit/localize';
import { LocaleController } from './locale-controller.js';
import { getLocale, resolveLocale, setLocale } from '../localization/locale.js';
import '../ck-status-badge/index.js';
import '../ck-consent-confirmation/index.js';
import '../ck-integration-picker/index.js';
import type { CkStatusBadge } from '../ck-status-badge/ck-status-badge.js';
import type { CkConsentConfirmation } from '../ck-consent-confirmation/ck-consent-confirmation.js';
import type { CkIntegrationPicker } from '../ck-integration-picker/ck-integration-picker.js';
import { lendingProduct } from '../ck-consent-confirmation/fixtures.js';
import { sampleIntegrations } from '../ck-integration-picker/fixtures.js';
import { cleanup, deepText, fixture, settle, waitFor } from '../../test/fixtures.js';

class LocaleProbe extends LitElement {
  readonly locale = new LocaleController(this);
  override render() {
    return html`<span>${msg('Cancel')}</span>`;
  }
}
customElements.define('ck-test-locale-probe', LocaleProbe);

afterEach(async () => {
  cleanup();
  document.documentElement.lang = 'en';
  document.documentElement.removeAttribute('dir');
  await setLocale('en');
});

describe('resolveLocale', () => {
  test.each([
    ['fr-CA', 'fr-CA'],
    ['fr', 'fr-CA'],
    ['FR-fr', 'fr-CA'],
    ['en-GB', 'en'],
    ['de', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('%s -> %s', (lang, locale) => expect(resolveLocale(lang)).toBe(locale));
});

describe('LocaleController', () => {
  test('follows the nearest lang: an ancestor, the host itself, then <html>', async () => {
    const probe = await fixture<LocaleProbe>(html`<ck-test-locale-probe></ck-test-locale-probe>`, {
      lang: 'fr-CA',
    });
    expect(probe.locale.lang).toBe('fr-CA');
    expect(probe.locale.locale).toBe('fr-CA');
    await probe.locale.ready;
    expect(getLocale()).toBe('fr-CA');
    await waitFor(() => probe.shadowRoot!.textContent!.includes('Annuler'), 3000, 'French text');

    probe.lang = 'en-GB'; // the host's own lang wins over the ancestor's
    await waitFor(() => probe.shadowRoot!.textContent!.includes('Cancel'), 3000, 'English text');
    expect(getLocale()).toBe('en');

    probe.removeAttribute('lang');
    probe.parentElement!.removeAttribute('lang');
    document.documentElement.lang = 'fr';
    await waitFor(() => probe.shadowRoot!.textContent!.includes('Annuler'), 3000, 'French from <html lang>');
    expect(probe.locale.lang).toBe('fr');
  });

  test('sees lang and dir across shadow roots', async () => {
    const outer = await fixture<HTMLElement>(html`<div lang="fr-CA" dir="rtl"></div>`);
    const host = document.createElement('div');
    outer.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const probe = document.createElement('ck-test-locale-probe') as LocaleProbe;
    root.append(probe);
    await probe.updateComplete;
    expect(probe.locale.lang).toBe('fr-CA');
    expect(probe.locale.dir).toBe('rtl');
    outer.setAttribute('dir', 'ltr');
    await waitFor(() => probe.locale.dir === 'ltr', 2000, 'dir change');
  });
});

describe('French (fr-CA) in the elements', () => {
  test('switching lang="fr-CA" shows French text, and back', async () => {
    const container = await fixture<HTMLElement>(
      html`<div>
        <ck-status-badge status="Linked"></ck-status-badge>
        <ck-consent-confirmation client-name="Copay" .product=${lendingProduct}></ck-consent-confirmation>
        <ck-integration-picker .integrations=${sampleIntegrations} search="zzz"></ck-integration-picker>
      </div>`,
    );
    const badge = container.querySelector<CkStatusBadge>('ck-status-badge')!;
    const consent = container.querySelector<CkConsentConfirmation>('ck-consent-confirmation')!;
    const picker = container.querySelector<CkIntegrationPicker>('ck-integration-picker')!;
    expect(deepText(badge)).toBe('Connected');
    container.lang = 'fr-CA';
    await waitFor(() => deepText(badge) === 'Connecté', 3000, 'French badge');
    await settle(consent);
    const text = deepText(consent);
    expect(text).toContain('Copay souhaite accéder à vos données financières');
    expect(text).toContain('État des résultats — Vos revenus et vos dépenses au fil du temps');
    expect(text).toContain('Ce consentement est valide pendant 12 mois.');
    expect(deepText(consent.shadowRoot!.querySelector('[part~="confirm-button"]')!)).toBe('Confirmer');
    await settle(picker);
    expect(deepText(picker)).toContain('Aucune intégration ne correspond à « zzz »');
    container.lang = 'en';
    await waitFor(() => deepText(badge) === 'Connected', 3000, 'English again');
  });
});
