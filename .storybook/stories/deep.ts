/** Play-function helpers that look through open shadow roots, as a person sees the page. */

/** All text under a node, shadow roots included (slotted light DOM counted once, where it is authored). */
export function deepText(node: Node): string {
  let text = '';
  const visit = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) text += `${n.textContent ?? ''} `;
    if (n instanceof Element && n.shadowRoot) n.shadowRoot.childNodes.forEach(visit);
    n.childNodes.forEach(visit);
  };
  visit(node);
  return text.replace(/\s+/g, ' ');
}

/** Every element matching `selector` under a node, shadow roots included. */
export function deepQueryAll<E extends Element = HTMLElement>(node: ParentNode, selector: string): E[] {
  const found: E[] = [...node.querySelectorAll<E>(selector)];
  for (const el of node.querySelectorAll('*'))
    if (el.shadowRoot) found.push(...deepQueryAll<E>(el.shadowRoot, selector));
  return found;
}

/** The first button (shadow roots included) whose accessible text contains `label`. */
export function deepButton(node: ParentNode, label: string | RegExp): HTMLButtonElement | undefined {
  return deepQueryAll<HTMLButtonElement>(node, 'button').find((b) => {
    const name = `${b.getAttribute('aria-label') ?? ''} ${b.textContent ?? ''}`.replace(/\s+/g, ' ').trim();
    return typeof label === 'string' ? name.includes(label) : label.test(name);
  });
}
