/**
 * The journey of `<ck-link>` as a plain state machine: no DOM, no network. The element feeds it what happened
 * (the person chose a platform, the provider redirected back, the sync finished...) and renders the state it returns.
 *
 *   landing? -> for each source type: picker -> consent (once, before the first hand-off) -> handoff -> syncing
 *            -> success ("connect another" | continue to the next source type | done)
 *   any step -> error (Try again -> the step that failed | Choose another -> picker | Close)
 *   additional-consent mode: landing? -> consent (what is new only, no sign-in) -> success -> done
 */
import type { Connection, Integration, LinkResult } from '@consent-kit/contract';
import { PROVIDER_ERRORS, isProviderErrorCode } from '@consent-kit/contract';
import {
  LINK_SOURCE_TYPE_KEYS,
  type LinkError,
  type LinkMode,
  type LinkSourceTypeKey,
  type LinkSourceTypes,
  type LinkStep,
} from './ck-link.types.js';

export interface JourneyConfig {
  /** Source types to walk through, in order. */
  plan: readonly LinkSourceTypeKey[];
  /** Keys the person may skip. */
  optional: ReadonlySet<LinkSourceTypeKey>;
  showLandingPage: boolean;
  mode: LinkMode;
  /** Consent was already given for this product (an active consent exists): do not ask again. */
  consentAlreadyGiven: boolean;
}

export interface JourneyState {
  step: LinkStep;
  /** Position in `config.plan` of the source type being connected. */
  index: number;
  consentGiven: boolean;
  /** The platform chosen on the picker, while it is being connected. */
  integration: Integration | null;
  /** The connection being authorised (created before the hand-off, kept for "Try again"). */
  connectionId: string | null;
  /** Connections made during this journey, in order. */
  connections: Connection[];
  /** Source types the person skipped. */
  skipped: LinkSourceTypeKey[];
  error: LinkError | null;
  /** Where "Try again" goes back to. */
  retryStep: LinkStep | null;
  /** The exit confirmation is showing. */
  confirmingExit: boolean;
  /** The person pressed Done (or skipped the last source type): the journey is over. */
  finished: boolean;
  /** The person left. */
  closed: boolean;
}

export type JourneyAction =
  | { type: 'start' }
  | { type: 'select'; integration: Integration }
  | { type: 'skip' }
  | { type: 'consentGiven' }
  | { type: 'consentDeclined' }
  | { type: 'connectionCreated'; connectionId: string }
  | { type: 'providerResult'; result: LinkResult }
  | { type: 'connected'; connection: Connection }
  | { type: 'syncComplete' }
  | { type: 'fail'; error: LinkError }
  | { type: 'retry' }
  | { type: 'chooseAnother' }
  | { type: 'connectAnother' }
  | { type: 'continue' }
  | { type: 'requestClose' }
  | { type: 'cancelClose' }
  | { type: 'confirmClose' };

/** Builds the machine's configuration from the element's options. Unknown keys of `sourceTypes` are ignored. */
export function journeyConfig(options: {
  sourceTypes?: LinkSourceTypes | null;
  /** Used when `sourceTypes` is not given: the source types the product reads, in the canonical order. */
  defaultPlan?: readonly LinkSourceTypeKey[];
  showLandingPage?: boolean;
  mode?: LinkMode;
  consentAlreadyGiven?: boolean;
}): JourneyConfig {
  const given = options.sourceTypes ? Object.keys(options.sourceTypes) : [];
  const known = given.filter((key): key is LinkSourceTypeKey => (LINK_SOURCE_TYPE_KEYS as readonly string[]).includes(key));
  const plan = known.length ? known : options.defaultPlan?.length ? [...options.defaultPlan] : ['accounting' as const];
  const optional = new Set(plan.filter((key) => options.sourceTypes?.[key]?.optional === true));
  return {
    plan,
    optional,
    showLandingPage: options.showLandingPage ?? false,
    mode: options.mode ?? 'journey',
    consentAlreadyGiven: options.consentAlreadyGiven ?? false,
  };
}

export function initialJourney(config: JourneyConfig): JourneyState {
  const first: LinkStep = config.showLandingPage ? 'landing' : config.mode === 'additional-consent' ? 'consent' : 'picker';
  return {
    step: first,
    index: 0,
    consentGiven: config.consentAlreadyGiven && config.mode === 'journey',
    integration: null,
    connectionId: null,
    connections: [],
    skipped: [],
    error: null,
    retryStep: null,
    confirmingExit: false,
    finished: false,
    closed: false,
  };
}

/** The source type being connected, or null in additional-consent mode. */
export function currentSourceType(state: JourneyState, config: JourneyConfig): LinkSourceTypeKey | null {
  if (config.mode === 'additional-consent') return null;
  return config.plan[state.index] ?? null;
}

/** Is there a next source type after the current one? */
export function hasNextSourceType(state: JourneyState, config: JourneyConfig): boolean {
  return config.mode === 'journey' && state.index + 1 < config.plan.length;
}

/** Leaving now would lose something: the exit asks for confirmation. */
export function isInProgress(state: JourneyState): boolean {
  if (state.finished || state.closed) return false;
  if (state.step === 'consent' || state.step === 'handoff' || state.step === 'syncing') return true;
  if (state.step === 'picker') return state.index > 0 || state.connections.length > 0;
  return false;
}

/** Maps a provider's redirect result to the journey's error (every code of `PROVIDER_ERRORS` is known). */
export function errorFromResult(result: Extract<LinkResult, { ok: false }>): LinkError {
  const known = isProviderErrorCode(result.error) ? PROVIDER_ERRORS[result.error] : undefined;
  return {
    code: result.error,
    statusCode: result.statusCode,
    description: result.errorDescription,
    connectionId: result.connectionId,
    userRecoverable: known?.userRecoverable ?? result.userRecoverable,
  };
}

function finishOrNext(state: JourneyState, config: JourneyConfig): JourneyState {
  if (hasNextSourceType(state, config)) {
    return { ...state, step: 'picker', index: state.index + 1, integration: null, connectionId: null, error: null, retryStep: null };
  }
  return { ...state, step: 'success', finished: true, integration: null, connectionId: null, error: null, retryStep: null };
}

/**
 * The transition function. Actions that make no sense in the current step leave the state unchanged (the same
 * object), so a late event (a popup result after the person closed, a double click) is harmless.
 */
export function reduceJourney(state: JourneyState, action: JourneyAction, config: JourneyConfig): JourneyState {
  if (state.closed) return state;
  // While the exit confirmation shows, only its answers count.
  if (state.confirmingExit && action.type !== 'cancelClose' && action.type !== 'confirmClose') {
    // Background results (the provider redirect, the sync) still land, so nothing is lost if the person stays.
    if (!['providerResult', 'connected', 'syncComplete', 'connectionCreated', 'fail'].includes(action.type)) return state;
  }
  switch (action.type) {
    case 'start':
      if (state.step !== 'landing') return state;
      return { ...state, step: config.mode === 'additional-consent' ? 'consent' : 'picker' };

    case 'select':
      if (state.step !== 'picker' || config.mode !== 'journey') return state;
      return {
        ...state,
        integration: action.integration,
        connectionId: null,
        step: state.consentGiven ? 'handoff' : 'consent',
      };

    case 'skip': {
      if (state.step !== 'picker') return state;
      const key = config.plan[state.index];
      if (!key || !config.optional.has(key)) return state;
      return finishOrNext({ ...state, skipped: [...state.skipped, key] }, config);
    }

    case 'consentGiven':
      if (state.step !== 'consent') return state;
      if (config.mode === 'additional-consent') return { ...state, consentGiven: true, step: 'success' };
      return { ...state, consentGiven: true, step: 'handoff' };

    case 'consentDeclined':
      if (state.step !== 'consent') return state;
      return {
        ...state,
        step: 'error',
        retryStep: 'consent',
        error: { code: 'consent_declined', userRecoverable: true },
      };

    case 'connectionCreated':
      if (state.step !== 'handoff' && !(state.step === 'error' && state.retryStep === 'handoff')) return state;
      return { ...state, connectionId: action.connectionId };

    case 'providerResult': {
      if (state.step !== 'handoff') return state;
      const { result } = action;
      if (result.connectionId && state.connectionId && result.connectionId !== state.connectionId) return state;
      if (result.ok) return { ...state, step: 'syncing', connectionId: result.connectionId };
      return { ...state, step: 'error', retryStep: 'handoff', error: errorFromResult(result) };
    }

    case 'connected': {
      // The connection's details can arrive after a fast sync already moved the journey on to success.
      if (state.step !== 'handoff' && state.step !== 'syncing' && state.step !== 'success') return state;
      if (state.connectionId && action.connection.id !== state.connectionId) return state;
      const others = state.connections.filter((c) => c.id !== action.connection.id);
      const step = state.step === 'success' ? 'success' : 'syncing';
      return { ...state, step, connectionId: action.connection.id, connections: [...others, action.connection] };
    }

    case 'syncComplete':
      if (state.step !== 'syncing') return state;
      return { ...state, step: 'success' };

    case 'fail':
      if (state.step === 'error' || state.step === 'success') return state;
      return { ...state, step: 'error', retryStep: state.step, error: action.error };

    case 'retry':
      if (state.step !== 'error' || !state.error?.userRecoverable || !state.retryStep) return state;
      if (state.retryStep === 'handoff' && !state.integration) return { ...state, step: 'picker', error: null, retryStep: null };
      return { ...state, step: state.retryStep, error: null, retryStep: null };

    case 'chooseAnother':
      if (state.step !== 'error' || config.mode !== 'journey') return state;
      return { ...state, step: 'picker', integration: null, connectionId: null, error: null, retryStep: null };

    case 'connectAnother':
      if (state.step !== 'success' || state.finished || config.mode !== 'journey') return state;
      return { ...state, step: 'picker', integration: null, connectionId: null };

    case 'continue':
      if (state.step !== 'success' || state.finished) return state;
      return finishOrNext(state, config);

    case 'requestClose':
      if (isInProgress(state)) return { ...state, confirmingExit: true };
      return { ...state, closed: true };

    case 'cancelClose':
      return state.confirmingExit ? { ...state, confirmingExit: false } : state;

    case 'confirmClose':
      return state.confirmingExit ? { ...state, confirmingExit: false, closed: true } : state;
  }
}

/** What survives a full-page redirect to the provider and back (stored in sessionStorage). */
export interface JourneySnapshot {
  v: 1;
  companyId: string;
  index: number;
  consentGiven: boolean;
  /** The platform being connected (small: key, name, logo URL, source type). */
  integration: Integration | null;
  connectionId: string | null;
  connectionIds: string[];
  skipped: LinkSourceTypeKey[];
  /** The consent granted in this journey, so `ck-finish` can report it after the return. */
  consentId: string | null;
}

export function snapshotJourney(state: JourneyState, companyId: string, consentId: string | null): JourneySnapshot {
  return {
    v: 1,
    companyId,
    index: state.index,
    consentGiven: state.consentGiven,
    integration: state.integration,
    connectionId: state.connectionId,
    connectionIds: state.connections.map((c) => c.id),
    skipped: [...state.skipped],
    consentId,
  };
}

/**
 * The state to resume in after the provider redirected back: the hand-off of the stored step, about to receive the
 * result. `connections` are the company's connections as loaded again (the snapshot keeps their ids only).
 */
export function restoreJourney(snapshot: JourneySnapshot, config: JourneyConfig, connections: readonly Connection[]): JourneyState {
  return {
    ...initialJourney(config),
    step: 'handoff',
    index: Math.min(snapshot.index, Math.max(0, config.plan.length - 1)),
    consentGiven: snapshot.consentGiven,
    integration: snapshot.integration,
    connectionId: snapshot.connectionId,
    connections: snapshot.connectionIds
      .map((id) => connections.find((c) => c.id === id))
      .filter((c): c is Connection => c !== undefined),
    skipped: snapshot.skipped.filter((key) => config.plan.includes(key)),
  };
}

export function isJourneySnapshot(value: unknown): value is JourneySnapshot {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    v['v'] === 1 &&
    typeof v['companyId'] === 'string' &&
    typeof v['index'] === 'number' &&
    typeof v['consentGiven'] === 'boolean' &&
    Array.isArray(v['connectionIds']) &&
    Array.isArray(v['skipped'])
  );
}
