import { css } from 'lit';

/**
 * The button variants (`.button.primary`, `.button.danger`, `.button.link`), after `buttonStyles`. A module of their
 * own, so an element with only plain buttons (ck-sync-status: its Try again) leaves them out of its bundle.
 */
export const buttonVariantStyles = css`
  .button.primary {
    background: var(--ck-sys-color-primary);
    border-color: var(--ck-sys-color-primary);
    color: var(--ck-sys-color-on-primary);
  }
  .button.primary:hover {
    filter: brightness(1.1);
  }
  .button.danger {
    background: var(--ck-sys-color-danger);
    border-color: var(--ck-sys-color-danger);
    color: var(--ck-sys-color-on-primary);
  }
  .button.link {
    border-color: transparent;
    background: transparent;
    color: var(--ck-sys-color-primary);
    text-decoration: underline;
    padding: 0 var(--ck-sys-space-sm);
  }
`;
