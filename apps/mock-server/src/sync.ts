import type { DataType } from '@consent-kit/contract';
import type { Clock } from './clock.js';
import { newId } from './ids.js';
import { INTEGRATIONS_BY_KEY } from './seed/integrations.js';
import type { ConnectionRow, PullRow, Store } from './store.js';

export interface SyncHooks {
  /** All pulls of a batch have finished. */
  batchFinished(connection: ConnectionRow, pulls: PullRow[], initial: boolean): void;
  changed(): void;
}

/**
 * Simulated syncs: each pull operation moves Queued -> Fetching -> Complete (or FetchError for integrations that
 * simulate a failing provider), `stepMs` apart, staggered a little per data type. `stepMs = 0` runs a whole sync
 * synchronously, which keeps tests deterministic. Pending steps survive a restart (`resume`).
 */
export class SyncEngine {
  private timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly stepMs: number,
    private readonly hooks: SyncHooks,
  ) {}

  /** Starts pull operations for `dataTypes` of one connection; returns them (Queued, or finished when stepMs is 0). */
  start(connection: ConnectionRow, dataTypes: readonly DataType[], instant = this.stepMs <= 0): PullRow[] {
    const batchId = newId();
    const requested = this.clock.iso();
    const pulls: PullRow[] = dataTypes.map((dataType, index) => ({
      id: newId(),
      companyId: connection.companyId,
      connectionId: connection.id,
      dataType,
      status: 'Queued',
      statusDescription: null,
      errorMessage: null,
      requested,
      completed: null,
      progress: 0,
      isCompleted: false,
      isErrored: false,
      batchId,
      dueAt: this.clock.now() + (instant ? 0 : this.firstDelay(index)),
    }));
    for (const pull of pulls) this.store.addPull(pull);
    if (connection.status === 'Deauthorized') {
      for (const pull of pulls)
        this.finish(pull, 'AuthError', 'The connection is deauthorized: the person must re-authorise it.');
      this.afterStep(pulls[0]);
      return pulls;
    }
    if (instant) {
      for (const pull of pulls) {
        this.advance(pull);
        this.advance(pull);
      }
      this.afterStep(pulls[0]);
    } else {
      pulls.forEach((pull, index) => this.schedule(pull, this.firstDelay(index)));
    }
    this.hooks.changed();
    return pulls;
  }

  /** Re-arms timers for pulls that were in progress when the server stopped. */
  resume(): void {
    for (const pull of this.store.pulls.values()) {
      if (pull.isCompleted) continue;
      this.schedule(pull, Math.max(0, (pull.dueAt ?? 0) - this.clock.now()));
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private firstDelay(index: number): number {
    return this.stepMs <= 0 ? 0 : Math.round(this.stepMs * (1 + (index % 4) * 0.25));
  }

  private schedule(pull: PullRow, delay: number): void {
    if (this.stopped) return;
    if (this.stepMs <= 0) {
      while (!pull.isCompleted) this.advance(pull);
      this.afterStep(pull);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.store.pulls.has(pull.id)) return; // deleted with its connection or company
      this.advance(pull);
      if (!pull.isCompleted) this.schedule(pull, this.stepMs);
      this.afterStep(pull);
    }, delay);
    timer.unref?.();
    this.timers.add(timer);
  }

  private advance(pull: PullRow): void {
    if (pull.status === 'Queued') {
      pull.status = 'Fetching';
      pull.progress = 50;
      pull.dueAt = this.clock.now() + this.stepMs;
      return;
    }
    if (pull.status === 'Fetching') {
      const connection = this.store.connections.get(pull.connectionId);
      const integration = connection ? INTEGRATIONS_BY_KEY.get(connection.integrationKey) : undefined;
      if (!connection) this.finish(pull, 'Cancelled', 'The connection was deleted.');
      else if (connection.status === 'Deauthorized')
        this.finish(pull, 'AuthError', 'The connection was deauthorized during the sync.');
      else if (integration?.failsSync)
        this.finish(
          pull,
          'FetchError',
          `${integration.name} returned an error while fetching ${pull.dataType} (simulated).`,
        );
      else this.finish(pull, 'Complete', null);
    }
  }

  private finish(pull: PullRow, status: PullRow['status'], errorMessage: string | null): void {
    pull.status = status;
    pull.errorMessage = errorMessage;
    pull.statusDescription = errorMessage;
    pull.progress = 100;
    pull.isCompleted = true;
    pull.isErrored = status !== 'Complete';
    pull.completed = this.clock.iso();
    pull.dueAt = null;
  }

  private afterStep(pull: PullRow | undefined): void {
    if (!pull) return;
    const batch = [...this.store.pulls.values()].filter((p) => p.batchId === pull.batchId);
    if (batch.every((p) => p.isCompleted) && batch.length > 0 && !this.reported.has(pull.batchId)) {
      this.reported.add(pull.batchId);
      const connection = this.store.connections.get(pull.connectionId);
      if (connection) {
        const initial = !connection.initialSyncDone;
        if (batch.some((p) => p.status === 'Complete')) {
          connection.initialSyncDone = true;
          connection.lastSync = this.clock.iso();
          const company = this.store.companies.get(connection.companyId);
          if (company) company.lastSync = connection.lastSync;
        }
        this.hooks.batchFinished(connection, batch, initial);
      }
    }
    this.hooks.changed();
  }

  private reported = new Set<string>();
}
