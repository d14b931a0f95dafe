import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { html } from 'lit';
import './index.js';
import type { CkDialog } from './ck-dialog.js';
import type { DialogCloseDetail } from './ck-dialog.types.js';
import { cleanup, fixture, waitFor } from '../../test/fixtures.js';
import { expectNoAxeViolations } from '../../test/axe.js';

afterEach(cleanup);

function nativeDialog(el: CkDialog): HTMLDialogElement {
  return el.shadowRoot!.querySelector('dialog')!;
}

async function setup(variant: 'default' | 'confirm' = 'confirm') {
  const root = await fixture<HTMLElement>(html`<div>
    <button id="opener">Disconnect Xero</button>
    <ck-dialog variant=${variant} tone="danger" confirm-label="Disconnect">
      <span slot="heading">Disconnect Xero?</span>
      <p>Copay business loan and Copay business insights will stop receiving data.</p>
      ${variant === 'default' ? html`<button slot="footer" id="done">Done</button>` : ''}
    </ck-dialog>
  </div>`);
  const opener = root.querySelector<HTMLButtonElement>('#opener')!;
  const dialog = root.querySelector<CkDialog>('ck-dialog')!;
  const closes: DialogCloseDetail[] = [];
  dialog.addEventListener('ck-dialog-close', (e) => closes.push(e.detail));
  opener.addEventListener('click', () => dialog.show());
  return { opener, dialog, closes };
}

describe('ck-dialog', () => {
  test('opens modally, labelled by its heading slot, described by its body', async () => {
    const { opener, dialog } = await setup();
    await userEvent.click(opener);
    await dialog.updateComplete;
    const native = nativeDialog(dialog);
    expect(native.open).toBe(true);
    expect(native.matches(':modal')).toBe(true);
    expect(native.getAttribute('aria-labelledby')).toBe('heading');
    expect(dialog.shadowRoot!.getElementById('heading')!.querySelector('slot')!.assignedNodes()[0]!.textContent).toBe(
      'Disconnect Xero?',
    );
    expect(dialog.open).toBe(true);
  });

  test('Escape closes with "cancel" and returns focus to the opener', async () => {
    const { opener, dialog, closes } = await setup();
    await userEvent.click(opener);
    await dialog.updateComplete;
    await userEvent.keyboard('{Escape}');
    await waitFor(() => closes.length === 1, 2000, 'close event');
    expect(closes[0]).toEqual({ returnValue: 'cancel' });
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  test('confirm variant: Cancel is focused first; Confirm closes with "confirm"', async () => {
    const { opener, dialog, closes } = await setup();
    await userEvent.click(opener);
    await dialog.updateComplete;
    const cancel = dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="cancel-button"]')!;
    const confirm = dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm-button"]')!;
    expect(dialog.shadowRoot!.activeElement).toBe(cancel);
    expect(confirm.textContent!.trim()).toBe('Disconnect');
    expect(confirm.classList.contains('danger')).toBe(true);
    await userEvent.keyboard('{Tab}');
    expect(dialog.shadowRoot!.activeElement).toBe(confirm);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => closes.length === 1, 2000, 'close event');
    expect(closes[0]!.returnValue).toBe('confirm');
    expect(dialog.returnValue).toBe('confirm');
    expect(document.activeElement).toBe(opener);
  });

  test('focus stays inside the modal (the page behind is inert)', async () => {
    const { opener, dialog } = await setup();
    await userEvent.click(opener);
    await dialog.updateComplete;
    // Tab cycles through the dialog's controls (and, as the platform allows, the browser's own UI): it never
    // reaches the page content behind the modal.
    const visited = new Set<Element | null>();
    for (let i = 0; i < 6; i++) {
      await userEvent.keyboard('{Tab}');
      const active = document.activeElement;
      expect(active).not.toBe(opener);
      expect(active === dialog || active === document.body).toBe(true);
      if (active === dialog) visited.add(dialog.shadowRoot!.activeElement);
    }
    expect(visited.size).toBe(2); // Cancel and Confirm
  });

  test('default variant: close button and close(value) from a footer action; open is reactive', async () => {
    const { dialog, closes } = await setup('default');
    dialog.open = true;
    await dialog.updateComplete;
    expect(nativeDialog(dialog).open).toBe(true);
    const closeButton = dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="close-button"]')!;
    expect(closeButton.getAttribute('aria-label')).toBe('Close');
    dialog.querySelector('#done')!.addEventListener('click', () => dialog.close('done'));
    await userEvent.click(dialog.querySelector('#done')!);
    await waitFor(() => closes.length === 1, 2000, 'close');
    expect(closes[0]!.returnValue).toBe('done');
    dialog.open = true;
    await dialog.updateComplete;
    await userEvent.click(closeButton);
    await waitFor(() => closes.length === 2, 2000, 'second close');
    expect(closes[1]!.returnValue).toBe('cancel');
    dialog.open = true;
    await dialog.updateComplete;
    dialog.open = false;
    await waitFor(() => closes.length === 3, 2000, 'third close');
    expect(nativeDialog(dialog).open).toBe(false);
  });

  test('events bubble out of shadow roots', async () => {
    const { dialog } = await setup();
    let seen: Event | undefined;
    document.body.addEventListener('ck-dialog-close', (e) => (seen = e), { once: true });
    dialog.show();
    await dialog.updateComplete;
    dialog.close('confirm');
    await waitFor(() => seen, 2000, 'bubbled event');
    expect(seen!.bubbles && seen!.composed).toBe(true);
  });

  test('is accessible when open', async () => {
    const { opener, dialog } = await setup();
    await userEvent.click(opener);
    await dialog.updateComplete;
    expect(await expectNoAxeViolations(dialog)).toBeGreaterThan(0);
  });
});
