import { afterEach, describe, expect, it } from 'vitest';
import { BASIC, expectError, mock, type TestMock } from './helpers.js';

let t: TestMock | undefined;
afterEach(() => t?.close());

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body', async () => {
    t = mock();
    const first = await t.api
      .post('/companies', { name: 'Once Ltd' })
      .set('Idempotency-Key', 'k-1')
      .expect(200);
    const second = await t.api
      .post('/companies', { name: 'Once Ltd' })
      .set('Idempotency-Key', 'k-1')
      .expect(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect((await t.api.get('/companies')).body.totalResults).toBe(1);
    // another key creates another company
    await t.api.post('/companies', { name: 'Once Ltd' }).set('Idempotency-Key', 'k-2').expect(200);
    expect((await t.api.get('/companies')).body.totalResults).toBe(2);
  });

  it('422s the same key with a different body', async () => {
    t = mock();
    await t.api.post('/companies', { name: 'A' }).set('Idempotency-Key', 'k').expect(200);
    const body = expectError(await t.api.post('/companies', { name: 'B' }).set('Idempotency-Key', 'k'), 422);
    expect(body.error).toMatch(/different request body/);
  });

  it('409s while the first request is in flight, and frees the key after a 5xx', async () => {
    t = mock();
    const slow = t.api
      .post('/companies', { name: 'Slow' })
      .set('Idempotency-Key', 'busy')
      .set('X-Mock-Fault', 'latency=300')
      .then((r) => r);
    await new Promise((r) => setTimeout(r, 60));
    const conflict = expectError(
      await t.api.post('/companies', { name: 'Slow' }).set('Idempotency-Key', 'busy'),
      409,
    );
    expect(conflict.error).toMatch(/still being processed/);
    expect((await slow).status).toBe(200);
    await t.api
      .post('/companies', { name: 'Slow' })
      .set('Idempotency-Key', 'busy')
      .expect(200)
      .expect('Idempotent-Replayed', 'true');

    expectError(
      await t.api
        .post('/companies', { name: 'Flaky' })
        .set('Idempotency-Key', 'flaky')
        .set('X-Mock-Fault', 'status=503'),
      503,
    );
    await t.api.post('/companies', { name: 'Flaky' }).set('Idempotency-Key', 'flaky').expect(200);
    expect((await t.api.get('/companies?query=name%3DFlaky')).body.totalResults).toBe(1);
  });

  it('scopes keys per credential and validates the key', async () => {
    t = mock();
    const a = (await t.api.post('/companies', { name: 'A' }).expect(200)).body;
    const tok = (await t.api.get(`/companies/${a.id}/accessToken`)).body.accessToken;
    await t.api
      .post(`/companies/${a.id}/connections`, { platformKey: 'shpf' })
      .set('Idempotency-Key', 'same')
      .expect(200);
    const viaToken = await t.raw
      .post(`/companies/${a.id}/connections`)
      .set('Authorization', `Bearer ${tok}`)
      .set('Idempotency-Key', 'same')
      .send({ platformKey: 'shpf' });
    expect(viaToken.status).toBe(200);
    expect(viaToken.headers['idempotent-replayed']).toBeUndefined();
    expectError(await t.api.post('/companies', { name: 'A' }).set('Idempotency-Key', 'x'.repeat(256)), 400);
  });
});

describe('fault injection', () => {
  it('forces a status with Retry-After via X-Mock-Fault', async () => {
    t = mock();
    const res = await t.api.get('/integrations').set('X-Mock-Fault', 'status=503;retryAfter=7');
    expectError(res, 503);
    expect(res.headers['retry-after']).toBe('7');
    const rate = await t.api.get('/integrations').set('X-Mock-Fault', 'status=429');
    expectError(rate, 429);
    expect(rate.headers['retry-after']).toBe('1');
    expectError(await t.api.get('/integrations').set('X-Mock-Fault', 'status=200'), 400);
    expectError(await t.api.get('/integrations').set('X-Mock-Fault', 'explode'), 400);
  });

  it('adds latency and drops connections', async () => {
    t = mock();
    const started = Date.now();
    await t.api.get('/integrations').set('X-Mock-Fault', 'latency=150').expect(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await expect(t.api.get('/integrations').set('X-Mock-Fault', 'drop')).rejects.toThrow(
      /socket hang up|ECONNRESET/,
    );
  });

  it('applies configured per-route rules with a probability', async () => {
    t = mock({
      faults: {
        rules: [
          { path: '/companies/*/connections', method: 'GET', errorRate: 1, status: 500 },
          { path: '/integrations', errorRate: 0, status: 500 },
          { path: '/profile', status: 429, retryAfterSeconds: 3 },
        ],
      },
    });
    const company = (await t.api.post('/companies', { name: 'Rules' }).expect(200)).body;
    expectError(await t.api.get(`/companies/${company.id}/connections`), 500);
    await t.api.get('/integrations').expect(200);
    const limited = await t.api.get('/profile');
    expectError(limited, 429);
    expect(limited.headers['retry-after']).toBe('3');
  });

  it('ignores faults when disabled', async () => {
    t = mock({ faults: { enabled: false, rules: [{ path: '/integrations', status: 500 }] } });
    await t.api.get('/integrations').set('X-Mock-Fault', 'status=503').expect(200);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After beyond the configured rate', async () => {
    t = mock({ rateLimit: { windowMs: 10_000, max: 3 } });
    for (let i = 0; i < 3; i++) await t.api.get('/integrations').expect(200);
    const res = await t.raw.get('/integrations').set('Authorization', BASIC);
    const body = expectError(res, 429);
    expect(body.canBeRetried).toBe('Yes');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
