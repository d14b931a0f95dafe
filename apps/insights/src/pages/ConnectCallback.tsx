import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { parseLinkResult } from '@consent-kit/contract';
import { Connect } from './Connect.js';

/**
 * Where the provider's sign-in sends the person back (`/connect/callback?statusCode=...`): reads the result with
 * the contract's `parseLinkResult` and resumes the `<ck-link>` journey with it. The query is then removed from
 * the address, so a reload or a bookmark does not replay the answer.
 */
export function ConnectCallback(): ReactNode {
  const [search] = useState(() => window.location.search);
  const result = useMemo(() => parseLinkResult(new URLSearchParams(search)), [search]);
  useEffect(() => {
    if (window.location.search) window.history.replaceState(null, '', '/connect/callback');
  }, []);
  return <Connect redirectResult={result} />;
}
