import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type {
  ConnectionStatus,
  ConsentEvent,
  ConsentRecord,
  Profile,
  PullOperation,
  WebhookDelivery,
  WebhookEventType,
} from '@consent-kit/contract';

export interface CompanyRow {
  id: string;
  name: string;
  description: string | null;
  created: string;
  lastSync: string | null;
  products: string[];
  tags: Record<string, string>;
}

export interface ConnectionErrorRow {
  statusCode?: string;
  statusText?: string;
  errorMessage?: string;
  erroredOnUtc?: string;
  status?: 'Active' | 'Resolved' | null;
  resolvedOnUtc?: string | null;
}

export interface ConnectionRow {
  id: string;
  companyId: string;
  integrationKey: string;
  status: ConnectionStatus;
  created: string;
  lastSync: string | null;
  errors: ConnectionErrorRow[];
  /** When the person first approved access at the provider. */
  authorisedAt: string | null;
  /** When the provider authorisation lapses (open banking connections only). */
  expiresAt: string | null;
  /** Whether a sync of this connection ever finished (for `read.completed.initial`). */
  initialSyncDone: boolean;
  /** Keys of the credentials given via `PUT .../authorization` (values are never kept). */
  authorizationKeys: string[];
}

export interface PullRow extends PullOperation {
  /** Pull operations started together (one refresh of one connection) share a batch. */
  batchId: string;
  /** Milliseconds of the mock clock at which the next step is due (for resuming after a restart). */
  dueAt: number | null;
}

export interface WebhookRow {
  id: string;
  url: string;
  disabled: boolean;
  eventTypes: WebhookEventType[];
  companyTags: string[] | null;
  secret: string;
  created: string;
}

export interface DeliveryRow extends WebhookDelivery {
  /** The serialised event body, so retries (also after a restart) send exactly the same bytes. */
  body: string;
  created: string;
}

/** A consent record as stored: immutable base fields plus the append-only events. */
export type ConsentRow = Omit<ConsentRecord, 'status' | 'events' | 'dataTypes' | 'connectionIds'> & {
  events: ConsentEvent[];
};

export interface TokenRow {
  token: string;
  companyId: string;
  expiresAt: number;
}

export interface IdempotencyRow {
  key: string;
  bodyHash: string;
  state: 'in-flight' | 'done';
  status: number;
  body: string | null;
  contentType: string | null;
  createdAt: number;
}

export interface StoreData {
  version: 1;
  clockOffsetMs: number;
  profile: Profile;
  corsOrigins: string[];
  companies: CompanyRow[];
  connections: ConnectionRow[];
  pulls: PullRow[];
  webhooks: WebhookRow[];
  deliveries: DeliveryRow[];
  consents: ConsentRow[];
  tokens: TokenRow[];
  idempotency: IdempotencyRow[];
}

/** Deliveries kept in the log (oldest dropped first). */
const MAX_DELIVERIES = 2000;
/** Pull operations kept per company (oldest finished ones dropped first). */
const MAX_PULLS_PER_COMPANY = 2000;

/**
 * All mutable state, in memory (Maps keep insertion order = creation order). With a data file, `save()` writes the
 * whole state atomically: temp file in the same directory, fsync, rename over the old file, fsync the directory.
 * A crash at any point leaves either the old or the new file, never a torn one.
 */
export class Store {
  companies = new Map<string, CompanyRow>();
  connections = new Map<string, ConnectionRow>();
  pulls = new Map<string, PullRow>();
  webhooks = new Map<string, WebhookRow>();
  deliveries = new Map<string, DeliveryRow>();
  consents = new Map<string, ConsentRow>();
  tokens = new Map<string, TokenRow>();
  idempotency = new Map<string, IdempotencyRow>();
  corsOrigins: string[];
  profile: Profile;
  clockOffsetMs = 0;

  private saveScheduled = false;
  private tmpCounter = 0;
  private closed = false;

  constructor(
    private readonly defaults: { profile: Profile; corsOrigins: string[] },
    readonly file?: string,
  ) {
    this.profile = structuredClone(defaults.profile);
    this.corsOrigins = [...defaults.corsOrigins];
  }

  /** Loads the data file if there is one. Returns whether state was loaded. */
  load(): boolean {
    if (!this.file) return false;
    this.removeStaleTempFiles();
    if (!existsSync(this.file)) return false;
    const text = readFileSync(this.file, 'utf8');
    let data: StoreData;
    try {
      data = JSON.parse(text) as StoreData;
    } catch (error) {
      throw new Error(
        `Data file ${this.file} is not valid JSON (${(error as Error).message}); refusing to overwrite it`,
        {
          cause: error,
        },
      );
    }
    if (data.version !== 1)
      throw new Error(`Data file ${this.file} has unknown version ${String(data.version)}`);
    this.fromData(data);
    return true;
  }

  toData(): StoreData {
    return {
      version: 1,
      clockOffsetMs: this.clockOffsetMs,
      profile: this.profile,
      corsOrigins: this.corsOrigins,
      companies: [...this.companies.values()],
      connections: [...this.connections.values()],
      pulls: [...this.pulls.values()],
      webhooks: [...this.webhooks.values()],
      deliveries: [...this.deliveries.values()],
      consents: [...this.consents.values()],
      tokens: [...this.tokens.values()],
      idempotency: [...this.idempotency.values()].filter((row) => row.state === 'done'),
    };
  }

  fromData(data: StoreData): void {
    this.clockOffsetMs = data.clockOffsetMs ?? 0;
    this.profile = data.profile;
    this.corsOrigins = data.corsOrigins;
    this.companies = new Map(data.companies.map((row) => [row.id, row]));
    this.connections = new Map(data.connections.map((row) => [row.id, row]));
    this.pulls = new Map(data.pulls.map((row) => [row.id, row]));
    this.webhooks = new Map(data.webhooks.map((row) => [row.id, row]));
    this.deliveries = new Map(data.deliveries.map((row) => [row.id, row]));
    this.consents = new Map(data.consents.map((row) => [row.id, row]));
    this.tokens = new Map(data.tokens.map((row) => [row.token, row]));
    this.idempotency = new Map(data.idempotency.map((row) => [row.key, row]));
  }

  /** Empties everything (the `/_mock/reset` endpoint). */
  clear(): void {
    this.fromData({
      version: 1,
      clockOffsetMs: 0,
      profile: structuredClone(this.defaults.profile),
      corsOrigins: [...this.defaults.corsOrigins],
      companies: [],
      connections: [],
      pulls: [],
      webhooks: [],
      deliveries: [],
      consents: [],
      tokens: [],
      idempotency: [],
    });
  }

  addDelivery(row: DeliveryRow): void {
    this.deliveries.set(row.id, row);
    if (this.deliveries.size > MAX_DELIVERIES) {
      const oldest = this.deliveries.keys().next().value;
      if (oldest !== undefined) this.deliveries.delete(oldest);
    }
  }

  addPull(row: PullRow): void {
    this.pulls.set(row.id, row);
    let count = 0;
    for (const pull of this.pulls.values()) if (pull.companyId === row.companyId) count++;
    if (count <= MAX_PULLS_PER_COMPANY) return;
    for (const [id, pull] of this.pulls) {
      if (pull.companyId === row.companyId && pull.isCompleted) {
        this.pulls.delete(id);
        return;
      }
    }
  }

  /** Writes now (synchronously) when persistence is on. Called before acknowledging a mutating request. */
  save(): void {
    if (!this.file || this.closed) return;
    this.saveScheduled = false;
    const file = this.file;
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${basename(file)}.${process.pid}.${++this.tmpCounter}.tmp`);
    const data = JSON.stringify(this.toData());
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    try {
      const dirFd = openSync(dir, 'r');
      try {
        fsyncSync(dirFd);
      } finally {
        closeSync(dirFd);
      }
    } catch {
      // Some filesystems do not allow fsync on a directory; the rename is still atomic.
    }
  }

  /** Coalesces background changes (sync steps, deliveries) into one write per tick. */
  scheduleSave(): void {
    if (!this.file || this.saveScheduled || this.closed) return;
    this.saveScheduled = true;
    setImmediate(() => {
      if (this.saveScheduled) this.save();
    });
  }

  /** Flushes pending writes and stops persisting. */
  close(): void {
    if (this.saveScheduled) this.save();
    this.closed = true;
  }

  private removeStaleTempFiles(): void {
    if (!this.file) return;
    const dir = dirname(this.file);
    if (!existsSync(dir)) return;
    const prefix = `.${basename(this.file)}.`;
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.tmp')) {
        try {
          unlinkSync(join(dir, name));
        } catch {
          // another process may have removed it
        }
      }
    }
  }
}
