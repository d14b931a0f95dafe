import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import type { Connection, Integration } from '@consent-kit/contract';
import './index.js';
import type { CkIntegrationPicker } from './ck-integration-picker.js';
import { PICKER_SOURCE_TYPES, type PickerSourceType } from './ck-integration-picker.types.js';
import {
  generateIntegrations,
  longNameIntegration,
  sampleConnection,
  sampleIntegrations,
} from './fixtures.js';
import type { ElementsClient } from '../controllers/client.js';
import { XSS_LOGOS, XSS_NAME, deepText } from '../../test/fixtures.js';
import { failingClient, pendingClient } from '../../test/story-clients.js';

interface Args {
  integrations?: Integration[];
  connections?: Connection[];
  sourceTypes?: PickerSourceType[];
  allowedIntegrations?: string[];
  search: string;
  hideNotListed: boolean;
  client?: Pick<ElementsClient, 'integrations' | 'connections'>;
  companyId?: string;
  onSelect: (e: Event) => void;
  onNotListed: (e: Event) => void;
}

const meta = {
  title: 'Elements/ck-integration-picker',
  component: 'ck-integration-picker',
  parameters: {
    docs: {
      description: {
        component:
          'Choose the software to connect: grouped by source type, accent-insensitive search, logos, existing ' +
          'connections and the one-accounting rule, "My software isn’t listed", and a keyboard listbox that stays ' +
          'fast with 2,000 integrations. Stories run in controlled mode unless named "connected".',
      },
    },
  },
  args: {
    integrations: sampleIntegrations,
    search: '',
    hideNotListed: false,
    onSelect: fn(),
    onNotListed: fn(),
  },
  argTypes: {
    sourceTypes: { control: 'check', options: [...PICKER_SOURCE_TYPES] },
    allowedIntegrations: { control: 'check', options: sampleIntegrations.map((i) => i.key) },
  },
  render: (args) =>
    html`<ck-integration-picker
      .integrations=${args.integrations}
      .connections=${args.connections}
      .sourceTypes=${args.sourceTypes}
      .allowedIntegrations=${args.allowedIntegrations}
      .search=${args.search}
      ?hide-not-listed=${args.hideNotListed}
      .client=${args.client}
      .companyId=${args.companyId}
      @ck-integration-select=${args.onSelect}
      @ck-integration-not-listed=${args.onNotListed}
    ></ck-integration-picker>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const picker = (canvasElement: HTMLElement) =>
  canvasElement.querySelector<CkIntegrationPicker>('ck-integration-picker')!;
const root = (canvasElement: HTMLElement) => picker(canvasElement).shadowRoot!;
const input = (canvasElement: HTMLElement) => root(canvasElement).querySelector<HTMLInputElement>('input')!;
const optionNames = (canvasElement: HTMLElement) =>
  [...root(canvasElement).querySelectorAll('[role="option"] .name')].map((n) => n.textContent!.trim());

export const Default: Story = {};

/** Accent- and case-insensitive: "Societe" finds "Société Générale". */
export const Search: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.type(input(canvasElement), 'Societe');
    await waitFor(() => expect(optionNames(canvasElement)).toEqual(['Société Générale']));
  },
};

/** No match: the message and a button to clear the search. */
export const NoMatch: Story = {
  args: { search: 'xyz' },
  play: async ({ canvasElement }) => {
    await picker(canvasElement).updateComplete;
    await expect(deepText(root(canvasElement))).toContain('No integrations match “xyz”');
    await userEvent.click(root(canvasElement).querySelector('[part~="clear-search-button"]')!);
    await waitFor(() => expect(optionNames(canvasElement).length).toBeGreaterThan(10));
  },
};

/** Keyboard: ArrowDown from the search box, End, Enter. */
export const Keyboard: Story = {
  play: async ({ canvasElement, args }) => {
    input(canvasElement).focus();
    await userEvent.keyboard('{ArrowDown}{End}{Enter}');
    await waitFor(() => expect(args.onSelect).toHaveBeenCalledTimes(1));
    const event = (args.onSelect as ReturnType<typeof fn>).mock.calls[0]![0] as CustomEvent;
    await expect(event.detail.integration.name).toBe('Stripe');
  },
};

/** Already connected to Xero: other accounting software is unavailable, with the reason; banks stay open. */
export const AlreadyConnected: Story = {
  args: { connections: [sampleConnection('gbol'), sampleConnection('bbrc', 'Deauthorized', 2)] },
  play: async ({ canvasElement }) => {
    await picker(canvasElement).updateComplete;
    const sage = root(canvasElement).querySelector('[data-key="tgff"]')!;
    await expect(sage.getAttribute('aria-disabled')).toBe('true');
    await expect(deepText(sage)).toContain('You can connect one accounting software at a time');
  },
};

export const BankingOnly: Story = { args: { sourceTypes: ['Banking'] } };
export const AllowedIntegrations: Story = { args: { allowedIntegrations: ['gbol', 'qhyg', 'bbrc', 'shpf'] } };

/** "My software isn't listed": the event and a short message. */
export const NotListed: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.type(input(canvasElement), 'Tally');
    await userEvent.click(root(canvasElement).querySelector('[part~="not-listed-button"]')!);
    await waitFor(() => expect(args.onNotListed).toHaveBeenCalledTimes(1));
    await expect(deepText(root(canvasElement))).toContain('Thanks for letting us know');
  },
};

/** 2,000 integrations: virtualised, filtering stays instant. */
export const TwoThousandIntegrations: Story = {
  args: { integrations: generateIntegrations(2000) },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(optionNames(canvasElement).length).toBeGreaterThan(0));
    await expect(optionNames(canvasElement).length).toBeLessThan(100);
    await userEvent.type(input(canvasElement), 'zé');
    await waitFor(() => expect(picker(canvasElement).visibleOptions.length).toBeLessThan(2000));
  },
};

export const LongNames: Story = {
  args: { integrations: [...sampleIntegrations, longNameIntegration] },
  globals: { viewport: { value: 'mobile320' } },
};

/** Hostile names and logo URLs render as inert text and monograms. */
export const HostileData: Story = {
  args: {
    integrations: XSS_LOGOS.map((logoUrl, n) => ({
      ...sampleIntegrations[0]!,
      key: `xs${String.fromCharCode(97 + n)}a`,
      name: `${XSS_NAME} ${n}`,
      logoUrl,
    })),
  },
  play: async ({ canvasElement }) => {
    await picker(canvasElement).updateComplete;
    await expect(root(canvasElement).querySelector('img[src="x"]')).toBeNull();
    await expect((window as { __ckXss?: number }).__ckXss).toBeUndefined();
  },
};

export const RightToLeft: Story = {
  render: (args) => html`<div dir="rtl">${meta.render(args)}</div>`,
};

export const Dark: Story = { globals: { theme: 'dark' }, args: { connections: [sampleConnection('gbol')] } };
export const French: Story = {
  globals: { locale: 'fr-CA' },
  // Not on the docs page: the locale is page-wide (@lit/localize), so it would turn every story there French.
  tags: ['!autodocs'],
  args: { connections: [sampleConnection('gbol')] },
};

/** Connected mode while loading (a client whose requests never answer). */
export const Loading: Story = {
  args: { integrations: undefined, client: pendingClient<ElementsClient>() },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(root(canvasElement).querySelector('[part~="loading"] [role="status"]')).not.toBeNull(),
    );
  },
};

/** Connected mode when the API fails: message, correlation id and Retry. */
export const LoadError: Story = {
  args: {
    integrations: undefined,
    client: failingClient<ElementsClient>(
      503,
      'The integrations service is busy. Try again in a moment.',
      'story-picker-503',
    ),
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(deepText(root(canvasElement))).toContain('Reference: story-picker-503'));
    await expect(root(canvasElement).querySelector('[part~="retry-button"]')).not.toBeNull();
  },
};

/** Nothing to offer. */
export const Empty: Story = { args: { integrations: [] } };
