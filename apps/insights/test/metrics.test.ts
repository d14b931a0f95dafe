import { describe, expect, it } from 'vitest';
import {
  cashFlowTrend,
  cashPosition,
  formatMoney,
  monthLabel,
  receivables,
  revenueTrend,
  summariseTrend,
  topCustomers,
} from '../src/insights/metrics.js';

const pnl = (month: string, revenue: number, netProfit: number) => ({
  fromDate: `${month}-01T00:00:00.000Z`,
  toDate: `${month}-28T23:59:59.000Z`,
  currency: 'GBP',
  revenue,
  netProfit,
});

describe('revenueTrend', () => {
  it('orders months oldest first, sums connections per month and keeps the last N', () => {
    const trend = revenueTrend(
      [pnl('2026-03', 100, 10), pnl('2026-01', 50, 5), pnl('2026-02', 70, 7), pnl('2026-03', 25.5, 2.5)],
      2,
    );
    expect(trend).toEqual([
      { month: '2026-02', revenue: 70, netProfit: 7, currency: 'GBP' },
      { month: '2026-03', revenue: 125.5, netProfit: 12.5, currency: 'GBP' },
    ]);
  });

  it('skips records without a date or revenue instead of producing NaN', () => {
    const trend = revenueTrend([{ revenue: 5 }, { fromDate: '2026-01-01T00:00:00Z', revenue: 'lots' }, pnl('2026-01', 9, 1)]);
    expect(trend).toEqual([{ month: '2026-01', revenue: 9, netProfit: 1, currency: 'GBP' }]);
  });

  it('summarises the latest month against the previous one and the net margin', () => {
    const summary = summariseTrend(revenueTrend([pnl('2026-01', 100, 10), pnl('2026-02', 120, 30)]));
    expect(summary?.latest.month).toBe('2026-02');
    expect(summary?.change).toBeCloseTo(0.2);
    expect(summary?.total).toBe(220);
    expect(summary?.netMargin).toBeCloseTo(40 / 220);
    expect(summariseTrend([])).toBeUndefined();
  });
});

describe('cashPosition', () => {
  it('takes the latest balance per account and sums per currency (credit cards negative)', () => {
    const position = cashPosition([
      { accountId: 'a', date: '2026-01-01T00:00:00Z', currency: 'GBP', balance: { current: 1, available: 1 } },
      { accountId: 'a', date: '2026-02-01T00:00:00Z', currency: 'GBP', balance: { current: 1000, available: 900 } },
      { accountId: 'b', date: '2026-02-01T00:00:00Z', currency: 'GBP', balance: { current: -250.5, limit: 5000 } },
      { accountId: 'c', date: '2026-02-02T00:00:00Z', currency: 'EUR', balance: { current: 40 } },
      { accountId: 'broken', balance: {} },
    ]);
    expect(position.totals).toEqual([
      { currency: 'GBP', amount: 749.5 },
      { currency: 'EUR', amount: 40 },
    ]);
    expect(position.accounts.map((a) => a.accountId)).toEqual(['a', 'c', 'b']);
    expect(position.asOf).toBe('2026-02-02T00:00:00Z');
  });
});

describe('cashFlowTrend', () => {
  it('computes net cash flow per month', () => {
    expect(
      cashFlowTrend([
        { fromDate: '2026-02-01T00:00:00Z', cashReceipts: 100, cashPayments: 130, currency: 'GBP' },
        { fromDate: '2026-01-01T00:00:00Z', cashReceipts: 90, cashPayments: 40, currency: 'GBP' },
      ]),
    ).toEqual([
      { month: '2026-01', receipts: 90, payments: 40, net: 50, currency: 'GBP' },
      { month: '2026-02', receipts: 100, payments: 130, net: -30, currency: 'GBP' },
    ]);
  });
});

describe('customers and receivables', () => {
  const invoice = (customer: string, totalAmount: number, amountDue: number, status: string, dueDate: string) => ({
    customerRef: { id: `id-${customer}`, companyName: customer },
    totalAmount,
    amountDue,
    status,
    dueDate,
    currency: 'GBP',
  });
  const invoices = [
    invoice('Kestrel', 500, 0, 'Paid', '2026-01-10T00:00:00Z'),
    invoice('Kestrel', 300, 300, 'Submitted', '2026-03-10T00:00:00Z'),
    invoice('Northwind', 700, 280, 'PartiallyPaid', '2026-01-20T00:00:00Z'),
    invoice('Maple', 10_000, 10_000, 'Void', '2026-01-20T00:00:00Z'),
    invoice('<img src=x onerror=alert(1)>', 50, 50, 'Submitted', '2026-01-01T00:00:00Z'),
  ];

  it('ranks customers by invoiced amount, ignoring void invoices', () => {
    const top = topCustomers(invoices, 2);
    expect(top).toEqual([
      { name: 'Kestrel', invoiced: 800, outstanding: 300, invoices: 2, currency: 'GBP' },
      { name: 'Northwind', invoiced: 700, outstanding: 280, invoices: 1, currency: 'GBP' },
    ]);
    // Names are data, kept verbatim: React renders them as text.
    expect(topCustomers(invoices).map((c) => c.name)).toContain('<img src=x onerror=alert(1)>');
  });

  it('splits what is owed into outstanding and overdue', () => {
    expect(receivables(invoices, Date.parse('2026-02-01T00:00:00Z'))).toEqual({
      outstanding: 630,
      overdue: 330,
      overdueCount: 2,
      currency: 'GBP',
    });
  });
});

describe('formatting', () => {
  it('formats months and money for people', () => {
    expect(monthLabel('2026-03')).toBe('Mar 2026');
    expect(monthLabel('2026-03', 'en-GB', 'long')).toBe('March 2026');
    expect(formatMoney(1234.5, 'GBP')).toBe('£1,235');
  });
});
