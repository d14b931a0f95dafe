import { Router, type Request } from 'express';
import { CreateConnectionRequest, UpdateConnectionStatusRequest } from '@consent-kit/contract';
import * as z from 'zod/mini';
import type { Domain } from '../domain.js';
import { connectionsOf, toConnection } from '../serialize.js';
import { pageRequest, param, parseBody, requireUuid, toPage } from '../validate.js';
import { companyIdOf } from './companies.js';

/** `PUT .../authorization`: provider credentials as string values (Codat's spec), at least one. */
const AuthorizationBody = z
  .record(z.string().check(z.minLength(1), z.maxLength(100)), z.string().check(z.maxLength(4000)))
  .check(
    z.refine((body) => Object.keys(body).length > 0, { message: 'must contain at least one credential' }),
  );

export function connectionsRouter(domain: Domain): Router {
  const router = Router();
  const connectionOf = (req: Request) =>
    domain.connection(companyIdOf(req), requireUuid(param(req, 'connectionId'), 'data connection'));

  router.get('/companies/:companyId/connections', (req, res) => {
    const id = companyIdOf(req);
    domain.company(id);
    const request = pageRequest(req);
    const connections = connectionsOf(domain.store, id).map((row) => toConnection(row, domain.publicUrl));
    res.json(toPage(connections, request, `/companies/${id}/connections`));
  });

  router.post('/companies/:companyId/connections', (req, res) => {
    const id = companyIdOf(req);
    domain.company(id);
    const body = parseBody(CreateConnectionRequest, req.body);
    res.json(toConnection(domain.createConnection(id, body.platformKey), domain.publicUrl));
  });

  router.get('/companies/:companyId/connections/:connectionId', (req, res) => {
    res.json(toConnection(connectionOf(req), domain.publicUrl));
  });

  router.patch('/companies/:companyId/connections/:connectionId', (req, res) => {
    const connection = connectionOf(req);
    parseBody(UpdateConnectionStatusRequest, req.body);
    domain.unlink(connection);
    res.json(toConnection(connection, domain.publicUrl));
  });

  router.delete('/companies/:companyId/connections/:connectionId', (req, res) => {
    domain.deleteConnection(connectionOf(req));
    res.status(200).end();
  });

  router.put('/companies/:companyId/connections/:connectionId/authorization', (req, res) => {
    const connection = connectionOf(req);
    const body = parseBody(AuthorizationBody, req.body);
    connection.authorizationKeys = Object.keys(body);
    domain.authorise(connection);
    res.json(toConnection(connection, domain.publicUrl));
  });

  return router;
}
