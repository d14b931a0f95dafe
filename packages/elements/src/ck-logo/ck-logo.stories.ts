import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import './index.js';
import type { CkLogo } from './ck-logo.js';
import { LOGO_SIZES, type LogoSize } from './ck-logo.types.js';
import { XSS_LOGOS, XSS_NAME } from '../../test/fixtures.js';
import { connectedLoader, renderConnected, type Connected } from '../../../../.storybook/connected.js';

interface Args {
  src?: string;
  name: string;
  size: LogoSize;
  decorative: boolean;
}

const meta = {
  title: 'Elements/ck-logo',
  component: 'ck-logo',
  parameters: {
    docs: {
      description: {
        component:
          'An integration logo: http(s) images only (lazy, no referrer), otherwise — or when the image fails — a ' +
          'monogram of the initials in a colour derived from the name. Connected: `client` + `platform-key` show the ' +
          'square logo of the integration’s branding, fetched once per key for the whole page.',
      },
    },
  },
  args: { name: 'Société Générale', size: 'medium', decorative: false },
  argTypes: { size: { control: 'inline-radio', options: [...LOGO_SIZES] } },
  render: (args) =>
    html`<ck-logo
      .src=${args.src}
      .name=${args.name}
      size=${args.size}
      ?decorative=${args.decorative}
    ></ck-logo>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The shared connected-story loader, typed for this file's args. */
const connectedLoaders = (company: 'fresh' | 'demo') =>
  [connectedLoader(company)] as unknown as Story['loaders'];

const logo = (canvasElement: HTMLElement) => canvasElement.querySelector<CkLogo>('ck-logo')!;

/** No URL: the monogram. */
export const Monogram: Story = {
  play: async ({ canvasElement }) => {
    await logo(canvasElement).updateComplete;
    const monogram = logo(canvasElement).shadowRoot!.querySelector('[part~="monogram"]')!;
    await expect(monogram.textContent!.trim()).toBe('SG');
    await expect(monogram.getAttribute('aria-label')).toBe('Société Générale');
  },
};

/** An http(s) image (Storybook's own favicon stands in for a logo). */
export const Image: Story = {
  args: { name: 'Storybook', src: new URL('/favicon.svg', location.href).href },
};

/** Every size, for a few names: the colour is stable per name. */
export const SizesAndColours: Story = {
  render: () =>
    html`<div style="display: grid; gap: 0.75rem">
      ${LOGO_SIZES.map(
        (size) =>
          html`<div style="display: flex; gap: 0.75rem; align-items: center">
            ${[
              'Xero',
              'QuickBooks Online',
              'Barclays',
              'HSBC UK',
              'Shopify',
              'Stripe',
              'Monzo Business',
              'Zoho Books',
            ].map((name) => html`<ck-logo size=${size} name=${name}></ck-logo>`)}
          </div>`,
      )}
    </div>`,
};

/** `javascript:`, `data:` and relative URLs are dropped: the monogram shows, nothing runs. */
export const UnsafeUrls: Story = {
  render: () =>
    html`<div style="display: flex; gap: 0.75rem">
      ${XSS_LOGOS.map((src) => html`<ck-logo .src=${src} .name=${XSS_NAME}></ck-logo>`)}
    </div>`,
  play: async ({ canvasElement }) => {
    const logos = [...canvasElement.querySelectorAll<CkLogo>('ck-logo')];
    for (const el of logos) {
      await el.updateComplete;
      await expect(el.shadowRoot!.querySelector('img')).toBeNull();
    }
    await expect((window as { __ckXss?: number }).__ckXss).toBeUndefined();
  },
};

/** An image that fails to load falls back to the monogram. */
export const BrokenImage: Story = {
  args: { name: 'Broken Bank', src: 'http://127.0.0.1:9/missing.png' },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(logo(canvasElement).shadowRoot!.querySelector('[part~="monogram"]')).not.toBeNull(),
    );
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  render: () =>
    html`<div style="display: flex; gap: 0.75rem">
      ${['Xero', 'Barclays', 'Shopify', 'Stripe', 'HSBC UK', 'Sage'].map((name) => html`<ck-logo name=${name}></ck-logo>`)}
    </div>`,
};

/** Connected: the branding's square logo from the mock API (start it with `pnpm demo`). */
export const ConnectedBranding: Story = {
  tags: ['connected'],
  loaders: connectedLoaders('fresh'),
  render: (_args, { loaded }) =>
    renderConnected(
      loaded.connected as Connected,
      (s) =>
        html`<div style="display: flex; gap: 0.75rem">
          ${['gbol', 'qhyg', 'bbrc'].map((key) => html`<ck-logo size="large" .client=${s.client} platform-key=${key}></ck-logo>`)}
        </div>`,
    ),
  play: async ({ canvasElement, loaded }) => {
    if (!('session' in (loaded.connected as Connected))) return;
    await waitFor(() => expect(logo(canvasElement).shadowRoot!.querySelector('img')).not.toBeNull(), {
      timeout: 10_000,
    });
  },
};
