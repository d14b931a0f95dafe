/** A real HTTP server on a random port for the client tests: each test scripts the responses it needs. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  /** Wait before answering (to test aborts mid-request). */
  delayMs?: number;
  /** Destroy the socket without answering (a network error for the client). */
  destroy?: boolean;
}

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

export class TestServer {
  readonly requests: RecordedRequest[] = [];
  private handler: Handler = () => ({ status: 404, body: { statusCode: 404, service: 'Test', error: 'No handler', correlationId: 'test' } });
  private server: Server | undefined;
  url = '';

  /** Sets how the server answers every following request. */
  handle(handler: Handler): void {
    this.handler = handler;
    this.requests.length = 0;
  }

  /** Answers the next requests with these replies, in order (the last one repeats). */
  replies(...replies: Reply[]): void {
    let index = 0;
    this.handle(() => replies[Math.min(index++, replies.length - 1)]!);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', async () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const recorded: RecordedRequest = {
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        };
        this.requests.push(recorded);
        const reply = await this.handler(recorded);
        if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        if (reply.destroy) {
          req.socket.destroy();
          return;
        }
        if (res.destroyed) return;
        const isText = typeof reply.body === 'string';
        const payload = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
        res.writeHead(reply.status ?? 200, {
          ...(payload && !isText ? { 'Content-Type': 'application/json' } : {}),
          ...reply.headers,
        });
        res.end(payload);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A Codat-shaped paged envelope for `items`. */
export function pageOf<T>(items: T[], page: number, pageSize: number, path: string, total = items.length) {
  const results = items.slice((page - 1) * pageSize, page * pageSize);
  const href = (p: number) => `${path}?page=${p}&pageSize=${pageSize}`;
  return {
    results,
    pageNumber: page,
    pageSize,
    totalResults: total,
    _links: {
      self: { href: path },
      current: { href: href(page) },
      ...(page * pageSize < total ? { next: { href: href(page + 1) } } : {}),
      ...(page > 1 ? { previous: { href: href(page - 1) } } : {}),
    },
  };
}
