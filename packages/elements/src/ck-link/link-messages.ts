/**
 * The words of `<ck-link>`: the default (localised) text of each overridable key, the message for every error
 * code, and `{companyName}` / `{platformName}` / `{clientName}` interpolation of overrides. Functions, so `msg()`
 * runs at render time in the active locale.
 */
import { msg, str } from '@lit/localize';
import type { ProviderErrorCode } from '@consent-kit/contract';
import type { LinkError, LinkErrorCode, LinkSourceTypeKey, LinkText, LinkTextKey } from './ck-link.types.js';

export interface TextValues {
  /** The business sharing its data. */
  companyName: string;
  /** The platform being connected (empty before one is chosen). */
  platformName: string;
  /** Who is asking: the lender / app. */
  clientName: string;
}

/** Replaces `{companyName}`, `{platformName}` and `{clientName}`; other braces stay as they are. */
export function interpolate(template: string, values: TextValues): string {
  return template.replace(/\{(companyName|platformName|clientName)\}/g, (_, key: keyof TextValues) => values[key]);
}

/** The default text of a key, in the active locale. */
export function defaultText(key: LinkTextKey, v: TextValues): string {
  switch (key) {
    case 'landing.title':
      return msg(str`${v.clientName} would like to connect to your business's financial data`);
    case 'landing.subtitle':
      return msg(
        str`Connect your software and choose what to share. It takes a couple of minutes, and you can stop sharing at any time.`,
      );
    case 'landing.start':
      return msg('Get started');
    case 'accounting.list.title':
      return msg('Choose your accounting software');
    case 'banking.list.title':
      return msg('Choose your bank');
    case 'commerce.list.title':
      return msg('Choose your commerce platform');
    case 'picker.skip':
      return msg('Skip this step');
    case 'consent.title':
      return msg('Review what you are sharing');
    case 'additionalConsent.title':
      return msg('Confirm you are happy to share additional data');
    case 'handoff.title':
      return msg(str`Connect to ${v.platformName}`);
    case 'handoff.body':
      return msg(
        str`You will sign in to ${v.platformName} on its own secure page. ${v.clientName} never sees your password.`,
      );
    case 'syncing.title':
      return msg(str`Fetching your data from ${v.platformName}`);
    case 'success.title':
      return msg(str`${v.platformName} is connected`);
    case 'success.body':
      return msg('Your data is being shared securely. You can manage or stop sharing at any time.');
    case 'finish.title':
      return msg("You're all set");
    case 'error.title':
      return msg("We couldn't connect");
    case 'exit.title':
      return msg('Leave without finishing?');
    case 'exit.body':
      return msg('Your progress will be lost. You can start again at any time.');
  }
}

/** The text of a key: the override when given (interpolated, plain text), else the localised default. */
export function linkText(key: LinkTextKey, overrides: LinkText | null | undefined, values: TextValues): string {
  const override = overrides?.[key];
  return typeof override === 'string' && override.trim() ? interpolate(override, values) : defaultText(key, values);
}

/** The text key of a source type's picker title. */
export function pickerTitleKey(key: LinkSourceTypeKey): LinkTextKey {
  return `${key}.list.title`;
}

/** "Connect another bank account" and friends; accounting allows one connection per company, so none. */
export function connectAnotherLabel(key: LinkSourceTypeKey | null): string | null {
  switch (key) {
    case 'banking':
      return msg('Connect another bank account');
    case 'commerce':
      return msg('Connect another store');
    default:
      return null;
  }
}

/** Upper-cases the first letter (a sentence may start with "the provider" when the platform is not known). */
function sentence(text: string): string {
  const [first = '', ...rest] = Array.from(text);
  return first.toLocaleUpperCase() + rest.join('');
}

/** A clear, localised message for every provider error code (`PROVIDER_ERRORS`) and every journey error code. */
export function errorMessage(error: LinkError, v: TextValues): string {
  return sentence(rawErrorMessage(error, v));
}

function rawErrorMessage(error: LinkError, v: TextValues): string {
  const platform = v.platformName || msg('the provider');
  switch (error.code as ProviderErrorCode | LinkErrorCode) {
    case 'access_denied':
      return msg(str`${platform} did not give access to your data. You can try again or choose another provider.`);
    case 'cancelled_authentication':
      return msg(str`The sign-in to ${platform} was cancelled, or the details entered were not right.`);
    case 'login_required':
      return msg(str`${platform} needs you to sign in before you can share your data.`);
    case 'usr_opt_out':
      return msg('You cancelled before finishing, so nothing was shared.');
    case 'usr_dh_not_listed':
      return msg('You told us your provider is not listed. You can choose another one, or come back later.');
    case 'invalid_request':
      return msg(str`The request to ${platform} was not valid. Please contact ${v.clientName} for help.`);
    case 'invalid_resource':
      return msg(str`${platform} could not find what was asked for. Please contact ${v.clientName} for help.`);
    case 'invalid_scope':
      return msg(str`${platform} cannot give the access that was asked for. Please contact ${v.clientName} for help.`);
    case 'unauthorized_client':
      return msg(str`${v.clientName} is not set up to connect to ${platform} yet. Please contact them for help.`);
    case 'unsupported_response_type':
      return msg(str`${platform} does not support this way of connecting. Please contact ${v.clientName} for help.`);
    case 'server_error':
      return msg(str`${platform} had an unexpected problem. Please try again.`);
    case 'temporarily_unavailable':
      return msg(str`${platform} is temporarily unavailable. Please try again in a few minutes.`);
    case 'consent_declined':
      return msg('You chose not to share your data, so we cannot continue. You can review it again if you change your mind.');
    case 'popup_blocked':
      return msg('Your browser blocked the sign-in window. Allow pop-ups for this site, or continue in this window.');
    case 'popup_closed':
      return msg(str`The sign-in window was closed before you finished connecting ${platform}.`);
    case 'connection_failed':
      return error.statusCode === 409
        ? msg('Your business already has accounting software connected. Only one can be connected at a time.')
        : msg(str`We could not start the connection to ${platform}. Please try again.`);
    case 'consent_failed':
      return msg('We could not record your consent. Please try again.');
    case 'load_failed':
      return msg('We could not load what is needed to start. Please try again.');
    default:
      return msg(str`Something went wrong while connecting to ${platform}.`);
  }
}
