import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AccessToken } from '@consent-kit/contract';
import { BASIC, createCompany, expectError, mock, token, type TestMock } from './helpers.js';

let t: TestMock;
beforeEach(() => {
  t = mock({ tokenTtlSeconds: 3600 });
});
afterEach(() => t.close());

describe('API key auth', () => {
  it('401s missing, wrong and malformed credentials', async () => {
    expectError(await t.raw.get('/companies'), 401);
    expectError(
      await t.raw.get('/companies').set('Authorization', `Basic ${Buffer.from('wrong').toString('base64')}`),
      401,
    );
    expectError(await t.raw.get('/companies').set('Authorization', 'Basic !!!'), 401);
    expectError(await t.raw.get('/companies').set('Authorization', 'Bearer nope'), 401);
    expectError(await t.raw.get('/companies').set('Authorization', 'Token x'), 401);
  });

  it('accepts base64(key) and base64(key:)', async () => {
    await t.raw.get('/companies').set('Authorization', BASIC).expect(200);
    await t.raw
      .get('/companies')
      .set('Authorization', `Basic ${Buffer.from('ck_test_local_only:').toString('base64')}`)
      .expect(200);
  });

  it('honours a configured API key', async () => {
    const other = mock({ apiKey: 'ck_other' });
    try {
      expectError(await other.raw.get('/companies').set('Authorization', BASIC), 401);
      await other.raw
        .get('/companies')
        .set('Authorization', `Basic ${Buffer.from('ck_other').toString('base64')}`)
        .expect(200);
    } finally {
      other.close();
    }
  });
});

describe('company access tokens', () => {
  it('issues expiring bearer tokens scoped to one company', async () => {
    const a = await createCompany(t, 'Company A');
    const b = await createCompany(t, 'Company B');
    const res = await t.api.get(`/companies/${a.id}/accessToken`).expect(200);
    const issued = z.parse(AccessToken, res.body);
    expect(issued).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600 });
    const bearer = `Bearer ${issued.accessToken}`;

    await t.raw.get(`/companies/${a.id}`).set('Authorization', bearer).expect(200);
    await t.raw.get(`/companies/${a.id}/connections`).set('Authorization', bearer).expect(200);
    await t.raw
      .post(`/companies/${a.id}/connections`)
      .set('Authorization', bearer)
      .send({ platformKey: 'gbol' })
      .expect(200);
    await t.raw.get('/integrations').set('Authorization', bearer).expect(200);
    await t.raw.get('/integrations/gbol/branding').set('Authorization', bearer).expect(200);
    await t.raw.get('/profile').set('Authorization', bearer).expect(200);
    await t.raw.get('/products').set('Authorization', bearer).expect(200);

    // Company B, or anything API-key-only, is forbidden.
    for (const path of [
      `/companies/${b.id}`,
      `/companies/${b.id}/connections`,
      `/companies/${b.id}/consents`,
      `/companies/${b.id}/dataStatus`,
    ]) {
      expectError(await t.raw.get(path).set('Authorization', bearer), 403);
    }
    expectError(
      await t.raw
        .post(`/companies/${b.id}/connections`)
        .set('Authorization', bearer)
        .send({ platformKey: 'gbol' }),
      403,
    );
    expectError(await t.raw.get('/companies').set('Authorization', bearer), 403);
    expectError(await t.raw.post('/companies').set('Authorization', bearer).send({ name: 'x' }), 403);
    expectError(await t.raw.get('/webhooks').set('Authorization', bearer), 403);
    expectError(await t.raw.get('/corsSettings').set('Authorization', bearer), 403);
    expectError(await t.raw.get(`/companies/${a.id}/accessToken`).set('Authorization', bearer), 403);
    expectError(await t.raw.delete(`/companies/${a.id}`).set('Authorization', bearer), 403);
    expectError(await t.raw.put(`/companies/${a.id}/products/lending`).set('Authorization', bearer), 403);
  });

  it('expires tokens with the clock (401 afterwards)', async () => {
    const a = await createCompany(t);
    const value = await token(t, a.id);
    await t.raw.get(`/companies/${a.id}`).set('Authorization', `Bearer ${value}`).expect(200);
    await t.raw
      .post('/_mock/clock')
      .send({ advanceMs: 3600 * 1000 + 1 })
      .expect(200);
    const body = expectError(
      await t.raw.get(`/companies/${a.id}`).set('Authorization', `Bearer ${value}`),
      401,
    );
    expect(body.error).toMatch(/expired/);
  });

  it('revokes tokens when the company is deleted', async () => {
    const a = await createCompany(t);
    const value = await token(t, a.id);
    await t.api.delete(`/companies/${a.id}`).expect(204);
    expectError(await t.raw.get(`/companies/${a.id}`).set('Authorization', `Bearer ${value}`), 401);
  });
});

describe('CORS', () => {
  it('allows configured origins only, never *', async () => {
    const ok = await t.raw
      .options('/integrations')
      .set('Origin', 'http://localhost:4020')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:4020');
    expect(ok.headers['access-control-allow-headers']).toMatch(/Authorization/);
    expect(ok.headers.vary).toMatch(/Origin/);

    const denied = await t.raw
      .options('/integrations')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET');
    expectError(denied, 403);
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();

    const simple = await t.api.get('/integrations').set('Origin', 'https://evil.example').expect(200);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await t.api.get('/integrations').set('Origin', 'http://localhost:6006').expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:6006');
  });

  it('reads and sets the allowed origins via /corsSettings', async () => {
    expect((await t.api.get('/corsSettings').expect(200)).body.allowedOrigins).toEqual([
      'http://localhost:4020',
      'http://localhost:4030',
      'http://localhost:6006',
    ]);
    expectError(await t.api.post('/corsSettings', { allowedOrigins: ['*'] }), 400);
    expectError(await t.api.post('/corsSettings', { allowedOrigins: ['https://a.example/path'] }), 400);
    await t.api.post('/corsSettings', { allowedOrigins: ['https://app.example.com'] }).expect(200);
    const res = await t.raw
      .options('/integrations')
      .set('Origin', 'https://app.example.com')
      .set('Access-Control-Request-Method', 'GET');
    expect(res.status).toBe(204);
    expectError(
      await t.raw
        .options('/integrations')
        .set('Origin', 'http://localhost:4020')
        .set('Access-Control-Request-Method', 'GET'),
      403,
    );
    expect((await t.api.get('/connectionManagement/corsSettings').expect(200)).body.allowedOrigins).toEqual([
      'https://app.example.com',
    ]);
  });

  it('refuses a "*" origin in the options', () => {
    expect(() => mock({ corsOrigins: ['*'] })).toThrow(/not allowed/);
  });
});

describe('errors and headers', () => {
  it('sets security headers and a correlation id on every response', async () => {
    for (const res of [
      await t.api.get('/integrations'),
      await t.raw.get('/nope'),
      await t.raw.get('/openapi.json'),
    ]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f]{32}$/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('404s unknown routes with an error body', async () => {
    expectError(await t.api.get('/nope'), 404);
    expectError(await t.api.post('/companies/x/y/z', {}), 404);
  });

  it('400s malformed JSON and 413s bodies over 100 kB', async () => {
    const bad = await t.raw
      .post('/companies')
      .set('Authorization', BASIC)
      .set('Content-Type', 'application/json')
      .send('{"name": ');
    expect(expectError(bad, 400).error).toMatch(/not valid JSON/);
    const big = await t.api.post('/companies', { name: 'Big', description: 'x'.repeat(120_000) });
    expectError(big, 413);
  });

  it('has a profile with the exact redirect allowlist', async () => {
    const res = await t.api.get('/profile').expect(200);
    expect(res.body).toEqual({
      name: 'Copay',
      redirectUrl: 'http://localhost:4020/connect/callback',
      whiteListUrls: [
        'http://localhost:4020/connect/callback',
        'http://localhost:4030/connect/callback',
        'http://localhost:6006/iframe.html',
      ],
    });
    const updated = await t.api
      .put('/profile', { name: 'Copay', redirectUrl: 'https://copay.example/cb' })
      .expect(200);
    expect(updated.body.whiteListUrls).toContain('https://copay.example/cb');
    expectError(await t.api.put('/profile', { name: 'Copay', redirectUrl: 'javascript:alert(1)' }), 400);
  });
});
