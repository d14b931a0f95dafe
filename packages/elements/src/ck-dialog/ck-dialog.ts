import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { CkElement } from '../base/ck-element.js';
import { buttonStyles, hostStyles } from '../styles/shared.styles.js';
import { buttonVariantStyles } from '../styles/button-variants.styles.js';
import { icon, closeIcon } from '../styles/icons.js';
import { dialogStyles } from './ck-dialog.styles.js';
import type { DialogTone, DialogVariant } from './ck-dialog.types.js';

/** The focused element, looking inside open shadow roots (document.activeElement stops at the first host). */
export function deepActiveElement(doc: Document = document): HTMLElement | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * A modal dialog on the native `<dialog>` element (`showModal()`): the platform provides the focus trap, the inert
 * page behind, the top layer and Escape. It is labelled by its heading, and returns focus to the element that had
 * it when the dialog opened. The `confirm` variant asks a question with Confirm / Cancel buttons (Cancel is focused
 * first, which suits impact warnings; use `tone="danger"` for destructive actions).
 *
 * @tagname ck-dialog
 * @summary Modal dialog and confirmation (impact warning).
 *
 * @slot heading - The title; labels the dialog (or use the `heading` property).
 * @slot - The body.
 * @slot footer - Actions of the `default` variant (buttons that call `close(value)`).
 *
 * @fires ck-dialog-close - The dialog closed; `detail.returnValue` is `confirm`, `cancel` (button, close button or
 * Escape) or the value given to `close(value)`.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart heading - The `<h2>` around the heading.
 * @csspart body - The body wrapper.
 * @csspart footer - The action row.
 * @csspart close-button - The close (X) button.
 * @csspart confirm-button - The confirm button (`confirm` variant).
 * @csspart cancel-button - The cancel button (`confirm` variant).
 *
 * @cssprop --ck-dialog-width - Maximum width (never wider than the viewport).
 * @cssprop --ck-dialog-padding - Inner padding.
 * @cssprop --ck-dialog-gap - Space between heading, body and footer.
 * @cssprop --ck-dialog-radius - Corner radius.
 * @cssprop --ck-dialog-background - Background.
 * @cssprop --ck-dialog-color - Text colour.
 * @cssprop --ck-dialog-body-color - Body text colour.
 * @cssprop --ck-dialog-border-color - Border colour.
 * @cssprop --ck-dialog-elevation - Shadow.
 * @cssprop --ck-dialog-scrim - Backdrop colour.
 * @cssprop --ck-dialog-heading-size - Heading font size.
 */
@localized()
export class CkDialog extends CkElement {
  static override styles = [hostStyles, buttonStyles, buttonVariantStyles, dialogStyles];

  /** Whether the dialog is open. Setting it opens / closes the dialog like `show()` / `close()`. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** `default` (your content and footer) or `confirm` (built-in Confirm / Cancel). */
  @property({ reflect: true }) variant: DialogVariant = 'default';

  /** Heading text, when the `heading` slot is not used. */
  @property() heading = '';

  /** Tone of the confirm button. */
  @property({ reflect: true }) tone: DialogTone = 'primary';

  /** Label of the confirm button (`confirm` variant); default "Confirm". */
  @property({ attribute: 'confirm-label' }) confirmLabel?: string;

  /** Label of the cancel button (`confirm` variant); default "Cancel". */
  @property({ attribute: 'cancel-label' }) cancelLabel?: string;

  /** The value of the last close (`confirm`, `cancel` or what `close(value)` got). */
  returnValue = '';

  @query('dialog') private dialog!: HTMLDialogElement;
  @state() private hasFooter = false;

  /** Who had focus when the dialog opened: focus goes back there on close. */
  private opener: HTMLElement | null = null;

  /** Opens the dialog modally. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog with a return value (default `cancel`). */
  close(returnValue = 'cancel'): void {
    if (!this.dialog?.open) {
      this.open = false;
      return;
    }
    this.dialog.close(returnValue);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open && !this.dialog?.open) {
      const active = deepActiveElement(this.ownerDocument);
      this.opener = active && !this.contains(active) ? active : null;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) {
      this.dialog.returnValue = '';
      this.dialog.showModal();
    } else if (!this.open && this.dialog.open) {
      this.dialog.close('cancel');
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.dialog?.open) this.dialog.close('cancel');
  }

  private onCancel(): void {
    // Escape: the platform closes the dialog; record why.
    this.dialog.returnValue = 'cancel';
  }

  private onClose(): void {
    this.returnValue = this.dialog.returnValue || 'cancel';
    this.open = false;
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
    this.emit('ck-dialog-close', { returnValue: this.returnValue });
  }

  private onFooterSlotChange(event: Event): void {
    this.hasFooter = (event.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  }

  protected override render(): unknown {
    const confirm = this.variant === 'confirm';
    return html`<dialog
      part="dialog"
      aria-labelledby="heading"
      aria-describedby=${confirm ? 'body' : nothing}
      @cancel=${this.onCancel}
      @close=${this.onClose}
    >
      <div class="panel">
        <header>
          <h2 id="heading" part="heading"><slot name="heading">${this.heading}</slot></h2>
          ${confirm
            ? nothing
            : html`<button
                type="button"
                class="button close"
                part="close-button"
                aria-label=${msg('Close')}
                @click=${() => this.close('cancel')}
              >
                ${icon(closeIcon)}
              </button>`}
        </header>
        <div id="body" class="body" part="body"><slot></slot></div>
        <footer part="footer" class=${this.hasFooter ? 'has-content' : ''}>
          <slot name="footer" @slotchange=${this.onFooterSlotChange}></slot>
          ${confirm
            ? html`<button
                  type="button"
                  class="button"
                  part="cancel-button"
                  autofocus
                  @click=${() => this.close('cancel')}
                >
                  ${this.cancelLabel ?? msg('Cancel')}
                </button>
                <button
                  type="button"
                  class="button ${this.tone === 'danger' ? 'danger' : 'primary'}"
                  part="confirm-button"
                  @click=${() => this.close('confirm')}
                >
                  ${this.confirmLabel ?? msg('Confirm')}
                </button>`
            : nothing}
        </footer>
      </div>
    </dialog>`;
  }
}
