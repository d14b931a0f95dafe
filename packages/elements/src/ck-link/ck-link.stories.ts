import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, waitFor } from 'storybook/test';
import {
  PROVIDER_ERRORS,
  type Connection,
  type ConsentRecord,
  type Integration,
  type LinkResult,
  type Product,
  type ProviderErrorCode,
} from '@consent-kit/contract';
import './index.js';
import type { CkLink } from './ck-link.js';
import type { LinkClient } from './link-client.js';
import type { LinkHandoffMode, LinkMode, LinkSourceTypes, LinkText } from './ck-link.types.js';
import {
  FIXTURE_COMPANY_ID,
  bankConnection,
  insightsConsent,
  lendingProduct,
  xeroConnection,
} from '../ck-connection-manager/fixtures.js';
import { pendingClient } from '../../test/story-clients.js';

const INTEGRATIONS: Integration[] = [
  {
    key: 'gbol',
    name: 'Xero',
    logoUrl: 'https://mock.consent-kit.test/logos/gbol.svg',
    enabled: true,
    sourceType: 'Accounting',
  },
  {
    key: 'qhyg',
    name: 'QuickBooks Online',
    logoUrl: 'https://mock.consent-kit.test/logos/qhyg.svg',
    enabled: true,
    sourceType: 'Accounting',
  },
  {
    key: 'mnzo',
    name: 'Monzo Business',
    logoUrl: 'https://mock.consent-kit.test/logos/mnzo.svg',
    enabled: true,
    sourceType: 'Banking',
  },
  {
    key: 'bbrc',
    name: 'Barclays',
    logoUrl: 'https://mock.consent-kit.test/logos/bbrc.svg',
    enabled: true,
    sourceType: 'Banking',
  },
];
const xero = INTEGRATIONS[0]!;
const monzo = INTEGRATIONS[2]!;

interface Args {
  companyId?: string;
  companyName: string;
  clientName: string;
  clientLogoUrl?: string;
  showLandingPage: boolean;
  sourceTypes?: LinkSourceTypes;
  text?: LinkText;
  handoff: LinkHandoffMode;
  mode: LinkMode;
  nonModal: boolean;
  redirectResult?: LinkResult | null;
  product?: Product;
  integrations?: Integration[];
  connections?: Connection[];
  consents?: ConsentRecord[];
  client?: LinkClient;
  onConnectionStarted: (e: Event) => void;
  onConnection: (e: Event) => void;
  onConsent: (e: Event) => void;
  onFinish: (e: Event) => void;
  onClose: (e: Event) => void;
  onError: (e: Event) => void;
}

const meta = {
  title: 'Elements/ck-link',
  component: 'ck-link',
  parameters: {
    docs: {
      description: {
        component:
          'The whole consent journey, modelled on Codat’s Link SDK. Stories run in controlled mode: the picker and ' +
          'the consent confirmation get their data from properties, and the provider’s answer arrives through ' +
          '`redirectResult` (as after a redirect-mode return). With a `client` and a `companyId` the element does the ' +
          'API work itself.',
      },
    },
  },
  args: {
    companyId: FIXTURE_COMPANY_ID,
    companyName: 'Test Bakery Ltd',
    clientName: 'Copay',
    showLandingPage: false,
    sourceTypes: { accounting: {}, banking: { optional: true } },
    handoff: 'popup',
    mode: 'journey',
    nonModal: false,
    product: lendingProduct,
    integrations: INTEGRATIONS,
    connections: [],
    consents: [],
    onConnectionStarted: fn(),
    onConnection: fn(),
    onConsent: fn(),
    onFinish: fn(),
    onClose: fn(),
    onError: fn(),
  },
  argTypes: {
    handoff: { control: 'inline-radio', options: ['popup', 'redirect'] },
    mode: { control: 'inline-radio', options: ['journey', 'additional-consent'] },
  },
  render: (args) =>
    html`<ck-link
      .companyId=${args.companyId}
      .companyName=${args.companyName}
      .clientName=${args.clientName}
      .clientLogoUrl=${args.clientLogoUrl}
      .showLandingPage=${args.showLandingPage}
      .sourceTypes=${args.sourceTypes}
      .text=${args.text}
      .handoff=${args.handoff}
      .mode=${args.mode}
      .nonModal=${args.nonModal}
      .redirectResult=${args.redirectResult}
      .product=${args.product}
      .integrations=${args.integrations}
      .connections=${args.connections}
      .consents=${args.consents}
      .client=${args.client}
      @ck-connection-started=${args.onConnectionStarted}
      @ck-connection=${args.onConnection}
      @ck-consent=${args.onConsent}
      @ck-finish=${args.onFinish}
      @ck-close=${args.onClose}
      @ck-error=${args.onError}
    ></ck-link>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

// ---------------------------------------------------------------- helpers for play functions

function link(canvasElement: HTMLElement): CkLink {
  return canvasElement.querySelector('ck-link')!;
}
function heading(canvasElement: HTMLElement): string {
  return (link(canvasElement).shadowRoot!.querySelector('[part~="heading"]')?.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
async function settled(canvasElement: HTMLElement): Promise<CkLink> {
  const el = link(canvasElement);
  await el.updateComplete;
  return el;
}
/** The person picks a platform: the picker's own select event, as it bubbles out. */
async function pick(canvasElement: HTMLElement, integration: Integration): Promise<void> {
  const el = await settled(canvasElement);
  el.shadowRoot!.querySelector('ck-integration-picker')!.dispatchEvent(
    new CustomEvent('ck-integration-select', { detail: { integration }, bubbles: true, composed: true }),
  );
  await el.updateComplete;
}
async function agree(canvasElement: HTMLElement): Promise<void> {
  const el = await settled(canvasElement);
  el.shadowRoot!.querySelector('ck-consent-confirmation')!.dispatchEvent(
    new CustomEvent('ck-consent-confirm', {
      detail: {
        productIdentifier: 'lending',
        dataTypes: lendingProduct.dataTypes,
        noticeText: 'I agree to share the data listed above.',
      },
      bubbles: true,
      composed: true,
    }),
  );
  await el.updateComplete;
}
async function providerAnswers(canvasElement: HTMLElement, result: LinkResult): Promise<void> {
  const el = await settled(canvasElement);
  el.redirectResult = result;
  await el.updateComplete;
}
async function press(canvasElement: HTMLElement, label: string): Promise<void> {
  const el = await settled(canvasElement);
  const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.step button')].find(
    (b) => b.textContent?.replace(/\s+/g, ' ').trim() === label,
  );
  if (!button) throw new Error(`No "${label}" button`);
  button.click();
  await el.updateComplete;
}
const linked = (connection: Connection): LinkResult => ({
  ok: true,
  statusCode: 200,
  companyId: FIXTURE_COMPANY_ID,
  connectionId: connection.id,
  platform: connection.integrationKey ?? '',
  sourceType: connection.sourceType,
});

// ---------------------------------------------------------------- steps

export const Landing: Story = {
  args: { showLandingPage: true },
};

export const Picker: Story = {
  name: 'Picker: accounting',
};

export const Consent: Story = {
  play: async ({ canvasElement }) => {
    await pick(canvasElement, xero);
    await waitFor(() => expect(heading(canvasElement)).toBe('Review what you are sharing'));
  },
};

export const HandOff: Story = {
  name: 'Hand-off: waiting for the provider',
  play: async ({ canvasElement }) => {
    await pick(canvasElement, xero);
    await agree(canvasElement);
    await waitFor(() => expect(heading(canvasElement)).toBe('Connect to Xero'));
  },
};

export const Syncing: Story = {
  args: { connections: [xeroConnection] },
  play: async ({ canvasElement, args }) => {
    await pick(canvasElement, xero);
    await agree(canvasElement);
    await providerAnswers(canvasElement, linked(xeroConnection));
    await waitFor(() => expect(heading(canvasElement)).toBe('Fetching your data from Xero'));
    await waitFor(() => expect(args.onConnection).toHaveBeenCalledTimes(1));
  },
};

/** A bank connected: "Connect another bank account" or Done. */
export const SuccessBanking: Story = {
  name: 'Success: connect another bank account',
  args: { sourceTypes: { banking: {} }, connections: [bankConnection] },
  play: async ({ canvasElement }) => {
    await pick(canvasElement, monzo);
    await agree(canvasElement);
    await providerAnswers(canvasElement, linked(bankConnection));
    await press(canvasElement, 'Continue');
    await waitFor(() => expect(heading(canvasElement)).toBe('Monzo Business is connected'));
  },
};

/** First onboarding (scenario 1), start to finish: landing, accounting, consent, sign-in, sync, bank, Done. */
export const FullJourney: Story = {
  args: { showLandingPage: true, connections: [xeroConnection, bankConnection] },
  play: async ({ canvasElement, args }) => {
    await press(canvasElement, 'Get started');
    await waitFor(() => expect(heading(canvasElement)).toBe('Choose your accounting software'));
    await pick(canvasElement, xero);
    await agree(canvasElement);
    await providerAnswers(canvasElement, linked(xeroConnection));
    await press(canvasElement, 'Continue'); // leave the sync running
    await press(canvasElement, 'Continue'); // to banking
    await waitFor(() => expect(heading(canvasElement)).toBe('Choose your bank'));
    await pick(canvasElement, monzo);
    await providerAnswers(canvasElement, linked(bankConnection));
    await press(canvasElement, 'Continue');
    await press(canvasElement, 'Done');
    await waitFor(() => expect(heading(canvasElement)).toBe("You're all set"));
    await expect(args.onFinish).toHaveBeenCalledTimes(1);
    await expect(args.onConnection).toHaveBeenCalledTimes(2);
  },
};

/** Scenario 4: the company shares its platforms with another product; confirm only what is new, no sign-in. */
export const AdditionalConsent: Story = {
  args: {
    mode: 'additional-consent',
    connections: [xeroConnection, bankConnection],
    consents: [insightsConsent],
  },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(heading(canvasElement)).toBe('Confirm you are happy to share additional data'),
    );
  },
};

export const ExitConfirmation: Story = {
  play: async ({ canvasElement, args }) => {
    await pick(canvasElement, xero);
    const el = await settled(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="close-button"]')!.click();
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector<HTMLElement & { open: boolean }>('ck-dialog')!;
    await waitFor(() => expect(dialog.open).toBe(true));
    await expect(dialog.textContent).toContain('Your progress will be lost');
    await expect(args.onClose).not.toHaveBeenCalled();
  },
};

export const TextOverrides: Story = {
  args: {
    showLandingPage: true,
    text: {
      'landing.title': 'Link your books to {clientName}',
      'landing.subtitle': '{companyName}: two minutes, and you stay in control.',
      'accounting.list.title': 'Which software does {companyName} use?',
    },
  },
};

export const NonModal: Story = {
  args: { nonModal: true },
};

// ---------------------------------------------------------------- locales, direction, width, states

/** fr-CA: the journey's own words and the children's come from the locale. */
export const French: Story = {
  globals: { locale: 'fr-CA' },
  // Not on the docs page: the locale is page-wide (@lit/localize), so it would turn every story there French.
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(heading(canvasElement)).toBe('Choisissez votre logiciel comptable'));
    await pick(canvasElement, xero);
    await waitFor(() => expect(heading(canvasElement)).toBe('Vérifiez ce que vous partagez'));
  },
};

/** Right to left: the header, the steps and the buttons mirror. */
export const RightToLeft: Story = {
  render: (args) => html`<div dir="rtl">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    await pick(canvasElement, xero);
    await waitFor(() => expect(heading(canvasElement)).toBe('Review what you are sharing'));
    await expect(getComputedStyle(link(canvasElement)).direction).toBe('rtl');
  },
};

/** 320 px wide (WCAG 1.4.10 reflow): the consent step, the longest, without sideways scrolling. */
export const Narrow320: Story = {
  name: '320 px wide: consent',
  globals: { viewport: { value: 'mobile320' } },
  args: { nonModal: true },
  render: (args) => html`<div style="inline-size: 320px">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    await pick(canvasElement, xero);
    await waitFor(() => expect(heading(canvasElement)).toBe('Review what you are sharing'));
    const el = link(canvasElement);
    await expect(el.scrollWidth).toBeLessThanOrEqual(320);
  },
};

/** Connected mode while the product, integrations and connections load (a client that never answers). */
export const Loading: Story = {
  args: {
    client: pendingClient<LinkClient>(),
    product: undefined,
    integrations: undefined,
    connections: undefined,
    consents: undefined,
  },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    const loading = () =>
      [...el.shadowRoot!.querySelectorAll('[role="status"]')].map((s) => s.textContent!.trim()).join(' ');
    await waitFor(() => expect(loading()).toContain('Getting things ready'));
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

// ---------------------------------------------------------------- every provider error code, after a redirect

function errorStory(code: ProviderErrorCode): Story {
  const { statusCode, userRecoverable, description } = PROVIDER_ERRORS[code];
  return {
    name: `Redirect error: ${code}`,
    args: {
      connections: [xeroConnection],
      redirectResult: {
        ok: false,
        statusCode,
        companyId: FIXTURE_COMPANY_ID,
        connectionId: xeroConnection.id,
        error: code,
        errorDescription: description,
        userRecoverable,
      },
    },
    play: async ({ canvasElement, args }) => {
      await waitFor(() => expect(heading(canvasElement)).toBe("We couldn't connect"));
      const el = link(canvasElement);
      const labels = [...el.shadowRoot!.querySelectorAll('.step button')].map((b) =>
        b.textContent?.replace(/\s+/g, ' ').trim(),
      );
      await expect(labels).toEqual(userRecoverable ? ['Choose another', 'Try again'] : ['Close']);
      await expect(args.onError).toHaveBeenCalledTimes(1);
    },
  };
}

export const ErrorAccessDenied = errorStory('access_denied');
export const ErrorCancelledAuthentication = errorStory('cancelled_authentication');
export const ErrorLoginRequired = errorStory('login_required');
export const ErrorUserOptOut = errorStory('usr_opt_out');
export const ErrorProviderNotListed = errorStory('usr_dh_not_listed');
export const ErrorInvalidRequest = errorStory('invalid_request');
export const ErrorInvalidResource = errorStory('invalid_resource');
export const ErrorInvalidScope = errorStory('invalid_scope');
export const ErrorUnauthorizedClient = errorStory('unauthorized_client');
export const ErrorUnsupportedResponseType = errorStory('unsupported_response_type');
export const ErrorServerError = errorStory('server_error');
export const ErrorTemporarilyUnavailable = errorStory('temporarily_unavailable');
