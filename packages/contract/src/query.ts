/**
 * Codat's query language: `field op value` comparisons joined by `&&` / `||`, grouped with `{ }`, on dot paths
 * (`dataConnections.status=PendingAuth`). Operators: `=`, `!=`, `~` (contains), `>`, `<`, `>=`, `<=`.
 * `&&` binds tighter than `||`. A value runs to the next `&&`, `||` or `}`; quote it ("...") to include those.
 *
 * One implementation shared by the client (building queries) and the server (parsing and filtering).
 */
// Defined here, not in paging.ts, so that building queries in a browser does not pull in zod.
/** Longest accepted `query` parameter (decoded). */
export const MAX_QUERY_LENGTH = 2048;

export const QUERY_OPERATORS = ['=', '!=', '~', '>', '<', '>=', '<='] as const;
export type QueryOperator = (typeof QUERY_OPERATORS)[number];

export type QueryNode =
  | { kind: 'comparison'; path: string[]; operator: QueryOperator; value: string }
  | { kind: 'and' | 'or'; operands: QueryNode[] };

export class QueryParseError extends Error {
  override name = 'QueryParseError';
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} (at character ${position + 1})`);
  }
}

const PATH = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/;
// Longest operators first so that `!=` is not read as `!` + `=`.
const OPERATORS_BY_LENGTH = [...QUERY_OPERATORS].sort((a, b) => b.length - a.length);

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): QueryNode {
    const node = this.or();
    this.skipSpace();
    if (this.pos < this.src.length) throw new QueryParseError(`Unexpected "${this.src[this.pos]}"`, this.pos);
    return node;
  }

  private or(): QueryNode {
    const operands = [this.and()];
    while (this.eat('||')) operands.push(this.and());
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
  }

  private and(): QueryNode {
    const operands = [this.primary()];
    while (this.eat('&&')) operands.push(this.primary());
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
  }

  private primary(): QueryNode {
    this.skipSpace();
    if (this.eat('{')) {
      const inner = this.or();
      if (!this.eat('}')) throw new QueryParseError('Missing "}"', this.pos);
      return inner;
    }
    return this.comparison();
  }

  private comparison(): QueryNode {
    this.skipSpace();
    const start = this.pos;
    while (this.pos < this.src.length && /[\w.-]/.test(this.src[this.pos]!)) this.pos++;
    const path = this.src.slice(start, this.pos);
    if (!path) throw new QueryParseError('Expected a field name', start);
    if (!PATH.test(path)) throw new QueryParseError(`"${path}" is not a field name`, start);
    this.skipSpace();
    const operator = OPERATORS_BY_LENGTH.find((op) => this.src.startsWith(op, this.pos));
    if (!operator) throw new QueryParseError(`Expected an operator (${QUERY_OPERATORS.join(' ')}) after "${path}"`, this.pos);
    this.pos += operator.length;
    return { kind: 'comparison', path: path.split('.'), operator, value: this.value() };
  }

  private value(): string {
    this.skipSpace();
    if (this.src[this.pos] === '"') {
      const start = this.pos++;
      let out = '';
      while (this.pos < this.src.length && this.src[this.pos] !== '"') {
        if (this.src[this.pos] === '\\' && this.pos + 1 < this.src.length) this.pos++;
        out += this.src[this.pos++];
      }
      if (this.src[this.pos] !== '"') throw new QueryParseError('Unterminated quoted value', start);
      this.pos++;
      return out;
    }
    const start = this.pos;
    while (
      this.pos < this.src.length &&
      !this.src.startsWith('&&', this.pos) &&
      !this.src.startsWith('||', this.pos) &&
      this.src[this.pos] !== '}'
    ) {
      this.pos++;
    }
    const value = this.src.slice(start, this.pos).trim();
    if (!value) throw new QueryParseError('Expected a value', start);
    return value;
  }

  private eat(token: string): boolean {
    this.skipSpace();
    if (!this.src.startsWith(token, this.pos)) return false;
    this.pos += token.length;
    return true;
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
  }
}

/** Parses a (decoded) query string. Throws `QueryParseError` with the position of the problem. */
export function parseQuery(source: string): QueryNode {
  if (source.length > MAX_QUERY_LENGTH) {
    throw new QueryParseError(`Query is longer than ${MAX_QUERY_LENGTH} characters`, MAX_QUERY_LENGTH);
  }
  if (!source.trim()) throw new QueryParseError('Query is empty', 0);
  return new Parser(source).parse();
}

function needsQuotes(value: string): boolean {
  // A leading `=` would merge with a `>` / `<` operator (`amount>=5` is not `amount > "=5"`), and a leading or
  // trailing `&` / `|` would merge with a neighbouring `&&` / `||` (`a=x|||b=1`).
  return value !== value.trim() || value === '' || /&&|\|\||[{}"]|^[=&|]|[&|]$/.test(value);
}

function formatValue(value: string): string {
  return needsQuotes(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
}

/** Serialises a query tree; `parseQuery(stringifyQuery(n))` gives back an equal tree. */
export function stringifyQuery(node: QueryNode, parent?: 'and' | 'or'): string {
  if (node.kind === 'comparison') return `${node.path.join('.')}${node.operator}${formatValue(node.value)}`;
  const text = node.operands.map((operand) => stringifyQuery(operand, node.kind)).join(node.kind === 'and' ? '&&' : '||');
  // Groups are needed where an `or` sits inside an `and`; nested same-kind groups are kept explicit too.
  return parent ? `{${text}}` : text;
}

/** URL-encoded query, ready for `?query=`. */
export function encodeQuery(query: QueryNode | string): string {
  return encodeURIComponent(typeof query === 'string' ? query : stringifyQuery(query));
}

type Scalar = string | number | boolean;

/** Builders: `q.and(q.eq('sourceType', 'Accounting'), q.eq('enabled', true))`. */
export const q = {
  compare(path: string, operator: QueryOperator, value: Scalar): QueryNode {
    if (!PATH.test(path)) throw new QueryParseError(`"${path}" is not a field name`, 0);
    return { kind: 'comparison', path: path.split('.'), operator, value: String(value) };
  },
  eq: (path: string, value: Scalar) => q.compare(path, '=', value),
  ne: (path: string, value: Scalar) => q.compare(path, '!=', value),
  contains: (path: string, value: Scalar) => q.compare(path, '~', value),
  gt: (path: string, value: Scalar) => q.compare(path, '>', value),
  lt: (path: string, value: Scalar) => q.compare(path, '<', value),
  gte: (path: string, value: Scalar) => q.compare(path, '>=', value),
  lte: (path: string, value: Scalar) => q.compare(path, '<=', value),
  and: (...operands: QueryNode[]): QueryNode => (operands.length === 1 ? operands[0]! : { kind: 'and', operands }),
  or: (...operands: QueryNode[]): QueryNode => (operands.length === 1 ? operands[0]! : { kind: 'or', operands }),
};

function valuesAt(target: unknown, path: readonly string[]): unknown[] {
  let current: unknown[] = [target];
  for (const key of path) {
    const next: unknown[] = [];
    for (const item of current) {
      // Arrays fan out, so `dataConnections.status=Linked` matches when any connection is Linked.
      for (const element of Array.isArray(item) ? item : [item]) {
        if (element && typeof element === 'object' && Object.hasOwn(element, key)) {
          next.push((element as Record<string, unknown>)[key]);
        }
      }
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Orders a wire value against a query value (or another wire value): numbers numerically, ISO dates by instant,
 * everything else (text, booleans) as case-insensitive text, so that `sourceType=accounting` matches `Accounting`.
 */
function order(actual: unknown, expected: unknown): number {
  if (typeof actual === 'number' && typeof expected === 'number') return actual - expected;
  if (typeof actual === 'number' && typeof expected === 'string' && expected.trim() !== '' && !Number.isNaN(Number(expected))) {
    return actual - Number(expected);
  }
  if (typeof actual === 'string' && typeof expected === 'string' && ISO_DATE.test(actual) && ISO_DATE.test(expected)) {
    const difference = Date.parse(actual) - Date.parse(expected);
    // Date-shaped but impossible (`2024-13-45`): fall back to text, so a value still equals itself.
    if (!Number.isNaN(difference)) return difference;
  }
  return String(actual).localeCompare(String(expected), 'en', { sensitivity: 'accent' });
}

function compareScalar(actual: unknown, operator: QueryOperator, expected: string): boolean {
  if (actual === null || actual === undefined) return operator === '!=' ? true : false;
  if (operator === '~') return String(actual).toLowerCase().includes(expected.toLowerCase());
  const result = order(actual, expected);
  switch (operator) {
    case '=':
      return result === 0;
    case '!=':
      return result !== 0;
    case '>':
      return result > 0;
    case '<':
      return result < 0;
    case '>=':
      return result >= 0;
    case '<=':
      return result <= 0;
  }
}

/** Whether an object satisfies a query tree. */
export function matchesQuery(node: QueryNode, target: unknown): boolean {
  switch (node.kind) {
    case 'and':
      return node.operands.every((operand) => matchesQuery(operand, target));
    case 'or':
      return node.operands.some((operand) => matchesQuery(operand, target));
    case 'comparison': {
      const values = valuesAt(target, node.path);
      if (node.operator === '!=') return values.every((v) => compareScalar(v, '!=', node.value));
      return values.some((v) => compareScalar(v, node.operator, node.value));
    }
  }
}

/** Sorts by `orderBy` (`field` or `-field` for descending), stable, with the same comparison rules as queries. */
export function sortBy<T>(items: readonly T[], orderBy: string | undefined): T[] {
  if (!orderBy) return [...items];
  const descending = orderBy.startsWith('-');
  const path = (descending ? orderBy.slice(1) : orderBy).split('.');
  const key = (item: T) => valuesAt(item, path)[0];
  return [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return 0;
    // Missing values sort last in both directions.
    if (x === undefined || x === null) return 1;
    if (y === undefined || y === null) return -1;
    const result = order(x, y);
    return descending ? -result : result;
  });
}
