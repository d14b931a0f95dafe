/**
 * Data for the docs pages, read from the sources of truth so the pages never drift: the custom-elements manifest
 * (elements, events, CSS properties, parts, slots) and the token sheet (design tokens).
 */
import manifest from 'virtual:consent-kit/custom-elements';
import { declaredTokens } from '../stories/token-table.js';

interface Named {
  name: string;
  description?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  events?: Named[];
  cssProperties?: (Named & { default?: string })[];
  cssParts?: Named[];
  slots?: Named[];
}
interface Module {
  path: string;
  declarations?: Declaration[];
}

/** The registered ck-* elements, sorted by tag. */
export function elements(): (Declaration & { tagName: string })[] {
  const found: (Declaration & { tagName: string })[] = [];
  for (const mod of manifest.modules as Module[]) {
    for (const decl of mod.declarations ?? []) {
      if (decl.kind === 'class' && decl.customElement && decl.tagName)
        found.push({ ...decl, tagName: decl.tagName });
    }
  }
  return found.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** One row per (element, item) of a manifest list: events, cssProperties, cssParts or slots. */
export function rowsOf(list: 'events' | 'cssProperties' | 'cssParts' | 'slots') {
  return elements().flatMap((el) =>
    (el[list] ?? []).map((item) => ({
      tagName: el.tagName,
      name: item.name || '(default)',
      description: item.description ?? '',
    })),
  );
}

/** The design tokens of a tier (`ref` or `sys`), in source order. */
export function tokensOf(tier: 'ref' | 'sys'): string[] {
  return declaredTokens().filter((name) => name.startsWith(`--ck-${tier}-`));
}

/** `Elements/ck-link` -> the Storybook path of an element's docs page. */
export function docsPath(tagName: string): string {
  return `?path=/docs/elements-${tagName}--docs`;
}
