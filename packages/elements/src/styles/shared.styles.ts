import { css } from 'lit';

/** Host defaults every element shares: typography, colours, box model, focus ring, reduced motion. */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--ck-sys-font-family);
    font-size: var(--ck-sys-font-size-body);
    line-height: var(--ck-sys-line-height);
    color: var(--ck-sys-color-on-surface);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--ck-sys-focus-ring-width) solid var(--ck-sys-color-focus-ring);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0s !important;
      transition-duration: 0s !important;
    }
  }
`;

/** Buttons: at least the target size (WCAG 2.5.8 asks 24 px; we use 44 px); the variants: `buttonVariantStyles`. */
export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--ck-sys-space-sm);
    min-height: var(--ck-sys-target-size);
    min-width: var(--ck-sys-target-size);
    padding: 0 var(--ck-sys-space-lg);
    border-radius: var(--ck-sys-shape-corner-small);
    border: 1px solid var(--ck-sys-color-outline);
    background: var(--ck-sys-color-surface);
    color: var(--ck-sys-color-on-surface);
    font: inherit;
    font-weight: var(--ck-sys-font-weight-strong);
    cursor: pointer;
    transition: background-color var(--ck-sys-motion-duration);
  }
  .button:hover {
    background: var(--ck-sys-color-surface-container-high);
  }
  .button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
`;
