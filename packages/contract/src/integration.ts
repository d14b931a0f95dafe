import * as z from 'zod/mini';
import { DATA_TYPES, FEATURE_STATES, FEATURE_TYPES, SOURCE_TYPES } from './enums.js';
import { HttpUrl, PlatformKey, Uuid } from './primitives.js';

export const SourceTypeSchema = z.enum(SOURCE_TYPES);
export const DataTypeSchema = z.enum(DATA_TYPES);

export const DataTypeFeature = z.object({
  dataType: DataTypeSchema,
  supportedFeatures: z.array(z.object({ featureType: z.enum(FEATURE_TYPES), featureState: z.enum(FEATURE_STATES) })),
});

export const Integration = z.object({
  key: PlatformKey,
  name: z.string().check(z.minLength(1)),
  logoUrl: HttpUrl,
  enabled: z.boolean(),
  sourceId: z.optional(Uuid),
  sourceType: z.optional(SourceTypeSchema),
  integrationId: z.optional(Uuid),
  isOfflineConnector: z.optional(z.boolean()),
  isBeta: z.optional(z.boolean()),
  dataProvidedBy: z.optional(z.string()),
  datatypeFeatures: z.optional(z.array(DataTypeFeature)),
});
export type Integration = z.infer<typeof Integration>;

const BrandingImage = z.object({ image: z.object({ src: HttpUrl, alt: z.string() }) });

export const Branding = z.object({
  logo: z.object({ full: BrandingImage, square: BrandingImage }),
  button: z.object({ default: BrandingImage, hover: BrandingImage }),
  sourceId: Uuid,
});
export type Branding = z.infer<typeof Branding>;
