import { LitElement } from 'lit';
import { VERSION } from './define.js';
import { installTokens } from '../styles/tokens.js';

type DetailOf<K extends keyof HTMLElementEventMap> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Base of every ck-* element: the package version, the default design tokens installed once per document, and a
 * typed `emit` that dispatches bubbling, composed events (declared in `HTMLElementEventMap`).
 */
export class CkElement extends LitElement {
  static readonly version = VERSION;

  override connectedCallback(): void {
    super.connectedCallback();
    installTokens(this.ownerDocument);
  }

  /**
   * Dispatches a typed CustomEvent that bubbles and crosses shadow roots. Returns false when a listener called
   * `preventDefault()` on a cancelable event: the element must then not go on with the action.
   */
  protected emit<K extends keyof HTMLElementEventMap>(
    name: K,
    detail: DetailOf<K>,
    options: { cancelable?: boolean } = {},
  ): boolean {
    // Built apart from dispatchEvent() so the manifest analyzer does not list a bogus event called "name".
    const event = new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false });
    return this.dispatchEvent(event);
  }
}
