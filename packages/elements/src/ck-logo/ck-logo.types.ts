/** Logo sizes: small 24 px (lists), medium 40 px (picker rows, cards), large 56 px (headers). */
export const LOGO_SIZES = ['small', 'medium', 'large'] as const;
export type LogoSize = (typeof LOGO_SIZES)[number];

/** Number of categorical colour pairs monograms are drawn from (`--ck-sys-color-categorical-1..6`). */
export const MONOGRAM_TONES = [1, 2, 3, 4, 5, 6] as const;
export type MonogramTone = (typeof MONOGRAM_TONES)[number];
