/**
 * Nothing lost: hundreds of concurrent consent grants, amendments and withdrawals on one company leave a complete,
 * consistent, append-only event history (every acknowledged action is in it exactly once; never two Active
 * consents for a product); and the ledger survives `kill -9` of the mock during writes with `--data-file`,
 * several times in a row: every acknowledged write is there after the restart and the file always parses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BASIC, createTenant, secureMock, Tally, type SecureMock } from './support.js';

const tally = new Tally('durability');
afterAll(() => tally.print());

interface ConsentEvent {
  id: string;
  type: 'given' | 'amended' | 'withdrawn' | 'expired';
  at: string;
}
interface Consent {
  id: string;
  productIdentifier: string;
  status: 'Active' | 'Withdrawn' | 'Expired';
  events: ConsentEvent[];
}

let t: SecureMock | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

/** Fires `count` requests at once over real sockets and returns status + body of each. */
async function storm(url: string, token: string, requests: Array<{ kind: string; path: string; body: unknown }>) {
  return Promise.all(
    requests.map(async (r) => {
      const res = await fetch(`${url}${r.path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(r.body),
      });
      return { kind: r.kind, status: res.status, body: (await res.json()) as Consent & { statusCode?: number } };
    }),
  );
}

function checkHistory(consents: Consent[]): void {
  const eventIds = new Set<string>();
  for (const consent of consents) {
    const types = consent.events.map((e) => e.type);
    expect(types[0], `consent ${consent.id} starts with "given"`).toBe('given');
    expect(types.filter((x) => x === 'given')).toHaveLength(1);
    const ends = types.filter((x) => x === 'withdrawn' || x === 'expired');
    expect(ends.length).toBeLessThanOrEqual(1);
    if (ends.length === 1) expect(['withdrawn', 'expired']).toContain(types.at(-1)); // nothing after the end
    expect(consent.status === 'Active').toBe(ends.length === 0);
    const times = consent.events.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const event of consent.events) {
      expect(eventIds.has(event.id), `event ${event.id} appears twice`).toBe(false);
      eventIds.add(event.id);
    }
  }
}

describe('the consent ledger under concurrency', () => {
  it('hundreds of parallel grants, amendments and withdrawals leave a complete, consistent history', async () => {
    t = await secureMock();
    const company = await createTenant(t, 'Busy Ltd'); // an active lending consent already
    await t.admin('PUT', `/companies/${company.id}/products/insights`).expect(204);
    const base = `/companies/${company.id}/consents`;
    const grant = (product: string) => ({ kind: `grant ${product}`, path: base, body: { productIdentifier: product, connectionIds: [company.accountingId] } });

    // Round 1: 200 grants at once, two products: exactly one more Active consent (insights); lending already has one.
    const round1 = await storm(t.url, company.token, [...Array.from({ length: 100 }, () => grant('lending')), ...Array.from({ length: 100 }, () => grant('insights'))]);
    expect(round1.filter((r) => r.status >= 500)).toEqual([]);
    expect(round1.filter((r) => r.kind === 'grant lending' && r.status === 201)).toHaveLength(0);
    expect(round1.filter((r) => r.kind === 'grant insights' && r.status === 201)).toHaveLength(1);
    expect(round1.filter((r) => r.status === 409)).toHaveLength(199);
    const insights = round1.find((r) => r.status === 201)!.body;

    // Sixty more bank connections, so that each amendment below adds one (an amendment must add something).
    const bankKey = (await t.admin('GET', `/companies/${company.id}/connections/${company.bankingId}`).expect(200)).body.integrationKey as string;
    const banks: string[] = [];
    for (let i = 0; i < 60; i++) banks.push((await t.admin('POST', `/companies/${company.id}/connections`, { platformKey: bankKey }).expect(200)).body.id);

    // Round 2: 300 at once on the same consents: amend + withdraw them, and grant again.
    const lendingPath = `${base}/${company.consentId}`;
    const insightsPath = `${base}/${insights.id}`;
    const round2 = await storm(t.url, company.token, [
      ...Array.from({ length: 60 }, (_, i) => ({ kind: 'amend lending', path: `${lendingPath}/amendments`, body: { connectionIds: [banks[i]!], noticeText: `amendment ${i}` } })),
      ...Array.from({ length: 60 }, (_, i) => ({ kind: 'amend insights', path: `${insightsPath}/amendments`, body: { connectionIds: [banks[i]!], noticeText: `amendment ${i}` } })),
      ...Array.from({ length: 40 }, () => ({ kind: 'withdraw lending', path: `${lendingPath}/withdrawal`, body: { reason: 'storm' } })),
      ...Array.from({ length: 40 }, () => ({ kind: 'withdraw insights', path: `${insightsPath}/withdrawal`, body: { reason: 'storm' } })),
      ...Array.from({ length: 50 }, () => grant('lending')),
      ...Array.from({ length: 50 }, () => grant('insights')),
    ]);
    expect(round2.filter((r) => r.status >= 500)).toEqual([]);
    expect(round2.every((r) => r.status < 300 || r.status === 409 || r.status === 400)).toBe(true);
    const ok = (kind: string) => round2.filter((r) => r.kind === kind && r.status < 300);
    // Each consent is withdrawn exactly once; at most one new consent per product follows the withdrawal.
    expect(ok('withdraw lending')).toHaveLength(1);
    expect(ok('withdraw insights')).toHaveLength(1);
    expect(ok('grant lending').length).toBeLessThanOrEqual(1);
    expect(ok('grant insights').length).toBeLessThanOrEqual(1);
    expect(ok('amend lending').length + ok('amend insights').length).toBeGreaterThan(0);

    const ledger = (await t.admin('GET', `${base}?pageSize=5000`).expect(200)).body.results as Consent[];
    checkHistory(ledger);
    const byId = new Map(ledger.map((c) => [c.id, c]));
    // Every acknowledged action is in the history, exactly once; nothing unacknowledged is.
    const count = (consentId: string, type: ConsentEvent['type']) => byId.get(consentId)!.events.filter((e) => e.type === type).length;
    expect(count(company.consentId, 'amended')).toBe(ok('amend lending').length);
    expect(count(insights.id, 'amended')).toBe(ok('amend insights').length);
    expect(count(company.consentId, 'withdrawn')).toBe(1);
    expect(count(insights.id, 'withdrawn')).toBe(1);
    const granted = [...round1, ...round2].filter((r) => r.kind.startsWith('grant') && r.status === 201).map((r) => r.body.id);
    expect(ledger.map((c) => c.id).sort()).toEqual([company.consentId, ...granted].sort());
    for (const product of ['lending', 'insights']) {
      expect(ledger.filter((c) => c.productIdentifier === product && c.status === 'Active').length).toBeLessThanOrEqual(1);
    }
    tally.add('concurrent ledger requests', round1.length + round2.length);
    tally.add('acknowledged ledger events checked', ledger.reduce((n, c) => n + c.events.length, 0));
  });
});

// ------------------------------------------------------------------ kill -9

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

function startCli(file: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    // `node --import tsx`, one process: the `tsx` CLI runs the server in a child process, and a SIGKILL of the
    // wrapper would leave that server running (and writing the data file) behind the test's back.
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--data-file', file, '--quiet', '--sync-step-ms', '0'], {
      cwd: packageDir,
      env: { ...process.env, PORT: '', MOCK_DATA_FILE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code, signal) => reject(new Error(`mock exited (${code ?? signal}): ${out}`)));
    setTimeout(() => reject(new Error(`mock did not start: ${out}`)), 20_000);
  });
}

async function api(url: string, method: string, path: string, body?: unknown, idempotencyKey?: string) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      Authorization: BASIC,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('kill -9 during writes (--data-file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ck-security-durability-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses nothing acknowledged across repeated crashes, and the file always parses', async () => {
    const file = join(dir, 'mock.json');
    let { child, url } = await startCli(file);
    const company = (await api(url, 'POST', '/companies', { name: 'Crash-tested Ltd' })).body.id as string;
    await api(url, 'PUT', `/companies/${company}/products/lending`);
    const connection = (await api(url, 'POST', `/companies/${company}/connections`, { platformKey: 'gbol' })).body.id as string;

    const acknowledged = { companies: [] as string[], connections: [] as string[], consentEvents: [] as string[], webhooks: [] as string[] };
    let activeConsent: string | undefined;
    const CYCLES = 3;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      let stop = false;
      let n = 0;
      const writers = Array.from({ length: 6 }, async (_, w) => {
        while (!stop) {
          const i = n++;
          try {
            switch ((i + w) % 4) {
              case 0: {
                const res = await api(url, 'POST', '/companies', { name: `Crash ${cycle}-${i}`, description: 'x'.repeat(500) }, `c-${cycle}-${i}`);
                if (res.status === 200) acknowledged.companies.push(res.body.id as string);
                break;
              }
              case 1: {
                const res = await api(url, 'POST', `/companies/${company}/connections`, { platformKey: 'mnzo' });
                if (res.status === 200) acknowledged.connections.push(res.body.id as string);
                break;
              }
              case 2: {
                // Grant when none is active, otherwise amend or withdraw it: each acknowledged event is recorded.
                if (!activeConsent) {
                  const res = await api(url, 'POST', `/companies/${company}/consents`, { productIdentifier: 'lending', connectionIds: [connection] });
                  if (res.status === 201) {
                    activeConsent = res.body.id as string;
                    acknowledged.consentEvents.push(`${activeConsent} given`);
                  }
                } else {
                  const consent = activeConsent;
                  const withdraw = i % 3 === 0;
                  const res = await api(url, 'POST', `/companies/${company}/consents/${consent}/${withdraw ? 'withdrawal' : 'amendments'}`, withdraw ? { reason: 'crash test' } : { connectionIds: [acknowledged.connections.at(-1) ?? connection] });
                  if (res.status === 200) {
                    acknowledged.consentEvents.push(`${consent} ${withdraw ? 'withdrawn' : 'amended'}`);
                    if (withdraw && activeConsent === consent) activeConsent = undefined;
                  }
                }
                break;
              }
              default: {
                const res = await api(url, 'POST', '/webhooks', { url: `https://receiver.example/${cycle}/${i}`, eventTypes: ['company.created'] });
                if (res.status === 201) acknowledged.webhooks.push(res.body.id as string);
              }
            }
          } catch (error) {
            if (stop || /fetch failed|ECONNRESET|socket|terminated|other side closed/i.test(String(error) + String((error as Error).cause))) return;
            throw error;
          }
        }
      });
      // Kill at a different moment each cycle, with writes in flight.
      await new Promise((resolve) => setTimeout(resolve, 400 + cycle * 250));
      child.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
      tally.add('kill -9 during writes');

      // The file parses (never torn) and no temp file is mistaken for it.
      const state = JSON.parse(readFileSync(file, 'utf8')) as object;
      expect(state).toBeTypeOf('object');
      expect(readdirSync(dir).filter((f) => f === 'mock.json')).toHaveLength(1);

      ({ child, url } = await startCli(file));
      const companies = new Set(((await api(url, 'GET', '/companies?pageSize=5000')).body.results as Array<{ id: string }>).map((c) => c.id));
      expect(acknowledged.companies.filter((id) => !companies.has(id))).toEqual([]);
      const connections = new Set(
        ((await api(url, 'GET', `/companies/${company}/connections?pageSize=5000`)).body.results as Array<{ id: string }>).map((c) => c.id),
      );
      expect(acknowledged.connections.filter((id) => !connections.has(id))).toEqual([]);
      const webhooks = new Set(((await api(url, 'GET', '/webhooks')).body.results as Array<{ id: string }>).map((w) => w.id));
      expect(acknowledged.webhooks.filter((id) => !webhooks.has(id))).toEqual([]);
      const ledger = (await api(url, 'GET', `/companies/${company}/consents?pageSize=5000`)).body.results as Consent[];
      checkHistory(ledger);
      const recorded = ledger.flatMap((c) => c.events.map((e) => `${c.id} ${e.type}`));
      for (const event of new Set(acknowledged.consentEvents)) {
        expect(recorded.filter((r) => r === event).length, `acknowledged "${event}" missing`).toBeGreaterThanOrEqual(1);
      }
      // The restarted server knows which consent is active (a crash mid-withdrawal cannot leave two).
      const active = ledger.filter((c) => c.status === 'Active');
      expect(active.length).toBeLessThanOrEqual(1);
      activeConsent = active[0]?.id;
    }
    child.kill('SIGTERM');
    await once(child, 'exit');
    const total = Object.values(acknowledged).reduce((sum, list) => sum + list.length, 0);
    expect(acknowledged.companies.length).toBeGreaterThan(5);
    expect(acknowledged.consentEvents.length).toBeGreaterThan(3);
    tally.add('acknowledged writes verified after restarts', total);
  }, 90_000);
});
