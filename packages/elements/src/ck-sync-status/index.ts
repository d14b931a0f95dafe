import { defineElement } from '../base/define.js';
import { CkSyncStatus } from './ck-sync-status.js';

export { CkSyncStatus } from './ck-sync-status.js';
export * from './ck-sync-status.types.js';

defineElement('ck-sync-status', CkSyncStatus);

declare global {
  interface HTMLElementTagNameMap {
    'ck-sync-status': CkSyncStatus;
  }
}
