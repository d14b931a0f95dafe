/**
 * @consent-kit/elements: importing this module registers every ck-* element.
 * One line per element folder (keep it that way: several people append here).
 */
export * from './base/ck-element.js';
export * from './base/define.js';
export * from './styles/tokens.js';
export * from './localization/locale.js';
export * from './controllers/index.js';
export * from './data-types/index.js';

export * from './ck-logo/index.js';
export * from './ck-status-badge/index.js';
export * from './ck-dialog/index.js';
export * from './ck-connection-manager/index.js';
export * from './ck-link/eager.js';
export * from './ck-integration-picker/index.js';
export * from './ck-consent-confirmation/index.js';
export * from './ck-sync-status/index.js';
