import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import type { DataType, Product } from '@consent-kit/contract';
import './index.js';
import type { CkConsentConfirmation } from './ck-consent-confirmation.js';
import { CONSENT_MODES, type ConsentMode } from './ck-consent-confirmation.types.js';
import { insightsProduct, lendingProduct } from './fixtures.js';
import type { ElementsClient } from '../controllers/client.js';
import { XSS_NAME, deepText } from '../../test/fixtures.js';
import { connectedLoader, renderConnected, type Connected } from '../../../../.storybook/connected.js';
import { failingClient, pendingClient } from '../../test/story-clients.js';

interface Args {
  product?: Product;
  clientName: string;
  clientLogoUrl?: string;
  platformName?: string;
  mode: ConsentMode;
  dataTypes?: DataType[];
  existingDataTypes?: DataType[];
  busy: boolean;
  client?: Pick<ElementsClient, 'products' | 'consents' | 'connections'>;
  companyId?: string;
  productIdentifier?: string;
  onConfirm: (e: Event) => void;
  onDecline: (e: Event) => void;
}

const meta = {
  title: 'Elements/ck-consent-confirmation',
  component: 'ck-consent-confirmation',
  parameters: {
    docs: {
      description: {
        component:
          'What the person agrees to, in plain language: who asks, why, what access means, the data per source type, ' +
          'duration and retention, policy links and the right to withdraw — before the buttons. The additional mode ' +
          'asks for more data without signing in again.',
      },
    },
  },
  args: {
    product: lendingProduct,
    clientName: 'Copay',
    platformName: 'Xero',
    mode: 'default',
    busy: false,
    onConfirm: fn(),
    onDecline: fn(),
  },
  argTypes: { mode: { control: 'inline-radio', options: [...CONSENT_MODES] } },
  render: (args) =>
    html`<ck-consent-confirmation
      .product=${args.product}
      .clientName=${args.clientName}
      .clientLogoUrl=${args.clientLogoUrl}
      .platformName=${args.platformName}
      .mode=${args.mode}
      .dataTypes=${args.dataTypes}
      .existingDataTypes=${args.existingDataTypes}
      ?busy=${args.busy}
      .client=${args.client}
      .companyId=${args.companyId}
      .productIdentifier=${args.productIdentifier}
      @ck-consent-confirm=${args.onConfirm}
      @ck-consent-decline=${args.onDecline}
    ></ck-consent-confirmation>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The shared connected-story loader, typed for this file's args. */
const connectedLoaders = (company: 'fresh' | 'demo') =>
  [connectedLoader(company)] as unknown as Story['loaders'];

const el = (canvasElement: HTMLElement) =>
  canvasElement.querySelector<CkConsentConfirmation>('ck-consent-confirmation')!;
const part = (canvasElement: HTMLElement, name: string) =>
  el(canvasElement).shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

/** First consent for the Copay loan. Confirm emits the data types and the notice text as the person saw it. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    await el(canvasElement).updateComplete;
    await userEvent.click(part(canvasElement, 'confirm-button'));
    await waitFor(() => expect(args.onConfirm).toHaveBeenCalledTimes(1));
    const detail = ((args.onConfirm as ReturnType<typeof fn>).mock.calls[0]![0] as CustomEvent).detail;
    await expect(detail.productIdentifier).toBe('lending');
    await expect(detail.noticeText).toContain('This consent lasts 12 months.');
  },
};

/** Scenario 4: more data for a product, no sign-in again — "Confirm I’m happy to share additional data". */
export const AdditionalConsent: Story = {
  args: {
    mode: 'additional',
    existingDataTypes: ['profitAndLoss', 'balanceSheet', 'banking-transactions'],
  },
  play: async ({ canvasElement }) => {
    await el(canvasElement).updateComplete;
    await expect(part(canvasElement, 'confirm-button').textContent!.trim()).toBe(
      'Confirm I’m happy to share additional data',
    );
    await expect(deepText(el(canvasElement).shadowRoot!)).toContain('Data you already share');
  },
};

export const Decline: Story = {
  play: async ({ canvasElement, args }) => {
    await el(canvasElement).updateComplete;
    await userEvent.click(part(canvasElement, 'decline-button'));
    await expect(args.onDecline).toHaveBeenCalledTimes(1);
  },
};

export const InsightsProduct: Story = {
  args: { product: insightsProduct, clientName: 'Copay Insights', platformName: undefined },
};
export const FewDataTypes: Story = { args: { dataTypes: ['profitAndLoss', 'banking-transactions'] } };
export const Saving: Story = { args: { busy: true } };
export const LongNames: Story = {
  args: {
    clientName: 'The Extraordinarily Long-Named Regional Lending Co-operative of the Northern Provinces',
    platformName: 'Microsoft Dynamics 365 Business Central',
  },
  globals: { viewport: { value: 'mobile320' } },
};
export const HostileData: Story = {
  args: {
    clientName: XSS_NAME,
    clientLogoUrl: 'javascript:alert(1)',
    product: { ...lendingProduct, policyUrl: 'javascript:alert(1)' },
  },
  play: async ({ canvasElement }) => {
    await el(canvasElement).updateComplete;
    await expect(part(canvasElement, 'heading').textContent).toContain(XSS_NAME);
    await expect(part(canvasElement, 'links').querySelectorAll('a')).toHaveLength(1); // terms only
  },
};
export const RightToLeft: Story = { render: (args) => html`<div dir="rtl">${meta.render(args)}</div>` };
export const Dark: Story = { globals: { theme: 'dark' } };
export const French: Story = {
  globals: { locale: 'fr-CA' },
  // Not on the docs page: the locale is page-wide (@lit/localize), so it would turn every story there French.
  tags: ['!autodocs'],
  args: { mode: 'additional', existingDataTypes: ['profitAndLoss'] },
};

/** Connected mode while the product loads. */
export const Loading: Story = {
  args: {
    product: undefined,
    productIdentifier: 'lending',
    companyId: 'co',
    client: pendingClient<ElementsClient>(),
  },
};

/** Connected mode when the product cannot be loaded. */
export const LoadError: Story = {
  args: {
    product: undefined,
    productIdentifier: 'lending',
    companyId: 'co',
    client: failingClient<ElementsClient>(500, 'The consent service had a problem.', 'story-consent-500'),
  },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(deepText(el(canvasElement).shadowRoot!)).toContain('Reference: story-consent-500'),
    );
  },
};

/** Connected against the mock API: Confirm records the consent in the ledger (`pnpm demo`). */
export const ConnectedGrant: Story = {
  tags: ['connected'],
  loaders: connectedLoaders('fresh'),
  render: (args, { loaded }) =>
    renderConnected(
      loaded.connected as Connected,
      (s) =>
        html`<ck-consent-confirmation
          client-name="Copay"
          product-identifier="lending"
          .client=${s.client}
          .companyId=${s.companyId}
          @ck-consent-confirm=${args.onConfirm}
        ></ck-consent-confirmation>`,
    ),
  play: async ({ canvasElement, loaded }) => {
    if (!('session' in (loaded.connected as Connected))) return;
    await waitFor(() => expect(part(canvasElement, 'confirm-button')).toBeTruthy(), { timeout: 10_000 });
    await userEvent.click(part(canvasElement, 'confirm-button'));
    await waitFor(
      () => expect(deepText(el(canvasElement).shadowRoot!)).toContain('Your consent is recorded'),
      { timeout: 10_000 },
    );
  },
};
