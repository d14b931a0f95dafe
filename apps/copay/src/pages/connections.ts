import '@consent-kit/elements/ck-connection-manager';
import { backend } from '../api.js';
import { h, renderPage } from '../dom.js';
import { notice } from '../layout.js';
import { browserClient, setReturnTarget } from '../session.js';
import { expiredConnectionsNotice } from './shared.js';

/**
 * "Manage connections": the applicant's connections and consents in `<ck-connection-manager>` (connected mode),
 * with reconnect for expired ones (scenario 6) and "add another connection" (scenario 3).
 */
export async function render(): Promise<void> {
  const me = await backend.me();
  if (!me) {
    renderPage(
      'Manage connections',
      h('h1', {}, 'Manage connections'),
      h('p', {}, 'There is no application in this browser yet, so nothing is connected.'),
      h('div', { class: 'actions' }, h('a', { class: 'button primary', href: '/apply' }, 'Apply for a loan')),
    );
    return;
  }
  const { client, companyId } = await browserClient();
  const params = new URLSearchParams(location.search);
  const reconnected = params.get('reconnected');
  const added = params.get('added');
  if (reconnected || added) history.replaceState(null, '', '/connections');

  const manager = document.createElement('ck-connection-manager');
  manager.client = client;
  manager.companyId = companyId;
  manager.handoff = 'redirect';
  manager.addEventListener('ck-connection-reconnect', (event) => {
    // The provider sends the person back to /connect/callback; remember to come back here.
    setReturnTarget({ path: '/connections', connectionId: event.detail.connection.id });
  });
  manager.addEventListener('ck-connection-add', () => location.assign('/connections/add'));
  const expired = expiredConnectionsNotice(me.application);
  manager.addEventListener('ck-connections-change', () => {
    // Keep Copay's own record in step (statuses, consent) after a disconnect, delete or withdrawal.
    void backend.me().then((fresh) => {
      const next = fresh ? expiredConnectionsNotice(fresh.application) : null;
      const current = document.getElementById('connection-expired');
      if (current && next) current.replaceWith(next);
      else if (current) current.remove();
    });
  });

  renderPage(
    'Manage connections',
    h('h1', {}, 'Manage connections'),
    h(
      'p',
      { class: 'lead' },
      `The accounts ${me.applicant.businessName} shares with Copay, and what each consent lets us read. Disconnect, delete data or withdraw consent at any time.`,
    ),
    reconnected
      ? notice(
          'success',
          `${reconnected} is reconnected`,
          ['Copay receives your latest data again. Thank you.'],
          { alert: true },
        )
      : null,
    added
      ? notice('success', `${added} is connected`, ['Its data is now part of your application.'], {
          alert: true,
        })
      : null,
    expired,
    h('div', { class: 'card' }, manager),
  );
}
