import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';

// The loading and error states without @lit/task, so an element that polls on its own (ck-sync-status) does not
// pull the task runtime in; connected-task.ts re-exports them.

/** The parts of an error a person (and support) needs: a message, the HTTP status and the correlation id. */
export interface ErrorSummary {
  message: string;
  status?: number;
  correlationId?: string;
  /** Whether trying again can help (network errors, 408/429/5xx). */
  retryable: boolean;
}

/**
 * Reads an `ApiError` of @consent-kit/client (`status`, `body` = Codat error body, `correlationId`) or any other
 * thrown value into an ErrorSummary, without assuming its class (two copies of the client may coexist).
 */
export function summarizeError(error: unknown): ErrorSummary {
  const summary = describeError(error);
  const { status } = summary;
  const canBeRetried = (error as { canBeRetried?: unknown } | null | undefined)?.canBeRetried;
  const retryable =
    typeof canBeRetried === 'boolean'
      ? canBeRetried || status === undefined || status >= 500
      : status === undefined || status === 408 || status === 429 || status >= 500;
  return { ...summary, retryable };
}

/** The ErrorSummary but `retryable`: all the error panel shows (so elements that never ask leave that logic out). */
function describeError(error: unknown): Omit<ErrorSummary, 'retryable'> {
  const value = (error ?? {}) as {
    message?: unknown;
    status?: unknown;
    statusCode?: unknown;
    correlationId?: unknown;
    body?: { error?: unknown; correlationId?: unknown; statusCode?: unknown } | null;
  };
  const status =
    typeof value.status === 'number'
      ? value.status
      : typeof value.statusCode === 'number'
        ? value.statusCode
        : typeof value.body?.statusCode === 'number'
          ? value.body.statusCode
          : undefined;
  const correlationId =
    typeof value.correlationId === 'string'
      ? value.correlationId
      : typeof value.body?.correlationId === 'string'
        ? value.body.correlationId
        : undefined;
  // A dropped connection's own message names the request URL: the person gets plain words instead.
  const unreachable = (error as { name?: unknown } | null)?.name === 'NetworkError';
  const message =
    typeof value.body?.error === 'string' && value.body.error
      ? value.body.error
      : unreachable
        ? msg('We couldn’t reach the service. Check your connection and try again.')
        : typeof value.message === 'string' && value.message
          ? value.message
          : String(error);
  return { message, status, correlationId };
}

/** Loading skeleton with a polite `role=status` announcement. Style hooks: `.ck-skeleton`, part `skeleton`. */
export function renderLoading(label: string = msg('Loading…'), rows = 3): TemplateResult {
  return html`<div class="ck-state ck-loading" part="loading">
    <div role="status" class="visually-hidden">${label}</div>
    ${Array.from({ length: rows }, () => html`<div class="ck-skeleton" part="skeleton" aria-hidden="true"></div>`)}
  </div>`;
}

/** Error panel: what failed, the API's message, the correlation id for support and a Retry button. */
export function renderError(
  error: unknown,
  onRetry: (() => void) | undefined,
  label: string = msg('Something went wrong'),
): TemplateResult {
  const summary = describeError(error);
  return html`<div class="ck-state ck-error" part="error" role="alert">
    <p class="ck-error-title">${label}</p>
    <p class="ck-error-message">${summary.message}</p>
    ${
      summary.correlationId
        ? html`<p class="ck-error-reference">${msg(str`Reference: ${summary.correlationId}`)}</p>`
        : nothing
    }
    ${
      onRetry
        ? html`<button type="button" class="button" part="retry-button" @click=${onRetry}>
            ${msg('Try again')}
          </button>`
        : nothing
    }
  </div>`;
}
