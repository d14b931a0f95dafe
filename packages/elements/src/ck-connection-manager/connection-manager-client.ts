import type {
  Connection,
  ConsentRecord,
  DataStatuses,
  Page,
  PagingParams,
  Product,
  WithdrawConsentRequest,
} from '@consent-kit/contract';
import type { ElementsClient } from '../controllers/client.js';

/**
 * The part of `ConsentKitClient` (@consent-kit/client) `<ck-connection-manager>` uses in connected mode, declared
 * structurally so that the real client, a second copy of it, or a test double fits.
 */
export interface ConnectionManagerClient {
  integrations: ElementsClient['integrations'];
  connections: {
    list(companyId: string, params?: PagingParams): Promise<Page<Connection>>;
    /** `PATCH /companies/{id}/connections/{cid}` with `{status: "Unlinked"}`. */
    unlink(companyId: string, connectionId: string): Promise<Connection>;
    /** `DELETE /companies/{id}/connections/{cid}`: the connection and its data. */
    delete(companyId: string, connectionId: string): Promise<unknown>;
  };
  consents: {
    list(companyId: string, params?: PagingParams): Promise<Page<ConsentRecord>>;
    withdraw(companyId: string, consentId: string, request?: WithdrawConsentRequest): Promise<ConsentRecord>;
  };
  products: {
    list(params?: PagingParams): Promise<Page<Product> | Product[]>;
  };
  data: {
    status(companyId: string): Promise<DataStatuses>;
  };
}
