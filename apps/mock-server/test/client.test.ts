/**
 * The typed client (@consent-kit/client) against the running mock: every response it receives is validated with the
 * contract's schemas by the client itself, so this is the end-to-end wire check between the two packages.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ConsentKitClient } from '@consent-kit/client';
import { verifyWebhook } from '@consent-kit/client/webhooks';
import { DEMO_DEFAULTS, startMockServer, type RunningMockServer } from '../src/index.js';

let server: RunningMockServer;
let client: ConsentKitClient;

beforeAll(async () => {
  server = await startMockServer({ port: 0, syncStepMs: 0, enableTestEndpoints: true });
  client = new ConsentKitClient({
    baseUrl: server.url,
    auth: { apiKey: DEMO_DEFAULTS.apiKey },
    retry: { retries: 0 },
  });
});
afterAll(() => server?.close());

describe('@consent-kit/client against the mock', () => {
  it('runs the first-onboarding journey end to end', async () => {
    const company = await client.companies.create({ name: 'Client Bakery' });
    const accounting = await client.integrations.list({ query: 'sourceType=Accounting&&enabled=true' });
    expect(accounting.results.length).toBeGreaterThan(5);
    const branding = await client.integrations.branding('gbol');
    expect(branding.logo.square.image.src).toBe(`${server.url}/assets/logos/gbol.svg`);
    const connection = await client.connections.create(company.id, { platformKey: 'gbol' });
    expect(connection.status).toBe('PendingAuth');
    const linked = await client.connections.updateAuthorization(company.id, connection.id, { user: 'demo' });
    expect(linked.status).toBe('Linked');
    const status = await client.data.status(company.id);
    expect(Object.values(status).every((s) => s.currentStatus === 'Complete')).toBe(true);
    const history = await client.data.history(company.id, { pageSize: 5 });
    expect(history.totalResults).toBe(28);
    const all = [];
    for await (const pull of client.paginate((p) => client.data.history(company.id, p), { pageSize: 7 }))
      all.push(pull);
    expect(all).toHaveLength(28);
    const consent = await client.consents.grant(company.id, {
      productIdentifier: 'lending',
      connectionIds: [connection.id],
    });
    expect(consent.status).toBe('Active');
    const pl = await client.data.read(company.id, 'profitAndLoss', { product: 'lending' });
    expect(pl.results).toHaveLength(12);
    const withdrawn = await client.consents.withdraw(company.id, consent.id, { reason: 'done' });
    expect(withdrawn.events.map((e) => e.type)).toEqual(['given', 'withdrawn']);
    const refused = await client.data
      .read(company.id, 'profitAndLoss', { product: 'lending' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(403);
    expect((refused as ApiError).correlationId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('uses a company token from the browser side, scoped to its company', async () => {
    const a = await client.companies.create({ name: 'Token A' });
    const b = await client.companies.create({ name: 'Token B' });
    const { accessToken } = await client.companies.accessToken(a.id);
    const browser = new ConsentKitClient({
      baseUrl: server.url,
      auth: { accessToken },
      retry: { retries: 0 },
    });
    expect((await browser.companies.get(a.id)).name).toBe('Token A');
    expect((await browser.products.list()).results.map((p) => p.identifier)).toEqual(['lending', 'insights']);
    const error = await browser.companies.get(b.id).catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(403);
  });

  it('surfaces 409, 400 and faults as ApiError, and replays idempotent POSTs', async () => {
    const company = await client.companies.create({ name: 'Errors Ltd' }, { idempotencyKey: 'client-idem' });
    const again = await client.companies.create({ name: 'Errors Ltd' }, { idempotencyKey: 'client-idem' });
    expect(again.id).toBe(company.id);
    await client.connections.create(company.id, { platformKey: 'gbol' });
    const conflict = await client.connections
      .create(company.id, { platformKey: 'qhyg' })
      .catch((e: unknown) => e);
    expect((conflict as ApiError).status).toBe(409);
    const faulty = new ConsentKitClient({
      baseUrl: server.url,
      auth: { apiKey: DEMO_DEFAULTS.apiKey },
      retry: { retries: 0 },
      headers: { 'X-Mock-Fault': 'status=503;retryAfter=2' },
    });
    const unavailable = (await faulty.integrations.list().catch((e: unknown) => e)) as ApiError;
    expect(unavailable.status).toBe(503);
    expect(unavailable.retryAfterMs).toBe(2000);
    expect(unavailable.canBeRetried).toBe(true);
  });

  it('retries a 503 with Retry-After and then succeeds', async () => {
    let calls = 0;
    const flaky = new ConsentKitClient({
      baseUrl: server.url,
      auth: { apiKey: DEMO_DEFAULTS.apiKey },
      retry: { retries: 2, baseDelayMs: 1 },
      fetch: (input, init) => {
        calls++;
        const headers = new Headers(init?.headers);
        if (calls === 1) headers.set('X-Mock-Fault', 'status=503;retryAfter=0');
        return fetch(input, { ...init, headers });
      },
    });
    expect((await flaky.profile.get()).name).toBe('Copay');
    expect(calls).toBe(2);
  });

  it('delivers webhooks that the client verifier accepts', async () => {
    const received: { headers: Record<string, string>; body: string }[] = [];
    const receiver: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers as Record<string, string>, body });
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    try {
      const consumer = await client.webhooks.create({
        url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`,
        eventTypes: ['consent.given'],
      });
      const company = await client.companies.create({ name: 'Webhook Co' });
      await client.consents.grant(company.id, { productIdentifier: 'insights', connectionIds: [] });
      const started = Date.now();
      while (received.length === 0 && Date.now() - started < 3000)
        await new Promise((r) => setTimeout(r, 10));
      const event = verifyWebhook(consumer.secret!, received[0]!.body, received[0]!.headers);
      expect(event.eventType).toBe('consent.given');
      const deliveries = await client.webhooks.deliveries(consumer.id);
      expect(deliveries.results[0]?.status).toBe('Succeeded');
      await client.webhooks.delete(consumer.id);
    } finally {
      await new Promise((r) => receiver.close(r));
    }
  });
});
