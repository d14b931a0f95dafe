import { defineElement } from '../base/define.js';
import { CkLink } from './ck-link.js';

export { CkLink } from './ck-link.js';
export * from './ck-link.types.js';
export type { LinkClient } from './link-client.js';
export { errorMessage as linkErrorMessage, interpolate as interpolateLinkText } from './link-messages.js';

defineElement('ck-link', CkLink);

declare global {
  interface HTMLElementTagNameMap {
    'ck-link': CkLink;
  }
}
