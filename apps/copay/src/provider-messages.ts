import type { ProviderErrorCode } from '@consent-kit/contract';

/**
 * What Copay tells an applicant for each error the provider can send back (reference/004), in plain words with
 * what to do next. Typed as a complete record: a new code in the contract fails the build until it has a message.
 */
export const PROVIDER_ERROR_MESSAGES: Record<ProviderErrorCode, string> = {
  access_denied: 'Your bank or software refused access. Try again, and approve the request when it asks.',
  cancelled_authentication:
    'The sign-in was cancelled or the details were not accepted. Try again when you are ready.',
  login_required: 'You need to sign in to your account first. Try again and sign in when asked.',
  usr_opt_out: 'You cancelled before finishing. Nothing was shared — try again when you are ready.',
  usr_dh_not_listed:
    'You told us your provider is not listed. Choose another provider, or contact us and we will help.',
  invalid_request:
    'The connection request was not valid. This is a problem on our side: contact Copay support.',
  invalid_resource: 'The account you tried to connect could not be found. Contact Copay support.',
  invalid_scope:
    'The provider did not accept what we asked to read. This is a problem on our side: contact Copay support.',
  unauthorized_client: 'The provider does not allow Copay to connect at the moment. Contact Copay support.',
  unsupported_response_type: 'The provider does not support this way of connecting. Contact Copay support.',
  server_error: 'The provider had an unexpected problem. Try again in a few minutes.',
  temporarily_unavailable: 'The provider is temporarily unavailable. Try again in a few minutes.',
};
