import {
  isProviderErrorCode,
  parseLinkResult,
  PROVIDER_ERRORS,
  type LinkResult,
} from '@consent-kit/contract';
import { backend } from '../api.js';
import { h, renderPage } from '../dom.js';
import { markCurrentNav, notice } from '../layout.js';
import { PROVIDER_ERROR_MESSAGES } from '../provider-messages.js';
import { takeReturnTarget } from '../session.js';
import { renderJourney } from './journey.js';

/** The message Copay shows for a failed sign-in, for every code of the contract (and a fallback for others). */
export function providerErrorMessage(result: Extract<LinkResult, { ok: false }>): string {
  return isProviderErrorCode(result.error)
    ? PROVIDER_ERROR_MESSAGES[result.error]
    : 'Your provider could not complete the connection. Try again, or contact Copay support if it keeps happening.';
}

/** A reconnect (from Manage connections) came back: record it, or explain what went wrong. */
async function finishReconnect(result: LinkResult): Promise<void> {
  if (result.ok) {
    // `platform` on the redirect is the platform key; the name comes from the connection Copay just checked.
    const { application } = await backend.recordConnection(result.connectionId);
    const name =
      application.connections.find((c) => c.id === result.connectionId)?.platformName ?? 'Your account';
    location.replace(`/connections?reconnected=${encodeURIComponent(name)}`);
    return;
  }
  const recoverable = isProviderErrorCode(result.error)
    ? PROVIDER_ERRORS[result.error].userRecoverable
    : result.userRecoverable;
  renderPage(
    'Reconnection failed',
    h('h1', {}, 'We could not reconnect your account'),
    notice(
      'danger',
      'The connection was not renewed',
      [providerErrorMessage(result), h('p', { class: 'small' }, `Error code: ${result.error}`)],
      {
        alert: true,
      },
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'a',
        { class: 'button primary', href: '/connections' },
        recoverable ? 'Back to Manage connections to try again' : 'Back to Manage connections',
      ),
    ),
  );
}

/**
 * `/connect/callback`: where the hosted sign-in sends the person back (`statusCode=200&...` or `error=...`).
 * Resumes whatever started it: the `<ck-link>` journey, or a reconnect from Manage connections.
 */
export async function render(): Promise<void> {
  const result = parseLinkResult(new URLSearchParams(location.search));
  const target = takeReturnTarget();
  // Clean the URL so that a reload does not replay the answer.
  history.replaceState(
    null,
    '',
    target?.path === '/connections' || !target ? '/connect/callback' : target.path,
  );
  markCurrentNav();
  if (!result) {
    renderPage(
      'Nothing to continue',
      h('h1', {}, 'There is nothing to continue here'),
      h(
        'p',
        {},
        'This page finishes a connection to your bank or accounting software, but no answer from a provider came with it.',
      ),
      h(
        'div',
        { class: 'actions' },
        h('a', { class: 'button primary', href: '/' }, 'Go to the Copay home page'),
      ),
    );
    return;
  }
  if (target?.path === '/connections') return finishReconnect(result);
  if (target?.path === '/connections/add') return renderJourney('add', result);
  if (target?.path === '/apply/connect') return renderJourney('apply', result);
  // No record of what started it (another tab, storage cleared): decide from the application.
  const me = await backend.me();
  if (me?.application.status === 'connecting') return renderJourney('apply', result);
  return finishReconnect(result);
}
