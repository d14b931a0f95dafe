import { defineElement } from '../base/define.js';
import { CkConsentConfirmation } from './ck-consent-confirmation.js';

export { CkConsentConfirmation } from './ck-consent-confirmation.js';
export * from './ck-consent-confirmation.types.js';

defineElement('ck-consent-confirmation', CkConsentConfirmation);

declare global {
  interface HTMLElementTagNameMap {
    'ck-consent-confirmation': CkConsentConfirmation;
  }
}
