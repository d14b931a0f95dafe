import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { answerParserRefusals, type ParserRefusalStatus } from './parser-refusals.js';
import { ErrorBody } from './error.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server whose routes answer 200, with parser refusals answered as a Codat-style service "Test" would. */
async function listen(): Promise<number> {
  server = createServer((_req, res) => res.end('ok'));
  let next = 0;
  answerParserRefusals(server, (statusCode: ParserRefusalStatus, error) => ({
    statusCode,
    service: 'Test',
    error,
    correlationId: `refusal-${++next}`,
  }));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** Sends raw bytes and returns the whole answer (the server closes the connection after a refusal). */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  return { statusLine, headers, body: ErrorBody.parse(JSON.parse(body)), bodyBytes: Buffer.byteLength(body) };
}

describe('answerParserRefusals', () => {
  it('answers headers over the size limit with 431 and a Codat error body, securely, and closes', async () => {
    const port = await listen();
    const answer = parse(
      await raw(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`),
    );
    expect(answer.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(answer.body).toEqual({
      statusCode: 431,
      service: 'Test',
      error: 'The request line and headers are too large.',
      correlationId: 'refusal-1',
    });
    expect(answer.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(answer.bodyBytes),
      'x-correlation-id': 'refusal-1',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cache-control': 'no-store',
      connection: 'close',
    });
  });

  it('answers a malformed request with 400, and leaves well-formed requests to the routes', async () => {
    const port = await listen();
    const answer = parse(await raw(port, 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'));
    expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(answer.body).toMatchObject({ statusCode: 400, error: 'The request could not be parsed as HTTP.' });
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
  });
});
