import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Company, paged } from '@consent-kit/contract';
import { createCompany, expectError, linkConnection, mock, type TestMock } from './helpers.js';
import { validateAgainstSpec } from './spec.js';

let t: TestMock;
beforeEach(() => {
  t = mock();
});
afterEach(() => t.close());

describe('companies', () => {
  it('creates a company with a hosted Link redirect, matching the contract and Codat spec', async () => {
    const res = await t.api
      .post('/companies', { name: 'Bank of Dave', description: 'early access', tags: { region: 'uk' } })
      .expect(200);
    const company = z.parse(Company, res.body);
    expect(company.redirect).toBe(`http://mock.test/link/${company.id}`);
    expect(company).toMatchObject({
      name: 'Bank of Dave',
      description: 'early access',
      tags: { region: 'uk' },
      products: [],
      dataConnections: [],
    });
    expect(validateAgainstSpec('Company', res.body)).toEqual([]);
  });

  it('rejects an invalid body with 400 and validation.errors', async () => {
    const res = await t.api.post('/companies', { name: '', tags: { ['x'.repeat(30)]: 'v' }, extra: 1 });
    const body = expectError(res, 400);
    const items = body.validation?.errors ?? [];
    expect(items.map((i) => i.itemId)).toEqual(expect.arrayContaining(['name']));
    expect(items.every((i) => typeof i.message === 'string' && i.validatorName)).toBe(true);
    expectError(await t.api.post('/companies', { name: 'Bad <script>' }), 400);
    expectError(await t.api.post('/companies'), 400);
  });

  it('gets, replaces, patches and deletes (DELETE removes its data)', async () => {
    const { id } = await createCompany(t, 'Original');
    await t.api.get(`/companies/${id}`).expect(200);
    const put = await t.api.put(`/companies/${id}`, { name: 'Replaced' }).expect(200);
    expect(put.body).toMatchObject({ name: 'Replaced', description: null, tags: {} });
    const patch = await t.api.patch(`/companies/${id}`, { description: 'now described' }).expect(200);
    expect(patch.body).toMatchObject({ name: 'Replaced', description: 'now described' });
    const connection = await linkConnection(t, id, 'gbol');
    expect(t.domain.store.pulls.size).toBeGreaterThan(0);
    await t.api.delete(`/companies/${id}`).expect(204);
    expectError(await t.api.get(`/companies/${id}`), 404);
    expect(t.domain.store.connections.has(connection.id)).toBe(false);
    expect([...t.domain.store.pulls.values()].some((p) => p.companyId === id)).toBe(false);
  });

  it('404s an unknown or malformed company id', async () => {
    const body = expectError(await t.api.get('/companies/8a210b68-6988-11ed-a1eb-0242ac120002'), 404);
    expect(body.error).toContain('8a210b68-6988-11ed-a1eb-0242ac120002');
    expectError(await t.api.get('/companies/not-a-uuid'), 404);
  });

  it('pages with relative _links, next/previous only when they exist', async () => {
    for (let i = 0; i < 5; i++) await createCompany(t, `Company ${i}`);
    const first = await t.api.get('/companies?pageSize=2').expect(200);
    z.parse(paged(Company), first.body);
    expect(first.body).toMatchObject({ pageNumber: 1, pageSize: 2, totalResults: 5 });
    expect(first.body._links).toEqual({
      self: { href: '/companies' },
      current: { href: '/companies?page=1&pageSize=2' },
      next: { href: '/companies?page=2&pageSize=2' },
    });
    const middle = await t.api.get(first.body._links.next.href).expect(200);
    expect(middle.body._links.previous).toEqual({ href: '/companies?page=1&pageSize=2' });
    expect(middle.body._links.next).toEqual({ href: '/companies?page=3&pageSize=2' });
    const last = await t.api.get('/companies?page=3&pageSize=2').expect(200);
    expect(last.body.results).toHaveLength(1);
    expect(last.body._links.next).toBeUndefined();
    const names = [...first.body.results, ...middle.body.results, ...last.body.results].map(
      (c: { name: string }) => c.name,
    );
    expect(names).toEqual(['Company 0', 'Company 1', 'Company 2', 'Company 3', 'Company 4']);
    const defaults = await t.api.get('/companies').expect(200);
    expect(defaults.body).toMatchObject({ pageNumber: 1, pageSize: 100 });
    expect(defaults.body._links.previous).toBeUndefined();
  });

  it('validates paging parameters', async () => {
    for (const q of ['page=0', 'pageSize=5001', 'pageSize=abc', 'orderBy=na$me']) {
      const body = expectError(await t.api.get(`/companies?${q}`), 400);
      expect(body.validation?.errors?.length).toBeGreaterThan(0);
    }
    await t.api.get('/companies?pageSize=5000').expect(200);
  });

  it('filters with the query language (totalResults after the filter) and orders', async () => {
    await createCompany(t, 'Alpha Bakery', { tags: { region: 'uk' } });
    const beta = await createCompany(t, 'Beta Brewery', { tags: { region: 'us' } });
    await createCompany(t, 'Gamma Bakery', { tags: { region: 'us' } });
    await linkConnection(t, beta.id, 'gbol');
    const q = (query: string, extra = '') =>
      t.api.get(`/companies?query=${encodeURIComponent(query)}${extra}`).expect(200);
    expect((await q('name~bakery')).body.totalResults).toBe(2);
    expect(
      (await q('name~bakery&&tags.region=us')).body.results.map((c: { name: string }) => c.name),
    ).toEqual(['Gamma Bakery']);
    expect((await q('{name=Alpha Bakery||name=Beta Brewery}&&tags.region!=uk')).body.totalResults).toBe(1);
    expect((await q('dataConnections.status=Linked')).body.results[0].id).toBe(beta.id);
    const ordered = await q('name~a', '&orderBy=-name&pageSize=2');
    expect(ordered.body.results.map((c: { name: string }) => c.name)).toEqual([
      'Gamma Bakery',
      'Beta Brewery',
    ]);
    expect(ordered.body.totalResults).toBe(3);
    expect(ordered.body._links.next.href).toBe('/companies?page=2&pageSize=2&query=name%7Ea&orderBy=-name');
    expect((await t.api.get('/companies?tags=region%3Duk').expect(200)).body.totalResults).toBe(1);
  });

  it('answers a malformed query with 400 and the parser message', async () => {
    for (const query of ['name', 'name=', '{name=a', 'name=a&&', 'na me=a', 'x'.repeat(2049)]) {
      const body = expectError(await t.api.get(`/companies?query=${encodeURIComponent(query)}`), 400);
      expect(body.error.length).toBeGreaterThan(10);
    }
    const body = expectError(await t.api.get(`/companies?query=${encodeURIComponent('{name=a')}`), 400);
    expect(body.error).toMatch(/Missing "}"/);
  });

  it('adds and removes products, and refreshes product data', async () => {
    const { id } = await createCompany(t);
    await t.api.put(`/companies/${id}/products/lending`).expect(204);
    expect((await t.api.get(`/companies/${id}`)).body.products).toEqual(['lending']);
    expectError(await t.api.put(`/companies/${id}/products/nope`), 404);
    await linkConnection(t, id, 'gbol');
    const before = t.domain.store.pulls.size;
    await t.api.post(`/companies/${id}/products/lending/refresh`).expect(202);
    expect(t.domain.store.pulls.size - before).toBe(8); // lending's accounting data types
    await t.api.delete(`/companies/${id}/products/lending`).expect(204);
    expectError(await t.api.delete(`/companies/${id}/products/lending`), 404);
    expectError(await t.api.post(`/companies/${id}/products/lending/refresh`), 404);
  });
});

describe('query nesting', () => {
  it('refuses { } groups nested deeper than 16', async () => {
    const t2 = mock();
    try {
      const ok = `${'{'.repeat(16)}name=x${'}'.repeat(16)}`;
      await t2.api.get(`/companies?query=${encodeURIComponent(ok)}`).expect(200);
      const deep = `${'{'.repeat(17)}name=x${'}'.repeat(17)}`;
      expect(
        expectError(await t2.api.get(`/companies?query=${encodeURIComponent(deep)}`), 400).error,
      ).toMatch(/17 deep/);
      // braces inside a quoted value do not count
      await t2.api.get(`/companies?query=${encodeURIComponent(`name="${'{'.repeat(40)}"`)}`).expect(200);
    } finally {
      t2.close();
    }
  });
});
