import * as z from 'zod/mini';
import { CONSENT_COLLECTION_METHODS, CONSENT_EVENT_TYPES, CONSENT_STATUSES, JOURNEY_SOURCE_TYPES } from './enums.js';
import { DataTypeSchema } from './integration.js';
import { DateTime, HttpUrl, Uuid } from './primitives.js';

/**
 * The consent ledger: consent-kit's extension, not part of Codat's API. The lender keeps it; the mock hosts it
 * under `/products` and `/companies/{id}/consents`. Records follow ISO/IEC TS 27560 (consent record information
 * structure): subject, controller, purposes, data, duration, policy, language, collection method, timestamps.
 */

export const ProductIdentifier = z.string().check(z.regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be a lowercase identifier'));

/** Data types a product needs, per source type it can read from. */
export const DataTypesBySourceType = z.partialRecord(z.enum(JOURNEY_SOURCE_TYPES), z.array(DataTypeSchema));
export type DataTypesBySourceType = z.infer<typeof DataTypesBySourceType>;

/** A product (use case) that asks for consent, e.g. `lending` or `insights`. */
export const Product = z.object({
  identifier: ProductIdentifier,
  name: z.string().check(z.minLength(1)),
  /** Plain-language purpose shown to the person: "to assess your loan application". */
  purpose: z.string().check(z.minLength(1)),
  dataTypes: DataTypesBySourceType,
  /** How long data is kept after consent ends. */
  retention: z.object({ days: z.int().check(z.nonnegative()), description: z.string() }),
  /** How long a consent lasts before it expires. */
  duration: z.object({ days: z.int().check(z.positive()) }),
  policyUrl: HttpUrl,
  termsUrl: z.optional(HttpUrl),
});
export type Product = z.infer<typeof Product>;

export const ConsentStatusSchema = z.enum(CONSENT_STATUSES);

export const ConsentEvent = z.object({
  id: Uuid,
  consentId: Uuid,
  type: z.enum(CONSENT_EVENT_TYPES),
  timestamp: DateTime,
  /** The data types the consent covers after this event. */
  dataTypes: DataTypesBySourceType,
  connectionIds: z.array(Uuid),
  /** What the person saw when they acted, kept as evidence. */
  noticeText: z.optional(z.nullable(z.string())),
  reason: z.optional(z.nullable(z.string())),
});
export type ConsentEvent = z.infer<typeof ConsentEvent>;

export const ConsentRecord = z.object({
  id: Uuid,
  schema: z.literal('ISO/IEC TS 27560:2023'),
  subject: z.object({ companyId: Uuid }),
  controller: z.object({ name: z.string(), policyUrl: HttpUrl }),
  productIdentifier: ProductIdentifier,
  purposes: z.array(z.object({ description: z.string(), legalBasis: z.literal('consent') })),
  dataTypes: DataTypesBySourceType,
  connectionIds: z.array(Uuid),
  duration: z.object({ days: z.int(), expiresAt: DateTime }),
  retention: z.object({ days: z.int(), description: z.string() }),
  policyUrl: HttpUrl,
  language: z.string().check(z.minLength(2), z.maxLength(35)),
  collectionMethod: z.enum(CONSENT_COLLECTION_METHODS),
  /** When consent was first given. */
  timestamp: DateTime,
  /** Derived from the latest event; the record itself is never edited in place. */
  status: ConsentStatusSchema,
  events: z.array(ConsentEvent),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

export const GrantConsentRequest = z.strictObject({
  productIdentifier: ProductIdentifier,
  /** Defaults to everything the product declares. */
  dataTypes: z.optional(DataTypesBySourceType),
  connectionIds: z.array(Uuid),
  language: z._default(z.string().check(z.minLength(2), z.maxLength(35)), 'en'),
  collectionMethod: z._default(z.enum(CONSENT_COLLECTION_METHODS), 'web-form'),
  noticeText: z.optional(z.string().check(z.maxLength(20000))),
});
export type GrantConsentRequest = z.input<typeof GrantConsentRequest>;

/** Additional data types or connections for an existing consent (no provider re-authentication). */
export const AmendConsentRequest = z.strictObject({
  dataTypes: z.optional(DataTypesBySourceType),
  connectionIds: z.optional(z.array(Uuid)),
  noticeText: z.optional(z.string().check(z.maxLength(20000))),
});
export type AmendConsentRequest = z.infer<typeof AmendConsentRequest>;

export const WithdrawConsentRequest = z.strictObject({
  reason: z.optional(z.string().check(z.maxLength(1000))),
});
export type WithdrawConsentRequest = z.infer<typeof WithdrawConsentRequest>;
