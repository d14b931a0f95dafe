/**
 * @consent-kit/react: React wrappers of the consent-kit elements (@lit/react `createComponent`), generated from
 * the custom-elements manifest, plus JSX types for using the `ck-*` tags directly. Importing a wrapper registers
 * its element.
 */
export * from './generated/index.js';
export type { CkEvent, CustomElementProps } from './types.js';
