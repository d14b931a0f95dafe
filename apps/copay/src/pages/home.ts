import { backend } from '../api.js';
import { formatMoney, h, renderPage } from '../dom.js';
import { continuePath, notice } from '../layout.js';
import { expiredConnectionsNotice } from './shared.js';

const STATUS_TEXT = {
  connecting: 'Connect your accounts',
  syncing: 'Check your data and submit',
  submitted: 'Submitted — we are reviewing it',
} as const;

export async function render(): Promise<void> {
  const me = await backend.me().catch(() => null);
  renderPage(
    'Business loans',
    me ? expiredConnectionsNotice(me.application) : null,
    h(
      'section',
      { class: 'card hero', 'aria-labelledby': 'home-title' },
      h('h1', { id: 'home-title' }, 'Funding that keeps up with your business'),
      h(
        'p',
        { class: 'lead' },
        'Borrow £1,000 to £500,000 over 6 to 60 months. Connect your accounting software and your bank, and we decide from your real numbers — no paperwork to upload.',
      ),
      h(
        'div',
        { class: 'actions' },
        me
          ? h(
              'a',
              { class: 'button primary', href: continuePath(me.application.status) },
              'Continue your application',
            )
          : h('a', { class: 'button primary', href: '/apply' }, 'Apply for a loan'),
        me ? h('a', { class: 'button', href: '/apply?new=1' }, 'Start a new application') : null,
      ),
    ),
    me
      ? h(
          'section',
          { class: 'card', 'aria-labelledby': 'your-application' },
          h('h2', { id: 'your-application' }, 'Your application'),
          h(
            'dl',
            { class: 'details' },
            h('dt', {}, 'Business'),
            h('dd', {}, me.applicant.businessName),
            h('dt', {}, 'Reference'),
            h('dd', {}, me.applicant.id),
            h('dt', {}, 'Amount'),
            h('dd', {}, `${formatMoney(me.application.loanAmount)} over ${me.application.termMonths} months`),
            h('dt', {}, 'Next step'),
            h('dd', {}, STATUS_TEXT[me.application.status]),
          ),
        )
      : null,
    h('h2', {}, 'How it works'),
    h(
      'ol',
      { class: 'steps' },
      h(
        'li',
        {},
        h('strong', {}, 'Tell us about your business'),
        'Your company, the loan you need and how to reach you.',
      ),
      h(
        'li',
        {},
        h('strong', {}, 'Connect your accounts'),
        'Sign in to your accounting software and your bank. You see exactly what you share before you share it.',
      ),
      h(
        'li',
        {},
        h('strong', {}, 'Get a decision'),
        'We read your latest figures and come back to you, usually the same day.',
      ),
    ),
    notice('info', 'Your data, your choice', [
      h(
        'p',
        {},
        'Copay only reads the data a loan decision needs. You can see every connection, disconnect it or withdraw your consent at any time from ',
        h('a', { href: '/connections' }, 'Manage connections'),
        '.',
      ),
    ]),
  );
}
