declare module 'virtual:consent-kit/custom-elements' {
  /** The elements' custom-elements manifest, completed by packages/react/scripts/manifest.mjs (see main.ts). */
  const manifest: { schemaVersion: string; modules: unknown[] };
  export default manifest;
}

declare module '*/manifest.mjs' {
  export function readElementsManifest(
    elementsDir: string,
  ): Promise<{ schemaVersion: string; modules: unknown[] }>;
}
