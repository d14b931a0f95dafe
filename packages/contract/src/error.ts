import * as z from 'zod/mini';

export const ValidationItem = z.object({
  itemId: z.nullable(z.string()),
  message: z.nullable(z.string()),
  validatorName: z.nullable(z.string()),
});
export type ValidationItem = z.infer<typeof ValidationItem>;

/**
 * Codat's `canBeRetried` values: a string, never a boolean. Every server sends one of these; readers also meet
 * values added later, so `ErrorBody` keeps the field a plain string.
 */
export const CAN_BE_RETRIED = ['True', 'False', 'Unknown'] as const;
export type CanBeRetried = (typeof CAN_BE_RETRIED)[number];

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
  too_small: (i) => {
    if (!('minimum' in i)) return 'is too small';
    const min = Number(i.minimum);
    if (i.origin === 'string') return min === 1 ? 'must not be empty' : `must be at least ${min} characters`;
    if (i.origin === 'array' || i.origin === 'set') return min === 1 ? 'must not be empty' : `must have at least ${min} items`;
    // `z.positive()` is an exclusive minimum of 0: "at least 0" would be wrong.
    return i.inclusive === false ? `must be greater than ${String(i.minimum)}` : `must be at least ${String(i.minimum)}`;
  },
  too_big: (i) => {
    if (!('maximum' in i)) return 'is too big';
    const max = Number(i.maximum);
    if (i.origin === 'string') return `must be at most ${max} character${max === 1 ? '' : 's'}`;
    if (i.origin === 'array' || i.origin === 'set') return `must have at most ${max} item${max === 1 ? '' : 's'}`;
    return i.inclusive === false ? `must be less than ${String(i.maximum)}` : `must be at most ${String(i.maximum)}`;
  },
  invalid_format: (i) => `must be a valid ${'format' in i ? i.format : 'value'}`,
  invalid_value: (i) => `must be one of ${'values' in i ? i.values.map((v) => JSON.stringify(v)).join(', ') : 'the allowed values'}`,
  unrecognized_keys: (i) => `has unknown field(s) ${'keys' in i ? i.keys.join(', ') : ''}`,
  // A record key that failed its own schema (e.g. a tag name longer than 27 characters).
  invalid_key: (i) =>
    'issues' in i && Array.isArray(i.issues) && i.issues.length
      ? `is not an allowed key: it ${i.issues.map((inner) => issueText(inner as z.core.$ZodIssue)).join(', ')}`
      : 'is not an allowed key',
  invalid_union: (i) =>
    // A discriminated union whose discriminator matched nothing lists the values it knows.
    'options' in i && Array.isArray(i.options) && i.options.length
      ? `must be one of ${i.options.map((v: unknown) => JSON.stringify(v)).join(', ')}`
      : 'does not match any allowed shape',
};

function issueText(issue: z.core.$ZodIssue): string {
  const custom = issue.message && issue.message !== 'Invalid input' ? issue.message : undefined;
  return custom ?? ISSUE_TEXT[issue.code]?.(issue) ?? 'is invalid';
}

/** Turns a zod issue into a sentence a developer can act on: `"pageSize" must be at most 5000`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.map(String).join('.') : 'value';
  return `${where} ${issueText(issue)}`;
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
