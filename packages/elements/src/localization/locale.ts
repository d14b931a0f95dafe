import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';

export type Locale = typeof sourceLocale | (typeof targetLocales)[number];

/** Runtime localisation: one active locale per page, loaded on demand. */
export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => import(`./generated/${locale}.ts`),
});

/** Best supported locale for a BCP 47 tag: `fr`, `fr-FR` and `fr-CA` -> `fr-CA`; anything else -> `en`. */
export function resolveLocale(lang: string | null | undefined): Locale {
  const tag = (lang ?? '').toLowerCase();
  const exact = targetLocales.find((locale) => locale.toLowerCase() === tag);
  if (exact) return exact;
  const language = tag.split('-')[0];
  return targetLocales.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? sourceLocale;
}
