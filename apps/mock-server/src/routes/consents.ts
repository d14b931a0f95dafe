import { Router, type Request } from 'express';
import { AmendConsentRequest, GrantConsentRequest, WithdrawConsentRequest } from '@consent-kit/contract';
import type { Domain } from '../domain.js';
import { PRODUCTS } from '../seed/products.js';
import { toConsent } from '../serialize.js';
import { pageRequest, param, parseBody, requireUuid, toPage } from '../validate.js';
import { companyIdOf } from './companies.js';

/** The consent ledger (consent-kit extension): products and per-company consent records with append-only events. */
export function consentsRouter(domain: Domain): Router {
  const router = Router();
  const consentOf = (req: Request) =>
    domain.consent(companyIdOf(req), requireUuid(param(req, 'consentId'), 'consent'));

  router.get('/products', (req, res) => {
    res.json(toPage(PRODUCTS, pageRequest(req), '/products'));
  });

  router.get('/products/:productIdentifier', (req, res) => {
    res.json(domain.product(param(req, 'productIdentifier')));
  });

  router.get('/companies/:companyId/consents', (req, res) => {
    const id = companyIdOf(req);
    domain.company(id);
    const request = pageRequest(req);
    const records = [...domain.store.consents.values()]
      .filter((row) => row.subject.companyId === id)
      .map(toConsent);
    res.json(toPage(records, request, `/companies/${id}/consents`));
  });

  /** Grant: 201 with the record; 409 when the product already has an Active consent. */
  router.post('/companies/:companyId/consents', (req, res) => {
    const id = companyIdOf(req);
    domain.company(id);
    const body = parseBody(GrantConsentRequest, req.body);
    res.status(201).json(toConsent(domain.grantConsent(id, body)));
  });

  router.get('/companies/:companyId/consents/:consentId', (req, res) => {
    res.json(toConsent(consentOf(req)));
  });

  router.post('/companies/:companyId/consents/:consentId/amendments', (req, res) => {
    const row = consentOf(req);
    const body = parseBody(AmendConsentRequest, req.body);
    res.status(200).json(toConsent(domain.amendConsent(row.subject.companyId, row.id, body)));
  });

  router.post('/companies/:companyId/consents/:consentId/withdrawal', (req, res) => {
    const row = consentOf(req);
    const body = req.body === undefined ? {} : parseBody(WithdrawConsentRequest, req.body);
    res.status(200).json(toConsent(domain.withdrawConsent(row.subject.companyId, row.id, body.reason)));
  });

  return router;
}
