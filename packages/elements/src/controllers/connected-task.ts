import { nothing, type ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState, type TaskFunctionOptions } from '@lit/task';
import { renderError, renderLoading } from './task-states.js';

export { renderError, renderLoading, summarizeError, type ErrorSummary } from './task-states.js';

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
