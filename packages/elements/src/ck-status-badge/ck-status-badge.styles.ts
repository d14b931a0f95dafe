import { css } from 'lit';

export const statusBadgeStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: var(--ck-status-badge-gap, var(--ck-sys-space-xs));
    padding-block: var(--ck-status-badge-padding-block, 0.125rem);
    padding-inline: var(--ck-status-badge-padding-inline, var(--ck-sys-space-sm));
    border-radius: var(--ck-status-badge-radius, var(--ck-sys-shape-corner-full));
    border: 1px solid currentColor;
    font-size: var(--ck-status-badge-font-size, var(--ck-sys-font-size-small));
    font-weight: var(--ck-sys-font-weight-strong);
    line-height: 1.25;
    white-space: nowrap;
  }
  .icon {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
  }
  .tone-success {
    background: var(--ck-status-badge-success-background, var(--ck-sys-color-success-container));
    color: var(--ck-status-badge-success-color, var(--ck-sys-color-on-success-container));
  }
  .tone-warning {
    background: var(--ck-status-badge-warning-background, var(--ck-sys-color-warning-container));
    color: var(--ck-status-badge-warning-color, var(--ck-sys-color-on-warning-container));
  }
  .tone-danger {
    background: var(--ck-status-badge-danger-background, var(--ck-sys-color-danger-container));
    color: var(--ck-status-badge-danger-color, var(--ck-sys-color-on-danger-container));
  }
  .tone-info {
    background: var(--ck-status-badge-info-background, var(--ck-sys-color-primary-container));
    color: var(--ck-status-badge-info-color, var(--ck-sys-color-on-primary-container));
  }
  .tone-neutral {
    background: var(--ck-status-badge-neutral-background, var(--ck-sys-color-surface-container-high));
    color: var(--ck-status-badge-neutral-color, var(--ck-sys-color-on-surface-variant));
  }
  .tone-info .icon.spin {
    animation: ck-spin 1.6s linear infinite;
  }
  @keyframes ck-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
