import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { parseLinkResult } from '@consent-kit/contract';
import { Page } from '../components/Page.js';
import { Connect } from './Connect.js';

/** This page was opened as the provider's sign-in popup by a consent-kit element on an Insights page. */
function openedAsPopup(): boolean {
  try {
    return Boolean(window.opener) && (window.opener as Window).location.origin === window.location.origin;
  } catch {
    return false; // a cross-origin opener
  }
}

/**
 * Where the provider's sign-in sends the person back (`/connect/callback?statusCode=...`). In the page itself
 * (redirect hand-off) it reads the result with the contract's `parseLinkResult` and resumes the `<ck-link>`
 * journey; the query is then removed from the address so a reload does not replay the answer. In a sign-in popup
 * it hands the result to the element that opened it (`ck-link-result` message, same origin only) and closes.
 */
export function ConnectCallback(): ReactNode {
  const [search] = useState(() => window.location.search);
  const [popup] = useState(openedAsPopup);
  const result = useMemo(() => parseLinkResult(new URLSearchParams(search)), [search]);
  useEffect(() => {
    if (popup) {
      (window.opener as Window).postMessage({ type: 'ck-link-result', search }, window.location.origin);
      window.setTimeout(() => window.close(), 300);
      return;
    }
    if (window.location.search) window.history.replaceState(null, '', '/connect/callback');
  }, [popup, search]);
  if (popup) {
    return (
      <Page title={result?.ok === false ? 'The sign-in did not complete' : 'You are signed in'}>
        <p role="status">You can close this window and go back to Insights.</p>
      </Page>
    );
  }
  return <Connect redirectResult={result} />;
}
