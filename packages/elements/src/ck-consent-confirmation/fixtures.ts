/** Sample products for the consent confirmation's stories and tests. Not exported from the package entry point. */
import type { Product } from '@consent-kit/contract';

export const lendingProduct: Product = {
  identifier: 'lending',
  name: 'Copay business loan',
  purpose: 'to assess your application for a business loan and to monitor the loan while it is outstanding',
  dataTypes: {
    Accounting: ['profitAndLoss', 'balanceSheet', 'invoices', 'bills'],
    Banking: ['banking-accounts', 'banking-transactions'],
    Commerce: ['commerce-orders'],
  },
  retention: { days: 90, description: 'We keep your data for 90 days after your consent ends, then delete it.' },
  duration: { days: 365 },
  policyUrl: 'https://copay.example/privacy',
  termsUrl: 'https://copay.example/terms',
};

export const insightsProduct: Product = {
  identifier: 'insights',
  name: 'Copay business insights',
  purpose: 'to show you a dashboard of your cash flow, revenue and outstanding invoices',
  dataTypes: { Accounting: ['profitAndLoss', 'balanceSheet', 'cashFlowStatement', 'invoices'], Banking: ['banking-transactions'] },
  retention: { days: 30, description: 'We keep your data for 30 days after your consent ends, then delete it.' },
  duration: { days: 180 },
  policyUrl: 'https://copay.example/privacy',
};
