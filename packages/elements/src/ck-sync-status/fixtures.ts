/** Sample data statuses for the sync status' stories and tests. Not exported from the package entry point. */
import type { DataStatuses, PullStatus } from '@consent-kit/contract';

/** A `dataStatus` map: data type -> pull status. */
export function statusesOf(entries: Record<string, PullStatus>): DataStatuses {
  const result: DataStatuses = {};
  let n = 0;
  for (const [dataType, currentStatus] of Object.entries(entries)) {
    n += 1;
    result[dataType] = {
      dataType: dataType as DataStatuses[string]['dataType'],
      currentStatus,
      lastSuccessfulSync: currentStatus === 'Complete' ? '2026-11-22T10:00:00Z' : null,
      latestSyncId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    };
  }
  return result;
}

export const syncingStatuses = statusesOf({
  profitAndLoss: 'Complete',
  balanceSheet: 'Complete',
  invoices: 'Fetching',
  bills: 'Queued',
  customers: 'Queued',
  'banking-accounts': 'Complete',
  'banking-transactions': 'Fetching',
  'banking-accountBalances': 'Queued',
});

export const completeStatuses = statusesOf({
  profitAndLoss: 'Complete',
  balanceSheet: 'Complete',
  invoices: 'Complete',
  'banking-transactions': 'Complete',
});

export const failedStatuses = statusesOf({
  profitAndLoss: 'Complete',
  balanceSheet: 'FetchError',
  invoices: 'Complete',
  'banking-transactions': 'AuthError',
});
