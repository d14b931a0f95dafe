import { describe, expect, it } from 'vitest';
import {
  bankConnection,
  fixtureConsent,
  fixtureProducts,
  insightsConsent,
  insightsProduct,
  lendingConsent,
  lendingProduct,
  shopConnection,
  xeroConnection,
} from './fixtures.js';
import { formatNameList, isActiveConsent, productOfConsent, productsUsingConnection, withdrawImpact } from './impact.js';

const names = (products: { name: string }[]) => products.map((p) => p.name);

describe('productsUsingConnection', () => {
  const consents = [lendingConsent, insightsConsent];

  it('names every product with an active consent listing the connection, in product order', () => {
    expect(names(productsUsingConnection(xeroConnection, fixtureProducts, consents))).toEqual(['Copay Lending', 'Insights Dashboard']);
    expect(names(productsUsingConnection(bankConnection, fixtureProducts, consents))).toEqual(['Copay Lending']);
    expect(names(productsUsingConnection(shopConnection, fixtureProducts, consents))).toEqual(['Insights Dashboard']);
  });

  it('counts a consent that covers the source type even if it does not list this connection', () => {
    const secondBank = { ...bankConnection, id: '0c000000-0000-4000-8000-0000000000ff', platformName: 'Other bank' };
    expect(names(productsUsingConnection(secondBank, fixtureProducts, consents))).toEqual(['Copay Lending']);
  });

  it('ignores withdrawn and expired consents', () => {
    const withdrawn = fixtureConsent(lendingProduct, { status: 'Withdrawn' });
    const expired = fixtureConsent(insightsProduct, { status: 'Expired' });
    expect(productsUsingConnection(xeroConnection, fixtureProducts, [withdrawn, expired])).toEqual([]);
    // An "Active" record past its expiry date no longer lets its product read.
    const lapsed = { ...lendingConsent, duration: { ...lendingConsent.duration, expiresAt: '2020-01-01T00:00:00Z' } };
    expect(isActiveConsent(lapsed)).toBe(false);
    expect(productsUsingConnection(xeroConnection, fixtureProducts, [lapsed])).toEqual([]);
  });

  it('falls back to the products declared data types when no consent ledger is known', () => {
    expect(names(productsUsingConnection(bankConnection, fixtureProducts, null))).toEqual(['Copay Lending']);
    expect(names(productsUsingConnection(shopConnection, fixtureProducts, null))).toEqual(['Insights Dashboard']);
  });

  it('describes a product it was not given from its consent record', () => {
    const product = productOfConsent(lendingConsent, []);
    expect(product.identifier).toBe('lending');
    expect(product.retention.days).toBe(90);
    expect(names(productsUsingConnection(bankConnection, [], [lendingConsent]))).toEqual(['lending']);
  });
});

describe('withdrawImpact', () => {
  it('names the product that stops reading and the ones sharing its connections that keep going', () => {
    const impact = withdrawImpact(lendingConsent, fixtureProducts, [lendingConsent, insightsConsent], [xeroConnection, bankConnection, shopConnection]);
    expect(names(impact.impactedProducts)).toEqual(['Copay Lending']);
    expect(names(impact.unaffectedProducts)).toEqual(['Insights Dashboard']);
    expect(impact.connections.map((c) => c.platformName)).toEqual(['Xero', 'Monzo Business']);
  });

  it('has no unaffected products when nothing else shares the connections', () => {
    const impact = withdrawImpact(lendingConsent, fixtureProducts, [lendingConsent], [xeroConnection, bankConnection]);
    expect(impact.unaffectedProducts).toEqual([]);
  });
});

describe('formatNameList', () => {
  it('joins names the way the locale does', () => {
    expect(formatNameList(['Copay Lending', 'Insights Dashboard'], 'en')).toBe('Copay Lending and Insights Dashboard');
    expect(formatNameList(['A', 'B', 'C'], 'en')).toBe('A, B, and C');
    expect(formatNameList(['A', 'B'], 'fr-CA')).toBe('A et B');
  });
});
