import { describe, expect, it } from 'vitest';
import { PROVIDER_ERROR_CODES, PROVIDER_ERRORS, type Connection, type Integration, type LinkResult } from '@consent-kit/contract';
import {
  currentSourceType,
  hasNextSourceType,
  initialJourney,
  isInProgress,
  isJourneySnapshot,
  journeyConfig,
  reduceJourney,
  restoreJourney,
  snapshotJourney,
  type JourneyAction,
  type JourneyConfig,
  type JourneyState,
} from './link-journey.js';

const COMPANY = '7b0f5a8e-1d2c-4c7e-9a51-0d3c5b7e9f10';
const CONN_A = '0a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
const CONN_B = '1b4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';

const xero: Integration = { key: 'gbol', name: 'Xero', logoUrl: 'https://example.com/xero.png', enabled: true, sourceType: 'Accounting' };
const bank: Integration = { key: 'bnkq', name: 'Monzo', logoUrl: 'https://example.com/b.png', enabled: true, sourceType: 'Banking' };

function connection(id: string, platformName = 'Xero', sourceType: Connection['sourceType'] = 'Accounting'): Connection {
  return {
    id,
    integrationId: 'ee0f5a8e-1d2c-4c7e-9a51-0d3c5b7e9f10',
    sourceId: 'ff0f5a8e-1d2c-4c7e-9a51-0d3c5b7e9f10',
    sourceType,
    platformName,
    linkUrl: `https://mock.example/link/${id}`,
    status: 'Linked',
    created: '2026-01-01T00:00:00Z',
  };
}

function run(config: JourneyConfig, actions: JourneyAction[], from = initialJourney(config)): JourneyState {
  return actions.reduce((state, action) => reduceJourney(state, action, config), from);
}

const ok = (connectionId: string): LinkResult => ({
  ok: true,
  statusCode: 200,
  companyId: COMPANY,
  connectionId,
  platform: 'gbol',
  sourceType: 'Accounting',
});

describe('journeyConfig', () => {
  it('keeps the order of the sourceTypes keys and their optional flags', () => {
    const config = journeyConfig({ sourceTypes: { banking: { optional: true }, accounting: {} } });
    expect(config.plan).toEqual(['banking', 'accounting']);
    expect([...config.optional]).toEqual(['banking']);
  });
  it('ignores unknown keys and falls back to the default plan, then to accounting', () => {
    expect(journeyConfig({ sourceTypes: { documents: {} } as never, defaultPlan: ['banking'] }).plan).toEqual(['banking']);
    expect(journeyConfig({}).plan).toEqual(['accounting']);
  });
});

describe('reduceJourney: first onboarding', () => {
  const config = journeyConfig({ sourceTypes: { accounting: {}, banking: { optional: true } }, showLandingPage: true });

  it('walks landing -> picker -> consent -> handoff -> syncing -> success -> next source type -> done', () => {
    let state = initialJourney(config);
    expect(state.step).toBe('landing');
    expect(isInProgress(state)).toBe(false);

    state = reduceJourney(state, { type: 'start' }, config);
    expect(state.step).toBe('picker');
    expect(currentSourceType(state, config)).toBe('accounting');

    state = reduceJourney(state, { type: 'select', integration: xero }, config);
    expect(state.step).toBe('consent');
    expect(state.integration).toBe(xero);
    expect(isInProgress(state)).toBe(true);

    state = reduceJourney(state, { type: 'consentGiven' }, config);
    expect(state.step).toBe('handoff');
    state = reduceJourney(state, { type: 'connectionCreated', connectionId: CONN_A }, config);
    expect(state.connectionId).toBe(CONN_A);

    state = reduceJourney(state, { type: 'providerResult', result: ok(CONN_A) }, config);
    expect(state.step).toBe('syncing');
    state = reduceJourney(state, { type: 'connected', connection: connection(CONN_A) }, config);
    expect(state.connections.map((c) => c.id)).toEqual([CONN_A]);

    state = reduceJourney(state, { type: 'syncComplete' }, config);
    expect(state.step).toBe('success');
    expect(hasNextSourceType(state, config)).toBe(true);

    state = reduceJourney(state, { type: 'continue' }, config);
    expect(state.step).toBe('picker');
    expect(currentSourceType(state, config)).toBe('banking');
    expect(isInProgress(state)).toBe(true);

    // The consent is asked once: the second platform goes straight to the hand-off.
    state = reduceJourney(state, { type: 'select', integration: bank }, config);
    expect(state.step).toBe('handoff');
    state = run(config, [
      { type: 'connectionCreated', connectionId: CONN_B },
      { type: 'connected', connection: connection(CONN_B, 'Monzo', 'Banking') },
      { type: 'syncComplete' },
    ], state);
    expect(state.step).toBe('success');
    expect(hasNextSourceType(state, config)).toBe(false);

    // "Connect another bank account" goes back to the banking picker and keeps what was connected.
    const another = reduceJourney(state, { type: 'connectAnother' }, config);
    expect(another.step).toBe('picker');
    expect(currentSourceType(another, config)).toBe('banking');
    expect(another.connections).toHaveLength(2);

    state = reduceJourney(state, { type: 'continue' }, config);
    expect(state.finished).toBe(true);
    expect(state.step).toBe('success');
    expect(isInProgress(state)).toBe(false);
  });

  it('lets the person skip an optional source type, never a required one', () => {
    let state = run(config, [{ type: 'start' }, { type: 'skip' }]);
    expect(state.step).toBe('picker');
    expect(currentSourceType(state, config)).toBe('accounting');

    state = run(config, [
      { type: 'select', integration: xero },
      { type: 'consentGiven' },
      { type: 'connectionCreated', connectionId: CONN_A },
      { type: 'providerResult', result: ok(CONN_A) },
      { type: 'syncComplete' },
      { type: 'continue' },
      { type: 'skip' },
    ], state);
    expect(state.finished).toBe(true);
    expect(state.skipped).toEqual(['banking']);
  });

  it('skips the consent step when an active consent already exists', () => {
    const existing = journeyConfig({ sourceTypes: { banking: {} }, consentAlreadyGiven: true });
    const state = run(existing, [{ type: 'select', integration: bank }]);
    expect(state.step).toBe('handoff');
  });

  it('ignores results for another connection and actions out of place', () => {
    const state = run(config, [{ type: 'start' }, { type: 'select', integration: xero }, { type: 'consentGiven' }, { type: 'connectionCreated', connectionId: CONN_A }]);
    expect(reduceJourney(state, { type: 'providerResult', result: ok(CONN_B) }, config)).toBe(state);
    expect(reduceJourney(state, { type: 'syncComplete' }, config)).toBe(state);
    expect(reduceJourney(state, { type: 'start' }, config)).toBe(state);
  });

  it('records a connection whose details arrive after a fast sync reached the success step', () => {
    const state = run(config, [
      { type: 'start' },
      { type: 'select', integration: xero },
      { type: 'consentGiven' },
      { type: 'connectionCreated', connectionId: CONN_A },
      { type: 'providerResult', result: ok(CONN_A) },
      { type: 'syncComplete' },
      { type: 'connected', connection: connection(CONN_A) },
    ]);
    expect(state.step).toBe('success');
    expect(state.connections.map((c) => c.id)).toEqual([CONN_A]);
  });
});

describe('reduceJourney: errors', () => {
  const config = journeyConfig({ sourceTypes: { accounting: {} } });
  const atHandoff = run(config, [{ type: 'select', integration: xero }, { type: 'consentGiven' }, { type: 'connectionCreated', connectionId: CONN_A }]);

  for (const code of PROVIDER_ERROR_CODES) {
    it(`maps the provider error ${code} to an error step that ${PROVIDER_ERRORS[code].userRecoverable ? 'can' : 'cannot'} be retried`, () => {
      const result: LinkResult = {
        ok: false,
        statusCode: PROVIDER_ERRORS[code].statusCode,
        companyId: COMPANY,
        connectionId: CONN_A,
        error: code,
        errorDescription: PROVIDER_ERRORS[code].description,
        userRecoverable: PROVIDER_ERRORS[code].userRecoverable,
      };
      const state = reduceJourney(atHandoff, { type: 'providerResult', result }, config);
      expect(state.step).toBe('error');
      expect(state.error).toMatchObject({ code, statusCode: PROVIDER_ERRORS[code].statusCode, userRecoverable: PROVIDER_ERRORS[code].userRecoverable });
      const retried = reduceJourney(state, { type: 'retry' }, config);
      if (PROVIDER_ERRORS[code].userRecoverable) {
        // "Try again" reopens the same connection's sign-in.
        expect(retried.step).toBe('handoff');
        expect(retried.connectionId).toBe(CONN_A);
        expect(retried.integration).toBe(xero);
      } else {
        expect(retried).toBe(state);
      }
      const another = reduceJourney(state, { type: 'chooseAnother' }, config);
      expect(another.step).toBe('picker');
      expect(another.integration).toBeNull();
    });
  }

  it('declining the consent is an error the person can come back from', () => {
    let state = run(config, [{ type: 'select', integration: xero }, { type: 'consentDeclined' }]);
    expect(state.step).toBe('error');
    expect(state.error?.code).toBe('consent_declined');
    state = reduceJourney(state, { type: 'retry' }, config);
    expect(state.step).toBe('consent');
  });

  it('an API failure remembers the step to retry', () => {
    const state = reduceJourney(atHandoff, { type: 'fail', error: { code: 'connection_failed', statusCode: 503, userRecoverable: true } }, config);
    expect(state.retryStep).toBe('handoff');
    expect(reduceJourney(state, { type: 'retry' }, config).step).toBe('handoff');
  });
});

describe('reduceJourney: exit', () => {
  const config = journeyConfig({ sourceTypes: { accounting: {} }, showLandingPage: true });

  it('closes at once when nothing is in progress', () => {
    const state = run(config, [{ type: 'requestClose' }]);
    expect(state.closed).toBe(true);
    expect(state.confirmingExit).toBe(false);
  });

  it('asks for confirmation during a step, and can be cancelled or confirmed', () => {
    const busy = run(config, [{ type: 'start' }, { type: 'select', integration: xero }]);
    const asking = reduceJourney(busy, { type: 'requestClose' }, config);
    expect(asking.confirmingExit).toBe(true);
    expect(asking.closed).toBe(false);
    // Other actions wait while the question is open.
    expect(reduceJourney(asking, { type: 'consentGiven' }, config)).toBe(asking);
    const stayed = reduceJourney(asking, { type: 'cancelClose' }, config);
    expect(stayed.confirmingExit).toBe(false);
    expect(stayed.step).toBe('consent');
    const left = reduceJourney(asking, { type: 'confirmClose' }, config);
    expect(left.closed).toBe(true);
    // Nothing happens after closing.
    expect(reduceJourney(left, { type: 'consentGiven' }, config)).toBe(left);
  });

  it('lets a provider result land while the exit question is open', () => {
    const asking = run(config, [
      { type: 'start' },
      { type: 'select', integration: xero },
      { type: 'consentGiven' },
      { type: 'connectionCreated', connectionId: CONN_A },
      { type: 'requestClose' },
    ]);
    const state = reduceJourney(asking, { type: 'providerResult', result: ok(CONN_A) }, config);
    expect(state.step).toBe('syncing');
    expect(state.confirmingExit).toBe(true);
  });
});

describe('reduceJourney: additional consent', () => {
  const config = journeyConfig({ mode: 'additional-consent', sourceTypes: { accounting: {} } });

  it('goes straight to the confirmation of what is new, with no picker or sign-in', () => {
    let state = initialJourney(config);
    expect(state.step).toBe('consent');
    expect(currentSourceType(state, config)).toBeNull();
    expect(reduceJourney(state, { type: 'select', integration: xero }, config)).toBe(state);
    state = reduceJourney(state, { type: 'consentGiven' }, config);
    expect(state.step).toBe('success');
    expect(state.finished).toBe(false);
    expect(reduceJourney(state, { type: 'connectAnother' }, config)).toBe(state);
    state = reduceJourney(state, { type: 'continue' }, config);
    expect(state.finished).toBe(true);
  });

  it('starts from the landing page when asked', () => {
    const withLanding = journeyConfig({ mode: 'additional-consent', showLandingPage: true });
    const state = run(withLanding, [{ type: 'start' }]);
    expect(state.step).toBe('consent');
  });
});

describe('snapshots for redirect mode', () => {
  const config = journeyConfig({ sourceTypes: { accounting: {}, banking: {} } });

  it('round-trips what is needed to resume at the hand-off', () => {
    const state = run(config, [
      { type: 'select', integration: xero },
      { type: 'consentGiven' },
      { type: 'connectionCreated', connectionId: CONN_A },
      { type: 'connected', connection: connection(CONN_A) },
      { type: 'syncComplete' },
      { type: 'continue' },
      { type: 'select', integration: bank },
      { type: 'connectionCreated', connectionId: CONN_B },
    ]);
    const snapshot = JSON.parse(JSON.stringify(snapshotJourney(state, COMPANY, null))) as unknown;
    expect(isJourneySnapshot(snapshot)).toBe(true);
    if (!isJourneySnapshot(snapshot)) return;
    expect(snapshot).toMatchObject({ index: 1, connectionId: CONN_B, integration: { key: 'bnkq' }, connectionIds: [CONN_A] });
    const restored = restoreJourney(snapshot, config, [connection(CONN_A), connection(CONN_B, 'Monzo', 'Banking')]);
    expect(restored.integration?.name).toBe('Monzo');
    expect(restored.connections.map((c) => c.id)).toEqual([CONN_A]);
    expect(restored.step).toBe('handoff');
    expect(currentSourceType(restored, config)).toBe('banking');
    const after = reduceJourney(restored, { type: 'providerResult', result: ok(CONN_B) }, config);
    expect(after.step).toBe('syncing');
  });

  it('rejects anything that is not a snapshot', () => {
    expect(isJourneySnapshot(null)).toBe(false);
    expect(isJourneySnapshot({ v: 2 })).toBe(false);
    expect(isJourneySnapshot('x')).toBe(false);
  });
});
