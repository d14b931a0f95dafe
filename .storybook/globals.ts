/** The toolbar's choices, declared once: the preview, the docs pages and the screenshot script read them. */

export const THEMES = [
  { value: 'light', title: 'Light' },
  { value: 'dark', title: 'Dark' },
  { value: 'brand', title: 'Bring your own brand (Copay green)' },
] as const;
export type Theme = (typeof THEMES)[number]['value'];

export const LOCALES = [
  { value: 'en', title: 'English' },
  { value: 'fr-CA', title: 'Français (Canada)' },
] as const;

/** Viewports for Storybook's viewport toolbar (`globals: { viewport: { value: 'mobile320' } }` in a story). */
export const VIEWPORTS = {
  mobile320: { name: 'Mobile 320 px (reflow)', styles: { width: '320px', height: '640px' }, type: 'mobile' },
  mobile390: { name: 'Mobile 390 px', styles: { width: '390px', height: '844px' }, type: 'mobile' },
  tablet: { name: 'Tablet 768 px', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
  desktop: { name: 'Desktop 1280 px', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
} as const;
