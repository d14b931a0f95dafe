import type { Product } from '@consent-kit/contract';

/** The seeded products (use cases) of the consent ledger. */
export const PRODUCTS: readonly Product[] = [
  {
    identifier: 'lending',
    name: 'Copay business loan',
    purpose: 'to assess your application for a business loan and to monitor the loan while it is outstanding',
    dataTypes: {
      Accounting: [
        'profitAndLoss',
        'balanceSheet',
        'invoices',
        'bills',
        'customers',
        'suppliers',
        'company',
        'chartOfAccounts',
      ],
      Banking: ['banking-accounts', 'banking-accountBalances', 'banking-transactions'],
      Commerce: ['commerce-orders', 'commerce-payments', 'commerce-transactions'],
    },
    retention: {
      days: 90,
      description: 'We keep your data for 90 days after your consent ends, then delete it.',
    },
    duration: { days: 365 },
    policyUrl: 'https://copay.example/privacy',
    termsUrl: 'https://copay.example/terms',
  },
  {
    identifier: 'insights',
    name: 'Copay business insights',
    purpose: 'to show you a dashboard of your cash flow, revenue and outstanding invoices',
    dataTypes: {
      Accounting: ['profitAndLoss', 'balanceSheet', 'cashFlowStatement', 'invoices'],
      Banking: ['banking-accountBalances', 'banking-transactions'],
    },
    retention: {
      days: 30,
      description: 'We keep your data for 30 days after your consent ends, then delete it.',
    },
    duration: { days: 365 },
    policyUrl: 'https://copay.example/privacy',
    termsUrl: 'https://copay.example/terms',
  },
];

export const PRODUCTS_BY_ID: ReadonlyMap<string, Product> = new Map(PRODUCTS.map((p) => [p.identifier, p]));
