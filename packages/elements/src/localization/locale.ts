import { configureLocalization, type LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';

export type Locale = typeof sourceLocale | (typeof targetLocales)[number];

/**
 * The strings of each target locale, each its own `import()` (fetched only when that locale is active). Listed by
 * hand rather than as one `import(\`./generated/${locale}.ts\`)`: the bundler's lookup helper for such a pattern
 * would be in every page's first load. A locale added to lit-localize.json fails to compile until it is listed here.
 */
const LOCALE_MODULES: Record<(typeof targetLocales)[number], () => Promise<LocaleModule>> = {
  'fr-CA': () => import('./generated/fr-CA.js'),
};

/** Runtime localisation: one active locale per page, loaded on demand. */
export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => LOCALE_MODULES[locale as (typeof targetLocales)[number]](),
});

/** Best supported locale for a BCP 47 tag: `fr`, `fr-FR` and `fr-CA` -> `fr-CA`; anything else -> `en`. */
export function resolveLocale(lang: string | null | undefined): Locale {
  const tag = (lang ?? '').toLowerCase();
  const exact = targetLocales.find((locale) => locale.toLowerCase() === tag);
  if (exact) return exact;
  const language = tag.split('-')[0];
  return targetLocales.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? sourceLocale;
}
