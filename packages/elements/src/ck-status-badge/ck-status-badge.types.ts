import { CONNECTION_STATUSES, CONSENT_STATUSES, PULL_STATUSES } from '@consent-kit/contract';

/**
 * Every status a badge can show: connection statuses, pull (sync) statuses and consent statuses. (Built in a pure
 * call: a spread at module level is code a bundler must keep, and only stories and tests read this list.)
 */
export const BADGE_STATUSES = /* @__PURE__ */ (
  () => [...CONNECTION_STATUSES, ...PULL_STATUSES, ...CONSENT_STATUSES] as const
)();
export type BadgeStatus = (typeof BADGE_STATUSES)[number];

/** Visual tones; each comes with its own icon, so colour is never the only signal. */
export const BADGE_TONES = ['success', 'warning', 'danger', 'info', 'neutral'] as const;
export type BadgeTone = (typeof BADGE_TONES)[number];

/** Icons a badge can carry (static inline SVG). */
export const BADGE_ICONS = ['check', 'clock', 'sync', 'alert', 'cross', 'pause', 'minus'] as const;
export type BadgeIcon = (typeof BADGE_ICONS)[number];
