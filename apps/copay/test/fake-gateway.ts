import { randomBytes, randomUUID } from 'node:crypto';
import type { CreatedWebhookConsumer } from '@consent-kit/client';
import type {
  CreateWebhookConsumerRequest,
  Company,
  Connection,
  ConsentRecord,
  DataRecord,
  DataStatuses,
  PullStatus,
  SourceType,
  WebhookConsumer,
} from '@consent-kit/contract';
import { GatewayError, type CodatGateway } from '../server/codat.js';

/**
 * An in-memory stand-in for the API, for the backend's own tests: it keeps what the backend created and lets a
 * test set connection statuses, consents, sync statuses and records. (The real mock server is exercised by e2e.)
 */
export class FakeGateway implements CodatGateway {
  readonly baseUrl = 'http://api.test:4999';
  companies = new Map<string, Company>();
  connections = new Map<string, Connection[]>();
  consents = new Map<string, ConsentRecord[]>();
  statuses = new Map<string, DataStatuses>();
  records = new Map<string, Record<string, DataRecord[]>>();
  /** Data types refused with 403 (e.g. consent withdrawn). */
  refused = new Set<string>();
  reads: string[] = [];
  webhooks = new Map<string, WebhookConsumer>();
  /** Set to make the webhook endpoints fail as if the API were down. */
  unreachable = false;

  async createCompany(input: {
    name: string;
    description: string;
    tags?: Record<string, string>;
  }): Promise<Company> {
    const company: Company = {
      id: randomUUID(),
      name: input.name,
      description: input.description,
      tags: input.tags ?? {},
      redirect: `${this.baseUrl}/link/${input.name}`,
      created: new Date().toISOString(),
      dataConnections: [],
    };
    this.companies.set(company.id, company);
    return company;
  }
  async getCompany(companyId: string) {
    return this.companies.get(companyId) ?? null;
  }
  async accessToken(companyId: string) {
    if (!this.companies.has(companyId)) throw new GatewayError(404, { error: 'Company not found' });
    return { accessToken: `token-for-${companyId}`, expiresIn: 86_400, tokenType: 'Bearer' as const };
  }
  async listConnections(companyId: string) {
    if (!this.companies.has(companyId)) throw new GatewayError(404, { error: 'Company not found' });
    return this.connections.get(companyId) ?? [];
  }
  async getConnection(companyId: string, connectionId: string) {
    return (this.connections.get(companyId) ?? []).find((c) => c.id === connectionId) ?? null;
  }
  async listConsents(companyId: string) {
    return this.consents.get(companyId) ?? [];
  }
  async dataStatus(companyId: string) {
    return this.statuses.get(companyId) ?? {};
  }
  async readData(companyId: string, dataType: string, product: string) {
    this.reads.push(`${dataType}?product=${product}`);
    if (this.refused.has(dataType))
      throw new GatewayError(403, { error: `No active consent for ${product}` });
    return this.records.get(companyId)?.[dataType] ?? [];
  }

  async listWebhooks() {
    this.checkReachable();
    return [...this.webhooks.values()];
  }
  async createWebhook(input: CreateWebhookConsumerRequest): Promise<CreatedWebhookConsumer> {
    this.checkReachable();
    const consumer: WebhookConsumer = { id: randomUUID(), url: input.url, eventTypes: [...input.eventTypes] };
    this.webhooks.set(consumer.id, consumer);
    return { ...consumer, secret: `whsec_${randomBytes(24).toString('base64')}` };
  }
  async deleteWebhook(webhookId: string) {
    this.checkReachable();
    this.webhooks.delete(webhookId);
  }
  private checkReachable(): void {
    if (this.unreachable) throw new TypeError('fetch failed');
  }

  // ---- helpers for tests
  addConnection(
    companyId: string,
    sourceType: SourceType,
    platformName: string,
    status: Connection['status'] = 'Linked',
  ): Connection {
    const connection: Connection = {
      id: randomUUID(),
      integrationId: randomUUID(),
      sourceId: randomUUID(),
      sourceType,
      platformName,
      linkUrl: `${this.baseUrl}/link/start`,
      status,
      created: new Date().toISOString(),
    };
    this.connections.set(companyId, [...(this.connections.get(companyId) ?? []), connection]);
    return connection;
  }
  addConsent(
    companyId: string,
    productIdentifier = 'lending',
    status: ConsentRecord['status'] = 'Active',
  ): ConsentRecord {
    const now = new Date().toISOString();
    const consent: ConsentRecord = {
      id: randomUUID(),
      schema: 'ISO/IEC TS 27560:2023',
      subject: { companyId },
      controller: { name: 'Copay', policyUrl: 'https://copay.example/privacy' },
      productIdentifier,
      purposes: [{ description: 'lending', legalBasis: 'consent' }],
      dataTypes: {},
      connectionIds: [],
      duration: { days: 365, expiresAt: now },
      retention: { days: 90, description: '' },
      policyUrl: 'https://copay.example/privacy',
      language: 'en',
      collectionMethod: 'web-form',
      timestamp: now,
      status,
      events: [],
    };
    this.consents.set(companyId, [...(this.consents.get(companyId) ?? []), consent]);
    return consent;
  }
  setStatus(companyId: string, dataTypes: string[], status: PullStatus): void {
    const current = { ...(this.statuses.get(companyId) ?? {}) };
    for (const dataType of dataTypes)
      current[dataType] = {
        dataType: dataType as never,
        currentStatus: status,
        lastSuccessfulSync: status === 'Complete' ? new Date().toISOString() : null,
      };
    this.statuses.set(companyId, current);
  }
}
