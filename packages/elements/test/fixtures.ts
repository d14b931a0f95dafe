import { render, type TemplateResult } from 'lit';

/** Hostile strings the elements must render as inert text. */
export const XSS_NAME = '<img src=x onerror="window.__ckXss=1">Evil & Co';
export const XSS_LOGOS = [
  'javascript:window.__ckXss=1',
  'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="window.__ckXss=1"/>',
  'JaVaScRiPt:alert(1)',
  '/relative/logo.png',
] as const;

const mounted: HTMLElement[] = [];

/** Renders a template into a fresh container in the document; call `cleanup()` in afterEach. */
export async function fixture<T extends Element>(template: TemplateResult, options: { lang?: string; dir?: string } = {}): Promise<T> {
  const container = document.createElement('div');
  if (options.lang) container.lang = options.lang;
  if (options.dir) container.dir = options.dir;
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  const element = container.firstElementChild as T;
  await settle(element);
  return element;
}

/** Waits for a Lit element (and its Lit children, one level deep) to finish updating. */
export async function settle(element: Element): Promise<void> {
  const lit = element as Element & { updateComplete?: Promise<unknown> };
  if (lit.updateComplete) await lit.updateComplete;
  const children = lit.shadowRoot?.querySelectorAll('*') ?? [];
  await Promise.all(
    [...children].map((child) => (child as Element & { updateComplete?: Promise<unknown> }).updateComplete),
  );
}

/** Removes everything `fixture` mounted. */
export function cleanup(): void {
  for (const container of mounted.splice(0)) container.remove();
}

/** Polls until `check` returns a truthy value (or throws after `timeout` ms). */
export async function waitFor<T>(check: () => T | undefined | null | false, timeout = 5000, message = 'condition'): Promise<T> {
  const start = performance.now();
  for (;;) {
    try {
      const value = check();
      if (value) return value;
    } catch (error) {
      if (performance.now() - start > timeout) throw error;
    }
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Text of the flat tree (shadow roots entered, slots resolved), whitespace collapsed: what a person reads. */
export function deepText(node: Node): string {
  return collect(node).replace(/\s+/g, ' ').trim();
}

// Realm-agnostic (nodeType / localName, not instanceof): works for nodes of an iframe too.
function collect(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node.nodeType === Node.ELEMENT_NODE) {
    const element = node as Element;
    if (['STYLE', 'SCRIPT', 'TEMPLATE'].includes(element.tagName)) return '';
    let inner: string;
    if (element.localName === 'slot') {
      const assigned = (element as HTMLSlotElement).assignedNodes({ flatten: true });
      inner = (assigned.length ? assigned : [...element.childNodes]).map(collect).join('');
    } else if (element.shadowRoot) {
      inner = collect(element.shadowRoot);
    } else {
      inner = [...element.childNodes].map(collect).join('');
    }
    const view = element.ownerDocument.defaultView ?? window;
    const display = view.getComputedStyle(element).display;
    return display === 'inline' || display === 'contents' ? inner : ` ${inner} `;
  }
  if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return [...node.childNodes].map(collect).join('');
  return '';
}

/** Finds the first match of a selector anywhere in the flat tree below `root` (entering open shadow roots). */
export function deepQuery<T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): T | null {
  const scope = root instanceof Element && root.shadowRoot ? root.shadowRoot : root;
  const direct = scope.querySelector<T>(selector);
  if (direct) return direct;
  for (const element of scope.querySelectorAll('*')) {
    if (element.shadowRoot) {
      const found = deepQuery<T>(element.shadowRoot, selector);
      if (found) return found;
    }
  }
  return null;
}
