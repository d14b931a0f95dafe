import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mock, type TestMock } from './helpers.js';
import { OPERATIONS } from '../src/openapi.js';

let t: TestMock;
beforeEach(() => {
  t = mock();
});
afterEach(() => t.close());

describe('OpenAPI document', () => {
  it('serves an OpenAPI 3.1 document generated from the contract, without auth', async () => {
    const res = await t.raw.get('/openapi.json').expect(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/companies',
        '/companies/{companyId}/connections',
        '/integrations/{platformKey}/branding',
        '/companies/{companyId}/consents',
      ]),
    );
    const company = doc.components.schemas.Company;
    expect(company.type).toBe('object');
    expect(company.required).toEqual(expect.arrayContaining(['id', 'name', 'redirect']));
    expect(doc.components.schemas.Connection.properties.status.enum).toEqual([
      'PendingAuth',
      'Linked',
      'Unlinked',
      'Deauthorized',
    ]);
    expect(doc.paths['/companies'].get.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/PagedCompany',
    );
    expect(doc.paths['/companies'].post.responses['400'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ErrorBody',
    );
    // every $ref resolves
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const ref of refs)
      expect(doc.components.schemas).toHaveProperty(ref.split('/').pop()!.replace('"', ''));
  });

  it('documents every route the server answers', async () => {
    const { id } = (await t.api.post('/companies', { name: 'Doc' }).expect(200)).body;
    for (const op of OPERATIONS.filter((o) => o.method === 'get' && !o.path.includes('{'))) {
      const res = op.path.startsWith('/_mock') ? await t.raw.get(op.path) : await t.api.get(op.path);
      expect(res.status, op.path).toBe(op.status);
    }
    for (const path of [
      '/companies/{companyId}',
      '/companies/{companyId}/connections',
      '/companies/{companyId}/dataStatus',
      '/companies/{companyId}/consents',
    ]) {
      expect((await t.api.get(path.replace('{companyId}', id))).status).toBe(200);
    }
  });

  it('serves a browsable, script-free reference page', async () => {
    const res = await t.raw.get('/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('consent-kit mock API reference');
    expect(res.text).toContain('/companies/{companyId}/consents');
    expect(res.text).not.toMatch(/<script|https?:\/\/cdn/i);
    await t.raw
      .get('/docs/reference.css')
      .expect(200)
      .expect('Content-Type', /text\/css/);
  });

  it('answers the browser favicon request without an auth error', async () => {
    const res = await t.raw.get('/favicon.ico');
    expect(res.status).toBe(204);
  });
});
