import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody } from './errors.js';
import { newCorrelationId, SECURITY_HEADERS } from './middleware.js';

/**
 * Requests Node's HTTP parser refuses before Express sees them (headers or URL over the size limit, malformed
 * request lines) would get Node's bare status line with no body. Answers them like every other refusal instead:
 * a Codat-style error body with a correlation id, the same security headers, and the connection closed.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (socket as Duplex & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const message = tooLarge
      ? 'The request line and headers are too large.'
      : 'The request could not be parsed as HTTP.';
    const correlationId = newCorrelationId();
    const body = JSON.stringify(errorBody(status, correlationId, message));
    socket.end(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `X-Correlation-Id: ${correlationId}`,
        ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`),
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
