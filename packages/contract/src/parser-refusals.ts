import type { ErrorBody } from './error.js';

/**
 * The part of Node's `http.Server` and of the socket it hands to `clientError` listeners that this needs: typed
 * structurally, so the contract stays free of Node's types and the browser build never meets them.
 */
export interface ParserRefusalSocket {
  readonly writable: boolean;
  end(response: string): void;
  destroy(): void;
}
export interface ParserRefusalServer {
  on(
    event: 'clientError',
    listener: (error: Error & { code?: string }, socket: ParserRefusalSocket) => void,
  ): unknown;
}

/** What refusal each parser error gets: headers or URL over Node's size limit, or a request that is not HTTP. */
export type ParserRefusalStatus = 400 | 431;

const REASON: Record<ParserRefusalStatus, string> = {
  400: 'Bad Request',
  431: 'Request Header Fields Too Large',
};

/** Headers of every refusal: a JSON error nobody may sniff, frame, cache or refer from. */
const REFUSAL_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

/**
 * Node's HTTP parser refuses some requests before any route runs (request line and headers over its 16 kB limit, a
 * malformed request line or header) and answers with a bare status line, no body. A Codat-style server answers them
 * like every other refusal instead: `errorBody` gives the body for the status and message (its own `service`, a
 * correlation id), sent with the security headers and the id as `X-Correlation-Id`, and the connection is closed.
 */
export function answerParserRefusals(
  server: ParserRefusalServer,
  errorBody: (statusCode: ParserRefusalStatus, message: string) => ErrorBody,
): void {
  server.on('clientError', (error, socket) => {
    // Half a response already written (or a socket gone): nothing sensible can follow.
    if (!socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status: ParserRefusalStatus = tooLarge ? 431 : 400;
    const body = errorBody(
      status,
      tooLarge ? 'The request line and headers are too large.' : 'The request could not be parsed as HTTP.',
    );
    const json = JSON.stringify(body);
    const headers = {
      ...REFUSAL_HEADERS,
      'Content-Length': String(new TextEncoder().encode(json).length),
      'X-Correlation-Id': body.correlationId,
      Connection: 'close',
    };
    socket.end(
      [
        `HTTP/1.1 ${status} ${REASON[status]}`,
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
        '',
        json,
      ].join('\r\n'),
    );
  });
}
