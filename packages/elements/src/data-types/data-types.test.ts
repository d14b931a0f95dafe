import { describe, expect, test } from 'vitest';
import { DATA_TYPES, DATA_TYPES_BY_SOURCE_TYPE, JOURNEY_SOURCE_TYPES } from '@consent-kit/contract';
import {
  dataTypeDescription,
  dataTypeLabel,
  dataTypeText,
  flattenDataTypes,
  groupDataTypes,
  sourceTypeDescription,
  sourceTypeLabel,
  sourceTypeOf,
  toDataTypesBySourceType,
} from './data-types.js';

describe('data types in plain language', () => {
  test.each(DATA_TYPES)('%s has a plain-language label and description', (dataType) => {
    const label = dataTypeLabel(dataType);
    const description = dataTypeDescription(dataType);
    expect(label).not.toBe(dataType);
    expect(label).not.toMatch(/[a-z][A-Z]|-/); // no camelCase or keys
    expect(description.length).toBeGreaterThan(15);
    expect(description).not.toMatch(/\.$/);
  });

  test('reads as a sentence', () => {
    expect(dataTypeText('profitAndLoss')).toBe('Profit and loss — your income and expenses over time');
    expect(dataTypeLabel('banking-transactions')).toBe('Bank transactions');
    expect(dataTypeLabel('notAType')).toBe('notAType');
    expect(dataTypeDescription('notAType')).toBe('');
  });

  test('labels are unique within a source type', () => {
    for (const sourceType of JOURNEY_SOURCE_TYPES) {
      const labels = DATA_TYPES_BY_SOURCE_TYPE[sourceType].map(dataTypeLabel);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  test('groups per source type in journey order, dropping unknown and duplicate types', () => {
    expect(
      groupDataTypes(['commerce-orders', 'banking-accounts', 'invoices', 'profitAndLoss', 'invoices', 'bogus']),
    ).toEqual([
      { sourceType: 'Accounting', dataTypes: ['invoices', 'profitAndLoss'] },
      { sourceType: 'Banking', dataTypes: ['banking-accounts'] },
      { sourceType: 'Commerce', dataTypes: ['commerce-orders'] },
    ]);
    expect(groupDataTypes({ Banking: ['banking-transactions'] })).toEqual([
      { sourceType: 'Banking', dataTypes: ['banking-transactions'] },
    ]);
    expect(flattenDataTypes({ Banking: ['banking-transactions'], Accounting: ['bills'] })).toEqual([
      'bills',
      'banking-transactions',
    ]);
    expect(toDataTypesBySourceType(['bills', 'banking-accounts'])).toEqual({
      Accounting: ['bills'],
      Banking: ['banking-accounts'],
    });
    expect(sourceTypeOf('commerce-products')).toBe('Commerce');
  });

  test('source types have headings and descriptions', () => {
    expect(JOURNEY_SOURCE_TYPES.map(sourceTypeLabel)).toEqual(['Accounting', 'Banking', 'Commerce']);
    for (const sourceType of JOURNEY_SOURCE_TYPES) expect(sourceTypeDescription(sourceType)).toMatch(/^From your /);
  });
});
