import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Connection, DataStatuses, PullOperation, paged } from '@consent-kit/contract';
import {
  createCompany,
  createConnection,
  expectError,
  linkConnection,
  mock,
  type TestMock,
} from './helpers.js';
import { validateAgainstSpec } from './spec.js';

let t: TestMock;
beforeEach(() => {
  t = mock();
});
afterEach(() => t.close());

describe('connections', () => {
  it('creates a PendingAuth connection with a hosted linkUrl', async () => {
    const company = await createCompany(t);
    const res = await t.api.post(`/companies/${company.id}/connections`, { platformKey: 'gbol' }).expect(200);
    const connection = z.parse(Connection, res.body);
    expect(validateAgainstSpec('Connection', res.body)).toEqual([]);
    expect(connection).toMatchObject({
      status: 'PendingAuth',
      integrationKey: 'gbol',
      platformName: 'Xero',
      sourceType: 'Accounting',
    });
    expect(connection.linkUrl).toBe(`http://mock.test/link/${company.id}/connections/${connection.id}/start`);
    const list = await t.api.get(`/companies/${company.id}/connections`).expect(200);
    expect(z.parse(paged(Connection), list.body).results.map((c) => c.id)).toEqual([connection.id]);
    expect((await t.api.get(`/companies/${company.id}`)).body.dataConnections).toHaveLength(1);
  });

  it('allows one accounting connection (409) but any number of banking and commerce', async () => {
    const { id } = await createCompany(t);
    await createConnection(t, id, 'gbol');
    const conflict = expectError(
      await t.api.post(`/companies/${id}/connections`, { platformKey: 'qhyg' }),
      409,
    );
    expect(conflict.error).toMatch(/accounting/);
    await createConnection(t, id, 'bbrc');
    await createConnection(t, id, 'hsbc');
    await createConnection(t, id, 'shpf');
    await createConnection(t, id, 'strp');
    expect((await t.api.get(`/companies/${id}/connections`)).body.totalResults).toBe(5);
    const banking = await t.api.get(`/companies/${id}/connections?query=sourceType%3DBanking`).expect(200);
    expect(banking.body.totalResults).toBe(2);
  });

  it('validates platformKey (format 400, unknown 404, disabled 400)', async () => {
    const { id } = await createCompany(t);
    expectError(await t.api.post(`/companies/${id}/connections`, { platformKey: 'GBOL' }), 400);
    expectError(await t.api.post(`/companies/${id}/connections`, {}), 400);
    expectError(await t.api.post(`/companies/${id}/connections`, { platformKey: 'zzzz' }), 404);
    expectError(await t.api.post(`/companies/${id}/connections`, { platformKey: 'hsdm' }), 400);
    expectError(
      await t.api.post('/companies/8a210b68-6988-11ed-a1eb-0242ac120002/connections', {
        platformKey: 'gbol',
      }),
      404,
    );
  });

  it('unlinks only Linked connections, keeping their data; deletes with data', async () => {
    const { id } = await createCompany(t);
    const pending = await createConnection(t, id, 'shpf');
    const conflict = expectError(
      await t.api.patch(`/companies/${id}/connections/${pending.id}`, { status: 'Unlinked' }),
      409,
    );
    expect(conflict.error).toMatch(/PendingAuth/);
    expectError(await t.api.patch(`/companies/${id}/connections/${pending.id}`, { status: 'Linked' }), 400);
    const linked = await linkConnection(t, id, 'gbol');
    const pulls = [...t.domain.store.pulls.values()].filter((p) => p.connectionId === linked.id).length;
    expect(pulls).toBeGreaterThan(0);
    const unlinked = await t.api
      .patch(`/companies/${id}/connections/${linked.id}`, { status: 'Unlinked' })
      .expect(200);
    expect(unlinked.body.status).toBe('Unlinked');
    expect([...t.domain.store.pulls.values()].filter((p) => p.connectionId === linked.id)).toHaveLength(
      pulls,
    );
    // no further syncs for an Unlinked connection
    await t.api.post(`/companies/${id}/data/all`).expect(204);
    expect([...t.domain.store.pulls.values()].filter((p) => p.connectionId === linked.id)).toHaveLength(
      pulls,
    );
    await t.api.delete(`/companies/${id}/connections/${linked.id}`).expect(200);
    expectError(await t.api.get(`/companies/${id}/connections/${linked.id}`), 404);
    expect([...t.domain.store.pulls.values()].filter((p) => p.connectionId === linked.id)).toHaveLength(0);
    expectError(await t.api.delete(`/companies/${id}/connections/${linked.id}`), 404);
  });

  it('PUT authorization links the connection and starts a sync', async () => {
    const { id } = await createCompany(t);
    const c = await createConnection(t, id, 'qhyg');
    expectError(await t.api.put(`/companies/${id}/connections/${c.id}/authorization`, {}), 400);
    expectError(await t.api.put(`/companies/${id}/connections/${c.id}/authorization`, { apiKey: 1 }), 400);
    const res = await t.api
      .put(`/companies/${id}/connections/${c.id}/authorization`, { apiKey: 'secret' })
      .expect(200);
    expect(res.body.status).toBe('Linked');
    expect(res.body.connectionInfo.authorisedAt).toBeTruthy();
    expect(res.body.connectionInfo.expiresAt).toBeNull(); // only open banking connections expire
  });
});

describe('sync simulation', () => {
  it('syncs every data type of the source type when the company has no product, visible in dataStatus and history', async () => {
    const { id } = await createCompany(t);
    const c = await linkConnection(t, id, 'gbol');
    const status = await t.api.get(`/companies/${id}/dataStatus`).expect(200);
    const statuses = z.parse(DataStatuses, status.body);
    expect(validateAgainstSpec('DataStatuses', status.body)).toEqual([]);
    expect(Object.keys(statuses)).toHaveLength(28);
    expect(
      Object.values(statuses).every(
        (s) => s.currentStatus === 'Complete' && s.latestSuccessfulSyncId === s.latestSyncId,
      ),
    ).toBe(true);
    const history = await t.api.get(`/companies/${id}/data/history?pageSize=5`).expect(200);
    const page = z.parse(paged(PullOperation), history.body);
    expect(validateAgainstSpec('PullOperations', history.body)).toEqual([]);
    expect(page.totalResults).toBe(28);
    expect(page.results[0]).toMatchObject({
      connectionId: c.id,
      status: 'Complete',
      progress: 100,
      isCompleted: true,
      isErrored: false,
    });
    const one = await t.api.get(`/companies/${id}/data/history/${page.results[0]!.id}`).expect(200);
    expect(one.body.id).toBe(page.results[0]!.id);
    expect(validateAgainstSpec('PullOperation', one.body)).toEqual([]);
    expectError(await t.api.get(`/companies/${id}/data/history/8a210b68-6988-11ed-a1eb-0242ac120002`), 404);
    const company = (await t.api.get(`/companies/${id}`)).body;
    expect(company.lastSync).toBeTruthy();
    expect(company.dataConnections[0].lastSync).toBeTruthy();
  });

  it("syncs only what the company's products need", async () => {
    const { id } = await createCompany(t);
    await t.api.put(`/companies/${id}/products/insights`).expect(204);
    await linkConnection(t, id, 'gbol');
    await linkConnection(t, id, 'mnzo');
    const status = (await t.api.get(`/companies/${id}/dataStatus`).expect(200)).body;
    expect(Object.keys(status).sort()).toEqual(
      [
        'balanceSheet',
        'banking-accountBalances',
        'banking-transactions',
        'cashFlowStatement',
        'invoices',
        'profitAndLoss',
      ].sort(),
    );
  });

  it('moves Queued -> Fetching -> Complete over time when syncStepMs > 0', async () => {
    const slow = mock({ syncStepMs: 60 });
    try {
      const { id } = await createCompany(slow);
      await slow.api.put(`/companies/${id}/products/insights`).expect(204);
      await linkConnection(slow, id, 'ssbx');
      const seen = new Set<string>();
      const started = Date.now();
      while (Date.now() - started < 3000) {
        const status = (await slow.api.get(`/companies/${id}/dataStatus`).expect(200)).body as Record<
          string,
          { currentStatus: string }
        >;
        for (const s of Object.values(status)) seen.add(s.currentStatus);
        if (Object.values(status).every((s) => s.currentStatus === 'Complete')) break;
        await new Promise((r) => setTimeout(r, 15));
      }
      expect([...seen].sort()).toEqual(['Complete', 'Fetching', 'Queued']);
    } finally {
      slow.close();
    }
  });

  it('refreshes all data and single data types', async () => {
    const { id } = await createCompany(t);
    const c = await linkConnection(t, id, 'gbol');
    const before = t.domain.store.pulls.size;
    await t.api.post(`/companies/${id}/data/all`).expect(204);
    expect(t.domain.store.pulls.size).toBe(before + 28);
    const queued = await t.api.post(`/companies/${id}/data/queue/invoices`).expect(200);
    expect(z.parse(PullOperation, queued.body)).toMatchObject({ dataType: 'invoices', connectionId: c.id });
    await t.api.post(`/companies/${id}/data/queue/invoices?connectionId=${c.id}`).expect(200);
    expectError(await t.api.post(`/companies/${id}/data/queue/notAType`), 404);
    expectError(await t.api.post(`/companies/${id}/data/queue/banking-accounts`), 409);
    expectError(await t.api.post(`/companies/${id}/data/queue/invoices?connectionId=nope`), 400);
  });

  it('a Failing Bank sync ends in FetchError', async () => {
    const { id } = await createCompany(t);
    await linkConnection(t, id, 'fbnk');
    const status = (await t.api.get(`/companies/${id}/dataStatus`).expect(200)).body as Record<
      string,
      { currentStatus: string }
    >;
    expect(Object.values(status).map((s) => s.currentStatus)).toEqual([
      'FetchError',
      'FetchError',
      'FetchError',
      'FetchError',
    ]);
    const history = (await t.api.get(`/companies/${id}/data/history?query=isErrored%3Dtrue`).expect(200))
      .body;
    expect(history.totalResults).toBe(4);
    expect(history.results[0].errorMessage).toMatch(/Failing Bank/);
  });
});
