import { css, type CSSResult } from 'lit';

/**
 * Design tokens in three tiers (as Material Web): reference values (`--ck-ref-*`, the raw palette and scales) ->
 * system roles (`--ck-sys-*`, what elements use) -> per-element tokens (`--ck-<element>-*`, declared in each
 * element's styles with a system fallback).
 *
 * They are installed once per document in the `consent-kit` cascade layer, so any unlayered page rule wins:
 * a brand sets `--ck-sys-color-primary` on `:root` (or any ancestor) and every element follows.
 * Dark theme: `data-ck-theme="dark"` on any ancestor.
 *
 * The categorical pairs (`--ck-sys-color-categorical-N` + `--ck-sys-color-on-categorical-N`: monograms, charts) are
 * a background and a text colour with AA contrast in both themes. (Comments stay out of the CSS text: it ships.)
 */
export const tokenStyles: CSSResult = css`
  @layer consent-kit {
    :root {
      --ck-ref-palette-blue-50: #eff6ff;
      --ck-ref-palette-blue-100: #dbeafe;
      --ck-ref-palette-blue-200: #bfdbfe;
      --ck-ref-palette-blue-300: #93c5fd;
      --ck-ref-palette-blue-700: #1d4ed8;
      --ck-ref-palette-blue-900: #1e3a8a;
      --ck-ref-palette-blue-950: #172554;
      --ck-ref-palette-neutral-0: #ffffff;
      --ck-ref-palette-neutral-50: #f8fafc;
      --ck-ref-palette-neutral-100: #f1f5f9;
      --ck-ref-palette-neutral-300: #cbd5e1;
      --ck-ref-palette-neutral-400: #94a3b8;
      --ck-ref-palette-neutral-500: #64748b;
      --ck-ref-palette-neutral-600: #475569;
      --ck-ref-palette-neutral-700: #334155;
      --ck-ref-palette-neutral-800: #1e293b;
      --ck-ref-palette-neutral-900: #0f172a;
      --ck-ref-palette-neutral-950: #020617;
      --ck-ref-palette-green-100: #dcfce7;
      --ck-ref-palette-green-300: #86efac;
      --ck-ref-palette-green-800: #166534;
      --ck-ref-palette-green-950: #052e16;
      --ck-ref-palette-amber-100: #fef3c7;
      --ck-ref-palette-amber-300: #fcd34d;
      --ck-ref-palette-amber-800: #92400e;
      --ck-ref-palette-amber-950: #451a03;
      --ck-ref-palette-red-100: #fee2e2;
      --ck-ref-palette-red-300: #fca5a5;
      --ck-ref-palette-red-700: #b91c1c;
      --ck-ref-palette-red-950: #450a0a;
      --ck-ref-palette-violet-100: #ede9fe;
      --ck-ref-palette-violet-300: #c4b5fd;
      --ck-ref-palette-violet-800: #5b21b6;
      --ck-ref-palette-violet-950: #2e1065;
      --ck-ref-palette-teal-100: #ccfbf1;
      --ck-ref-palette-teal-300: #5eead4;
      --ck-ref-palette-teal-800: #115e59;
      --ck-ref-palette-teal-950: #042f2e;
      --ck-ref-typeface-plain: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
      --ck-ref-size-1: 0.25rem;
      --ck-ref-size-2: 0.5rem;
      --ck-ref-size-3: 0.75rem;
      --ck-ref-size-4: 1rem;
      --ck-ref-size-6: 1.5rem;
      --ck-ref-size-8: 2rem;

      --ck-sys-color-primary: var(--ck-ref-palette-blue-700);
      --ck-sys-color-on-primary: var(--ck-ref-palette-neutral-0);
      --ck-sys-color-primary-container: var(--ck-ref-palette-blue-50);
      --ck-sys-color-on-primary-container: var(--ck-ref-palette-blue-900);
      --ck-sys-color-surface: var(--ck-ref-palette-neutral-0);
      --ck-sys-color-surface-container: var(--ck-ref-palette-neutral-50);
      --ck-sys-color-surface-container-high: var(--ck-ref-palette-neutral-100);
      --ck-sys-color-on-surface: var(--ck-ref-palette-neutral-900);
      --ck-sys-color-on-surface-variant: var(--ck-ref-palette-neutral-600);
      --ck-sys-color-outline: var(--ck-ref-palette-neutral-500);
      --ck-sys-color-outline-variant: var(--ck-ref-palette-neutral-300);
      --ck-sys-color-focus-ring: var(--ck-ref-palette-blue-700);
      --ck-sys-color-success-container: var(--ck-ref-palette-green-100);
      --ck-sys-color-on-success-container: var(--ck-ref-palette-green-800);
      --ck-sys-color-warning-container: var(--ck-ref-palette-amber-100);
      --ck-sys-color-on-warning-container: var(--ck-ref-palette-amber-800);
      --ck-sys-color-danger: var(--ck-ref-palette-red-700);
      --ck-sys-color-danger-container: var(--ck-ref-palette-red-100);
      --ck-sys-color-on-danger-container: var(--ck-ref-palette-red-700);
      --ck-sys-color-scrim: rgb(2 6 23 / 0.5);
      --ck-sys-color-categorical-1: var(--ck-ref-palette-blue-100);
      --ck-sys-color-on-categorical-1: var(--ck-ref-palette-blue-900);
      --ck-sys-color-categorical-2: var(--ck-ref-palette-green-100);
      --ck-sys-color-on-categorical-2: var(--ck-ref-palette-green-800);
      --ck-sys-color-categorical-3: var(--ck-ref-palette-amber-100);
      --ck-sys-color-on-categorical-3: var(--ck-ref-palette-amber-800);
      --ck-sys-color-categorical-4: var(--ck-ref-palette-red-100);
      --ck-sys-color-on-categorical-4: var(--ck-ref-palette-red-700);
      --ck-sys-color-categorical-5: var(--ck-ref-palette-violet-100);
      --ck-sys-color-on-categorical-5: var(--ck-ref-palette-violet-800);
      --ck-sys-color-categorical-6: var(--ck-ref-palette-teal-100);
      --ck-sys-color-on-categorical-6: var(--ck-ref-palette-teal-800);

      --ck-sys-font-family: var(--ck-ref-typeface-plain);
      --ck-sys-font-size-small: 0.875rem;
      --ck-sys-font-size-body: 1rem;
      --ck-sys-font-size-title: 1.25rem;
      --ck-sys-font-size-headline: 1.5rem;
      --ck-sys-font-weight-regular: 400;
      --ck-sys-font-weight-strong: 600;
      --ck-sys-line-height: 1.5;

      --ck-sys-space-xs: var(--ck-ref-size-1);
      --ck-sys-space-sm: var(--ck-ref-size-2);
      --ck-sys-space-md: var(--ck-ref-size-3);
      --ck-sys-space-lg: var(--ck-ref-size-4);
      --ck-sys-space-xl: var(--ck-ref-size-6);
      --ck-sys-space-2xl: var(--ck-ref-size-8);

      --ck-sys-shape-corner-small: 0.375rem;
      --ck-sys-shape-corner-medium: 0.75rem;
      --ck-sys-shape-corner-full: 999px;
      --ck-sys-elevation-1: 0 1px 2px rgb(15 23 42 / 0.08), 0 1px 3px rgb(15 23 42 / 0.12);
      --ck-sys-elevation-3: 0 10px 30px rgb(15 23 42 / 0.25);
      --ck-sys-focus-ring-width: 3px;
      --ck-sys-target-size: 2.75rem;
      --ck-sys-motion-duration: 150ms;
    }

    [data-ck-theme='dark'] {
      color-scheme: dark;
      --ck-sys-color-primary: var(--ck-ref-palette-blue-300);
      --ck-sys-color-on-primary: var(--ck-ref-palette-neutral-950);
      --ck-sys-color-primary-container: var(--ck-ref-palette-blue-900);
      --ck-sys-color-on-primary-container: var(--ck-ref-palette-blue-200);
      --ck-sys-color-surface: var(--ck-ref-palette-neutral-900);
      --ck-sys-color-surface-container: var(--ck-ref-palette-neutral-800);
      --ck-sys-color-surface-container-high: var(--ck-ref-palette-neutral-700);
      --ck-sys-color-on-surface: var(--ck-ref-palette-neutral-50);
      --ck-sys-color-on-surface-variant: var(--ck-ref-palette-neutral-300);
      --ck-sys-color-outline: var(--ck-ref-palette-neutral-400);
      --ck-sys-color-outline-variant: var(--ck-ref-palette-neutral-600);
      --ck-sys-color-focus-ring: var(--ck-ref-palette-blue-300);
      --ck-sys-color-success-container: var(--ck-ref-palette-green-950);
      --ck-sys-color-on-success-container: var(--ck-ref-palette-green-300);
      --ck-sys-color-warning-container: var(--ck-ref-palette-amber-950);
      --ck-sys-color-on-warning-container: var(--ck-ref-palette-amber-300);
      --ck-sys-color-danger: var(--ck-ref-palette-red-300);
      --ck-sys-color-danger-container: var(--ck-ref-palette-red-950);
      --ck-sys-color-on-danger-container: var(--ck-ref-palette-red-300);
      --ck-sys-color-categorical-1: var(--ck-ref-palette-blue-950);
      --ck-sys-color-on-categorical-1: var(--ck-ref-palette-blue-300);
      --ck-sys-color-categorical-2: var(--ck-ref-palette-green-950);
      --ck-sys-color-on-categorical-2: var(--ck-ref-palette-green-300);
      --ck-sys-color-categorical-3: var(--ck-ref-palette-amber-950);
      --ck-sys-color-on-categorical-3: var(--ck-ref-palette-amber-300);
      --ck-sys-color-categorical-4: var(--ck-ref-palette-red-950);
      --ck-sys-color-on-categorical-4: var(--ck-ref-palette-red-300);
      --ck-sys-color-categorical-5: var(--ck-ref-palette-violet-950);
      --ck-sys-color-on-categorical-5: var(--ck-ref-palette-violet-300);
      --ck-sys-color-categorical-6: var(--ck-ref-palette-teal-950);
      --ck-sys-color-on-categorical-6: var(--ck-ref-palette-teal-300);
      --ck-sys-elevation-1: 0 1px 2px rgb(0 0 0 / 0.5);
      --ck-sys-elevation-3: 0 10px 30px rgb(0 0 0 / 0.6);
    }
  }
`;

const installed = new WeakSet<Document>();

/**
 * Adopts the token sheet into a document once. Constructable stylesheets need no `style-src 'unsafe-inline'`,
 * so this works under a strict CSP.
 */
export function installTokens(doc: Document): void {
  if (installed.has(doc) || !tokenStyles.styleSheet) return;
  installed.add(doc);
  doc.adoptedStyleSheets = [tokenStyles.styleSheet, ...doc.adoptedStyleSheets];
}
