/**
 * <ck-link> connected to the real mock server with 50 ms added to every response: time from mount to an
 * interactive picker (options rendered, search field enabled). Also counts the API requests made before that
 * point, since with a slow network the journey's first screen costs about (sequential round trips x latency).
 */
import { afterEach, expect, inject, test } from 'vitest';
import { ConsentKitClient } from '@consent-kit/client';
import '../src/ck-link/index.js';
import type { CkLink } from '../src/ck-link/ck-link.js';
import { nextFrame, stats, writeResults } from './report.js';

const RUNS = 7;
const LATENCY_MS = 50;
const MOCK_API_KEY = 'ck_test_local_only';

let el: CkLink | undefined;
afterEach(() => {
  el?.remove();
  el = undefined;
});

/** The picker inside ck-link, once it shows options and its search field can be used. */
function interactivePicker(link: CkLink): HTMLElement | undefined {
  const picker = link.shadowRoot?.querySelector('ck-integration-picker');
  const root = picker?.shadowRoot;
  if (!root) return undefined;
  const input = root.querySelector<HTMLInputElement>('input');
  const options = root.querySelectorAll('[part~="option"]');
  return input && !input.disabled && options.length > 0 ? (picker as HTMLElement) : undefined;
}

/** Polls every task (about 1 ms) until `check` holds. */
async function poll(check: () => unknown, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error('Timed out waiting for an interactive picker');
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return performance.now();
}

test(`ck-link, ${LATENCY_MS} ms API latency: mount -> interactive picker`, async () => {
  const baseUrl = inject('benchMockSlowUrl');
  if (!baseUrl) throw new Error(`The mock server did not start: ${inject('benchMockError')}`);
  const admin = new ConsentKitClient({ baseUrl, auth: { apiKey: MOCK_API_KEY } });
  const origin = new URL(baseUrl).origin;

  const times: number[] = [];
  const requestCounts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const company = await admin.companies.create({ name: `Bench Bakery ${i}` });
    const { accessToken } = await admin.companies.accessToken(company.id);
    const client = new ConsentKitClient({ baseUrl, auth: { accessToken } });
    el?.remove();
    performance.clearResourceTimings();
    await nextFrame();
    const started = performance.now();
    el = document.createElement('ck-link');
    Object.assign(el, {
      client,
      companyId: company.id,
      productIdentifier: 'lending',
      clientName: 'Copay',
      sourceTypes: { accounting: {} },
    });
    document.body.append(el);
    const link = el;
    const ready = await poll(() => interactivePicker(link), 20_000);
    times.push(ready - started);
    requestCounts.push(
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.startsWith(origin) && entry.startTime >= started && entry.startTime <= ready).length,
    );
  }
  expect(times).toHaveLength(RUNS);
  const requests = stats(requestCounts);
  await writeResults('link', [
    {
      name: `ck-link, ${LATENCY_MS} ms mock latency: mount -> interactive picker`,
      stats: stats(times),
      notes: `${requests.p50} API requests before the picker was interactive (median)`,
    },
  ]);
});
