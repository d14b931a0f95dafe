import type { Decorator, Loader, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from 'virtual:consent-kit/custom-elements';
import { installTokens } from '../packages/elements/src/styles/tokens.js';
import { resolveLocale, setLocale } from '../packages/elements/src/localization/locale.js';
import { THEMES, LOCALES, VIEWPORTS, type Theme } from './globals.js';
import './preview.css';

// Register every element folder (each `src/ck-*/index.ts` calls `defineElement`). A glob rather than the package
// entry keeps Storybook working while elements are added, and never lets a bundler drop a registration.
import.meta.glob('../packages/elements/src/ck-*/index.ts', { eager: true });

// Controls, args tables and the docs of properties, events, slots, parts and CSS properties.
setCustomElementsManifest(manifest);

// Token pages render before any ck-* element has installed the tokens.
installTokens(document);

/**
 * On a docs page every story renders at once, and an element that moves focus to its heading when its step changes
 * (ck-link returning from a redirect with an error) would scroll the page to whichever story rendered last. There,
 * and only there, focus never scrolls; the single-story view keeps the elements' real behaviour.
 */
let viewMode: string | undefined;
const focusElement = HTMLElement.prototype.focus;
HTMLElement.prototype.focus = function focus(this: HTMLElement, options?: FocusOptions) {
  focusElement.call(this, viewMode === 'docs' ? { ...options, preventScroll: true } : options);
};

/**
 * Theme and locale come from the toolbar (globals). Every story is wrapped in an element carrying
 * `data-ck-theme`, the brand class and `lang`; in the single-story view the document itself follows too, so the
 * whole canvas (and a popup or dialog in the top layer) matches.
 */
const withThemeAndLocale: Decorator = (story, context) => {
  const theme = (context.globals.theme ?? 'light') as Theme;
  const locale = resolveLocale(context.globals.locale as string | undefined);
  const mode = theme === 'dark' ? 'dark' : 'light';
  viewMode = context.viewMode;
  if (context.viewMode === 'story') {
    document.documentElement.setAttribute('data-ck-theme', mode);
    document.documentElement.classList.toggle('ck-sb-brand-copay', theme === 'brand');
  }
  document.documentElement.lang = locale;
  return html`<div
    class="ck-sb-root ${theme === 'brand' ? 'ck-sb-brand-copay' : ''}"
    data-ck-theme=${mode}
    lang=${locale}
  >
    ${story()}
  </div>`;
};

/** Loads the locale's translations before the story renders (@lit/localize runtime mode). */
const localeLoader: Loader = async (context) => {
  const locale = resolveLocale(context.globals.locale as string | undefined);
  try {
    await setLocale(locale);
  } catch (error) {
    console.warn(`[storybook] could not load locale ${locale}; showing the source strings`, error);
  }
  return {};
};

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Colour theme of the consent-kit tokens',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: THEMES.map(({ value, title }) => ({ value, title })),
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale of the elements (@lit/localize) and `lang` of the page',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: LOCALES.map(({ value, title }) => ({ value, title, right: value })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  decorators: [withThemeAndLocale],
  loaders: [localeLoader],
  parameters: {
    layout: 'padded',
    // Storybook's own viewport toolbar, with our breakpoints: 320 px is the WCAG 1.4.10 reflow width.
    viewport: { options: VIEWPORTS },
    // The token wrapper paints the background; Storybook's backgrounds would fight the dark theme.
    backgrounds: { disable: true },
    controls: { expanded: true, sort: 'requiredFirst' },
    // Accessibility violations fail the story tests (addon-vitest) and show as errors in the a11y panel.
    a11y: { test: 'error' },
    docs: { toc: true },
  },
};

export default preview;
