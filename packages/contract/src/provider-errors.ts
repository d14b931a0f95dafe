/**
 * Errors a provider (or the hosted Link pages) can send back on the redirect, OAuth style
 * (`error` + `error_description`), with the Codat `statusCode` each maps to and whether the person can fix it by
 * trying again or choosing another provider. Source: reference/004 (consent dashboard error codes).
 */
export const PROVIDER_ERRORS = {
  access_denied: { statusCode: 403, userRecoverable: true, description: 'The provider denied access.' },
  cancelled_authentication: {
    statusCode: 403,
    userRecoverable: true,
    description: 'The sign-in was cancelled or the credentials were wrong.',
  },
  login_required: { statusCode: 403, userRecoverable: true, description: 'The provider requires you to sign in.' },
  usr_opt_out: { statusCode: 403, userRecoverable: true, description: 'User cancelled' },
  usr_dh_not_listed: {
    statusCode: 403,
    userRecoverable: true,
    description: 'Your provider is not listed.',
  },
  invalid_request: { statusCode: 500, userRecoverable: false, description: 'The request was malformed.' },
  invalid_resource: { statusCode: 500, userRecoverable: false, description: 'The requested resource does not exist.' },
  invalid_scope: { statusCode: 500, userRecoverable: false, description: 'The requested scope is invalid.' },
  unauthorized_client: {
    statusCode: 500,
    userRecoverable: false,
    description: 'This application is not authorised to connect to the provider.',
  },
  unsupported_response_type: {
    statusCode: 501,
    userRecoverable: false,
    description: 'The provider does not support this kind of authorisation.',
  },
  server_error: { statusCode: 500, userRecoverable: true, description: 'The provider had an unexpected problem.' },
  temporarily_unavailable: {
    statusCode: 500,
    userRecoverable: true,
    description: 'The provider is temporarily unavailable.',
  },
} as const satisfies Record<string, { statusCode: 403 | 500 | 501; userRecoverable: boolean; description: string }>;

export type ProviderErrorCode = keyof typeof PROVIDER_ERRORS;
export const PROVIDER_ERROR_CODES = Object.keys(PROVIDER_ERRORS) as ProviderErrorCode[];

export function isProviderErrorCode(value: unknown): value is ProviderErrorCode {
  return typeof value === 'string' && Object.hasOwn(PROVIDER_ERRORS, value);
}
