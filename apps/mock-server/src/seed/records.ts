/**
 * Deterministic simulated records for `GET /companies/{id}/data/{dataType}`, seeded by company, connection and
 * data type: the same company always gets the same figures. Amounts are GBP, realistic enough for a lending
 * summary (12 months of P&L, balance sheets, invoices, bank balances and transactions).
 */
import type { DataType } from '@consent-kit/contract';
import { seededRandom, stableUuid } from '../ids.js';

type Rec = Record<string, unknown>;

const CUSTOMERS = [
  'Northwind Traders',
  'Blue Harbour Cafe',
  'Kestrel Logistics',
  'Maple & Finch',
  'Orbital Print Co',
  'Greenway Florists',
  'Tall Tree Studio',
  'Harbourside Hotels',
];
const SUPPLIERS = [
  'Acme Wholesale',
  'Brightspark Energy',
  'Cloudnine Software',
  'Delta Office Supplies',
  'Evergreen Packaging',
  'Fleetline Couriers',
];
const BANK_DESCRIPTIONS = [
  'Card payment',
  'Direct debit',
  'Faster payment received',
  'Standing order',
  'Transfer',
  'Payroll',
  'HMRC VAT',
  'Office rent',
];

const money = (n: number) => Math.round(n * 100) / 100;

function monthStart(now: Date, monthsBack: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1));
}
function monthEnd(now: Date, monthsBack: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack + 1, 0, 23, 59, 59));
}
const iso = (d: Date) => d.toISOString();

export function simulatedRecords(
  companyId: string,
  connectionId: string,
  dataType: DataType,
  nowMs: number,
): Rec[] {
  const rnd = seededRandom(`${companyId}:${connectionId}:${dataType}`);
  const base = seededRandom(`${companyId}:size`);
  const scale = 20_000 + Math.round(base() * 80_000); // monthly revenue of this business
  const now = new Date(nowMs);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rnd();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const id = (n: number | string) => stableUuid(`${companyId}:${connectionId}:${dataType}:${n}`);
  const daysAgo = (d: number) => new Date(nowMs - d * 86_400_000);

  switch (dataType) {
    case 'profitAndLoss':
      return Array.from({ length: 12 }, (_, i) => {
        const seasonal = 1 + 0.15 * Math.sin(((11 - i) / 12) * Math.PI * 2);
        const revenue = money(scale * seasonal * between(0.9, 1.1));
        const costOfSales = money(revenue * between(0.3, 0.45));
        const expenses = money(revenue * between(0.35, 0.5));
        const grossProfit = money(revenue - costOfSales);
        return {
          id: id(i),
          fromDate: iso(monthStart(now, i)),
          toDate: iso(monthEnd(now, i)),
          currency: 'GBP',
          revenue,
          costOfSales,
          grossProfit,
          expenses,
          netOperatingProfit: money(grossProfit - expenses),
          netProfit: money((grossProfit - expenses) * 0.81),
        };
      });
    case 'balanceSheet':
      return Array.from({ length: 12 }, (_, i) => {
        const assets = money(scale * between(2.5, 3.5));
        const liabilities = money(assets * between(0.35, 0.6));
        return {
          id: id(i),
          date: iso(monthEnd(now, i)),
          currency: 'GBP',
          assets,
          liabilities,
          equity: money(assets - liabilities),
          netAssets: money(assets - liabilities),
        };
      });
    case 'cashFlowStatement':
      return Array.from({ length: 12 }, (_, i) => {
        const cashReceipts = money(scale * between(0.85, 1.1));
        const cashPayments = money(cashReceipts * between(0.8, 1.05));
        return {
          id: id(i),
          fromDate: iso(monthStart(now, i)),
          toDate: iso(monthEnd(now, i)),
          currency: 'GBP',
          cashReceipts,
          cashPayments,
          netCashFlow: money(cashReceipts - cashPayments),
        };
      });
    case 'invoices':
    case 'bills': {
      const isInvoice = dataType === 'invoices';
      return Array.from({ length: 36 }, (_, i) => {
        const issued = daysAgo(Math.floor(i * 10 + between(0, 9)));
        const due = new Date(issued.getTime() + 30 * 86_400_000);
        const totalAmount = money(between(0.02, 0.15) * scale);
        const overdue = due.getTime() < nowMs;
        const status =
          i < 4
            ? 'Submitted'
            : overdue && rnd() < 0.15
              ? 'PartiallyPaid'
              : i % 17 === 0
                ? 'Void'
                : overdue
                  ? 'Paid'
                  : 'Submitted';
        const amountDue =
          status === 'Paid' || status === 'Void'
            ? 0
            : status === 'PartiallyPaid'
              ? money(totalAmount * 0.4)
              : totalAmount;
        const counterparty = isInvoice ? pick(CUSTOMERS) : pick(SUPPLIERS);
        return {
          id: id(i),
          [isInvoice ? 'invoiceNumber' : 'reference']:
            `${isInvoice ? 'INV' : 'BILL'}-${String(1000 + 36 - i)}`,
          [isInvoice ? 'customerRef' : 'supplierRef']: {
            id: stableUuid(`${companyId}:cp:${counterparty}`),
            companyName: counterparty,
          },
          issueDate: iso(issued),
          dueDate: iso(due),
          currency: 'GBP',
          totalAmount,
          amountDue,
          status,
          modifiedDate: iso(issued),
        };
      });
    }
    case 'customers':
    case 'suppliers': {
      const names = dataType === 'customers' ? CUSTOMERS : SUPPLIERS;
      return names.map((name, i) => ({
        id: stableUuid(`${companyId}:cp:${name}`),
        [dataType === 'customers' ? 'customerName' : 'supplierName']: name,
        emailAddress: `accounts@${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
        status: i === names.length - 1 ? 'Archived' : 'Active',
        defaultCurrency: 'GBP',
      }));
    }
    case 'company':
      return [
        {
          id: id('company'),
          companyName: `Company ${companyId.slice(0, 8)}`,
          registrationNumber: String(10_000_000 + Math.floor(base() * 89_999_999)).slice(0, 8),
          baseCurrency: 'GBP',
          financialYearStartDate: iso(new Date(Date.UTC(now.getUTCFullYear() - 1, 3, 6))),
          addresses: [
            {
              type: 'Billing',
              line1: '1 Example Street',
              city: 'London',
              postalCode: 'EC1A 1AA',
              country: 'United Kingdom',
            },
          ],
          createdDate: iso(daysAgo(365 * 4)),
        },
      ];
    case 'chartOfAccounts': {
      const accounts: [string, string, string][] = [
        ['1200', 'Business current account', 'Asset'],
        ['1100', 'Trade debtors', 'Asset'],
        ['0030', 'Office equipment', 'Asset'],
        ['2100', 'Trade creditors', 'Liability'],
        ['2200', 'VAT liability', 'Liability'],
        ['3000', 'Share capital', 'Equity'],
        ['4000', 'Sales', 'Income'],
        ['5000', 'Cost of sales', 'Expense'],
        ['7100', 'Rent', 'Expense'],
        ['7500', 'Wages and salaries', 'Expense'],
      ];
      return accounts.map(([nominalCode, name, type], i) => ({
        id: id(i),
        nominalCode,
        name,
        type,
        currency: 'GBP',
        currentBalance: money(between(1, 6) * scale * (type === 'Expense' || type === 'Income' ? 1 : 0.5)),
        status: 'Active',
      }));
    }
    case 'banking-accounts':
    case 'banking-accountBalances': {
      const accounts = bankAccounts(companyId, connectionId, scale);
      if (dataType === 'banking-accounts') return accounts;
      return accounts.map((a) => ({
        accountId: a.id,
        date: iso(now),
        balance: { available: a.balance, current: a.balance, limit: a.type === 'Credit' ? 5000 : 0 },
        currency: 'GBP',
      }));
    }
    case 'banking-transactions': {
      const accounts = bankAccounts(companyId, connectionId, scale);
      return Array.from({ length: 120 }, (_, i) => {
        const credit = rnd() < 0.4;
        const amount = money((credit ? 1 : -1) * between(0.005, 0.08) * scale);
        return {
          id: id(i),
          accountId: accounts[i % accounts.length]!.id,
          amount,
          currency: 'GBP',
          description: credit
            ? `Faster payment received - ${pick(CUSTOMERS)}`
            : `${pick(BANK_DESCRIPTIONS)} - ${pick(SUPPLIERS)}`,
          postedDate: iso(daysAgo(Math.floor(i * 1.5))),
          transactionCategoryRef: { id: credit ? 'income' : 'expense' },
        };
      });
    }
    case 'commerce-orders':
    case 'commerce-payments':
    case 'commerce-transactions':
      return Array.from({ length: 60 }, (_, i) => {
        const total = money(between(15, 400));
        return {
          id: id(i),
          createdDate: iso(daysAgo(Math.floor(i * 2 + between(0, 2)))),
          currency: 'GBP',
          ...(dataType === 'commerce-orders'
            ? {
                orderNumber: `#${5000 + 60 - i}`,
                totalAmount: total,
                totalTaxAmount: money(total / 6),
                status: 'Complete',
              }
            : dataType === 'commerce-payments'
              ? { amount: total, paymentMethodRef: { id: 'card' }, status: i % 23 === 0 ? 'Failed' : 'Paid' }
              : {
                  totalAmount: total,
                  type: i % 19 === 0 ? 'Refund' : 'Payment',
                  transactionSourceRef: { type: 'Order' },
                }),
        };
      });
    default:
      return Array.from({ length: 10 }, (_, i) => ({
        id: id(i),
        dataType,
        modifiedDate: iso(daysAgo(i * 7)),
        name: `${dataType} ${i + 1}`,
      }));
  }
}

function bankAccounts(companyId: string, connectionId: string, scale: number) {
  const rnd = seededRandom(`${companyId}:${connectionId}:accounts`);
  const accounts = [
    { name: 'Business Current Account', type: 'Depository', balance: money(scale * (0.4 + rnd())) },
    { name: 'Business Savings', type: 'Depository', balance: money(scale * (0.5 + 2 * rnd())) },
    { name: 'Business Credit Card', type: 'Credit', balance: money(-scale * 0.1 * rnd()) },
  ];
  return accounts.map((a, i) => ({
    id: stableUuid(`${companyId}:${connectionId}:bank-account:${i}`),
    name: a.name,
    type: a.type,
    currency: 'GBP',
    balance: a.balance,
    identifiers: {
      type: a.type === 'Credit' ? 'Card' : 'Account',
      maskedAccountNumber: `****${String(1000 + Math.floor(rnd() * 8999))}`,
      sortCode: a.type === 'Credit' ? null : '04-00-04',
    },
    modifiedDate: new Date(0).toISOString(),
  }));
}
