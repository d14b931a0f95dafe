import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ConsentRecord, Product, paged } from '@consent-kit/contract';
import { createCompany, expectError, linkConnection, mock, token, type TestMock } from './helpers.js';

let t: TestMock;
beforeEach(() => {
  t = mock();
});
afterEach(() => t.close());

async function setup() {
  const company = await createCompany(t, 'Ledger Ltd');
  const xero = await linkConnection(t, company.id, 'gbol');
  const bank = await linkConnection(t, company.id, 'ssbx');
  return { companyId: company.id, xero, bank };
}

describe('products', () => {
  it('lists the seeded lending and insights products', async () => {
    const res = await t.api.get('/products').expect(200);
    const page = z.parse(paged(Product), res.body);
    expect(page.results.map((p) => p.identifier)).toEqual(['lending', 'insights']);
    const lending = z.parse(Product, (await t.api.get('/products/lending').expect(200)).body);
    expect(lending.dataTypes.Accounting).toHaveLength(8);
    expect(lending.dataTypes.Banking).toEqual([
      'banking-accounts',
      'banking-accountBalances',
      'banking-transactions',
    ]);
    expect(lending).toMatchObject({ duration: { days: 365 }, retention: { days: 90 } });
    const insights = z.parse(Product, (await t.api.get('/products/insights').expect(200)).body);
    expect(insights).toMatchObject({ duration: { days: 365 }, retention: { days: 30 } });
    expectError(await t.api.get('/products/nope'), 404);
  });
});

describe('consent ledger', () => {
  it('grants an ISO/IEC TS 27560 shaped record with a "given" event; 409 for a second active one', async () => {
    const { companyId, xero, bank } = await setup();
    const res = await t.api
      .post(`/companies/${companyId}/consents`, {
        productIdentifier: 'lending',
        connectionIds: [xero.id, bank.id],
        noticeText: 'You agree to share...',
      })
      .expect(201);
    const record = z.parse(ConsentRecord, res.body);
    expect(record).toMatchObject({
      schema: 'ISO/IEC TS 27560:2023',
      subject: { companyId },
      controller: { name: 'Copay' },
      productIdentifier: 'lending',
      status: 'Active',
      language: 'en',
      collectionMethod: 'web-form',
      connectionIds: [xero.id, bank.id],
      duration: { days: 365 },
      retention: { days: 90 },
    });
    expect(record.purposes[0]).toMatchObject({ legalBasis: 'consent' });
    expect(Date.parse(record.duration.expiresAt) - Date.parse(record.timestamp)).toBe(365 * 86_400_000);
    expect(record.events.map((e) => e.type)).toEqual(['given']);
    expect(record.events[0]!.noticeText).toBe('You agree to share...');
    expect((await t.api.get(`/companies/${companyId}`)).body.products).toContain('lending');
    const conflict = expectError(
      await t.api.post(`/companies/${companyId}/consents`, {
        productIdentifier: 'lending',
        connectionIds: [],
      }),
      409,
    );
    expect(conflict.error).toMatch(/already has an active consent/);
    await t.api.get(`/companies/${companyId}/consents/${record.id}`).expect(200);
    const list = z.parse(
      paged(ConsentRecord),
      (await t.api.get(`/companies/${companyId}/consents`).expect(200)).body,
    );
    expect(list.totalResults).toBe(1);
  });

  it('validates grants', async () => {
    const { companyId } = await setup();
    const other = await createCompany(t, 'Other');
    const otherConnection = await linkConnection(t, other.id, 'gbol');
    expectError(await t.api.post(`/companies/${companyId}/consents`, { productIdentifier: 'lending' }), 400);
    expectError(
      await t.api.post(`/companies/${companyId}/consents`, { productIdentifier: 'nope', connectionIds: [] }),
      400,
    );
    const wrongType = expectError(
      await t.api.post(`/companies/${companyId}/consents`, {
        productIdentifier: 'lending',
        connectionIds: [],
        dataTypes: { Banking: ['invoices'] },
      }),
      400,
    );
    expect(wrongType.validation?.errors?.[0]?.itemId).toBe('dataTypes.Banking.0');
    const foreign = expectError(
      await t.api.post(`/companies/${companyId}/consents`, {
        productIdentifier: 'lending',
        connectionIds: [otherConnection.id],
      }),
      400,
    );
    expect(foreign.validation?.errors?.[0]?.itemId).toBe('connectionIds.0');
    expectError(
      await t.api.post(`/companies/${companyId}/consents`, {
        productIdentifier: 'lending',
        connectionIds: [],
        collectionMethod: 'phone',
      }),
      400,
    );
  });

  it('fetches the data types a newly granted product needs, without re-authentication (scenario 4)', async () => {
    const company = await createCompany(t, 'Second Product Ltd');
    // Onboarded for insights only: the first sync fetches the insights data types, not lending's `customers`.
    await t.api.put(`/companies/${company.id}/products/insights`).expect(204);
    const xero = await linkConnection(t, company.id, 'gbol');
    await t.api
      .post(`/companies/${company.id}/consents`, { productIdentifier: 'insights', connectionIds: [xero.id] })
      .expect(201);
    expectError(await t.api.get(`/companies/${company.id}/data/customers?product=insights`), 403);

    await t.api
      .post(`/companies/${company.id}/consents`, { productIdentifier: 'lending', connectionIds: [xero.id] })
      .expect(201);
    const customers = await t.api.get(`/companies/${company.id}/data/customers?product=lending`).expect(200);
    expect(customers.body.totalResults).toBeGreaterThan(0);
    const connection = await t.api.get(`/companies/${company.id}/connections/${xero.id}`).expect(200);
    expect(connection.body.status).toBe('Linked');
  });

  it('amends with additional data types without re-authentication, append-only', async () => {
    const { companyId, xero } = await setup();
    const granted = (
      await t.api
        .post(`/companies/${companyId}/consents`, {
          productIdentifier: 'insights',
          connectionIds: [xero.id],
          dataTypes: { Accounting: ['profitAndLoss'] },
        })
        .expect(201)
    ).body;
    const pullsBefore = t.domain.store.pulls.size;
    const amended = z.parse(
      ConsentRecord,
      (
        await t.api
          .post(`/companies/${companyId}/consents/${granted.id}/amendments`, {
            dataTypes: { Accounting: ['cashFlowStatement', 'profitAndLoss'] },
          })
          .expect(200)
      ).body,
    );
    expect(amended.dataTypes.Accounting).toEqual(['cashFlowStatement', 'profitAndLoss']);
    expect(amended.events.map((e) => e.type)).toEqual(['given', 'amended']);
    expect(amended.events[0]!.dataTypes.Accounting).toEqual(['profitAndLoss']); // the first event is untouched
    expect(amended.status).toBe('Active');
    expect(t.domain.store.pulls.size).toBe(pullsBefore + 1); // the new data type is fetched from the Linked connection
    expectError(await t.api.post(`/companies/${companyId}/consents/${granted.id}/amendments`, {}), 400);
    expectError(
      await t.api.post(`/companies/${companyId}/consents/${granted.id}/amendments`, {
        dataTypes: { Accounting: ['banking-accounts'] },
      }),
      400,
    );
  });

  it('withdraws as easily as it grants; reads are then refused and later actions conflict', async () => {
    const { companyId, xero } = await setup();
    const granted = (
      await t.api
        .post(`/companies/${companyId}/consents`, { productIdentifier: 'lending', connectionIds: [xero.id] })
        .expect(201)
    ).body;
    await t.api.get(`/companies/${companyId}/data/profitAndLoss?product=lending`).expect(200);
    const withdrawn = z.parse(
      ConsentRecord,
      (
        await t.api
          .post(`/companies/${companyId}/consents/${granted.id}/withdrawal`, { reason: 'changed my mind' })
          .expect(200)
      ).body,
    );
    expect(withdrawn.status).toBe('Withdrawn');
    expect(withdrawn.events.map((e) => [e.type, e.reason ?? null])).toEqual([
      ['given', null],
      ['withdrawn', 'changed my mind'],
    ]);
    const refused = expectError(
      await t.api.get(`/companies/${companyId}/data/profitAndLoss?product=lending`),
      403,
    );
    expect(refused.error).toMatch(/Withdrawn/);
    expectError(await t.api.post(`/companies/${companyId}/consents/${granted.id}/withdrawal`, {}), 409);
    expectError(
      await t.api.post(`/companies/${companyId}/consents/${granted.id}/amendments`, { connectionIds: [] }),
      409,
    );
    // A new consent may be granted after withdrawal.
    await t.api
      .post(`/companies/${companyId}/consents`, { productIdentifier: 'lending', connectionIds: [xero.id] })
      .expect(201);
    await t.api.get(`/companies/${companyId}/data/profitAndLoss?product=lending`).expect(200);
    expect((await t.api.get(`/companies/${companyId}/consents`)).body.totalResults).toBe(2);
  });

  it('expires consents when the clock passes expiresAt', async () => {
    const { companyId, xero } = await setup();
    const granted = (
      await t.api
        .post(`/companies/${companyId}/consents`, { productIdentifier: 'insights', connectionIds: [xero.id] })
        .expect(201)
    ).body;
    await t.raw.post('/_mock/clock').send({ advanceDays: 364 }).expect(200);
    expect((await t.api.get(`/companies/${companyId}/consents/${granted.id}`)).body.status).toBe('Active');
    await t.raw.post('/_mock/clock').send({ advanceDays: 2 }).expect(200);
    const expired = (await t.api.get(`/companies/${companyId}/consents/${granted.id}`)).body;
    expect(expired.status).toBe('Expired');
    expect(expired.events.map((e: { type: string }) => e.type)).toEqual(['given', 'expired']);
    expect(
      expectError(await t.api.get(`/companies/${companyId}/data/invoices?product=insights`), 403).error,
    ).toMatch(/Expired/);
  });

  it('works with a company access token for its own company only', async () => {
    const { companyId, xero } = await setup();
    const other = await createCompany(t, 'Other');
    const bearer = `Bearer ${await token(t, companyId)}`;
    const res = await t.raw
      .post(`/companies/${companyId}/consents`)
      .set('Authorization', bearer)
      .send({ productIdentifier: 'lending', connectionIds: [xero.id] });
    expect(res.status).toBe(201);
    expectError(await t.raw.get(`/companies/${other.id}/consents`).set('Authorization', bearer), 403);
    await t.raw
      .post(`/companies/${companyId}/consents/${res.body.id}/withdrawal`)
      .set('Authorization', bearer)
      .send({})
      .expect(200);
  });
});

describe('data reads', () => {
  it('requires ?product=, a consent covering the data type, and synced data', async () => {
    const { companyId, xero } = await setup();
    const missing = expectError(await t.api.get(`/companies/${companyId}/data/profitAndLoss`), 400);
    expect(missing.validation?.errors?.[0]).toMatchObject({ itemId: 'product' });
    expect(missing.validation?.errors?.[0]?.message).toMatch(/product/);
    expect(
      expectError(await t.api.get(`/companies/${companyId}/data/profitAndLoss?product=lending`), 403).error,
    ).toMatch(/no consent/);
    expectError(await t.api.get(`/companies/${companyId}/data/profitAndLoss?product=nope`), 404);
    expectError(await t.api.get(`/companies/${companyId}/data/notAType?product=lending`), 404);
    await t.api
      .post(`/companies/${companyId}/consents`, { productIdentifier: 'insights', connectionIds: [xero.id] })
      .expect(201);
    const notCovered = expectError(
      await t.api.get(`/companies/${companyId}/data/customers?product=insights`),
      403,
    );
    expect(notCovered.error).toMatch(/does not cover customers/);
    // covered, but only the Xero connection is in the consent and the bank is not: banking data is covered but not from the bank
    expectError(await t.api.get(`/companies/${companyId}/data/banking-transactions?product=insights`), 404);
  });

  it('returns deterministic, realistic records, paged', async () => {
    const { companyId, xero, bank } = await setup();
    await t.api
      .post(`/companies/${companyId}/consents`, {
        productIdentifier: 'lending',
        connectionIds: [xero.id, bank.id],
      })
      .expect(201);
    const pl = (await t.api.get(`/companies/${companyId}/data/profitAndLoss?product=lending`).expect(200))
      .body;
    expect(pl.totalResults).toBe(12);
    for (const month of pl.results) {
      expect(month).toMatchObject({ currency: 'GBP', connectionId: xero.id });
      expect(month.revenue).toBeGreaterThan(0);
      expect(month.netProfit).toBeLessThan(month.revenue);
    }
    const again = (await t.api.get(`/companies/${companyId}/data/profitAndLoss?product=lending`).expect(200))
      .body;
    expect(again.results).toEqual(pl.results);
    const balances = (
      await t.api.get(`/companies/${companyId}/data/banking-accountBalances?product=lending`).expect(200)
    ).body;
    expect(balances.results.length).toBeGreaterThan(0);
    expect(balances.results[0].balance).toHaveProperty('available');
    const invoices = (
      await t.api
        .get(
          `/companies/${companyId}/data/invoices?product=lending&pageSize=10&query=${encodeURIComponent('status=Paid')}`,
        )
        .expect(200)
    ).body;
    expect(invoices.results.every((i: { status: string }) => i.status === 'Paid')).toBe(true);
    expect(invoices._links.current.href).toMatch(
      /^\/companies\/.+\/data\/invoices\?product=lending&page=1&pageSize=10/,
    );
  });
});
