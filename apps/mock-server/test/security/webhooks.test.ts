/**
 * Webhooks end to end: real deliveries from the mock (Standard Webhooks signatures) into a real HTTP receiver that
 * verifies them with @consent-kit/client's verifier. Tampered bodies and headers, timestamps outside the 5-minute
 * window and missing headers are refused; a duplicate `webhook-id` has its side effect once; a receiver that is
 * down and then comes back gets every event (retries with backoff), each exactly once in effect, in retry order.
 *
 * The receiver here is the pattern a lender's backend follows (verify the raw bytes, then record `webhook-id`
 * before acting); the repo's demo backends do not receive webhooks.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createWebhookVerifier, WebhookVerificationError } from '@consent-kit/client/webhooks';
import type { MockServerOptions, WebhookTransport } from '../../src/index.js';
import { secureMock, Tally, type SecureMock } from './support.js';

const tally = new Tally('webhooks');
afterAll(() => tally.print());

let t: SecureMock | undefined;
const servers: Server[] = [];
afterEach(async () => {
  t?.close();
  t = undefined;
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

interface Captured {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A mock whose deliveries are captured in memory (for tampering), answering 200. */
async function capturingMock(options: MockServerOptions = {}): Promise<{ captured: Captured[]; secret: string }> {
  const captured: Captured[] = [];
  const transport: WebhookTransport = async (url, init) => {
    captured.push({ url, headers: init.headers, body: init.body });
    return { status: 200 };
  };
  t = await secureMock({ ...options, webhooks: { transport, baseDelayMs: 10, jitter: 0 } });
  const consumer = await t
    .admin('POST', '/webhooks', { url: 'https://receiver.example/hooks', eventTypes: ['company.created', 'connection.created'] })
    .expect(201);
  return { captured, secret: consumer.body.secret as string };
}

async function until(check: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function expectRejected(secret: string, body: string, headers: Record<string, string | undefined>, code: string, what: string): void {
  const verifier = createWebhookVerifier(secret);
  let error: unknown;
  try {
    verifier.verify(body, headers);
  } catch (e) {
    error = e;
  }
  expect(error, `${what} was accepted`).toBeInstanceOf(WebhookVerificationError);
  expect((error as WebhookVerificationError).code, what).toBe(code);
  tally.add('tampered or stale deliveries rejected');
}

describe('signature checks on real deliveries', () => {
  it('accepts the genuine delivery and refuses tampered bodies and headers', async () => {
    const { captured, secret } = await capturingMock();
    await t!.admin('POST', '/companies', { name: 'Signed Ltd' }).expect(200);
    await until(() => captured.length === 1, 5000, 'the delivery');
    const { headers, body } = captured[0]!;
    const event = createWebhookVerifier(secret).verify(body, headers);
    expect(event.eventType).toBe('company.created');

    const parsed = JSON.parse(body) as { payload: { company?: { name?: string } } };
    const bodies: Array<[string, string]> = [
      ['one character changed', body.replace('Signed Ltd', 'Signed Ltc')],
      ['re-serialised with spaces', JSON.stringify(JSON.parse(body), null, 1)],
      ['trailing newline', `${body}\n`],
      ['leading space', ` ${body}`],
      ['event type swapped', body.replace('company.created', 'company.deleted')],
      ['payload replaced', JSON.stringify({ ...JSON.parse(body), payload: { ...parsed.payload, company: { ...parsed.payload.company, name: 'Evil' } } })],
      ['empty body', ''],
      ['truncated', body.slice(0, -1)],
    ];
    for (const [what, tampered] of bodies) expectRejected(secret, tampered, headers, 'invalid_signature', what);

    const otherSecret = `whsec_${Buffer.from('x'.repeat(24)).toString('base64')}`;
    const forged = new Webhook(otherSecret).sign(headers['webhook-id']!, new Date(), body);
    const headerCases: Array<[string, Record<string, string | undefined>]> = [
      ['another webhook-id', { ...headers, 'webhook-id': `${headers['webhook-id']}x` }],
      ['signature from another secret', { ...headers, 'webhook-signature': forged }],
      ['signature bytes flipped', { ...headers, 'webhook-signature': headers['webhook-signature']!.replace(/.(?==*$)/, (c) => (c === 'A' ? 'B' : 'A')) }],
      ['unknown signature version', { ...headers, 'webhook-signature': headers['webhook-signature']!.replace('v1,', 'v2,') }],
      ['signature of nothing', { ...headers, 'webhook-signature': 'v1,' }],
      ['timestamp moved by a second', { ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) - 1) }],
    ];
    for (const [what, tampered] of headerCases) expectRejected(secret, body, tampered, 'invalid_signature', what);
  });

  it('refuses genuine signatures whose timestamp is more than 5 minutes old or ahead, and missing headers', async () => {
    const { captured, secret } = await capturingMock();
    await t!.admin('POST', '/companies', { name: 'Replayed Ltd' }).expect(200);
    await until(() => captured.length === 1, 5000, 'the delivery');
    const { headers, body } = captured[0]!;
    const id = headers['webhook-id']!;
    const signedAt = (offsetSeconds: number) => {
      const at = new Date(Date.now() + offsetSeconds * 1000);
      return {
        ...headers,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(id, at, body),
      };
    };
    // A replay of a genuine message: the right secret, an old (or future) timestamp.
    for (const offset of [-301, -600, -3600, -86_400 * 30]) expectRejected(secret, body, signedAt(offset), 'timestamp_too_old', `signed ${offset} s ago`);
    for (const offset of [301, 600, 86_400]) expectRejected(secret, body, signedAt(offset), 'timestamp_too_new', `signed ${offset} s ahead`);
    // Inside the window it verifies (the boundary is real, not "always reject").
    for (const offset of [-290, -60, 0, 60, 290]) {
      expect(createWebhookVerifier(secret).verify(body, signedAt(offset)).eventType).toBe('company.created');
      tally.add('in-window re-signed deliveries accepted');
    }
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      expectRejected(secret, body, { ...headers, [name]: undefined }, 'missing_headers', `without ${name}`);
    }
    expectRejected(secret, body, { ...headers, 'webhook-timestamp': 'yesterday' }, 'invalid_timestamp', 'a non-numeric timestamp');
  });

  it('property: any change to the signed bytes is rejected', async () => {
    const { captured, secret } = await capturingMock();
    await t!.admin('POST', '/companies', { name: 'Fuzzed Ltd' }).expect(200);
    await until(() => captured.length === 1, 5000, 'the delivery');
    const { headers, body } = captured[0]!;
    const verifier = createWebhookVerifier(secret);
    fc.assert(
      fc.property(fc.nat(), fc.string({ minLength: 1, maxLength: 3 }), fc.boolean(), (at, text, replace) => {
        const i = at % body.length;
        const tampered = replace ? body.slice(0, i) + text + body.slice(i + text.length) : body.slice(0, i) + text + body.slice(i);
        fc.pre(tampered !== body);
        expect(() => verifier.verify(tampered, headers)).toThrow(WebhookVerificationError);
        tally.add('tampered deliveries rejected (property)');
      }),
      { numRuns: 1000 },
    );
  });
});

/** A real HTTP receiver: verifies the raw body, records `webhook-id` before acting, acknowledges duplicates. */
function receiver(secret: () => string) {
  const seen = new Set<string>();
  const effects: string[] = []; // event ids whose side effect ran, in order
  const arrivals: Array<{ id: string; at: number }> = [];
  const rejected: string[] = [];
  const raw: Array<{ headers: Record<string, string>; body: Buffer }> = [];
  let failNextAfterEffect = 0;
  const verifier = () => createWebhookVerifier(secret());
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = req.headers as IncomingHttpHeaders & Record<string, string>;
      raw.push({ headers: { ...headers }, body: Buffer.concat(chunks) });
      try {
        const event = verifier().verify(Buffer.concat(chunks), headers);
        const id = headers['webhook-id']!;
        arrivals.push({ id, at: Date.now() });
        if (!seen.has(id)) {
          seen.add(id);
          effects.push(event.id);
          if (failNextAfterEffect > 0) {
            // The side effect ran but the acknowledgement is lost (a crash, a timeout): the sender will retry.
            failNextAfterEffect--;
            res.statusCode = 500;
            return res.end();
          }
        }
        res.statusCode = 204;
        res.end();
      } catch (error) {
        rejected.push(error instanceof WebhookVerificationError ? error.code : String(error));
        res.statusCode = 400;
        res.end();
      }
    });
  });
  servers.push(server);
  return {
    server,
    seen,
    effects,
    arrivals,
    rejected,
    raw,
    failAfterEffect(n: number) {
      failNextAfterEffect = n;
    },
    listen: (port = 0) => new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('delivery to a real receiver', () => {
  it('a duplicate webhook-id has its side effect once (sender retries after a lost acknowledgement, and replays)', async () => {
    let secret = '';
    const r = receiver(() => secret);
    const port = await r.listen();
    t = await secureMock({ webhooks: { baseDelayMs: 20, jitter: 0, maxAttempts: 5 } });
    secret = (await t.admin('POST', '/webhooks', { url: `http://127.0.0.1:${port}/hooks`, eventTypes: ['company.created'] }).expect(201)).body.secret;
    r.failAfterEffect(3);
    for (let i = 0; i < 5; i++) await t.admin('POST', '/companies', { name: `Duplicate ${i} Ltd` }).expect(200);
    await until(() => t!.domain.webhooks.pendingCount === 0 && r.effects.length === 5, 10_000, 'deliveries');
    await until(() => t!.domain.webhooks.pendingCount === 0, 10_000, 'retries');
    expect(r.effects).toHaveLength(5);
    expect(new Set(r.effects).size).toBe(5);
    expect(r.arrivals.length).toBe(8); // 5 events + 3 retries of lost acknowledgements
    // Replaying every delivered message twice more (an attacker or a proxy within the 5 minutes) changes nothing.
    const delivered = [...r.raw];
    for (const message of [...delivered, ...delivered]) {
      const { host: _host, connection: _connection, 'content-length': _length, ...headers } = message.headers;
      const res = await fetch(`http://127.0.0.1:${port}/hooks`, { method: 'POST', headers, body: message.body as unknown as BodyInit });
      expect(res.status).toBe(204);
    }
    expect(r.effects).toHaveLength(5);
    tally.add('duplicate deliveries with one effect', r.arrivals.length - r.effects.length);
    expect(r.rejected).toEqual([]);
  });

  it('a receiver that is down and then up gets every event, each once, in the order of the retries', async () => {
    let secret = '';
    const r = receiver(() => secret);
    const port = await r.listen();
    await r.close(); // down: connections are refused
    const EVENTS = 12;
    t = await secureMock({ webhooks: { baseDelayMs: 40, maxDelayMs: 400, jitter: 0.2, maxAttempts: 10, timeoutMs: 1000 } });
    const consumer = (
      await t.admin('POST', '/webhooks', { url: `http://127.0.0.1:${port}/hooks`, eventTypes: ['company.created'] }).expect(201)
    ).body as { id: string; secret: string };
    secret = consumer.secret;
    for (let i = 0; i < EVENTS; i++) await t.admin('POST', '/companies', { name: `Outage ${i} Ltd` }).expect(200);
    const deliveries = async () =>
      (await t!.admin('GET', `/webhooks/${consumer.id}/deliveries?pageSize=100`).expect(200)).body.results as Array<{
        messageId: string;
        status: string;
        attempts: Array<{ at: string; responseStatus: number | null; error: string | null }>;
      }>;
    // Wait until every delivery has failed at least twice, then bring the receiver back on the same port.
    const failedTwice = async () => (await deliveries()).every((d) => d.attempts.length >= 2);
    for (let started = Date.now(); !(await failedTwice()); ) {
      if (Date.now() - started > 10_000) throw new Error('deliveries were not retried');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const upAt = Date.now();
    await r.listen(port);
    await until(() => r.effects.length === EVENTS && t!.domain.webhooks.pendingCount === 0, 15_000, 'every delivery');

    const log = await deliveries();
    expect(log).toHaveLength(EVENTS);
    for (const delivery of log) {
      expect(delivery.status).toBe('Succeeded');
      const attempts = delivery.attempts;
      expect(attempts.length).toBeGreaterThanOrEqual(3);
      expect(attempts.slice(0, -1).every((a) => a.error !== null)).toBe(true); // refused while down
      expect(attempts.at(-1)!.responseStatus).toBe(204);
      const times = attempts.map((a) => Date.parse(a.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times); // attempts in time order
      tally.add('failed attempts while the receiver was down', attempts.length - 1);
    }
    // None lost, each once, all after the receiver came back, in the order their retries fell due.
    expect(new Set(r.effects).size).toBe(EVENTS);
    expect(new Set(r.arrivals.map((a) => a.id))).toEqual(new Set(log.map((d) => d.messageId)));
    expect(r.arrivals.every((a) => a.at >= upAt)).toBe(true);
    // Arrival order follows the retry schedule: in the order they reached the receiver, the deliveries' logged
    // successful attempts are in time order (within 25 ms: retries due in the same instant race on the wire).
    const successAt = new Map(log.map((d) => [d.messageId, Date.parse(d.attempts.at(-1)!.at)]));
    const firstArrivals = r.arrivals.filter((a, i) => r.arrivals.findIndex((b) => b.id === a.id) === i);
    expect(firstArrivals).toHaveLength(EVENTS);
    let latest = -Infinity;
    for (const arrival of firstArrivals) {
      const at = successAt.get(arrival.id)!;
      expect(at, `delivery ${arrival.id} arrived out of retry order`).toBeGreaterThanOrEqual(latest - 25);
      latest = Math.max(latest, at);
    }
    expect(r.rejected).toEqual([]);
    tally.add('events delivered after an outage', EVENTS);
  });
});
