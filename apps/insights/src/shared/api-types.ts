/** The JSON shapes of Insights' own backend (`/api/*`), shared by the server and the React app. */

export interface SignInRequest {
  businessName: string;
}

/** A signed-in business: who it is, and a company-scoped bearer token for the Codat-style API. */
export interface SessionView {
  businessName: string;
  companyId: string;
  /** The name of the Codat company that represents the business. */
  companyName: string;
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  /** Where the browser reaches the API with the token. */
  apiBaseUrl: string;
  /** Where the Copay lending demo runs. */
  copayUrl: string;
  /** The consent-ledger product Insights asks consent for. */
  product: string;
}

export interface PublicConfig {
  apiBaseUrl: string;
  copayUrl: string;
  product: string;
}
