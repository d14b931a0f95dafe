import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { CkElement } from '../base/ck-element.js';
import { hostStyles } from '../styles/shared.styles.js';
import {
  alertIcon,
  checkIcon,
  clockIcon,
  crossIcon,
  icon,
  minusIcon,
  pauseIcon,
  syncIcon,
  type IconPath,
} from '../styles/icons.js';
import { statusBadgeStyles } from './ck-status-badge.styles.js';
import type { BadgeStatus, BadgeTone } from './ck-status-badge.types.js';

interface BadgeLook {
  tone: BadgeTone;
  /** One of the BADGE_ICONS, as the icon itself (a name would need a map of every icon in every bundle). */
  icon: IconPath;
  label: () => string;
}

const queued: BadgeLook = { tone: 'neutral', icon: clockIcon, label: () => msg('Waiting to sync') };
const syncing: BadgeLook = { tone: 'info', icon: syncIcon, label: () => msg('Syncing') };
const failed: BadgeLook = { tone: 'danger', icon: crossIcon, label: () => msg('Sync failed') };

/** Tone, icon and plain-language label of every status. */
const LOOKS: Record<BadgeStatus, BadgeLook> = {
  // Connection statuses
  PendingAuth: { tone: 'warning', icon: clockIcon, label: () => msg('Waiting for sign-in') },
  Linked: { tone: 'success', icon: checkIcon, label: () => msg('Connected') },
  Unlinked: { tone: 'neutral', icon: pauseIcon, label: () => msg('Disconnected') },
  Deauthorized: { tone: 'danger', icon: alertIcon, label: () => msg('Access expired') },
  // Pull statuses
  Initial: queued,
  Queued: queued,
  MapQueued: queued,
  ProcessingQueued: queued,
  ValidationQueued: queued,
  Fetching: syncing,
  Mapping: syncing,
  Processing: syncing,
  Validating: syncing,
  Complete: { tone: 'success', icon: checkIcon, label: () => msg('Synced') },
  FetchError: failed,
  MapError: failed,
  InternalError: failed,
  ProcessingError: failed,
  ValidationError: failed,
  AuthError: { tone: 'danger', icon: alertIcon, label: () => msg('Sign-in needed') },
  Cancelled: { tone: 'neutral', icon: minusIcon, label: () => msg('Cancelled') },
  NotSupported: { tone: 'neutral', icon: minusIcon, label: () => msg('Not available') },
  RateLimitError: { tone: 'warning', icon: clockIcon, label: () => msg('Delayed, will retry') },
  PermissionsError: { tone: 'danger', icon: alertIcon, label: () => msg('Permission needed') },
  PrerequisiteNotMet: { tone: 'warning', icon: clockIcon, label: () => msg('Waiting for other data') },
  // Consent statuses
  Active: { tone: 'success', icon: checkIcon, label: () => msg('Active') },
  Withdrawn: { tone: 'neutral', icon: minusIcon, label: () => msg('Withdrawn') },
  Expired: { tone: 'danger', icon: alertIcon, label: () => msg('Expired') },
};

const UNKNOWN: BadgeLook = { tone: 'neutral', icon: minusIcon, label: () => msg('Unknown status') };

/** The tone a status is shown in (for hosts that colour a row to match). */
export function badgeTone(status: string): BadgeTone {
  return (LOOKS as Record<string, BadgeLook>)[status]?.tone ?? 'neutral';
}

/** The localised label of a status, as the badge shows it. */
export function badgeLabel(status: string): string {
  return ((LOOKS as Record<string, BadgeLook>)[status] ?? UNKNOWN).label();
}

/**
 * A connection, sync (pull) or consent status as a badge: a plain-language, localised label with an icon and a
 * colour, so the status never depends on colour alone.
 *
 * @tagname ck-status-badge
 * @summary Connection / sync / consent status badge.
 *
 * @csspart badge - The badge (carries the `tone-*` class of its tone).
 * @csspart icon - The status icon.
 * @csspart label - The label text.
 *
 * @cssprop --ck-status-badge-gap - Space between icon and label.
 * @cssprop --ck-status-badge-padding-block - Vertical padding.
 * @cssprop --ck-status-badge-padding-inline - Horizontal padding.
 * @cssprop --ck-status-badge-radius - Corner radius.
 * @cssprop --ck-status-badge-font-size - Font size.
 * @cssprop --ck-status-badge-success-background - Background of success statuses (Connected, Synced, Active).
 * @cssprop --ck-status-badge-success-color - Text colour of success statuses.
 * @cssprop --ck-status-badge-warning-background - Background of warning statuses (Waiting for sign-in).
 * @cssprop --ck-status-badge-warning-color - Text colour of warning statuses.
 * @cssprop --ck-status-badge-danger-background - Background of error statuses (Access expired, Sync failed).
 * @cssprop --ck-status-badge-danger-color - Text colour of error statuses.
 * @cssprop --ck-status-badge-info-background - Background of in-progress statuses (Syncing).
 * @cssprop --ck-status-badge-info-color - Text colour of in-progress statuses.
 * @cssprop --ck-status-badge-neutral-background - Background of neutral statuses (Disconnected, Withdrawn).
 * @cssprop --ck-status-badge-neutral-color - Text colour of neutral statuses.
 */
@localized()
export class CkStatusBadge extends CkElement {
  static override styles = [hostStyles, statusBadgeStyles];

  /** The status to show: a connection status, a pull status or a consent status. */
  @property({ reflect: true }) status: BadgeStatus = 'PendingAuth';

  /** Replaces the default label (e.g. "Connected" -> "Already connected"); the icon and tone stay. */
  @property() label?: string;

  /** The tone in effect (read-only; derived from `status`). */
  get tone(): BadgeTone {
    return badgeTone(this.status);
  }

  protected override render(): unknown {
    const look = (LOOKS as Record<string, BadgeLook>)[this.status] ?? UNKNOWN;
    return html`<span part="badge" class="badge tone-${look.tone}" data-tone=${look.tone}
      >${icon(look.icon, look.icon === syncIcon ? 'icon spin' : 'icon')}<span part="label">${this.label ?? look.label()}</span></span
    >`;
  }
}
