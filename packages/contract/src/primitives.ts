import * as z from 'zod/mini';

/**
 * ISO 8601 date-time: UTC (`Z`), a numeric offset, or unqualified local time (`2021-11-15T01:00:00`), which Codat's
 * spec says clients must accept for platforms that give no time zone. Our own servers always send `Z`.
 */
export const DateTime = z.iso.datetime({ offset: true, local: true });
export const Uuid = z.uuid();

/**
 * An absolute http(s) URL. Logos and redirect targets are limited to these schemes so that `javascript:` or
 * `data:` URLs can never reach an `<img src>` or a `location` assignment.
 */
export const HttpUrl = z.url({ protocol: /^https?$/ });

/** Integration platform key: four lowercase letters (e.g. `gbol`). */
export const PlatformKey = z.string().check(z.regex(/^[a-z]{4}$/, 'must be four lowercase letters'));

/** A company's tags: at most 10, keys 1-27 characters, values at most 100 characters. */
export const Tags = z
  .record(z.string().check(z.minLength(1), z.maxLength(27)), z.string().check(z.maxLength(100)))
  .check(
    z.refine((tags) => Object.keys(tags).length <= 10, {
      message: 'must have at most 10 tags',
      abort: true,
    }),
  );
