import { css } from 'lit';

/**
 * Styles of the loading and error states (`renderLoading`, `renderError`): what every connected element needs.
 * The empty state's rules are in `taskStateStyles`, for the elements that show one.
 */
export const loadingErrorStyles = css`
  .ck-state {
    display: flex;
    flex-direction: column;
    gap: var(--ck-state-gap, var(--ck-sys-space-sm));
    padding-block: var(--ck-state-padding, var(--ck-sys-space-md));
  }
  .ck-skeleton {
    block-size: var(--ck-skeleton-height, var(--ck-sys-target-size));
    border-radius: var(--ck-skeleton-radius, var(--ck-sys-shape-corner-small));
    background: var(--ck-skeleton-color, var(--ck-sys-color-surface-container-high));
    animation: ck-pulse 1.2s ease-in-out infinite alternate;
  }
  @keyframes ck-pulse {
    from {
      opacity: 1;
    }
    to {
      opacity: 0.45;
    }
  }
  .ck-error {
    align-items: flex-start;
    padding: var(--ck-sys-space-md);
    border-radius: var(--ck-sys-shape-corner-small);
    background: var(--ck-error-background, var(--ck-sys-color-danger-container));
    color: var(--ck-error-color, var(--ck-sys-color-on-danger-container));
  }
  .ck-error p {
    margin: 0;
  }
  .ck-error-title {
    font-weight: var(--ck-sys-font-weight-strong);
  }
  .ck-error-reference {
    font-size: var(--ck-sys-font-size-small);
  }
`;
