import type { ConsentRecord, DataType, DataTypesBySourceType } from '@consent-kit/contract';

/** `default`: first consent for a product. `additional`: more data for a product, no provider sign-in again. */
export const CONSENT_MODES = ['default', 'additional'] as const;
export type ConsentMode = (typeof CONSENT_MODES)[number];

/** Data types as a product declares them (per source type) or as a flat list. */
export type DataTypeSelection = DataTypesBySourceType | readonly DataType[] | readonly string[];

/** Visible states, for stories and tests. */
export const CONSENT_VIEWS = ['ready', 'loading', 'error', 'submitting', 'submit-error', 'saved'] as const;
export type ConsentView = (typeof CONSENT_VIEWS)[number];

/** Detail of `ck-consent-confirm`. */
export interface ConsentConfirmDetail {
  productIdentifier: string;
  /** Every data type the person agreed to share, per source type (in `additional` mode: already shared + new). */
  dataTypes: DataTypesBySourceType;
  /** In `additional` mode, the data types that are new; otherwise the same as `dataTypes`. */
  newDataTypes: DataTypesBySourceType;
  /** The exact plain text the person saw when they confirmed: keep it with the consent record as evidence. */
  noticeText: string;
  mode: ConsentMode;
}

/** Detail of `ck-consent-decline`. */
export interface ConsentDeclineDetail {
  productIdentifier: string;
  mode: ConsentMode;
}

/** Detail of `ck-consent` (connected mode: the consent was recorded through the client). */
export interface ConsentRecordedDetail {
  consent: ConsentRecord;
  noticeText: string;
}

declare global {
  interface HTMLElementEventMap {
    'ck-consent-confirm': CustomEvent<ConsentConfirmDetail>;
    'ck-consent-decline': CustomEvent<ConsentDeclineDetail>;
    'ck-consent': CustomEvent<ConsentRecordedDetail>;
  }
}
