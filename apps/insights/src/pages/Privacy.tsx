import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ConsentRecord, Product } from '@consent-kit/contract';
import { dataTypeLabel, groupDataTypes, sourceTypeLabel } from '@consent-kit/elements/data-types';
import { CkConnectionManager } from '@consent-kit/react';
import { Page } from '../components/Page.js';
import { formatDate } from '../format.js';
import { currentConsent, endedAt } from '../insights/load.js';
import { navigate } from '../router.js';
import { useSignedIn } from '../session.js';
import { errorMessage, useAsync } from '../use-async.js';
import { callbackUrl } from '../api-client.js';

interface PrivacyData {
  products: Product[];
  consents: ConsentRecord[];
}

/** What happened after the person withdrew a product's consent, for the notice under the heading. */
interface Withdrawal {
  product: string;
  stillActive: string[];
}

/**
 * "Data & privacy": what Insights reads and why, and `<ck-connection-manager>` with every product's consent for
 * this business (Insights and Copay lending), each withdrawable with its impact on the other products shown.
 */
export function Privacy(): ReactNode {
  const { session, client } = useSignedIn();
  const [withdrawal, setWithdrawal] = useState<Withdrawal | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  // The withdrawn consent no longer has its button: take focus to the outcome, so keyboard and screen reader
  // users are not left on nothing.
  useEffect(() => {
    if (withdrawal) notice.current?.focus();
  }, [withdrawal]);
  const data = useAsync<PrivacyData>(async (signal) => {
    const [products, consents] = await Promise.all([
      client.products.list({ signal }),
      client.consents.list(session.companyId, { pageSize: 5000 }, { signal }),
    ]);
    return { products: products.results, consents: consents.results };
  }, `${session.companyId}:${session.accessToken}`);

  const nameOf = (identifier: string) =>
    data.data?.products.find((p) => p.identifier === identifier)?.name ?? identifier;

  return (
    <Page
      title="Data & privacy"
      intro={
        <p>
          See what Insights reads and why, manage your connected software, and withdraw consent for any
          product at any time.
        </p>
      }
    >
      {withdrawal && (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={notice}>
          <p>
            <strong>{nameOf(withdrawal.product)}</strong> no longer reads your data. Data already shared is
            kept only as long as the retention period below says, then deleted.
          </p>
          <p>
            {withdrawal.stillActive.length
              ? `Not affected: ${withdrawal.stillActive.map(nameOf).join(', ')} keeps its own consent and still reads the data it needs.`
              : 'No other product reads your data.'}
          </p>
        </div>
      )}
      {data.status === 'loading' && <p role="status">Loading…</p>}
      {data.status === 'error' && (
        <div className="notice notice--danger" role="alert">
          <p>{errorMessage(data.error)}</p>
          <button type="button" className="button" onClick={data.reload}>
            Try again
          </button>
        </div>
      )}
      {data.status === 'ready' && <ProductSummary data={data.data} product={session.product} />}

      <div className="card manager">
        <CkConnectionManager
          client={client}
          companyId={session.companyId}
          handoff="popup"
          redirectUrl={callbackUrl()}
          onCkConnectionAdd={() => navigate('/connect?add=more')}
          onCkConnectionsChange={(event) => {
            const { action, consent } = event.detail;
            if (action === 'withdraw' && consent) {
              const others = (data.data?.consents ?? []).filter(
                (c) => c.productIdentifier !== consent.productIdentifier && c.status === 'Active',
              );
              setWithdrawal({
                product: consent.productIdentifier,
                stillActive: [...new Set(others.map((c) => c.productIdentifier))],
              });
            }
            data.refresh();
          }}
        />
      </div>
    </Page>
  );
}

function ProductSummary({ data, product }: { data: PrivacyData; product: string }): ReactNode {
  const insights = data.products.find((p) => p.identifier === product);
  if (!insights) return null;
  const consent = currentConsent(data.consents, product);
  const status = !consent
    ? 'You have not shared any data with Insights yet.'
    : consent.status === 'Active'
      ? `You agreed on ${formatDate(consent.timestamp)}. Your consent lasts until ${formatDate(consent.duration.expiresAt)}.`
      : `You ${consent.status === 'Withdrawn' ? 'withdrew' : 'consent expired'}${endedAt(consent) ? ` on ${formatDate(endedAt(consent)!)}` : ''}: Insights no longer reads your data.`;
  return (
    <section className="card" aria-labelledby="reads-heading">
      <h2 id="reads-heading">What Insights reads</h2>
      <p>
        Insights reads your data <strong>{insights.purpose}</strong>. It reads only these data types — data
        you share with other products is not used here.
      </p>
      <dl className="reads">
        {groupDataTypes(insights.dataTypes).map((group) => (
          <div key={group.sourceType}>
            <dt>{sourceTypeLabel(group.sourceType)}</dt>
            <dd>
              <ul className="type-list">
                {group.dataTypes.map((dt) => (
                  <li key={dt}>{dataTypeLabel(dt)}</li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      <p>
        <strong>Your consent:</strong> {status}
      </p>
      <p>
        <strong>Keeping your data:</strong> {insights.retention.description}
      </p>
      <p>
        <a href={insights.policyUrl} rel="noopener noreferrer" target="_blank">
          Privacy policy<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      </p>
    </section>
  );
}
