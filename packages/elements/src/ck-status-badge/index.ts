import { defineElement } from '../base/define.js';
import { CkStatusBadge } from './ck-status-badge.js';

export { CkStatusBadge, badgeLabel, badgeTone } from './ck-status-badge.js';
export * from './ck-status-badge.types.js';

defineElement('ck-status-badge', CkStatusBadge);

declare global {
  interface HTMLElementTagNameMap {
    'ck-status-badge': CkStatusBadge;
  }
}
