/**
 * The dashboard's figures, computed from the records Insights reads (`GET /companies/{id}/data/{dataType}
 * ?product=insights`). The contract types a record only as `DataRecord` (its shape depends on the data type), so
 * every field is read defensively: a record missing a field is skipped, never a crash or a NaN on screen.
 */
import type { DataRecord } from '@consent-kit/contract';

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export interface MonthFigure {
  /** `YYYY-MM` (UTC). */
  month: string;
  revenue: number;
  netProfit: number;
  currency: string;
}

/** `2026-03` from an ISO date. */
export function monthKey(isoDate: string): string | undefined {
  const match = /^(\d{4})-(\d{2})/.exec(isoDate);
  return match ? `${match[1]}-${match[2]}` : undefined;
}

/** Monthly revenue and net profit, oldest first, the last `months` months that have figures. */
export function revenueTrend(profitAndLoss: readonly DataRecord[], months = 12): MonthFigure[] {
  const byMonth = new Map<string, MonthFigure>();
  for (const record of profitAndLoss) {
    const from = str(record.fromDate);
    const revenue = num(record.revenue);
    const month = from ? monthKey(from) : undefined;
    if (!month || revenue === undefined) continue;
    const current = byMonth.get(month) ?? {
      month,
      revenue: 0,
      netProfit: 0,
      currency: str(record.currency) ?? 'GBP',
    };
    current.revenue = round2(current.revenue + revenue);
    current.netProfit = round2(current.netProfit + (num(record.netProfit) ?? 0));
    byMonth.set(month, current);
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)).slice(-months);
}

export interface TrendSummary {
  latest: MonthFigure;
  previous?: MonthFigure;
  /** Change of revenue against the previous month, as a fraction (0.05 = +5 %); undefined without a previous month. */
  change?: number;
  /** Revenue over the months given. */
  total: number;
  /** Net profit / revenue over the months given. */
  netMargin?: number;
}

export function summariseTrend(trend: readonly MonthFigure[]): TrendSummary | undefined {
  const latest = trend.at(-1);
  if (!latest) return undefined;
  const previous = trend.at(-2);
  const total = round2(trend.reduce((sum, m) => sum + m.revenue, 0));
  const profit = trend.reduce((sum, m) => sum + m.netProfit, 0);
  return {
    latest,
    previous,
    change:
      previous && previous.revenue !== 0
        ? (latest.revenue - previous.revenue) / Math.abs(previous.revenue)
        : undefined,
    total,
    netMargin: total !== 0 ? profit / total : undefined,
  };
}

export interface AccountBalance {
  accountId: string;
  current: number;
  available?: number;
  limit?: number;
  currency: string;
  date?: string;
}

export interface CashPosition {
  /** Sum of current balances per currency (credit cards count negative). */
  totals: { currency: string; amount: number }[];
  accounts: AccountBalance[];
  /** Most recent balance date. */
  asOf?: string;
}

/** Cash balance from `banking-accountBalances`: the latest balance of each account, summed per currency. */
export function cashPosition(accountBalances: readonly DataRecord[]): CashPosition {
  const latest = new Map<string, AccountBalance>();
  for (const record of accountBalances) {
    const accountId = str(record.accountId);
    const balance = obj(record.balance);
    const current = num(balance?.current);
    if (!accountId || current === undefined) continue;
    const entry: AccountBalance = {
      accountId,
      current,
      available: num(balance?.available),
      limit: num(balance?.limit),
      currency: str(record.currency) ?? 'GBP',
      date: str(record.date),
    };
    const seen = latest.get(accountId);
    if (!seen || (entry.date ?? '') > (seen.date ?? '')) latest.set(accountId, entry);
  }
  const accounts = [...latest.values()];
  const totals = new Map<string, number>();
  for (const account of accounts)
    totals.set(account.currency, round2((totals.get(account.currency) ?? 0) + account.current));
  const asOf =
    accounts
      .map((a) => a.date ?? '')
      .sort()
      .at(-1) || undefined;
  return {
    totals: [...totals].map(([currency, amount]) => ({ currency, amount })),
    accounts: accounts.sort((a, b) => b.current - a.current),
    asOf,
  };
}

export interface CashFlowMonth {
  month: string;
  receipts: number;
  payments: number;
  net: number;
  currency: string;
}

/** Monthly net cash flow from `cashFlowStatement`, oldest first. */
export function cashFlowTrend(statements: readonly DataRecord[], months = 12): CashFlowMonth[] {
  const byMonth = new Map<string, CashFlowMonth>();
  for (const record of statements) {
    const from = str(record.fromDate);
    const month = from ? monthKey(from) : undefined;
    const receipts = num(record.cashReceipts);
    const payments = num(record.cashPayments);
    if (!month || receipts === undefined || payments === undefined) continue;
    const current = byMonth.get(month) ?? {
      month,
      receipts: 0,
      payments: 0,
      net: 0,
      currency: str(record.currency) ?? 'GBP',
    };
    current.receipts = round2(current.receipts + receipts);
    current.payments = round2(current.payments + payments);
    current.net = round2(current.receipts - current.payments);
    byMonth.set(month, current);
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)).slice(-months);
}

export interface CustomerFigure {
  name: string;
  /** Invoiced, excluding void invoices. */
  invoiced: number;
  /** Still to be paid. */
  outstanding: number;
  invoices: number;
  currency: string;
}

const EXCLUDED_INVOICE_STATUSES = new Set(['Void', 'Draft', 'Unknown']);

/** Customers ranked by what they were invoiced (from `invoices`), top `limit`. */
export function topCustomers(invoices: readonly DataRecord[], limit = 5): CustomerFigure[] {
  const byCustomer = new Map<string, CustomerFigure>();
  for (const record of invoices) {
    if (EXCLUDED_INVOICE_STATUSES.has(str(record.status) ?? '')) continue;
    const customer = obj(record.customerRef);
    const name = str(customer?.companyName) ?? str(customer?.id);
    const total = num(record.totalAmount);
    if (!name || total === undefined) continue;
    const key = str(customer?.id) ?? name;
    const current = byCustomer.get(key) ?? {
      name,
      invoiced: 0,
      outstanding: 0,
      invoices: 0,
      currency: str(record.currency) ?? 'GBP',
    };
    current.invoiced = round2(current.invoiced + total);
    current.outstanding = round2(current.outstanding + (num(record.amountDue) ?? 0));
    current.invoices += 1;
    byCustomer.set(key, current);
  }
  return [...byCustomer.values()]
    .sort((a, b) => b.invoiced - a.invoiced || a.name.localeCompare(b.name))
    .slice(0, limit);
}

export interface Receivables {
  outstanding: number;
  overdue: number;
  overdueCount: number;
  currency: string;
}

/** What customers still owe, and how much of it is past its due date at `now`. */
export function receivables(invoices: readonly DataRecord[], now: number): Receivables {
  let outstanding = 0;
  let overdue = 0;
  let overdueCount = 0;
  let currency = 'GBP';
  for (const record of invoices) {
    if (EXCLUDED_INVOICE_STATUSES.has(str(record.status) ?? '')) continue;
    const due = num(record.amountDue);
    if (!due) continue;
    currency = str(record.currency) ?? currency;
    outstanding += due;
    const dueDate = str(record.dueDate);
    if (dueDate && Date.parse(dueDate) < now) {
      overdue += due;
      overdueCount += 1;
    }
  }
  return { outstanding: round2(outstanding), overdue: round2(overdue), overdueCount, currency };
}

/** `Mar 2026` for `2026-03`. */
export function monthLabel(month: string, locale = 'en-GB', style: 'short' | 'long' = 'short'): string {
  const [year, mon] = month.split('-').map(Number);
  if (!year || !mon) return month;
  return new Intl.DateTimeFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, mon - 1, 1)),
  );
}

export function formatMoney(amount: number, currency: string, locale = 'en-GB', compact = false): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: compact ? 1 : 0,
    ...(compact ? { notation: 'compact' as const } : {}),
  }).format(amount);
}

export function formatPercent(fraction: number, locale = 'en-GB', signed = false): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
  }).format(fraction);
}
