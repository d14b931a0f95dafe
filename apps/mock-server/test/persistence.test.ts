import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BASIC, createCompany, linkConnection, mock } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ck-mock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('data file', () => {
  it('survives a restart: companies, connections, consents, webhooks, tokens, clock, idempotency', async () => {
    const file = join(dir, 'restart', 'state.json');
    const first = mock({ dataFile: file });
    const company = await createCompany(first, 'Durable Ltd');
    const connection = await linkConnection(first, company.id, 'gbol');
    const consent = (
      await first.api
        .post(`/companies/${company.id}/consents`, {
          productIdentifier: 'lending',
          connectionIds: [connection.id],
        })
        .expect(201)
    ).body;
    const webhook = (
      await first.api
        .post('/webhooks', { url: 'https://hooks.example/x', eventTypes: ['company.created'] })
        .expect(201)
    ).body;
    await first.raw.post('/_mock/clock').send({ advanceDays: 3 }).expect(200);
    const tok = (await first.api.get(`/companies/${company.id}/accessToken`)).body.accessToken;
    const idem = (
      await first.api.post('/companies', { name: 'Idem' }).set('Idempotency-Key', 'persist').expect(200)
    ).body;
    await first.api.post('/corsSettings', { allowedOrigins: ['https://persisted.example'] }).expect(200);
    first.close();

    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.version).toBe(1);

    const second = mock({ dataFile: file });
    try {
      expect(
        (await second.api.get(`/companies/${company.id}`).expect(200)).body.dataConnections[0].status,
      ).toBe('Linked');
      expect(
        (await second.api.get(`/companies/${company.id}/consents/${consent.id}`).expect(200)).body.status,
      ).toBe('Active');
      expect((await second.api.get('/webhooks')).body.results.map((w: { id: string }) => w.id)).toEqual([
        webhook.id,
      ]);
      await second.raw.get(`/companies/${company.id}`).set('Authorization', `Bearer ${tok}`).expect(200);
      expect((await second.raw.get('/_mock/clock')).body.offsetMs).toBeGreaterThanOrEqual(3 * 86_400_000);
      const replay = await second.api
        .post('/companies', { name: 'Idem' })
        .set('Idempotency-Key', 'persist')
        .expect(200);
      expect(replay.body.id).toBe(idem.id);
      expect((await second.api.get('/corsSettings')).body.allowedOrigins).toEqual([
        'https://persisted.example',
      ]);
      await second.api.get(`/companies/${company.id}/data/profitAndLoss?product=lending`).expect(200);
    } finally {
      second.close();
    }
    // no temp files left behind
    expect(readdirSync(join(dir, 'restart'))).toEqual(['state.json']);
  });

  it('resumes an in-progress sync after a restart', async () => {
    const file = join(dir, 'resume.json');
    const first = mock({ dataFile: file, syncStepMs: 60_000 });
    const company = await createCompany(first);
    await first.api.put(`/companies/${company.id}/products/insights`).expect(204);
    await linkConnection(first, company.id, 'ssbx');
    expect(
      Object.values((await first.api.get(`/companies/${company.id}/dataStatus`)).body).every(
        (s) => (s as { currentStatus: string }).currentStatus === 'Queued',
      ),
    ).toBe(true);
    first.close();
    const second = mock({ dataFile: file, syncStepMs: 20 });
    try {
      // Due steps were scheduled an hour ahead; move the clock so they are due now.
      await second.raw
        .post('/_mock/clock')
        .send({ advanceMs: 60_000 * 3 })
        .expect(200);
      second.domain.sync.resume();
      const started = Date.now();
      let statuses: string[] = [];
      while (Date.now() - started < 3000) {
        statuses = Object.values((await second.api.get(`/companies/${company.id}/dataStatus`)).body).map(
          (s) => (s as { currentStatus: string }).currentStatus,
        );
        if (statuses.every((s) => s === 'Complete')) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(statuses).toEqual(['Complete', 'Complete']);
    } finally {
      second.close();
    }
  });

  it('refuses to start on a corrupt data file instead of overwriting it', () => {
    const file = join(dir, 'corrupt.json');
    writeFileSync(file, '{"version":1,');
    expect(() => mock({ dataFile: file })).toThrow(/not valid JSON/);
    expect(readFileSync(file, 'utf8')).toBe('{"version":1,');
  });

  it('is never torn by kill -9 during writes', async () => {
    const file = join(dir, 'kill', 'state.json');
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const packageDir = fileURLToPath(new URL('..', import.meta.url));
    const start = (): Promise<{ child: ChildProcess; url: string }> =>
      new Promise((resolve, reject) => {
        // One process (`node --import tsx`): the `tsx` CLI would run the server as its child, which a SIGKILL of
        // the wrapper leaves running and writing the file.
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', cli, '--port', '0', '--data-file', file, '--quiet', '--sync-step-ms', '0'],
          {
            cwd: packageDir,
            env: { ...process.env, PORT: '' },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let out = '';
        child.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve({ child, url: m[1]! });
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
        setTimeout(() => reject(new Error(`did not start: ${out}`)), 15_000);
      });

    const { child, url } = await start();
    const acknowledged: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 4 }, async () => {
      while (!stop) {
        try {
          const res = await fetch(`${url}/companies`, {
            method: 'POST',
            headers: { Authorization: BASIC, 'Content-Type': 'application/json' },
            body: JSON.stringify({ name: 'Crash test', description: 'x'.repeat(900) }),
          });
          if (res.status === 200) acknowledged.push(((await res.json()) as { id: string }).id);
          else throw new Error(`unexpected ${res.status}: ${await res.text()}`);
        } catch (error) {
          if (stop || /fetch failed/.test(String(error))) return; // the server was killed
          throw error;
        }
      }
    });
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    expect(acknowledged.length).toBeGreaterThan(5);

    const state = JSON.parse(readFileSync(file, 'utf8')) as { companies: { id: string }[] };
    const saved = new Set(state.companies.map((c) => c.id));
    // every acknowledged write was on disk before its response was sent
    expect(acknowledged.filter((id) => !saved.has(id))).toEqual([]);

    const restarted = await start();
    try {
      const res = await fetch(`${restarted.url}/companies?pageSize=5000`, {
        headers: { Authorization: BASIC },
      });
      const body = (await res.json()) as { totalResults: number };
      expect(body.totalResults).toBe(state.companies.length);
    } finally {
      restarted.child.kill('SIGTERM');
    }
  }, 40_000);
});
