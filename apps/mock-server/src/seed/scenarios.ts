import { DAY_MS } from '../clock.js';
import type { Domain } from '../domain.js';
import { stableUuid } from '../ids.js';
import type { CompanyRow, ConnectionRow, ConsentRow } from '../store.js';

/** Stable ids of seeded companies, so demos and tests can link straight to them. */
export const SEED_COMPANY_IDS = {
  demo: stableUuid('seed:demo:company'),
  expiredBank: stableUuid('seed:expired-bank:company'),
  pending: stableUuid('seed:pending:company'),
  withdrawn: stableUuid('seed:withdrawn:company'),
  multiProduct: stableUuid('seed:multi-product:company'),
  failingBank: stableUuid('seed:failing-bank:company'),
} as const;

function company(
  domain: Domain,
  id: string,
  name: string,
  description: string,
  tags: Record<string, string> = {},
): CompanyRow {
  const row: CompanyRow = {
    id,
    name,
    description,
    created: domain.clock.iso(),
    lastSync: null,
    products: [],
    tags,
  };
  domain.store.companies.set(id, row);
  return row;
}

function linked(domain: Domain, companyId: string, platformKey: string): ConnectionRow {
  const connection = domain.createConnection(companyId, platformKey);
  domain.authorise(connection, { instantSync: true });
  return connection;
}

/** The consent the person gave in English, on Copay's web form unless said otherwise. */
function granted(
  domain: Domain,
  companyId: string,
  productIdentifier: string,
  connectionIds: string[],
  collectionMethod: ConsentRow['collectionMethod'] = 'web-form',
) {
  return domain.grantConsent(companyId, {
    productIdentifier,
    connectionIds,
    language: 'en',
    collectionMethod,
  });
}

type Scenario = (domain: Domain) => void;

const scenarios: Record<string, { description: string; load: Scenario }> = {
  empty: { description: 'No companies: the catalogue, products and profile only.', load: () => undefined },
  pending: {
    description: 'A company with a Xero connection waiting for the person to sign in (PendingAuth).',
    load: (domain) => {
      company(domain, SEED_COMPANY_IDS.pending, 'Pending Pies Ltd', 'Started connecting but never finished');
      domain.createConnection(SEED_COMPANY_IDS.pending, 'gbol');
    },
  },
  demo: {
    description: 'First onboarding done: Xero + Sandbox Bank linked and synced, lending consent active.',
    load: (domain) => {
      const c = company(domain, SEED_COMPANY_IDS.demo, 'Bakery Ltd', 'Copay lending applicant', {
        region: 'uk',
      });
      domain.addProduct(c.id, 'lending');
      const xero = linked(domain, c.id, 'gbol');
      const bank = linked(domain, c.id, 'ssbx');
      granted(domain, c.id, 'lending', [xero.id, bank.id]);
    },
  },
  'expired-bank': {
    description:
      'Scenario 6: the open banking connection expired (Deauthorized); accounting still Linked; re-consent via linkUrl.',
    load: (domain) => {
      const c = company(
        domain,
        SEED_COMPANY_IDS.expiredBank,
        'Expired Bank Cafe',
        'Open banking consent lapsed',
      );
      domain.addProduct(c.id, 'lending');
      const accounting = linked(domain, c.id, 'qhyg');
      const bank = linked(domain, c.id, 'bbrc');
      granted(domain, c.id, 'lending', [accounting.id, bank.id]);
      bank.authorisedAt = new Date(domain.clock.now() - 91 * DAY_MS).toISOString();
      bank.expiresAt = new Date(domain.clock.now() - DAY_MS).toISOString();
      domain.sweepExpiries();
    },
  },
  withdrawn: {
    description:
      'Scenario 5: lending consent withdrawn (reads refused with 403); insights consent still active.',
    load: (domain) => {
      const c = company(
        domain,
        SEED_COMPANY_IDS.withdrawn,
        'Withdrawn Widgets Ltd',
        'Withdrew lending consent',
      );
      const xero = linked(domain, c.id, 'gbol');
      const lending = granted(domain, c.id, 'lending', [xero.id]);
      granted(domain, c.id, 'insights', [xero.id], 'additional-consent');
      domain.withdrawConsent(c.id, lending.id, 'No longer applying for a loan');
    },
  },
  'multi-product': {
    description: 'Scenarios 2-4: lending and insights consents over Xero, Monzo and Shopify.',
    load: (domain) => {
      const c = company(
        domain,
        SEED_COMPANY_IDS.multiProduct,
        'Multi Product Makers',
        'Uses lending and insights',
      );
      const ids = ['gbol', 'mnzo', 'shpf'].map((key) => linked(domain, c.id, key).id);
      granted(domain, c.id, 'lending', ids);
      granted(domain, c.id, 'insights', ids.slice(0, 2), 'additional-consent');
    },
  },
  'failing-bank': {
    description: 'A company whose Failing Bank (sandbox) connection syncs with FetchError.',
    load: (domain) => {
      const c = company(domain, SEED_COMPANY_IDS.failingBank, 'Failing Florists', 'Bank sync errors');
      domain.addProduct(c.id, 'lending');
      linked(domain, c.id, 'fbnk');
    },
  },
};

/** `all` loads every scenario. */
export const SEED_SCENARIOS: Record<string, string> = Object.fromEntries([
  ...Object.entries(scenarios).map(([name, s]) => [name, s.description]),
  ['all', 'Every scenario above at once.'],
]);

export function loadScenario(domain: Domain, name: string): void {
  if (name === 'all') {
    for (const scenario of Object.values(scenarios)) scenario.load(domain);
    return;
  }
  const scenario = scenarios[name];
  if (!scenario)
    throw new Error(`Unknown seed scenario "${name}". Known: ${Object.keys(SEED_SCENARIOS).join(', ')}`);
  scenario.load(domain);
}
