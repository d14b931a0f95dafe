/**
 * Which products use a connection, and what a withdrawal changes: the facts behind the impact warnings of
 * `<ck-connection-manager>`. Plain functions over contract objects, no DOM.
 */
import type { Connection, ConsentRecord, Product } from '@consent-kit/contract';

/** A consent that still lets its product read data. */
export function isActiveConsent(consent: ConsentRecord, now: Date = new Date()): boolean {
  return consent.status === 'Active' && Date.parse(consent.duration.expiresAt) > now.getTime();
}

/** The product a consent is for: the declared one, or one described by the consent itself when not loaded. */
export function productOfConsent(consent: ConsentRecord, products: readonly Product[]): Product {
  const declared = products.find((p) => p.identifier === consent.productIdentifier);
  if (declared) return declared;
  return {
    identifier: consent.productIdentifier,
    name: consent.productIdentifier,
    purpose: consent.purposes[0]?.description ?? '',
    dataTypes: consent.dataTypes,
    retention: consent.retention,
    duration: { days: consent.duration.days },
    policyUrl: consent.policyUrl,
  };
}

function needsSourceType(dataTypes: Product['dataTypes'], sourceType: Connection['sourceType']): boolean {
  const types = (dataTypes as Record<string, readonly string[] | undefined>)[sourceType];
  return Array.isArray(types) && types.length > 0;
}

/**
 * The products that use a connection, in the order of `products`.
 *
 * With the consent ledger known (`consents` given): the products with an ACTIVE consent that either lists the
 * connection or covers data types of the connection's source type (data reads are per company, so a consent to
 * banking data reads every bank connection). Without it (`consents` null): the products whose declared data types
 * need that source type.
 */
export function productsUsingConnection(
  connection: Connection,
  products: readonly Product[],
  consents: readonly ConsentRecord[] | null,
  now: Date = new Date(),
): Product[] {
  if (!consents) return products.filter((p) => needsSourceType(p.dataTypes, connection.sourceType));
  const found = new Map<string, Product>();
  for (const consent of consents) {
    if (!isActiveConsent(consent, now)) continue;
    if (consent.connectionIds.includes(connection.id) || needsSourceType(consent.dataTypes, connection.sourceType)) {
      const product = productOfConsent(consent, products);
      found.set(product.identifier, product);
    }
  }
  const order = products.map((p) => p.identifier);
  return [...found.values()].sort((a, b) => rank(order, a.identifier) - rank(order, b.identifier));
}

function rank(order: string[], identifier: string): number {
  const i = order.indexOf(identifier);
  return i === -1 ? order.length : i;
}

export interface WithdrawImpact {
  /** The products that stop reading data: the consent's own product. */
  impactedProducts: Product[];
  /** Other products using the same connections under their own consent: they are not affected. */
  unaffectedProducts: Product[];
  /** The connections the consent covers, as far as they are known. */
  connections: Connection[];
}

export function withdrawImpact(
  consent: ConsentRecord,
  products: readonly Product[],
  consents: readonly ConsentRecord[],
  connections: readonly Connection[],
  now: Date = new Date(),
): WithdrawImpact {
  const product = productOfConsent(consent, products);
  const covered = connections.filter(
    (c) => consent.connectionIds.includes(c.id) || needsSourceType(consent.dataTypes, c.sourceType),
  );
  const others = new Map<string, Product>();
  for (const connection of covered) {
    for (const p of productsUsingConnection(connection, products, consents, now)) {
      if (p.identifier !== product.identifier) others.set(p.identifier, p);
    }
  }
  return { impactedProducts: [product], unaffectedProducts: [...others.values()], connections: covered };
}

/** "A", "A and B", "A, B and C" in the given locale. */
export function formatNameList(names: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}
