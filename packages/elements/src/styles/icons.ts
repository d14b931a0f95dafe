import { svg, type SVGTemplateResult } from 'lit';

/**
 * Static 24x24 stroke icons (no external sprite, no `unsafeSVG`): they inherit `currentColor` and are hidden from
 * assistive technology; the text next to them carries the meaning.
 *
 * One function per icon (not one object of all of them), so a bundle keeps only the icons its elements draw:
 * a module-level `svg` template is a call esbuild cannot drop, an unused function is.
 */
export type IconPath = () => SVGTemplateResult;

export const checkIcon: IconPath = () => svg`<path d="M5 12.5l4.5 4.5L19 7.5" />`;
export const clockIcon: IconPath = () => svg`<circle cx="12" cy="12" r="8.5" /><path d="M12 7.5V12l3 2" />`;
export const syncIcon: IconPath = () =>
  svg`<path d="M19.5 12a7.5 7.5 0 0 1-13 5.1M4.5 12a7.5 7.5 0 0 1 13-5.1" /><path d="M17.5 3.5v3.5H14M6.5 20.5V17H10" />`;
export const alertIcon: IconPath = () => svg`<path d="M12 3.5l9 16H3z" /><path d="M12 10v4.5M12 17.2v.3" />`;
export const crossIcon: IconPath = () => svg`<circle cx="12" cy="12" r="8.5" /><path d="M9 9l6 6M15 9l-6 6" />`;
export const pauseIcon: IconPath = () => svg`<circle cx="12" cy="12" r="8.5" /><path d="M10 9v6M14 9v6" />`;
export const minusIcon: IconPath = () => svg`<circle cx="12" cy="12" r="8.5" /><path d="M8 12h8" />`;
export const closeIcon: IconPath = () => svg`<path d="M6 6l12 12M18 6L6 18" />`;
export const searchIcon: IconPath = () => svg`<circle cx="10.5" cy="10.5" r="6" /><path d="M15 15l5 5" />`;
export const infoIcon: IconPath = () => svg`<circle cx="12" cy="12" r="8.5" /><path d="M12 11v5.5M12 7.8v.3" />`;
export const lockIcon: IconPath = () =>
  svg`<rect x="5" y="10.5" width="14" height="10" rx="2" /><path d="M8 10.5V8a4 4 0 0 1 8 0v2.5" />`;
export const chevronIcon: IconPath = () => svg`<path d="M9 6l6 6-6 6" />`;
export const plusIcon: IconPath = () => svg`<path d="M12 5v14M5 12h14" />`;
export const externalIcon: IconPath = () =>
  svg`<path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />`;

/** An icon as an inline SVG template, `aria-hidden`. */
export function icon(path: IconPath, className = 'icon'): SVGTemplateResult {
  return svg`<svg class=${className} part="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${path()}</svg>`;
}
