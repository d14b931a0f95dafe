import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { connectedLoader, renderConnected, type Connected } from '../connected.js';
import { deepButton, deepQueryAll, deepText } from './deep.js';

/**
 * Elements in connected mode against the local mock API (see the "Connected stories" docs page). Each story gets a
 * company-scoped token from the demo token endpoint; without one it explains how to start the demo.
 */
const meta = {
  title: 'Connected/Against the mock API',
  tags: ['!autodocs', 'connected'],
  parameters: {
    docs: {
      description: {
        component:
          'Real `client` + `companyId` against the mock API started by `pnpm demo`. The token comes from the Copay ' +
          'demo backend, never from an API key in Storybook.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

const connectedOf = (loaded: Record<string, unknown>) => loaded.connected as Connected;

/**
 * The whole journey for a new company, as Copay runs it: landing, pick your accounting software, confirm what you
 * share, sign in at the simulated provider (a popup: approve, deny, cancel or simulate an error), sync, done.
 */
export const LinkJourney: Story = {
  name: 'ck-link: full journey (new company)',
  tags: ['screenshot'],
  loaders: [connectedLoader('fresh')],
  render: (_args, { loaded }) =>
    renderConnected(
      connectedOf(loaded),
      (s) =>
        html`<ck-link
          .client=${s.client}
          .companyId=${s.companyId}
          product-identifier="lending"
          client-name="Copay"
          .companyName=${s.companyName}
          show-landing-page
          .sourceTypes=${{ accounting: {}, banking: { optional: true } }}
        ></ck-link>`,
    ),
  play: async ({ canvasElement, loaded }) => {
    const connected = connectedOf(loaded);
    if (!('session' in connected)) {
      await expect(deepText(canvasElement)).toContain('pnpm demo');
      return;
    }
    // Landing, then the picker filled from the mock's integrations.
    const start = await waitFor(() => {
      const button = deepButton(canvasElement, /start|continue|get started|connect/i);
      expect(button).toBeDefined();
      return button!;
    });
    await userEvent.click(start);
    await waitFor(() => expect(deepText(canvasElement)).toContain('QuickBooks Online'), { timeout: 10_000 });
    expect(deepText(canvasElement)).toContain('Xero');
    // Choose Xero: the consent step explains the lending product as the API describes it.
    const xero = deepQueryAll(canvasElement, '[role="option"]').find((o) => o.textContent?.includes('Xero'));
    expect(xero).toBeDefined();
    await userEvent.click(xero!);
    const { session } = connected;
    const product = await session.client.products.get('lending');
    await waitFor(() => expect(deepText(canvasElement)).toContain('Review what you are sharing'), {
      timeout: 10_000,
    });
    expect(deepText(canvasElement)).toContain(product.name);
    expect(deepButton(canvasElement, 'Confirm')).toBeDefined();
  },
};

export const IntegrationPicker: Story = {
  name: 'ck-integration-picker: integrations from the API',
  loaders: [connectedLoader('fresh')],
  render: (_args, { loaded }) =>
    renderConnected(
      connectedOf(loaded),
      (s) =>
        html`<ck-integration-picker
          .client=${s.client}
          .companyId=${s.companyId}
          source-types="Accounting,Banking"
        >
        </ck-integration-picker>`,
    ),
  play: async ({ canvasElement, loaded }) => {
    if (!('session' in connectedOf(loaded))) return;
    await waitFor(() => expect(deepText(canvasElement)).toContain('Xero'), { timeout: 10_000 });
    expect(deepText(canvasElement)).toContain('Barclays');
  },
};

export const ConnectionManager: Story = {
  name: 'ck-connection-manager: the demo company',
  tags: ['screenshot'],
  loaders: [connectedLoader('demo')],
  render: (_args, { loaded }) =>
    renderConnected(
      connectedOf(loaded),
      (s) =>
        html`<ck-connection-manager .client=${s.client} .companyId=${s.companyId}></ck-connection-manager>`,
    ),
  play: async ({ canvasElement, loaded }) => {
    const connected = connectedOf(loaded);
    if (!('session' in connected)) return;
    const { client, companyId } = connected.session;
    const { results: connections } = await client.connections.list(companyId);
    // Loaded from the API: every connection of the company is listed by name (or the empty state shows).
    const manager = canvasElement.querySelector('ck-connection-manager')!;
    await waitFor(
      () => {
        const root = manager.shadowRoot!;
        expect(root.querySelector('[part~="loading"]')).toBeNull();
        expect(root.querySelector('[part~="error"]')).toBeNull();
        const text = deepText(root);
        if (connections.length === 0) expect(text).toContain('No connections yet');
        for (const connection of connections) expect(text).toContain(connection.platformName);
      },
      { timeout: 10_000 },
    );
  },
};
