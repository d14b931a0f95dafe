import {
  DATA_TYPES_BY_SOURCE_TYPE,
  JOURNEY_SOURCE_TYPES,
  type ConsentEvent,
  type ConsentEventType,
  type DataType,
  type DataTypesBySourceType,
  type JourneySourceType,
  type WebhookEventType,
} from '@consent-kit/contract';
import { Clock, DAY_MS } from './clock.js';
import { ApiError } from './errors.js';
import { newId, randomToken } from './ids.js';
import type { ResolvedOptions } from './options.js';
import { INTEGRATIONS_BY_KEY } from './seed/integrations.js';
import { PRODUCTS_BY_ID } from './seed/products.js';
import {
  cloneDataTypes,
  companyReference,
  connectionsOf,
  toCompanyDetails,
  toConnection,
  toConsent,
} from './serialize.js';
import type { CompanyRow, ConnectionRow, ConsentRow, Store } from './store.js';
import { SyncEngine } from './sync.js';
import { WebhookDispatcher } from './webhooks/dispatcher.js';

/**
 * The mock's behaviour, independent of HTTP: companies, connections, syncs, the consent ledger, expiry, events.
 * Route handlers validate input, call these methods and serialise the result.
 */
export class Domain {
  readonly clock: Clock;
  readonly webhooks: WebhookDispatcher;
  readonly sync: SyncEngine;
  private publicUrlValue: string;
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly store: Store,
    readonly options: ResolvedOptions,
  ) {
    this.publicUrlValue = options.publicUrl ?? `http://localhost:${options.port}`;
    this.clock = new Clock(store.clockOffsetMs);
    if (options.now !== undefined && store.clockOffsetMs === 0) this.clock.reset(options.now - Date.now());
    store.clockOffsetMs = this.clock.offset;
    this.clock.onChange(() => {
      this.store.clockOffsetMs = this.clock.offset;
      this.sweepExpiries();
      this.store.scheduleSave();
    });
    const changed = () => this.store.scheduleSave();
    this.webhooks = new WebhookDispatcher(store, this.clock, options.webhooks, changed);
    this.sync = new SyncEngine(store, this.clock, options.syncStepMs, {
      changed,
      batchFinished: (connection, pulls, initial) => {
        const company = this.store.companies.get(connection.companyId);
        if (!company) return;
        const payload = {
          referenceCompany: companyReference(company),
          modifiedFromDate: null,
          dataTypes: pulls.map((pull) => ({
            connectionId: pull.connectionId,
            dataType: pull.dataType,
            recordsModified: pull.status === 'Complete',
            status: pull.status,
            issues: pull.errorMessage ? [{ type: pull.status, message: pull.errorMessage }] : null,
          })),
        };
        this.emit('read.completed', payload, company);
        if (initial) this.emit('read.completed.initial', payload, company);
      },
    });
  }

  get publicUrl(): string {
    return this.publicUrlValue;
  }

  set publicUrl(url: string) {
    this.publicUrlValue = url.replace(/\/+$/, '');
  }

  /** Resumes timers after loading persisted state and sweeps expiries once a minute. */
  start(): void {
    this.sync.resume();
    this.webhooks.resume();
    this.sweepExpiries();
    this.sweepTimer = setInterval(() => this.sweepExpiries(), 60_000);
    this.sweepTimer.unref();
  }

  stop(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sync.stop();
    this.webhooks.stop();
  }

  emit(eventType: WebhookEventType, payload: unknown, company: CompanyRow | null): void {
    this.webhooks.emit(eventType, payload, company);
  }

  // ---------------------------------------------------------------- companies

  company(companyId: string): CompanyRow {
    const row = this.store.companies.get(companyId);
    if (!row) throw new ApiError(404, `No company was found with ID ${companyId}`);
    return row;
  }

  createCompany(input: { name: string; description?: string; tags?: Record<string, string> }): CompanyRow {
    const row: CompanyRow = {
      id: newId(),
      name: input.name,
      description: input.description ?? null,
      created: this.clock.iso(),
      lastSync: null,
      products: [],
      tags: input.tags ?? {},
    };
    this.store.companies.set(row.id, row);
    this.emit('company.created', toCompanyDetails(row, this.publicUrl), row);
    return row;
  }

  deleteCompany(companyId: string): void {
    const company = this.company(companyId);
    for (const connection of connectionsOf(this.store, companyId)) this.removeConnectionData(connection);
    for (const [id, consent] of this.store.consents)
      if (consent.subject.companyId === companyId) this.store.consents.delete(id);
    for (const [token, row] of this.store.tokens)
      if (row.companyId === companyId) this.store.tokens.delete(token);
    this.store.companies.delete(companyId);
    this.emit('company.deleted', toCompanyDetails(company, this.publicUrl), company);
  }

  addProduct(companyId: string, identifier: string): void {
    const company = this.company(companyId);
    this.product(identifier);
    if (!company.products.includes(identifier)) company.products.push(identifier);
  }

  removeProduct(companyId: string, identifier: string): void {
    const company = this.company(companyId);
    if (!company.products.includes(identifier)) {
      throw new ApiError(404, `Product ${identifier} is not enabled for company ${companyId}`);
    }
    company.products = company.products.filter((p) => p !== identifier);
  }

  product(identifier: string) {
    const product = PRODUCTS_BY_ID.get(identifier);
    if (!product) throw new ApiError(404, `No product was found with identifier ${identifier}`);
    return product;
  }

  // ---------------------------------------------------------------- tokens

  issueToken(companyId: string): { accessToken: string; expiresIn: number; tokenType: 'Bearer' } {
    this.company(companyId);
    const now = this.clock.now();
    for (const [token, row] of this.store.tokens)
      if (row.expiresAt + DAY_MS <= now) this.store.tokens.delete(token);
    const accessToken = `ckat_${randomToken(32)}`;
    this.store.tokens.set(accessToken, {
      token: accessToken,
      companyId,
      expiresAt: now + this.options.tokenTtlSeconds * 1000,
    });
    return { accessToken, expiresIn: this.options.tokenTtlSeconds, tokenType: 'Bearer' };
  }

  // ---------------------------------------------------------------- connections

  connection(companyId: string, connectionId: string): ConnectionRow {
    const row = this.store.connections.get(connectionId);
    if (!row || row.companyId !== companyId)
      throw new ApiError(404, `Data connection ${connectionId} not found`);
    return row;
  }

  createConnection(companyId: string, platformKey: string): ConnectionRow {
    const company = this.company(companyId);
    const integration = INTEGRATIONS_BY_KEY.get(platformKey);
    if (!integration) throw new ApiError(404, `No integration was found with key ${platformKey}`);
    if (integration.enabled === false) {
      throw ApiError.invalid(
        'platformKey',
        `The integration ${platformKey} (${integration.name}) is not enabled`,
        'enabled',
      );
    }
    if (integration.sourceType === 'Accounting') {
      const existing = connectionsOf(this.store, companyId).find(
        (c) => INTEGRATIONS_BY_KEY.get(c.integrationKey)?.sourceType === 'Accounting',
      );
      if (existing) {
        throw new ApiError(
          409,
          `Company ${companyId} already has an accounting connection (${existing.id}); a company can link only one source of accounting data`,
        );
      }
    }
    const row: ConnectionRow = {
      id: newId(),
      companyId,
      integrationKey: integration.key,
      status: 'PendingAuth',
      created: this.clock.iso(),
      lastSync: null,
      errors: [],
      authorisedAt: null,
      expiresAt: null,
      initialSyncDone: false,
      authorizationKeys: [],
    };
    this.store.connections.set(row.id, row);
    this.emitConnection('connection.created', company, row);
    return row;
  }

  sourceTypeOf(connection: ConnectionRow): JourneySourceType {
    return INTEGRATIONS_BY_KEY.get(connection.integrationKey)!.sourceType;
  }

  /**
   * The person approved access at the provider (hosted flow or `PUT .../authorization`): Linked, a fresh open
   * banking expiry, a sync of the data types the company's products need. Re-consent of an Unlinked or Deauthorized
   * connection keeps the same connection and emits `connection.reconnected`.
   */
  authorise(connection: ConnectionRow, options: { instantSync?: boolean } = {}): void {
    const company = this.company(connection.companyId);
    const previous = connection.status;
    const now = this.clock.now();
    connection.status = 'Linked';
    connection.authorisedAt ??= new Date(now).toISOString();
    connection.expiresAt =
      this.sourceTypeOf(connection) === 'Banking'
        ? new Date(now + this.options.bankingConnectionDays * DAY_MS).toISOString()
        : null;
    for (const error of connection.errors) {
      if (error.status === 'Active') {
        error.status = 'Resolved';
        error.resolvedOnUtc = new Date(now).toISOString();
      }
    }
    if (previous === 'PendingAuth') this.emitConnection('connection.connected', company, connection);
    else if (previous === 'Unlinked' || previous === 'Deauthorized')
      this.emitConnection('connection.reconnected', company, connection);
    this.syncConnection(connection, undefined, options.instantSync);
  }

  /** The hosted flow ended in an error for this connection. */
  authorisationFailed(
    connection: ConnectionRow,
    error: string,
    description: string,
    statusCode: number,
  ): void {
    const company = this.company(connection.companyId);
    connection.errors.push({
      statusCode: String(statusCode),
      statusText: error,
      errorMessage: description,
      erroredOnUtc: this.clock.iso(),
      status: null,
      resolvedOnUtc: null,
    });
    this.emitConnection('connection.failed', company, connection);
  }

  unlink(connection: ConnectionRow): void {
    if (connection.status !== 'Linked') {
      throw new ApiError(
        409,
        `Only a Linked connection can be unlinked; connection ${connection.id} is ${connection.status}`,
      );
    }
    connection.status = 'Unlinked';
    this.emitConnection('connection.disconnected', this.company(connection.companyId), connection);
  }

  deauthorise(connection: ConnectionRow, reason: string): void {
    if (connection.status !== 'Linked') return;
    connection.status = 'Deauthorized';
    connection.errors.push({
      statusCode: '401',
      statusText: 'consent_expired',
      errorMessage: reason,
      erroredOnUtc: this.clock.iso(),
      status: 'Active',
      resolvedOnUtc: null,
    });
    this.emitConnection('connection.disconnected', this.company(connection.companyId), connection);
  }

  deleteConnection(connection: ConnectionRow): void {
    const company = this.company(connection.companyId);
    this.removeConnectionData(connection);
    this.emitConnection('connection.deleted', company, connection);
  }

  private removeConnectionData(connection: ConnectionRow): void {
    for (const [id, pull] of this.store.pulls)
      if (pull.connectionId === connection.id) this.store.pulls.delete(id);
    this.store.connections.delete(connection.id);
  }

  private emitConnection(eventType: WebhookEventType, company: CompanyRow, connection: ConnectionRow): void {
    this.emit(
      eventType,
      { referenceCompany: companyReference(company), connection: toConnection(connection, this.publicUrl) },
      company,
    );
  }

  // ---------------------------------------------------------------- syncs

  /**
   * What a sync of this connection fetches: the data types of its source type that the company's products
   * (`PUT /companies/{id}/products/...`) and active consents need; when there are none, every data type the source
   * type provides.
   */
  dataTypesFor(connection: ConnectionRow): DataType[] {
    const sourceType = this.sourceTypeOf(connection);
    const company = this.company(connection.companyId);
    const wanted = new Set<DataType>();
    const products = new Set(company.products);
    for (const consent of this.store.consents.values()) {
      if (consent.subject.companyId !== company.id) continue;
      const record = toConsent(consent);
      if (record.status !== 'Active') continue;
      for (const dataType of record.dataTypes[sourceType] ?? []) wanted.add(dataType);
    }
    for (const identifier of products) {
      for (const dataType of PRODUCTS_BY_ID.get(identifier)?.dataTypes[sourceType] ?? [])
        wanted.add(dataType);
    }
    if (wanted.size === 0) return [...DATA_TYPES_BY_SOURCE_TYPE[sourceType]];
    const order: readonly string[] = DATA_TYPES_BY_SOURCE_TYPE[sourceType];
    return [...wanted].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }

  syncConnection(connection: ConnectionRow, dataTypes = this.dataTypesFor(connection), instant?: boolean) {
    return this.sync.start(connection, dataTypes, instant);
  }

  /** `POST /companies/{id}/data/all`: every Linked (or Deauthorized, which errors) connection. Unlinked ones stop syncing. */
  refreshAll(companyId: string): void {
    this.company(companyId);
    for (const connection of connectionsOf(this.store, companyId)) {
      if (connection.status === 'Linked' || connection.status === 'Deauthorized')
        this.syncConnection(connection);
    }
  }

  refreshDataType(companyId: string, dataType: DataType, connectionId?: string) {
    this.company(companyId);
    const candidates = connectionsOf(this.store, companyId).filter(
      (c) =>
        (connectionId ? c.id === connectionId : true) &&
        (DATA_TYPES_BY_SOURCE_TYPE[this.sourceTypeOf(c)] as readonly string[]).includes(dataType),
    );
    if (connectionId && candidates.length === 0) {
      const exists = this.store.connections.get(connectionId);
      if (!exists || exists.companyId !== companyId)
        throw new ApiError(404, `Data connection ${connectionId} not found`);
      throw ApiError.invalid('dataType', `Connection ${connectionId} cannot provide ${dataType}`, 'dataType');
    }
    const usable = candidates.filter((c) => c.status === 'Linked' || c.status === 'Deauthorized');
    if (usable.length === 0) {
      throw new ApiError(409, `Company ${companyId} has no Linked connection that provides ${dataType}`);
    }
    return usable.flatMap((connection) => this.sync.start(connection, [dataType]));
  }

  // ---------------------------------------------------------------- consent ledger

  consent(companyId: string, consentId: string): ConsentRow {
    const row = this.store.consents.get(consentId);
    if (!row || row.subject.companyId !== companyId)
      throw new ApiError(404, `No consent was found with ID ${consentId}`);
    return row;
  }

  private checkDataTypes(dataTypes: DataTypesBySourceType, field: string): void {
    for (const [sourceType, list] of Object.entries(dataTypes)) {
      const allowed: readonly string[] = DATA_TYPES_BY_SOURCE_TYPE[sourceType as JourneySourceType];
      list.forEach((dataType, index) => {
        if (!allowed.includes(dataType)) {
          throw ApiError.invalid(
            `${field}.${sourceType}.${index}`,
            `${dataType} is not a ${sourceType} data type`,
            'dataType',
          );
        }
      });
    }
  }

  private checkConnections(companyId: string, connectionIds: readonly string[], field: string): void {
    connectionIds.forEach((id, index) => {
      const connection = this.store.connections.get(id);
      if (!connection || connection.companyId !== companyId) {
        throw ApiError.invalid(
          `${field}.${index}`,
          `Connection ${id} does not belong to company ${companyId}`,
          'connection',
        );
      }
    });
  }

  grantConsent(
    companyId: string,
    input: {
      productIdentifier: string;
      dataTypes?: DataTypesBySourceType;
      connectionIds: string[];
      language: string;
      collectionMethod: ConsentRow['collectionMethod'];
      noticeText?: string;
    },
  ): ConsentRow {
    const company = this.company(companyId);
    const product = PRODUCTS_BY_ID.get(input.productIdentifier);
    if (!product) {
      throw ApiError.invalid(
        'productIdentifier',
        `No product was found with identifier ${input.productIdentifier}`,
        'product',
      );
    }
    const dataTypes = cloneDataTypes(input.dataTypes ?? product.dataTypes);
    this.checkDataTypes(dataTypes, 'dataTypes');
    this.checkConnections(companyId, input.connectionIds, 'connectionIds');
    for (const existing of this.store.consents.values()) {
      if (
        existing.subject.companyId === companyId &&
        existing.productIdentifier === product.identifier &&
        toConsent(existing).status === 'Active'
      ) {
        throw new ApiError(
          409,
          `Company ${companyId} already has an active consent (${existing.id}) for product ${product.identifier}`,
        );
      }
    }
    const now = this.clock.now();
    const id = newId();
    const row: ConsentRow = {
      id,
      schema: 'ISO/IEC TS 27560:2023',
      subject: { companyId },
      controller: { name: this.store.profile.name, policyUrl: product.policyUrl },
      productIdentifier: product.identifier,
      purposes: [{ description: product.purpose, legalBasis: 'consent' }],
      duration: {
        days: product.duration.days,
        expiresAt: new Date(now + product.duration.days * DAY_MS).toISOString(),
      },
      retention: { ...product.retention },
      policyUrl: product.policyUrl,
      language: input.language,
      collectionMethod: input.collectionMethod,
      timestamp: new Date(now).toISOString(),
      events: [],
    };
    this.store.consents.set(id, row);
    this.appendConsentEvent(
      company,
      row,
      'given',
      dataTypes,
      [...new Set(input.connectionIds)],
      input.noticeText ?? null,
      null,
    );
    if (!company.products.includes(product.identifier)) company.products.push(product.identifier);
    this.fetchNewlyConsented(companyId, dataTypes);
    return row;
  }

  /**
   * A consent for another product can need data types its connections never fetched (scenario 4: lending after
   * insights). They are fetched now, without re-authenticating the provider; data already fetched is not refetched.
   */
  private fetchNewlyConsented(companyId: string, dataTypes: DataTypesBySourceType): void {
    for (const connection of connectionsOf(this.store, companyId)) {
      if (connection.status !== 'Linked') continue;
      const fetched = new Set<string>();
      for (const pull of this.store.pulls.values()) {
        if (pull.connectionId === connection.id && !pull.isErrored) fetched.add(pull.dataType);
      }
      const missing = (dataTypes[this.sourceTypeOf(connection)] ?? []).filter((dt) => !fetched.has(dt));
      if (missing.length) this.syncConnection(connection, missing);
    }
  }

  private requireActive(row: ConsentRow): void {
    const status = toConsent(row).status;
    if (status !== 'Active')
      throw new ApiError(409, `Consent ${row.id} is ${status}; grant a new consent instead`);
  }

  amendConsent(
    companyId: string,
    consentId: string,
    input: { dataTypes?: DataTypesBySourceType; connectionIds?: string[]; noticeText?: string },
  ): ConsentRow {
    const company = this.company(companyId);
    const row = this.consent(companyId, consentId);
    this.requireActive(row);
    if (!input.dataTypes && !input.connectionIds) {
      throw ApiError.invalid('dataTypes', 'An amendment must add dataTypes or connectionIds', 'required');
    }
    if (input.dataTypes) this.checkDataTypes(input.dataTypes, 'dataTypes');
    if (input.connectionIds) this.checkConnections(companyId, input.connectionIds, 'connectionIds');
    const current = toConsent(row);
    const dataTypes = cloneDataTypes(current.dataTypes);
    for (const [sourceType, list] of Object.entries(input.dataTypes ?? {}) as [
      JourneySourceType,
      DataType[],
    ][]) {
      const merged = new Set<DataType>([...((dataTypes[sourceType] ?? []) as DataType[]), ...list]);
      const order: readonly string[] = DATA_TYPES_BY_SOURCE_TYPE[sourceType];
      dataTypes[sourceType] = [...merged].sort((a, b) => order.indexOf(a) - order.indexOf(b)) as never;
    }
    const connectionIds = [...new Set([...current.connectionIds, ...(input.connectionIds ?? [])])];
    this.appendConsentEvent(
      company,
      row,
      'amended',
      dataTypes,
      connectionIds,
      input.noticeText ?? null,
      null,
    );
    // Newly consented data types are fetched without re-authenticating the provider.
    for (const connection of connectionsOf(this.store, companyId)) {
      if (connection.status !== 'Linked') continue;
      const added = (input.dataTypes?.[this.sourceTypeOf(connection)] ?? []).filter(
        (dt) => !(current.dataTypes[this.sourceTypeOf(connection)] ?? []).includes(dt),
      );
      if (added.length) this.syncConnection(connection, added);
    }
    return row;
  }

  withdrawConsent(companyId: string, consentId: string, reason: string | undefined): ConsentRow {
    const company = this.company(companyId);
    const row = this.consent(companyId, consentId);
    this.requireActive(row);
    const current = toConsent(row);
    this.appendConsentEvent(
      company,
      row,
      'withdrawn',
      current.dataTypes,
      current.connectionIds,
      null,
      reason ?? null,
    );
    company.products = company.products.filter((p) => p !== row.productIdentifier);
    return row;
  }

  private appendConsentEvent(
    company: CompanyRow,
    row: ConsentRow,
    type: ConsentEventType,
    dataTypes: DataTypesBySourceType,
    connectionIds: string[],
    noticeText: string | null,
    reason: string | null,
  ): void {
    const event: ConsentEvent = {
      id: newId(),
      consentId: row.id,
      type,
      timestamp: this.clock.iso(),
      dataTypes,
      connectionIds,
      noticeText,
      reason,
    };
    row.events.push(event);
    const consent = toConsent(row);
    this.emit(
      `consent.${type}` as WebhookEventType,
      { referenceCompany: companyReference(company), consent, event },
      company,
    );
  }

  /** Whether `product`'s consent lets this company's data of `dataType` be read; throws 403 otherwise. */
  consentFor(companyId: string, productIdentifier: string, dataType: DataType) {
    this.product(productIdentifier);
    const rows = [...this.store.consents.values()].filter(
      (row) => row.subject.companyId === companyId && row.productIdentifier === productIdentifier,
    );
    const records = rows.map(toConsent);
    const active = records.find((record) => record.status === 'Active');
    if (!active) {
      const latest = records[records.length - 1];
      throw new ApiError(
        403,
        latest
          ? `The consent for product ${productIdentifier} is ${latest.status}: data cannot be read for it`
          : `There is no consent for product ${productIdentifier}: data cannot be read for it`,
        { detailedErrorCode: 40301 },
      );
    }
    const covered = JOURNEY_SOURCE_TYPES.some((st) =>
      (active.dataTypes[st] as string[] | undefined)?.includes(dataType),
    );
    if (!covered) {
      throw new ApiError(403, `The consent for product ${productIdentifier} does not cover ${dataType}`, {
        detailedErrorCode: 40302,
      });
    }
    return active;
  }

  // ---------------------------------------------------------------- expiry

  /** Moves anything whose time has passed: open banking connections -> Deauthorized, consents -> expired. */
  sweepExpiries(): void {
    const now = this.clock.now();
    let changed = false;
    for (const connection of this.store.connections.values()) {
      if (connection.status === 'Linked' && connection.expiresAt && Date.parse(connection.expiresAt) <= now) {
        this.deauthorise(
          connection,
          'The open banking consent expired: the person must re-authorise access at their bank.',
        );
        changed = true;
      }
    }
    for (const row of this.store.consents.values()) {
      const record = toConsent(row);
      if (record.status === 'Active' && Date.parse(record.duration.expiresAt) <= now) {
        const company = this.store.companies.get(row.subject.companyId);
        if (!company) continue;
        this.appendConsentEvent(
          company,
          row,
          'expired',
          record.dataTypes,
          record.connectionIds,
          null,
          'The consent reached its expiry date',
        );
        company.products = company.products.filter((p) => p !== row.productIdentifier);
        changed = true;
      }
    }
    // Expired tokens are kept for a day so that their use gets a clear "expired" 401, then forgotten.
    for (const [token, row] of this.store.tokens)
      if (row.expiresAt + DAY_MS <= now) this.store.tokens.delete(token);
    if (changed) this.store.scheduleSave();
  }
}
