/**
 * Stand-in API clients for stories of connected mode: every method any element calls answers the same way, so one
 * helper serves each element's client shape (`pendingClient<ConnectionManagerClient>()`).
 */

/** Every method of @consent-kit/client the elements call (ElementsClient, LinkClient, ConnectionManagerClient). */
const METHODS_USED = {
  integrations: ['list', 'branding'],
  connections: ['list', 'get', 'create', 'delete', 'unlink'],
  data: ['status'],
  products: ['get', 'list'],
  consents: ['list', 'grant', 'amend', 'withdraw'],
} as const;

/** A client whose answer to every call is `answer()`. */
function uniformClient<T>(answer: () => Promise<never>): T {
  const resource = (methods: readonly string[]) =>
    Object.fromEntries(methods.map((method) => [method, answer]));
  return Object.fromEntries(
    Object.entries(METHODS_USED).map(([name, methods]) => [name, resource(methods)]),
  ) as T;
}

/** Every request stays in flight: the element shows its loading state. */
export function pendingClient<T>(): T {
  return uniformClient<T>(() => new Promise<never>(() => {}));
}

/** Every request fails as the API fails: a status, the error body's message and the correlation id for support. */
export function failingClient<T>(status: number, message: string, correlationId: string): T {
  return uniformClient<T>(() =>
    Promise.reject(
      Object.assign(new Error(`${status} ${message}`), {
        status,
        correlationId,
        body: { statusCode: status, service: 'PublicApi', error: message, correlationId },
      }),
    ),
  );
}
