import { css } from 'lit';

export const integrationPickerStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: var(--ck-integration-picker-gap, var(--ck-sys-space-md));
    min-inline-size: 0;
  }
  .search {
    position: relative;
    display: flex;
    align-items: center;
  }
  .search .icon {
    position: absolute;
    inset-inline-start: var(--ck-sys-space-md);
    inline-size: 1.25rem;
    block-size: 1.25rem;
    color: var(--ck-sys-color-on-surface-variant);
    pointer-events: none;
  }
  .search input {
    inline-size: 100%;
    min-block-size: var(--ck-sys-target-size);
    padding-block: 0;
    padding-inline: calc(var(--ck-sys-space-md) * 2 + 1.25rem) var(--ck-sys-space-md);
    border: 1px solid var(--ck-integration-picker-input-border, var(--ck-sys-color-outline));
    border-radius: var(--ck-integration-picker-input-radius, var(--ck-sys-shape-corner-small));
    background: var(--ck-integration-picker-input-background, var(--ck-sys-color-surface));
    color: inherit;
    font: inherit;
  }
  .search input:focus-visible {
    outline: var(--ck-sys-focus-ring-width) solid var(--ck-sys-color-focus-ring);
    outline-offset: 1px;
  }
  .list {
    position: relative;
    max-block-size: var(--ck-integration-picker-list-height, 24rem);
    overflow: auto;
    border: 1px solid var(--ck-integration-picker-border, var(--ck-sys-color-outline-variant));
    border-radius: var(--ck-integration-picker-radius, var(--ck-sys-shape-corner-medium));
    background: var(--ck-integration-picker-background, var(--ck-sys-color-surface));
    overscroll-behavior: contain;
  }
  .list.virtual {
    block-size: var(--ck-integration-picker-list-height, 24rem);
  }
  .list:focus-visible {
    outline: var(--ck-sys-focus-ring-width) solid var(--ck-sys-color-focus-ring);
    outline-offset: 2px;
  }
  .group-heading {
    box-sizing: border-box;
    inline-size: 100%;
    margin: 0;
    padding: var(--ck-sys-space-md) var(--ck-sys-space-md) var(--ck-sys-space-xs);
    font-size: var(--ck-sys-font-size-small);
    font-weight: var(--ck-sys-font-weight-strong);
    letter-spacing: 0.02em;
    color: var(--ck-integration-picker-heading-color, var(--ck-sys-color-on-surface-variant));
  }
  .option {
    box-sizing: border-box;
    inline-size: 100%;
    display: flex;
    align-items: center;
    gap: var(--ck-integration-picker-item-gap, var(--ck-sys-space-md));
    min-block-size: calc(var(--ck-sys-target-size) + var(--ck-sys-space-sm));
    padding-block: var(--ck-sys-space-xs);
    padding-inline: var(--ck-sys-space-md);
    cursor: pointer;
    border-block-start: 1px solid var(--ck-integration-picker-divider, var(--ck-sys-color-outline-variant));
  }
  .group-heading + .option,
  .group > .option:first-of-type {
    border-block-start-color: transparent;
  }
  .option:hover {
    background: var(--ck-integration-picker-item-hover, var(--ck-sys-color-surface-container));
  }
  .option.active {
    background: var(--ck-integration-picker-item-active, var(--ck-sys-color-surface-container-high));
  }
  .list:focus-visible .option.active {
    outline: var(--ck-sys-focus-ring-width) solid var(--ck-sys-color-focus-ring);
    outline-offset: calc(-1 * var(--ck-sys-focus-ring-width));
  }
  .option[aria-selected='true'] {
    background: var(--ck-integration-picker-item-selected, var(--ck-sys-color-primary-container));
    color: var(--ck-sys-color-on-primary-container);
  }
  .option[aria-disabled='true'] {
    cursor: not-allowed;
  }
  .option[aria-disabled='true'] .name {
    color: var(--ck-sys-color-on-surface-variant);
  }
  .text {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-inline-size: 0;
  }
  .name {
    font-weight: var(--ck-sys-font-weight-strong);
    overflow-wrap: anywhere;
  }
  .reason,
  .note {
    font-size: var(--ck-sys-font-size-small);
    color: var(--ck-sys-color-on-surface-variant);
  }
  .tag {
    font-size: var(--ck-sys-font-size-small);
    padding-inline: var(--ck-sys-space-xs);
    border: 1px solid var(--ck-sys-color-outline);
    border-radius: var(--ck-sys-shape-corner-small);
    color: var(--ck-sys-color-on-surface-variant);
  }
  .chevron {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    flex: none;
    color: var(--ck-sys-color-on-surface-variant);
  }
  :host(:dir(rtl)) .chevron {
    transform: scaleX(-1);
  }
  .footer {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--ck-sys-space-sm);
  }
  .not-listed-message {
    margin: 0;
    padding: var(--ck-sys-space-md);
    border-radius: var(--ck-sys-shape-corner-small);
    background: var(--ck-integration-picker-message-background, var(--ck-sys-color-surface-container));
  }
  .not-listed-message p {
    margin: 0;
  }
`;
