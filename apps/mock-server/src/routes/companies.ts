import { Router, type Request } from 'express';
import { CreateCompanyRequest, PatchCompanyRequest, UpdateCompanyRequest } from '@consent-kit/contract';
import * as z from 'zod/mini';
import type { Domain } from '../domain.js';
import { ApiError } from '../errors.js';
import { auth } from '../middleware.js';
import { toCompany } from '../serialize.js';
import { pageRequest, param, parseBody, parseQueryParams, requireUuid, toPage } from '../validate.js';

const RefreshProductBody = z.strictObject({ dataTypes: z.optional(z.array(z.string())) });
const TagsFilter = z.object({
  tags: z.optional(z.string().check(z.regex(/^[^=]{1,27}=.{0,100}$/, 'must be key=value'))),
});

export const companyIdOf = (req: Request): string => requireUuid(param(req, 'companyId'), 'company');

export function companiesRouter(domain: Domain): Router {
  const router = Router();

  router.get('/companies', (req, res) => {
    if (auth(res).kind !== 'apiKey') throw new ApiError(403);
    const request = pageRequest(req);
    const { tags } = parseQueryParams(TagsFilter, { tags: req.query.tags });
    let rows = [...domain.store.companies.values()];
    if (tags) {
      const [key, value] = [tags.slice(0, tags.indexOf('=')), tags.slice(tags.indexOf('=') + 1)];
      rows = rows.filter((row) => row.tags[key] === value);
    }
    const companies = rows.map((row) => toCompany(domain.store, row, domain.publicUrl));
    res.json(toPage(companies, request, '/companies'));
  });

  router.post('/companies', (req, res) => {
    const body = parseBody(CreateCompanyRequest, req.body);
    const row = domain.createCompany(body);
    res.status(200).json(toCompany(domain.store, row, domain.publicUrl));
  });

  router.get('/companies/:companyId', (req, res) => {
    res.json(toCompany(domain.store, domain.company(companyIdOf(req)), domain.publicUrl));
  });

  router.put('/companies/:companyId', (req, res) => {
    const row = domain.company(companyIdOf(req));
    const body = parseBody(UpdateCompanyRequest, req.body);
    row.name = body.name;
    row.description = body.description ?? null;
    row.tags = body.tags ?? {};
    res.json(toCompany(domain.store, row, domain.publicUrl));
  });

  router.patch('/companies/:companyId', (req, res) => {
    const row = domain.company(companyIdOf(req));
    const body = parseBody(PatchCompanyRequest, req.body);
    if (body.name !== undefined) row.name = body.name;
    if (body.description !== undefined) row.description = body.description;
    if (body.tags !== undefined) row.tags = body.tags;
    res.json(toCompany(domain.store, row, domain.publicUrl));
  });

  router.delete('/companies/:companyId', (req, res) => {
    domain.deleteCompany(companyIdOf(req));
    res.status(204).end();
  });

  router.put('/companies/:companyId/products/:productIdentifier', (req, res) => {
    domain.addProduct(companyIdOf(req), param(req, 'productIdentifier'));
    res.status(204).end();
  });

  router.delete('/companies/:companyId/products/:productIdentifier', (req, res) => {
    domain.removeProduct(companyIdOf(req), param(req, 'productIdentifier'));
    res.status(204).end();
  });

  router.post('/companies/:companyId/products/:productIdentifier/refresh', (req, res) => {
    const id = companyIdOf(req);
    const company = domain.company(id);
    const product = domain.product(param(req, 'productIdentifier'));
    if (!company.products.includes(product.identifier)) {
      throw new ApiError(404, `Product ${product.identifier} is not enabled for company ${id}`);
    }
    const body = req.body === undefined ? {} : parseBody(RefreshProductBody, req.body);
    for (const connection of domain.store.connections.values()) {
      if (connection.companyId !== id || connection.status !== 'Linked') continue;
      const wanted = product.dataTypes[domain.sourceTypeOf(connection)] ?? [];
      const dataTypes = body.dataTypes ? wanted.filter((dt) => body.dataTypes!.includes(dt)) : wanted;
      if (dataTypes.length) domain.syncConnection(connection, dataTypes);
    }
    res.status(202).end();
  });

  router.get('/companies/:companyId/accessToken', (req, res) => {
    res.json(domain.issueToken(companyIdOf(req)));
  });

  router.get('/companies/:companyId/connectionManagement/accessToken', (req, res) => {
    res.json({ accessToken: domain.issueToken(companyIdOf(req)).accessToken });
  });

  return router;
}
