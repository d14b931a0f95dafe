import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, waitFor } from 'storybook/test';
import type { Connection, ConsentRecord, DataStatuses, Product } from '@consent-kit/contract';
import './index.js';
import type { CkConnectionManager } from './ck-connection-manager.js';
import type { ConnectionManagerClient } from './connection-manager-client.js';
import { XSS_NAME } from '../../test/fixtures.js';
import {
  bankConnection,
  connectionWithStatus,
  fixtureConsent,
  fixtureProducts,
  insightsConsent,
  insightsProduct,
  lendingConsent,
  lendingProduct,
  manyConnections,
  shopConnection,
  xeroConnection,
} from './fixtures.js';
import { failingClient, pendingClient } from '../../test/story-clients.js';

interface Args {
  connections?: Connection[];
  consents?: ConsentRecord[];
  products?: Product[];
  dataStatus?: DataStatuses;
  handoff: 'popup' | 'redirect';
  client?: ConnectionManagerClient;
  companyId?: string;
  onDisconnect: (e: Event) => void;
  onDelete: (e: Event) => void;
  onReconnect: (e: Event) => void;
  onAdd: (e: Event) => void;
  onWithdraw: (e: Event) => void;
}

const meta = {
  title: 'Elements/ck-connection-manager',
  component: 'ck-connection-manager',
  parameters: {
    docs: {
      description: {
        component:
          'The company’s connections and product consents: disconnect (with an impact warning naming every product ' +
          'that uses the connection), delete data, reconnect expired or disconnected platforms, add another, and ' +
          'withdraw a product’s consent. Stories run in controlled mode (data properties + events).',
      },
    },
  },
  args: {
    connections: [xeroConnection, bankConnection, shopConnection],
    consents: [lendingConsent, insightsConsent],
    products: fixtureProducts,
    handoff: 'popup',
    // Stories keep the reconnect inside the page: the handler prevents the default (opening linkUrl).
    onReconnect: fn((e: Event) => e.preventDefault()),
    onDisconnect: fn(),
    onDelete: fn(),
    onAdd: fn(),
    onWithdraw: fn(),
  },
  argTypes: {
    handoff: { control: 'inline-radio', options: ['popup', 'redirect'] },
  },
  render: (args) =>
    html`<ck-connection-manager
      .connections=${args.connections}
      .consents=${args.consents}
      .products=${args.products}
      .dataStatus=${args.dataStatus}
      .client=${args.client}
      .companyId=${args.companyId}
      .handoff=${args.handoff}
      @ck-connection-disconnect=${args.onDisconnect}
      @ck-connection-delete=${args.onDelete}
      @ck-connection-reconnect=${args.onReconnect}
      @ck-connection-add=${args.onAdd}
      @ck-consent-withdraw=${args.onWithdraw}
    ></ck-connection-manager>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

function manager(canvasElement: HTMLElement): CkConnectionManager {
  return canvasElement.querySelector('ck-connection-manager')!;
}
function shadow(canvasElement: HTMLElement): ShadowRoot {
  return manager(canvasElement).shadowRoot!;
}
function textOf(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
async function openDialogFor(
  canvasElement: HTMLElement,
  rowSelector: string,
  action: string,
): Promise<HTMLElement> {
  const el = manager(canvasElement);
  await el.updateComplete;
  shadow(canvasElement)
    .querySelector<HTMLButtonElement>(`${rowSelector} [part~="action-${action}"]`)!
    .click();
  const dialog = shadow(canvasElement).querySelector<HTMLElement & { open: boolean }>('ck-dialog')!;
  await waitFor(() => expect(dialog.open).toBe(true));
  return dialog;
}

/** Three connections (accounting, bank, store) used by two products. */
export const Default: Story = {};

export const Connected: Story = {
  name: 'Status: Linked',
  args: { connections: [connectionWithStatus('Linked')], consents: [lendingConsent] },
};

export const WaitingForSignIn: Story = {
  name: 'Status: PendingAuth',
  args: { connections: [connectionWithStatus('PendingAuth')], consents: [] },
};

export const Disconnected: Story = {
  name: 'Status: Unlinked',
  args: { connections: [connectionWithStatus('Unlinked')], consents: [lendingConsent] },
};

/** An open banking connection whose access expired (scenario 6): told, then offered to reconnect. */
export const Expired: Story = {
  name: 'Status: Deauthorized (expired)',
  args: { connections: [connectionWithStatus('Deauthorized')], consents: [lendingConsent] },
  play: async ({ canvasElement, args }) => {
    const el = manager(canvasElement);
    await el.updateComplete;
    const row = shadow(canvasElement).querySelector('[part~="connection"]')!;
    await expect(textOf(row)).toContain('has expired');
    row.querySelector<HTMLButtonElement>('[part~="action-reconnect"]')!.click();
    await expect(args.onReconnect).toHaveBeenCalledTimes(1);
  },
};

export const Syncing: Story = {
  args: {
    dataStatus: {
      'banking-transactions': { dataType: 'banking-transactions', currentStatus: 'Fetching' },
      balanceSheet: { dataType: 'balanceSheet', currentStatus: 'Complete' },
    },
  },
};

/** Disconnecting names every product that uses the connection. */
export const DisconnectImpactWarning: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = await openDialogFor(
      canvasElement,
      `[data-connection-id="${xeroConnection.id}"]`,
      'disconnect',
    );
    await expect(textOf(dialog)).toContain(
      'Copay Lending and Insights Dashboard use this connection. They will stop receiving new data.',
    );
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm-button"]')!.click();
    await waitFor(() => expect(args.onDisconnect).toHaveBeenCalledTimes(1));
  },
};

/** Deleting data is a stronger warning that explains retention. */
export const DeleteDataWarning: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await openDialogFor(
      canvasElement,
      `[data-connection-id="${bankConnection.id}"]`,
      'delete',
    );
    await expect(textOf(dialog)).toContain('It cannot be undone.');
    await expect(textOf(dialog)).toContain('Copay Lending deletes what it has within 90 days.');
  },
};

/** Withdrawing consent for one product (scenario 5): the impact on other products and the retention. */
export const WithdrawalImpactWarning: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = await openDialogFor(canvasElement, `[data-consent-id="${lendingConsent.id}"]`, 'withdraw');
    await expect(textOf(dialog)).toContain(
      'Copay Lending will stop reading your data; it keeps what it has for 90 days.',
    );
    await expect(textOf(dialog)).toContain(
      'Insights Dashboard keeps using your connections under its own consent.',
    );
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm-button"]')!.click();
    await waitFor(() => expect(args.onWithdraw).toHaveBeenCalledTimes(1));
  },
};

export const WithdrawnAndExpiredConsents: Story = {
  args: {
    consents: [
      fixtureConsent(lendingProduct, { id: '0d000000-0000-4000-8000-0000000000a1', status: 'Withdrawn' }),
      fixtureConsent(insightsProduct, { id: '0d000000-0000-4000-8000-0000000000a2', status: 'Expired' }),
    ],
  },
};

export const Empty: Story = {
  name: 'Empty: no connections yet',
  args: { connections: [], consents: [] },
  play: async ({ canvasElement, args }) => {
    await manager(canvasElement).updateComplete;
    const empty = shadow(canvasElement).querySelector('[part~="empty"]')!;
    await expect(textOf(empty)).toContain('No connections yet');
    empty.querySelector<HTMLButtonElement>('button')!.click();
    await expect(args.onAdd).toHaveBeenCalledTimes(1);
  },
};

export const ManyConnections: Story = {
  name: '200 connections',
  args: { connections: manyConnections(200), consents: [lendingConsent] },
  play: async ({ canvasElement }) => {
    await manager(canvasElement).updateComplete;
    await expect(shadow(canvasElement).querySelectorAll('[part~="connection"]').length).toBe(200);
  },
};

/** Names from the API render as text: this markup never runs. */
export const UntrustedNames: Story = {
  args: {
    connections: [{ ...xeroConnection, platformName: XSS_NAME }],
    consents: [lendingConsent],
    products: [{ ...lendingProduct, name: XSS_NAME }],
  },
  play: async ({ canvasElement }) => {
    await manager(canvasElement).updateComplete;
    await expect(textOf(shadow(canvasElement).querySelector('h3'))).toBe(XSS_NAME);
    await expect(shadow(canvasElement).querySelector('img[src="x"]')).toBeNull();
  },
};

/** fr-CA (Canadian French): every label, action and date from the locale, none left in English. */
export const French: Story = {
  globals: { locale: 'fr-CA' },
  // Not on the docs page: the locale is page-wide (@lit/localize), so it would turn every story there French.
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(textOf(shadow(canvasElement))).toContain('Vos connexions'));
    const actions = [...shadow(canvasElement).querySelectorAll('[part~="action-disconnect"]')].map(textOf);
    await expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) await expect(action).toBe('Déconnecter');
  },
};

/** Right to left: the layout mirrors (logical properties), names and dates keep their own direction. */
export const RightToLeft: Story = {
  render: (args) => html`<div dir="rtl">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    await manager(canvasElement).updateComplete;
    await expect(getComputedStyle(manager(canvasElement)).direction).toBe('rtl');
  },
};

/** 320 px wide (WCAG 1.4.10 reflow): rows stack, actions wrap, nothing scrolls sideways. */
export const Narrow320: Story = {
  name: '320 px wide',
  globals: { viewport: { value: 'mobile320' } },
  render: (args) => html`<div style="inline-size: 320px">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = manager(canvasElement);
    await el.updateComplete;
    await expect(el.scrollWidth).toBeLessThanOrEqual(320);
    for (const row of shadow(canvasElement).querySelectorAll<HTMLElement>('[part~="connection"]')) {
      await expect(row.scrollWidth).toBeLessThanOrEqual(row.clientWidth + 1);
    }
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

/** Connected mode while loading (a client whose requests never answer). */
export const Loading: Story = {
  args: {
    connections: undefined,
    consents: undefined,
    products: undefined,
    companyId: '5c1e4f6a-2b3d-4e5f-8a9b-0c1d2e3f4a5b',
    client: pendingClient<ConnectionManagerClient>(),
  },
};

/** Connected mode when the API fails: the message, the correlation id and a retry. */
export const LoadError: Story = {
  args: {
    connections: undefined,
    consents: undefined,
    products: undefined,
    companyId: '5c1e4f6a-2b3d-4e5f-8a9b-0c1d2e3f4a5b',
    client: failingClient<ConnectionManagerClient>(
      503,
      'The service is temporarily unavailable.',
      'story-7f3a',
    ),
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(textOf(shadow(canvasElement))).toContain("We couldn't load your connections"));
    await expect(shadow(canvasElement).querySelector('[part~="retry-button"]')).not.toBeNull();
  },
};
