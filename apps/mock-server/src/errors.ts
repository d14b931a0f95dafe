import type { Response } from 'express';
import { toValidationItems, type ErrorBody, type ValidationItem } from '@consent-kit/contract';
import type * as z from 'zod/mini';

/** The service name in error bodies, as Codat's public API. */
export const SERVICE = 'PublicApi';

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Error processing request - not valid.',
  401: 'Unauthorized',
  403: 'You are using an outdated API key or a key not associated with that resource.',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request body is too large.',
  415: 'Unsupported media type: send application/json.',
  422: 'Unprocessable request.',
  429: 'You have made too many requests in a given amount of time; please retry later.',
  500: 'There is a problem with our server. Please try again later.',
  502: 'Bad gateway.',
  503: 'The API is temporarily offline for maintenance. Please try again later.',
  504: 'Gateway timeout.',
};

/** An error that becomes a Codat error body. Throw it from any handler. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message?: string,
    readonly extra: {
      validation?: ValidationItem[];
      retryAfterSeconds?: number;
      canBeRetried?: string;
      detailedErrorCode?: number;
    } = {},
  ) {
    super(message ?? DEFAULT_MESSAGES[statusCode] ?? 'Error');
  }

  static validation(error: z.core.$ZodError, message = 'Error processing request - not valid.'): ApiError {
    return new ApiError(400, message, { validation: toValidationItems(error) });
  }

  static invalid(itemId: string, message: string, validatorName = 'custom'): ApiError {
    return new ApiError(400, message, { validation: [{ itemId, message, validatorName }] });
  }
}

export function errorBody(statusCode: number, correlationId: string, error?: ApiError | string): ErrorBody {
  const apiError = typeof error === 'string' || error === undefined ? new ApiError(statusCode, error) : error;
  const body: ErrorBody = {
    statusCode,
    service: SERVICE,
    error: apiError.message,
    correlationId,
    canBeRetried:
      apiError.extra.canBeRetried ?? (statusCode === 429 || statusCode >= 500 ? 'Yes' : 'Unknown'),
    detailedErrorCode: apiError.extra.detailedErrorCode ?? 0,
  };
  if (apiError.extra.validation) body.validation = { errors: apiError.extra.validation, warnings: [] };
  return body;
}

export function sendError(res: Response, error: ApiError): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const correlationId = String(res.locals.correlationId ?? '');
  if (error.extra.retryAfterSeconds !== undefined)
    res.setHeader('Retry-After', String(error.extra.retryAfterSeconds));
  res.status(error.statusCode).json(errorBody(error.statusCode, correlationId, error));
}
