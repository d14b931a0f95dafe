import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody } from './errors.js';

/**
 * Requests Node's HTTP parser refuses before Express sees them (headers or URL over the size limit, malformed
 * request lines) would get Node's bare status line with no body. Answers them like every other refusal instead:
 * a Codat-style error body, the same security headers, and the connection closed.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (socket as Duplex & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const reason = tooLarge ? 'Request Header Fields Too Large' : 'Bad Request';
    const message = tooLarge
      ? 'The request line and headers are too large.'
      : 'The request could not be parsed as HTTP.';
    const body = JSON.stringify(errorBody(status, randomBytes(16).toString('hex'), message));
    socket.end(
      [
        `HTTP/1.1 ${status} ${reason}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'X-Content-Type-Options: nosniff',
        'Referrer-Policy: no-referrer',
        "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
