import { PROVIDER_ERRORS, isProviderErrorCode, type ProviderErrorCode } from './provider-errors.js';
import type { JourneySourceType } from './enums.js';

/**
 * What the hosted Link flow appends to the client's redirect URL when it finishes: Codat's `statusCode`
 * parameters, plus OAuth-style `error` / `error_description` when it did not succeed.
 */
export type LinkResult =
  | {
      ok: true;
      statusCode: 200;
      companyId: string;
      connectionId: string;
      platform: string;
      sourceType: JourneySourceType | string;
    }
  | {
      ok: false;
      statusCode: number;
      companyId: string | null;
      connectionId: string | null;
      error: ProviderErrorCode | string;
      errorDescription: string;
      userRecoverable: boolean;
    };

/** An HTTP status code from a query parameter; `null` unless it is a whole number from 100 to 599. */
function parseStatusCode(raw: string): number | null {
  // Plain parsing, not zod: this runs in every page that handles a Link redirect and must stay tiny.
  if (!/^\d{3}$/.test(raw.trim())) return null;
  const code = Number(raw);
  return code >= 100 && code <= 599 ? code : null;
}

/** Reads a Link result from redirect query parameters; `null` when the URL carries none. */
export function parseLinkResult(params: URLSearchParams): LinkResult | null {
  const rawStatus = params.get('statusCode');
  if (rawStatus === null) return null;
  const statusCode = parseStatusCode(rawStatus) ?? 500;
  const companyId = params.get('companyId');
  const connectionId = params.get('connectionId');
  if (statusCode === 200 && companyId && connectionId) {
    return {
      ok: true,
      statusCode: 200,
      companyId,
      connectionId,
      platform: params.get('platform') ?? '',
      sourceType: params.get('sourceType') ?? '',
    };
  }
  const error = params.get('error') ?? (statusCode === 403 ? 'usr_opt_out' : 'server_error');
  const known = isProviderErrorCode(error) ? PROVIDER_ERRORS[error] : undefined;
  return {
    ok: false,
    statusCode,
    companyId,
    connectionId,
    error,
    errorDescription: params.get('error_description') ?? params.get('statusText') ?? known?.description ?? 'Unknown error',
    userRecoverable: known?.userRecoverable ?? statusCode < 500,
  };
}

/** The query string the hosted flow appends for a result: the inverse of `parseLinkResult`. */
export function linkResultParams(result: LinkResult): URLSearchParams {
  const params = new URLSearchParams({ statusCode: String(result.statusCode) });
  if (result.companyId) params.set('companyId', result.companyId);
  if (result.connectionId) params.set('connectionId', result.connectionId);
  if (result.ok) {
    params.set('platform', result.platform);
    params.set('sourceType', result.sourceType);
  } else {
    params.set('error', result.error);
    params.set('error_description', result.errorDescription);
  }
  return params;
}
