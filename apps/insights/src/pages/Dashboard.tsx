import { useEffect, useId, type ReactNode } from 'react';
import type { Connection, DataRecord } from '@consent-kit/contract';
import { dataTypeLabel, flattenDataTypes } from '@consent-kit/elements/data-types';
import { BarList } from '../components/BarList.js';
import { ColumnChart } from '../components/ColumnChart.js';
import { Page } from '../components/Page.js';
import { ConsentRefusedError, endedAt, loadDashboard, type DashboardLoad } from '../insights/load.js';
import {
  cashFlowTrend,
  cashPosition,
  formatMoney,
  formatPercent,
  monthLabel,
  receivables,
  revenueTrend,
  summariseTrend,
  topCustomers,
} from '../insights/metrics.js';
import { Link } from '../router.js';
import { useSignedIn } from '../session.js';
import { errorMessage, useAsync } from '../use-async.js';
import { formatDate } from '../format.js';

const POLL_MS = 2000;

/** The business dashboard: revenue trend, cash and top customers, read for the `insights` product only. */
export function Dashboard(): ReactNode {
  const { session, client } = useSignedIn();
  const load = useAsync(
    (signal) => loadDashboard(client, session.companyId, session.product, signal),
    `${session.companyId}:${session.accessToken}`,
  );
  const pending = load.status === 'ready' && load.data.kind === 'ready' && load.data.pending.length > 0;
  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(load.refresh, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [pending, load]);

  return (
    <Page
      title="Dashboard"
      intro={
        <p>
          {session.companyName}: figures from your connected software, read for Insights only.{' '}
          <Link to="/privacy">What Insights reads</Link>
        </p>
      }
    >
      {load.status === 'loading' && (
        <p role="status" className="spinner-line">
          Loading your dashboard…
        </p>
      )}
      {load.status === 'error' &&
        (load.error instanceof ConsentRefusedError ? (
          <div className="notice notice--warning" role="alert">
            <h2>Insights can no longer read your data</h2>
            <p>{load.error.message}</p>
            <div className="actions">
              <button type="button" className="button" onClick={load.reload}>
                Check again
              </button>
              <Link to="/privacy">Data &amp; privacy</Link>
            </div>
          </div>
        ) : (
          <div className="notice notice--danger" role="alert">
            <h2>Your dashboard could not be loaded</h2>
            <p>{errorMessage(load.error)}</p>
            <button type="button" className="button" onClick={load.reload}>
              Try again
            </button>
          </div>
        ))}
      {load.status === 'ready' && <DashboardBody data={load.data} />}
      <FinancingTeaser />
    </Page>
  );
}

function platformList(connections: readonly Connection[]): string {
  const names = [...new Set(connections.filter((c) => c.status === 'Linked').map((c) => c.platformName))];
  return new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(names);
}

function DashboardBody({ data }: { data: DashboardLoad }): ReactNode {
  if (data.kind === 'no-consent') {
    const linked = data.connections.filter((c) => c.status === 'Linked');
    return (
      <section className="notice notice--info" aria-labelledby="start-heading">
        <h2 id="start-heading">
          {linked.length ? 'Share your data with Insights' : 'Connect your software to see your dashboard'}
        </h2>
        {linked.length ? (
          <p>
            You already connected {platformList(linked)} for another product. Confirm you are happy to share
            the data Insights needs — you do not need to sign in to your software again.
          </p>
        ) : (
          <p>
            Connect your accounting software and bank, and Insights builds your dashboard in a few moments.
          </p>
        )}
        <p>Insights would read: {flattenDataTypes(data.product.dataTypes).map(dataTypeLabel).join(', ')}.</p>
        <div className="actions">
          <Link to="/connect" className="button">
            {linked.length ? 'Review and share data' : 'Connect your software'}
          </Link>
        </div>
      </section>
    );
  }
  if (data.kind === 'consent-ended') {
    const when = endedAt(data.consent);
    const withdrawn = data.consent.status === 'Withdrawn';
    return (
      <section className="notice notice--warning" aria-labelledby="ended-heading">
        <h2 id="ended-heading">
          {withdrawn ? 'You withdrew your consent for Insights' : 'Your consent for Insights has expired'}
        </h2>
        <p>
          {withdrawn ? 'You withdrew it' : 'It expired'}
          {when ? ` on ${formatDate(when)}` : ''}. Insights no longer reads your data, so there is nothing to
          show here.
        </p>
        <p>
          {data.otherActive.length
            ? `Not affected: ${data.otherActive.map((p) => p.name).join(', ')} keeps its own consent and still works.`
            : 'No other product reads your data.'}
        </p>
        <p>Data already shared with Insights: {data.consent.retention.description}</p>
        <div className="actions">
          <Link to="/connect" className="button">
            Share data with Insights again
          </Link>
          <Link to="/privacy">Data &amp; privacy</Link>
        </div>
      </section>
    );
  }
  return <Figures data={data} />;
}

function Figures({ data }: { data: Extract<DashboardLoad, { kind: 'ready' }> }): ReactNode {
  const id = useId();
  const pnl = data.records.profitAndLoss;
  const trend = pnl ? revenueTrend(pnl) : [];
  const summary = summariseTrend(trend);
  const cash = data.records['banking-accountBalances']
    ? cashPosition(data.records['banking-accountBalances'])
    : undefined;
  const flows = data.records.cashFlowStatement ? cashFlowTrend(data.records.cashFlowStatement) : [];
  const invoices: DataRecord[] | undefined = data.records.invoices;
  const customers = invoices ? topCustomers(invoices) : [];
  const owed = invoices ? receivables(invoices, Date.now()) : undefined;
  const currency = summary?.latest.currency ?? 'GBP';
  const money = (n: number) => formatMoney(n, currency);

  return (
    <div className="stack">
      {data.pending.length > 0 && (
        <div className="notice notice--info" role="status">
          Fetching your data from your connected software: {data.pending.map(dataTypeLabel).join(', ')}. The
          dashboard fills in as it arrives.
        </div>
      )}
      {data.failed.length > 0 && (
        <div className="notice notice--danger" role="alert">
          Your software could not provide: {data.failed.map(dataTypeLabel).join(', ')}. Check the connection
          under <Link to="/privacy">Data &amp; privacy</Link>.
        </div>
      )}

      <section aria-labelledby={`${id}-kpis`}>
        <h2 id={`${id}-kpis`} className="visually-hidden">
          Key figures
        </h2>
        <dl className="kpis">
          <div className="kpi card">
            <dt>Revenue{summary ? `, ${monthLabel(summary.latest.month, 'en-GB', 'long')}` : ''}</dt>
            <dd>
              {summary ? money(summary.latest.revenue) : '—'}
              {summary?.change !== undefined && (
                <span className="kpi__note">
                  {formatPercent(summary.change, 'en-GB', true)} on the month before
                </span>
              )}
            </dd>
          </div>
          <div className="kpi card">
            <dt>Net profit margin, last 12 months</dt>
            <dd>
              {summary?.netMargin !== undefined ? formatPercent(summary.netMargin) : '—'}
              {summary && <span className="kpi__note">on {money(summary.total)} revenue</span>}
            </dd>
          </div>
          <div className="kpi card">
            <dt>Cash balance</dt>
            <dd>
              {cash && cash.totals.length
                ? cash.totals.map((t) => formatMoney(t.amount, t.currency)).join(' + ')
                : '—'}
              <span className="kpi__note">
                {cash
                  ? `across ${cash.accounts.length} bank account${cash.accounts.length === 1 ? '' : 's'}`
                  : 'connect your bank to see it'}
              </span>
            </dd>
          </div>
          <div className="kpi card">
            <dt>Owed by customers</dt>
            <dd>
              {owed ? formatMoney(owed.outstanding, owed.currency) : '—'}
              {owed && (
                <span className="kpi__note">
                  {formatMoney(owed.overdue, owed.currency)} overdue ({owed.overdueCount} invoice
                  {owed.overdueCount === 1 ? '' : 's'})
                </span>
              )}
            </dd>
          </div>
        </dl>
      </section>

      <div className="grid">
        <section className="card" aria-labelledby={`${id}-revenue`}>
          <h2 id={`${id}-revenue`}>Revenue trend</h2>
          {trend.length ? (
            <ColumnChart
              title="Revenue by month"
              valueHeading="Revenue"
              columns={monthColumns(trend, (m) => m.revenue)}
              format={money}
              caption="Monthly revenue from your profit and loss report."
            />
          ) : (
            <Missing dataType="profitAndLoss" data={data} />
          )}
        </section>

        <section className="card" aria-labelledby={`${id}-cash`}>
          <h2 id={`${id}-cash`}>Cash</h2>
          {cash && cash.accounts.length > 0 ? (
            <>
              <h3>Balance by account{cash.asOf ? `, ${formatDate(cash.asOf)}` : ''}</h3>
              <BarList
                label="Balance by bank account"
                items={cash.accounts.map((a, index) => ({
                  key: a.accountId,
                  name: `Account ${index + 1}${a.limit ? ' (credit)' : ''}`,
                  value: a.current,
                  display: formatMoney(a.current, a.currency),
                  detail:
                    a.available !== undefined && a.available !== a.current
                      ? `${formatMoney(a.available, a.currency)} available`
                      : undefined,
                }))}
              />
            </>
          ) : (
            <Missing dataType="banking-accountBalances" data={data} />
          )}
          {flows.length > 0 && (
            <>
              <h3>Net cash flow by month</h3>
              <ColumnChart
                title="Net cash flow by month"
                valueHeading="Net cash flow"
                columns={monthColumns(flows, (m) => m.net)}
                format={money}
                caption="Cash received minus cash paid out, from your cash flow statement."
              />
            </>
          )}
        </section>

        <section className="card" aria-labelledby={`${id}-customers`}>
          <h2 id={`${id}-customers`}>Top customers</h2>
          {customers.length ? (
            <BarList
              label="Customers by amount invoiced"
              items={customers.map((c) => ({
                key: c.name,
                name: c.name,
                value: c.invoiced,
                display: formatMoney(c.invoiced, c.currency),
                detail: `${c.invoices} invoice${c.invoices === 1 ? '' : 's'} · ${formatMoney(c.outstanding, c.currency)} outstanding`,
              }))}
            />
          ) : (
            <Missing dataType="invoices" data={data} />
          )}
        </section>
      </div>
    </div>
  );
}

/** One chart column a month: the short month name on the axis, the full one for screen readers and tooltips. */
function monthColumns<T extends { month: string }>(months: readonly T[], value: (month: T) => number) {
  return months.map((m) => ({
    key: m.month,
    label: monthLabel(m.month).split(' ')[0] ?? m.month,
    fullLabel: monthLabel(m.month, 'en-GB', 'long'),
    value: value(m),
  }));
}

function Missing({
  dataType,
  data,
}: {
  dataType: Parameters<typeof dataTypeLabel>[0];
  data: Extract<DashboardLoad, { kind: 'ready' }>;
}): ReactNode {
  const name = dataTypeLabel(dataType);
  if (data.pending.includes(dataType as never))
    return <p className="muted">Fetching your {name.toLowerCase()}…</p>;
  if (data.failed.includes(dataType as never))
    return <p className="muted">Your software could not provide your {name.toLowerCase()}.</p>;
  if (dataType === 'banking-accountBalances') {
    return (
      <p>
        Connect your bank to see your balances. <Link to="/connect?add=banking">Connect a bank account</Link>
      </p>
    );
  }
  return (
    <p>
      Connect your accounting software to see this. <Link to="/connect">Connect your software</Link>
    </p>
  );
}

function FinancingTeaser(): ReactNode {
  return (
    <aside className="card financing-teaser" aria-labelledby="financing-teaser">
      <h2 id="financing-teaser">Need working capital?</h2>
      <p>
        Apply for a Copay business loan with the software you already connected. You confirm what Copay may
        read — no need to sign in to your software again.
      </p>
      <Link to="/financing" className="button button--secondary">
        Apply for Copay financing
      </Link>
    </aside>
  );
}
