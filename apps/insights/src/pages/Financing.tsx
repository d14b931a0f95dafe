import { useState, type ReactNode } from 'react';
import type { ConsentRecord } from '@consent-kit/contract';
import { flattenDataTypes } from '@consent-kit/elements/data-types';
import { CkLink } from '@consent-kit/react';
import { Page } from '../components/Page.js';
import { formatDate } from '../format.js';
import { currentConsent } from '../insights/load.js';
import { Link } from '../router.js';
import { useSignedIn } from '../session.js';
import { errorMessage, useAsync } from '../use-async.js';
import { callbackUrl } from '../api-client.js';

/** Copay's lending product in the consent ledger. */
export const LENDING_PRODUCT = 'lending';

/**
 * Scenario 4 — grant an additional product without re-authenticating. A business that connected its software
 * for Insights applies for Copay financing: `<ck-link mode="additional-consent">` shows what Copay would read on
 * top of what is already shared ("Confirm I'm happy to share additional data"), records the consent for the
 * `lending` product and no provider sign-in happens. The consent is stored and can be withdrawn under
 * Data & privacy at any time. The application itself continues at Copay.
 */
export function Financing(): ReactNode {
  const { session, client } = useSignedIn();
  const [granted, setGranted] = useState<ConsentRecord | null>(null);
  const state = useAsync(async (signal) => {
    const [product, connections, consents] = await Promise.all([
      client.products.get(LENDING_PRODUCT, { signal }),
      client.connections.list(session.companyId, { pageSize: 5000 }, { signal }),
      client.consents.list(session.companyId, { pageSize: 5000 }, { signal }),
    ]);
    return {
      product,
      connections: connections.results,
      consent: currentConsent(consents.results, LENDING_PRODUCT),
    };
  }, `${session.companyId}:${session.accessToken}`);
  const copayApply = `${session.copayUrl}/apply`;

  return (
    <Page
      title="Copay financing"
      intro={
        <p>
          A Copay business loan is assessed on the same accounting and bank data you connected for Insights.
          Copay asks for its own consent: you decide, and you can withdraw it at any time.
        </p>
      }
    >
      {state.status === 'loading' && <p role="status">Loading…</p>}
      {state.status === 'error' && (
        <div className="notice notice--danger" role="alert">
          <p>{errorMessage(state.error)}</p>
          <button type="button" className="button" onClick={state.reload}>
            Try again
          </button>
        </div>
      )}
      {state.status === 'ready' &&
        (() => {
          const { product, connections } = state.data;
          const consent = granted ?? state.data.consent;
          const linked = connections.filter((c) => c.status === 'Linked');
          if (consent?.status === 'Active') {
            return (
              <div className="notice notice--success" role="status">
                <h2>You are sharing data with {product.name}</h2>
                <p>
                  Since {formatDate(consent.timestamp)}, for {flattenDataTypes(consent.dataTypes).length} data
                  types. Copay reads them {product.purpose}.
                </p>
                <div className="actions">
                  <a className="button" href={copayApply}>
                    Continue your application at Copay
                  </a>
                  <Link to="/privacy">Manage or withdraw this consent</Link>
                </div>
              </div>
            );
          }
          if (linked.length === 0) {
            return (
              <div className="notice notice--info">
                <h2>Connect your software first</h2>
                <p>
                  Copay reads the data from the software you connect. Connect it for Insights, then come back
                  here.
                </p>
                <Link to="/connect" className="button">
                  Connect your software
                </Link>
              </div>
            );
          }
          return (
            <>
              <CkLink
                client={client}
                companyId={session.companyId}
                productIdentifier={LENDING_PRODUCT}
                redirectUrl={callbackUrl()}
                companyName={session.companyName}
                clientName="Copay"
                mode="additional-consent"
                nonModal
                onCkFinish={(event) => {
                  if (event.detail.consent) setGranted(event.detail.consent);
                  state.refresh();
                }}
                onCkClose={() => state.refresh()}
              />
            </>
          );
        })()}
    </Page>
  );
}
