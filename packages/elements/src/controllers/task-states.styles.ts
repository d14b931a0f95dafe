import { css } from 'lit';
import { loadingErrorStyles } from './loading-error.styles.js';

/**
 * Styles of the loading / error / empty states rendered by `renderTaskStates`. Elements without an empty state use
 * `loadingErrorStyles` alone (a separate module, so their bundles leave the empty-state rules out).
 */
export const taskStateStyles = css`
  ${loadingErrorStyles}
  .ck-empty {
    align-items: center;
    text-align: center;
    padding: var(--ck-empty-padding, var(--ck-sys-space-2xl)) var(--ck-sys-space-md);
    border-radius: var(--ck-sys-shape-corner-medium);
    background: var(--ck-empty-background, var(--ck-sys-color-surface-container));
    color: var(--ck-empty-color, var(--ck-sys-color-on-surface-variant));
  }
  .ck-empty p {
    margin: 0;
  }
`;
