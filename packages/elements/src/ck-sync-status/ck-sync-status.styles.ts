import { css } from 'lit';

export const syncStatusStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: var(--ck-sync-status-gap, var(--ck-sys-space-md));
  }
  .summary {
    margin: 0;
    font-weight: var(--ck-sys-font-weight-strong);
  }
  .bar {
    block-size: var(--ck-sync-status-bar-height, 0.5rem);
    border-radius: var(--ck-sys-shape-corner-full);
    background: var(--ck-sync-status-track-color, var(--ck-sys-color-surface-container-high));
    border: 1px solid var(--ck-sync-status-track-border, var(--ck-sys-color-outline));
    overflow: hidden;
  }
  .fill {
    block-size: 100%;
    inline-size: var(--_progress, 0%);
    background: var(--ck-sync-status-bar-color, var(--ck-sys-color-primary));
    transition: inline-size var(--ck-sys-motion-duration) ease-out;
  }
  .group-heading {
    margin: 0;
    font-size: var(--ck-sys-font-size-small);
    font-weight: var(--ck-sys-font-weight-strong);
    color: var(--ck-sys-color-on-surface-variant);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--ck-sys-space-xs) var(--ck-sys-space-md);
    padding-block: var(--ck-sync-status-row-padding, var(--ck-sys-space-sm));
    border-block-end: 1px solid var(--ck-sync-status-divider, var(--ck-sys-color-outline-variant));
  }
  li:last-child {
    border-block-end: none;
  }
  .label {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .groups {
    display: flex;
    flex-direction: column;
    gap: var(--ck-sys-space-md);
  }
`;
