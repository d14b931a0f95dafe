/** The version of this package, checked when a tag is already registered (two copies on one page). */
export const VERSION = '0.1.0';

const versions = new Map<string, string>();

/**
 * Registers a custom element once. Registering the same tag again is a no-op when it is the same class, and a
 * console warning (not a crash) when another copy of consent-kit already claimed it: the first one wins.
 */
export function defineElement(tagName: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tagName);
  if (!existing) {
    customElements.define(tagName, constructor);
    versions.set(tagName, VERSION);
    return;
  }
  if (existing === constructor) return;
  const registered = versions.get(tagName) ?? (existing as { version?: string }).version ?? 'unknown';
  console.warn(
    `[consent-kit] <${tagName}> is already defined (version ${registered}); this copy (version ${VERSION}) was not registered. ` +
      'Load one copy of @consent-kit/elements per page.',
  );
}
