/**
 * <ck-connection-manager> with 200 connections: first render (controlled mode, every row with its logo and status
 * badge), a live update (one connection changes status), and connected mode: loading a company with 200
 * connections from the real mock server.
 */
import { afterEach, expect, inject, test } from 'vitest';
import { ConsentKitClient } from '@consent-kit/client';
import '../src/ck-connection-manager/index.js';
import type { CkConnectionManager } from '../src/ck-connection-manager/ck-connection-manager.js';
import { fixtureProducts, manyConnections } from '../src/ck-connection-manager/fixtures.js';
import { nextFrame, stats, until, writeResults, type BenchRow } from './report.js';

const COUNT = 200;
const RUNS = 7;
const MOCK_API_KEY = 'ck_test_local_only';

let el: CkConnectionManager | undefined;
afterEach(() => {
  el?.remove();
  el = undefined;
});

const rowsOf = (manager: CkConnectionManager) => manager.shadowRoot!.querySelectorAll<HTMLElement>('[part~="connection"]');

/** Waits for the element and every Lit element in its shadow root to finish updating. */
async function settled(manager: CkConnectionManager): Promise<void> {
  await manager.updateComplete;
  const children = [...manager.shadowRoot!.querySelectorAll('*')] as Array<Element & { updateComplete?: Promise<unknown> }>;
  await Promise.all(children.map((child) => child.updateComplete));
}

test('connection manager, 200 connections (controlled): first render and a live status update', async () => {
  const connections = manyConnections(COUNT);
  const mounts: number[] = [];
  const paints: number[] = [];
  const updates: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    el?.remove();
    await nextFrame();
    const started = performance.now();
    el = document.createElement('ck-connection-manager');
    Object.assign(el, { connections, consents: [], products: fixtureProducts });
    document.body.append(el);
    await settled(el);
    void el.getBoundingClientRect();
    mounts.push(performance.now() - started);
    paints.push((await nextFrame()) - started);
    expect(rowsOf(el)).toHaveLength(COUNT);

    // Live update: the 100th connection becomes Deauthorized (a new array, as a poll or an event would deliver).
    const target = connections[99]!;
    const next = connections.map((c) => (c.id === target.id ? { ...c, status: 'Deauthorized' as const } : c));
    await nextFrame();
    const updateStarted = performance.now();
    el.connections = next;
    await settled(el);
    const badge = el.shadowRoot!.querySelector<HTMLElement>(`[data-connection-id="${target.id}"] ck-status-badge`)!;
    void el.getBoundingClientRect();
    updates.push(performance.now() - updateStarted);
    expect(badge.getAttribute('status')).toBe('Deauthorized');
  }
  const rows: BenchRow[] = [
    { name: `connection manager, ${COUNT} connections: mount -> all rows rendered + laid out`, stats: stats(mounts) },
    { name: `connection manager, ${COUNT} connections: mount -> first frame painted`, stats: stats(paints) },
    { name: `connection manager, ${COUNT} connections: one status changes -> DOM updated`, stats: stats(updates) },
  ];
  await writeResults('connection-manager', rows);
});

test('connection manager, 200 connections (connected to the mock server): mount -> rows shown', async () => {
  const baseUrl = inject('benchMockUrl');
  if (!baseUrl) throw new Error(`The mock server did not start: ${inject('benchMockError')}`);
  const admin = new ConsentKitClient({ baseUrl, auth: { apiKey: MOCK_API_KEY } });
  const company = await admin.companies.create({ name: 'Bench Many Banks Ltd' });
  const banks = await admin.integrations.list({ query: 'sourceType=Banking&&enabled=true' });
  const keys = banks.results.map((i) => i.key);
  expect(keys.length).toBeGreaterThan(0);
  for (let i = 0; i < COUNT; i += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, COUNT - i) }, (_, j) =>
        admin.connections.create(company.id, { platformKey: keys[(i + j) % keys.length]! }),
      ),
    );
  }
  const { accessToken } = await admin.companies.accessToken(company.id);
  const client = new ConsentKitClient({ baseUrl, auth: { accessToken } });

  const loads: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    el?.remove();
    await nextFrame();
    const started = performance.now();
    el = document.createElement('ck-connection-manager');
    Object.assign(el, { client, companyId: company.id, pollInterval: 60_000 });
    document.body.append(el);
    const manager = el;
    await until(() => rowsOf(manager).length === COUNT, 20_000, `${COUNT} rows`);
    loads.push(performance.now() - started);
  }
  await writeResults('connection-manager-connected', [
    { name: `connection manager, ${COUNT} connections, connected: mount -> all rows shown (real mock API)`, stats: stats(loads) },
  ]);
});
