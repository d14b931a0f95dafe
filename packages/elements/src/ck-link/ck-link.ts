import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import {
  parseLinkResult,
  type Connection,
  type ConsentRecord,
  type DataType,
  type DataTypesBySourceType,
  type Integration,
  type LinkResult,
  type Product,
} from '@consent-kit/contract';
import { CkElement } from '../base/ck-element.js';
import { buttonStyles, hostStyles } from '../styles/shared.styles.js';
import { buttonVariantStyles } from '../styles/button-variants.styles.js';
import { icon, checkIcon, clockIcon, closeIcon, externalIcon, lockIcon, plusIcon } from '../styles/icons.js';
import { LocaleController } from '../controllers/locale-controller.js';
import { connectedTask, renderError, renderLoading, summarizeError } from '../controllers/connected-task.js';
import { loadingErrorStyles } from '../controllers/loading-error.styles.js';
import { listAll } from '../controllers/client.js';
import { hostedLinkUrl, safeHttpUrl } from '../controllers/safe-url.js';
import '../ck-logo/index.js';
import '../ck-dialog/index.js';
import type { IntegrationSelectDetail } from '../ck-integration-picker/ck-integration-picker.types.js';
import type { ConsentConfirmDetail } from '../ck-consent-confirmation/ck-consent-confirmation.types.js';
import type { DialogCloseDetail } from '../ck-dialog/ck-dialog.types.js';
import { linkStyles } from './ck-link.styles.js';
import {
  SOURCE_TYPE_OF_KEY,
  type LinkError,
  type LinkHandoffMode,
  type LinkMode,
  type LinkSourceTypeKey,
  type LinkSourceTypes,
  type LinkStep,
  type LinkText,
  type LinkTextKey,
} from './ck-link.types.js';
import type { LinkClient } from './link-client.js';
import {
  currentSourceType,
  hasNextSourceType,
  initialJourney,
  isInProgress,
  isJourneySnapshot,
  journeyConfig,
  reduceJourney,
  restoreJourney,
  snapshotJourney,
  type JourneyAction,
  type JourneyConfig,
  type JourneyState,
} from './link-journey.js';
import {
  connectAnotherLabel,
  errorMessage,
  linkText,
  pickerTitleKey,
  type TextValues,
} from './link-messages.js';

/** What connected mode loads before the journey starts. */
interface LinkContext {
  product: Product | null;
  consents: ConsentRecord[];
  connections: Connection[];
}

/**
 * How the composed steps are fetched, set by the module that registers `<ck-link>` before it does: the
 * `@consent-kit/elements/ck-link` entry (index.ts) fetches them as one chunk of their own (link-steps.ts), started as
 * soon as a `<ck-link>` connects (not awaited), so a page's first script stays small and each step's element upgrades
 * in place when its code arrives; the package entry registers them itself (eager.ts).
 */
let stepsLoader: () => Promise<unknown> = () => Promise.resolve();
let childrenLoading: Promise<unknown> | undefined;
function loadSteps(): Promise<unknown> {
  childrenLoading ??= stepsLoader().catch((error: unknown) => {
    childrenLoading = undefined;
    console.warn('[consent-kit] <ck-link> could not load its steps', error);
  });
  return childrenLoading;
}

/** How `<ck-link>` fetches its step elements; the modules that register it call this first. */
export function setLinkStepsLoader(loader: () => Promise<unknown>): void {
  stepsLoader = loader;
}

/** `parseLinkResult` over a query string. */
function parseResult(search: string): LinkResult | null {
  return parseLinkResult(new URLSearchParams(search));
}

/** Whether a query string carries a Link result at all (cheap check before loading the parser). */
function hasLinkResult(search: string): boolean {
  return new URLSearchParams(search).has('statusCode');
}

const SNAPSHOT_PREFIX = 'ck-link:journey:';
const KEY_OF_SOURCE_TYPE: Record<string, LinkSourceTypeKey> = {
  Accounting: 'accounting',
  Banking: 'banking',
  Commerce: 'commerce',
};

function activeConsentFor(
  consents: readonly ConsentRecord[],
  productIdentifier: string | undefined,
): ConsentRecord | null {
  if (!productIdentifier) return null;
  return (
    consents.find(
      (c) =>
        c.productIdentifier === productIdentifier &&
        c.status === 'Active' &&
        Date.parse(c.duration.expiresAt) > Date.now(),
    ) ?? null
  );
}

/**
 * A step's action button: the main one (`primary`), another (`secondary`), or a text-styled `link`. Click handlers
 * run with the element as `this` (Lit's event binding), so methods can be passed as they are.
 */
function actionButton(
  kind: 'primary' | 'secondary' | 'link',
  label: unknown,
  onClick: () => void,
): TemplateResult {
  return html`<button
    type="button"
    class="button ${kind === 'secondary' ? '' : kind}"
    part="${kind === 'primary' ? 'primary' : 'secondary'}-button"
    @click=${onClick}
  >
    ${label}
  </button>`;
}

function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `ck-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * The whole consent journey, modelled on Codat's Link SDK: an optional landing page, then for each source type
 * (`sourceTypes`, in the order of its keys) the platform picker, the consent confirmation (once, before the first
 * sign-in), the hand-off to the provider's sign-in (popup or full-page redirect), sync progress and a success page
 * ("connect another bank account", "Done"). Every provider error code gets a clear message; recoverable ones offer
 * "Try again" and "Choose another". Closing mid-way asks for confirmation.
 *
 * Connected: give it a `client` (company-scoped token) and a `companyId` (and usually a `productIdentifier`); it
 * creates the connection (with an idempotency key), records the consent and follows the sign-in.
 * Controlled: without a client it renders from `product`, `integrations`, `connections` and `consents`; the host
 * listens to `ck-integration-select` / `ck-consent-confirm` (they bubble out), does the API work and reports the
 * provider's answer through `redirectResult`.
 *
 * Redirect mode: before leaving, the journey is kept in `sessionStorage`; on the way back set `redirectResult`
 * (`parseLinkResult(new URLSearchParams(location.search))`) or the `handle-redirect` attribute, and it resumes.
 *
 * @tagname ck-link
 * @summary The consent and connection journey (Link).
 *
 * @fires ck-connection-started - A connection was created and its sign-in is opening. `detail: { integration, connectionId, connection }`.
 * @fires ck-connection - A platform is connected (Linked). `detail: { connection }`.
 * @fires ck-consent - The consent was recorded. `detail: { consent, noticeText }` (the text the person saw).
 * @fires ck-finish - The person pressed Done. `detail: { connections, consent }`.
 * @fires ck-close - The person left (after confirming if a step was in progress). `detail: { step, incomplete }`.
 * @fires ck-error - An error step is shown. `detail: { error, message, userRecoverable }`.
 *
 * @csspart base - The journey's frame.
 * @csspart header - The top bar (client brand and close button).
 * @csspart close-button - The close (X) button.
 * @csspart step - The current step's wrapper (also `step-<name>`).
 * @csspart heading - The current step's heading (receives focus on each step).
 * @csspart picker - The `<ck-integration-picker>`.
 * @csspart consent - The `<ck-consent-confirmation>`.
 * @csspart sync-status - The `<ck-sync-status>`.
 * @csspart primary-button - The main action of a step.
 * @csspart secondary-button - Other actions of a step.
 * @csspart error - The error message box.
 * @csspart exit-dialog - The exit confirmation `<ck-dialog>`.
 * @csspart announcer - The `role=status` live region announcing the current step.
 *
 * @cssprop --ck-link-gap - Space between the header and the step.
 * @cssprop --ck-link-max-width - Maximum width of the journey.
 * @cssprop --ck-link-padding - Inner padding.
 * @cssprop --ck-link-border-color - Frame border colour.
 * @cssprop --ck-link-radius - Frame corner radius.
 * @cssprop --ck-link-background - Frame background (non-modal: transparent unless set).
 * @cssprop --ck-link-color - Text colour.
 * @cssprop --ck-link-elevation - Frame shadow.
 * @cssprop --ck-link-step-gap - Space inside a step.
 * @cssprop --ck-link-heading-size - Step heading size.
 * @cssprop --ck-link-muted-color - Secondary text colour.
 * @cssprop --ck-link-action-gap - Space between buttons.
 * @cssprop --ck-link-info-background - Background of the "waiting for sign-in" notice.
 * @cssprop --ck-link-info-color - Text colour of the "waiting for sign-in" notice.
 * @cssprop --ck-link-error-background - Background of the error message.
 * @cssprop --ck-link-error-color - Text colour of the error message.
 * @cssprop --ck-link-success-color - Colour of the success mark.
 */
@localized()
export class CkLink extends CkElement {
  static override styles = [hostStyles, buttonStyles, buttonVariantStyles, loadingErrorStyles, linkStyles];

  /** Connected mode: a @consent-kit/client instance with a company-scoped token. */
  @property({ attribute: false }) client?: LinkClient;

  /** The company (business) connecting its platforms. */
  @property({ attribute: 'company-id' }) companyId?: string;

  /** The product (use case) the consent is for, e.g. `lending`. Its data types are asked for by default. */
  @property({ attribute: 'product-identifier' }) productIdentifier?: string;

  /** The business's name, for `{companyName}` in texts. */
  @property({ attribute: 'company-name' }) companyName = '';

  /** Who is asking for the data (your product's name), shown on the landing page and in texts as `{clientName}`. */
  @property({ attribute: 'client-name' }) clientName = '';

  /** Your logo (http(s) only), shown in the header. */
  @property({ attribute: 'client-logo-url' }) clientLogoUrl?: string;

  /** Starts with a landing page that explains the journey. */
  @property({ type: Boolean, attribute: 'show-landing-page' }) showLandingPage = false;

  /**
   * Source types to connect, in the order of the keys, with per-type options (`optional`, `enableIntegrations` /
   * `allowedIntegrations`, `dataTypes`). Default: the source types the product reads, else accounting.
   */
  @property({ attribute: false }) sourceTypes?: LinkSourceTypes;

  /** Text overrides by key (`LINK_TEXT_KEYS`), with `{companyName}`, `{platformName}` and `{clientName}`. Plain text. */
  @property({ attribute: false }) text?: LinkText;

  /** How the provider's sign-in opens: `popup` (a window; the journey stays) or `redirect` (the whole page). */
  @property() handoff: LinkHandoffMode = 'popup';

  /** The provider's answer after a redirect-mode return (or from your own redirect page in popup mode). */
  @property({ attribute: false }) redirectResult?: LinkResult | null;

  /** Reads the provider's answer from `location.search` on load (redirect mode) and cleans the URL. */
  @property({ type: Boolean, attribute: 'handle-redirect' }) handleRedirect = false;

  /** `journey`, or `additional-consent`: confirm only what is new for this product, with no sign-in. */
  @property() mode: LinkMode = 'journey';

  /** Embedded styling without the frame and the close button (Codat's `nonModal`). */
  @property({ type: Boolean, reflect: true, attribute: 'non-modal' }) nonModal = false;

  /** Milliseconds between checks of the connection while the sign-in window is open. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 1500;

  /**
   * Where the hosted sign-in sends the person back (`redirect=` on the `linkUrl`); it must be on the API's
   * redirect allowlist. Unset: the client profile's default redirect URL.
   */
  @property({ attribute: 'redirect-url' }) redirectUrl?: string;

  /** Controlled: the product (when there is no client). */
  @property({ attribute: false }) product?: Product;

  /** Controlled: the integrations the picker offers (when there is no client). */
  @property({ attribute: false }) integrations?: Integration[];

  /** Controlled: the company's existing connections (already-connected state, additional consent). */
  @property({ attribute: false }) connections?: Connection[];

  /** Controlled: the company's consents (an active one for the product skips the consent step). */
  @property({ attribute: false }) consents?: ConsentRecord[];

  @state() private journey: JourneyState = initialJourney(journeyConfig({}));
  @state() private handoffPhase: 'idle' | 'starting' | 'waiting' = 'idle';
  @state() private saving = false;
  @state() private announcement = '';

  private config: JourneyConfig = journeyConfig({});
  private readonly locale = new LocaleController(this);
  private context?: LinkContext;
  /** The consent recorded for the product (loaded, granted or amended during the journey). */
  private consent: ConsentRecord | null = null;
  /** The person confirmed; recorded at the hand-off, once the connection exists. */
  private pendingConsent: { dataTypes: DataTypesBySourceType; noticeText: string } | null = null;
  private idempotencyKey = newIdempotencyKey();
  /** The company's existing connection to the chosen platform, from the picker. */
  private existingConnection: Connection | null = null;
  private handoffRun?: Promise<void>;
  private popup: Window | null = null;
  private watchTimer?: ReturnType<typeof setInterval>;
  private lastConnectionCheck = 0;
  private consumedResult: LinkResult | null = null;
  /** The answer read from the URL (`handle-redirect`). */
  private urlResult: LinkResult | null = null;
  private focusOnUpdate = false;
  private generation = 0;

  private readonly load = connectedTask(
    this,
    () => [this.client, this.companyId, this.productIdentifier, this.mode] as const,
    async ([client, companyId, productIdentifier], { signal }) => {
      const generation = ++this.generation;
      const [product, consents, connections] = await Promise.all([
        productIdentifier ? client!.products.get(productIdentifier) : Promise.resolve(null),
        listAll((p) => client!.consents.list(companyId!, p), {}, signal),
        listAll((p) => client!.connections.list(companyId!, p), {}, signal),
      ]);
      if (generation !== this.generation) return this.context;
      this.context = { product, consents, connections };
      this.restart();
      return this.context;
    },
    { requires: 2 },
  );

  private get connectedMode(): boolean {
    return Boolean(this.client && this.companyId);
  }

  /** The product in effect (loaded, else the controlled property). */
  private get currentProduct(): Product | null {
    return this.context?.product ?? this.product ?? null;
  }

  private get knownConnections(): readonly Connection[] {
    return this.context?.connections ?? this.connections ?? [];
  }

  private get knownConsents(): readonly ConsentRecord[] {
    return this.context?.consents ?? this.consents ?? [];
  }

  /** The step shown now. */
  get step(): LinkStep {
    return this.journey.step;
  }

  /** Whether leaving now would lose progress (e.g. to warn in `beforeunload`). */
  get inProgress(): boolean {
    return isInProgress(this.journey);
  }

  // ------------------------------------------------------------------ lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    const connectedChanged =
      changed.has('client') ||
      changed.has('companyId') ||
      changed.has('productIdentifier') ||
      changed.has('mode');
    if (connectedChanged) {
      // A new company / product: forget the old one at once; connected mode restarts when its data is loaded.
      this.context = undefined;
      this.consent = null;
      this.generation++;
      if (!this.connectedMode) this.restart();
      else this.resetTransient();
    } else if (
      changed.has('sourceTypes') ||
      changed.has('showLandingPage') ||
      ((changed.has('product') || changed.has('consents')) && !this.connectedMode)
    ) {
      if (!this.connectedMode || this.context) this.restart();
    }
    if (changed.has('redirectResult') || changed.has('handleRedirect')) {
      if (!this.connectedMode || this.context) this.consumeRedirect();
    }
  }

  protected override updated(): void {
    if (this.focusOnUpdate) {
      this.focusOnUpdate = false;
      this.renderRoot.querySelector<HTMLElement>('[part~="heading"]')?.focus();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadSteps();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching();
  }

  /** Resolves when the picker, consent confirmation and sync status elements are defined. */
  static loadSteps(): Promise<unknown> {
    return loadSteps();
  }

  /** Starts the journey again from the first step (keeps the loaded data). */
  restart(): void {
    // Work in flight for the previous journey (a hand-off, a consent) must not land in the new one.
    this.generation++;
    this.resetTransient();
    const product = this.currentProduct;
    const defaultPlan = product
      ? (Object.keys(product.dataTypes) as string[])
          .map((st) => KEY_OF_SOURCE_TYPE[st])
          .filter((k): k is LinkSourceTypeKey => k !== undefined)
      : undefined;
    this.consent = activeConsentFor(this.knownConsents, product?.identifier ?? this.productIdentifier);
    this.config = journeyConfig({
      sourceTypes: this.sourceTypes,
      defaultPlan: defaultPlan
        ? (['accounting', 'banking', 'commerce'] as const).filter((k) => defaultPlan.includes(k))
        : undefined,
      showLandingPage: this.showLandingPage,
      mode: this.mode,
      consentAlreadyGiven: this.consent !== null,
    });
    this.journey = initialJourney(this.config);
    this.consumeRedirect();
    this.announceStep();
  }

  private resetTransient(): void {
    this.stopWatching();
    this.pendingConsent = null;
    this.existingConnection = null;
    this.handoffPhase = 'idle';
    this.handoffRun = undefined;
    this.saving = false;
    this.idempotencyKey = newIdempotencyKey();
  }

  // ------------------------------------------------------------------ state transitions

  private dispatch(action: JourneyAction): void {
    const before = this.journey;
    const after = reduceJourney(before, action, this.config);
    if (after === before) return;
    this.journey = after;
    if (after.step !== before.step || after.index !== before.index || after.finished !== before.finished) {
      this.focusOnUpdate = true;
      this.announceStep();
      if (after.step !== 'handoff') this.stopWatching();
      if (after.step === 'handoff' && before.step !== 'handoff') this.handoffPhase = 'idle';
      if (after.step === 'error' && after.error) {
        const message = errorMessage(after.error, this.textValues());
        this.emit('ck-error', { error: after.error, message, userRecoverable: after.error.userRecoverable });
      }
      if (after.finished && !before.finished) {
        this.clearSnapshot();
        // Additional consent connects nothing new: report the connections the consent shares.
        const connections =
          this.config.mode === 'additional-consent'
            ? this.knownConnections.filter((c) => c.status === 'Linked')
            : [...after.connections];
        this.emit('ck-finish', { connections, consent: this.consent });
      }
    }
    if (after.closed && !before.closed) {
      this.stopWatching();
      this.emit('ck-close', { step: after.step, incomplete: !after.finished });
    }
  }

  private fail(error: LinkError): void {
    this.dispatch({ type: 'fail', error });
  }

  private apiError(code: LinkError['code'], error: unknown): LinkError {
    const summary = summarizeError(error);
    return {
      code,
      statusCode: summary.status,
      description: summary.message,
      correlationId: summary.correlationId,
      userRecoverable: summary.status === undefined || summary.status === 409 || summary.retryable,
    };
  }

  // ------------------------------------------------------------------ text

  private textValues(): TextValues {
    const platformName =
      this.journey.integration?.name ??
      this.knownConnections.find((c) => c.id === this.journey.connectionId)?.platformName ??
      '';
    return {
      companyName: this.companyName || msg('your business'),
      platformName,
      clientName: this.clientName || msg('We'),
    };
  }

  private t(key: LinkTextKey): string {
    return linkText(key, this.text, this.textValues());
  }

  private stepTitle(): string {
    const j = this.journey;
    switch (j.step) {
      case 'landing':
        return this.t('landing.title');
      case 'picker': {
        const key = currentSourceType(j, this.config);
        return key ? this.t(pickerTitleKey(key)) : '';
      }
      case 'consent':
        return this.t(
          this.config.mode === 'additional-consent' ? 'additionalConsent.title' : 'consent.title',
        );
      case 'handoff':
        return this.t('handoff.title');
      case 'syncing':
        return this.t('syncing.title');
      case 'success':
        if (j.finished) return this.t('finish.title');
        return this.config.mode === 'additional-consent'
          ? msg('Your consent is recorded')
          : this.t('success.title');
      case 'error':
        return this.t('error.title');
    }
  }

  private announceStep(): void {
    this.announcement = '';
    const title = this.stepTitle();
    void this.updateComplete.then(() => {
      this.announcement = title;
    });
  }

  // ------------------------------------------------------------------ redirect results

  private snapshotKey(): string | null {
    return this.companyId ? `${SNAPSHOT_PREFIX}${this.companyId}` : null;
  }

  private saveSnapshot(): void {
    const key = this.snapshotKey();
    if (!key) return;
    try {
      sessionStorage.setItem(
        key,
        JSON.stringify(snapshotJourney(this.journey, this.companyId!, this.consent?.id ?? null)),
      );
    } catch {
      // Storage may be unavailable (privacy mode): the journey then resumes from the result alone.
    }
  }

  private readSnapshot(): ReturnType<typeof snapshotJourney> | null {
    const key = this.snapshotKey();
    if (!key) return null;
    try {
      const value = JSON.parse(sessionStorage.getItem(key) ?? 'null') as unknown;
      return isJourneySnapshot(value) && value.companyId === this.companyId ? value : null;
    } catch {
      return null;
    }
  }

  private clearSnapshot(): void {
    const key = this.snapshotKey();
    try {
      if (key) sessionStorage.removeItem(key);
    } catch {
      // ignore
    }
  }

  /** Takes the provider's answer from `redirectResult` (or the URL with `handle-redirect`) once. */
  private consumeRedirect(): void {
    if (
      !this.redirectResult &&
      this.handleRedirect &&
      !this.urlResult &&
      typeof location !== 'undefined' &&
      hasLinkResult(location.search)
    ) {
      const search = location.search;
      // Clean the URL at once so that a reload does not replay the answer.
      const url = new URL(location.href);
      for (const name of [
        'statusCode',
        'companyId',
        'connectionId',
        'platform',
        'sourceType',
        'error',
        'error_description',
        'statusText',
        'state',
      ])
        url.searchParams.delete(name);
      history.replaceState(history.state, '', url);
      this.urlResult = parseResult(search);
    }
    const result = this.redirectResult ?? this.urlResult;
    if (!result || result === this.consumedResult) return;
    if (result.companyId && this.companyId && result.companyId !== this.companyId) return;
    this.consumedResult = result;
    const j = this.journey;
    const forThisHandoff =
      j.step === 'handoff' &&
      (!result.connectionId || !j.connectionId || result.connectionId === j.connectionId);
    if (!forThisHandoff) {
      const snapshot = this.readSnapshot();
      if (snapshot) {
        this.journey = restoreJourney(snapshot, this.config, this.knownConnections);
        this.consent =
          (snapshot.consentId && this.knownConsents.find((c) => c.id === snapshot.consentId)) || this.consent;
      } else {
        // No stored journey (another tab, storage off): resume at the hand-off of the connection in the result.
        const known = result.connectionId
          ? this.knownConnections.find((c) => c.id === result!.connectionId)
          : undefined;
        const integration: Integration | null = known
          ? // No logo URL here: ck-logo falls back to a monogram; the linkUrl must never be fetched as an image.
            {
              key: known.integrationKey ?? '',
              name: known.platformName,
              logoUrl: '',
              enabled: true,
              sourceType: known.sourceType,
            }
          : null;
        const index = Math.max(
          0,
          known ? this.config.plan.indexOf(KEY_OF_SOURCE_TYPE[known.sourceType] ?? 'accounting') : 0,
        );
        this.journey = {
          ...initialJourney(this.config),
          step: 'handoff',
          index,
          consentGiven: true,
          integration,
          connectionId: result.connectionId,
        };
      }
    }
    this.clearSnapshot();
    this.handleResult(result);
  }

  private handleResult(result: LinkResult): void {
    this.stopWatching();
    this.closePopup();
    this.dispatch({ type: 'providerResult', result });
    if (result.ok && this.journey.step === 'syncing') void this.afterConnected(result.connectionId);
  }

  /** The connection is authorised: fetch it, report it, and add it to the consent. */
  private async afterConnected(connectionId: string): Promise<void> {
    const client = this.client;
    const companyId = this.companyId;
    const generation = this.generation;
    let connection: Connection | undefined = this.knownConnections.find((c) => c.id === connectionId);
    if (client && companyId) {
      try {
        connection = await client.connections.get(companyId, connectionId);
      } catch {
        // Keep what we know; the sync step still shows progress.
      }
    }
    if (generation !== this.generation || !connection) return;
    if (this.context) {
      this.context = {
        ...this.context,
        connections: [...this.context.connections.filter((c) => c.id !== connection.id), connection],
      };
    }
    this.dispatch({ type: 'connected', connection });
    this.emit('ck-connection', { connection });
    // A consent recorded before this connection existed: add the connection to it.
    if (client && companyId && this.consent && !this.consent.connectionIds.includes(connection.id)) {
      try {
        const amended = await client.consents.amend(companyId, this.consent.id, {
          connectionIds: [...this.consent.connectionIds, connection.id],
        });
        if (generation === this.generation) this.consent = amended;
      } catch {
        // The connection works; the consent keeps its data types and is amended at the next change.
      }
    }
  }

  // ------------------------------------------------------------------ step handlers

  private onStart(): void {
    this.dispatch({ type: 'start' });
  }

  private onIntegrationSelect(event: CustomEvent<IntegrationSelectDetail>): void {
    this.idempotencyKey = newIdempotencyKey();
    // An existing connection to this platform (e.g. an expired bank): sign in again on it, no new connection.
    this.existingConnection = event.detail.connection ?? null;
    this.dispatch({ type: 'select', integration: event.detail.integration });
  }

  /** "My software isn't listed": a recoverable stop on this source type (choose another, skip, or come back later). */
  private onNotListed(event: Event): void {
    event.stopPropagation();
    this.fail({ code: 'usr_dh_not_listed', userRecoverable: true });
  }

  private async onConsentConfirm(event: CustomEvent<ConsentConfirmDetail>): Promise<void> {
    // ck-link records the consent itself (with the connection, at the hand-off): the confirmation must not.
    event.preventDefault();
    const { dataTypes, noticeText } = event.detail;
    if (this.config.mode === 'journey') {
      this.pendingConsent = { dataTypes, noticeText };
      this.dispatch({ type: 'consentGiven' });
      return;
    }
    // Additional consent: record it now, no sign-in.
    const client = this.client;
    const companyId = this.companyId;
    const productIdentifier =
      this.currentProduct?.identifier ?? this.productIdentifier ?? event.detail.productIdentifier;
    if (!client || !companyId || !productIdentifier) {
      // Controlled: the host records the consent (it heard ck-consent-confirm); the journey moves on.
      this.dispatch({ type: 'consentGiven' });
      return;
    }
    if (this.saving) return;
    this.saving = true;
    const generation = this.generation;
    try {
      const linked = this.knownConnections.filter((c) => c.status === 'Linked').map((c) => c.id);
      const record = this.consent
        ? await client.consents.amend(companyId, this.consent.id, {
            dataTypes,
            noticeText,
            connectionIds: [...new Set([...this.consent.connectionIds, ...linked])],
          })
        : await client.consents.grant(companyId, {
            productIdentifier,
            dataTypes,
            connectionIds: linked,
            noticeText,
            language: this.locale.lang || this.locale.locale,
            collectionMethod: 'additional-consent',
          });
      if (generation !== this.generation) return;
      this.consent = record;
      this.emit('ck-consent', { consent: record, noticeText });
      this.dispatch({ type: 'consentGiven' });
    } catch (error) {
      if (generation === this.generation) this.fail(this.apiError('consent_failed', error));
    } finally {
      this.saving = false;
    }
  }

  private onConsentDecline(): void {
    this.dispatch({ type: 'consentDeclined' });
  }

  /**
   * "Continue to <platform>": opens the window first (inside the click, so popup blockers allow it), then creates
   * the connection (idempotent), records the consent and points the window at the sign-in page.
   */
  private onContinueToProvider(): void {
    if (this.handoffRun) return;
    const integration = this.journey.integration;
    if (!integration || !this.client || !this.companyId) return;
    let popup: Window | null = null;
    if (this.handoff === 'popup') {
      popup = this.openWindow('about:blank');
      if (!popup) {
        this.fail({ code: 'popup_blocked', userRecoverable: true });
        return;
      }
    }
    this.popup = popup;
    this.handoffPhase = 'starting';
    this.handoffRun = this.startHandoff(integration).finally(() => {
      this.handoffRun = undefined;
    });
  }

  private async startHandoff(integration: Integration): Promise<void> {
    const client = this.client!;
    const companyId = this.companyId!;
    const generation = this.generation;
    let connection: Connection;
    try {
      const known = this.journey.connectionId ?? this.existingConnection?.id ?? null;
      const existing = known ? await client.connections.get(companyId, known) : null;
      connection =
        existing ??
        (await client.connections.create(
          companyId,
          { platformKey: integration.key },
          { idempotencyKey: this.idempotencyKey },
        ));
    } catch (error) {
      if (generation !== this.generation) return;
      this.closePopup();
      this.fail(this.apiError('connection_failed', error));
      return;
    }
    if (generation !== this.generation) return;
    const firstAttempt = this.journey.connectionId !== connection.id;
    this.dispatch({ type: 'connectionCreated', connectionId: connection.id });
    if (this.context && !this.context.connections.some((c) => c.id === connection.id))
      this.context = { ...this.context, connections: [...this.context.connections, connection] };
    if (firstAttempt)
      this.emit('ck-connection-started', { integration, connectionId: connection.id, connection });
    this.existingConnection = null;

    if (this.pendingConsent) {
      const productIdentifier = this.currentProduct?.identifier ?? this.productIdentifier;
      if (productIdentifier) {
        try {
          const { dataTypes, noticeText } = this.pendingConsent;
          const record = this.consent
            ? await client.consents.amend(companyId, this.consent.id, {
                dataTypes,
                noticeText,
                connectionIds: [...new Set([...this.consent.connectionIds, connection.id])],
              })
            : await client.consents.grant(companyId, {
                productIdentifier,
                dataTypes,
                connectionIds: [connection.id],
                noticeText,
                language: this.locale.lang || this.locale.locale,
                collectionMethod: 'web-form',
              });
          if (generation !== this.generation) return;
          this.consent = record;
          this.pendingConsent = null;
          this.emit('ck-consent', { consent: record, noticeText });
        } catch (error) {
          if (generation !== this.generation) return;
          this.closePopup();
          this.fail(this.apiError('consent_failed', error));
          return;
        }
      }
    }

    if (connection.status === 'Linked') {
      // Already connected (chosen again from the picker): nothing to sign in to.
      this.closePopup();
      this.handleResult({
        ok: true,
        statusCode: 200,
        companyId,
        connectionId: connection.id,
        platform: connection.integrationKey ?? '',
        sourceType: connection.sourceType,
      });
      return;
    }
    const linkUrl = hostedLinkUrl(connection.linkUrl, this.redirectUrl);
    if (!linkUrl) {
      this.closePopup();
      this.fail({
        code: 'invalid_request',
        description: 'The connection has no usable linkUrl.',
        connectionId: connection.id,
        userRecoverable: false,
      });
      return;
    }
    if (this.handoff === 'redirect') {
      this.saveSnapshot();
      this.navigate(linkUrl);
      return;
    }
    if (this.popup && !this.popup.closed) {
      try {
        this.popup.location.href = linkUrl;
      } catch {
        this.popup = this.openWindow(linkUrl);
      }
    } else {
      this.popup = this.openWindow(linkUrl);
    }
    if (!this.popup) {
      this.fail({ code: 'popup_blocked', connectionId: connection.id, userRecoverable: true });
      return;
    }
    this.handoffPhase = 'waiting';
    this.watch(connection.id);
  }

  /** Opens the provider's page in a popup window; override to customise (tests, native shells). */
  protected openWindow(url: string): Window | null {
    return window.open(url, 'ck-link-signin', 'popup,width=520,height=720');
  }

  /** Sends the whole page to the provider (redirect mode); override to customise. */
  protected navigate(url: string): void {
    window.location.assign(url);
  }

  private closePopup(): void {
    try {
      if (this.popup && !this.popup.closed) this.popup.close();
    } catch {
      // ignore
    }
    this.popup = null;
  }

  // ------------------------------------------------------------------ following the sign-in window

  private readonly onMessage = (event: MessageEvent): void => {
    if (event.origin !== window.location.origin) return;
    const data = event.data as { type?: unknown; search?: unknown } | null;
    if (!data || data.type !== 'ck-link-result' || typeof data.search !== 'string') return;
    const result = parseResult(data.search);
    if (result && this.journey.step === 'handoff') this.handleResult(result);
  };

  private watch(connectionId: string): void {
    this.stopWatching();
    window.addEventListener('message', this.onMessage);
    this.lastConnectionCheck = Date.now();
    this.watchTimer = setInterval(() => void this.checkSignIn(connectionId), 400);
  }

  private stopWatching(): void {
    clearInterval(this.watchTimer);
    this.watchTimer = undefined;
    window.removeEventListener('message', this.onMessage);
  }

  private checking = false;

  private async checkSignIn(connectionId: string): Promise<void> {
    if (this.checking || this.journey.step !== 'handoff' || this.journey.connectionId !== connectionId)
      return;
    // The popup came back to a same-origin redirect page: read the answer from its URL.
    const popup = this.popup;
    try {
      const href = popup && !popup.closed ? popup.location.href : '';
      const search = href && href !== 'about:blank' ? new URL(href).search : '';
      const result = hasLinkResult(search) ? parseResult(search) : null;
      if (result) {
        this.handleResult(result);
        return;
      }
    } catch {
      // Cross-origin (still on the provider's page): keep waiting.
    }
    const closed = !popup || popup.closed;
    if (!closed && Date.now() - this.lastConnectionCheck < this.pollInterval) return;
    this.lastConnectionCheck = Date.now();
    const client = this.client;
    const companyId = this.companyId;
    if (!client || !companyId) return;
    this.checking = true;
    try {
      const connection = await client.connections.get(companyId, connectionId);
      if (this.journey.step !== 'handoff' || this.journey.connectionId !== connectionId) return;
      if (connection.status === 'Linked') {
        this.handleResult({
          ok: true,
          statusCode: 200,
          companyId,
          connectionId,
          platform: connection.integrationKey ?? '',
          sourceType: connection.sourceType,
        });
      } else if (closed) {
        this.stopWatching();
        this.popup = null;
        this.fail({ code: 'popup_closed', connectionId, userRecoverable: true });
      }
    } catch {
      // Network trouble: try again on the next tick.
    } finally {
      this.checking = false;
    }
  }

  private reopen(): void {
    const connection = this.knownConnections.find((c) => c.id === this.journey.connectionId);
    const url = hostedLinkUrl(connection?.linkUrl, this.redirectUrl);
    if (!url) return;
    const popup = this.openWindow(url);
    if (popup) {
      this.popup = popup;
      this.watch(connection!.id);
    } else {
      this.fail({ code: 'popup_blocked', connectionId: connection!.id, userRecoverable: true });
    }
  }

  /** "Continue in this window" after a blocked popup. */
  private continueHere(): void {
    this.handoff = 'redirect';
    this.dispatch({ type: 'retry' });
  }

  private async chooseAnother(): Promise<void> {
    const { connectionId } = this.journey;
    const client = this.client;
    const companyId = this.companyId;
    this.dispatch({ type: 'chooseAnother' });
    this.idempotencyKey = newIdempotencyKey();
    // Remove the abandoned connection (never authorised), so it does not linger or block another accounting one.
    const abandoned = connectionId ? this.knownConnections.find((c) => c.id === connectionId) : undefined;
    if (client && companyId && connectionId && (!abandoned || abandoned.status === 'PendingAuth')) {
      try {
        const current = await client.connections.get(companyId, connectionId);
        if (current.status === 'PendingAuth') {
          await client.connections.delete(companyId, connectionId);
          if (this.context)
            this.context = {
              ...this.context,
              connections: this.context.connections.filter((c) => c.id !== connectionId),
            };
          this.requestUpdate();
        }
      } catch {
        // Best effort.
      }
    }
  }

  private onSyncComplete(): void {
    this.dispatch({ type: 'syncComplete' });
  }

  // ------------------------------------------------------------------ exit

  private onCloseClick(): void {
    this.dispatch({ type: 'requestClose' });
  }

  private onExitDialogClose(event: CustomEvent<DialogCloseDetail>): void {
    event.stopPropagation();
    if (!this.journey.confirmingExit) return;
    this.dispatch({ type: event.detail.returnValue === 'confirm' ? 'confirmClose' : 'cancelClose' });
    if (this.journey.closed) this.closePopup();
  }

  // ------------------------------------------------------------------ rendering

  /** A step: its wrapper (`part="step step-<name>"`), its heading (focused on arrival), then its content. */
  private stepFrame(name: string, title: string, content: unknown): TemplateResult {
    return html`<div class="step" part="step step-${name}">
      <h2 part="heading" tabindex="-1">${title}</h2>
      ${content}
    </div>`;
  }

  private sourceOptions(key: LinkSourceTypeKey | null) {
    return key ? this.sourceTypes?.[key] : undefined;
  }

  private allowedIntegrations(key: LinkSourceTypeKey | null): string[] | undefined {
    const options = this.sourceOptions(key);
    const a = options?.enableIntegrations;
    const b = options?.allowedIntegrations;
    if (a && b) return a.filter((k) => b.includes(k));
    return a ?? b;
  }

  /** The data types asked for: per source type, the option's `dataTypes`, else the product's. */
  private requestedDataTypes(): DataTypesBySourceType {
    const product = this.currentProduct;
    const result: DataTypesBySourceType = {};
    const keys =
      this.config.mode === 'additional-consent'
        ? (Object.keys(product?.dataTypes ?? {}) as string[])
            .map((st) => KEY_OF_SOURCE_TYPE[st])
            .filter((k): k is LinkSourceTypeKey => k !== undefined)
        : this.config.plan;
    for (const key of keys) {
      const sourceType = SOURCE_TYPE_OF_KEY[key];
      const types: DataType[] | undefined =
        this.sourceTypes?.[key]?.dataTypes ?? product?.dataTypes[sourceType];
      if (types?.length) result[sourceType] = [...types];
    }
    return result;
  }

  /** Data types the company already shares (active consents of any product), for the additional-consent view. */
  private sharedDataTypes(): DataTypesBySourceType {
    const result: Record<string, Set<DataType>> = {};
    for (const consent of this.knownConsents) {
      if (consent.status !== 'Active') continue;
      for (const [sourceType, types] of Object.entries(consent.dataTypes)) {
        const set = (result[sourceType] ??= new Set());
        for (const t of types ?? []) set.add(t);
      }
    }
    return Object.fromEntries(Object.entries(result).map(([k, v]) => [k, [...v]])) as DataTypesBySourceType;
  }

  private renderLanding(): TemplateResult {
    const plan = this.config.mode === 'journey' ? this.config.plan : [];
    return this.stepFrame(
      'landing',
      this.t('landing.title'),
      html`<p>${this.t('landing.subtitle')}</p>
        ${
          plan.length
            ? html`<ul class="plain">
                ${plan.map(
                  (key) =>
                    html`<li>
                      ${icon(checkIcon, 'icon success-mark')}
                      <span>${this.planItemLabel(key)}</span>
                    </li>`,
                )}
              </ul>`
            : nothing
        }
        <p class="muted">
          ${icon(lockIcon, 'icon')} ${msg('Your data is shared securely, and only with your consent.')}
        </p>
        <div class="actions">${actionButton('primary', this.t('landing.start'), this.onStart)}</div>`,
    );
  }

  private planItemLabel(key: LinkSourceTypeKey): string {
    const optional = this.config.optional.has(key);
    switch (key) {
      case 'accounting':
        return optional
          ? msg('Connect your accounting software (optional)')
          : msg('Connect your accounting software');
      case 'banking':
        return optional ? msg('Connect your bank accounts (optional)') : msg('Connect your bank accounts');
      case 'commerce':
        return optional ? msg('Connect your online store (optional)') : msg('Connect your online store');
    }
  }

  private renderPicker(): TemplateResult {
    const key = currentSourceType(this.journey, this.config);
    const sourceType = key ? SOURCE_TYPE_OF_KEY[key] : undefined;
    const optional = key ? this.config.optional.has(key) : false;
    return this.stepFrame(
      'picker',
      this.stepTitle(),
      html`<ck-integration-picker
          part="picker"
          .client=${this.client}
          .companyId=${this.companyId}
          .sourceTypes=${sourceType ? [sourceType] : undefined}
          .allowedIntegrations=${this.allowedIntegrations(key)}
          .integrations=${this.integrations}
          .connections=${this.knownConnections}
          @ck-integration-select=${this.onIntegrationSelect}
          @ck-integration-not-listed=${this.onNotListed}
        ></ck-integration-picker>
        ${
          optional
            ? html`<div class="actions">
                ${actionButton('link', this.t('picker.skip'), () => this.dispatch({ type: 'skip' }))}
              </div>`
            : nothing
        }`,
    );
  }

  private renderConsent(): TemplateResult {
    const additional = this.config.mode === 'additional-consent';
    const product = this.currentProduct;
    return this.stepFrame(
      'consent',
      this.stepTitle(),
      html`<ck-consent-confirmation
          part="consent"
          .client=${this.client}
          .companyId=${this.companyId}
          .productIdentifier=${product?.identifier ?? this.productIdentifier}
          .product=${product ?? undefined}
          .clientName=${this.clientName}
          .clientLogoUrl=${this.clientLogoUrl}
          .platformName=${this.journey.integration?.name}
          .platformNames=${additional ? this.knownConnections.filter((c) => c.status === 'Linked').map((c) => c.platformName) : undefined}
          .dataTypes=${this.requestedDataTypes()}
          .existingDataTypes=${additional ? this.sharedDataTypes() : undefined}
          .mode=${additional ? 'additional' : 'default'}
          .headingLevel=${3}
          ?busy=${this.saving}
          @ck-consent-confirm=${this.onConsentConfirm}
          @ck-consent-decline=${this.onConsentDecline}
        ></ck-consent-confirmation>
        ${this.saving ? html`<p class="muted" role="status">${msg('Saving your consent…')}</p>` : nothing}`,
    );
  }

  private renderHandoff(): TemplateResult {
    const integration = this.journey.integration;
    const name = this.textValues().platformName;
    const waiting = this.handoffPhase === 'waiting';
    return this.stepFrame(
      'handoff',
      this.t('handoff.title'),
      html`<div class="platform">
          <ck-logo
            size="large"
            decorative
            .name=${name}
            .src=${integration?.logoUrl}
            .client=${this.client}
            platform-key=${integration?.key || nothing}
          ></ck-logo>
          <p>${this.t('handoff.body')}</p>
        </div>
        ${
          waiting
            ? html`<div class="waiting" part="waiting">
                  ${icon(clockIcon, 'icon')}
                  <span
                    >${msg(str`Waiting for you to finish signing in to ${name} in the other window…`)}</span
                  >
                </div>
                <div class="actions">
                  ${actionButton('secondary', msg('Reopen the sign-in window'), this.reopen)}
                </div>`
            : this.connectedMode
              ? html`<div class="actions">
                    <button
                      type="button"
                      class="button primary"
                      part="primary-button"
                      ?disabled=${this.handoffPhase === 'starting'}
                      aria-busy=${this.handoffPhase === 'starting' ? 'true' : 'false'}
                      @click=${this.onContinueToProvider}
                    >
                      ${icon(externalIcon, 'icon')} ${msg(str`Continue to ${name}`)}
                    </button>
                  </div>
                  ${this.handoffPhase === 'starting' ? html`<p class="muted" role="status">${msg('Preparing a secure connection…')}</p>` : nothing}`
              : html`<div class="waiting" part="waiting">
                  ${icon(clockIcon, 'icon')}<span
                    >${msg(str`Waiting for the sign-in to ${name} to finish…`)}</span
                  >
                </div>`
        }`,
    );
  }

  private renderSyncing(): TemplateResult {
    const key = currentSourceType(this.journey, this.config);
    const dataTypes = key ? this.requestedDataTypes()[SOURCE_TYPE_OF_KEY[key]] : undefined;
    return this.stepFrame(
      'syncing',
      this.t('syncing.title'),
      html`<ck-sync-status
          part="sync-status"
          .client=${this.client}
          .companyId=${this.companyId}
          .dataTypes=${dataTypes}
          @ck-sync-complete=${this.onSyncComplete}
        ></ck-sync-status>
        <p class="muted">${msg('You can carry on: fetching continues in the background.')}</p>
        <div class="actions">${actionButton('primary', msg('Continue'), this.onSyncComplete)}</div>`,
    );
  }

  private renderSuccess(): TemplateResult {
    const j = this.journey;
    const key = currentSourceType(j, this.config);
    if (j.finished) {
      return this.stepFrame(
        'finish',
        this.t('finish.title'),
        html`${
          j.connections.length
            ? html`<p>${msg('You connected:')}</p>
                <ul class="plain">
                  ${j.connections.map((c) => html`<li>${icon(checkIcon, 'icon success-mark')}<span>${c.platformName}</span></li>`)}
                </ul>`
            : nothing
        }
        ${this.consent ? html`<p class="muted">${msg('Your consent is recorded. You can review or withdraw it at any time.')}</p>` : nothing}
        ${
          this.nonModal
            ? nothing
            : html`<div class="actions">${actionButton('primary', msg('Close'), this.onCloseClick)}</div>`
        }`,
      );
    }
    if (this.config.mode === 'additional-consent') {
      return this.stepFrame(
        'success',
        this.stepTitle(),
        html`<p>
            ${msg('Thank you. No need to sign in again: the data you agreed to share will be used from now on.')}
          </p>
          <div class="actions">
            ${actionButton('primary', msg('Done'), () => this.dispatch({ type: 'continue' }))}
          </div>`,
      );
    }
    const another = connectAnotherLabel(key);
    const more = hasNextSourceType(j, this.config);
    return this.stepFrame(
      'success',
      this.t('success.title'),
      html`<p>${this.t('success.body')}</p>
        <div class="actions">
          ${
            another
              ? actionButton('secondary', html`${icon(plusIcon, 'icon')} ${another}`, () =>
                  this.dispatch({ type: 'connectAnother' }),
                )
              : nothing
          }
          ${actionButton('primary', more ? msg('Continue') : msg('Done'), () => this.dispatch({ type: 'continue' }))}
        </div>`,
    );
  }

  private renderErrorStep(): TemplateResult {
    const error = this.journey.error!;
    const message = errorMessage(error, this.textValues());
    const canChoose =
      this.config.mode === 'journey' &&
      (this.journey.retryStep === 'handoff' || this.journey.retryStep === 'picker');
    // Back to the picker is the only way on from the picker itself ("not listed"): no separate "Try again".
    const retryable = error.userRecoverable && this.journey.retryStep !== 'picker';
    const chooseAnother = () => void this.chooseAnother();
    return this.stepFrame(
      'error',
      this.t('error.title'),
      html`<div class="error-box" part="error">
          <p>${message}</p>
          ${error.correlationId ? html`<p class="muted">${msg(str`Reference: ${error.correlationId}`)}</p>` : nothing}
          <p class="muted">${msg(str`Error code: ${error.code}`)}</p>
        </div>
        <div class="actions">
          ${
            error.code === 'popup_blocked'
              ? actionButton('secondary', msg('Continue in this window'), this.continueHere)
              : nothing
          }
          ${
            retryable
              ? html`${canChoose ? actionButton('secondary', msg('Choose another'), chooseAnother) : nothing}
                ${actionButton('primary', msg('Try again'), () => this.dispatch({ type: 'retry' }))}`
              : error.userRecoverable && canChoose
                ? actionButton('primary', msg('Choose another'), chooseAnother)
                : actionButton('primary', msg('Close'), this.onCloseClick)
          }
        </div>`,
    );
  }

  private renderStep(): unknown {
    if (this.connectedMode && !this.context) {
      if (this.load.status === TaskStatus.ERROR)
        return html`<div class="step" part="step step-error">
          ${renderError(this.load.error, () => void this.load.run(), msg('We could not load what is needed to start'))}
        </div>`;
      return renderLoading(msg('Getting things ready…'));
    }
    switch (this.journey.step) {
      case 'landing':
        return this.renderLanding();
      case 'picker':
        return this.renderPicker();
      case 'consent':
        return this.renderConsent();
      case 'handoff':
        return this.renderHandoff();
      case 'syncing':
        return this.renderSyncing();
      case 'success':
        return this.renderSuccess();
      case 'error':
        return this.renderErrorStep();
    }
  }

  protected override render(): unknown {
    const logo = safeHttpUrl(this.clientLogoUrl);
    return html`<div class="base" part="base" dir=${this.locale.dir}>
      <div role="status" aria-live="polite" class="visually-hidden" part="announcer">
        ${this.announcement}
      </div>
      <div class="top" part="header">
        <div class="brand">
          ${
            this.clientName || logo
              ? html`<ck-logo size="small" decorative .name=${this.clientName} .src=${logo}></ck-logo
                  ><span>${this.clientName}</span>`
              : nothing
          }
        </div>
        ${
          this.nonModal
            ? nothing
            : html`<button
                type="button"
                class="button close"
                part="close-button"
                aria-label=${msg('Close')}
                @click=${this.onCloseClick}
              >
                ${icon(closeIcon, 'icon')}
              </button>`
        }
      </div>
      ${this.journey.closed ? html`<p class="muted">${msg('You left the journey.')}</p>` : this.renderStep()}
      <ck-dialog
        part="exit-dialog"
        variant="confirm"
        tone="danger"
        .open=${this.journey.confirmingExit}
        .heading=${this.t('exit.title')}
        .confirmLabel=${msg('Leave')}
        .cancelLabel=${msg('Stay')}
        @ck-dialog-close=${this.onExitDialogClose}
        ><p>${this.t('exit.body')}</p></ck-dialog
      >
    </div>`;
  }
}
