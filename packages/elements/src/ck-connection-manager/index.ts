import { defineElement } from '../base/define.js';
import { CkConnectionManager } from './ck-connection-manager.js';

export { CkConnectionManager } from './ck-connection-manager.js';
export * from './ck-connection-manager.types.js';
export type { ConnectionManagerClient } from './connection-manager-client.js';
export { productsUsingConnection, withdrawImpact, isActiveConsent, type WithdrawImpact } from './impact.js';

defineElement('ck-connection-manager', CkConnectionManager);

declare global {
  interface HTMLElementTagNameMap {
    'ck-connection-manager': CkConnectionManager;
  }
}
