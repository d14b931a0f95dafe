import type {
  AmendConsentRequest,
  Branding,
  Connection,
  ConsentRecord,
  DataStatuses,
  GrantConsentRequest,
  Integration,
  Product,
} from '@consent-kit/contract';
import type { ListParamsLike, PagedLike } from '../ck-connection-manager/connection-manager-client.js';

/**
 * The part of `ConsentKitClient` (@consent-kit/client) `<ck-link>` and the elements it composes use, declared
 * structurally so that the real client, a second copy of it, or a test double fits.
 */
export interface LinkClient {
  integrations: {
    list(params?: ListParamsLike): Promise<PagedLike<Integration>>;
    branding(platformKey: string): Promise<Branding>;
  };
  connections: {
    list(companyId: string, params?: ListParamsLike): Promise<PagedLike<Connection>>;
    get(companyId: string, connectionId: string): Promise<Connection>;
    /** `POST /companies/{id}/connections`; the idempotency key makes a double click create one connection. */
    create(companyId: string, request: { platformKey: string }, options?: { idempotencyKey?: string }): Promise<Connection>;
    /** Removes an abandoned connection (never authorised) when the person chooses another platform. */
    delete(companyId: string, connectionId: string): Promise<unknown>;
  };
  data: {
    status(companyId: string): Promise<DataStatuses>;
  };
  products: {
    get(productIdentifier: string): Promise<Product>;
  };
  consents: {
    list(companyId: string, params?: ListParamsLike): Promise<PagedLike<ConsentRecord>>;
    grant(companyId: string, request: GrantConsentRequest): Promise<ConsentRecord>;
    amend(companyId: string, consentId: string, request: AmendConsentRequest): Promise<ConsentRecord>;
  };
}
