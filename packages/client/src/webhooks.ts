/**
 * `@consent-kit/client/webhooks`: verifies a Standard Webhooks delivery (headers `webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`, secret `whsec_...`) with the
 * `standardwebhooks` package, within a 5-minute timestamp tolerance, and returns the contract-validated event.
 *
 * Verify the raw body exactly as received (a Buffer/Uint8Array or string) — never a re-serialised `JSON.parse`
 * result, which would not match the signature.
 */
import { WebhookEvent, formatZodError, type WebhookEvent as WebhookEventType } from '@consent-kit/contract';
import { Webhook, WebhookVerificationError as LibraryVerificationError } from 'standardwebhooks';

export type WebhookVerificationErrorCode =
  | 'missing_headers'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'invalid_signature'
  | 'invalid_payload';

/** Why a delivery was refused; answer it with a 400 (the sender retries) — or 401 for a bad signature. */
export class WebhookVerificationError extends Error {
  override name = 'WebhookVerificationError';
  constructor(
    readonly code: WebhookVerificationErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Node's `IncomingMessage.headers`, a fetch `Headers`, or a plain record. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

const HEADER_NAMES = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

function pickHeaders(headers: WebhookHeaders): Record<(typeof HEADER_NAMES)[number], string> {
  const read = (name: string): string | undefined => {
    if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
    const record = headers as Record<string, string | string[] | undefined>;
    const key = Object.keys(record).find((k) => k.toLowerCase() === name);
    const value = key === undefined ? undefined : record[key];
    return Array.isArray(value) ? value.join(' ') : value;
  };
  const out = {} as Record<(typeof HEADER_NAMES)[number], string>;
  const missing: string[] = [];
  for (const name of HEADER_NAMES) {
    const value = read(name);
    if (value) out[name] = value;
    else missing.push(name);
  }
  if (missing.length) throw new WebhookVerificationError('missing_headers', `Missing webhook header(s): ${missing.join(', ')}`);
  return out;
}

function libraryCode(message: string): WebhookVerificationErrorCode {
  if (/too old/i.test(message)) return 'timestamp_too_old';
  if (/too new/i.test(message)) return 'timestamp_too_new';
  if (/Invalid Signature Headers/i.test(message)) return 'invalid_timestamp';
  if (/Missing required headers/i.test(message)) return 'missing_headers';
  return 'invalid_signature';
}

export interface WebhookVerifier {
  /** Throws `WebhookVerificationError`; returns the validated event otherwise. */
  verify(payload: string | Uint8Array, headers: WebhookHeaders): WebhookEventType;
}

/** A verifier for one consumer's signing secret (`whsec_...`, from `client.webhooks.create`). */
export function createWebhookVerifier(secret: string): WebhookVerifier {
  const webhook = new Webhook(secret);
  const decoder = new TextDecoder();
  return {
    verify(payload, headers) {
      const picked = pickHeaders(headers);
      const body = typeof payload === 'string' ? payload : decoder.decode(payload);
      let json: unknown;
      try {
        json = webhook.verify(body, picked);
      } catch (error) {
        if (error instanceof LibraryVerificationError) {
          throw new WebhookVerificationError(libraryCode(error.message), `Webhook rejected: ${error.message}`, { cause: error });
        }
        // The signature matched but the body is not JSON.
        throw new WebhookVerificationError('invalid_payload', 'Webhook body is not JSON', { cause: error });
      }
      const result = WebhookEvent.safeParse(json);
      if (!result.success) {
        throw new WebhookVerificationError('invalid_payload', `Webhook event is not valid: ${formatZodError(result.error)}`, {
          cause: result.error,
        });
      }
      return result.data;
    },
  };
}

/** One-shot form of `createWebhookVerifier(secret).verify(payload, headers)`. */
export function verifyWebhook(secret: string, payload: string | Uint8Array, headers: WebhookHeaders): WebhookEventType {
  return createWebhookVerifier(secret).verify(payload, headers);
}
