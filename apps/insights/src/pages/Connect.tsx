import { useMemo, type ReactNode } from 'react';
import type { LinkResult } from '@consent-kit/contract';
import { CkLink } from '@consent-kit/react';
import { Page } from '../components/Page.js';
import {
  addKind,
  forgetJourney,
  loadJourneyContext,
  planJourney,
  recallJourney,
  rememberJourney,
  type JourneyPlan,
} from '../insights/journey.js';
import { navigate, useLocation } from '../router.js';
import { useSignedIn } from '../session.js';
import { errorMessage, useAsync } from '../use-async.js';
import { callbackUrl } from '../api-client.js';

const TITLES = {
  'additional-consent': 'Share your data with Insights',
  journey: 'Connect your software',
} as const;

/**
 * The consent journey for Insights with `<ck-link>` (through its React wrapper): first onboarding, adding
 * platforms, or — when the business already connected its software for another product — additional consent
 * without signing in to the provider again. The provider sends the person back to /connect/callback, which
 * renders this page with the result so the same journey resumes.
 */
export function Connect({ redirectResult }: { redirectResult?: LinkResult | null }): ReactNode {
  const { session, client } = useSignedIn();
  const { search } = useLocation();
  const add = addKind(search.get('add'));
  const context = useAsync(
    (signal) => loadJourneyContext(client, session.companyId, signal),
    `${session.companyId}:${add ?? ''}`,
  );

  const plan: JourneyPlan | null = useMemo(() => {
    if (context.status !== 'ready') return null;
    const recalled = redirectResult ? recallJourney() : null;
    return recalled ?? planJourney(context.data, session.product, add);
  }, [context.status, context.data, redirectResult, session.product, add]);

  const title = plan ? TITLES[plan.mode] : TITLES.journey;
  return (
    <Page
      title={title}
      intro={
        <p>
          {plan?.mode === 'additional-consent'
            ? 'Insights uses the software you already connected. Check what Insights would read and confirm — you do not need to sign in again.'
            : 'Choose your software and sign in to it. You see exactly what Insights reads before anything is shared.'}
        </p>
      }
    >
      {context.status === 'loading' && <p role="status">Loading…</p>}
      {context.status === 'error' && (
        <div className="notice notice--danger" role="alert">
          <p>{errorMessage(context.error)}</p>
          <button type="button" className="button" onClick={context.reload}>
            Try again
          </button>
        </div>
      )}
      {plan && (
        <CkLink
          client={client}
          companyId={session.companyId}
          productIdentifier={session.product}
          redirectUrl={callbackUrl()}
          companyName={session.companyName}
          clientName="Insights"
          clientLogoUrl={`${window.location.origin}/favicon.svg`}
          handoff="redirect"
          nonModal
          mode={plan.mode}
          sourceTypes={plan.sourceTypes}
          redirectResult={redirectResult ?? null}
          onCkConnectionStarted={() => rememberJourney(plan)}
          onCkFinish={() => {
            forgetJourney();
            navigate('/dashboard');
          }}
          onCkClose={() => {
            forgetJourney();
            navigate('/dashboard');
          }}
        />
      )}
    </Page>
  );
}
