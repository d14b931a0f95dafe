import type { Server } from 'node:http';
import { answerParserRefusals } from '@consent-kit/contract';
import { errorBody } from './errors.js';
import { newCorrelationId } from './middleware.js';

/**
 * Requests Node's HTTP parser refuses before Express sees them (headers or URL over the size limit, malformed
 * request lines) get a Codat-style error body like every other refusal, not Node's bare status line.
 */
export function answerClientErrors(server: Server): void {
  answerParserRefusals(server, (status, message) => errorBody(status, newCorrelationId(), message));
}
