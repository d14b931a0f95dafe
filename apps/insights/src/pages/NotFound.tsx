import type { ReactNode } from 'react';
import { Page } from '../components/Page.js';
import { Link } from '../router.js';

export function NotFound(): ReactNode {
  return (
    <Page title="Page not found">
      <p>There is no page at this address.</p>
      <p>
        <Link to="/dashboard">Go to your dashboard</Link>
      </p>
    </Page>
  );
}
