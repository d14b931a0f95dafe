import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { CONNECTION_STATUSES, CONSENT_STATUSES, PULL_STATUSES } from '@consent-kit/contract';
import './index.js';
import type { CkStatusBadge } from './ck-status-badge.js';
import { BADGE_STATUSES, type BadgeStatus } from './ck-status-badge.types.js';

interface Args {
  status: BadgeStatus;
  label?: string;
}

const meta = {
  title: 'Elements/ck-status-badge',
  component: 'ck-status-badge',
  parameters: {
    docs: {
      description: {
        component:
          'A connection, sync or consent status: a plain-language label, an icon and a colour — never colour alone.',
      },
    },
  },
  args: { status: 'Linked' },
  argTypes: { status: { control: 'select', options: [...BADGE_STATUSES] } },
  render: (args) => html`<ck-status-badge status=${args.status} .label=${args.label}></ck-status-badge>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const grid = (statuses: readonly string[]) =>
  html`<div style="display: flex; flex-wrap: wrap; gap: 0.5rem">
    ${statuses.map((s) => html`<ck-status-badge status=${s}></ck-status-badge>`)}
  </div>`;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const badge = canvasElement.querySelector<CkStatusBadge>('ck-status-badge')!;
    await badge.updateComplete;
    await expect(badge.shadowRoot!.textContent!.trim()).toBe('Connected');
  },
};

export const ConnectionStatuses: Story = { render: () => grid(CONNECTION_STATUSES) };
export const SyncStatuses: Story = { render: () => grid(PULL_STATUSES) };
export const ConsentStatuses: Story = { render: () => grid(CONSENT_STATUSES) };
export const CustomLabel: Story = { args: { status: 'Linked', label: 'Already connected' } };
export const Dark: Story = { globals: { theme: 'dark' }, render: () => grid(BADGE_STATUSES) };
export const French: Story = {
  globals: { locale: 'fr-CA' },
  // Not on the docs page: the locale is page-wide (@lit/localize), so it would turn every story there French.
  tags: ['!autodocs'],
  render: () => grid(CONNECTION_STATUSES),
};
