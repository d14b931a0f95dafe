import type { Application } from '../../shared/types.js';
import { h } from '../dom.js';
import { notice } from '../layout.js';

/**
 * Tells the applicant when an open-banking (or any) connection has expired or was disconnected, and how to
 * reconnect it (lifecycle scenario 6).
 */
export function expiredConnectionsNotice(application: Application): HTMLElement | null {
  const lapsed = application.connections.filter(
    (c) => c.status === 'Deauthorized' || c.status === 'Unlinked',
  );
  if (!lapsed.length) return null;
  const names = lapsed.map((c) => c.platformName);
  const list =
    names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  const expired = lapsed.some((c) => c.status === 'Deauthorized');
  const box = notice(
    'warning',
    expired ? `Your connection to ${list} has expired` : `Your connection to ${list} is disconnected`,
    [
      expired
        ? 'Open banking access lasts 90 days. Reconnect to keep sharing your latest transactions with Copay — it takes a minute and nothing else changes.'
        : 'Copay no longer receives new data from it. Reconnect to keep your application up to date.',
      h('p', {}, h('a', { href: '/connections' }, `Reconnect ${list}`)),
    ],
  );
  box.id = 'connection-expired';
  return box;
}
