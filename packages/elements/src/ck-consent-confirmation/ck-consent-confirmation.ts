import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import type { ConsentRecord, DataType, DataTypesBySourceType, Product } from '@consent-kit/contract';
import { CkElement } from '../base/ck-element.js';
import { buttonStyles, hostStyles } from '../styles/shared.styles.js';
import { buttonVariantStyles } from '../styles/button-variants.styles.js';
import { icon, checkIcon, clockIcon, externalIcon, infoIcon, lockIcon } from '../styles/icons.js';
import { LocaleController } from '../controllers/locale-controller.js';
import { connectedTask, renderError, renderLoading } from '../controllers/connected-task.js';
import { loadingErrorStyles } from '../controllers/loading-error.styles.js';
import { listAll, type ElementsClient } from '../controllers/client.js';
import { safeHttpUrl } from '../controllers/safe-url.js';
import {
  dataTypeDescription,
  dataTypeGroupLabel,
  dataTypeLabel,
  flattenDataTypes,
  groupDataTypes,
  sourceTypeDescription,
  toDataTypesBySourceType,
  type DataTypeGroup,
} from '../data-types/data-types.js';
import '../ck-logo/index.js';
import { consentConfirmationStyles } from './ck-consent-confirmation.styles.js';
import type { ConsentMode, DataTypeSelection } from './ck-consent-confirmation.types.js';

/** A flat, de-duplicated list of known data types from either shape. */
function toList(selection: DataTypeSelection | undefined | null): DataType[] {
  if (!selection) return [];
  return flattenDataTypes(Array.isArray(selection) ? toDataTypesBySourceType(selection) : (selection as DataTypesBySourceType));
}

/** "12 months", "2 weeks", "90 days" (rounded to what people say). */
function durationText(days: number): string {
  const months = Math.round(days / 30.4);
  if (days >= 28 && Math.abs(months * 30.4 - days) <= 3) {
    return months === 1 ? msg('1 month') : msg(str`${months} months`);
  }
  if (days % 7 === 0 && days < 28) return days === 7 ? msg('1 week') : msg(str`${days / 7} weeks`);
  return days === 1 ? msg('1 day') : msg(str`${days} days`);
}

/** "Xero", "Xero and Barclays", "Xero, Barclays and Shopify" in the active language. */
function listText(items: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale || undefined, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

interface Submission {
  productIdentifier: string;
  dataTypes: DataTypesBySourceType;
  newDataTypes: DataTypesBySourceType;
  noticeText: string;
}

/**
 * Asks a person to agree to share data with a product, in plain language: who is asking, why (the product's
 * purpose), what access means, the data types per source type (each with a one-line description), how long the
 * consent lasts and how long data is kept, the privacy policy and terms, and the right to withdraw (stated before
 * the buttons). `mode="additional"` asks for more data for a product already connected: what is already shared,
 * what is new, and "Confirm I'm happy to share additional data", with no sign-in again.
 *
 * Controlled: set `product` (and `clientName`, `platformNames`...), listen to `ck-consent-confirm` and record the
 * consent with its `noticeText`. Connected: set `client`, `companyId` and `product-identifier`; the element loads
 * the product and, on Confirm, grants (or amends) the consent itself and emits `ck-consent`. Prevent the
 * `ck-consent-confirm` event to record it yourself instead (as `<ck-link>` does).
 *
 * @tagname ck-consent-confirmation
 * @summary Plain-language consent notice with Confirm / Decline.
 *
 * @fires ck-consent-confirm - The person confirmed. Cancelable (connected mode: prevents the element from recording
 * the consent). `detail: { productIdentifier, dataTypes, newDataTypes, noticeText, mode }`.
 * @fires ck-consent-decline - The person declined. `detail: { productIdentifier, mode }`.
 * @fires ck-consent - Connected mode: the consent was recorded. `detail: { consent, noticeText }`.
 *
 * @slot footer - Extra content after the right-to-withdraw statement, before the buttons.
 *
 * @csspart notice - Everything the person reads (its text is the `noticeText`).
 * @csspart heading - The heading.
 * @csspart logo - The client's logo.
 * @csspart data-types - The data types section.
 * @csspart withdraw - The right-to-withdraw statement.
 * @csspart links - The policy and terms links.
 * @csspart actions - The button row.
 * @csspart confirm-button - Confirm.
 * @csspart decline-button - Decline.
 * @csspart error - An error panel (loading or saving).
 * @csspart retry-button - Its Retry button.
 * @csspart loading - The loading skeleton.
 *
 * @cssprop --ck-consent-confirmation-max-width - Maximum width.
 * @cssprop --ck-consent-confirmation-gap - Space between sections.
 * @cssprop --ck-consent-confirmation-heading-size - Heading font size.
 * @cssprop --ck-consent-confirmation-panel-background - Background of the data-type panels.
 * @cssprop --ck-consent-confirmation-panel-radius - Their corner radius.
 * @cssprop --ck-consent-confirmation-new-background - Background of the "New" tag (additional mode).
 * @cssprop --ck-consent-confirmation-new-color - Its text colour.
 * @cssprop --ck-consent-confirmation-link-color - Link colour.
 * @cssprop --ck-consent-confirmation-withdraw-accent - Accent line of the right-to-withdraw statement.
 * @cssprop --ck-consent-confirmation-withdraw-background - Its background.
 */
@localized()
export class CkConsentConfirmation extends CkElement {
  static override styles = [hostStyles, buttonStyles, buttonVariantStyles, loadingErrorStyles, consentConfirmationStyles];

  /** Controlled: the product asking for consent. Wins over a loaded one. */
  @property({ attribute: false }) product?: Product;

  /** Connected mode: the product to load (`GET /products/{id}`). */
  @property({ attribute: 'product-identifier' }) productIdentifier?: string;

  /** Connected mode: a @consent-kit/client instance. */
  @property({ attribute: false }) client?: Pick<ElementsClient, 'products' | 'consents' | 'connections'>;

  /** Connected mode: the company giving consent. */
  @property({ attribute: 'company-id' }) companyId?: string;

  /** Who is asking: the lender's or app's name ("Copay"). */
  @property({ attribute: 'client-name' }) clientName = '';

  /** The client's logo (http(s) only; otherwise a monogram of `clientName`). */
  @property({ attribute: 'client-logo-url' }) clientLogoUrl?: string;

  /** The platform being connected ("Xero"); see also `platformNames`. */
  @property({ attribute: 'platform-name' }) platformName?: string;

  /** Several platforms ("Xero", "Barclays"). */
  @property({ attribute: false }) platformNames?: string[];

  /** `default` or `additional` (more data for an existing consent, no sign-in). */
  @property({ reflect: true }) mode: ConsentMode = 'default';

  /** The data types asked for; default everything the product declares. */
  @property({ attribute: false }) dataTypes?: DataTypeSelection;

  /** `additional` mode: the data types already shared. */
  @property({ attribute: false }) existingDataTypes?: DataTypeSelection;

  /** Alias of `existingDataTypes`. */
  get sharedDataTypes(): DataTypeSelection | undefined {
    return this.existingDataTypes;
  }
  set sharedDataTypes(value: DataTypeSelection | undefined) {
    this.existingDataTypes = value;
  }

  /** Connected mode: the connections the consent covers; default the company's Linked connections. */
  @property({ attribute: false }) connectionIds?: string[];

  /** Controlled: the host is saving the consent (buttons disabled, a status message shown). */
  @property({ type: Boolean, reflect: true }) busy = false;

  /** Level of the heading (1-6); sub-headings follow. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private submitting = false;
  @state() private submitError: unknown;
  @state() private saved?: ConsentRecord;
  /** The choice being recorded: kept so that Retry never asks the person again. */
  private submission?: Submission;

  @query('.notice') private noticeElement?: HTMLElement;

  private readonly locale = new LocaleController(this);

  private readonly productTask = connectedTask(
    this,
    () => [this.product ? undefined : this.client, this.productIdentifier] as const,
    ([client, id]) => client!.products.get(id!),
    { requires: 2 },
  );

  /** The product in use: the property, else the loaded one. */
  get effectiveProduct(): Product | undefined {
    if (this.product) return this.product;
    return this.productTask.status === TaskStatus.COMPLETE ? this.productTask.value : undefined;
  }

  /** Every data type asked for (additional mode: including those already shared). */
  get requestedDataTypes(): DataType[] {
    const product = this.effectiveProduct;
    return toList(this.dataTypes ?? product?.dataTypes);
  }

  /** Additional mode: the data types that are new. */
  get newDataTypes(): DataType[] {
    if (this.mode !== 'additional') return this.requestedDataTypes;
    const existing = new Set(toList(this.existingDataTypes));
    return this.requestedDataTypes.filter((dt) => !existing.has(dt));
  }

  /** Additional mode: the requested data types already shared. */
  get alreadySharedDataTypes(): DataType[] {
    if (this.mode !== 'additional') return [];
    const existing = new Set(toList(this.existingDataTypes));
    return this.requestedDataTypes.filter((dt) => existing.has(dt));
  }

  /**
   * The notice as plain text, exactly as rendered (the visible text of the notice, plus the addresses of its links),
   * for the consent record.
   */
  get noticeText(): string {
    const notice = this.noticeElement;
    if (!notice) return '';
    const text = notice.innerText.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
    const links = [...notice.querySelectorAll('a')].map((a) => `${a.dataset.label ?? a.textContent?.trim()}: ${a.href}`);
    return links.length ? `${text}\n\n${links.join('\n')}` : text;
  }

  // ------------------------------------------------------------------ actions

  private onConfirm(): void {
    const product = this.effectiveProduct;
    if (!product || this.submitting || this.busy) return;
    const submission: Submission = {
      productIdentifier: product.identifier,
      dataTypes: toDataTypesBySourceType(this.requestedDataTypes),
      newDataTypes: toDataTypesBySourceType(this.newDataTypes),
      noticeText: this.noticeText,
    };
    const proceed = this.emit('ck-consent-confirm', { ...submission, mode: this.mode }, { cancelable: true });
    if (proceed && this.client && this.companyId) {
      this.submission = submission;
      void this.submit();
    }
  }

  private onDecline(): void {
    const productIdentifier = this.effectiveProduct?.identifier ?? this.productIdentifier ?? '';
    this.emit('ck-consent-decline', { productIdentifier, mode: this.mode });
  }

  /** Records the consent through the client (connected mode): amends the active one, or grants a new one. */
  private async submit(): Promise<void> {
    const client = this.client;
    const companyId = this.companyId;
    const submission = this.submission;
    if (!client || !companyId || !submission) return;
    this.submitting = true;
    this.submitError = undefined;
    try {
      const consents = await listAll((params) => client.consents.list(companyId, params));
      const active = consents.find(
        (c) => c.productIdentifier === submission.productIdentifier && c.status === 'Active',
      );
      const connectionIds =
        this.connectionIds ??
        (await listAll((params) => client.connections.list(companyId, params)))
          .filter((c) => c.status === 'Linked')
          .map((c) => c.id);
      const consent = active
        ? await client.consents.amend(companyId, active.id, {
            dataTypes: submission.dataTypes,
            connectionIds: [...new Set([...active.connectionIds, ...connectionIds])],
            noticeText: submission.noticeText,
          })
        : await client.consents.grant(companyId, {
            productIdentifier: submission.productIdentifier,
            dataTypes: submission.dataTypes,
            connectionIds,
            noticeText: submission.noticeText,
            language: this.locale.lang || this.locale.locale,
            collectionMethod: this.mode === 'additional' ? 'additional-consent' : 'web-form',
          });
      this.saved = consent;
      this.submission = undefined;
      this.emit('ck-consent', { consent, noticeText: submission.noticeText });
    } catch (error) {
      this.submitError = error;
    } finally {
      this.submitting = false;
    }
  }

  // ------------------------------------------------------------------ rendering

  private heading(level: number, text: string, className: string, part?: string): TemplateResult {
    const clamped = Math.min(6, Math.max(1, level));
    return html`<div role="heading" aria-level=${clamped} class=${className} part=${part ?? nothing}>${text}</div>`;
  }

  private renderGroups(groups: DataTypeGroup[], newOnes: Set<string> | undefined): TemplateResult {
    const sub = this.headingLevel + 2;
    return html`${groups.map(
      (group) => html`<div class="panel">
        ${this.heading(sub, dataTypeGroupLabel(group.sourceType), 'group-heading')}
        <p class="group-source">${sourceTypeDescription(group.sourceType)}</p>
        <ul>
          ${group.dataTypes.map(
            (dt) => html`<li>
              <span class="dt-label">${dataTypeLabel(dt)}</span>${newOnes?.has(dt)
                ? html`<span class="new-tag">${msg('New')}</span>`
                : nothing}
              — <span class="dt-description">${dataTypeDescription(dt)}</span>
            </li>`,
          )}
        </ul>
      </div>`,
    )}`;
  }

  private renderNotice(product: Product): TemplateResult {
    const who = this.clientName || product.name;
    const platforms = this.platformNames?.length ? this.platformNames : this.platformName ? [this.platformName] : [];
    const platformText = platforms.length ? listText(platforms, this.locale.lang || this.locale.locale) : '';
    const additional = this.mode === 'additional';
    const sub = this.headingLevel + 1;
    const policyUrl = safeHttpUrl(product.policyUrl);
    const termsUrl = safeHttpUrl(product.termsUrl);
    const retentionDays = product.retention.days;
    const newOnes = this.newDataTypes;
    const shared = this.alreadySharedDataTypes;
    return html`<div class="notice" part="notice">
      <div class="who">
        <ck-logo part="logo" size="large" decorative .name=${who} .src=${this.clientLogoUrl}></ck-logo>
        ${this.heading(
          this.headingLevel,
          additional
            ? msg(str`${who} would like to use more of your data`)
            : msg(str`${who} would like access to your financial data`),
          'heading',
          'heading',
        )}
      </div>

      <section>
        ${this.heading(sub, msg('Why'), 'subheading')}
        <p>${msg(str`${who} will use your data ${product.purpose}.`)} (${product.name})</p>
      </section>

      <section>
        ${this.heading(sub, msg('What access means'), 'subheading')}
        <div class="facts">
          <p class="fact">
            ${icon(lockIcon)}
            <span
              >${platformText
                ? msg(str`Connecting ${platformText} gives ${who} read-only access to the data listed below.`)
                : msg(str`${who} gets read-only access to the data listed below.`)}
              ${msg(str`${who} can't change anything or make payments, and never sees your sign-in details.`)}</span
            >
          </p>
          ${additional
            ? html`<p class="fact">
                ${icon(checkIcon)}
                <span>${msg('You don’t need to sign in again: this uses the connection you already have.')}</span>
              </p>`
            : nothing}
        </div>
      </section>

      <section part="data-types">
        ${additional
          ? html`${this.heading(sub, msg('New data you’re asked to share'), 'subheading')}
              ${newOnes.length
                ? this.renderGroups(groupDataTypes(newOnes), new Set(newOnes))
                : html`<p class="muted">${msg('Nothing new: you already share all of this data.')}</p>`}
              ${shared.length
                ? html`${this.heading(sub, msg('Data you already share'), 'subheading')}
                    ${this.renderGroups(groupDataTypes(shared), undefined)}`
                : nothing}`
          : html`${this.heading(sub, msg('The data you’ll share'), 'subheading')}
              ${this.renderGroups(groupDataTypes(this.requestedDataTypes), undefined)}`}
      </section>

      <section>
        ${this.heading(sub, msg('How long'), 'subheading')}
        <div class="facts">
          <p class="fact">
            ${icon(clockIcon)}<span>${msg(str`This consent lasts ${durationText(product.duration.days)}.`)}</span>
          </p>
          <p class="fact">
            ${icon(infoIcon)}<span
              >${retentionDays > 0
                ? msg(str`We keep your data for ${retentionDays} days after you withdraw your consent or it ends, then delete it.`)
                : msg('We delete your data as soon as you withdraw your consent or it ends.')}</span
            >
          </p>
        </div>
      </section>

      ${policyUrl || termsUrl
        ? html`<div class="links" part="links">
            ${policyUrl
              ? html`<a href=${policyUrl} target="_blank" rel="noopener noreferrer" data-label=${msg('Privacy policy')}
                  >${msg('Privacy policy')}${icon(externalIcon)}<span class="visually-hidden"
                    >${msg('(opens in a new tab)')}</span
                  ></a
                >`
              : nothing}
            ${termsUrl
              ? html`<a href=${termsUrl} target="_blank" rel="noopener noreferrer" data-label=${msg('Terms of use')}
                  >${msg('Terms of use')}${icon(externalIcon)}<span class="visually-hidden"
                    >${msg('(opens in a new tab)')}</span
                  ></a
                >`
              : nothing}
          </div>`
        : nothing}

      <p class="withdraw" part="withdraw">
        ${msg(str`You can withdraw your consent at any time, as easily as you give it, from your ${who} account settings. ${who} then stops reading your data.`)}
      </p>
      <slot name="footer"></slot>
    </div>`;
  }

  private renderActions(): TemplateResult {
    const working = this.submitting || this.busy;
    const additional = this.mode === 'additional';
    return html`<div class="actions" part="actions">
      <button type="button" class="button" part="decline-button" ?disabled=${working} @click=${this.onDecline}>
        ${additional ? msg('Not now') : msg('Decline')}
      </button>
      <button
        type="button"
        class="button primary"
        part="confirm-button"
        ?disabled=${working}
        aria-busy=${working ? 'true' : 'false'}
        @click=${this.onConfirm}
      >
        ${additional ? msg('Confirm I’m happy to share additional data') : msg('Confirm')}
      </button>
    </div>`;
  }

  protected override render(): unknown {
    const product = this.effectiveProduct;
    if (!product) {
      const task = this.productTask;
      if (task.status === TaskStatus.ERROR) {
        return renderError(task.error, () => void task.run(), msg('We couldn’t load what you’re asked to agree to'));
      }
      return renderLoading(msg('Loading…'), 5);
    }
    if (this.saved) {
      return html`${this.renderNotice(product)}
        <p class="saved" role="status">${icon(checkIcon)}<span>${msg('Thank you. Your consent is recorded.')}</span></p>`;
    }
    return html`${this.renderNotice(product)}
      ${this.submitError
        ? renderError(this.submitError, () => void this.submit(), msg('We couldn’t record your consent. Your choice is kept: try again.'))
        : nothing}
      ${this.submitting || this.busy
        ? html`<p class="muted" role="status">${msg('Saving your consent…')}</p>`
        : html`<div role="status" class="visually-hidden"></div>`}
      ${this.renderActions()}`;
  }
}
