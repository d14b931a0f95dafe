import type { ConsentKitClient } from '@consent-kit/client';

/**
 * The part of `ConsentKitClient` (@consent-kit/client) `<ck-connection-manager>` uses in connected mode. A structural
 * pick, so the real client, a second copy of it, or a test double with these methods fits.
 */
export interface ConnectionManagerClient {
  integrations: Pick<ConsentKitClient['integrations'], 'branding'>;
  /** `list`; `unlink` = PATCH `{status: "Unlinked"}`; `delete` = the connection and its data. */
  connections: Pick<ConsentKitClient['connections'], 'list' | 'unlink' | 'delete'>;
  consents: Pick<ConsentKitClient['consents'], 'list' | 'withdraw'>;
  products: Pick<ConsentKitClient['products'], 'list'>;
  data: Pick<ConsentKitClient['data'], 'status'>;
}
