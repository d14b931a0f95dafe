import '@consent-kit/elements/ck-link';
import type { LinkSourceTypes } from '@consent-kit/elements/ck-link';
import type { LinkResult } from '@consent-kit/contract';
import { LENDING_PRODUCT } from '../../shared/options.js';
import type { ApplicationView } from '../../shared/types.js';
import { BackendError, backend } from '../api.js';
import { h, renderPage } from '../dom.js';
import { notice, progress } from '../layout.js';
import { browserClient, setReturnTarget, type ReturnTarget } from '../session.js';

/** The two journeys Copay runs with `<ck-link>`. */
export type JourneyKind = 'apply' | 'add';

const JOURNEYS = {
  /** First onboarding (scenario 1): accounting software, then one or more banks, under the lending consent. */
  apply: {
    path: '/apply/connect',
    sourceTypes: { accounting: {}, banking: {} } satisfies LinkSourceTypes,
    title: 'Connect your accounts',
    lead: 'We assess your application from your real figures. First choose your accounting software, then your bank — you can connect more than one bank. You see exactly what you share before you sign in.',
  },
  /** Another bank for the product already consented to (scenario 3): no new consent, the record is amended. */
  add: {
    path: '/connections/add',
    sourceTypes: { banking: {} } satisfies LinkSourceTypes,
    title: 'Connect another bank',
    lead: 'Add another bank account to your application. Your consent for Copay stays the same; this bank is added to it.',
  },
} as const satisfies Record<
  JourneyKind,
  { path: ReturnTarget['path']; sourceTypes: LinkSourceTypes; title: string; lead: string }
>;

function reportProblem(message: string): void {
  document.getElementById('journey-problem')?.remove();
  const box = notice('danger', 'We could not save your progress', [message], { alert: true });
  box.id = 'journey-problem';
  document.querySelector('#main h1')?.after(box);
}

async function whenFinished(kind: JourneyKind, me: ApplicationView): Promise<void> {
  if (kind === 'apply') {
    await backend.connected();
    location.assign('/apply/sync');
    return;
  }
  // An extra bank on a submitted application: refresh its summary with the new data.
  if (me.application.status === 'submitted') {
    await backend.submit().catch(() => undefined);
    location.assign('/application?updated=1');
  } else location.assign('/connections');
}

/** Renders a `<ck-link>` journey page; `redirectResult` resumes it after the provider sent the person back. */
export async function renderJourney(kind: JourneyKind, redirectResult?: LinkResult | null): Promise<void> {
  const journey = JOURNEYS[kind];
  const me = await backend.me();
  if (!me) {
    location.replace('/apply');
    return;
  }
  if (kind === 'apply' && me.application.status !== 'connecting' && !redirectResult) {
    location.replace(me.application.status === 'syncing' ? '/apply/sync' : '/application');
    return;
  }
  const { client, companyId } = await browserClient();

  const link = document.createElement('ck-link');
  link.client = client;
  link.companyId = companyId;
  link.productIdentifier = LENDING_PRODUCT;
  link.companyName = me.applicant.businessName;
  link.clientName = 'Copay';
  link.clientLogoUrl = new URL('/copay-mark.svg', location.origin).href;
  link.sourceTypes = journey.sourceTypes;
  link.handoff = 'redirect';
  link.nonModal = true;
  if (redirectResult) link.redirectResult = redirectResult;

  link.addEventListener('ck-connection-started', () => setReturnTarget({ path: journey.path }));
  link.addEventListener('ck-connection', (event) => {
    backend.recordConnection(event.detail.connection.id).catch((error: unknown) => {
      reportProblem(error instanceof Error ? error.message : 'Try again.');
    });
  });
  link.addEventListener('ck-consent', (event) => {
    backend.recordConsent(event.detail.consent.id).catch((error: unknown) => {
      reportProblem(error instanceof Error ? error.message : 'Try again.');
    });
  });
  link.addEventListener('ck-finish', () => {
    whenFinished(kind, me).catch((error: unknown) => {
      reportProblem(error instanceof BackendError || error instanceof Error ? error.message : 'Try again.');
    });
  });
  // The journey shows the provider's error itself (with Try again / Choose another when the person can fix it).
  // When they cannot, Copay adds how to get help, quoting the code: announced politely (the journey already
  // announces the error) and placed before the widget, so it is read and tabbed to before the widget's Close.
  link.addEventListener('ck-error', (event) => {
    document.getElementById('journey-support')?.remove();
    if (event.detail.userRecoverable) return;
    const box = notice(
      'warning',
      'Need a hand?',
      [
        h(
          'p',
          {},
          'Call Copay support on 0800 555 0199 (Monday to Friday, 8am to 6pm) and quote error code ',
          h('strong', {}, event.detail.error.code),
          '. Your application is saved, so you can come back to it.',
        ),
      ],
      { status: true },
    );
    box.id = 'journey-support';
    link.before(box);
  });
  link.addEventListener('ck-connection-started', () => document.getElementById('journey-support')?.remove());
  link.addEventListener('ck-close', (event) => {
    if (event.detail.incomplete) location.assign(kind === 'apply' ? '/' : '/connections');
  });

  renderPage(
    journey.title,
    kind === 'apply' ? progress('connect') : null,
    h('h1', {}, journey.title),
    h('p', { class: 'lead' }, journey.lead),
    h('div', { class: 'journey' }, link),
  );
}
