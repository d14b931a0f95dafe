import { dataTypeLabel } from '@consent-kit/elements/data-types';
import type {
  ActivityEventType,
  Application,
  ApplicationActivity,
  FinancialSummary,
} from '../../shared/types.js';
import { backend } from '../api.js';
import { formatDate, formatDateTime, formatMoney, formatPercent, h, renderPage } from '../dom.js';
import { continuePath, notice, progress } from '../layout.js';
import { expiredConnectionsNotice } from './shared.js';

function figure(label: string, value: string): HTMLElement {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}

function summaryFigures(summary: FinancialSummary): HTMLElement {
  const money = (n: number | null) => formatMoney(n, summary.currency);
  return h(
    'dl',
    { class: 'figures', 'aria-label': 'Summary of your finances' },
    figure('Revenue', money(summary.revenue)),
    figure('Net profit', money(summary.netProfit)),
    figure('Net margin', formatPercent(summary.netMargin)),
    figure('Cash in the bank', money(summary.cashBalance)),
    figure('Average money in per month', money(summary.averageMonthlyInflow)),
    figure('Average money out per month', money(summary.averageMonthlyOutflow)),
    figure('Net assets', money(summary.netAssets)),
    figure('Unpaid invoices owed to you', money(summary.outstandingReceivables)),
    figure('Bank accounts', String(summary.bankAccounts)),
  );
}

/** How many webhook events the page lists. */
const ACTIVITY_SHOWN = 10;

const ACTIVITY_TEXT: Record<ActivityEventType, (platform: string) => string> = {
  'connection.created': (p) => `${p} connection started`,
  'connection.connected': (p) => `${p} connected`,
  'connection.disconnected': (p) => `${p} disconnected`,
  'connection.reconnected': (p) => `${p} reconnected`,
  'connection.failed': (p) => `${p} connection failed`,
  'connection.deleted': (p) => `${p} connection and data deleted`,
  'read.completed': (p) => `${p} data refreshed`,
};

function activityItem(entry: ApplicationActivity): HTMLElement {
  const text =
    entry.platformName === null && entry.type === 'read.completed'
      ? 'Data refreshed'
      : ACTIVITY_TEXT[entry.type](entry.platformName ?? 'An account');
  return h('li', {}, `${text} — `, h('time', { datetime: entry.at }, formatDateTime(entry.at)));
}

/** What the API's webhooks told Copay about the applicant's connections, newest first. */
function recentActivity(application: Application): HTMLElement {
  const entries = application.activity.slice(0, ACTIVITY_SHOWN);
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'activity-title' },
    h('h2', { id: 'activity-title' }, 'Recent activity'),
    entries.length
      ? h('ul', { class: 'activity' }, ...entries.map(activityItem))
      : h('p', {}, 'Nothing yet. When your connected accounts change or send new data, it shows here.'),
    application.dataRefreshedAt
      ? h(
          'p',
          { class: 'small' },
          'Your data was last refreshed ',
          h('time', { datetime: application.dataRefreshedAt }, formatDateTime(application.dataRefreshedAt)),
          '.',
        )
      : null,
  );
}

export async function render(): Promise<void> {
  const me = await backend.me();
  if (!me) {
    renderPage(
      'Your application',
      h('h1', {}, 'Your application'),
      h('p', {}, 'You have not started an application in this browser yet.'),
      h('div', { class: 'actions' }, h('a', { class: 'button primary', href: '/apply' }, 'Apply for a loan')),
    );
    return;
  }
  const { applicant, application } = me;
  if (application.status !== 'submitted' || !application.summary) {
    renderPage(
      'Your application',
      h('h1', {}, 'Your application is not submitted yet'),
      h('p', {}, `Application ${applicant.id} for ${applicant.businessName} is saved.`),
      h(
        'div',
        { class: 'actions' },
        h(
          'a',
          { class: 'button primary', href: continuePath(application.status) },
          'Continue your application',
        ),
      ),
    );
    return;
  }
  const summary = application.summary;
  const params = new URLSearchParams(location.search);
  renderPage(
    'Application submitted',
    progress('submitted'),
    params.has('updated')
      ? notice('success', 'Your application is up to date', [
          'We added the data from your new connection to your application.',
        ])
      : null,
    expiredConnectionsNotice(application),
    h(
      'div',
      { class: 'notice success', id: 'submitted' },
      h('h1', {}, 'Application submitted'),
      h(
        'p',
        {},
        'Your reference is ',
        h('strong', {}, applicant.id),
        '. We have everything we need, and will email ',
        h('strong', {}, applicant.email),
        ' with a decision, usually the same working day.',
      ),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'loan-title' },
      h('h2', { id: 'loan-title' }, 'Your loan request'),
      h(
        'dl',
        { class: 'details' },
        h('dt', {}, 'Business'),
        h('dd', {}, applicant.businessName),
        h('dt', {}, 'Registration number'),
        h('dd', {}, applicant.registrationNumber),
        h('dt', {}, 'Amount'),
        h('dd', {}, formatMoney(application.loanAmount)),
        h('dt', {}, 'Term'),
        h('dd', {}, `${application.termMonths} months`),
        h('dt', {}, 'Purpose'),
        h('dd', {}, application.purpose),
        h('dt', {}, 'Submitted'),
        h('dd', {}, formatDate(application.submittedAt)),
      ),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'summary-title' },
      h('h2', { id: 'summary-title' }, 'What your data tells us'),
      h(
        'p',
        { class: 'small' },
        summary.periodStart && summary.periodEnd
          ? `From your accounts and bank, ${formatDate(summary.periodStart)} to ${formatDate(summary.periodEnd)}. Figures in ${summary.currency}.`
          : `From your accounts and bank. Figures in ${summary.currency}.`,
      ),
      summaryFigures(summary),
      h('h3', {}, 'Connected accounts'),
      h(
        'ul',
        {},
        ...application.connections.map((c) =>
          h(
            'li',
            {},
            `${c.platformName} (${c.sourceType === 'Banking' ? 'bank' : c.sourceType.toLowerCase()}) — ${c.status === 'Linked' ? 'connected' : c.status === 'Deauthorized' ? 'expired' : c.status === 'Unlinked' ? 'disconnected' : 'waiting for sign-in'}`,
          ),
        ),
      ),
      h(
        'p',
        { class: 'small' },
        `Calculated ${formatDate(summary.computedAt)} from your ${summary.sources.map((t) => dataTypeLabel(t).toLowerCase()).join(', ')}.`,
      ),
    ),
    recentActivity(application),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'next-title' },
      h('h2', { id: 'next-title' }, 'What happens next'),
      h(
        'ul',
        {},
        h('li', {}, 'An underwriter reviews your application and the figures above.'),
        h(
          'li',
          {},
          'While your loan is open, we keep reading the data you agreed to share, so you never have to send statements.',
        ),
        h(
          'li',
          {},
          'You stay in control: connect another bank, disconnect, or withdraw your consent at any time.',
        ),
      ),
      h(
        'div',
        { class: 'actions' },
        h('a', { class: 'button primary', href: '/connections' }, 'Manage connections'),
      ),
    ),
  );
}
