import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import {
  FINISHED_PULL_STATUSES,
  DATA_TYPES_BY_SOURCE_TYPE,
  type Connection,
  type ConsentEvent,
  type ConsentRecord,
  type DataStatuses,
  type Product,
} from '@consent-kit/contract';
import { CkElement } from '../base/ck-element.js';
import { buttonStyles, hostStyles } from '../styles/shared.styles.js';
import { buttonVariantStyles } from '../styles/button-variants.styles.js';
import { icon, alertIcon, plusIcon } from '../styles/icons.js';
import { LocaleController } from '../controllers/locale-controller.js';
import { connectedTask, renderError, renderLoading, summarizeError } from '../controllers/connected-task.js';
import { loadingErrorStyles } from '../controllers/loading-error.styles.js';
import { hostedLinkUrl } from '../controllers/safe-url.js';
import { dataTypeLabel, groupDataTypes, sourceTypeLabel } from '../data-types/data-types.js';
import '../ck-logo/index.js';
import '../ck-status-badge/index.js';
import '../ck-dialog/index.js';
import type { DialogCloseDetail } from '../ck-dialog/ck-dialog.types.js';
import { connectionManagerStyles } from './ck-connection-manager.styles.js';
import {
  ACTIONS_BY_STATUS,
  type ConnectionAction,
  type ConnectionManagerHandoffMode,
  type ConsentAction,
} from './ck-connection-manager.types.js';
import type { ConnectionManagerClient } from './connection-manager-client.js';
import { listAll } from '../controllers/client.js';
import {
  formatNameList,
  isActiveConsent,
  productOfConsent,
  productsUsingConnection,
  withdrawImpact,
} from './impact.js';

type RowAction = ConnectionAction | ConsentAction;

/** Per-row progress of an action the element performs itself (connected mode). */
type RowState = { action: RowAction; pending: true } | { action: RowAction; pending: false; error: unknown };

type Confirmation =
  | { kind: 'disconnect'; connection: Connection; impacted: Product[] }
  | { kind: 'delete'; connection: Connection; impacted: Product[] }
  | {
      kind: 'withdraw';
      consent: ConsentRecord;
      product: Product;
      impacted: Product[];
      unaffected: Product[];
      connections: Connection[];
    };

interface Loaded {
  connections: Connection[];
  consents: ConsentRecord[];
  products: Product[];
  dataStatus: DataStatuses | undefined;
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * The company's connections and product consents, with the actions a person needs to stay in control: disconnect
 * (with a warning naming every product that uses the connection), delete the data, reconnect an expired or
 * disconnected platform, add another one, and withdraw a product's consent (as easy as granting it).
 *
 * Controlled: set `connections`, `consents` and `products` (and `dataStatus` for live sync state), listen to the
 * events and update the properties. Connected: set `client` + `companyId`; the element loads everything, performs
 * the actions through the client, polls while a sign-in or a sync is in progress, and announces the results.
 *
 * @tagname ck-connection-manager
 * @summary Manage connections and product consents.
 *
 * @fires ck-connection-disconnect - The person confirmed disconnecting. Cancelable: `preventDefault()` and the
 * element does nothing more. `detail: { connection, impactedProducts }`.
 * @fires ck-connection-delete - The person confirmed deleting a connection and its data. Cancelable.
 * `detail: { connection, impactedProducts }`.
 * @fires ck-connection-reconnect - The person asked to reconnect an expired or disconnected platform. Cancelable:
 * prevent it to run the sign-in your own way; otherwise the element opens `linkUrl` (see `handoff`).
 * `detail: { connection, linkUrl }`.
 * @fires ck-connection-add - The person wants to connect another platform. `detail: { connections }`.
 * @fires ck-consent-withdraw - The person confirmed withdrawing a product's consent. Cancelable.
 * `detail: { consent, impactedProducts, unaffectedProducts }`.
 * @fires ck-connections-change - Connected mode: an action the element performed succeeded.
 * `detail: { action, connection?, consent? }`.
 *
 * @csspart base - The wrapper of both sections.
 * @csspart connections - The connections section.
 * @csspart consents - The product consents section.
 * @csspart heading - Section headings.
 * @csspart connection - One connection row.
 * @csspart consent - One product consent.
 * @csspart logo - The `<ck-logo>` of a connection.
 * @csspart status - The `<ck-status-badge>` of a connection or consent.
 * @csspart actions - The action buttons of a row.
 * @csspart action - Each action button (also `action-disconnect`, `action-delete`, `action-reconnect`, `action-withdraw`).
 * @csspart add-button - The "Add another connection" button.
 * @csspart empty - The empty state.
 * @csspart row-error - The error of a failed action, with its retry button.
 * @csspart history - The consent's event history.
 * @csspart dialog - The confirmation `<ck-dialog>`.
 * @csspart announcer - The `role=status` live region.
 *
 * @cssprop --ck-connection-manager-section-gap - Space between the two sections.
 * @cssprop --ck-connection-manager-gap - Space inside a section.
 * @cssprop --ck-connection-manager-heading-size - Section heading size.
 * @cssprop --ck-connection-manager-row-gap - Space between rows.
 * @cssprop --ck-connection-manager-row-inner-gap - Space inside a row.
 * @cssprop --ck-connection-manager-row-padding - Row padding.
 * @cssprop --ck-connection-manager-row-border-color - Row border colour.
 * @cssprop --ck-connection-manager-row-radius - Row corner radius.
 * @cssprop --ck-connection-manager-row-background - Row background.
 * @cssprop --ck-connection-manager-muted-color - Secondary text colour.
 * @cssprop --ck-connection-manager-notice-background - Background of notices (expired access).
 * @cssprop --ck-connection-manager-notice-color - Text colour of notices.
 * @cssprop --ck-connection-manager-error-background - Background of a failed action.
 * @cssprop --ck-connection-manager-error-color - Text colour of a failed action.
 * @cssprop --ck-connection-manager-action-gap - Space between action buttons.
 */
@localized()
export class CkConnectionManager extends CkElement {
  static override styles = [hostStyles, buttonStyles, buttonVariantStyles, loadingErrorStyles, connectionManagerStyles];

  /** Controlled: the company's connections. Ignored while connected mode has loaded its own. */
  @property({ attribute: false }) connections?: Connection[];

  /** Controlled: the company's consent records (from the consent ledger). */
  @property({ attribute: false }) consents?: ConsentRecord[];

  /** Controlled: the products (use cases) that may read data. */
  @property({ attribute: false }) products?: Product[];

  /** Controlled: the company's data status, to show which connections are syncing. */
  @property({ attribute: false }) dataStatus?: DataStatuses;

  /** Connected mode: a @consent-kit/client instance (company-scoped token in the browser). */
  @property({ attribute: false }) client?: ConnectionManagerClient;

  /** Connected mode: the company whose connections are shown. */
  @property({ attribute: 'company-id' }) companyId?: string;

  /** How "Reconnect" opens the platform's sign-in page: a popup window, or the whole page. */
  @property() handoff: ConnectionManagerHandoffMode = 'popup';

  /**
   * Where the hosted sign-in sends the person back after a reconnect (`redirect=` on the `linkUrl`); it must be on
   * the API's redirect allowlist. Unset: the client profile's default redirect URL.
   */
  @property({ attribute: 'redirect-url' }) redirectUrl?: string;

  /** Connected mode: milliseconds between refreshes while a sign-in or sync is in progress. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 3000;

  @state() private loaded?: Loaded;
  @state() private rows: ReadonlyMap<string, RowState> = new Map();
  @state() private confirmation?: Confirmation;
  @state() private announcement = '';

  private readonly locale = new LocaleController(this);
  private pollTimer?: ReturnType<typeof setTimeout>;
  private polling = false;
  /** Connections whose reconnect sign-in window is open: keep polling until they are Linked or it closes. */
  private reconnecting = new Map<string, Window>();
  /** Bumped when the company or client changes: late responses for the old one are dropped. */
  private generation = 0;

  private readonly load = connectedTask(
    this,
    () => [this.client, this.companyId] as const,
    async ([client, companyId], { signal }) => {
      const generation = ++this.generation;
      this.stopPolling();
      this.rows = new Map();
      this.reconnecting.clear();
      const [connections, consents, products, dataStatus] = await Promise.all([
        listAll((p) => client!.connections.list(companyId!, p), {}, signal),
        listAll((p) => client!.consents.list(companyId!, p), {}, signal),
        loadProducts(client!),
        client!.data.status(companyId!).catch(() => undefined),
      ]);
      if (generation !== this.generation) return this.loaded;
      this.loaded = { connections, consents, products, dataStatus };
      return this.loaded;
    },
    { requires: 2 },
  );

  /** The connections shown (loaded in connected mode, else the `connections` property). */
  get shownConnections(): readonly Connection[] {
    return this.loaded?.connections ?? this.connections ?? EMPTY;
  }
  private get shownConsents(): readonly ConsentRecord[] {
    return this.loaded?.consents ?? this.consents ?? EMPTY;
  }
  private get shownProducts(): readonly Product[] {
    return this.loaded?.products ?? this.products ?? EMPTY;
  }
  private get shownDataStatus(): DataStatuses | undefined {
    return this.loaded?.dataStatus ?? this.dataStatus;
  }
  private get connected(): boolean {
    return Boolean(this.client && this.companyId);
  }

  /** Reloads everything (connected mode). */
  async refresh(): Promise<void> {
    await this.load.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('client') || changed.has('companyId')) && !this.connected) {
      // Back to controlled mode (or not configured yet): forget what was loaded.
      this.generation++;
      this.loaded = undefined;
      this.rows = new Map();
      this.stopPolling();
    }
  }

  protected override updated(): void {
    this.schedulePoll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopPolling();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.schedulePoll();
  }

  // ---------------------------------------------------------------- live updates

  /** A sign-in or a sync is in progress: worth refreshing. */
  private get busy(): boolean {
    if (this.shownConnections.some((c) => c.status === 'PendingAuth' || this.reconnecting.has(c.id)))
      return true;
    return Object.values(this.shownDataStatus ?? {}).some(
      (s) => !(FINISHED_PULL_STATUSES as readonly string[]).includes(s.currentStatus),
    );
  }

  private schedulePoll(): void {
    if (!this.isConnected || !this.connected || !this.loaded || this.polling || this.pollTimer || !this.busy)
      return;
    this.pollTimer = setTimeout(() => void this.poll(), Math.max(250, this.pollInterval));
  }

  private stopPolling(): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  private async poll(): Promise<void> {
    this.pollTimer = undefined;
    const client = this.client;
    const companyId = this.companyId;
    const generation = this.generation;
    if (!client || !companyId || !this.loaded) return;
    this.polling = true;
    try {
      const [connections, dataStatus] = await Promise.all([
        listAll((p) => client.connections.list(companyId, p)),
        client.data.status(companyId).catch(() => this.loaded?.dataStatus),
      ]);
      if (generation !== this.generation || !this.loaded) return;
      const before = new Map(this.loaded.connections.map((c) => [c.id, c.status]));
      for (const c of connections) {
        const popup = this.reconnecting.get(c.id);
        if (!popup) continue;
        if (c.status === 'Linked') {
          this.reconnecting.delete(c.id);
          if (before.get(c.id) !== 'Linked') this.announce(msg(str`${c.platformName} is connected again.`));
        } else if (popup.closed) {
          this.reconnecting.delete(c.id);
          this.announce(msg(str`${c.platformName} was not reconnected: the sign-in window was closed.`));
        }
      }
      this.loaded = { ...this.loaded, connections, dataStatus };
    } catch {
      // A failed refresh is retried on the next tick; the data shown stays as it was.
    } finally {
      this.polling = false;
      this.schedulePoll();
    }
  }

  // ---------------------------------------------------------------- actions

  private announce(text: string): void {
    // Clear first so that the same text twice is announced twice.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
    });
  }

  private setRow(id: string, value: RowState | undefined): void {
    const rows = new Map(this.rows);
    if (value) rows.set(id, value);
    else rows.delete(id);
    this.rows = rows;
  }

  private impactOf(connection: Connection): Product[] {
    const consents = this.loaded || this.consents ? this.shownConsents : null;
    return productsUsingConnection(connection, this.shownProducts, consents);
  }

  private askDisconnect(connection: Connection): void {
    this.confirmation = { kind: 'disconnect', connection, impacted: this.impactOf(connection) };
  }

  private askDelete(connection: Connection): void {
    this.confirmation = { kind: 'delete', connection, impacted: this.impactOf(connection) };
  }

  private askWithdraw(consent: ConsentRecord): void {
    const impact = withdrawImpact(consent, this.shownProducts, this.shownConsents, this.shownConnections);
    this.confirmation = {
      kind: 'withdraw',
      consent,
      product: productOfConsent(consent, this.shownProducts),
      impacted: impact.impactedProducts,
      unaffected: impact.unaffectedProducts,
      connections: impact.connections,
    };
  }

  private onDialogClose(event: CustomEvent<DialogCloseDetail>): void {
    event.stopPropagation();
    const confirmation = this.confirmation;
    this.confirmation = undefined;
    if (!confirmation || event.detail.returnValue !== 'confirm') return;
    switch (confirmation.kind) {
      case 'disconnect':
        if (
          this.emit(
            'ck-connection-disconnect',
            { connection: confirmation.connection, impactedProducts: confirmation.impacted },
            { cancelable: true },
          )
        )
          void this.perform('disconnect', confirmation.connection.id);
        break;
      case 'delete':
        if (
          this.emit(
            'ck-connection-delete',
            { connection: confirmation.connection, impactedProducts: confirmation.impacted },
            { cancelable: true },
          )
        )
          void this.perform('delete', confirmation.connection.id);
        break;
      case 'withdraw':
        if (
          this.emit(
            'ck-consent-withdraw',
            {
              consent: confirmation.consent,
              impactedProducts: confirmation.impacted,
              unaffectedProducts: confirmation.unaffected,
            },
            { cancelable: true },
          )
        )
          void this.perform('withdraw', confirmation.consent.id);
        break;
    }
  }

  /** Runs an action through the client (connected mode); a failed action keeps its row error with a retry. */
  private async perform(action: RowAction, id: string): Promise<void> {
    const client = this.client;
    const companyId = this.companyId;
    if (!client || !companyId || !this.loaded) return;
    const generation = this.generation;
    this.setRow(id, { action, pending: true });
    try {
      if (action === 'withdraw') {
        const consent = this.loaded.consents.find((c) => c.id === id);
        const updated = await client.consents.withdraw(companyId, id, {});
        if (generation !== this.generation || !this.loaded) return;
        this.loaded = {
          ...this.loaded,
          consents: this.loaded.consents.map((c) => (c.id === id ? updated : c)),
        };
        const product = productOfConsent(updated, this.loaded.products);
        this.announce(msg(str`Consent for ${product.name} withdrawn.`));
        this.emit('ck-connections-change', { action, consent: updated ?? consent });
      } else {
        const connection = this.loaded.connections.find((c) => c.id === id);
        if (!connection) return;
        if (action === 'disconnect') {
          const updated = await client.connections.unlink(companyId, id);
          if (generation !== this.generation || !this.loaded) return;
          this.loaded = {
            ...this.loaded,
            connections: this.loaded.connections.map((c) => (c.id === id ? updated : c)),
          };
          this.announce(msg(str`${connection.platformName} is disconnected.`));
          this.emit('ck-connections-change', { action, connection: updated });
        } else if (action === 'delete') {
          await client.connections.delete(companyId, id);
          if (generation !== this.generation || !this.loaded) return;
          this.loaded = { ...this.loaded, connections: this.loaded.connections.filter((c) => c.id !== id) };
          this.announce(msg(str`${connection.platformName} and its data are deleted.`));
          this.emit('ck-connections-change', { action, connection });
          this.focusAfterRemoval();
        }
      }
      this.setRow(id, undefined);
    } catch (error) {
      if (generation !== this.generation) return;
      this.setRow(id, { action, pending: false, error });
      this.announce(msg('The action failed. You can try again.'));
    }
  }

  /** After a row disappears, focus the add button so keyboard users are not left on nothing. */
  private focusAfterRemoval(): void {
    void this.updateComplete.then(() => {
      const target = this.renderRoot.querySelector<HTMLElement>('[part~="add-button"]');
      target?.focus();
    });
  }

  private reconnect(connection: Connection): void {
    const linkUrl = hostedLinkUrl(connection.linkUrl, this.redirectUrl);
    if (!linkUrl) return;
    if (!this.emit('ck-connection-reconnect', { connection, linkUrl }, { cancelable: true })) return;
    if (this.handoff === 'redirect') {
      window.location.assign(linkUrl);
      return;
    }
    const popup = window.open(linkUrl, `ck-reconnect-${connection.id}`, 'popup,width=520,height=720');
    if (!popup) {
      // Popup blocked: fall back to the same window, as Codat's Link does.
      window.location.assign(linkUrl);
      return;
    }
    // Connected mode follows the sign-in by polling; in controlled mode the host updates `connections`.
    if (this.connected) this.reconnecting.set(connection.id, popup);
    this.announce(msg(str`Sign in to ${connection.platformName} in the new window to reconnect.`));
    this.requestUpdate();
  }

  private add(): void {
    this.emit('ck-connection-add', { connections: [...this.shownConnections] });
  }

  // ---------------------------------------------------------------- rendering

  private formatDate(iso: string | null | undefined, withTime = false): string {
    if (!iso) return '';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    const options: Intl.DateTimeFormatOptions = withTime
      ? { dateStyle: 'medium', timeStyle: 'short' }
      : { dateStyle: 'medium' };
    try {
      return new Intl.DateTimeFormat(this.locale.lang || this.locale.locale, options).format(date);
    } catch {
      return date.toISOString();
    }
  }

  private time(iso: string | null | undefined, withTime = false): TemplateResult | string {
    const text = this.formatDate(iso, withTime);
    return text ? html`<time datetime=${iso!}>${text}</time>` : msg('Never');
  }

  private names(products: readonly Product[]): string {
    return formatNameList(
      products.map((p) => p.name),
      this.locale.lang || this.locale.locale,
    );
  }

  /** "Copay Lending and Insights Dashboard use this connection." */
  private usedByText(products: readonly Product[]): string {
    const names = this.names(products);
    return products.length === 1
      ? msg(str`${names} uses this connection.`)
      : msg(str`${names} use this connection.`);
  }

  private isSyncing(connection: Connection): boolean {
    if (connection.status !== 'Linked') return false;
    const statuses = this.shownDataStatus;
    if (!statuses) return false;
    const types =
      (DATA_TYPES_BY_SOURCE_TYPE as Record<string, readonly string[] | undefined>)[connection.sourceType] ??
      [];
    return types.some((t) => {
      const s = statuses[t];
      return s !== undefined && !(FINISHED_PULL_STATUSES as readonly string[]).includes(s.currentStatus);
    });
  }

  private renderRowState(id: string, label: string, retry: () => void): unknown {
    const row = this.rows.get(id);
    if (!row) return nothing;
    if (row.pending) {
      const text =
        row.action === 'disconnect'
          ? msg(str`Disconnecting ${label}…`)
          : row.action === 'delete'
            ? msg(str`Deleting ${label}…`)
            : row.action === 'withdraw'
              ? msg(str`Withdrawing consent for ${label}…`)
              : msg('Working…');
      return html`<p class="pending" part="pending">${text}</p>`;
    }
    const summary = summarizeError(row.error);
    return html`<div class="row-error" part="row-error" role="alert">
      ${icon(alertIcon)}
      <span>${msg(str`That didn't work: ${summary.message}`)}</span>
      ${summary.correlationId ? html`<span class="muted">${msg(str`Reference: ${summary.correlationId}`)}</span>` : nothing}
      <button type="button" class="button" part="retry-button" @click=${retry}>${msg('Try again')}</button>
    </div>`;
  }

  private renderConnection(connection: Connection): TemplateResult {
    const actions = ACTIONS_BY_STATUS[connection.status] ?? (['delete'] as const);
    const row = this.rows.get(connection.id);
    const busy = row?.pending === true;
    const usedBy = this.impactOf(connection);
    const name = connection.platformName;
    const titleId = `connection-${connection.id}`;
    const retry = () => row && void this.perform(row.action, connection.id);
    const notice =
      connection.status === 'Deauthorized'
        ? msg(str`Access to ${name} has expired. Reconnect to keep sharing data.`)
        : connection.status === 'Unlinked'
          ? msg(str`${name} is disconnected: no new data is shared. Reconnect to share again.`)
          : connection.status === 'PendingAuth'
            ? msg(str`Waiting for sign-in to ${name} to finish.`)
            : undefined;
    return html`<li
      class="row"
      part="connection"
      aria-labelledby=${titleId}
      data-connection-id=${connection.id}
    >
      <ck-logo
        part="logo"
        size="medium"
        decorative
        .name=${name}
        .client=${this.client}
        platform-key=${connection.integrationKey ?? nothing}
      ></ck-logo>
      <div class="row-main">
        <div class="title-line">
          <h3 id=${titleId}>${name}</h3>
          <ck-status-badge part="status" .status=${connection.status}></ck-status-badge>
          ${
            this.isSyncing(connection)
              ? html`<ck-status-badge part="status sync-status" status="Fetching"></ck-status-badge>`
              : nothing
          }
          ${
            this.reconnecting.has(connection.id) && connection.status !== 'Linked'
              ? html`<span class="pending">${msg('Waiting for you to sign in…')}</span>`
              : nothing
          }
        </div>
        <span class="muted">${sourceTypeLabel(connection.sourceType)}</span>
        <dl class="facts">
          <div>
            <dt>${msg('First authorised')}</dt>
            <dd>${this.time(connection.created)}</dd>
          </div>
          <div>
            <dt>${msg('Last synced')}</dt>
            <dd>${this.time(connection.lastSync, true)}</dd>
          </div>
        </dl>
        <p class="used-by">
          ${usedBy.length ? this.usedByText(usedBy) : msg('No product uses this connection.')}
        </p>
        ${notice ? html`<p class="notice" part="notice">${notice}</p>` : nothing}
        ${this.renderRowState(connection.id, name, retry)}
      </div>
      <div class="actions" part="actions">
        ${actions.map((action) => this.renderConnectionAction(action, connection, busy))}
      </div>
    </li>`;
  }

  private renderConnectionAction(
    action: ConnectionAction,
    connection: Connection,
    busy: boolean,
  ): TemplateResult {
    const [label, onClick] =
      action === 'reconnect'
        ? [msg('Reconnect'), () => this.reconnect(connection)]
        : action === 'disconnect'
          ? [msg('Disconnect'), () => this.askDisconnect(connection)]
          : [msg('Delete data'), () => this.askDelete(connection)];
    return html`<button
      type="button"
      class="button ${action === 'reconnect' ? 'primary' : ''}"
      part="action action-${action}"
      ?disabled=${busy}
      aria-describedby=${`connection-${connection.id}`}
      @click=${onClick}
    >
      ${label}
    </button>`;
  }

  private eventLabel(event: ConsentEvent): string {
    switch (event.type) {
      case 'given':
        return msg('Consent given');
      case 'amended':
        return msg('Consent changed');
      case 'withdrawn':
        return msg('Consent withdrawn');
      case 'expired':
        return msg('Consent expired');
    }
  }

  private renderConsent(consent: ConsentRecord): TemplateResult {
    const product = productOfConsent(consent, this.shownProducts);
    const active = isActiveConsent(consent);
    const status = consent.status === 'Active' && !active ? 'Expired' : consent.status;
    const row = this.rows.get(consent.id);
    const busy = row?.pending === true;
    const titleId = `consent-${consent.id}`;
    const ended = [...consent.events].reverse().find((e) => e.type === 'withdrawn' || e.type === 'expired');
    const retry = () => row && void this.perform(row.action, consent.id);
    return html`<li class="row" part="consent" aria-labelledby=${titleId} data-consent-id=${consent.id}>
      <div class="row-main full">
        <div class="title-line">
          <h3 id=${titleId}>${product.name}</h3>
          <ck-status-badge part="status" .status=${status}></ck-status-badge>
        </div>
        ${consent.purposes[0] ? html`<p>${msg(str`Used ${consent.purposes[0].description}.`)}</p>` : nothing}
        <dl class="facts">
          <div>
            <dt>${msg('Given')}</dt>
            <dd>${this.time(consent.timestamp)}</dd>
          </div>
          ${
            status === 'Active'
              ? html`<div>
                  <dt>${msg('Expires')}</dt>
                  <dd>${this.time(consent.duration.expiresAt)}</dd>
                </div>`
              : status === 'Withdrawn'
                ? html`<div>
                    <dt>${msg('Withdrawn')}</dt>
                    <dd>${this.time(ended?.timestamp)}</dd>
                  </div>`
                : html`<div>
                    <dt>${msg('Expired')}</dt>
                    <dd>${this.time(ended?.timestamp ?? consent.duration.expiresAt)}</dd>
                  </div>`
          }
        </dl>
        <div class="data-group">
          <h4>${msg('Data shared')}</h4>
          ${groupDataTypes(consent.dataTypes).map(
            (group) =>
              html`<p class="muted">${sourceTypeLabel(group.sourceType)}</p>
                <ul class="data-types">
                  ${group.dataTypes.map((dt) => html`<li>${dataTypeLabel(dt)}</li>`)}
                </ul>`,
          )}
        </div>
        <details part="history">
          <summary>${msg('History')}</summary>
          <ol class="history">
            ${consent.events.map((event) => html`<li>${this.eventLabel(event)} — ${this.time(event.timestamp, true)}</li>`)}
          </ol>
        </details>
        ${
          status !== 'Active'
            ? html`<p class="muted">
                ${
                  product.retention.days > 0
                    ? msg(
                        str`${product.name} keeps the data it already has for ${product.retention.days} days, then deletes it.`,
                      )
                    : msg(str`${product.name} has deleted the data it had.`)
                }
              </p>`
            : nothing
        }
        ${this.renderRowState(consent.id, product.name, retry)}
      </div>
      ${
        status === 'Active'
          ? html`<div class="actions" part="actions">
              <button
                type="button"
                class="button"
                part="action action-withdraw"
                ?disabled=${busy}
                aria-describedby=${titleId}
                @click=${() => this.askWithdraw(consent)}
              >
                ${msg('Withdraw consent')}
              </button>
            </div>`
          : nothing
      }
    </li>`;
  }

  private renderDialog(): TemplateResult {
    const c = this.confirmation;
    let heading = '';
    let confirmLabel = '';
    let body: unknown = nothing;
    if (c?.kind === 'disconnect') {
      heading = msg(str`Disconnect ${c.connection.platformName}?`);
      confirmLabel = msg('Disconnect');
      body = html`<div class="dialog-body">
        <p>
          ${
            c.impacted.length === 0
              ? msg('No product uses this connection right now.')
              : c.impacted.length === 1
                ? msg(str`${this.names(c.impacted)} uses this connection. It will stop receiving new data.`)
                : msg(str`${this.names(c.impacted)} use this connection. They will stop receiving new data.`)
          }
        </p>
        <p>${msg('The data already shared stays where it is. You can reconnect at any time.')}</p>
      </div>`;
    } else if (c?.kind === 'delete') {
      heading = msg(str`Delete ${c.connection.platformName} and its data?`);
      confirmLabel = msg('Delete connection and data');
      body = html`<div class="dialog-body">
        <p>
          <strong
            >${msg('This removes the connection and deletes the data read from it. It cannot be undone.')}</strong
          >
        </p>
        <p>
          ${
            c.impacted.length === 0
              ? msg('No product uses this connection right now.')
              : c.impacted.length === 1
                ? msg(str`${this.names(c.impacted)} uses this connection and will lose access to its data.`)
                : msg(str`${this.names(c.impacted)} use this connection and will lose access to its data.`)
          }
        </p>
        ${
          c.impacted.length
            ? html`<p>${msg('Copies a product already made follow its retention policy:')}</p>
                <ul>
                  ${c.impacted.map(
                    (p) =>
                      html`<li>
                        ${
                          p.retention.days > 0
                            ? msg(str`${p.name} deletes what it has within ${p.retention.days} days.`)
                            : msg(str`${p.name} deletes what it has straight away.`)
                        }
                      </li>`,
                  )}
                </ul>`
            : nothing
        }
        <p>${msg('To share this data again later, you will need to connect again.')}</p>
      </div>`;
    } else if (c?.kind === 'withdraw') {
      const name = c.product.name;
      heading = msg(str`Withdraw consent for ${name}?`);
      confirmLabel = msg('Withdraw consent');
      body = html`<div class="dialog-body">
        <p>
          ${
            c.product.retention.days > 0
              ? msg(
                  str`${name} will stop reading your data; it keeps what it has for ${c.product.retention.days} days.`,
                )
              : msg(str`${name} will stop reading your data and deletes what it has.`)
          }
        </p>
        <p>
          ${
            c.unaffected.length === 0
              ? msg('No other product is affected.')
              : c.unaffected.length === 1
                ? msg(str`${this.names(c.unaffected)} keeps using your connections under its own consent.`)
                : msg(str`${this.names(c.unaffected)} keep using your connections under their own consent.`)
          }
        </p>
        ${
          c.connections.length
            ? html`<p>
                ${msg(
                  str`Your connections (${formatNameList(
                    c.connections.map((x) => x.platformName),
                    this.locale.lang || this.locale.locale,
                  )}) stay connected; disconnect them if no product needs them.`,
                )}
              </p>`
            : nothing
        }
        <p>${msg('You can give consent again at any time.')}</p>
      </div>`;
    }
    return html`<ck-dialog
      part="dialog"
      variant="confirm"
      tone="danger"
      .open=${Boolean(c)}
      .heading=${heading}
      .confirmLabel=${confirmLabel}
      .cancelLabel=${msg('Keep it')}
      @ck-dialog-close=${this.onDialogClose}
      >${body}</ck-dialog
    >`;
  }

  private renderConnections(): unknown {
    const task = this.load.status;
    if (this.connected && !this.loaded) {
      if (task === TaskStatus.ERROR)
        return renderError(
          this.load.error,
          () => void this.load.run(),
          msg("We couldn't load your connections"),
        );
      return renderLoading(msg('Loading your connections…'));
    }
    const connections = this.shownConnections;
    if (connections.length === 0) {
      return html`<div class="empty" part="empty">
        <p><strong>${msg('No connections yet')}</strong></p>
        <p class="muted">${msg('Connect your accounting software, bank or online store to share data.')}</p>
        <button type="button" class="button primary" part="add-button" @click=${this.add}>
          ${icon(plusIcon)} ${msg('Add a connection')}
        </button>
      </div>`;
    }
    return html`<ul class="list" role="list">
      ${repeat(
        connections,
        (c) => c.id,
        (c) => this.renderConnection(c),
      )}
    </ul>`;
  }

  private renderConsents(): unknown {
    if (this.connected && !this.loaded) return nothing;
    const consents = this.shownConsents;
    if (consents.length === 0)
      return html`<p class="muted">${msg('You have not given consent to any product yet.')}</p>`;
    return html`<ul class="list" role="list">
      ${repeat(
        consents,
        (c) => c.id,
        (c) => this.renderConsent(c),
      )}
    </ul>`;
  }

  protected override render(): unknown {
    const hasConnections = this.shownConnections.length > 0;
    return html`<div class="base" part="base" dir=${this.locale.dir}>
      <div role="status" aria-live="polite" class="visually-hidden" part="announcer">
        ${this.announcement}
      </div>
      <section part="connections" aria-labelledby="connections-heading">
        <div class="section-header">
          <h2 id="connections-heading" part="heading">${msg('Your connections')}</h2>
          ${
            hasConnections
              ? html`<button type="button" class="button" part="add-button" @click=${this.add}>
                  ${icon(plusIcon)} ${msg('Add another connection')}
                </button>`
              : nothing
          }
        </div>
        ${this.renderConnections()}
      </section>
      ${
        this.connected && !this.loaded
          ? nothing
          : html`<section part="consents" aria-labelledby="consents-heading">
              <h2 id="consents-heading" part="heading">${msg('What you have agreed to share')}</h2>
              ${this.renderConsents()}
            </section>`
      }
      ${this.renderDialog()}
    </div>`;
  }
}

async function loadProducts(client: ConnectionManagerClient): Promise<Product[]> {
  return (await client.products.list()).results;
}
