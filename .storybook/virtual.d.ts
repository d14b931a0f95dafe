declare module 'virtual:consent-kit/custom-elements' {
  /** The elements' custom-elements manifest, completed by packages/react/scripts/manifest.mjs (see main.ts). */
  const manifest: { schemaVersion: string; modules: unknown[] };
  export default manifest;
}

declare module '*/manifest.mjs' {
  type Manifest = { schemaVersion: string; modules: unknown[] };
  export function readElementsManifest(elementsDir: string): Promise<Manifest>;
  export function publicApiOf(manifest: Manifest): Manifest;
}
