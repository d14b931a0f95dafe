import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { localized } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import type { Branding } from '@consent-kit/contract';
import { CkElement } from '../base/ck-element.js';
import { hostStyles } from '../styles/shared.styles.js';
import { connectedTask } from '../controllers/connected-task.js';
import { getBranding } from '../controllers/branding-cache.js';
import type { ElementsClient } from '../controllers/client.js';
import { safeHttpUrl } from '../controllers/safe-url.js';
import { logoStyles } from './ck-logo.styles.js';
import { MONOGRAM_TONES, type LogoSize, type MonogramTone } from './ck-logo.types.js';

/** Up to two initials from a name: "Société Générale" -> "SG", "Xero" -> "X", "" -> "?". */
export function monogramInitials(name: string | null | undefined): string {
  const words = (name ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
  const initials = words
    .slice(0, 2)
    .map((word) => Array.from(word)[0] ?? '')
    .join('');
  return initials ? initials.toLocaleUpperCase() : '?';
}

/** A stable colour pair (1-6) for a name, so the same software always gets the same monogram colour. */
export function monogramTone(name: string | null | undefined): MonogramTone {
  let hash = 2166136261;
  for (const char of (name ?? '').toLowerCase()) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 16777619);
  }
  return MONOGRAM_TONES[(hash >>> 0) % MONOGRAM_TONES.length]!;
}

/**
 * An integration's logo. Shows the image at `src` (http(s) only, lazily loaded, sent without a referrer) with
 * `name` as its text alternative; when there is no usable URL, or the image fails to load, it draws a monogram of
 * the name's initials in a colour derived from the name. Connected: with `client` and `platform-key` it loads the
 * integration's branding once per key (shared cache for the whole page) and shows the square logo.
 *
 * @tagname ck-logo
 * @summary Integration logo with a monogram fallback.
 *
 * @csspart frame - The box around the image or monogram.
 * @csspart image - The `<img>`.
 * @csspart monogram - The monogram fallback.
 *
 * @cssprop --ck-logo-size - Edge length (overrides `size`).
 * @cssprop --ck-logo-radius - Corner radius.
 * @cssprop --ck-logo-background - Background behind transparent images.
 * @cssprop --ck-logo-monogram-1-background - Monogram background of tone 1 (likewise 2-6).
 * @cssprop --ck-logo-monogram-1-color - Monogram text colour of tone 1 (likewise 2-6).
 */
@localized()
export class CkLogo extends CkElement {
  static override styles = [hostStyles, logoStyles];

  /** Image URL. Only absolute http(s) URLs are used; anything else (e.g. `javascript:`, `data:`) shows the monogram. */
  @property() src?: string;

  /** The integration's name: the image's text alternative and the source of the monogram. */
  @property() name = '';

  /** Visual size. */
  @property({ reflect: true }) size: LogoSize = 'medium';

  /** Hides the logo from assistive technology when the name is already written next to it. */
  @property({ type: Boolean, reflect: true }) decorative = false;

  /** Connected mode: a @consent-kit/client instance (with `platformKey`). */
  @property({ attribute: false }) client?: Pick<ElementsClient, 'integrations'>;

  /** Connected mode: the integration's platform key; its branding's square logo replaces `src`. */
  @property({ attribute: 'platform-key' }) platformKey?: string;

  /** The URL that failed to load, so the monogram shows until the URL changes. */
  @state() private failedSrc?: string;

  private branding = connectedTask(
    this,
    () => [this.client, this.platformKey] as const,
    ([client, key]) => getBranding(client!, key!),
    { requires: 2 },
  );

  /** The image URL in use, after branding and the http(s) check (`undefined` -> monogram). */
  get currentSrc(): string | undefined {
    const branded =
      this.branding.status === TaskStatus.COMPLETE ? (this.branding.value as Branding).logo.square.image.src : undefined;
    const url = safeHttpUrl(branded ?? this.src);
    return url && url !== this.failedSrc ? url : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('platformKey')) this.failedSrc = undefined;
  }

  protected override render(): unknown {
    const src = this.currentSrc;
    const brandedAlt =
      this.branding.status === TaskStatus.COMPLETE ? (this.branding.value as Branding).logo.square.image.alt : '';
    const label = this.name || brandedAlt;
    if (src) {
      return html`<span part="frame" class="frame"
        ><img
          part="image"
          src=${src}
          alt=${this.decorative ? '' : label}
          loading="lazy"
          decoding="async"
          referrerpolicy="no-referrer"
          @error=${() => (this.failedSrc = src)}
      /></span>`;
    }
    const hidden = this.decorative || !label;
    return html`<span
      part="frame monogram"
      class="frame monogram tone-${monogramTone(label)}"
      role=${hidden ? nothing : 'img'}
      aria-label=${ifDefined(hidden ? undefined : label)}
      aria-hidden=${ifDefined(hidden ? 'true' : undefined)}
      >${monogramInitials(label)}</span
    >`;
  }
}
