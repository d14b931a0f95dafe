import type { ConsentKitClient } from '@consent-kit/client';
import type { ElementsClient } from '../controllers/client.js';

/**
 * The part of `ConsentKitClient` (@consent-kit/client) `<ck-link>` and the elements it composes use. A structural
 * pick, so the real client, a second copy of it, or a test double with these methods fits.
 */
export interface LinkClient extends ElementsClient {
  /**
   * `create` (with an idempotency key, so a double click makes one connection), `get` (to follow the sign-in) and
   * `delete` (an abandoned, never authorised connection when the person chooses another platform).
   */
  connections: Pick<ConsentKitClient['connections'], 'list' | 'get' | 'create' | 'delete'>;
}
