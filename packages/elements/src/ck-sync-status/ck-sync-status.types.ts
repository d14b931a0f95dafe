import { FINISHED_PULL_STATUSES, PULL_STATUSES, type DataStatuses, type PullStatus } from '@consent-kit/contract';

/** Pull statuses still in progress (not in FINISHED_PULL_STATUSES). */
export const IN_PROGRESS_PULL_STATUSES = PULL_STATUSES.filter(
  (status) => !(FINISHED_PULL_STATUSES as readonly string[]).includes(status),
) as PullStatus[];

/** Finished pull statuses that are failures (everything finished but Complete). */
export const FAILED_PULL_STATUSES = FINISHED_PULL_STATUSES.filter((status) => status !== 'Complete') as PullStatus[];

/** Overall phases, for stories and tests. */
export const SYNC_PHASES = ['waiting', 'syncing', 'complete', 'complete-with-errors'] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

/** Detail of `ck-sync-complete`. */
export interface SyncCompleteDetail {
  statuses: DataStatuses;
  /** Data types that finished with an error. */
  failedDataTypes: string[];
}

/** Detail of `ck-sync-error`: data types failed, or (connected mode) the status could not be read. */
export interface SyncErrorDetail {
  statuses: DataStatuses | undefined;
  failedDataTypes: string[];
  /** The API error when reading the status failed. */
  error?: unknown;
}

declare global {
  interface HTMLElementEventMap {
    'ck-sync-complete': CustomEvent<SyncCompleteDetail>;
    'ck-sync-error': CustomEvent<SyncErrorDetail>;
  }
}
