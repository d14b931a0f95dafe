import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { getLocale } from '../../packages/elements/src/localization/locale.js';
import { declaredTokens } from './token-table.js';
import './token-table.js';

interface Args {
  prefix: string;
  label: string;
}

const meta = {
  title: 'Foundations/Design tokens',
  tags: ['!autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The system tokens (`--ck-sys-*`) every element consumes through its own per-element tokens. Use the ' +
          'Theme toolbar to see the dark theme and a "bring your own brand" example resolve.',
      },
    },
  },
  args: { prefix: '--ck-sys-color-', label: 'Colour roles' },
  argTypes: {
    prefix: {
      control: 'select',
      options: [
        '--ck-sys-color-',
        '--ck-sys-space-',
        '--ck-sys-font-',
        '--ck-sys-shape-',
        '--ck-sys-',
        '--ck-ref-',
      ],
    },
  },
  render: (args, { globals }) =>
    html`<sb-token-table
      token-prefix=${args.prefix}
      label=${args.label}
      theme=${String(globals.theme)}
    ></sb-token-table>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Reads the rows the table rendered in its shadow root. */
function rows(canvasElement: HTMLElement): HTMLTableRowElement[] {
  const table = canvasElement.querySelector('sb-token-table');
  return [...(table?.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tbody tr') ?? [])];
}

function resolved(canvasElement: HTMLElement, token: string): string {
  const row = rows(canvasElement).find((r) => r.dataset.token === token);
  return row?.querySelector('.value')?.textContent?.trim() ?? '';
}

export const ColourRoles: Story = {
  globals: { theme: 'light' },
  play: async ({ canvasElement }) => {
    const expected = declaredTokens().filter((name) => name.startsWith('--ck-sys-color-'));
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(expected.length));
    // The attribute reached the @property: only colour roles are listed.
    expect(rows(canvasElement).every((r) => r.dataset.token?.startsWith('--ck-sys-color-'))).toBe(true);
    expect(resolved(canvasElement, '--ck-sys-color-primary')).toBe('#1d4ed8');
  },
};

export const DarkColourRoles: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(resolved(canvasElement, '--ck-sys-color-primary')).toBe('#93c5fd'));
    expect(resolved(canvasElement, '--ck-sys-color-surface')).toBe('#0f172a');
  },
};

export const CopayBrand: Story = {
  globals: { theme: 'brand' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(resolved(canvasElement, '--ck-sys-color-primary')).toBe('#15803d'));
  },
};

export const Spacing: Story = { args: { prefix: '--ck-sys-space-', label: 'Spacing' } };

export const Typography: Story = { args: { prefix: '--ck-sys-font-', label: 'Typography' } };

export const ReferencePalette: Story = {
  args: { prefix: '--ck-ref-', label: 'Reference tier (raw values)' },
};

/** The viewport toolbar's 320 px entry: the WCAG 1.4.10 reflow width, without horizontal scrolling. */
export const ReflowAt320: Story = {
  globals: { viewport: { value: 'mobile320' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(0));
    expect(document.documentElement.clientWidth).toBe(320);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
  },
};

/** The locale toolbar: `lang` on the wrapper and the document, and the @lit/localize locale loaded. */
export const FrenchLocale: Story = {
  globals: { locale: 'fr-CA' },
  // Not on the docs page: the locale is page-wide (@lit/localize), so it would turn every story there French.
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelector('.ck-sb-root')?.getAttribute('lang')).toBe('fr-CA');
    expect(document.documentElement.lang).toBe('fr-CA');
    expect(getLocale()).toBe('fr-CA');
  },
};
