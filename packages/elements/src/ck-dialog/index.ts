import { defineElement } from '../base/define.js';
import { CkDialog } from './ck-dialog.js';

export { CkDialog, deepActiveElement } from './ck-dialog.js';
export * from './ck-dialog.types.js';

defineElement('ck-dialog', CkDialog);

declare global {
  interface HTMLElementTagNameMap {
    'ck-dialog': CkDialog;
  }
}
