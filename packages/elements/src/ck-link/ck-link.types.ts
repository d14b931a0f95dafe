import type {
  Connection,
  ConsentRecord,
  DataType,
  Integration,
  JourneySourceType,
  LinkResult,
  ProviderErrorCode,
} from '@consent-kit/contract';

/** The steps of the journey, in the order a person meets them. */
export const LINK_STEPS = ['landing', 'picker', 'consent', 'handoff', 'syncing', 'success', 'error'] as const;
export type LinkStep = (typeof LINK_STEPS)[number];

/** Keys of the `sourceTypes` option, as in Codat's Link SDK. Their order in the option is the order of the steps. */
export const LINK_SOURCE_TYPE_KEYS = ['accounting', 'banking', 'commerce'] as const;
export type LinkSourceTypeKey = (typeof LINK_SOURCE_TYPE_KEYS)[number];

/** The wire source type (`Integration.sourceType`) of each `sourceTypes` key. */
export const SOURCE_TYPE_OF_KEY = {
  accounting: 'Accounting',
  banking: 'Banking',
  commerce: 'Commerce',
} as const satisfies Record<LinkSourceTypeKey, JourneySourceType>;

/** Options for one source type (Codat Link SDK `options.sourceTypes.<key>`). */
export interface LinkSourceTypeOptions {
  /** The person may skip this source type. */
  optional?: boolean;
  /** Platform keys to offer (Codat's name). */
  enableIntegrations?: string[];
  /** Platform keys to offer (alias of `enableIntegrations`; both given = the intersection). */
  allowedIntegrations?: string[];
  /** The data types asked for from this source type; defaults to what the product declares. */
  dataTypes?: DataType[];
}

/** `sourceTypes` option: the order of the keys is the order of the steps. */
export type LinkSourceTypes = Partial<Record<LinkSourceTypeKey, LinkSourceTypeOptions>>;

/** How the provider sign-in page is opened. */
export const LINK_HANDOFF_MODES = ['popup', 'redirect'] as const;
export type LinkHandoffMode = (typeof LINK_HANDOFF_MODES)[number];

/**
 * `journey`: connect platforms and grant consent. `additional-consent`: the company already shared its platforms
 * with another product; the person confirms only what is new for this product, without signing in again.
 */
export const LINK_MODES = ['journey', 'additional-consent'] as const;
export type LinkMode = (typeof LINK_MODES)[number];

/**
 * Texts that can be overridden through the `text` property. Values may use `{companyName}` (the business sharing
 * its data), `{platformName}` (the chosen platform) and `{clientName}` (who is asking). Overrides are plain text,
 * never markup.
 */
export const LINK_TEXT_KEYS = [
  'landing.title',
  'landing.subtitle',
  'landing.start',
  'accounting.list.title',
  'banking.list.title',
  'commerce.list.title',
  'picker.skip',
  'consent.title',
  'additionalConsent.title',
  'handoff.title',
  'handoff.body',
  'syncing.title',
  'success.title',
  'success.body',
  'finish.title',
  'error.title',
  'exit.title',
  'exit.body',
] as const;
export type LinkTextKey = (typeof LINK_TEXT_KEYS)[number];
export type LinkText = Partial<Record<LinkTextKey, string>>;

/**
 * Error codes of the journey itself (next to the provider's codes of `PROVIDER_ERRORS`): the API refused or failed,
 * the popup was blocked or closed, the person declined the consent.
 */
export const LINK_ERROR_CODES = [
  'connection_failed',
  'consent_failed',
  'consent_declined',
  'popup_blocked',
  'popup_closed',
  'load_failed',
] as const;
export type LinkErrorCode = (typeof LINK_ERROR_CODES)[number];

/** What went wrong, as the journey keeps and reports it. */
export interface LinkError {
  /** A provider code (`PROVIDER_ERRORS`), a journey code (`LINK_ERROR_CODES`) or an unknown provider's own code. */
  code: ProviderErrorCode | LinkErrorCode | (string & {});
  /** Codat `statusCode` of the redirect, or the HTTP status of a failed API call. */
  statusCode?: number;
  /** The provider's or the API's own description (developer-facing; the element shows its localised message). */
  description?: string;
  connectionId?: string | null;
  correlationId?: string;
  /** Can the person fix it by trying again or choosing another platform? */
  userRecoverable: boolean;
}

export interface LinkConnectionStartedDetail {
  integration: Integration;
  connectionId: string;
  connection: Connection;
}
export interface LinkConnectionDetail {
  connection: Connection;
}
export interface LinkConsentDetail {
  consent: ConsentRecord;
  /** The text the person saw when they agreed, as stored with the consent. */
  noticeText: string;
}
export interface LinkFinishDetail {
  /** The connections made (or, in additional-consent mode, shared) during this journey. */
  connections: Connection[];
  consent: ConsentRecord | null;
}
export interface LinkCloseDetail {
  /** The step the person left from. */
  step: LinkStep;
  /** True when they left before finishing. */
  incomplete: boolean;
}
export interface LinkErrorDetail {
  error: LinkError;
  /** The localised message shown to the person. */
  message: string;
  userRecoverable: boolean;
}

/** A `LinkResult` (from `parseLinkResult`) handed to `redirectResult`. */
export type LinkRedirectResult = LinkResult;

declare global {
  interface HTMLElementEventMap {
    'ck-connection-started': CustomEvent<LinkConnectionStartedDetail>;
    'ck-connection': CustomEvent<LinkConnectionDetail>;
    'ck-consent': CustomEvent<LinkConsentDetail>;
    'ck-finish': CustomEvent<LinkFinishDetail>;
    'ck-close': CustomEvent<LinkCloseDetail>;
    'ck-error': CustomEvent<LinkErrorDetail>;
  }
}
