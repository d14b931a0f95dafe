/**
 * Sample integrations and connections for the picker's stories, tests and benchmark (controlled mode). Shapes come
 * from the contract; values are made up. Not exported from the package entry point.
 */
import type { Connection, ConnectionStatus, Integration, JourneySourceType } from '@consent-kit/contract';

const LOGO_BASE = 'https://logos.consent-kit.test';

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function integration(key: string, name: string, sourceType: JourneySourceType, n: number, extra: Partial<Integration> = {}): Integration {
  return {
    key,
    name,
    logoUrl: `${LOGO_BASE}/${key}.png`,
    enabled: true,
    sourceId: uuid(1000 + n),
    integrationId: uuid(2000 + n),
    sourceType,
    isOfflineConnector: false,
    isBeta: false,
    ...extra,
  };
}

/** A realistic catalogue: a dozen platforms across the three journey source types. */
export const sampleIntegrations: Integration[] = [
  integration('gbol', 'Xero', 'Accounting', 1),
  integration('qhyg', 'QuickBooks Online', 'Accounting', 2),
  integration('tgff', 'Sage Business Cloud Accounting', 'Accounting', 3),
  integration('akxx', 'Oracle NetSuite', 'Accounting', 4),
  integration('fbrh', 'FreeAgent', 'Accounting', 5),
  integration('pdvj', 'MYOB Business', 'Accounting', 6, { isBeta: true }),
  integration('hsdm', 'KashFlow', 'Accounting', 7, { enabled: false }),
  integration('bbrc', 'Barclays', 'Banking', 8, { dataProvidedBy: 'TrueLayer' }),
  integration('hsbc', 'HSBC UK', 'Banking', 9),
  integration('sgen', 'Société Générale', 'Banking', 10),
  integration('mnzo', 'Monzo Business', 'Banking', 11),
  integration('crdg', 'Crédit Agricole', 'Banking', 12),
  integration('shpf', 'Shopify', 'Commerce', 13),
  integration('strp', 'Stripe', 'Commerce', 14),
  integration('sqre', 'Square', 'Commerce', 15),
];

export function sampleConnection(key: string, status: ConnectionStatus = 'Linked', n = 1): Connection {
  const match = sampleIntegrations.find((i) => i.key === key)!;
  return {
    id: uuid(3000 + n),
    integrationId: match.integrationId!,
    integrationKey: key,
    sourceId: match.sourceId!,
    sourceType: match.sourceType!,
    platformName: match.name,
    linkUrl: `https://link.consent-kit.test/${key}`,
    status,
    created: '2026-03-02T09:15:00Z',
    lastSync: '2026-11-20T07:45:00Z',
  };
}

const SYLLABLES = ['ac', 'bel', 'cor', 'da', 'el', 'fin', 'ga', 'hel', 'io', 'jur', 'ka', 'lum', 'mo', 'nor', 'ob', 'pra', 'qui', 'ro', 'sol', 'tor', 'ul', 'ver', 'wy', 'xa', 'yo', 'zé'];
const SUFFIXES = ['Bank', 'Books', 'Ledger', 'Pay', 'Commerce', 'Crédit', 'Finance', 'Accounts', 'Store', 'Cloud'];
const TYPES: JourneySourceType[] = ['Accounting', 'Banking', 'Commerce'];

/** `count` distinct, deterministic integrations (for the 2,000-item story, test and benchmark). */
export function generateIntegrations(count: number): Integration[] {
  const result: Integration[] = [];
  for (let n = 0; n < count; n++) {
    const a = SYLLABLES[n % SYLLABLES.length]!;
    const b = SYLLABLES[Math.floor(n / SYLLABLES.length) % SYLLABLES.length]!;
    const word = `${a}${b}`;
    const name = `${word[0]!.toUpperCase()}${word.slice(1)} ${SUFFIXES[n % SUFFIXES.length]} ${n + 1}`;
    const key = Array.from({ length: 4 }, (_, i) => String.fromCharCode(97 + (Math.floor(n / 26 ** i) % 26))).join('');
    result.push(integration(key, name, TYPES[n % TYPES.length]!, 10_000 + n));
  }
  return result;
}

/** A very long name, for reflow stories and tests. */
export const longNameIntegration = integration(
  'lnng',
  'The Extraordinarily Long-Named Regional Co-operative Building Society and Savings Bank of Northern Provinces',
  'Banking',
  99,
);
