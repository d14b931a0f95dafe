import * as z from 'zod/mini';
import { HttpUrl } from './primitives.js';

export const AccessToken = z.object({
  accessToken: z.string().check(z.minLength(1)),
  expiresIn: z.int().check(z.positive()),
  tokenType: z.literal('Bearer'),
});
export type AccessToken = z.infer<typeof AccessToken>;

export const Profile = z.object({
  name: z.string(),
  logoUrl: z.optional(HttpUrl),
  iconUrl: z.optional(HttpUrl),
  redirectUrl: HttpUrl,
  /** Allowed redirect targets: a redirect must equal one of these exactly (scheme, host, port, path). */
  whiteListUrls: z.array(HttpUrl),
});
export type Profile = z.infer<typeof Profile>;

/** An origin is scheme + host + optional port, with no path: `https://app.example.com`. */
const Origin = z.string().check(z.regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'must be an origin like https://app.example.com'));

export const CorsSettings = z.strictObject({ allowedOrigins: z.array(Origin).check(z.maxLength(100)) });
export type CorsSettings = z.infer<typeof CorsSettings>;
