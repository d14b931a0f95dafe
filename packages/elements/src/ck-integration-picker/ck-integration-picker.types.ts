import type { Connection, Integration, JourneySourceType } from '@consent-kit/contract';
import { JOURNEY_SOURCE_TYPES } from '@consent-kit/contract';

/** The source types the picker groups by, in display order. */
export const PICKER_SOURCE_TYPES = JOURNEY_SOURCE_TYPES;
export type PickerSourceType = JourneySourceType;

/** What an option can be: free to pick, already connected (shows its status), or unavailable (with a reason). */
export const OPTION_STATES = ['available', 'connected', 'unavailable'] as const;
export type OptionState = (typeof OPTION_STATES)[number];

/** Why an option is unavailable. */
export const UNAVAILABLE_REASONS = ['one-accounting'] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

/** Views of the picker, for stories and tests. */
export const PICKER_VIEWS = ['list', 'loading', 'empty', 'no-match', 'error', 'not-listed'] as const;
export type PickerView = (typeof PICKER_VIEWS)[number];

/** Detail of `ck-integration-select`. */
export interface IntegrationSelectDetail {
  integration: Integration;
  /** The company's existing connection to this integration, if any (e.g. to reconnect an expired one). */
  connection?: Connection;
}

/** Detail of `ck-integration-not-listed`. */
export interface IntegrationNotListedDetail {
  /** What the person had typed in the search box. */
  search: string;
  /** The source types the picker was showing. */
  sourceTypes: PickerSourceType[];
}

declare global {
  interface HTMLElementEventMap {
    'ck-integration-select': CustomEvent<IntegrationSelectDetail>;
    'ck-integration-not-listed': CustomEvent<IntegrationNotListedDetail>;
  }
}
