/**
 * Everything that needs zod: loaded with `import()` on the first response that is validated (or the first error
 * body to read), so an app's initial bundle carries only the request code, and an app that sets
 * `validateResponses: false` loads zod only if it meets an error response.
 */
import { ErrorBody, formatZodError } from '@consent-kit/contract';
import { schemas, type SchemaName } from './schemas.js';

export type Checked = { ok: true; data: unknown } | { ok: false; problems: string };

export function check(name: SchemaName, json: unknown): Checked {
  const result = schemas[name]().safeParse(json);
  return result.success ? { ok: true, data: result.data } : { ok: false, problems: formatZodError(result.error) };
}

export function parseErrorBody(json: unknown): ErrorBody | undefined {
  const result = ErrorBody.safeParse(json);
  return result.success ? result.data : undefined;
}
