/**
 * Every enumerated wire value, declared once as an `as const` list. The lists drive the TypeScript types, the zod
 * enums, Storybook controls and test loops, so a value added here reaches all of them.
 */

/** Kinds of financial platform (`Integration.sourceType`). The journey offers the first three. */
export const SOURCE_TYPES = ['Accounting', 'Banking', 'BankFeed', 'Commerce', 'Expense', 'Other', 'Unknown'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** The source types a person can connect in the consent journey. */
export const JOURNEY_SOURCE_TYPES = ['Accounting', 'Banking', 'Commerce'] as const satisfies readonly SourceType[];
export type JourneySourceType = (typeof JOURNEY_SOURCE_TYPES)[number];

export const CONNECTION_STATUSES = ['PendingAuth', 'Linked', 'Unlinked', 'Deauthorized'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const PULL_STATUSES = [
  'Initial',
  'Queued',
  'Fetching',
  'MapQueued',
  'Mapping',
  'Complete',
  'FetchError',
  'MapError',
  'InternalError',
  'ProcessingQueued',
  'Processing',
  'ProcessingError',
  'ValidationQueued',
  'Validating',
  'ValidationError',
  'AuthError',
  'Cancelled',
  'NotSupported',
  'RateLimitError',
  'PermissionsError',
  'PrerequisiteNotMet',
] as const;
export type PullStatus = (typeof PULL_STATUSES)[number];

/** Pull statuses after which nothing more happens to an operation. */
export const FINISHED_PULL_STATUSES = [
  'Complete',
  'FetchError',
  'MapError',
  'InternalError',
  'ProcessingError',
  'ValidationError',
  'AuthError',
  'Cancelled',
  'NotSupported',
  'RateLimitError',
  'PermissionsError',
  'PrerequisiteNotMet',
] as const satisfies readonly PullStatus[];

export const ACCOUNTING_DATA_TYPES = [
  'accountTransactions',
  'balanceSheet',
  'bankAccounts',
  'bankTransactions',
  'billCreditNotes',
  'billPayments',
  'bills',
  'cashFlowStatement',
  'chartOfAccounts',
  'company',
  'creditNotes',
  'customers',
  'directCosts',
  'directIncomes',
  'invoices',
  'itemReceipts',
  'items',
  'journalEntries',
  'journals',
  'paymentMethods',
  'payments',
  'profitAndLoss',
  'purchaseOrders',
  'salesOrders',
  'suppliers',
  'taxRates',
  'trackingCategories',
  'transfers',
] as const;
export const BANKING_DATA_TYPES = [
  'banking-accountBalances',
  'banking-accounts',
  'banking-transactionCategories',
  'banking-transactions',
] as const;
export const COMMERCE_DATA_TYPES = [
  'commerce-companyInfo',
  'commerce-customers',
  'commerce-disputes',
  'commerce-locations',
  'commerce-orders',
  'commerce-paymentMethods',
  'commerce-payments',
  'commerce-productCategories',
  'commerce-products',
  'commerce-taxComponents',
  'commerce-transactions',
] as const;
export const DATA_TYPES = [...ACCOUNTING_DATA_TYPES, ...BANKING_DATA_TYPES, ...COMMERCE_DATA_TYPES] as const;
export type DataType = (typeof DATA_TYPES)[number];

/** Which data types a source type can provide. */
export const DATA_TYPES_BY_SOURCE_TYPE = {
  Accounting: ACCOUNTING_DATA_TYPES,
  Banking: BANKING_DATA_TYPES,
  Commerce: COMMERCE_DATA_TYPES,
} as const satisfies Record<JourneySourceType, readonly DataType[]>;

export const FEATURE_STATES = ['Release', 'Alpha', 'Beta', 'Deprecated', 'NotSupported', 'NotImplemented'] as const;
export type FeatureState = (typeof FEATURE_STATES)[number];

export const FEATURE_TYPES = [
  'Get',
  'Post',
  'Categorization',
  'Delete',
  'Put',
  'GetAsPdf',
  'DownloadAttachment',
  'GetAttachment',
  'GetAttachments',
  'UploadAttachment',
] as const;
export type FeatureType = (typeof FEATURE_TYPES)[number];

export const WEBHOOK_EVENT_TYPES = [
  'company.created',
  'company.deleted',
  'connection.created',
  'connection.connected',
  'connection.disconnected',
  'connection.reconnected',
  'connection.failed',
  'connection.deleted',
  'read.completed',
  'read.completed.initial',
  // consent-kit extension: the consent ledger is not part of Codat's API
  'consent.given',
  'consent.amended',
  'consent.withdrawn',
  'consent.expired',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Append-only events of the consent ledger. */
export const CONSENT_EVENT_TYPES = ['given', 'amended', 'withdrawn', 'expired'] as const;
export type ConsentEventType = (typeof CONSENT_EVENT_TYPES)[number];

/** Status of a consent record, derived from its latest event. */
export const CONSENT_STATUSES = ['Active', 'Withdrawn', 'Expired'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** How a consent was collected (ISO/IEC TS 27560 `collection method`). */
export const CONSENT_COLLECTION_METHODS = ['web-form', 'additional-consent', 'api'] as const;
export type ConsentCollectionMethod = (typeof CONSENT_COLLECTION_METHODS)[number];
