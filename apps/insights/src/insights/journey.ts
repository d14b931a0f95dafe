import type { Connection, ConsentRecord } from '@consent-kit/contract';
import type { LinkMode, LinkSourceTypes } from '@consent-kit/elements/ck-link';
import type { ApiClient } from '../api-client.js';
import { currentConsent } from './load.js';

/** What `/connect?add=...` asks for: a bank, a commerce platform, or "more" (any other platform). */
export const ADD_KINDS = ['banking', 'commerce', 'accounting', 'more'] as const;
export type AddKind = (typeof ADD_KINDS)[number];

export function addKind(value: string | null): AddKind | null {
  return (ADD_KINDS as readonly string[]).includes(value ?? '') ? (value as AddKind) : null;
}

export interface JourneyContext {
  connections: Connection[];
  consents: ConsentRecord[];
}

export async function loadJourneyContext(
  client: ApiClient,
  companyId: string,
  signal: AbortSignal,
): Promise<JourneyContext> {
  const [connections, consents] = await Promise.all([
    client.connections.list(companyId, { pageSize: 5000 }, { signal }),
    client.consents.list(companyId, { pageSize: 5000 }, { signal }),
  ]);
  return { connections: connections.results, consents: consents.results };
}

export interface JourneyPlan {
  mode: LinkMode;
  sourceTypes?: LinkSourceTypes;
}

/**
 * How `<ck-link>` runs for a product:
 * - the business already connected its software for another product and has no live consent for this one:
 *   additional consent — confirm what is new, no sign-in to the provider again (scenarios 2 and 4);
 * - adding platforms (`add`): a journey over just those source types (scenario 3);
 * - otherwise the first onboarding: accounting, then an optional bank (scenario 1).
 */
export function planJourney(context: JourneyContext, product: string, add: AddKind | null): JourneyPlan {
  const linked = context.connections.filter((c) => c.status === 'Linked');
  const consent = currentConsent(context.consents, product);
  const active = consent?.status === 'Active';
  if (!add && linked.length > 0 && !active) return { mode: 'additional-consent' };
  const hasAccounting = context.connections.some(
    (c) => c.sourceType === 'Accounting' && c.status !== 'PendingAuth',
  );
  switch (add) {
    case 'banking':
      return { mode: 'journey', sourceTypes: { banking: {} } };
    case 'commerce':
      return { mode: 'journey', sourceTypes: { commerce: {} } };
    case 'accounting':
      return { mode: 'journey', sourceTypes: { accounting: {} } };
    case 'more':
      return {
        mode: 'journey',
        sourceTypes: hasAccounting
          ? { banking: { optional: true }, commerce: { optional: true } }
          : { accounting: {}, banking: { optional: true }, commerce: { optional: true } },
      };
    default:
      return {
        mode: 'journey',
        sourceTypes: hasAccounting
          ? { banking: { optional: true } }
          : { accounting: {}, banking: { optional: true } },
      };
  }
}

const PENDING_KEY = 'insights.connect';

/** Remembers the plan of the journey that left for the provider, so the callback page resumes the very same one. */
export function rememberJourney(plan: JourneyPlan): void {
  try {
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(plan));
  } catch {
    // Storage off: the callback then plans afresh.
  }
}

export function recallJourney(): JourneyPlan | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as Partial<JourneyPlan> | null;
    if (!value || (value.mode !== 'journey' && value.mode !== 'additional-consent')) return null;
    const sourceTypes =
      value.sourceTypes && typeof value.sourceTypes === 'object' ? value.sourceTypes : undefined;
    return { mode: value.mode, ...(sourceTypes ? { sourceTypes } : {}) };
  } catch {
    return null;
  }
}

export function forgetJourney(): void {
  try {
    sessionStorage.removeItem(PENDING_KEY);
  } catch {
    // ignore
  }
}
