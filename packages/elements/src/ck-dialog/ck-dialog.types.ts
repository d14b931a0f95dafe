/** `default`: your own content and actions (footer slot). `confirm`: a question with Confirm / Cancel buttons. */
export const DIALOG_VARIANTS = ['default', 'confirm'] as const;
export type DialogVariant = (typeof DIALOG_VARIANTS)[number];

/** Tone of the confirm button: `danger` for destructive actions (disconnect, delete, withdraw). */
export const DIALOG_TONES = ['primary', 'danger'] as const;
export type DialogTone = (typeof DIALOG_TONES)[number];

/** Return values the built-in buttons and Escape close with. */
export const DIALOG_RETURN_VALUES = ['confirm', 'cancel'] as const;
export type DialogReturnValue = (typeof DIALOG_RETURN_VALUES)[number];

/** Detail of `ck-dialog-close`. */
export interface DialogCloseDetail {
  /** `confirm` or `cancel` from the built-in buttons / Escape, or what `close(value)` was given. */
  returnValue: string;
}

declare global {
  interface HTMLElementEventMap {
    'ck-dialog-close': CustomEvent<DialogCloseDetail>;
  }
}
