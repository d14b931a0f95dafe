import axe from 'axe-core';

/** WCAG 2.2 AA, the level the elements are held to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

export interface AxeOptions {
  /** Rules to skip, each with the reason (kept in the test so the exception is visible). */
  disable?: Record<string, string>;
  /** Include best-practice rules too (default true). */
  bestPractices?: boolean;
}

// axe-core runs one analysis at a time per page.
let queue: Promise<unknown> = Promise.resolve();

/** Readable report of axe violations: rule, impact, help URL and the offending nodes (shadow paths included). */
export function formatViolations(violations: axe.Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => `    - ${JSON.stringify(node.target)}\n      ${node.failureSummary?.replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  [${violation.impact}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Where every HTML element of the tree (shadow roots included) sits in the layout: changes whenever anything moves or
 * resizes, but not for transforms (a spinning icon) or opacity (a pulsing skeleton), which never settle.
 */
function layoutSignature(root: Element): string {
  const boxes: string[] = [];
  const visit = (element: Element) => {
    if (element instanceof HTMLElement) {
      boxes.push(`${element.offsetLeft},${element.offsetTop},${element.offsetWidth},${element.offsetHeight}`);
    }
    for (const child of element.shadowRoot?.children ?? []) visit(child);
    for (const child of element.children) visit(child);
  };
  visit(root);
  return boxes.join(';');
}

/**
 * Resolves once the element's layout has held still for two frames (at most `timeout` ms). Rules such as
 * target-size compare the boxes of neighbouring elements; measured while a late update still moves rows, they
 * would report overlaps that no person ever sees.
 */
async function layoutSettled(element: Element, timeout = 2000): Promise<void> {
  const start = performance.now();
  let previous = '';
  let stillFrames = 0;
  while (stillFrames < 2 && performance.now() - start < timeout) {
    await nextFrame();
    const current = layoutSignature(element);
    stillFrames = current === previous ? stillFrames + 1 : 0;
    previous = current;
  }
}

/**
 * Runs axe-core on an element (its shadow DOM included: axe walks open shadow roots) and throws with a readable
 * list of violations. Resolves with the number of rules that passed, so a test can check axe actually ran.
 */
export async function expectNoAxeViolations(element: Element, options: AxeOptions = {}): Promise<number> {
  const tags: string[] = [...AXE_TAGS];
  if (options.bestPractices ?? true) tags.push('best-practice');
  const rules = Object.fromEntries(Object.keys(options.disable ?? {}).map((id) => [id, { enabled: false }]));
  // Page-level rules make no sense for a single component under test.
  Object.assign(rules, {
    region: { enabled: false },
    'landmark-one-main': { enabled: false },
    'page-has-heading-one': { enabled: false },
    ...rules,
  });
  await layoutSettled(element);
  const run = queue.then(() => axe.run(element, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] }));
  queue = run.catch(() => undefined);
  const results = await run;
  if (results.violations.length > 0) {
    throw new Error(`axe found ${results.violations.length} accessibility violation(s) in <${element.localName}>:\n${formatViolations(results.violations)}`);
  }
  return results.passes.length;
}
