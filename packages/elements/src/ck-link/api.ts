import type { CkLink } from './ck-link.js';

// What both registering modules (index.ts, eager.ts) export.
export { CkLink } from './ck-link.js';
export * from './ck-link.types.js';
export type { LinkClient } from './link-client.js';
export { errorMessage as linkErrorMessage, interpolate as interpolateLinkText } from './link-messages.js';

declare global {
  interface HTMLElementTagNameMap {
    'ck-link': CkLink;
  }
}
