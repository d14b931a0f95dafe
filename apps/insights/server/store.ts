import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A business that signed in to Insights: its own record, linked to the Codat company that represents it. */
export interface DashboardUser {
  id: string;
  businessName: string;
  /** `businessNameKey()` of the name: the sign-in key. */
  nameKey: string;
  companyId: string;
  createdAt: string;
  lastSignInAt: string;
}

/** A sign-in session; only a SHA-256 hash of the cookie value is kept. */
export interface SessionRecord {
  idHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface InsightsData {
  version: 1;
  users: DashboardUser[];
  sessions: SessionRecord[];
}

const EMPTY: InsightsData = { version: 1, users: [], sessions: [] };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isUser(value: unknown): value is DashboardUser {
  return (
    isObject(value) &&
    ['id', 'businessName', 'nameKey', 'companyId', 'createdAt', 'lastSignInAt'].every(
      (k) => typeof value[k] === 'string',
    )
  );
}

function isSession(value: unknown): value is SessionRecord {
  return (
    isObject(value) &&
    ['idHash', 'userId', 'createdAt', 'expiresAt'].every((k) => typeof value[k] === 'string')
  );
}

function parse(text: string): InsightsData {
  const raw: unknown = JSON.parse(text);
  if (!isObject(raw) || raw.version !== 1 || !Array.isArray(raw.users) || !Array.isArray(raw.sessions)) {
    throw new Error('not an Insights data file (version 1)');
  }
  return { version: 1, users: raw.users.filter(isUser), sessions: raw.sessions.filter(isSession) };
}

/**
 * The app's own records in one JSON file, written atomically (a temp file in the same folder, then rename), so a
 * crash mid-write never leaves a torn file and a restart loses nothing. Writes are serialised.
 */
export class JsonStore {
  readonly file: string;
  private data: InsightsData;
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string, fileName = 'insights.json') {
    this.file = path.join(dataDir, fileName);
    mkdirSync(dataDir, { recursive: true });
    this.data = this.load();
  }

  private load(): InsightsData {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(EMPTY);
      throw error;
    }
    try {
      return parse(text);
    } catch (error) {
      // Keep the unreadable file for inspection rather than overwriting it, and start afresh.
      const aside = `${this.file}.unreadable-${Date.now()}`;
      renameSync(this.file, aside);
      console.warn(
        `insights: ${this.file} could not be read (${(error as Error).message}); moved to ${aside}`,
      );
      return structuredClone(EMPTY);
    }
  }

  /** A snapshot: callers cannot change the stored data except through `update`. */
  read(): InsightsData {
    return structuredClone(this.data);
  }

  /** Applies a change and persists it before resolving. */
  async update<R>(change: (data: InsightsData) => R): Promise<R> {
    const next = structuredClone(this.data);
    const result = change(next);
    this.data = next;
    const text = `${JSON.stringify(next, null, 2)}\n`;
    const write = this.writing.then(() => this.writeAtomically(text));
    // A failed write must not block later ones; the caller still sees the failure.
    this.writing = write.catch(() => undefined);
    await write;
    return result;
  }

  private async writeAtomically(text: string): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(temp, text, { encoding: 'utf8', mode: 0o600 });
    await rename(temp, this.file);
  }

  /** Resolves when every pending write has reached the disk. */
  flush(): Promise<void> {
    return this.writing;
  }
}
