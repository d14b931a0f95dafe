import type { Connection, ConnectionStatus, ConsentRecord, Product } from '@consent-kit/contract';

/** Actions on one connection row. Which ones are offered depends on the status (`ACTIONS_BY_STATUS`). */
export const CONNECTION_ACTIONS = ['disconnect', 'delete', 'reconnect'] as const;
export type ConnectionAction = (typeof CONNECTION_ACTIONS)[number];

/**
 * The actions a person can take on a connection of each status: only a Linked connection can be disconnected
 * (the API refuses to unlink anything else); an Unlinked or expired (Deauthorized) one can be reconnected; data can
 * always be deleted. A PendingAuth connection was never authorised: it can only be removed.
 */
export const ACTIONS_BY_STATUS = {
  PendingAuth: ['delete'],
  Linked: ['disconnect', 'delete'],
  Unlinked: ['reconnect', 'delete'],
  Deauthorized: ['reconnect', 'delete'],
} as const satisfies Record<ConnectionStatus, readonly ConnectionAction[]>;

/** Actions on a product consent. */
export const CONSENT_ACTIONS = ['withdraw'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/** How a reconnect opens the connection's hosted sign-in page. */
export const CONNECTION_MANAGER_HANDOFF_MODES = ['popup', 'redirect'] as const;
export type ConnectionManagerHandoffMode = (typeof CONNECTION_MANAGER_HANDOFF_MODES)[number];

export interface ConnectionDisconnectDetail {
  connection: Connection;
  /** Every product that reads data through this connection and will stop receiving new data. */
  impactedProducts: Product[];
}
export interface ConnectionDeleteDetail {
  connection: Connection;
  /** Every product that reads data through this connection; they lose the data already shared, too. */
  impactedProducts: Product[];
}
export interface ConnectionReconnectDetail {
  connection: Connection;
  /** The hosted sign-in page the element would open (`connection.linkUrl`). */
  linkUrl: string;
}
export interface ConnectionAddDetail {
  /** The connections the company has now (so an app can tell the picker what is already connected). */
  connections: Connection[];
}
export interface ConsentWithdrawDetail {
  consent: ConsentRecord;
  /** The products that stop reading data because of this withdrawal (the consent's own product). */
  impactedProducts: Product[];
  /** Other products sharing the same connections: they keep their own consent and are not affected. */
  unaffectedProducts: Product[];
}
/** Announced after an action the element performed itself (connected mode). */
export interface ConnectionManagerChangeDetail {
  action: ConnectionAction | ConsentAction;
  connection?: Connection;
  consent?: ConsentRecord;
}

declare global {
  interface HTMLElementEventMap {
    'ck-connection-disconnect': CustomEvent<ConnectionDisconnectDetail>;
    'ck-connection-delete': CustomEvent<ConnectionDeleteDetail>;
    'ck-connection-reconnect': CustomEvent<ConnectionReconnectDetail>;
    'ck-connection-add': CustomEvent<ConnectionAddDetail>;
    'ck-consent-withdraw': CustomEvent<ConsentWithdrawDetail>;
    'ck-connections-change': CustomEvent<ConnectionManagerChangeDetail>;
  }
}
