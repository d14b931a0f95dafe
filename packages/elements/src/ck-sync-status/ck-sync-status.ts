import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { FINISHED_PULL_STATUSES, type DataStatuses, type DataTypesBySourceType, type PullStatus } from '@consent-kit/contract';
import { CkElement } from '../base/ck-element.js';
import { buttonStyles, hostStyles } from '../styles/shared.styles.js';
import { LocaleController } from '../controllers/locale-controller.js';
import { renderError, renderLoading } from '../controllers/task-states.js';
import { loadingErrorStyles } from '../controllers/loading-error.styles.js';
import type { ElementsClient } from '../controllers/client.js';
import { dataTypeGroupLabel, dataTypeLabel, groupDataTypes, isDataType } from '../data-types/data-types.js';
import '../ck-status-badge/index.js';
import { syncStatusStyles } from './ck-sync-status.styles.js';
import type { SyncPhase } from './ck-sync-status.types.js';

const FINISHED = new Set<string>(FINISHED_PULL_STATUSES);

/** One data type's row. */
interface SyncRow {
  dataType: string;
  status: PullStatus;
}

/**
 * Sync progress for a company's data types: each data type with its plain-language name and state, an overall
 * progress bar and a polite live summary ("Syncing 3 of 8 data types"). Controlled: set `statuses` (the
 * `dataStatus` map). Connected: set `client` + `companyId`; it polls `dataStatus` every `poll-interval` ms while
 * anything is in progress and stops when everything has finished.
 *
 * @tagname ck-sync-status
 * @summary Data sync progress.
 *
 * @fires ck-sync-complete - Every data type shown has finished (once per run). `detail: { statuses, failedDataTypes }`.
 * @fires ck-sync-error - A data type failed, or (connected mode) the status could not be read.
 * `detail: { statuses, failedDataTypes, error? }`.
 *
 * @csspart summary - The live summary.
 * @csspart progressbar - The progress bar.
 * @csspart list - The list of data types.
 * @csspart item - One data type.
 * @csspart error - The error panel (connected mode).
 * @csspart retry-button - Its Retry button.
 * @csspart loading - The loading skeleton.
 *
 * @cssprop --ck-sync-status-gap - Space between summary, bar and list.
 * @cssprop --ck-sync-status-bar-height - Height of the progress bar.
 * @cssprop --ck-sync-status-bar-color - Colour of the progress.
 * @cssprop --ck-sync-status-track-color - Colour of the track.
 * @cssprop --ck-sync-status-track-border - Border of the track.
 * @cssprop --ck-sync-status-row-padding - Vertical padding of a row.
 * @cssprop --ck-sync-status-divider - Line between rows.
 */
@localized()
export class CkSyncStatus extends CkElement {
  static override styles = [hostStyles, buttonStyles, loadingErrorStyles, syncStatusStyles];

  /** Controlled: `GET /companies/{id}/dataStatus` (data type -> status). Wins over polled data. */
  @property({ attribute: false }) statuses?: DataStatuses;

  /** The data types to follow (default: every one in `statuses`). Missing ones show as waiting. */
  @property({ attribute: false }) dataTypes?: readonly string[] | DataTypesBySourceType;

  /** Connected mode: a @consent-kit/client instance. */
  @property({ attribute: false }) client?: Pick<ElementsClient, 'data'>;

  /** Connected mode: the company to follow. */
  @property({ attribute: 'company-id' }) companyId?: string;

  /** Connected mode: milliseconds between polls while something is in progress. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 1000;

  @state() private polled?: DataStatuses;
  @state() private pollError: unknown;
  @state() private polling = false;

  private readonly locale = new LocaleController(this);
  private pollController?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;
  private completedKey?: string;
  private reportedFailures = new Set<string>();

  /** The statuses in use: the property, else the polled ones. */
  get effectiveStatuses(): DataStatuses | undefined {
    return this.statuses ?? this.polled;
  }

  /** The rows shown, in source-type order. */
  get rows(): SyncRow[] {
    const statuses = this.effectiveStatuses ?? {};
    const wanted = this.dataTypes
      ? Array.isArray(this.dataTypes)
        ? [...(this.dataTypes as readonly string[])]
        : Object.values(this.dataTypes as DataTypesBySourceType).flatMap((list) => list ?? [])
      : Object.keys(statuses);
    const known = groupDataTypes(wanted).flatMap((group) => group.dataTypes as string[]);
    const unknown = wanted.filter((dt) => !isDataType(dt));
    return [...new Set([...known, ...unknown])].map((dataType) => ({
      dataType,
      status: statuses[dataType]?.currentStatus ?? 'Queued',
    }));
  }

  /** Overall phase. */
  get phase(): SyncPhase {
    const rows = this.rows;
    if (rows.length === 0) return 'waiting';
    if (rows.some((row) => !FINISHED.has(row.status))) return 'syncing';
    return rows.some((row) => row.status !== 'Complete') ? 'complete-with-errors' : 'complete';
  }

  /** Whether the connected mode is currently polling. */
  get isPolling(): boolean {
    return this.polling;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.restartPolling();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopPolling();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('companyId') || changed.has('statuses')) {
      if (changed.has('client') || changed.has('companyId')) {
        this.polled = undefined;
        this.completedKey = undefined;
        this.reportedFailures.clear();
      }
      this.restartPolling();
    }
  }

  protected override updated(): void {
    // CSSOM, not a style attribute: works under a CSP without 'unsafe-inline' styles.
    const fill = this.renderRoot.querySelector<HTMLElement>('.fill');
    fill?.style.setProperty('--_progress', `${fill.dataset.progress ?? 0}%`);
    this.reportProgress();
  }

  // ------------------------------------------------------------------ polling

  private stopPolling(): void {
    this.pollController?.abort();
    this.pollController = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.polling = false;
  }

  private restartPolling(): void {
    this.stopPolling();
    if (this.statuses || !this.client || !this.companyId || !this.isConnected) return;
    this.pollController = new AbortController();
    this.polling = true;
    void this.poll(this.client, this.companyId, this.pollController.signal);
  }

  private async poll(client: Pick<ElementsClient, 'data'>, companyId: string, signal: AbortSignal): Promise<void> {
    try {
      const statuses = await client.data.status(companyId, { signal });
      if (signal.aborted) return;
      this.pollError = undefined;
      this.polled = statuses;
      await this.updateComplete;
      if (signal.aborted) return;
      if (this.phase === 'waiting' || this.phase === 'syncing') {
        this.timer = setTimeout(() => void this.poll(client, companyId, signal), Math.max(100, this.pollInterval));
      } else {
        this.polling = false;
      }
    } catch (error) {
      if (signal.aborted) return;
      this.pollError = error;
      this.polling = false;
      this.emit('ck-sync-error', { statuses: this.polled, failedDataTypes: [], error });
    }
  }

  private retry(): void {
    this.pollError = undefined;
    this.restartPolling();
  }

  /** Emits ck-sync-error for newly failed data types and ck-sync-complete once everything has finished. */
  private reportProgress(): void {
    const statuses = this.effectiveStatuses;
    if (!statuses) return;
    const rows = this.rows;
    const failed = rows.filter((row) => FINISHED.has(row.status) && row.status !== 'Complete').map((row) => row.dataType);
    const fresh = failed.filter((dt) => !this.reportedFailures.has(`${dt}:${statuses[dt]?.latestSyncId ?? ''}`));
    if (fresh.length) {
      for (const dt of fresh) this.reportedFailures.add(`${dt}:${statuses[dt]?.latestSyncId ?? ''}`);
      this.emit('ck-sync-error', { statuses, failedDataTypes: fresh });
    }
    const phase = this.phase;
    if (phase === 'complete' || phase === 'complete-with-errors') {
      const key = rows.map((row) => `${row.dataType}:${row.status}:${statuses[row.dataType]?.latestSyncId ?? ''}`).join('|');
      if (key !== this.completedKey) {
        this.completedKey = key;
        this.emit('ck-sync-complete', { statuses, failedDataTypes: failed });
      }
    } else {
      this.completedKey = undefined;
    }
  }

  // ------------------------------------------------------------------ rendering

  private summary(rows: SyncRow[], done: number, failed: number): string {
    const total = rows.length;
    switch (this.phase) {
      case 'waiting':
        return msg('Waiting for the sync to start…');
      case 'syncing':
        return msg(str`Syncing ${done} of ${total} data types`);
      case 'complete':
        return total === 1 ? msg('Your data is synced') : msg(str`All ${total} data types are synced`);
      case 'complete-with-errors':
        return msg(str`Synced ${total - failed} of ${total} data types. ${failed} could not be fetched.`);
    }
  }

  protected override render(): unknown {
    const connected = !this.statuses && this.client && this.companyId;
    if (connected && this.pollError) {
      return renderError(this.pollError, () => this.retry(), msg('We couldn’t check the sync progress'));
    }
    if (connected && !this.polled) return renderLoading(msg('Checking sync progress…'), 3);

    const rows = this.rows;
    const done = rows.filter((row) => FINISHED.has(row.status)).length;
    const failed = rows.filter((row) => FINISHED.has(row.status) && row.status !== 'Complete').length;
    const percent = rows.length ? Math.round((done / rows.length) * 100) : 0;
    const groups = groupDataTypes(rows.map((row) => row.dataType));
    const byType = new Map(rows.map((row) => [row.dataType, row]));
    const unknownRows = rows.filter((row) => !isDataType(row.dataType));
    const multiple = groups.length > 1;
    const renderRow = (row: SyncRow) =>
      html`<li part="item" data-data-type=${row.dataType} data-status=${row.status}>
        <span class="label">${dataTypeLabel(row.dataType)}</span>
        <ck-status-badge status=${row.status}></ck-status-badge>
      </li>`;
    return html`
      <p class="summary" part="summary" role="status">${this.summary(rows, done, failed)}</p>
      <div
        class="bar"
        part="progressbar"
        role="progressbar"
        aria-label=${msg('Sync progress')}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${percent}
        aria-valuetext=${msg(str`${done} of ${rows.length} data types finished`)}
      >
        <div class="fill" data-progress=${percent}></div>
      </div>
      <div class="groups">
        ${groups.map(
          (group) => html`<div>
            ${multiple ? html`<p class="group-heading" id="g-${group.sourceType}">${dataTypeGroupLabel(group.sourceType)}</p>` : nothing}
            <ul part="list" aria-labelledby=${multiple ? `g-${group.sourceType}` : nothing}>
              ${group.dataTypes.map((dt) => renderRow(byType.get(dt)!))}
            </ul>
          </div>`,
        )}
        ${unknownRows.length ? html`<ul part="list">${unknownRows.map(renderRow)}</ul>` : nothing}
      </div>
    `;
  }
}
