import * as z from 'zod/mini';

export const ValidationItem = z.object({
  itemId: z.nullable(z.string()),
  message: z.nullable(z.string()),
  validatorName: z.nullable(z.string()),
});
export type ValidationItem = z.infer<typeof ValidationItem>;

/** Codat's error body. Every 4xx/5xx of the API has this shape; it never carries a stack trace. */
export const ErrorBody = z.object({
  statusCode: z.int(),
  service: z.string(),
  error: z.string(),
  correlationId: z.string(),
  validation: z.optional(
    z.nullable(
      z.object({
        errors: z.optional(z.nullable(z.array(ValidationItem))),
        warnings: z.optional(z.nullable(z.array(ValidationItem))),
      }),
    ),
  ),
  canBeRetried: z.optional(z.string()),
  detailedErrorCode: z.optional(z.int()),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

const ISSUE_TEXT: Record<string, (issue: z.core.$ZodIssue) => string> = {
  invalid_type: (i) => `must be ${'expected' in i ? String(i.expected) : 'of another type'}`,
  too_small: (i) =>
    'minimum' in i
      ? i.origin === 'string'
        ? `must be at least ${String(i.minimum)} characters`
        : i.origin === 'array'
          ? `must have at least ${String(i.minimum)} items`
          : `must be at least ${String(i.minimum)}`
      : 'is too small',
  too_big: (i) =>
    'maximum' in i
      ? i.origin === 'string'
        ? `must be at most ${String(i.maximum)} characters`
        : i.origin === 'array'
          ? `must have at most ${String(i.maximum)} items`
          : `must be at most ${String(i.maximum)}`
      : 'is too big',
  invalid_format: (i) => `must be a valid ${'format' in i ? i.format : 'value'}`,
  invalid_value: (i) => `must be one of ${'values' in i ? i.values.map((v) => JSON.stringify(v)).join(', ') : 'the allowed values'}`,
  unrecognized_keys: (i) => `has unknown field(s) ${'keys' in i ? i.keys.join(', ') : ''}`,
  invalid_union: () => 'does not match any allowed shape',
};

/** Turns a zod issue into a sentence a developer can act on: `"pageSize" must be at most 5000`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.map(String).join('.') : 'value';
  const custom = issue.message && issue.message !== 'Invalid input' ? issue.message : undefined;
  const text = custom ?? ISSUE_TEXT[issue.code]?.(issue) ?? 'is invalid';
  return `${where} ${text}`;
}

/** Codat `validation.errors` items for a failed parse. */
export function toValidationItems(error: z.core.$ZodError): ValidationItem[] {
  return error.issues.map((issue) => ({
    itemId: issue.path.length ? issue.path.map(String).join('.') : null,
    message: describeIssue(issue),
    validatorName: issue.code,
  }));
}

/** One readable line for a failed parse, for thrown errors and logs. */
export function formatZodError(error: z.core.$ZodError): string {
  return error.issues.map(describeIssue).join('; ');
}
