import { msg } from '@lit/localize';
import {
  DATA_TYPES,
  DATA_TYPES_BY_SOURCE_TYPE,
  JOURNEY_SOURCE_TYPES,
  type DataType,
  type DataTypesBySourceType,
  type JourneySourceType,
  type SourceType,
} from '@consent-kit/contract';

/**
 * Plain-language names and one-line descriptions of every data type, for the people asked to share them
 * ("Profit and loss — your income and expenses over time"). Functions, not constants: `msg()` must run at render
 * time to return the active locale's text.
 */
const LABELS: Record<DataType, () => string> = {
  'accountTransactions': () => msg('Account transactions', { id: 'data-type.accountTransactions' }),
  'balanceSheet': () => msg('Balance sheet', { id: 'data-type.balanceSheet' }),
  'bankAccounts': () => msg('Bank accounts', { id: 'data-type.bankAccounts' }),
  'bankTransactions': () => msg('Bank transactions', { id: 'data-type.bankTransactions' }),
  'billCreditNotes': () => msg('Supplier credit notes', { id: 'data-type.billCreditNotes' }),
  'billPayments': () => msg('Bill payments', { id: 'data-type.billPayments' }),
  'bills': () => msg('Bills', { id: 'data-type.bills' }),
  'cashFlowStatement': () => msg('Cash flow statement', { id: 'data-type.cashFlowStatement' }),
  'chartOfAccounts': () => msg('Chart of accounts', { id: 'data-type.chartOfAccounts' }),
  'company': () => msg('Company details', { id: 'data-type.company' }),
  'creditNotes': () => msg('Credit notes', { id: 'data-type.creditNotes' }),
  'customers': () => msg('Customers', { id: 'data-type.customers' }),
  'directCosts': () => msg('Direct costs', { id: 'data-type.directCosts' }),
  'directIncomes': () => msg('Direct income', { id: 'data-type.directIncomes' }),
  'invoices': () => msg('Invoices', { id: 'data-type.invoices' }),
  'itemReceipts': () => msg('Item receipts', { id: 'data-type.itemReceipts' }),
  'items': () => msg('Products and services', { id: 'data-type.items' }),
  'journalEntries': () => msg('Journal entries', { id: 'data-type.journalEntries' }),
  'journals': () => msg('Journals', { id: 'data-type.journals' }),
  'paymentMethods': () => msg('Payment methods', { id: 'data-type.paymentMethods' }),
  'payments': () => msg('Customer payments', { id: 'data-type.payments' }),
  'profitAndLoss': () => msg('Profit and loss', { id: 'data-type.profitAndLoss' }),
  'purchaseOrders': () => msg('Purchase orders', { id: 'data-type.purchaseOrders' }),
  'salesOrders': () => msg('Sales orders', { id: 'data-type.salesOrders' }),
  'suppliers': () => msg('Suppliers', { id: 'data-type.suppliers' }),
  'taxRates': () => msg('Tax rates', { id: 'data-type.taxRates' }),
  'trackingCategories': () => msg('Tracking categories', { id: 'data-type.trackingCategories' }),
  'transfers': () => msg('Transfers', { id: 'data-type.transfers' }),
  'banking-accountBalances': () => msg('Account balances', { id: 'data-type.banking_accountBalances' }),
  'banking-accounts': () => msg('Bank accounts', { id: 'data-type.banking_accounts' }),
  'banking-transactionCategories': () => msg('Transaction categories', { id: 'data-type.banking_transactionCategories' }),
  'banking-transactions': () => msg('Bank transactions', { id: 'data-type.banking_transactions' }),
  'commerce-companyInfo': () => msg('Store details', { id: 'data-type.commerce_companyInfo' }),
  'commerce-customers': () => msg('Customers', { id: 'data-type.commerce_customers' }),
  'commerce-disputes': () => msg('Disputes', { id: 'data-type.commerce_disputes' }),
  'commerce-locations': () => msg('Locations', { id: 'data-type.commerce_locations' }),
  'commerce-orders': () => msg('Orders', { id: 'data-type.commerce_orders' }),
  'commerce-paymentMethods': () => msg('Payment methods', { id: 'data-type.commerce_paymentMethods' }),
  'commerce-payments': () => msg('Payments', { id: 'data-type.commerce_payments' }),
  'commerce-productCategories': () => msg('Product categories', { id: 'data-type.commerce_productCategories' }),
  'commerce-products': () => msg('Products', { id: 'data-type.commerce_products' }),
  'commerce-taxComponents': () => msg('Tax components', { id: 'data-type.commerce_taxComponents' }),
  'commerce-transactions': () => msg('Transactions', { id: 'data-type.commerce_transactions' }),
};

const DESCRIPTIONS: Record<DataType, () => string> = {
  'accountTransactions': () => msg('Money moving in and out of your accounts, as recorded in your books', { id: 'data-type.accountTransactions.description' }),
  'balanceSheet': () => msg('What your business owns and owes at a point in time', { id: 'data-type.balanceSheet.description' }),
  'bankAccounts': () => msg('The bank accounts set up in your accounting software', { id: 'data-type.bankAccounts.description' }),
  'bankTransactions': () => msg('Transactions on the bank accounts in your accounting software', { id: 'data-type.bankTransactions.description' }),
  'billCreditNotes': () => msg('Credits your suppliers have given you', { id: 'data-type.billCreditNotes.description' }),
  'billPayments': () => msg('Payments you have made to your suppliers', { id: 'data-type.billPayments.description' }),
  'bills': () => msg('Invoices you have received from your suppliers', { id: 'data-type.bills.description' }),
  'cashFlowStatement': () => msg('How cash moved in and out of your business over time', { id: 'data-type.cashFlowStatement.description' }),
  'chartOfAccounts': () => msg('The list of accounts you use to categorise your finances', { id: 'data-type.chartOfAccounts.description' }),
  'company': () => msg('Your business name, addresses and registration details', { id: 'data-type.company.description' }),
  'creditNotes': () => msg('Credits you have given to your customers', { id: 'data-type.creditNotes.description' }),
  'customers': () => msg('The customers you sell to and their contact details', { id: 'data-type.customers.description' }),
  'directCosts': () => msg('Money spent without a bill, such as card purchases', { id: 'data-type.directCosts.description' }),
  'directIncomes': () => msg('Money received without an invoice, such as cash sales', { id: 'data-type.directIncomes.description' }),
  'invoices': () => msg('Invoices you have sent to your customers', { id: 'data-type.invoices.description' }),
  'itemReceipts': () => msg('Records of goods you have received', { id: 'data-type.itemReceipts.description' }),
  'items': () => msg('The goods and services you buy and sell', { id: 'data-type.items.description' }),
  'journalEntries': () => msg('Manual adjustments recorded in your books', { id: 'data-type.journalEntries.description' }),
  'journals': () => msg('The journals your entries are recorded in', { id: 'data-type.journals.description' }),
  'paymentMethods': () => msg('The ways you pay and get paid', { id: 'data-type.paymentMethods.description' }),
  'payments': () => msg('Payments you have received from your customers', { id: 'data-type.payments.description' }),
  'profitAndLoss': () => msg('Your income and expenses over time', { id: 'data-type.profitAndLoss.description' }),
  'purchaseOrders': () => msg('Orders you have placed with your suppliers', { id: 'data-type.purchaseOrders.description' }),
  'salesOrders': () => msg('Orders your customers have placed with you', { id: 'data-type.salesOrders.description' }),
  'suppliers': () => msg('The suppliers you buy from and their contact details', { id: 'data-type.suppliers.description' }),
  'taxRates': () => msg('The sales tax rates set up in your software', { id: 'data-type.taxRates.description' }),
  'trackingCategories': () => msg('The categories you use to track departments, projects or locations', { id: 'data-type.trackingCategories.description' }),
  'transfers': () => msg('Money moved between your own accounts', { id: 'data-type.transfers.description' }),
  'banking-accountBalances': () => msg('The current and available balance of each bank account', { id: 'data-type.banking_accountBalances.description' }),
  'banking-accounts': () => msg('The accounts you hold with your bank', { id: 'data-type.banking_accounts.description' }),
  'banking-transactionCategories': () => msg('How your bank categorises your transactions', { id: 'data-type.banking_transactionCategories.description' }),
  'banking-transactions': () => msg('Money in and out of your bank accounts', { id: 'data-type.banking_transactions.description' }),
  'commerce-companyInfo': () => msg('Your store name, addresses and settings', { id: 'data-type.commerce_companyInfo.description' }),
  'commerce-customers': () => msg('The people and businesses who buy from your store', { id: 'data-type.commerce_customers.description' }),
  'commerce-disputes': () => msg('Chargebacks and disputes raised by your customers', { id: 'data-type.commerce_disputes.description' }),
  'commerce-locations': () => msg('The places you sell from or keep stock', { id: 'data-type.commerce_locations.description' }),
  'commerce-orders': () => msg('Orders placed in your store', { id: 'data-type.commerce_orders.description' }),
  'commerce-paymentMethods': () => msg('The ways your customers pay you', { id: 'data-type.commerce_paymentMethods.description' }),
  'commerce-payments': () => msg('Payments taken in your store', { id: 'data-type.commerce_payments.description' }),
  'commerce-productCategories': () => msg('How your products are grouped', { id: 'data-type.commerce_productCategories.description' }),
  'commerce-products': () => msg('The products you sell, with prices and stock levels', { id: 'data-type.commerce_products.description' }),
  'commerce-taxComponents': () => msg('The taxes charged on your sales', { id: 'data-type.commerce_taxComponents.description' }),
  'commerce-transactions': () => msg('Payouts, refunds, fees and other money movements in your store', { id: 'data-type.commerce_transactions.description' }),
};

/** Two tables, so an element that only shows data type groups (always journey source types) leaves the others out. */
const JOURNEY_SOURCE_TYPE_LABELS: Record<JourneySourceType, () => string> = {
  Accounting: () => msg('Accounting', { id: 'source-type.Accounting' }),
  Banking: () => msg('Banking', { id: 'source-type.Banking' }),
  Commerce: () => msg('Commerce', { id: 'source-type.Commerce' }),
};

const OTHER_SOURCE_TYPE_LABELS: Record<Exclude<SourceType, JourneySourceType>, () => string> = {
  BankFeed: () => msg('Bank feeds', { id: 'source-type.BankFeed' }),
  Expense: () => msg('Expense management', { id: 'source-type.Expense' }),
  Other: () => msg('Other', { id: 'source-type.Other' }),
  Unknown: () => msg('Other', { id: 'source-type.Unknown' }),
};

const SOURCE_TYPE_DESCRIPTIONS: Record<JourneySourceType, () => string> = {
  Accounting: () => msg('From your accounting software', { id: 'source-type.Accounting.description' }),
  Banking: () => msg('From your bank accounts', { id: 'source-type.Banking.description' }),
  Commerce: () => msg('From your online store or payment provider', { id: 'source-type.Commerce.description' }),
};

/** Whether a string is a known data type. */
export function isDataType(value: string): value is DataType {
  return Object.hasOwn(LABELS, value);
}

/** Localised name of a data type: "Profit and loss". Unknown types fall back to their key. */
export function dataTypeLabel(dataType: DataType | string): string {
  return isDataType(dataType) ? LABELS[dataType]() : dataType;
}

/** Localised one-line description: "Your income and expenses over time". Empty for unknown types. */
export function dataTypeDescription(dataType: DataType | string): string {
  return isDataType(dataType) ? DESCRIPTIONS[dataType]() : '';
}

/** Name and description as one plain-text line: "Profit and loss — your income and expenses over time". */
export function dataTypeText(dataType: DataType | string): string {
  const description = dataTypeDescription(dataType);
  if (!description) return dataTypeLabel(dataType);
  const [first = '', ...rest] = Array.from(description);
  return `${dataTypeLabel(dataType)} — ${first.toLocaleLowerCase()}${rest.join('')}`;
}

/** Localised heading of a source type: "Accounting", "Banking", "Commerce", "Bank feeds"... Unknown ones: the key. */
export function sourceTypeLabel(sourceType: SourceType | string): string {
  if (Object.hasOwn(JOURNEY_SOURCE_TYPE_LABELS, sourceType)) {
    return dataTypeGroupLabel(sourceType as JourneySourceType);
  }
  return Object.hasOwn(OTHER_SOURCE_TYPE_LABELS, sourceType)
    ? OTHER_SOURCE_TYPE_LABELS[sourceType as Exclude<SourceType, JourneySourceType>]()
    : sourceType;
}

/**
 * Localised heading of a data type group (a `DataTypeGroup.sourceType`): "Accounting", "Banking", "Commerce". The same
 * text as `sourceTypeLabel`, for elements that only show groups.
 */
export function dataTypeGroupLabel(sourceType: JourneySourceType): string {
  return JOURNEY_SOURCE_TYPE_LABELS[sourceType]();
}

/** Where a source type's data comes from: "From your accounting software". */
export function sourceTypeDescription(sourceType: JourneySourceType | string): string {
  return Object.hasOwn(SOURCE_TYPE_DESCRIPTIONS, sourceType)
    ? SOURCE_TYPE_DESCRIPTIONS[sourceType as JourneySourceType]()
    : '';
}

/** The source type a data type belongs to (`banking-accounts` -> Banking). */
export function sourceTypeOf(dataType: DataType | string): JourneySourceType | undefined {
  return JOURNEY_SOURCE_TYPES.find((sourceType) =>
    (DATA_TYPES_BY_SOURCE_TYPE[sourceType] as readonly string[]).includes(dataType),
  );
}

/** One source type's data types, ready to render. */
export interface DataTypeGroup {
  sourceType: JourneySourceType;
  dataTypes: DataType[];
}

/**
 * Groups data types per source type, in journey order (Accounting, Banking, Commerce) and in the contract's order
 * within a group. Accepts a product's `DataTypesBySourceType` or a flat list; drops unknown types and duplicates.
 */
export function groupDataTypes(dataTypes: DataTypesBySourceType | readonly string[]): DataTypeGroup[] {
  const flat: string[] = Array.isArray(dataTypes)
    ? [...dataTypes]
    : Object.values(dataTypes as DataTypesBySourceType).flatMap((list) => list ?? []);
  const wanted = new Set(flat);
  return JOURNEY_SOURCE_TYPES.map((sourceType) => ({
    sourceType,
    dataTypes: (DATA_TYPES_BY_SOURCE_TYPE[sourceType] as readonly DataType[]).filter((dt) => wanted.has(dt)),
  })).filter((group) => group.dataTypes.length > 0);
}

/** Flat, de-duplicated list of the data types in a `DataTypesBySourceType`. */
export function flattenDataTypes(dataTypes: DataTypesBySourceType | undefined | null): DataType[] {
  if (!dataTypes) return [];
  const all = new Set(Object.values(dataTypes).flatMap((list) => list ?? []));
  return DATA_TYPES.filter((dt) => all.has(dt));
}

/** `DataTypesBySourceType` for a flat list. */
export function toDataTypesBySourceType(dataTypes: readonly string[]): DataTypesBySourceType {
  const result: DataTypesBySourceType = {};
  for (const group of groupDataTypes(dataTypes)) result[group.sourceType] = group.dataTypes;
  return result;
}
