import { afterEach, describe, expect, test, vi } from 'vitest';
import { html } from 'lit';
import type { Branding } from '@consent-kit/contract';
import './index.js';
import type { CkLogo } from './ck-logo.js';
import { monogramInitials, monogramTone } from './ck-logo.js';
import { LOGO_SIZES } from './ck-logo.types.js';
import { clearBrandingCache } from '../controllers/branding-cache.js';
import { cleanup, fixture, waitFor, XSS_LOGOS, XSS_NAME } from '../../test/fixtures.js';
import { expectNoAxeViolations } from '../../test/axe.js';
import { mockClient } from '../../test/connected.js';

// A tiny valid PNG so image loads succeed without the network.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

afterEach(() => {
  cleanup();
  clearBrandingCache();
  delete (window as { __ckXss?: number }).__ckXss;
});

describe('ck-logo', () => {
  test('shows an http(s) logo with the name as alt text, lazily and without referrer', async () => {
    const el = await fixture<CkLogo>(html`<ck-logo src="https://logos.example/xero.png" name="Xero"></ck-logo>`);
    const img = el.shadowRoot!.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://logos.example/xero.png');
    expect(img.alt).toBe('Xero');
    expect(img.loading).toBe('lazy');
    expect(img.referrerPolicy).toBe('no-referrer');
  });

  test.each(XSS_LOGOS)('drops a non-http(s) logo (%s) and draws a monogram', async (src) => {
    const el = await fixture<CkLogo>(html`<ck-logo .src=${src} name="Société Générale"></ck-logo>`);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    const monogram = el.shadowRoot!.querySelector('[part~="monogram"]')!;
    expect(monogram.textContent!.trim()).toBe('SG');
    expect(monogram.getAttribute('role')).toBe('img');
    expect(monogram.getAttribute('aria-label')).toBe('Société Générale');
    expect((window as { __ckXss?: number }).__ckXss).toBeUndefined();
  });

  test('renders a hostile name as text', async () => {
    const el = await fixture<CkLogo>(html`<ck-logo .name=${XSS_NAME}></ck-logo>`);
    await new Promise((r) => setTimeout(r, 50));
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect(el.shadowRoot!.querySelector('[part~="monogram"]')!.getAttribute('aria-label')).toBe(XSS_NAME);
    expect((window as { __ckXss?: number }).__ckXss).toBeUndefined();
  });

  test('monogram initials and colour are stable and derived from the name', () => {
    expect(monogramInitials('Xero')).toBe('X');
    expect(monogramInitials('QuickBooks Online')).toBe('QO');
    expect(monogramInitials('  ')).toBe('?');
    expect(monogramInitials('élan vital')).toBe('ÉV');
    expect(monogramTone('Xero')).toBe(monogramTone('xero'));
    const tones = new Set(['Xero', 'Sage', 'Barclays', 'Shopify', 'HSBC UK', 'Monzo', 'Stripe', 'Zoho Books'].map(monogramTone));
    expect(tones.size).toBeGreaterThan(2);
  });

  test('falls back to the monogram when the image fails to load, and recovers on a new src', async () => {
    const el = await fixture<CkLogo>(html`<ck-logo src="http://127.0.0.1:9/missing.png" name="Broken Bank"></ck-logo>`);
    await waitFor(() => el.shadowRoot!.querySelector('[part~="monogram"]'), 5000, 'monogram after load error');
    expect(el.shadowRoot!.textContent).toContain('BB');
    el.src = 'https://logos.example/other.png';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')?.getAttribute('src')).toBe('https://logos.example/other.png');
  });

  test('decorative logos are hidden from assistive technology', async () => {
    const el = await fixture<CkLogo>(html`<ck-logo decorative name="Xero"></ck-logo>`);
    const monogram = el.shadowRoot!.querySelector('[part~="monogram"]')!;
    expect(monogram.getAttribute('aria-hidden')).toBe('true');
    expect(monogram.hasAttribute('role')).toBe(false);
    el.decorative = false;
    el.src = PNG.replace('data:', 'https://x.example/'); // an https URL (never loads; we check alt only)
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')!.alt).toBe('Xero');
  });

  test.each(LOGO_SIZES)('size %s sets a square box', async (size) => {
    const el = await fixture<CkLogo>(html`<ck-logo size=${size} name="Xero"></ck-logo>`);
    const box = el.getBoundingClientRect();
    expect(box.width).toBeGreaterThan(0);
    expect(box.width).toBe(box.height);
  });

  test('is accessible', async () => {
    const el = await fixture<CkLogo>(html`<div><ck-logo name="Xero"></ck-logo><ck-logo src="https://l.example/a.png" name="Sage"></ck-logo></div>`);
    expect(await expectNoAxeViolations(el)).toBeGreaterThan(0);
  });

  test('connected: loads branding once per key for every logo on the page', async () => {
    const branding: Branding = {
      logo: {
        full: { image: { src: 'https://brand.example/full.png', alt: 'Xero full' } },
        square: { image: { src: 'https://brand.example/square.png', alt: 'Xero logo' } },
      },
      button: {
        default: { image: { src: 'https://brand.example/b.png', alt: '' } },
        hover: { image: { src: 'https://brand.example/h.png', alt: '' } },
      },
      sourceId: '00000000-0000-4000-8000-000000000000',
    };
    const client = { integrations: { list: vi.fn(), branding: vi.fn(async () => branding) } };
    const container = await fixture<HTMLElement>(html`<div>
      <ck-logo .client=${client} platform-key="gbol"></ck-logo>
      <ck-logo .client=${client} platform-key="gbol" name="Xero"></ck-logo>
    </div>`);
    const logos = [...container.querySelectorAll('ck-logo')];
    await waitFor(() => logos.every((logo) => logo.shadowRoot!.querySelector('img')), 3000, 'branded images');
    expect(client.integrations.branding).toHaveBeenCalledTimes(1);
    expect(logos[0]!.shadowRoot!.querySelector('img')!.getAttribute('src')).toBe('https://brand.example/square.png');
    expect(logos[0]!.shadowRoot!.querySelector('img')!.alt).toBe('Xero logo');
    expect(logos[1]!.shadowRoot!.querySelector('img')!.alt).toBe('Xero');
  });

  test('connected: against the mock server, shows the square logo of the branding', async () => {
    const client = mockClient();
    const el = await fixture<CkLogo>(html`<ck-logo .client=${client} platform-key="gbol" name="Xero"></ck-logo>`);
    const img = await waitFor(() => el.shadowRoot!.querySelector('img'), 5000, 'branded image');
    expect(img.getAttribute('src')).toMatch(/^https?:\/\//);
    expect(img.alt).toBe('Xero');
  });
});
