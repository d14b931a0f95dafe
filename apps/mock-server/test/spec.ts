/**
 * A small validator for Codat's published OpenAPI schemas (a copy of the published document in
 * test/fixtures/codat-platform-openapi.json, so a clone needs nothing beside it), enough to check
 * that the mock's responses are wire-compatible: $ref, allOf, type, nullable, enum, required, properties,
 * additionalProperties: false, items, uuid/date-time formats.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SPEC_PATH = fileURLToPath(new URL('./fixtures/codat-platform-openapi.json', import.meta.url));
type S = Record<string, unknown>;
let spec: S | undefined;
function load(): S {
  spec ??= JSON.parse(readFileSync(process.env.CODAT_SPEC ?? SPEC_PATH, 'utf8')) as S;
  return spec;
}
export function specAvailable(): boolean {
  try {
    load();
    return true;
  } catch {
    return false;
  }
}

function resolve(ref: string): S {
  let node: unknown = load();
  for (const part of ref.replace(/^#\//, '').split('/'))
    node = (node as S)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (!node) throw new Error(`Unresolvable $ref ${ref}`);
  return node as S;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateAgainstSpec(schemaName: string, value: unknown): string[] {
  const errors: string[] = [];
  check(resolve(`#/components/schemas/${schemaName}`), value, schemaName, errors);
  return errors;
}

function check(schema: S, value: unknown, path: string, errors: string[]): void {
  if (schema.$ref) {
    const target = resolve(schema.$ref as string);
    check(schema.nullable ? { ...target, nullable: true } : target, value, path, errors);
    return;
  }
  if (value === null) {
    if (!schema.nullable && schema.type !== 'null') errors.push(`${path}: null is not allowed`);
    return;
  }
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf as S[]) check(part, value, path, errors);
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value))
    errors.push(`${path}: ${JSON.stringify(value)} is not one of the spec's values`);
  const type = schema.type as string | undefined;
  if (type === 'object' || (!type && schema.properties)) {
    if (typeof value !== 'object' || Array.isArray(value))
      return void errors.push(`${path}: expected an object`);
    const record = value as S;
    for (const key of (schema.required as string[] | undefined) ?? []) {
      if (!(key in record)) errors.push(`${path}: missing required ${key}`);
    }
    const properties = (schema.properties ?? {}) as Record<string, S>;
    for (const [key, child] of Object.entries(record)) {
      if (properties[key]) check(properties[key], child, `${path}.${key}`, errors);
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property ${key}`);
      else if (typeof schema.additionalProperties === 'object')
        check(schema.additionalProperties as S, child, `${path}.${key}`, errors);
    }
  } else if (type === 'array') {
    if (!Array.isArray(value)) return void errors.push(`${path}: expected an array`);
    value.forEach((item, i) => schema.items && check(schema.items as S, item, `${path}[${i}]`, errors));
  } else if (type === 'string') {
    if (typeof value !== 'string') return void errors.push(`${path}: expected a string`);
    if (schema.format === 'uuid' && !UUID.test(value)) errors.push(`${path}: not a uuid`);
    if (schema.format === 'date-time' && Number.isNaN(Date.parse(value)))
      errors.push(`${path}: not a date-time`);
  } else if (type === 'integer') {
    if (!Number.isInteger(value)) errors.push(`${path}: expected an integer`);
  } else if (type === 'number') {
    if (typeof value !== 'number') errors.push(`${path}: expected a number`);
  } else if (type === 'boolean') {
    if (typeof value !== 'boolean') errors.push(`${path}: expected a boolean`);
  }
}
