export { LocaleController } from './locale-controller.js';
export {
  connectedTask,
  renderError,
  renderLoading,
  renderTaskStates,
  summarizeError,
  type ErrorSummary,
  type TaskStateRenderers,
} from './connected-task.js';
export { taskStateStyles } from './task-states.styles.js';
export { loadingErrorStyles } from './loading-error.styles.js';
export { getBranding, clearBrandingCache } from './branding-cache.js';
export { listAll, type ElementsClient } from './client.js';
export { safeHttpUrl } from './safe-url.js';
