import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getLocale, resolveLocale, setLocale, type Locale } from '../localization/locale.js';

type Host = ReactiveControllerHost & HTMLElement;

/** The element itself or its nearest ancestor (crossing shadow roots) carrying `attribute`, else `<html>`. */
function closestAcross(element: Element, attribute: string): Element | null {
  let node: Element | null = element;
  while (node) {
    if (node.hasAttribute(attribute)) return node;
    if (node.parentElement) node = node.parentElement;
    else {
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
  }
  return null;
}

/** Every root (document and shadow roots) between an element and the document, innermost first. */
function rootsOf(element: Element): Node[] {
  const roots: Node[] = [];
  let root = element.getRootNode();
  while (root instanceof ShadowRoot) {
    roots.push(root);
    root = root.host.getRootNode();
  }
  roots.push(root);
  return roots;
}

/**
 * Follows the language and writing direction that apply to an element: its own `lang`, the nearest ancestor's
 * (across shadow roots), or `<html lang>`. On every change (a MutationObserver watches `lang` and `dir` on the
 * roots the element lives in) it activates the best supported locale with `setLocale(resolveLocale(lang))` and
 * asks the host to update, so `@localized()` templates re-render in the new language.
 *
 * @lit/localize's runtime mode has one active locale per page: with two elements in two languages, the last
 * change wins. Direction is per element: read `controller.dir` (`ltr` / `rtl`), and lay out with logical CSS
 * properties so that RTL needs no special styles.
 */
export class LocaleController implements ReactiveController {
  /** The BCP 47 tag in effect (`''` when none is set anywhere). */
  lang = '';
  /** The supported locale chosen for `lang`. */
  locale: Locale = getLocale() as Locale;
  /** The writing direction in effect. */
  dir: 'ltr' | 'rtl' = 'ltr';
  /** Resolves when the locale for the current `lang` is loaded and active. */
  ready: Promise<void> = Promise.resolve();

  private observer?: MutationObserver;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.refresh());
    for (const root of rootsOf(this.host)) {
      const target = root instanceof Document ? root.documentElement : root;
      this.observer.observe(target, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
    }
    this.refresh();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** Re-reads `lang` and `dir`; called automatically, public for hosts that move the element around. */
  refresh(): void {
    const lang = closestAcross(this.host, 'lang')?.getAttribute('lang') ?? '';
    const dirAttr = closestAcross(this.host, 'dir')?.getAttribute('dir')?.toLowerCase();
    const dir = dirAttr === 'rtl' ? 'rtl' : 'ltr';
    const locale = resolveLocale(lang);
    const changed = lang !== this.lang || dir !== this.dir || locale !== this.locale;
    this.lang = lang;
    this.dir = dir;
    this.locale = locale;
    if (getLocale() !== locale) {
      // Render again once the translations are in (hosts without @localized() need it too).
      this.ready = setLocale(locale).then(
        () => this.host.requestUpdate(),
        (error: unknown) => console.warn(`[consent-kit] could not load locale ${locale}`, error),
      );
    } else if (!changed) {
      return;
    }
    this.host.requestUpdate();
  }
}
