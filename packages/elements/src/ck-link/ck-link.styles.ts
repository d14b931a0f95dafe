import { css } from 'lit';

// Non-modal (embedded in the page) drops the frame and shows the page's own background: a surface-coloured panel
// without padding looked broken.
export const linkStyles = css`
  :host {
    container-type: inline-size;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--ck-link-gap, var(--ck-sys-space-lg));
    max-inline-size: var(--ck-link-max-width, 40rem);
    margin-inline: auto;
    padding: var(--ck-link-padding, var(--ck-sys-space-xl));
    border: 1px solid var(--ck-link-border-color, var(--ck-sys-color-outline-variant));
    border-radius: var(--ck-link-radius, var(--ck-sys-shape-corner-medium));
    background: var(--ck-link-background, var(--ck-sys-color-surface));
    color: var(--ck-link-color, var(--ck-sys-color-on-surface));
    box-shadow: var(--ck-link-elevation, var(--ck-sys-elevation-1));
  }
  :host([non-modal]) .base {
    border: none;
    box-shadow: none;
    padding: 0;
    background: var(--ck-link-background, transparent);
  }
  .top {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--ck-sys-space-sm);
    min-block-size: var(--ck-sys-target-size);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: var(--ck-sys-space-sm);
    font-weight: var(--ck-sys-font-weight-strong);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .close {
    padding: 0;
    border-color: transparent;
    background: transparent;
  }
  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
  }
  .step {
    display: flex;
    flex-direction: column;
    gap: var(--ck-link-step-gap, var(--ck-sys-space-md));
  }
  h2 {
    margin: 0;
    font-size: var(--ck-link-heading-size, var(--ck-sys-font-size-headline));
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: var(--ck-sys-focus-ring-width) solid var(--ck-sys-color-focus-ring);
    outline-offset: 4px;
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--ck-link-muted-color, var(--ck-sys-color-on-surface-variant));
    font-size: var(--ck-sys-font-size-small);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ck-link-action-gap, var(--ck-sys-space-sm));
    justify-content: flex-end;
  }
  .actions.start {
    justify-content: flex-start;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--ck-sys-space-sm);
  }
  ul.plain li {
    display: flex;
    align-items: center;
    gap: var(--ck-sys-space-sm);
    overflow-wrap: anywhere;
  }
  .platform {
    display: flex;
    align-items: center;
    gap: var(--ck-sys-space-md);
  }
  .waiting {
    display: flex;
    align-items: center;
    gap: var(--ck-sys-space-sm);
    padding: var(--ck-sys-space-md);
    border-radius: var(--ck-sys-shape-corner-small);
    background: var(--ck-link-info-background, var(--ck-sys-color-primary-container));
    color: var(--ck-link-info-color, var(--ck-sys-color-on-primary-container));
  }
  .error-box {
    display: flex;
    flex-direction: column;
    gap: var(--ck-sys-space-sm);
    padding: var(--ck-sys-space-md);
    border-radius: var(--ck-sys-shape-corner-small);
    background: var(--ck-link-error-background, var(--ck-sys-color-danger-container));
    color: var(--ck-link-error-color, var(--ck-sys-color-on-danger-container));
  }
  .success-mark {
    color: var(--ck-link-success-color, var(--ck-sys-color-on-success-container));
  }
  @container (max-width: 24rem) {
    .base {
      padding: var(--ck-sys-space-md);
    }
    .actions .button {
      flex: 1 1 100%;
    }
  }
`;
