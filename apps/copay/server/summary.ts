import { FINISHED_PULL_STATUSES, type DataRecord, type DataType } from '@consent-kit/contract';
import { LENDING_PRODUCT } from '../shared/options.js';
import type { FinancialSummary } from '../shared/types.js';
import type { CodatGateway } from './codat.js';

/** The data types the summary reads (all declared by the `lending` product, so its consent covers them). */
export const SUMMARY_DATA_TYPES = [
  'profitAndLoss',
  'balanceSheet',
  'invoices',
  'banking-accounts',
  'banking-accountBalances',
  'banking-transactions',
] as const satisfies readonly DataType[];

/** The data is still being synced: the summary would be incomplete. */
export class SummaryNotReadyError extends Error {
  constructor(readonly pending: string[]) {
    super('Your data is still syncing. Wait until every item shows as complete, then submit again.');
    this.name = 'SummaryNotReadyError';
  }
}

const num = (value: unknown): number | null => {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  return Number.isFinite(n) ? n : null;
};
const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
const sum = (values: (number | null)[]) => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
};

/**
 * Computes the figures Copay's underwriters see, from the records of one company, read under its lending consent.
 * Pure: the reading is done by `computeSummary`.
 */
export function summarise(
  records: Partial<Record<(typeof SUMMARY_DATA_TYPES)[number], DataRecord[]>>,
  now = new Date(),
): FinancialSummary {
  const pnl = records.profitAndLoss ?? [];
  const revenue = sum(pnl.map((r) => num(r.revenue)));
  const netProfit = sum(pnl.map((r) => num(r.netProfit)));
  const starts = pnl
    .map((r) => str(r.fromDate))
    .filter((d): d is string => d !== null)
    .sort();
  const ends = pnl
    .map((r) => str(r.toDate))
    .filter((d): d is string => d !== null)
    .sort();

  // The latest balance sheet of each source (connection), added up.
  const sheets = [...(records.balanceSheet ?? [])].sort((a, b) =>
    String(b.date ?? '').localeCompare(String(a.date ?? '')),
  );
  const latest = sheets[0];
  const latestDate = latest ? String(latest.date ?? '') : '';
  const current = sheets.filter((s) => String(s.date ?? '') === latestDate);
  const totalAssets = current.length ? sum(current.map((s) => num(s.assets))) : null;
  const totalLiabilities = current.length ? sum(current.map((s) => num(s.liabilities))) : null;
  const netAssets = current.length
    ? (sum(current.map((s) => num(s.netAssets))) ??
      (totalAssets !== null && totalLiabilities !== null ? totalAssets - totalLiabilities : null))
    : null;

  const receivable = (records.invoices ?? []).filter((i) => i.status !== 'Void' && i.status !== 'Paid');
  const outstandingReceivables = records.invoices
    ? (sum(receivable.map((i) => num(i.amountDue))) ?? 0)
    : null;

  const balances = records['banking-accountBalances'] ?? [];
  const cashBalance = balances.length
    ? sum(
        balances.map((b) => {
          const balance = b.balance as Record<string, unknown> | number | undefined;
          return typeof balance === 'object' && balance !== null
            ? (num(balance.current) ?? num(balance.available))
            : num(balance);
        }),
      )
    : null;

  const transactions = records['banking-transactions'] ?? [];
  const months = new Set(
    transactions.map((t) => String(t.postedDate ?? t.date ?? '').slice(0, 7)).filter(Boolean),
  );
  const amounts = transactions.map((t) => num(t.amount)).filter((a): a is number => a !== null);
  const inflow = amounts.filter((a) => a > 0).reduce((a, b) => a + b, 0);
  const outflow = amounts.filter((a) => a < 0).reduce((a, b) => a - b, 0);

  const currency =
    [pnl[0], latest, balances[0], transactions[0]]
      .map((r) => str(r?.currency))
      .find((c): c is string => c !== null) ?? 'GBP';
  return {
    currency,
    revenue: round(revenue),
    netProfit: round(netProfit),
    netMargin: revenue && netProfit !== null ? Math.round((netProfit / revenue) * 1000) / 1000 : null,
    cashBalance: round(cashBalance),
    totalAssets: round(totalAssets),
    totalLiabilities: round(totalLiabilities),
    netAssets: round(netAssets),
    outstandingReceivables: round(outstandingReceivables),
    bankAccounts: (records['banking-accounts'] ?? []).length,
    averageMonthlyInflow: months.size ? round(inflow / months.size) : null,
    averageMonthlyOutflow: months.size ? round(outflow / months.size) : null,
    periodStart: starts[0] ?? null,
    periodEnd: ends[ends.length - 1] ?? null,
    sources: SUMMARY_DATA_TYPES.filter((t) => (records[t]?.length ?? 0) > 0),
    computedAt: now.toISOString(),
  };
}

/**
 * Reads the synced data under the lending consent and summarises it. Throws `SummaryNotReadyError` while any of
 * the data types is still syncing; a data type that is not available (e.g. the platform does not provide it, or
 * its sync failed) is left out of the summary.
 */
export async function computeSummary(gateway: CodatGateway, companyId: string): Promise<FinancialSummary> {
  const statuses = await gateway.dataStatus(companyId);
  const finished = new Set<string>(FINISHED_PULL_STATUSES);
  const pending = SUMMARY_DATA_TYPES.filter((t) => statuses[t] && !finished.has(statuses[t].currentStatus));
  if (pending.length) throw new SummaryNotReadyError(pending);
  const readable = SUMMARY_DATA_TYPES.filter(
    (t) => statuses[t]?.currentStatus === 'Complete' || statuses[t]?.lastSuccessfulSync,
  );
  const entries = await Promise.all(
    readable.map(
      async (dataType) => [dataType, await gateway.readData(companyId, dataType, LENDING_PRODUCT)] as const,
    ),
  );
  return summarise(Object.fromEntries(entries));
}
