import '@consent-kit/elements/ck-sync-status';
import { BackendError, backend } from '../api.js';
import { h, renderPage } from '../dom.js';
import { notice, progress } from '../layout.js';
import { browserClient } from '../session.js';

/**
 * Step 3: the initial sync of the connected accounts (`<ck-sync-status>`), then "Submit application" — the
 * backend reads the synced data under the lending consent and stores the summary.
 */
export async function render(): Promise<void> {
  const me = await backend.me();
  if (!me) return location.replace('/apply');
  if (me.application.status === 'connecting') return location.replace('/apply/connect');
  if (me.application.status === 'submitted') return location.replace('/application');
  const { client, companyId } = await browserClient();

  const status = document.createElement('ck-sync-status');
  status.client = client;
  status.companyId = companyId;

  const submit = h('button', { class: 'button primary', type: 'button' }, 'Submit application');
  const hint = h(
    'p',
    { class: 'small', id: 'submit-hint' },
    'You can submit as soon as your data has been fetched.',
  );
  submit.setAttribute('aria-describedby', 'submit-hint');
  const problem = h('div', { id: 'submit-problem' });
  // A "still syncing" refusal stops being true when the sync completes: it must not linger under "Your data is ready".
  let problemIsStillSyncing = false;

  const heading = h('h1', {}, 'We are fetching your data');
  status.addEventListener('ck-sync-complete', () => {
    heading.textContent = 'Your data is ready';
    hint.textContent = 'Everything is fetched. Submit your application when you are ready.';
    if (problemIsStillSyncing) problem.replaceChildren();
  });
  submit.addEventListener('click', () => {
    void (async () => {
      problem.replaceChildren();
      problemIsStillSyncing = false;
      submit.disabled = true;
      submit.textContent = 'Submitting…';
      try {
        await backend.submit();
        location.assign('/application');
      } catch (error) {
        submit.disabled = false;
        submit.textContent = 'Submit application';
        const stillSyncing = error instanceof BackendError && error.status === 409;
        problemIsStillSyncing = stillSyncing;
        problem.append(
          notice(
            stillSyncing ? 'warning' : 'danger',
            stillSyncing ? 'Not quite ready' : 'Your application was not submitted',
            [error instanceof Error ? error.message : 'Try again.'],
            { alert: true },
          ),
        );
      }
    })();
  });

  renderPage(
    'Check your data',
    progress('sync'),
    heading,
    h(
      'p',
      { class: 'lead' },
      `Copay is reading the figures ${me.applicant.businessName} agreed to share: profit and loss, balance sheet, invoices and bank transactions. It usually takes a few seconds.`,
    ),
    h('div', { class: 'card' }, status),
    problem,
    h('div', { class: 'actions' }, submit),
    hint,
  );
}
