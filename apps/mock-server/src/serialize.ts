import type {
  Company,
  CompanyDetails,
  Connection,
  ConsentRecord,
  DataTypesBySourceType,
} from '@consent-kit/contract';
import { INTEGRATIONS_BY_KEY } from './seed/integrations.js';
import type { CompanyRow, ConnectionRow, ConsentRow, Store } from './store.js';

/** Hosted Link paths (documented in the README). */
export const linkPaths = {
  company: (companyId: string) => `/link/${companyId}`,
  connectionStart: (companyId: string, connectionId: string) =>
    `/link/${companyId}/connections/${connectionId}/start`,
};

export function toConnection(row: ConnectionRow, publicUrl: string): Connection {
  const integration = INTEGRATIONS_BY_KEY.get(row.integrationKey)!;
  const connection: Connection = {
    id: row.id,
    integrationId: integration.integrationId,
    integrationKey: integration.key,
    sourceId: integration.sourceId,
    sourceType: integration.sourceType,
    platformName: integration.name,
    linkUrl: `${publicUrl}${linkPaths.connectionStart(row.companyId, row.id)}`,
    status: row.status,
    lastSync: row.lastSync,
    created: row.created,
    dataConnectionErrors: row.errors,
  };
  // consent-kit extension, inside Codat's free-form connectionInfo: when access was first given and when it lapses.
  if (row.authorisedAt || row.expiresAt) {
    connection.connectionInfo = { authorisedAt: row.authorisedAt, expiresAt: row.expiresAt };
  }
  return connection;
}

export function toCompanyDetails(row: CompanyRow, publicUrl: string): CompanyDetails {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    redirect: `${publicUrl}${linkPaths.company(row.id)}`,
    lastSync: row.lastSync,
    created: row.created,
    createdByUserName: null,
    products: [...row.products],
    tags: { ...row.tags },
    referenceParentCompany: null,
    referenceSubsidiaryCompanies: [],
  };
}

export function connectionsOf(store: Store, companyId: string): ConnectionRow[] {
  const out: ConnectionRow[] = [];
  for (const row of store.connections.values()) if (row.companyId === companyId) out.push(row);
  return out;
}

export function toCompany(store: Store, row: CompanyRow, publicUrl: string): Company {
  return {
    ...toCompanyDetails(row, publicUrl),
    dataConnections: connectionsOf(store, row.id).map((c) => toConnection(c, publicUrl)),
  };
}

export function companyReference(row: CompanyRow): {
  id: string;
  name: string;
  tags: Record<string, string>;
} {
  return { id: row.id, name: row.name, tags: { ...row.tags } };
}

/** The record as the API shows it: base fields plus what the latest event says (never edited in place). */
export function toConsent(row: ConsentRow): ConsentRecord {
  const latest = row.events[row.events.length - 1]!;
  const status = latest.type === 'withdrawn' ? 'Withdrawn' : latest.type === 'expired' ? 'Expired' : 'Active';
  return {
    ...row,
    status,
    dataTypes: cloneDataTypes(latest.dataTypes),
    connectionIds: [...latest.connectionIds],
    events: row.events.map((event) => ({ ...event })),
  };
}

export function cloneDataTypes(dataTypes: DataTypesBySourceType): DataTypesBySourceType {
  const out: DataTypesBySourceType = {};
  for (const [sourceType, list] of Object.entries(dataTypes) as [keyof DataTypesBySourceType, string[]][]) {
    out[sourceType] = [...list] as never;
  }
  return out;
}
