import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Branding, Integration, JOURNEY_SOURCE_TYPES, paged } from '@consent-kit/contract';
import { expectError, mock, type TestMock } from './helpers.js';
import { validateAgainstSpec } from './spec.js';

let t: TestMock;
beforeEach(() => {
  t = mock();
});
afterEach(() => t.close());

describe('integrations', () => {
  it('lists at least 30 integrations across Accounting, Banking and Commerce, incl. sandboxes', async () => {
    const res = await t.api.get('/integrations').expect(200);
    const page = z.parse(paged(Integration), res.body);
    expect(validateAgainstSpec('Integrations', res.body)).toEqual([]);
    expect(page.totalResults).toBeGreaterThanOrEqual(30);
    for (const sourceType of JOURNEY_SOURCE_TYPES) {
      expect(page.results.filter((i) => i.sourceType === sourceType).length).toBeGreaterThanOrEqual(5);
    }
    expect(page.results.filter((i) => /sandbox|failing/i.test(i.name)).length).toBeGreaterThanOrEqual(3);
    expect(new Set(page.results.map((i) => i.key)).size).toBe(page.results.length);
    expect(page.results.every((i) => /^[a-z]{4}$/.test(i.key))).toBe(true);
  });

  it('filters like Codat: ?query=sourceType=Accounting&&enabled=true (case-insensitive values)', async () => {
    const all = (await t.api.get('/integrations?pageSize=5000').expect(200)).body.results as Integration[];
    const res = await t.api
      .get(`/integrations?query=${encodeURIComponent('sourceType=accounting&&enabled=true')}`)
      .expect(200);
    const expected = all.filter((i) => i.sourceType === 'Accounting' && i.enabled);
    expect(res.body.totalResults).toBe(expected.length);
    expect(res.body.results.map((i: Integration) => i.key)).toEqual(expected.map((i) => i.key));
    expect(all.some((i) => i.sourceType === 'Accounting' && !i.enabled)).toBe(true);
    const byName = await t.api
      .get(`/integrations?query=${encodeURIComponent('name~bank&&sourceType=Banking')}&orderBy=name`)
      .expect(200);
    const names = byName.body.results.map((i: Integration) => i.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    expect(names.length).toBeGreaterThan(2);
  });

  it('gets one integration and its branding, 404 for unknown keys', async () => {
    const one = await t.api.get('/integrations/gbol').expect(200);
    expect(z.parse(Integration, one.body)).toMatchObject({
      key: 'gbol',
      name: 'Xero',
      sourceType: 'Accounting',
    });
    expect(validateAgainstSpec('Integration', one.body)).toEqual([]);
    const branding = await t.api.get('/integrations/gbol/branding').expect(200);
    const parsed = z.parse(Branding, branding.body);
    expect(validateAgainstSpec('Branding', branding.body)).toEqual([]);
    expect(parsed.sourceId).toBe(one.body.sourceId);
    expect(parsed.logo.square.image.src).toBe('http://mock.test/assets/logos/gbol.svg');
    expectError(await t.api.get('/integrations/zzzz'), 404);
    expectError(await t.api.get('/integrations/zzzz/branding'), 404);
  });

  it('serves an original SVG logo for every integration and branding image, without auth', async () => {
    const all = (await t.api.get('/integrations?pageSize=5000').expect(200)).body.results as Integration[];
    for (const integration of all) {
      const branding = (await t.api.get(`/integrations/${integration.key}/branding`).expect(200))
        .body as Branding;
      const urls = [
        integration.logoUrl,
        branding.logo.full.image.src,
        branding.logo.square.image.src,
        branding.button.default.image.src,
        branding.button.hover.image.src,
      ];
      for (const url of urls) {
        const path = new URL(url).pathname;
        const res = await t.raw
          .get(path)
          .buffer(true)
          .parse((r, cb) => {
            let data = '';
            r.on('data', (c: Buffer) => (data += c.toString()));
            r.on('end', () => cb(null, data));
          });
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
        const svg = res.body as string;
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        expect(svg).not.toMatch(/<script|href=|xlink|on\w+=/i);
        expect(svg).toContain(integration.name.replace(/&/g, '&#38;'));
      }
    }
    expectError(await t.raw.get('/assets/logos/zzzz.svg'), 404);
  });

  it('caches list responses but still honours paging and queries', async () => {
    const a = await t.api.get('/integrations?pageSize=3').expect(200);
    const b = await t.api.get('/integrations?pageSize=3').expect(200);
    expect(b.body).toEqual(a.body);
    expect(a.body.results).toHaveLength(3);
    const second = await t.api.get('/integrations?pageSize=3&page=2').expect(200);
    expect(second.body.results[0].key).not.toBe(a.body.results[0].key);
    expectError(await t.api.get('/integrations?query=%7Bbad'), 400);
  });
});
