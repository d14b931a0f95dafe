import {
  DATA_TYPES_BY_SOURCE_TYPE,
  type Branding,
  type Integration,
  type JourneySourceType,
} from '@consent-kit/contract';
import { stableUuid } from '../ids.js';

export interface CatalogueEntry {
  key: string;
  name: string;
  sourceType: JourneySourceType;
  /** Brand colour of the generated logo. */
  color: string;
  enabled?: boolean;
  isBeta?: boolean;
  isOfflineConnector?: boolean;
  /** Sandbox integrations exist for testing and demos. */
  sandbox?: boolean;
  dataProvidedBy?: string;
  /** Behaviour of the simulated provider: pulls fail with FetchError. */
  failsSync?: boolean;
}

/**
 * The seed catalogue: 38 integrations across Accounting, Banking and Commerce, including sandboxes. Names are the
 * platforms people recognise; logos are NOT theirs: every logo is an original geometric SVG drawn in code
 * (initials on a coloured shape, see logos.ts).
 */
export const CATALOGUE: readonly CatalogueEntry[] = [
  // Accounting
  { key: 'gbol', name: 'Xero', sourceType: 'Accounting', color: '#1277a8' },
  { key: 'qhyg', name: 'QuickBooks Online', sourceType: 'Accounting', color: '#2a7d2e' },
  {
    key: 'pqsw',
    name: 'QuickBooks Desktop',
    sourceType: 'Accounting',
    color: '#236b27',
    isOfflineConnector: true,
  },
  { key: 'tgff', name: 'Sage Business Cloud Accounting', sourceType: 'Accounting', color: '#00815d' },
  { key: 'hbql', name: 'Sage 50 (UK)', sourceType: 'Accounting', color: '#006b4f', isOfflineConnector: true },
  { key: 'knfz', name: 'Sage Intacct', sourceType: 'Accounting', color: '#0b6e63' },
  { key: 'akxx', name: 'Oracle NetSuite', sourceType: 'Accounting', color: '#36475a' },
  { key: 'fbrh', name: 'FreeAgent', sourceType: 'Accounting', color: '#0b6b9a' },
  { key: 'ugxp', name: 'FreshBooks', sourceType: 'Accounting', color: '#0a5fae' },
  { key: 'qudb', name: 'Exact Online', sourceType: 'Accounting', color: '#c8102e' },
  {
    key: 'trji',
    name: 'Microsoft Dynamics 365 Business Central',
    sourceType: 'Accounting',
    color: '#00738a',
  },
  { key: 'rwuv', name: 'Zoho Books', sourceType: 'Accounting', color: '#b5261e' },
  { key: 'pdvj', name: 'MYOB Business', sourceType: 'Accounting', color: '#6b2fb3', isBeta: true },
  { key: 'wvtn', name: 'Clear Books', sourceType: 'Accounting', color: '#1f5f8b' },
  { key: 'hsdm', name: 'KashFlow', sourceType: 'Accounting', color: '#7a4d00', enabled: false },
  { key: 'mqjo', name: 'Accounting Sandbox', sourceType: 'Accounting', color: '#5b4bc4', sandbox: true },
  // Banking (open banking, via an aggregator)
  { key: 'bbrc', name: 'Barclays', sourceType: 'Banking', color: '#00629b', dataProvidedBy: 'TrueLayer' },
  { key: 'hsbc', name: 'HSBC UK', sourceType: 'Banking', color: '#b3001b', dataProvidedBy: 'TrueLayer' },
  { key: 'lloy', name: 'Lloyds Bank', sourceType: 'Banking', color: '#006a4d', dataProvidedBy: 'TrueLayer' },
  { key: 'ntws', name: 'NatWest', sourceType: 'Banking', color: '#42145f', dataProvidedBy: 'TrueLayer' },
  { key: 'snuk', name: 'Santander UK', sourceType: 'Banking', color: '#c00000', dataProvidedBy: 'Plaid' },
  { key: 'mnzo', name: 'Monzo Business', sourceType: 'Banking', color: '#b8323a', dataProvidedBy: 'Plaid' },
  { key: 'strl', name: 'Starling Bank', sourceType: 'Banking', color: '#5a2d82', dataProvidedBy: 'Plaid' },
  {
    key: 'rvlt',
    name: 'Revolut Business',
    sourceType: 'Banking',
    color: '#1b1f3b',
    dataProvidedBy: 'Yapily',
  },
  { key: 'tide', name: 'Tide', sourceType: 'Banking', color: '#2c3f9e', dataProvidedBy: 'Yapily' },
  {
    key: 'mtro',
    name: 'Metro Bank',
    sourceType: 'Banking',
    color: '#b01c2e',
    dataProvidedBy: 'Yapily',
    isBeta: true,
  },
  {
    key: 'nwde',
    name: 'Nationwide',
    sourceType: 'Banking',
    color: '#1d2a6b',
    dataProvidedBy: 'Plaid',
    enabled: false,
  },
  {
    key: 'ssbx',
    name: 'Sandbox Bank',
    sourceType: 'Banking',
    color: '#3d6b35',
    sandbox: true,
    dataProvidedBy: 'consent-kit',
  },
  {
    key: 'fbnk',
    name: 'Failing Bank',
    sourceType: 'Banking',
    color: '#8a3b12',
    sandbox: true,
    dataProvidedBy: 'consent-kit',
    failsSync: true,
  },
  // Commerce
  { key: 'shpf', name: 'Shopify', sourceType: 'Commerce', color: '#4a7a1d' },
  { key: 'strp', name: 'Stripe', sourceType: 'Commerce', color: '#5146d6' },
  { key: 'sqre', name: 'Square', sourceType: 'Commerce', color: '#2b2b2b' },
  { key: 'pypl', name: 'PayPal', sourceType: 'Commerce', color: '#15458a' },
  { key: 'wooc', name: 'WooCommerce', sourceType: 'Commerce', color: '#6b4a9e' },
  { key: 'amzn', name: 'Amazon Seller Central', sourceType: 'Commerce', color: '#9a5800', isBeta: true },
  { key: 'ebay', name: 'eBay', sourceType: 'Commerce', color: '#a3262a' },
  { key: 'zttl', name: 'Zettle', sourceType: 'Commerce', color: '#2d2d5f', enabled: false },
  { key: 'csbx', name: 'Commerce Sandbox', sourceType: 'Commerce', color: '#7a3b69', sandbox: true },
];

export interface CatalogueIntegration extends CatalogueEntry {
  integrationId: string;
  sourceId: string;
}

export const INTEGRATIONS: readonly CatalogueIntegration[] = CATALOGUE.map((entry) => ({
  ...entry,
  integrationId: stableUuid(`integration:${entry.key}`),
  sourceId: stableUuid(`source:${entry.key}`),
}));

export const INTEGRATIONS_BY_KEY: ReadonlyMap<string, CatalogueIntegration> = new Map(
  INTEGRATIONS.map((i) => [i.key, i]),
);

/** Wire shape of an integration; URLs depend on where the server is reachable. */
export function toIntegration(entry: CatalogueIntegration, publicUrl: string): Integration {
  const dataTypes = DATA_TYPES_BY_SOURCE_TYPE[entry.sourceType];
  return {
    key: entry.key,
    name: entry.name,
    logoUrl: `${publicUrl}/assets/logos/${entry.key}.svg`,
    enabled: entry.enabled ?? true,
    sourceId: entry.sourceId,
    sourceType: entry.sourceType,
    integrationId: entry.integrationId,
    isOfflineConnector: entry.isOfflineConnector ?? false,
    isBeta: entry.isBeta ?? false,
    dataProvidedBy: entry.dataProvidedBy ?? entry.name,
    // Codat's spec names the property `dataType` but requires (and its examples send) `datatype`: send both.
    datatypeFeatures: dataTypes.map((dataType) => ({
      dataType,
      datatype: dataType,
      supportedFeatures: [
        {
          featureType: 'Get' as const,
          featureState: entry.isBeta ? ('Beta' as const) : ('Release' as const),
        },
      ],
    })),
  };
}

export function toBranding(entry: CatalogueIntegration, publicUrl: string): Branding {
  const base = `${publicUrl}/assets`;
  return {
    logo: {
      full: { image: { src: `${base}/logos/${entry.key}-full.svg`, alt: `${entry.name} logo` } },
      square: { image: { src: `${base}/logos/${entry.key}.svg`, alt: `${entry.name} logo` } },
    },
    button: {
      default: { image: { src: `${base}/buttons/${entry.key}.svg`, alt: `Connect to ${entry.name}` } },
      hover: { image: { src: `${base}/buttons/${entry.key}-hover.svg`, alt: `Connect to ${entry.name}` } },
    },
    sourceId: entry.sourceId,
  };
}
