import type { DetailedHTMLProps, HTMLAttributes } from 'react';

/**
 * The event type of a consent-kit event name, from the elements' `HTMLElementEventMap` declarations
 * (`'ck-integration-select'` -> `CustomEvent<IntegrationSelectDetail>`); `CustomEvent<unknown>` for a name an element
 * documents with `@fires` but has not declared.
 */
export type CkEvent<K extends string> = K extends keyof HTMLElementEventMap
  ? HTMLElementEventMap[K]
  : CustomEvent<unknown>;

/**
 * Props of a consent-kit tag used directly in JSX (React 19): the element's public properties (set as properties),
 * its kebab-case attributes (strings), `on<event-name>` listeners (React 19 adds a listener for the exact event
 * name after `on`), and the usual HTML attributes.
 */
export type CustomElementProps<
  E extends HTMLElement,
  Fields extends string,
  Attributes extends string,
  Events extends string,
> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, Fields | Attributes> &
  Partial<Pick<E, Extract<Fields, keyof E>>> & { [A in Attributes]?: string | number | boolean } & {
    [K in Events as `on${K}`]?: (event: CkEvent<K>) => void;
  } & { class?: string };
