import { defineElement } from '../base/define.js';
import { CkLogo } from './ck-logo.js';

export { CkLogo, monogramInitials, monogramTone } from './ck-logo.js';
export * from './ck-logo.types.js';

defineElement('ck-logo', CkLogo);

declare global {
  interface HTMLElementTagNameMap {
    'ck-logo': CkLogo;
  }
}
