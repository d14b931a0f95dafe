import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState, type TaskFunctionOptions } from '@lit/task';

/**
 * A @lit/task for an element's connected mode. It runs after any update in which one of `args` changed (so every
 * property stays reactive after mount) and only once the first `requires` arguments are set (by convention the
 * `client`, then e.g. the `companyId`): until then it stays INITIAL and the element renders its controlled
 * properties. The task function gets an AbortSignal, aborted when the arguments change again.
 */
export function connectedTask<const A extends readonly unknown[], R>(
  host: ReactiveControllerHost,
  args: () => A,
  task: (args: A, options: TaskFunctionOptions) => Promise<R>,
  options: { requires?: number } = {},
): Task<A, R> {
  const requires = options.requires ?? 1;
  return new Task<A, R>(host, {
    args,
    task: (values, taskOptions) =>
      values.slice(0, requires).some((value) => value === undefined || value === null || value === '')
        ? initialState
        : task(values, taskOptions),
  });
}

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
  const value = (error ?? {}) as {
    message?: unknown;
    status?: unknown;
    statusCode?: unknown;
    correlationId?: unknown;
    canBeRetried?: unknown;
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
  const retryable =
    typeof value.canBeRetried === 'boolean'
      ? value.canBeRetried || status === undefined || status >= 500
      : status === undefined || status === 408 || status === 429 || status >= 500;
  return { message, status, correlationId, retryable };
}

/** Options of {@link renderTaskStates}. */
export interface TaskStateRenderers<R> {
  /** Renders the loaded value. */
  complete: (value: R) => unknown;
  /** Whether the loaded value is empty (then `empty` renders instead of `complete`). */
  isEmpty?: (value: R) => boolean;
  /** The empty state. */
  empty?: () => unknown;
  /** What is loading, announced by the `role=status` region: "Loading integrations…". */
  loadingLabel?: string;
  /** Number of skeleton rows while loading (default 3). */
  skeletonRows?: number;
  /** What failed, as the error heading: "We couldn't load the integrations". */
  errorLabel?: string;
  /** Renders the INITIAL state (connected mode not configured); default nothing. */
  initial?: () => unknown;
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
  const summary = summarizeError(error);
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

/**
 * Renders a connected task's loading (skeleton + `role=status`), error (message + correlation id + Retry, which
 * re-runs the task) and empty states, and `complete(value)` otherwise. Pair with `taskStateStyles`.
 */
export function renderTaskStates<R>(
  task: Task<readonly unknown[], R>,
  renderers: TaskStateRenderers<R>,
): unknown {
  switch (task.status) {
    case TaskStatus.INITIAL:
      return renderers.initial?.() ?? nothing;
    case TaskStatus.PENDING:
      return renderLoading(renderers.loadingLabel, renderers.skeletonRows);
    case TaskStatus.ERROR:
      return renderError(task.error, () => void task.run(), renderers.errorLabel);
    case TaskStatus.COMPLETE: {
      const value = task.value as R;
      if (renderers.isEmpty?.(value)) return renderers.empty?.() ?? nothing;
      return renderers.complete(value);
    }
  }
}
