import { css } from 'lit';

/**
 * `.row` has `content-visibility: auto`: rows off screen skip layout and paint, so hundreds of connections stay fast.
 * (Comments stay out of the CSS text: it ships.)
 */
export const connectionManagerStyles = css`
  :host {
    container-type: inline-size;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--ck-connection-manager-section-gap, var(--ck-sys-space-xl));
  }
  section {
    display: flex;
    flex-direction: column;
    gap: var(--ck-connection-manager-gap, var(--ck-sys-space-md));
  }
  .section-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--ck-sys-space-sm);
  }
  h2,
  h3,
  h4,
  p {
    margin: 0;
  }
  h2 {
    font-size: var(--ck-connection-manager-heading-size, var(--ck-sys-font-size-title));
  }
  h3 {
    font-size: var(--ck-sys-font-size-body);
    overflow-wrap: anywhere;
  }
  ul.list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--ck-connection-manager-row-gap, var(--ck-sys-space-sm));
  }
  .row {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--ck-connection-manager-row-inner-gap, var(--ck-sys-space-md));
    padding: var(--ck-connection-manager-row-padding, var(--ck-sys-space-md));
    border: 1px solid var(--ck-connection-manager-row-border-color, var(--ck-sys-color-outline-variant));
    border-radius: var(--ck-connection-manager-row-radius, var(--ck-sys-shape-corner-medium));
    background: var(--ck-connection-manager-row-background, var(--ck-sys-color-surface));
    content-visibility: auto;
    contain-intrinsic-size: auto 9rem;
  }
  .row-main {
    display: flex;
    flex-direction: column;
    gap: var(--ck-sys-space-xs);
    min-width: 0;
  }
  .row-main.full {
    grid-column: 1 / -1;
  }
  .title-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--ck-sys-space-sm);
  }
  dl.facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ck-sys-space-xs) var(--ck-sys-space-lg);
    margin: 0;
    font-size: var(--ck-sys-font-size-small);
    color: var(--ck-connection-manager-muted-color, var(--ck-sys-color-on-surface-variant));
  }
  dl.facts div {
    display: flex;
    gap: var(--ck-sys-space-xs);
  }
  dl.facts dt {
    font-weight: var(--ck-sys-font-weight-strong);
  }
  dl.facts dd {
    margin: 0;
  }
  .used-by,
  .muted {
    font-size: var(--ck-sys-font-size-small);
    color: var(--ck-connection-manager-muted-color, var(--ck-sys-color-on-surface-variant));
  }
  .notice {
    font-size: var(--ck-sys-font-size-small);
    padding: var(--ck-sys-space-sm) var(--ck-sys-space-md);
    border-radius: var(--ck-sys-shape-corner-small);
    background: var(--ck-connection-manager-notice-background, var(--ck-sys-color-warning-container));
    color: var(--ck-connection-manager-notice-color, var(--ck-sys-color-on-warning-container));
  }
  .row-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--ck-sys-space-sm);
    padding: var(--ck-sys-space-sm) var(--ck-sys-space-md);
    border-radius: var(--ck-sys-shape-corner-small);
    background: var(--ck-connection-manager-error-background, var(--ck-sys-color-danger-container));
    color: var(--ck-connection-manager-error-color, var(--ck-sys-color-on-danger-container));
  }
  .pending {
    font-size: var(--ck-sys-font-size-small);
    color: var(--ck-connection-manager-muted-color, var(--ck-sys-color-on-surface-variant));
  }
  .actions {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: var(--ck-connection-manager-action-gap, var(--ck-sys-space-sm));
  }
  .data-types {
    margin: 0;
    padding-inline-start: var(--ck-sys-space-lg);
    font-size: var(--ck-sys-font-size-small);
  }
  .data-group {
    display: flex;
    flex-direction: column;
    gap: var(--ck-sys-space-xs);
  }
  .data-group h4 {
    font-size: var(--ck-sys-font-size-small);
  }
  details summary {
    cursor: pointer;
    min-height: var(--ck-sys-target-size);
    display: flex;
    align-items: center;
    font-weight: var(--ck-sys-font-weight-strong);
    color: var(--ck-sys-color-primary);
  }
  ol.history {
    margin: 0;
    padding-inline-start: var(--ck-sys-space-lg);
    font-size: var(--ck-sys-font-size-small);
  }
  .empty {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--ck-sys-space-sm);
    padding: var(--ck-sys-space-lg);
    border: 1px dashed var(--ck-sys-color-outline-variant);
    border-radius: var(--ck-sys-shape-corner-medium);
  }
  .dialog-body {
    display: flex;
    flex-direction: column;
    gap: var(--ck-sys-space-sm);
  }
  .dialog-body ul {
    margin: 0;
    padding-inline-start: var(--ck-sys-space-lg);
  }
  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
  }
  @container (max-width: 28rem) {
    .row {
      grid-template-columns: 1fr;
    }
    .actions .button {
      flex: 1 1 100%;
    }
  }
`;
