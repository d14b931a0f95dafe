import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import './index.js';
import type { CkDialog } from './ck-dialog.js';
import { DIALOG_TONES, DIALOG_VARIANTS, type DialogTone, type DialogVariant } from './ck-dialog.types.js';

interface Args {
  variant: DialogVariant;
  tone: DialogTone;
  heading: string;
  confirmLabel?: string;
  cancelLabel?: string;
  onClose: (e: Event) => void;
}

const meta = {
  title: 'Elements/ck-dialog',
  component: 'ck-dialog',
  parameters: {
    docs: {
      description: {
        component:
          'A modal on the native `<dialog>` (focus trap, Escape and the inert page come from the platform), labelled ' +
          'by its heading, returning focus to the opener. The `confirm` variant is the impact warning.',
      },
    },
  },
  args: {
    variant: 'confirm',
    tone: 'danger',
    heading: 'Disconnect Xero?',
    confirmLabel: 'Disconnect',
    onClose: fn(),
  },
  argTypes: {
    variant: { control: 'inline-radio', options: [...DIALOG_VARIANTS] },
    tone: { control: 'inline-radio', options: [...DIALOG_TONES] },
  },
  render: (args) => html`
    <button
      class="ck-sb-button"
      @click=${(e: Event) => ((e.target as HTMLElement).nextElementSibling as CkDialog).show()}
    >
      Open the dialog
    </button>
    <ck-dialog
      variant=${args.variant}
      tone=${args.tone}
      .heading=${args.heading}
      .confirmLabel=${args.confirmLabel}
      .cancelLabel=${args.cancelLabel}
      @ck-dialog-close=${args.onClose}
    >
      <p>Copay business loan and Copay business insights use Xero. They will stop receiving new data.</p>
      <p>Your data already shared is kept for 90 days, then deleted.</p>
      ${
        args.variant === 'default'
          ? html`<button
              slot="footer"
              @click=${(e: Event) => ((e.target as HTMLElement).closest('ck-dialog') as CkDialog).close('done')}
            >
              Done
            </button>`
          : ''
      }
    </ck-dialog>
  `,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const parts = (canvasElement: HTMLElement) => {
  const opener = canvasElement.querySelector('button')!;
  const dialog = canvasElement.querySelector<CkDialog>('ck-dialog')!;
  return {
    opener,
    dialog,
    part: (name: string) => dialog.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!,
  };
};

/** Impact warning: Cancel has focus first; Confirm closes with "confirm" and focus returns to the opener. */
export const ImpactWarning: Story = {
  play: async ({ canvasElement, args }) => {
    const { opener, dialog, part } = parts(canvasElement);
    await userEvent.click(opener);
    await waitFor(() => expect(dialog.open).toBe(true));
    await expect(dialog.shadowRoot!.activeElement).toBe(part('cancel-button'));
    await userEvent.click(part('confirm-button'));
    await waitFor(() => expect(args.onClose).toHaveBeenCalledTimes(1));
    await expect((args.onClose as ReturnType<typeof fn>).mock.calls[0]![0].detail).toEqual({
      returnValue: 'confirm',
    });
    await expect(document.activeElement).toBe(opener);
  },
};

/** Cancel closes with "cancel" (so does Escape: the platform's, covered by the browser tests with real keys). */
export const CancelCloses: Story = {
  play: async ({ canvasElement, args }) => {
    const { opener, dialog, part } = parts(canvasElement);
    await userEvent.click(opener);
    await waitFor(() => expect(dialog.open).toBe(true));
    await userEvent.click(part('cancel-button'));
    await waitFor(() => expect(args.onClose).toHaveBeenCalledTimes(1));
    await expect((args.onClose as ReturnType<typeof fn>).mock.calls[0]![0].detail).toEqual({
      returnValue: 'cancel',
    });
    await expect(document.activeElement).toBe(opener);
  },
};

export const DefaultVariant: Story = {
  args: { variant: 'default', heading: 'What “read-only” means', tone: 'primary' },
};

export const OpenDark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const { opener, dialog } = parts(canvasElement);
    await userEvent.click(opener);
    await waitFor(() => expect(dialog.open).toBe(true));
  },
};

export const OpenFrench: Story = {
  globals: { locale: 'fr-CA' },
  // Not on the docs page: the locale is page-wide (@lit/localize), so it would turn every story there French.
  tags: ['!autodocs'],
  args: { heading: 'Déconnecter Xero ?', confirmLabel: undefined },
  play: async ({ canvasElement }) => {
    const { opener, dialog, part } = parts(canvasElement);
    await userEvent.click(opener);
    await waitFor(() => expect(dialog.open).toBe(true));
    await expect(part('cancel-button').textContent!.trim()).toBe('Annuler');
  },
};
