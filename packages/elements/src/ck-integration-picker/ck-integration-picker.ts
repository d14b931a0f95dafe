import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { localized, msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import { q, type Connection, type Integration } from '@consent-kit/contract';
import { CkElement } from '../base/ck-element.js';
import { buttonStyles, hostStyles } from '../styles/shared.styles.js';
import { buttonVariantStyles } from '../styles/button-variants.styles.js';
import { icon, chevronIcon, searchIcon } from '../styles/icons.js';
import { LocaleController } from '../controllers/locale-controller.js';
import { connectedTask, renderError, renderLoading } from '../controllers/connected-task.js';
import { taskStateStyles } from '../controllers/task-states.styles.js';
import { listAll, type ElementsClient } from '../controllers/client.js';
import { sourceTypeLabel } from '../data-types/data-types.js';
import '../ck-logo/index.js';
import '../ck-status-badge/index.js';
import { integrationPickerStyles } from './ck-integration-picker.styles.js';
import { PICKER_SOURCE_TYPES, type PickerSourceType } from './ck-integration-picker.types.js';
import {
  filterIntegrations,
  indexIntegrations,
  normalizeSearchText,
  type IndexedIntegration,
  type PickerGroup,
  type PickerOption,
} from './search.js';

type Row =
  { kind: 'heading'; sourceType: PickerSourceType } | { kind: 'option'; option: PickerOption; index: number };

/** A list attribute: `"Accounting Banking"` or `"Accounting,Banking"` <-> `['Accounting', 'Banking']`. */
const listConverter = {
  fromAttribute: (value: string | null): string[] | undefined =>
    value === null ? undefined : value.split(/[\s,]+/).filter(Boolean),
  toAttribute: (value: readonly string[] | undefined): string | null =>
    value?.length ? value.join(' ') : null,
};

const TYPEAHEAD_RESET_MS = 600;
const NO_CONNECTIONS: readonly Connection[] = Object.freeze([]);

type VirtualizeModule = typeof import('@lit-labs/virtualizer/virtualize.js');

/**
 * @lit-labs/virtualizer is its own chunk, fetched the first time a list is long enough to need it: most pickers
 * offer a few dozen integrations and never load it. `undefined` until it has arrived.
 */
let virtualizer: VirtualizeModule | undefined;
let virtualizerLoading: Promise<VirtualizeModule | undefined> | undefined;
/** The virtualizer could not be loaded (offline, a failed deploy): long lists then render every option. */
let virtualizerFailed = false;

function loadVirtualizer(): Promise<VirtualizeModule | undefined> {
  virtualizerLoading ??= import('@lit-labs/virtualizer/virtualize.js').then(
    (module) => (virtualizer = module),
    (error: unknown) => {
      virtualizerFailed = true;
      console.warn('[consent-kit] <ck-integration-picker> could not load the virtualizer', error);
      return undefined;
    },
  );
  return virtualizerLoading;
}

/** Rows a long list shows while the virtualizer loads: about a screenful, so it is never empty. */
const ROWS_BEFORE_VIRTUALIZER = 20;

/** DOM id of the hidden text naming a source type, which describes the options of a virtual list. */
function groupDescriptionId(sourceType: string): string {
  return `group-description-${sourceType}`;
}

function rowKey(row: Row): string {
  return row.kind === 'heading' ? `h-${row.sourceType}` : row.option.integration.key;
}

/** DOM id of an option (keys are four lowercase letters; anything else is encoded). */
function optionId(key: string): string {
  return `opt-${encodeURIComponent(key)}`;
}

/**
 * Lets a person choose the software to connect: integrations grouped by source type (Accounting, Banking,
 * Commerce) with their logos, an accent- and case-insensitive search ("Societe" finds "Société Générale"), the
 * company's existing connections marked with their status, and the one-accounting rule (while an accounting
 * connection exists, other accounting software is unavailable, with the reason). A "My software isn't listed" path
 * lets the person say so. The list is a keyboard listbox (arrows, Home/End, Page Up/Down, type-ahead, Enter/Space;
 * ArrowDown from the search box) and is virtualised above `virtualize-threshold` options, so 2,000 integrations
 * stay fast.
 *
 * Controlled: set `integrations` (and `connections`). Connected: set `client` (and `companyId` for the
 * connections); it loads the enabled integrations of `source-types`. A property you set always wins over loaded data.
 *
 * @tagname ck-integration-picker
 * @summary Choose accounting, banking or commerce software to connect.
 *
 * @fires ck-integration-select - The person chose an integration. Cancelable: `preventDefault()` keeps it
 * unselected. `detail: { integration, connection? }` (`connection` when the company already has one to it).
 * @fires ck-integration-not-listed - The person said their software is not listed. `detail: { search, sourceTypes }`.
 *
 * @slot not-listed - Message shown after "My software isn't listed" (default: a short explanation).
 *
 * @csspart search - The search field.
 * @csspart list - The listbox.
 * @csspart group-heading - A source-type heading.
 * @csspart option - An integration option.
 * @csspart option-name - The name inside an option.
 * @csspart not-listed-button - The "My software isn't listed" button.
 * @csspart not-listed-message - The message shown after it.
 * @csspart empty - The empty / no-match state.
 * @csspart clear-search-button - The button that clears the search.
 * @csspart loading - The loading skeleton.
 * @csspart error - The error panel.
 * @csspart retry-button - Its Retry button.
 *
 * @cssprop --ck-integration-picker-gap - Space between search, list and footer.
 * @cssprop --ck-integration-picker-list-height - Height of the list (maximum below the virtualisation threshold).
 * @cssprop --ck-integration-picker-item-gap - Space between logo, name and badge in an option.
 * @cssprop --ck-integration-picker-item-hover - Option background on hover.
 * @cssprop --ck-integration-picker-item-active - Background of the keyboard-active option.
 * @cssprop --ck-integration-picker-item-selected - Background of the selected option.
 * @cssprop --ck-integration-picker-background - List background.
 * @cssprop --ck-integration-picker-border - List border colour.
 * @cssprop --ck-integration-picker-radius - List corner radius.
 * @cssprop --ck-integration-picker-divider - Line between options.
 * @cssprop --ck-integration-picker-heading-color - Group heading colour.
 * @cssprop --ck-integration-picker-input-border - Search field border colour.
 * @cssprop --ck-integration-picker-input-radius - Search field corner radius.
 * @cssprop --ck-integration-picker-input-background - Search field background.
 * @cssprop --ck-integration-picker-message-background - Background of the "not listed" message.
 */
@localized()
export class CkIntegrationPicker extends CkElement {
  static override styles = [hostStyles, buttonStyles, buttonVariantStyles, taskStateStyles, integrationPickerStyles];

  /** Controlled: the integrations to offer (disabled ones are left out). Wins over loaded ones. */
  @property({ attribute: false }) integrations?: Integration[];

  /** Controlled: the company's connections (marks "Connected", applies the one-accounting rule). */
  @property({ attribute: false }) connections?: Connection[];

  /** Connected mode: a @consent-kit/client instance. */
  @property({ attribute: false }) client?: Pick<ElementsClient, 'integrations' | 'connections'>;

  /** Connected mode: the company whose connections to load. */
  @property({ attribute: 'company-id' }) companyId?: string;

  /** Source types to offer (attribute: space- or comma-separated), default all of Accounting, Banking, Commerce. */
  @property({ attribute: 'source-types', converter: listConverter }) sourceTypes?: PickerSourceType[];

  /** Platform keys to offer (attribute: space- or comma-separated); default all. */
  @property({ attribute: 'allowed-integrations', converter: listConverter }) allowedIntegrations?: string[];

  /** The search text. */
  @property() search = '';

  /** The selected integration's platform key. */
  @property({ reflect: true }) value?: string;

  /** Accessible name of the list; default "Software you can connect" ("Banks you can connect" for banks only). */
  @property() label?: string;

  /** Placeholder of the search field; default "Search, e.g. Xero" ("Search by bank name" for banks only). */
  @property() placeholder?: string;

  /** Hides the "My software isn't listed" path. */
  @property({ type: Boolean, attribute: 'hide-not-listed' }) hideNotListed = false;

  /**
   * Above this many options the list is virtualised (only visible rows are in the DOM). The virtualizer's code is
   * fetched the first time a list goes above it; meanwhile the list shows its first rows. 60 because a keystroke
   * that renders every row (each with its logo element) of a longer result costs more than a frame
   * (`pnpm bench`: 120 plain rows took 20-29 ms on a 2-core machine).
   */
  @property({ type: Number, attribute: 'virtualize-threshold' }) virtualizeThreshold = 60;

  @state() private activeKey?: string;
  @state() private notListed = false;

  @query('#list') private listElement?: HTMLElement & VirtualizerHostElement;
  @query('#search') private searchInput?: HTMLInputElement;

  private readonly locale = new LocaleController(this);
  private indexedFrom?: readonly Integration[];
  private index: IndexedIntegration[] = [];
  private groups: PickerGroup[] = [];
  private options: PickerOption[] = [];
  private rows: Row[] = [];
  private filterInputs?: readonly unknown[];
  private typeahead = '';
  private typeaheadAt = 0;
  private scrollActiveIntoView = false;
  private pointerFocus = false;
  private awaitingVirtualizer = false;
  /** The virtual list whose layout is ready (it has reported a range of rows). */
  private laidOutList?: EventTarget | null;

  private readonly integrationsTask = connectedTask(
    this,
    () => [this.integrations ? undefined : this.client, (this.sourceTypes ?? []).join(',')] as const,
    ([client, sourceTypes], { signal }) => {
      const types = sourceTypes ? sourceTypes.split(',') : [...PICKER_SOURCE_TYPES];
      const query = q.and(q.or(...types.map((type) => q.eq('sourceType', type))), q.eq('enabled', true));
      return listAll((params) => client!.integrations.list(params, { signal }), { query }, signal);
    },
  );

  private readonly connectionsTask = connectedTask(
    this,
    () => [this.connections ? undefined : this.client, this.companyId] as const,
    ([client, companyId], { signal }) =>
      listAll((params) => client!.connections.list(companyId!, params, { signal }), {}, signal),
    { requires: 2 },
  );

  /** The integrations in use: the property, else the loaded ones. */
  get effectiveIntegrations(): readonly Integration[] | undefined {
    if (this.integrations) return this.integrations;
    return this.integrationsTask.status === TaskStatus.COMPLETE ? this.integrationsTask.value : undefined;
  }

  /** The connections in use: the property, else the loaded ones. */
  get effectiveConnections(): readonly Connection[] {
    if (this.connections) return this.connections;
    return this.connectionsTask.status === TaskStatus.COMPLETE
      ? (this.connectionsTask.value ?? NO_CONNECTIONS)
      : NO_CONNECTIONS;
  }

  /** The options currently shown, in order (for hosts and tests). */
  get visibleOptions(): readonly PickerOption[] {
    return this.options;
  }

  /** Moves focus to the search field. */
  override focus(options?: FocusOptions): void {
    this.searchInput?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const integrations = this.effectiveIntegrations;
    if (integrations !== this.indexedFrom) {
      this.indexedFrom = integrations;
      this.index = integrations ? indexIntegrations(integrations, this.locale.lang || undefined) : [];
    }
    // Filter only when an input of the filter changed (not on keyboard moves or selection).
    const inputs = [
      this.index,
      this.search,
      this.sourceTypes,
      this.allowedIntegrations,
      this.effectiveConnections,
      this.virtualizeThreshold,
    ] as const;
    if (!this.filterInputs || inputs.some((value, i) => value !== this.filterInputs![i])) {
      this.filterInputs = inputs;
      this.groups = filterIntegrations(this.index, {
        search: this.search,
        sourceTypes: this.sourceTypes,
        allowedIntegrations: this.allowedIntegrations,
        connections: this.effectiveConnections,
      });
      this.options = this.groups.flatMap((group) => group.options);
      this.rows = [];
      if (this.isVirtual) {
        let index = 0;
        for (const group of this.groups) {
          this.rows.push({ kind: 'heading', sourceType: group.sourceType });
          for (const option of group.options) this.rows.push({ kind: 'option', option, index: index++ });
        }
      }
      if (this.activeKey && !this.options.some((o) => o.integration.key === this.activeKey))
        this.activeKey = undefined;
    }
    if (changed.has('search')) this.notListed = false;
    if (this.isVirtual && !virtualizer && !virtualizerFailed && !this.awaitingVirtualizer) {
      this.awaitingVirtualizer = true;
      void loadVirtualizer().then(() => {
        this.awaitingVirtualizer = false;
        // The active option may have been chosen while only the first rows were there: bring it into view now.
        this.scrollActiveIntoView = Boolean(this.activeKey);
        this.requestUpdate();
      });
    }
  }

  /** Whether the list is long enough to be virtualised (rendered as flat rows, headings between groups). */
  private get isVirtual(): boolean {
    return this.options.length > this.virtualizeThreshold && !virtualizerFailed;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('search') && this.listElement) this.listElement.scrollTop = 0;
    if (this.scrollActiveIntoView && this.activeKey) {
      const key = this.activeKey;
      const listVirtualizer = virtualizer && this.listElement?.[virtualizer.virtualizerRef];
      // A new virtual list cannot scroll before its layout (a chunk of its own) has placed the first rows, which it
      // reports with a first `rangeChanged`: until then the scroll stays pending (see onRangeChanged).
      if (listVirtualizer && this.listElement !== this.laidOutList) return;
      this.scrollActiveIntoView = false;
      if (listVirtualizer) {
        const rowIndex = this.rows.findIndex(
          (row) => row.kind === 'option' && row.option.integration.key === key,
        );
        listVirtualizer.element(rowIndex)?.scrollIntoView({ block: 'nearest' });
      } else {
        this.renderRoot.querySelector(`#${CSS.escape(optionId(key))}`)?.scrollIntoView({ block: 'nearest' });
      }
    }
  }

  // ------------------------------------------------------------------ actions

  private setActive(index: number): void {
    const option = this.options[Math.max(0, Math.min(this.options.length - 1, index))];
    if (!option) return;
    this.activeKey = option.integration.key;
    this.scrollActiveIntoView = true;
  }

  private get activeIndex(): number {
    return this.options.findIndex((o) => o.integration.key === this.activeKey);
  }

  private select(option: PickerOption): void {
    this.activeKey = option.integration.key;
    if (option.state === 'unavailable') return;
    const detail = option.connection
      ? { integration: option.integration, connection: option.connection }
      : { integration: option.integration };
    if (this.emit('ck-integration-select', detail, { cancelable: true })) this.value = option.integration.key;
  }

  private onSearchInput(event: InputEvent): void {
    this.search = (event.target as HTMLInputElement).value;
  }

  private onSearchKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' && this.options.length > 0) {
      event.preventDefault();
      const selected = this.options.findIndex((o) => o.integration.key === this.value);
      this.setActive(selected >= 0 ? selected : 0);
      this.listElement?.focus();
    }
  }

  private clearSearch(): void {
    this.search = '';
    this.searchInput?.focus();
  }

  private onListPointerDown(): void {
    // A click focuses the list first: let the click choose the active option, without scrolling under the pointer.
    this.pointerFocus = true;
  }

  private onListFocus(): void {
    const pointer = this.pointerFocus;
    this.pointerFocus = false;
    if (pointer || this.activeKey || this.options.length === 0) return;
    const selected = this.options.findIndex((o) => o.integration.key === this.value);
    this.setActive(selected >= 0 ? selected : 0);
  }

  private onRangeChanged(event: Event): void {
    if (this.laidOutList === event.currentTarget) return;
    this.laidOutList = event.currentTarget;
    if (this.scrollActiveIntoView) this.requestUpdate();
  }

  private onListKeydown(event: KeyboardEvent): void {
    const current = this.activeIndex;
    const last = this.options.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        this.setActive(current < 0 ? 0 : current + 1);
        break;
      case 'ArrowUp':
        if (current <= 0) this.searchInput?.focus();
        else this.setActive(current - 1);
        break;
      case 'Home':
        this.setActive(0);
        break;
      case 'End':
        this.setActive(last);
        break;
      case 'PageDown':
        this.setActive(current + 10);
        break;
      case 'PageUp':
        this.setActive(Math.max(0, current - 10));
        break;
      case 'Enter':
      case ' ': {
        const option = this.options[current];
        if (option) this.select(option);
        break;
      }
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          this.onTypeahead(event.key);
          break;
        }
        return;
    }
    event.preventDefault();
  }

  /** Type-ahead: the next option whose name starts with what was typed (repeating one letter cycles). */
  private onTypeahead(char: string): void {
    const now = performance.now();
    const typed = normalizeSearchText(char) || char.toLowerCase();
    this.typeahead = now - this.typeaheadAt > TYPEAHEAD_RESET_MS ? typed : this.typeahead + typed;
    this.typeaheadAt = now;
    const cycling = [...this.typeahead].every((c) => c === this.typeahead[0]);
    const prefix = cycling ? this.typeahead[0]! : this.typeahead;
    const start = this.activeIndex;
    const count = this.options.length;
    const offset = cycling || this.typeahead.length === 1 ? 1 : 0;
    for (let step = 0; step < count; step++) {
      const index = (start + offset + step + count) % count;
      if (this.options[index]!.name.startsWith(prefix)) {
        this.setActive(index);
        return;
      }
    }
  }

  private onNotListed(): void {
    this.notListed = true;
    this.emit('ck-integration-not-listed', {
      search: this.search,
      sourceTypes: [...(this.sourceTypes ?? PICKER_SOURCE_TYPES)],
    });
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.not-listed-message')?.focus(),
    );
  }

  // ------------------------------------------------------------------ rendering

  /**
   * @param setSize In a virtual list: the whole count (only some rows are in the DOM). Its options are also described
   * by their group's name, since the group headings between the rows cannot be ARIA groups there.
   */
  private renderOption(option: PickerOption, index: number, setSize?: number): TemplateResult {
    const { integration, connection } = option;
    const id = optionId(integration.key);
    const active = integration.key === this.activeKey;
    const reason =
      option.state === 'unavailable'
        ? msg(
            str`You've already connected ${option.reasonName ?? ''}. You can connect one accounting software at a time.`,
          )
        : undefined;
    return html`<div
      id=${id}
      class="option ${active ? 'active' : ''}"
      part="option"
      role="option"
      aria-selected=${integration.key === this.value ? 'true' : 'false'}
      aria-disabled=${ifDefined(option.state === 'unavailable' ? 'true' : undefined)}
      aria-posinset=${ifDefined(setSize ? index + 1 : undefined)}
      aria-setsize=${ifDefined(setSize)}
      aria-describedby=${ifDefined(setSize && integration.sourceType ? groupDescriptionId(integration.sourceType) : undefined)}
      data-key=${integration.key}
      data-state=${option.state}
      @click=${() => this.select(option)}
    >
      <ck-logo
        decorative
        .name=${integration.name}
        .src=${integration.logoUrl}
        .client=${this.client}
        platform-key=${ifDefined(this.client ? integration.key : undefined)}
      ></ck-logo>
      <span class="text">
        <span class="name" part="option-name" id="${id}-name">${integration.name}</span>
        ${reason ? html`<span class="reason" id="${id}-reason">${reason}</span>` : nothing}
      </span>
      ${integration.isBeta ? html`<span class="tag" id="${id}-beta">${msg('Beta')}</span>` : nothing}
      ${
        connection
          ? html`<span id="${id}-status"
              ><ck-status-badge status=${connection.status}></ck-status-badge
            ></span>`
          : option.state === 'available'
            ? icon(chevronIcon, 'chevron')
            : nothing
      }
    </div>`;
  }

  private renderList(): TemplateResult {
    const activeId = this.activeKey ? optionId(this.activeKey) : undefined;
    const label = this.label ?? (this.banksOnly ? msg('Banks you can connect') : msg('Software you can connect'));
    // Two templates, not one with a class switch: changing mode must replace the list element, since the virtualizer
    // keeps its state on its host.
    if (this.isVirtual) {
      const total = this.options.length;
      const renderRow = (row: Row): TemplateResult =>
        row.kind === 'heading'
          ? html`<div class="group-heading" part="group-heading" role="presentation">
              ${sourceTypeLabel(row.sourceType)}
            </div>`
          : this.renderOption(row.option, row.index, total);
      return html`<div
        id="list"
        class="list virtual"
        part="list"
        role="listbox"
        tabindex="0"
        aria-label=${label}
        aria-activedescendant=${ifDefined(activeId)}
        @keydown=${this.onListKeydown}
        @focus=${this.onListFocus}
        @pointerdown=${this.onListPointerDown}
        @rangeChanged=${this.onRangeChanged}
      >
        ${
          // Two parts: the virtualizer must find its host (this list) empty of rows it does not manage.
          virtualizer ? nothing : this.rows.slice(0, ROWS_BEFORE_VIRTUALIZER).map(renderRow)
        }${
          virtualizer
            ? virtualizer.virtualize({ items: this.rows, keyFunction: rowKey, renderItem: renderRow })
            : nothing
        }
      </div>
      <div hidden>
        ${this.groups.map(
          (group) =>
            html`<span id=${groupDescriptionId(group.sourceType)}>${sourceTypeLabel(group.sourceType)}</span>`,
        )}
      </div>`;
    }
    let index = 0;
    return html`<div
      id="list"
      class="list"
      part="list"
      role="listbox"
      tabindex="0"
      aria-label=${label}
      aria-activedescendant=${ifDefined(activeId)}
      @keydown=${this.onListKeydown}
      @focus=${this.onListFocus}
      @pointerdown=${this.onListPointerDown}
    >
      ${repeat(
        this.groups,
        (group) => group.sourceType,
        (group) =>
          html`<div class="group" role="group" aria-labelledby="group-${group.sourceType}">
            <div class="group-heading" part="group-heading" id="group-${group.sourceType}">
              ${sourceTypeLabel(group.sourceType)}
            </div>
            ${repeat(
              group.options,
              (option) => option.integration.key,
              (option) => this.renderOption(option, index++),
            )}
          </div>`,
      )}
    </div>`;
  }

  private renderEmpty(): TemplateResult {
    const search = this.search.trim();
    return html`<div class="ck-state ck-empty" part="empty">
      ${
        search
          ? html`<p>${msg(str`No integrations match “${search}”`)}</p>
              <button type="button" class="button" part="clear-search-button" @click=${this.clearSearch}>
                ${msg('Clear search')}
              </button>`
          : html`<p>${msg('There is no software to connect here right now.')}</p>`
      }
    </div>`;
  }

  /**
   * One "Try again" restarts every load that has not succeeded: after an outage both may have failed, and one may
   * still be in flight on the broken network (its retries pending), so it is restarted too rather than left to fail
   * after the press and show a second error.
   */
  private retryFailedLoads(): void {
    for (const task of [this.integrationsTask, this.connectionsTask]) {
      if (task.status === TaskStatus.ERROR || task.status === TaskStatus.PENDING) void task.run();
    }
  }

  private renderBody(): unknown {
    if (!this.integrations) {
      const task = this.integrationsTask;
      if (task.status === TaskStatus.PENDING) return renderLoading(msg('Loading software…'), 4);
      if (task.status === TaskStatus.ERROR) {
        return renderError(
          task.error,
          () => this.retryFailedLoads(),
          msg('We couldn’t load the list of software'),
        );
      }
    }
    if (this.connectionsTask.status === TaskStatus.ERROR && !this.connections) {
      const task = this.connectionsTask;
      return renderError(
        task.error,
        () => this.retryFailedLoads(),
        msg('We couldn’t check what you have already connected'),
      );
    }
    return this.options.length ? this.renderList() : this.renderEmpty();
  }

  /** A list of banks only (e.g. ck-link's bank step) speaks of "your bank", not "your software". */
  private get banksOnly(): boolean {
    return this.sourceTypes?.length === 1 && this.sourceTypes[0] === 'Banking';
  }

  private resultSummary(): string {
    if (!this.search.trim() || !this.effectiveIntegrations) return '';
    const count = this.options.length;
    if (count === 0) return msg(str`No integrations match “${this.search.trim()}”`);
    return count === 1 ? msg('1 result') : msg(str`${count} results`);
  }

  protected override render(): unknown {
    return html`
      <div class="search" part="search">
        ${icon(searchIcon)}
        <input
          id="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-label=${this.banksOnly ? msg('Search for your bank') : msg('Search for your software')}
          aria-controls=${this.options.length ? 'list' : nothing}
          placeholder=${this.placeholder ?? (this.banksOnly ? msg('Search by bank name') : msg('Search, e.g. Xero'))}
          .value=${this.search}
          @input=${this.onSearchInput}
          @keydown=${this.onSearchKeydown}
        />
      </div>
      <div role="status" class="visually-hidden">${this.resultSummary()}</div>
      ${this.renderBody()}
      ${
        this.hideNotListed
          ? nothing
          : html`<div class="footer">
              <button
                type="button"
                class="button link"
                part="not-listed-button"
                aria-expanded=${this.notListed ? 'true' : 'false'}
                @click=${this.onNotListed}
              >
                ${this.banksOnly ? msg('My bank isn’t listed') : msg('My software isn’t listed')}
              </button>
              ${
                this.notListed
                  ? html`<div class="not-listed-message" part="not-listed-message" tabindex="-1">
                      <slot name="not-listed">
                        <p>
                          ${msg(
                            'Thanks for letting us know. You can carry on without connecting it, or contact us and we’ll find another way to share this information.',
                          )}
                        </p>
                      </slot>
                    </div>`
                  : nothing
              }
            </div>`
      }
    `;
  }
}
