import { css } from 'lit';

export const dialogStyles = css`
  :host {
    display: contents;
  }
  dialog {
    box-sizing: border-box;
    inline-size: min(var(--ck-dialog-width, 32rem), calc(100vw - 2 * var(--ck-sys-space-md)));
    max-block-size: calc(100dvh - 2 * var(--ck-sys-space-md));
    padding: 0;
    border: 1px solid var(--ck-dialog-border-color, var(--ck-sys-color-outline-variant));
    border-radius: var(--ck-dialog-radius, var(--ck-sys-shape-corner-medium));
    background: var(--ck-dialog-background, var(--ck-sys-color-surface));
    color: var(--ck-dialog-color, var(--ck-sys-color-on-surface));
    box-shadow: var(--ck-dialog-elevation, var(--ck-sys-elevation-3));
    font-family: var(--ck-sys-font-family);
    line-height: var(--ck-sys-line-height);
    overflow: auto;
  }
  dialog::backdrop {
    background: var(--ck-dialog-scrim, var(--ck-sys-color-scrim));
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: var(--ck-dialog-gap, var(--ck-sys-space-md));
    padding: var(--ck-dialog-padding, var(--ck-sys-space-xl));
  }
  header {
    display: flex;
    align-items: flex-start;
    gap: var(--ck-sys-space-sm);
  }
  h2 {
    flex: 1;
    margin: 0;
    font-size: var(--ck-dialog-heading-size, var(--ck-sys-font-size-title));
    font-weight: var(--ck-sys-font-weight-strong);
    line-height: 1.3;
  }
  .close {
    margin-block-start: calc(-1 * var(--ck-sys-space-sm));
    margin-inline-end: calc(-1 * var(--ck-sys-space-sm));
    padding: 0;
    border-color: transparent;
    background: transparent;
  }
  .close .icon {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  .body {
    color: var(--ck-dialog-body-color, var(--ck-sys-color-on-surface-variant));
    font-weight: var(--ck-sys-font-weight-regular);
  }
  footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--ck-sys-space-sm);
  }
  footer:not(.has-content) {
    display: none;
  }
  :host([variant='confirm']) footer {
    display: flex;
  }
`;
