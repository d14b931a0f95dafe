import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Applicant, Application } from '../shared/types.js';

/**
 * Copay's own records (the lender's system of record): applicants, their loan applications and browser sessions.
 * Kept in one JSON file written atomically (temp file + rename), so a restart or a crash mid-write loses nothing.
 * Files written by earlier versions load as they are: fields added since get their defaults (`normalise`).
 */

export type {
  Applicant,
  Application,
  ApplicationActivity,
  ApplicationConnection,
  FinancialSummary,
} from '../shared/types.js';

export interface Session {
  /** sha256 of the cookie value: the file never holds a usable session token. */
  tokenHash: string;
  applicantId: string;
  createdAt: string;
}

/** The webhook consumer Copay registered with the API, and its signing secret (returned once, at creation). */
export interface WebhookRegistration {
  consumerId: string;
  url: string;
  secret: string;
  registeredAt: string;
}

export interface StoreData {
  version: 1;
  nextMerchantNumber: number;
  applicants: Applicant[];
  applications: Application[];
  sessions: Session[];
  webhook: WebhookRegistration | null;
  /** `webhook-id`s of the deliveries already handled, oldest first (bounded): a redelivery is applied once. */
  webhookIds: string[];
}

const EMPTY: StoreData = {
  version: 1,
  nextMerchantNumber: 1,
  applicants: [],
  applications: [],
  sessions: [],
  webhook: null,
  webhookIds: [],
};

type AddedApplicationFields = 'activity' | 'dataRefreshedAt';

/** What a file may hold: anything written by this version or an earlier one. */
export type StoredData = Partial<Omit<StoreData, 'applications'>> & {
  applications?: (Omit<Application, AddedApplicationFields> &
    Partial<Pick<Application, AddedApplicationFields>>)[];
};

/** Fills in the fields a file written by an earlier version lacks. */
export function normalise(stored: StoredData): StoreData {
  const { applications = [], ...rest } = stored;
  return {
    ...structuredClone(EMPTY),
    ...rest,
    version: 1,
    applications: applications.map((application) => ({
      ...application,
      activity: application.activity ?? [],
      dataRefreshedAt: application.dataRefreshedAt ?? null,
    })),
  };
}

export interface Store {
  /** Reads the current data (a copy: mutate it only inside `update`). */
  read(): Promise<StoreData>;
  /** Applies a change and persists it before resolving; changes are serialised, never interleaved. */
  update<T>(change: (data: StoreData) => T): Promise<T>;
}

/** A store that lives in memory only (tests). */
export function memoryStore(initial: StoredData = {}): Store {
  let data = normalise(structuredClone(initial));
  let queue: Promise<unknown> = Promise.resolve();
  return {
    read: async () => structuredClone(data),
    update<T>(change: (data: StoreData) => T): Promise<T> {
      const run = queue.then(() => {
        const next = structuredClone(data);
        const result = change(next);
        data = next;
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** A store persisted to a JSON file, written to `<file>.<random>.tmp` then renamed over the file. */
export function fileStore(file: string): Store {
  let data: StoreData | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<StoreData> {
    if (data) return data;
    try {
      data = normalise(JSON.parse(await readFile(file, 'utf8')) as StoredData);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      data = structuredClone(EMPTY);
    }
    return data;
  }

  async function persist(next: StoreData): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, JSON.stringify(next, null, 2), { mode: 0o600 });
    await rename(temp, file);
  }

  return {
    read: async () => structuredClone(await load()),
    update<T>(change: (data: StoreData) => T): Promise<T> {
      const run = queue.then(async () => {
        const next = structuredClone(await load());
        const result = change(next);
        await persist(next);
        data = next;
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
