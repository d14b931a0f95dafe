import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '@consent-kit/contract';
import { createApp } from '../server/app.js';
import { fileStore, memoryStore, type Store } from '../server/store.js';
import { registerWebhookConsumer, startWebhookRegistration } from '../server/webhook-registration.js';
import {
  ACTIVITY_EVENT_TYPES,
  ACTIVITY_MAX,
  SEEN_WEBHOOK_IDS_MAX,
  WEBHOOK_PATH,
} from '../server/webhooks.js';
import { FakeGateway } from './fake-gateway.js';

const PUBLIC_URL = 'http://copay.test:4020';

const APPLICANT = {
  businessName: 'Harbour Coffee Roasters',
  registrationNumber: '12345678',
  industry: 'Hospitality',
  loanAmount: '25,000',
  termMonths: '24',
  purpose: 'Equipment',
  contactName: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '',
  acceptTerms: true,
};

let gateway: FakeGateway;
let store: Store;
let secret: string;
let companyId: string;
let xero: Connection;

/** An applicant with Xero recorded on their application, and Copay registered for webhooks. */
beforeEach(async () => {
  gateway = new FakeGateway();
  store = memoryStore();
  const agent = request.agent(createApp({ gateway, store }));
  const res = await agent.post('/api/applicants').send(APPLICANT).expect(201);
  companyId = (res.body as { applicant: { companyId: string } }).applicant.companyId;
  xero = gateway.addConnection(companyId, 'Accounting', 'Xero');
  await agent.post('/api/application/connections').send({ connectionId: xero.id }).expect(200);
  await registerWebhookConsumer(gateway, store, PUBLIC_URL);
  secret = (await store.read()).webhook!.secret;
});

function connectionEvent(
  eventType: 'connection.disconnected' | 'connection.reconnected' | 'connection.deleted',
  status: Connection['status'],
  generatedDate = new Date().toISOString(),
) {
  return {
    id: randomUUID(),
    eventType,
    generatedDate,
    payload: {
      referenceCompany: { id: companyId, name: 'CPY-000001-ABCD' },
      connection: { ...xero, status },
    },
  };
}

function readCompleted(generatedDate = new Date().toISOString()) {
  return {
    id: randomUUID(),
    eventType: 'read.completed',
    generatedDate,
    payload: {
      referenceCompany: { id: companyId, name: 'CPY-000001-ABCD' },
      dataTypes: [{ connectionId: xero.id, dataType: 'invoices', recordsModified: true, status: 'Complete' }],
    },
  };
}

/** Signs a delivery as the API does (Standard Webhooks), optionally at another time or with another secret. */
function signed(
  event: unknown,
  options: { id?: string; at?: Date; secret?: string } = {},
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(event);
  const id = options.id ?? `msg_${randomUUID()}`;
  const at = options.at ?? new Date();
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(options.secret ?? secret).sign(id, at, body),
    },
  };
}

function deliver(delivery: { body: string; headers: Record<string, string> }, s: Store = store) {
  return request(createApp({ gateway, store: s }))
    .post(WEBHOOK_PATH)
    .set(delivery.headers)
    .send(delivery.body);
}

async function application(s: Store = store) {
  return (await s.read()).applications[0]!;
}

function expectCodatError(body: unknown, statusCode: number): void {
  expect(body).toMatchObject({ statusCode, service: 'Copay', error: expect.any(String) });
  expect((body as { correlationId: unknown }).correlationId).toEqual(expect.any(String));
  expect(JSON.stringify(body)).not.toMatch(/at \S+\.(ts|js):\d+|WebhookVerificationError|Error:/);
}

describe('POST /webhooks/codat', () => {
  it('applies a valid delivery: the connection status changes and the activity records it', async () => {
    const event = connectionEvent('connection.disconnected', 'Unlinked', '2026-11-23T16:02:00.000Z');
    const res = await deliver(signed(event)).expect(200);
    expect(res.body).toEqual({ received: true, outcome: 'applied' });
    const app = await application();
    expect(app.connections.find((c) => c.id === xero.id)?.status).toBe('Unlinked');
    expect(app.activity).toEqual([
      {
        id: event.id,
        type: 'connection.disconnected',
        at: '2026-11-23T16:02:00.000Z',
        platformName: 'Xero',
        connectionId: xero.id,
      },
    ]);
  });

  it('keeps the later status when a retried delivery of an earlier event arrives last', async () => {
    await deliver(
      signed(connectionEvent('connection.reconnected', 'Linked', '2026-11-23T16:05:00.000Z')),
    ).expect(200);
    await deliver(
      signed(connectionEvent('connection.disconnected', 'Unlinked', '2026-11-23T16:02:00.000Z')),
    ).expect(200);
    const app = await application();
    expect(app.connections.find((c) => c.id === xero.id)?.status).toBe('Linked');
    expect(app.activity.map((a) => a.type)).toEqual(['connection.reconnected', 'connection.disconnected']);
  });

  it('notes a read.completed as the data refreshed, with the connection platform', async () => {
    const event = readCompleted('2026-11-23T16:05:00.000Z');
    await deliver(signed(event)).expect(200);
    const app = await application();
    expect(app.dataRefreshedAt).toBe('2026-11-23T16:05:00.000Z');
    expect(app.activity[0]).toMatchObject({ type: 'read.completed', platformName: 'Xero' });
  });

  it('keeps the activity newest first and bounded', async () => {
    const base = Date.parse('2026-11-23T10:00:00.000Z');
    for (const minutes of [2, 0, 1])
      await deliver(signed(readCompleted(new Date(base + minutes * 60_000).toISOString()))).expect(200);
    expect((await application()).activity.map((a) => a.at)).toEqual([
      '2026-11-23T10:02:00.000Z',
      '2026-11-23T10:01:00.000Z',
      '2026-11-23T10:00:00.000Z',
    ]);
    const many = Array.from({ length: ACTIVITY_MAX + 5 }, (_, i) =>
      new Date(base + (i + 10) * 60_000).toISOString(),
    );
    for (const at of many) await deliver(signed(readCompleted(at))).expect(200);
    const activity = (await application()).activity;
    expect(activity).toHaveLength(ACTIVITY_MAX);
    expect(activity[0]!.at).toBe(many.at(-1));
  });

  it('refuses a tampered body with 401 and changes nothing', async () => {
    const delivery = signed(connectionEvent('connection.disconnected', 'Unlinked'));
    const before = await store.read();
    const res = await deliver({
      ...delivery,
      body: delivery.body.replace('Unlinked', 'Deauthorized'),
    }).expect(401);
    expectCodatError(res.body, 401);
    expect(await store.read()).toEqual(before);
  });

  it('refuses a delivery signed with another secret with 401', async () => {
    const other = `whsec_${Buffer.from('another consumer secret!').toString('base64')}`;
    const res = await deliver(
      signed(connectionEvent('connection.disconnected', 'Unlinked'), { secret: other }),
    );
    expect(res.status).toBe(401);
    expect((await application()).activity).toEqual([]);
  });

  it('refuses an old timestamp with 400', async () => {
    const at = new Date(Date.now() - 10 * 60_000);
    const res = await deliver(signed(connectionEvent('connection.disconnected', 'Unlinked'), { at })).expect(
      400,
    );
    expectCodatError(res.body, 400);
    expect((await application()).activity).toEqual([]);
  });

  it('refuses missing headers with 400', async () => {
    const delivery = signed(connectionEvent('connection.disconnected', 'Unlinked'));
    const none = await request(createApp({ gateway, store }))
      .post(WEBHOOK_PATH)
      .set('content-type', 'application/json')
      .send(delivery.body)
      .expect(400);
    expectCodatError(none.body, 400);
    const { 'webhook-signature': _dropped, ...withoutSignature } = delivery.headers;
    const res = await deliver({ ...delivery, headers: withoutSignature }).expect(400);
    expect(res.body.error).toContain('webhook-signature');
    const empty = await request(createApp({ gateway, store })).post(WEBHOOK_PATH).expect(400);
    expectCodatError(empty.body, 400);
    expect((await store.read()).webhookIds).toEqual([]);
  });

  it('applies the same webhook-id once: a redelivery (re-signed later, as a retry is) answers 2xx', async () => {
    const event = connectionEvent('connection.disconnected', 'Unlinked');
    const id = `msg_${event.id}`;
    await deliver(signed(event, { id })).expect(200);
    const again = await deliver(signed(event, { id, at: new Date(Date.now() + 30_000) })).expect(200);
    expect(again.body).toEqual({ received: true, outcome: 'duplicate' });
    // Concurrent redeliveries too.
    const racing = await Promise.all([1, 2, 3].map(() => deliver(signed(event, { id }))));
    expect(racing.map((r) => r.status)).toEqual([200, 200, 200]);
    const app = await application();
    expect(app.activity).toHaveLength(1);
    expect((await store.read()).webhookIds).toEqual([id]);
  });

  it('remembers a bounded number of webhook-ids', async () => {
    const ids = Array.from({ length: SEEN_WEBHOOK_IDS_MAX }, (_, i) => `msg_old_${i}`);
    const seeded = memoryStore({ ...(await store.read()), webhookIds: ids });
    await deliver(signed(readCompleted(), { id: 'msg_newest' }), seeded).expect(200);
    const { webhookIds } = await seeded.read();
    expect(webhookIds).toHaveLength(SEEN_WEBHOOK_IDS_MAX);
    expect(webhookIds[0]).toBe('msg_old_1');
    expect(webhookIds.at(-1)).toBe('msg_newest');
  });

  it('acknowledges events about companies that are not Copay applicants without changing anything', async () => {
    const event = { ...connectionEvent('connection.disconnected', 'Unlinked') };
    event.payload = { ...event.payload, referenceCompany: { id: randomUUID(), name: 'someone else' } };
    const res = await deliver(signed(event)).expect(200);
    expect(res.body.outcome).toBe('ignored');
    expect((await application()).activity).toEqual([]);
  });

  it('forgets a deleted connection and records it', async () => {
    await deliver(signed(connectionEvent('connection.deleted', 'Unlinked'))).expect(200);
    const app = await application();
    expect(app.connections).toEqual([]);
    expect(app.activity[0]).toMatchObject({ type: 'connection.deleted', platformName: 'Xero' });
  });

  it('answers 503 (Codat-style) while Copay has no webhook secret', async () => {
    const unregistered = memoryStore();
    const res = await deliver(signed(readCompleted()), unregistered).expect(503);
    expectCodatError(res.body, 503);
  });
});

describe('webhook consumer registration', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'copay-webhooks-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('registers for connection.* and read.completed at the public URL and keeps the secret', async () => {
    expect([...gateway.webhooks.values()]).toEqual([
      { id: expect.any(String), url: `${PUBLIC_URL}/webhooks/codat`, eventTypes: [...ACTIVITY_EVENT_TYPES] },
    ]);
    expect(ACTIVITY_EVENT_TYPES).toEqual([
      'connection.created',
      'connection.connected',
      'connection.disconnected',
      'connection.reconnected',
      'connection.failed',
      'connection.deleted',
      'read.completed',
    ]);
    expect(secret).toMatch(/^whsec_/);
  });

  it('reuses the consumer and its secret across a restart; replaces it when the API lost it', async () => {
    const fresh = new FakeGateway();
    const file = join(dir, 'copay.json');
    const first = await registerWebhookConsumer(fresh, fileStore(file), PUBLIC_URL);
    expect(first.reused).toBe(false);
    const saved = (await fileStore(file).read()).webhook!;

    // Restart: a new store over the same file.
    const second = await registerWebhookConsumer(fresh, fileStore(file), `${PUBLIC_URL}/`);
    expect(second).toEqual({
      consumerId: first.consumerId,
      url: `${PUBLIC_URL}/webhooks/codat`,
      reused: true,
    });
    expect((await fileStore(file).read()).webhook).toEqual(saved);
    expect(fresh.webhooks.size).toBe(1);

    // The API forgot the consumer (e.g. a restarted in-memory mock), and a stale one with the same URL exists.
    fresh.webhooks.clear();
    const stale = await fresh.createWebhook({
      url: `${PUBLIC_URL}/webhooks/codat`,
      eventTypes: ['read.completed'],
    });
    const other = await fresh.createWebhook({
      url: 'http://insights.test/hooks',
      eventTypes: ['read.completed'],
    });
    const third = await registerWebhookConsumer(fresh, fileStore(file), PUBLIC_URL);
    expect(third.reused).toBe(false);
    expect([...fresh.webhooks.keys()].sort()).toEqual([third.consumerId, other.id].sort());
    expect(fresh.webhooks.has(stale.id)).toBe(false);
    const replaced = (await fileStore(file).read()).webhook!;
    expect(replaced.consumerId).toBe(third.consumerId);
    expect(replaced.secret).not.toBe(saved.secret);
  });

  it('keeps retrying in the background while the API is unreachable, logging a clear line', async () => {
    const down = new FakeGateway();
    down.unreachable = true;
    const lines: string[] = [];
    const registration = startWebhookRegistration({
      gateway: down,
      store: memoryStore(),
      publicUrl: PUBLIC_URL,
      retryDelayMs: 5,
      log: (line) => lines.push(line),
    });
    await expect.poll(() => lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(
      /^copay: could not register the webhook consumer with http:\/\/api\.test:4999 \(fetch failed\); retrying in \d+ s$/,
    );
    down.unreachable = false;
    await registration.done;
    expect(lines.at(-1)).toMatch(/^copay: receiving webhooks at http:\/\/copay\.test:4020\/webhooks\/codat/);
    expect(down.webhooks.size).toBe(1);
    registration.stop();
  });
});

describe('store compatibility', () => {
  it('loads a file written before webhooks with the new fields defaulted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'copay-compat-'));
    try {
      const file = join(dir, 'copay.json');
      const old = await store.read();
      const { webhook: _w, webhookIds: _ids, ...rest } = old;
      const applications = rest.applications.map(
        ({ activity: _a, dataRefreshedAt: _d, ...application }) => application,
      );
      await writeFile(file, JSON.stringify({ ...rest, applications }));
      const loaded = await fileStore(file).read();
      expect(loaded.webhook).toBeNull();
      expect(loaded.webhookIds).toEqual([]);
      expect(loaded.applications[0]).toMatchObject({ activity: [], dataRefreshedAt: null });
      expect(loaded.applicants).toEqual(old.applicants);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
