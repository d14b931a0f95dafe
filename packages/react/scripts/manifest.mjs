/**
 * Reads @consent-kit/elements' custom-elements manifest (`cem analyze --litelement`) and completes what the
 * analyzer cannot see in this code base:
 *
 * - elements are registered with `defineElement('ck-x', CkX)` (src/base/define.ts), not `customElements.define`
 *   or `@customElement`, so the analyzer knows neither their tag names nor that they are custom elements unless the
 *   class carries a `@tag ck-x` JSDoc tag. The `defineElement(...)` calls in the sources are read here and the
 *   declarations completed (tagName, customElement, a `custom-element-definition` export);
 * - `CkElement.emit(name, ...)` dispatches `new CustomEvent(name)`, which the analyzer reports as an event called
 *   "name" on every element: dropped. Real events come from the `@fires` JSDoc tags.
 *
 * Used by the React generator (scripts/generate.mjs) and by Storybook (.storybook/main.ts). Pure Node, no deps.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const DEFINE_CALL = /defineElement\(\s*['"`]([a-z][a-z0-9]*-[a-z0-9-]*)['"`]\s*,\s*([A-Za-z_$][\w$]*)\s*\)/g;

/** `defineElement('tag', Class)` calls in the element sources (tests and stories excluded). */
export async function findRegistrations(srcDir) {
  const found = [];
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (/\.ts$/.test(entry.name) && !/\.(test|stories|d)\.ts$/.test(entry.name)) {
        const text = await readFile(full, 'utf8');
        for (const match of text.matchAll(DEFINE_CALL)) {
          found.push({
            tagName: match[1],
            className: match[2],
            file: path.relative(path.dirname(srcDir), full),
          });
        }
      }
    }
  }
  await walk(srcDir);
  return found.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Returns a completed copy of `manifest` (see the module comment). */
export function completeManifest(manifest, registrations) {
  const copy = structuredClone(manifest);
  const byClass = new Map(registrations.map((r) => [r.className, r]));
  for (const mod of copy.modules ?? []) {
    // The generic `customElements.define(tagName, constructor)` inside defineElement is not a definition.
    mod.exports = (mod.exports ?? []).filter(
      (e) => !(e.kind === 'custom-element-definition' && e.declaration?.name === 'constructor'),
    );
    for (const decl of mod.declarations ?? []) {
      if (decl.kind !== 'class') continue;
      if (decl.events) decl.events = decl.events.filter((event) => event.name !== 'name');
      const registration = byClass.get(decl.name);
      if (!registration) continue;
      decl.tagName ??= registration.tagName;
      decl.customElement = true;
      if (!mod.exports.some((e) => e.kind === 'custom-element-definition' && e.name === decl.tagName)) {
        mod.exports.push({
          kind: 'custom-element-definition',
          name: decl.tagName,
          declaration: { name: decl.name, module: mod.path },
        });
      }
    }
  }
  return copy;
}

/** The registered elements of a (completed) manifest: `{ tagName, declaration, modulePath }`, sorted by tag. */
export function customElementsOf(manifest) {
  const elements = [];
  for (const mod of manifest.modules ?? []) {
    for (const decl of mod.declarations ?? []) {
      if (decl.kind === 'class' && decl.customElement && decl.tagName) {
        elements.push({ tagName: decl.tagName, declaration: decl, modulePath: mod.path });
      }
    }
  }
  return elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Reads and completes packages/elements/custom-elements.json. */
export async function readElementsManifest(elementsDir) {
  const manifest = JSON.parse(await readFile(path.join(elementsDir, 'custom-elements.json'), 'utf8'));
  return completeManifest(manifest, await findRegistrations(path.join(elementsDir, 'src')));
}

/**
 * The public API only, for documentation (Storybook's args tables): drops private, protected and static members
 * (`@state` fields, controllers, `version`) that the analyzer lists next to the properties.
 */
export function publicApiOf(manifest) {
  const copy = structuredClone(manifest);
  for (const mod of copy.modules ?? []) {
    for (const decl of mod.declarations ?? []) {
      if (decl.kind !== 'class' || !decl.members) continue;
      decl.members = decl.members.filter(
        (m) =>
          !m.static &&
          (!m.privacy || m.privacy === 'public') &&
          !m.name.startsWith('_') &&
          !m.name.startsWith('#'),
      );
    }
  }
  return copy;
}

/**
 * Every public entry of the registered elements (properties, attributes, events, slots, CSS parts, CSS custom
 * properties) without a description, as `tag kind name`: the manifest is what Storybook's docs and controls show.
 */
export function undocumentedEntries(manifest) {
  const missing = [];
  for (const { tagName, declaration } of customElementsOf(publicApiOf(manifest))) {
    const entries = {
      property: (declaration.members ?? []).filter((m) => m.kind === 'field'),
      attribute: declaration.attributes ?? [],
      event: declaration.events ?? [],
      slot: declaration.slots ?? [],
      'CSS part': declaration.cssParts ?? [],
      'CSS property': declaration.cssProperties ?? [],
    };
    for (const [kind, list] of Object.entries(entries)) {
      for (const entry of list) {
        if (!entry.description?.trim()) missing.push(`${tagName} ${kind} ${entry.name || '(default slot)'}`);
      }
    }
  }
  return missing;
}
