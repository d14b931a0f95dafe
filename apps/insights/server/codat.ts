import {
  AccessToken,
  BUSINESS_NAME_TAG,
  businessNameKey,
  Company,
  ErrorBody,
  encodeQuery,
  formatZodError,
  paged,
  q,
  type CreateCompanyRequest,
} from '@consent-kit/contract';

/** A failed call to the Codat-style API, with its status and (when it sent one) its error body. */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
  constructor(
    message: string,
    readonly status: number,
    readonly body?: ErrorBody,
  ) {
    super(message);
  }
}

const CompanyPage = paged(Company);

interface Schema<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: Parameters<typeof formatZodError>[0] };
}

/**
 * The few server-to-server calls Insights' backend makes with the API key: find or create the company that
 * represents a business, and mint a company-scoped token for its browser. Everything else the browser does itself
 * with that token (through @consent-kit/client and the elements). Responses are checked against the contract.
 */
export class CodatApi {
  private readonly authorization: string;

  constructor(
    readonly baseUrl: string,
    apiKey: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.authorization = `Basic ${Buffer.from(apiKey, 'utf8').toString('base64')}`;
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: this.authorization,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new UpstreamError(`The data platform could not be reached (${(error as Error).message})`, 502);
    }
    const text = await response.text();
    let json: unknown = undefined;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    if (!response.ok) {
      const parsed = ErrorBody.safeParse(json);
      throw new UpstreamError(
        parsed.success ? parsed.data.error : `${method} ${path} failed with ${response.status}`,
        response.status,
        parsed.success ? parsed.data : undefined,
      );
    }
    return json;
  }

  private static check<T>(schema: Schema<T>, value: unknown, what: string): T {
    const result = schema.safeParse(value);
    if (!result.success) {
      throw new UpstreamError(
        `Unexpected ${what} from the data platform: ${formatZodError(result.error)}`,
        502,
      );
    }
    return result.data;
  }

  /**
   * The business's company, oldest first when there are several: the one named so (case and spaces ignored), else
   * one tagged with the name by another of the lender's products (Copay names its companies by merchant id).
   */
  async findCompanyByName(name: string): Promise<Company | undefined> {
    const wanted = businessNameKey(name);
    const named = CodatApi.check(
      CompanyPage,
      await this.call(
        'GET',
        `/companies?query=${encodeQuery(q.eq('name', name))}&orderBy=created&pageSize=50`,
      ),
      'company list',
    );
    const byName = named.results.find((company) => businessNameKey(company.name) === wanted);
    if (byName) return byName;
    const tag = encodeURIComponent(`${BUSINESS_NAME_TAG}=${wanted}`);
    const tagged = CodatApi.check(
      CompanyPage,
      await this.call('GET', `/companies?tags=${tag}&orderBy=created&pageSize=1`),
      'company list',
    );
    return tagged.results[0];
  }

  /** The company, or undefined when it no longer exists (e.g. the mock server was restarted with fresh data). */
  async getCompany(companyId: string): Promise<Company | undefined> {
    try {
      return CodatApi.check(
        Company,
        await this.call('GET', `/companies/${encodeURIComponent(companyId)}`),
        'company',
      );
    } catch (error) {
      if (error instanceof UpstreamError && error.status === 404) return undefined;
      throw error;
    }
  }

  async createCompany(request: CreateCompanyRequest): Promise<Company> {
    return CodatApi.check(Company, await this.call('POST', '/companies', request), 'company');
  }

  /** A bearer token that can touch only this company: what the browser gets. */
  async accessToken(companyId: string): Promise<AccessToken> {
    return CodatApi.check(
      AccessToken,
      await this.call('GET', `/companies/${encodeURIComponent(companyId)}/accessToken`),
      'access token',
    );
  }
}
