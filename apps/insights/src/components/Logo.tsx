import type { ReactNode } from 'react';

/** Insights' mark: three rising bars. Decorative: the wordmark next to it names the product. */
export function Logo(): ReactNode {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#0f766e" />
      <rect x="7" y="17" width="4" height="8" rx="1" fill="#5eead4" />
      <rect x="14" y="11" width="4" height="14" rx="1" fill="#99f6e4" />
      <rect x="21" y="6" width="4" height="19" rx="1" fill="#ffffff" />
    </svg>
  );
}
