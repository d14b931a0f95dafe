import { randomUUID } from 'node:crypto';
import type { ErrorBody, ValidationItem } from '@consent-kit/contract';

const SERVICE = 'Copay';

/** An error to send as a Codat-style body. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly validation?: ValidationItem[],
    readonly detailedErrorCode = 0,
  ) {
    super(message);
  }
}

export function errorBody(
  statusCode: number,
  error: string,
  validation?: ValidationItem[],
  detailedErrorCode = 0,
): ErrorBody {
  return {
    statusCode,
    service: SERVICE,
    error,
    correlationId: randomUUID(),
    ...(validation ? { validation: { errors: validation, warnings: [] } } : {}),
    canBeRetried: statusCode >= 500 || statusCode === 429 ? 'Unknown' : 'False',
    detailedErrorCode,
  };
}
