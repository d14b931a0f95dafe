import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import * as f from '../../contract/test/fixtures.js';
import { WebhookVerificationError, createWebhookVerifier, verifyWebhook } from './webhooks.js';

// A Standard Webhooks secret: `whsec_` + base64 of the key bytes.
const SECRET = `whsec_${Buffer.from('consent-kit-test-signing-key-0123').toString('base64')}`;
const sender = new Webhook(SECRET);

function sign(body: string, { id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W', at = new Date() } = {}) {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': sender.sign(id, at, body),
  };
}

function failure(run: () => unknown): WebhookVerificationError {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error;
    throw error;
  }
  throw new Error('expected verification to fail');
}

describe('webhook verifier', () => {
  const body = JSON.stringify(f.connectionConnectedEvent);
  const verifier = createWebhookVerifier(SECRET);

  it('returns the contract-validated event for a valid delivery (string or bytes, any header case)', () => {
    const headers = sign(body);
    const event = verifier.verify(body, headers);
    expect(event.eventType).toBe('connection.connected');
    if (event.eventType === 'connection.connected') expect(event.payload.connection.status).toBe('Linked');
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifyWebhook(SECRET, new TextEncoder().encode(body), upper)).toEqual(event);
    expect(verifier.verify(Buffer.from(body), new Headers(headers))).toEqual(event);
  });

  it('accepts any of several signatures (secret rotation)', () => {
    const headers = sign(body);
    const old = new Webhook(`whsec_${Buffer.from('an-older-secret-key-material-xyz').toString('base64')}`);
    const at = new Date(Number(headers['webhook-timestamp']) * 1000);
    headers['webhook-signature'] = `${old.sign(headers['webhook-id'], at, body)} ${headers['webhook-signature']}`;
    expect(verifier.verify(body, headers).id).toBe(f.connectionConnectedEvent.id);
  });

  it('rejects a tampered body', () => {
    const headers = sign(body);
    const tampered = body.replace('"Linked"', '"Unlinked"');
    const error = failure(() => verifier.verify(tampered, headers));
    expect(error.code).toBe('invalid_signature');
    expect(error.message).toBe('Webhook rejected: No matching signature found');
  });

  it('rejects a signature made with another secret', () => {
    const other = new Webhook(`whsec_${Buffer.from('somebody-else-entirely-0000000000').toString('base64')}`);
    const at = new Date();
    const headers = { ...sign(body, { at }), 'webhook-signature': other.sign('msg_1', at, body) };
    expect(failure(() => verifier.verify(body, headers)).code).toBe('invalid_signature');
  });

  it('rejects timestamps outside the 5-minute tolerance', () => {
    const old = failure(() => verifier.verify(body, sign(body, { at: new Date(Date.now() - 6 * 60_000) })));
    expect(old.code).toBe('timestamp_too_old');
    const future = failure(() => verifier.verify(body, sign(body, { at: new Date(Date.now() + 6 * 60_000) })));
    expect(future.code).toBe('timestamp_too_new');
    // Four minutes old is fine.
    expect(verifier.verify(body, sign(body, { at: new Date(Date.now() - 4 * 60_000) })).eventType).toBe('connection.connected');
  });

  it('rejects missing headers, naming them', () => {
    const { 'webhook-signature': _signature, ...withoutSignature } = sign(body);
    const error = failure(() => verifier.verify(body, withoutSignature));
    expect(error.code).toBe('missing_headers');
    expect(error.message).toBe('Missing webhook header(s): webhook-signature');
    expect(failure(() => verifier.verify(body, {})).message).toBe(
      'Missing webhook header(s): webhook-id, webhook-timestamp, webhook-signature',
    );
  });

  it('rejects a correctly signed body that is not a valid event', () => {
    const bogus = JSON.stringify({ ...f.connectionConnectedEvent, eventType: 'connection.exploded' });
    const error = failure(() => verifier.verify(bogus, sign(bogus)));
    expect(error.code).toBe('invalid_payload');
    expect(error.message).toMatch(/^Webhook event is not valid: eventType must be one of "company.created"/);
    const notJson = 'hello';
    expect(failure(() => verifier.verify(notJson, sign(notJson))).code).toBe('invalid_payload');
  });

  it('verifies a real delivery received by a node:http server', async () => {
    const received: unknown[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          received.push(verifier.verify(Buffer.concat(chunks), req.headers));
          res.writeHead(204).end();
        } catch (error) {
          res.writeHead(error instanceof WebhookVerificationError ? 400 : 500).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    try {
      const payload = JSON.stringify(f.readCompletedEvent);
      const ok = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...sign(payload) }, body: payload });
      expect(ok.status).toBe(204);
      const bad = await fetch(url, { method: 'POST', headers: sign(payload), body: `${payload} ` });
      expect(bad.status).toBe(400);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ eventType: 'read.completed', id: f.readCompletedEvent.id });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
