import * as z from 'zod/mini';
import { CONNECTION_STATUSES } from './enums.js';
import { SourceTypeSchema } from './integration.js';
import { DateTime, HttpUrl, PlatformKey, Tags, Uuid } from './primitives.js';

export const ConnectionStatusSchema = z.enum(CONNECTION_STATUSES);

export const DataConnectionError = z.object({
  statusCode: z.optional(z.string()),
  statusText: z.optional(z.string()),
  errorMessage: z.optional(z.string()),
  erroredOnUtc: z.optional(DateTime),
  status: z.optional(z.nullable(z.enum(['Active', 'Resolved']))),
  resolvedOnUtc: z.optional(z.nullable(DateTime)),
});

export const Connection = z.object({
  id: Uuid,
  integrationId: Uuid,
  integrationKey: z.optional(PlatformKey),
  sourceId: Uuid,
  sourceType: SourceTypeSchema,
  platformName: z.string(),
  linkUrl: HttpUrl,
  status: ConnectionStatusSchema,
  lastSync: z.optional(z.nullable(DateTime)),
  created: DateTime,
  dataConnectionErrors: z.optional(z.nullable(z.array(DataConnectionError))),
  connectionInfo: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
});
export type Connection = z.infer<typeof Connection>;

/** Codat's company name rule (letters, digits, spaces and `-',&@.?!`). */
const CompanyName = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(200),
    z.regex(/^[A-Za-z0-9\s\-',&@.?!]+$/, "may only contain letters, digits, spaces and -',&@.?!"),
  );

export const CompanyReference = z.object({
  id: Uuid,
  name: z.string(),
  links: z.optional(z.object({ portal: z.optional(HttpUrl) })),
  tags: z.optional(Tags),
});

export const CompanyDetails = z.object({
  id: Uuid,
  name: z.string(),
  description: z.optional(z.nullable(z.string())),
  redirect: HttpUrl,
  lastSync: z.optional(z.nullable(DateTime)),
  created: z.optional(DateTime),
  createdByUserName: z.optional(z.nullable(z.string())),
  products: z.optional(z.array(z.string())),
  tags: z.optional(Tags),
  referenceParentCompany: z.optional(z.nullable(CompanyReference)),
  referenceSubsidiaryCompanies: z.optional(z.array(CompanyReference)),
});
export type CompanyDetails = z.infer<typeof CompanyDetails>;

export const Company = z.extend(CompanyDetails, { dataConnections: z.optional(z.array(Connection)) });
export type Company = z.infer<typeof Company>;

export const CreateCompanyRequest = z.strictObject({
  name: CompanyName,
  description: z.optional(z.string().check(z.maxLength(1000))),
  tags: z.optional(Tags),
});
export type CreateCompanyRequest = z.infer<typeof CreateCompanyRequest>;

/** `PUT` replaces, `PATCH` merges: both take the same fields. */
export const UpdateCompanyRequest = CreateCompanyRequest;
export const PatchCompanyRequest = z.partial(CreateCompanyRequest);
export type UpdateCompanyRequest = z.infer<typeof UpdateCompanyRequest>;
export type PatchCompanyRequest = z.infer<typeof PatchCompanyRequest>;

export const CreateConnectionRequest = z.strictObject({ platformKey: PlatformKey });
export type CreateConnectionRequest = z.infer<typeof CreateConnectionRequest>;

/** Only `Unlinked` can be set by a client; the other statuses are the platform's to give. */
export const UpdateConnectionStatusRequest = z.strictObject({ status: z.literal('Unlinked') });
export type UpdateConnectionStatusRequest = z.infer<typeof UpdateConnectionStatusRequest>;

/** Body of `PUT .../connections/{id}/authorization`: provider-specific credentials, opaque to us. */
export const UpdateConnectionAuthorizationRequest = z.record(z.string(), z.unknown());

/**
 * A convention of consent-kit's apps, not of the API: the tag that carries a business's name key, so a lender's
 * other products find the same company even when it is named otherwise (Copay names companies by merchant id).
 * Look a business up with `GET /companies?tags=businessName=<key>`.
 */
export const BUSINESS_NAME_TAG = 'businessName';

/** The key a business name is matched by: case and runs of whitespace ignored, cut to a tag value's 100 characters. */
export function businessNameKey(businessName: string): string {
  return businessName.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, 100);
}
