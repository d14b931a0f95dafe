import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, waitFor } from 'storybook/test';
import { PULL_STATUSES, type DataStatuses } from '@consent-kit/contract';
import './index.js';
import type { CkSyncStatus } from './ck-sync-status.js';
import { completeStatuses, failedStatuses, statusesOf, syncingStatuses } from './fixtures.js';
import type { ElementsClient } from '../controllers/client.js';
import { deepText } from '../../test/fixtures.js';
import { connectedLoader, renderConnected, type Connected } from '../../../../.storybook/connected.js';

interface Args {
  statuses?: DataStatuses;
  dataTypes?: string[];
  client?: Pick<ElementsClient, 'data'>;
  companyId?: string;
  pollInterval: number;
  onComplete: (e: Event) => void;
  onError: (e: Event) => void;
}

const meta = {
  title: 'Elements/ck-sync-status',
  component: 'ck-sync-status',
  parameters: {
    docs: {
      description: {
        component:
          'Sync progress per data type, an overall progress bar and a polite live summary. Connected mode polls ' +
          '`dataStatus` while anything is in progress and stops when done.',
      },
    },
  },
  args: { statuses: syncingStatuses, pollInterval: 1000, onComplete: fn(), onError: fn() },
  render: (args) =>
    html`<ck-sync-status
      .statuses=${args.statuses}
      .dataTypes=${args.dataTypes}
      .client=${args.client}
      .companyId=${args.companyId}
      poll-interval=${args.pollInterval}
      @ck-sync-complete=${args.onComplete}
      @ck-sync-error=${args.onError}
    ></ck-sync-status>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The shared connected-story loader, typed for this file's args. */
const connectedLoaders = (company: 'fresh' | 'demo') =>
  [connectedLoader(company)] as unknown as Story['loaders'];

const el = (canvasElement: HTMLElement) => canvasElement.querySelector<CkSyncStatus>('ck-sync-status')!;

export const Syncing: Story = {
  play: async ({ canvasElement }) => {
    await el(canvasElement).updateComplete;
    const root = el(canvasElement).shadowRoot!;
    await expect(root.querySelector('[role="status"]')!.textContent!.trim()).toBe(
      'Syncing 3 of 8 data types',
    );
    await expect(root.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).toBe('38');
  },
};

export const Complete: Story = {
  args: { statuses: completeStatuses },
  play: async ({ canvasElement, args }) => {
    await el(canvasElement).updateComplete;
    await expect(args.onComplete).toHaveBeenCalled();
  },
};

export const WithErrors: Story = {
  args: { statuses: failedStatuses },
  play: async ({ canvasElement, args }) => {
    await el(canvasElement).updateComplete;
    await expect(args.onError).toHaveBeenCalled();
  },
};

export const Waiting: Story = { args: { statuses: {} } };

/** Every pull status, as each data type would show it. */
export const EveryStatus: Story = {
  args: {
    statuses: statusesOf(Object.fromEntries(PULL_STATUSES.map((status, n) => [`custom-type-${n}`, status]))),
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };
export const French: Story = {
  globals: { locale: 'fr-CA' },
  // Not on the docs page: the locale is page-wide (@lit/localize), so it would turn every story there French.
  tags: ['!autodocs'],
  args: { statuses: failedStatuses },
};
export const RightToLeft: Story = { render: (args) => html`<div dir="rtl">${meta.render(args)}</div>` };
export const Narrow: Story = { globals: { viewport: { value: 'mobile320' } } };

/** Connected: a simulated sync moving along (a client that advances on each poll). */
export const ConnectedPolling: Story = {
  args: { statuses: undefined, companyId: 'co', pollInterval: 600, client: advancingClient() },
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(args.onComplete).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    await expect(deepText(el(canvasElement).shadowRoot!)).toContain('All 3 data types are synced');
  },
};

export const Loading: Story = {
  args: {
    statuses: undefined,
    companyId: 'co',
    client: { data: { status: () => new Promise<never>(() => {}) } },
  },
};

export const LoadError: Story = {
  args: {
    statuses: undefined,
    companyId: 'co',
    client: {
      data: {
        status: () =>
          Promise.reject(
            Object.assign(new Error('503'), {
              status: 503,
              body: { error: 'Busy', correlationId: 'story-sync-503' },
            }),
          ),
      },
    },
  },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(deepText(el(canvasElement).shadowRoot!)).toContain('Reference: story-sync-503'),
    );
  },
};

/** Against the mock API (`pnpm demo`): the demo company's data status. */
export const ConnectedMockApi: Story = {
  tags: ['connected'],
  loaders: connectedLoaders('demo'),
  render: (_args, { loaded }) =>
    renderConnected(
      loaded.connected as Connected,
      (s) => html`<ck-sync-status .client=${s.client} .companyId=${s.companyId}></ck-sync-status>`,
    ),
};

function advancingClient(): Pick<ElementsClient, 'data'> {
  const steps = [
    statusesOf({ profitAndLoss: 'Queued', invoices: 'Queued', 'banking-transactions': 'Queued' }),
    statusesOf({ profitAndLoss: 'Fetching', invoices: 'Queued', 'banking-transactions': 'Fetching' }),
    statusesOf({ profitAndLoss: 'Complete', invoices: 'Fetching', 'banking-transactions': 'Complete' }),
    statusesOf({ profitAndLoss: 'Complete', invoices: 'Complete', 'banking-transactions': 'Complete' }),
  ];
  let n = 0;
  return { data: { status: async () => steps[Math.min(n++, steps.length - 1)]! } };
}
