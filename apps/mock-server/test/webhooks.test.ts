import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { Webhook } from 'standardwebhooks';
import { CreatedWebhookConsumer, WebhookDelivery, WebhookEvent, paged } from '@consent-kit/contract';
import { createCompany, createConnection, expectError, mock, type TestMock } from './helpers.js';

let t: TestMock | undefined;
let receiver: Server | undefined;
afterEach(async () => {
  t?.close();
  t = undefined;
  vi.useRealTimers();
  if (receiver) await new Promise((r) => receiver!.close(r));
  receiver = undefined;
});

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

async function startReceiver(statuses: number[] = []): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses[received.length - 1] ?? 200;
      res.end();
    });
  });
  await new Promise<void>((r) => receiver!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, received };
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('webhook consumers', () => {
  it('creates (201 with secret), lists ({results}), gets and deletes', async () => {
    t = mock();
    const res = await t.api
      .post('/webhooks', { url: 'https://hooks.example/x', eventTypes: ['company.created'] })
      .expect(201);
    const created = z.parse(CreatedWebhookConsumer, res.body);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const list = await t.api.get('/webhooks').expect(200);
    expect(list.body).toEqual({
      results: [
        {
          id: created.id,
          url: 'https://hooks.example/x',
          disabled: false,
          eventTypes: ['company.created'],
          companyTags: null,
        },
      ],
    });
    expect((await t.api.get(`/webhooks/${created.id}`).expect(200)).body).not.toHaveProperty('secret');
    await t.api.delete(`/webhooks/${created.id}`).expect(204);
    expectError(await t.api.delete(`/webhooks/${created.id}`), 404);
    expectError(await t.api.post('/webhooks', { url: 'ftp://x', eventTypes: ['company.created'] }), 400);
    expectError(await t.api.post('/webhooks', { url: 'https://x.example', eventTypes: [] }), 400);
    expectError(await t.api.post('/webhooks', { url: 'https://x.example', eventTypes: ['nope'] }), 400);
  });
});

describe('webhook deliveries', () => {
  it('delivers events signed per Standard Webhooks (verified with the standardwebhooks package)', async () => {
    t = mock();
    const { url, received } = await startReceiver();
    const consumer = (
      await t.api
        .post('/webhooks', {
          url,
          eventTypes: [
            'company.created',
            'connection.created',
            'connection.connected',
            'read.completed',
            'read.completed.initial',
          ],
        })
        .expect(201)
    ).body;
    const company = await createCompany(t, 'Hooked Ltd');
    const connection = await createConnection(t, company.id, 'ssbx');
    await t.api
      .put(`/companies/${company.id}/connections/${connection.id}/authorization`, { user: 'x' })
      .expect(200);
    await until(() => received.length >= 5);
    const verifier = new Webhook(consumer.secret);
    const events = received.map((r) => {
      const payload = verifier.verify(r.body, r.headers as Record<string, string>);
      expect(r.headers['webhook-id']).toMatch(/^msg_/);
      expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
      return z.parse(WebhookEvent, payload);
    });
    expect(events.map((e) => e.eventType).sort()).toEqual(
      [
        'company.created',
        'connection.connected',
        'connection.created',
        'read.completed',
        'read.completed.initial',
      ].sort(),
    );
    const read = events.find((e) => e.eventType === 'read.completed');
    expect(
      read?.eventType === 'read.completed' && read.payload.dataTypes.every((d) => d.status === 'Complete'),
    ).toBe(true);
    // a tampered body fails verification
    expect(() =>
      verifier.verify(
        received[0]!.body.replace('Hooked', 'Hacked'),
        received[0]!.headers as Record<string, string>,
      ),
    ).toThrow();
    const log = z.parse(
      paged(WebhookDelivery),
      (await t.api.get(`/webhooks/${consumer.id}/deliveries`).expect(200)).body,
    );
    expect(log.totalResults).toBe(5);
    expect(
      log.results.every(
        (d) => d.status === 'Succeeded' && d.attempts.length === 1 && d.attempts[0]!.responseStatus === 200,
      ),
    ).toBe(true);
  });

  it('retries with exponential backoff and jitter, the same webhook-id each time, then succeeds', async () => {
    t = mock({ webhooks: { baseDelayMs: 40, jitter: 0 } }); // small real delays
    const { url, received } = await startReceiver([500, 503, 200]);
    const consumer = (await t.api.post('/webhooks', { url, eventTypes: ['company.created'] }).expect(201))
      .body;
    await createCompany(t);
    await until(() => received.length === 3);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const log = (await t.api.get(`/webhooks/${consumer.id}/deliveries`).expect(200)).body;
    expect(log.results[0].status).toBe('Succeeded');
    expect(log.results[0].attempts.map((a: { responseStatus: number }) => a.responseStatus)).toEqual([
      500, 503, 200,
    ]);
  });

  it('follows the retry schedule exactly (fake timers, injected transport)', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'Date'],
    });
    const calls: { at: number; id: string; timestamp: string; signature: string }[] = [];
    const started = Date.now();
    t = mock({
      webhooks: {
        baseDelayMs: 1000,
        maxDelayMs: 10_000,
        maxAttempts: 6,
        jitter: 0.2,
        random: () => 1, // the top of the jitter range: +20 %
        transport: async (_url, { headers }) => {
          calls.push({
            at: Date.now() - started,
            id: headers['webhook-id']!,
            timestamp: headers['webhook-timestamp']!,
            signature: headers['webhook-signature']!,
          });
          return { status: 500 };
        },
      },
    });
    t.domain.store.webhooks.set('7e4f4a7e-2b1f-4a55-9f8e-0d1f7f0e9a01', {
      id: '7e4f4a7e-2b1f-4a55-9f8e-0d1f7f0e9a01',
      url: 'https://hooks.example/x',
      disabled: false,
      eventTypes: ['company.created'],
      companyTags: null,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      created: new Date().toISOString(),
    });
    t.domain.createCompany({ name: 'Timed' });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    // delays: 1.2 s, 2.4 s, 4.8 s, 9.6 s, then capped at 10 s * 1.2 = 12 s
    const expected = [0, 1200, 3600, 8400, 18_000, 30_000];
    await vi.advanceTimersByTimeAsync(1199);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.map((c) => c.at)).toEqual(expected);
    expect(new Set(calls.map((c) => c.id)).size).toBe(1);
    const delivery = [...t.domain.store.deliveries.values()][0]!;
    expect(delivery.status).toBe('Failed');
    expect(delivery.attempts).toHaveLength(6);
    expect(delivery.nextAttemptAt).toBeNull();
    // every attempt is signed for its own timestamp
    const verifier = new Webhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    for (const call of calls) {
      expect(verifier.sign(call.id, new Date(Number(call.timestamp) * 1000), delivery.body)).toBe(
        call.signature,
      );
    }
    vi.useRealTimers();
  });

  it('keeps jitter within +-20 % of the exponential delay', () => {
    t = mock({ webhooks: { baseDelayMs: 1000, maxDelayMs: 60_000, jitter: 0.2 } });
    for (let retry = 1; retry <= 6; retry++) {
      const exact = Math.min(60_000, 1000 * 2 ** (retry - 1));
      for (let i = 0; i < 50; i++) {
        const delay = t.domain.webhooks.backoffDelay(retry);
        expect(delay).toBeGreaterThanOrEqual(exact * 0.8 - 1);
        expect(delay).toBeLessThanOrEqual(exact * 1.2 + 1);
      }
    }
  });

  it('filters by event type, companyTags and disabled', async () => {
    t = mock();
    const { url, received } = await startReceiver();
    await t.api
      .post('/webhooks', { url: `${url}?a`, eventTypes: ['company.created'], companyTags: ['region=uk'] })
      .expect(201);
    await t.api.post('/webhooks', { url: `${url}?b`, eventTypes: ['company.deleted'] }).expect(201);
    await t.api
      .post('/webhooks', { url: `${url}?c`, eventTypes: ['company.created'], disabled: true })
      .expect(201);
    await createCompany(t, 'US Co', { tags: { region: 'us' } });
    await createCompany(t, 'UK Co', { tags: { region: 'uk' } });
    await until(() => received.length >= 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body).payload.name).toBe('UK Co');
  });
});
