import { afterEach, describe, expect, it } from 'vitest';
import { createCompany, expectError, linkConnection, mock, type TestMock } from './helpers.js';

let t: TestMock | undefined;
afterEach(() => t?.close());

describe('clock endpoint', () => {
  it('is 404 unless test endpoints are enabled', async () => {
    t = mock({ enableTestEndpoints: false });
    expectError(await t.raw.get('/_mock/clock'), 404);
    expectError(await t.raw.post('/_mock/clock').send({ advanceDays: 1 }), 404);
    expectError(await t.raw.post('/_mock/reset'), 404);
  });

  it('reads, advances (days, ms, to an instant) and never goes backwards', async () => {
    t = mock();
    const before = (await t.raw.get('/_mock/clock').expect(200)).body;
    const after = (await t.raw.post('/_mock/clock').send({ advanceDays: 2 }).expect(200)).body;
    expect(Date.parse(after.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(2 * 86_400_000);
    expect(after.offsetMs).toBeGreaterThanOrEqual(2 * 86_400_000);
    await t.raw.post('/_mock/clock').send({ advanceMs: 1000 }).expect(200);
    const target = new Date(Date.parse(after.now) + 10 * 86_400_000).toISOString();
    const jumped = (await t.raw.post('/_mock/clock').send({ now: target }).expect(200)).body;
    expect(Math.abs(Date.parse(jumped.now) - Date.parse(target))).toBeLessThan(1000);
    expectError(await t.raw.post('/_mock/clock').send({ now: '2000-01-01T00:00:00Z' }), 400);
    expectError(await t.raw.post('/_mock/clock').send({}), 400);
    expectError(await t.raw.post('/_mock/clock').send({ advanceDays: 1, advanceMs: 1 }), 400);
    expectError(await t.raw.post('/_mock/clock').send({ advanceDays: -1 }), 400);
  });

  it('resets state, optionally loading a seed scenario', async () => {
    t = mock();
    await createCompany(t);
    await t.raw.post('/_mock/reset').expect(204);
    expect((await t.api.get('/companies')).body.totalResults).toBe(0);
    await t.raw.post('/_mock/reset').send({ seed: 'expired-bank' }).expect(204);
    expect((await t.api.get('/companies')).body.totalResults).toBe(1);
    expectError(await t.raw.post('/_mock/reset').send({ seed: 'nope' }), 400);
  });
});

describe('open banking expiry', () => {
  it('banking connections expire after 90 days -> Deauthorized + connection.disconnected; re-authorisation relinks', async () => {
    t = mock();
    const events: { eventType: string; payload: { connection?: { id: string; status: string } } }[] = [];
    t.domain.store.webhooks.set('0b8f7c43-8f2e-4f55-8a6c-7d0f0e1a2b3c', {
      id: '0b8f7c43-8f2e-4f55-8a6c-7d0f0e1a2b3c',
      url: 'https://hooks.example/x',
      disabled: false,
      eventTypes: ['connection.disconnected', 'connection.reconnected'],
      companyTags: null,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      created: new Date().toISOString(),
    });
    const originalEmit = t.domain.webhooks.emit.bind(t.domain.webhooks);
    t.domain.webhooks.emit = (eventType, payload, company) => {
      events.push({ eventType, payload: payload as never });
      return originalEmit(eventType, payload, company);
    };
    const { id } = await createCompany(t);
    const bank = await linkConnection(t, id, 'bbrc');
    const accounting = await linkConnection(t, id, 'gbol');
    const linked = (await t.api.get(`/companies/${id}/connections/${bank.id}`)).body;
    const expiresAt = Date.parse(linked.connectionInfo.expiresAt);
    expect(expiresAt - Date.parse(linked.connectionInfo.authorisedAt)).toBe(90 * 86_400_000);

    await t.raw.post('/_mock/clock').send({ advanceDays: 89 }).expect(200);
    expect((await t.api.get(`/companies/${id}/connections/${bank.id}`)).body.status).toBe('Linked');
    await t.raw.post('/_mock/clock').send({ advanceDays: 1.01 }).expect(200);
    const expired = (await t.api.get(`/companies/${id}/connections/${bank.id}`)).body;
    expect(expired.status).toBe('Deauthorized');
    expect(expired.dataConnectionErrors.at(-1)).toMatchObject({
      status: 'Active',
      statusText: 'consent_expired',
    });
    expect((await t.api.get(`/companies/${id}/connections/${accounting.id}`)).body.status).toBe('Linked');
    expect(
      events.filter((e) => e.eventType === 'connection.disconnected').map((e) => e.payload.connection?.id),
    ).toEqual([bank.id]);

    // a sync of a Deauthorized connection fails with AuthError
    const queued = await t.api.post(`/companies/${id}/data/queue/banking-accounts`).expect(200);
    expect(queued.body.status).toBe('AuthError');

    // re-authorisation (the hosted flow is covered in hosted/browser tests): same connection, Linked again, new expiry
    await t.api
      .put(`/companies/${id}/connections/${bank.id}/authorization`, { consent: 'renewed' })
      .expect(200);
    const renewed = (await t.api.get(`/companies/${id}/connections/${bank.id}`)).body;
    expect(renewed.status).toBe('Linked');
    expect(Date.parse(renewed.connectionInfo.expiresAt)).toBeGreaterThan(expiresAt);
    expect(renewed.dataConnectionErrors.at(-1).status).toBe('Resolved');
    expect(
      events.filter((e) => e.eventType === 'connection.reconnected').map((e) => e.payload.connection?.status),
    ).toEqual(['Linked']);
  });

  it('honours a configured expiry', async () => {
    t = mock({ bankingConnectionDays: 7 });
    const { id } = await createCompany(t);
    const bank = await linkConnection(t, id, 'mnzo');
    await t.raw.post('/_mock/clock').send({ advanceDays: 7 }).expect(200);
    expect((await t.api.get(`/companies/${id}/connections/${bank.id}`)).body.status).toBe('Deauthorized');
  });

  it('the expired-bank seed shows scenario 6', async () => {
    t = mock({ seed: 'expired-bank' });
    const companies = (await t.api.get('/companies')).body.results;
    expect(companies).toHaveLength(1);
    const statuses = companies[0].dataConnections
      .map((c: { sourceType: string; status: string }) => `${c.sourceType}:${c.status}`)
      .sort();
    expect(statuses).toEqual(['Accounting:Linked', 'Banking:Deauthorized']);
  });
});
