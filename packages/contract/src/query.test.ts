import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as f from '../test/fixtures.js';
import {
  MAX_QUERY_LENGTH,
  QUERY_OPERATORS,
  QueryParseError,
  encodeQuery,
  matchesQuery,
  parseQuery,
  q,
  sortBy,
  stringifyQuery,
  type QueryNode,
} from './index.js';

const cmp = (path: string, operator: (typeof QUERY_OPERATORS)[number], value: string): QueryNode => ({
  kind: 'comparison',
  path: path.split('.'),
  operator,
  value,
});

function parseError(source: string): QueryParseError {
  try {
    parseQuery(source);
  } catch (error) {
    if (error instanceof QueryParseError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} not to parse`);
}

describe('parseQuery', () => {
  it('parses every operator, longest first', () => {
    for (const op of QUERY_OPERATORS) {
      expect(parseQuery(`totalAmount${op}100`)).toEqual(cmp('totalAmount', op, '100'));
    }
  });

  it('reads the Codat integrations example', () => {
    expect(parseQuery('sourceType=Accounting&&enabled=true')).toEqual({
      kind: 'and',
      operands: [cmp('sourceType', '=', 'Accounting'), cmp('enabled', '=', 'true')],
    });
  });

  it('binds && tighter than ||', () => {
    expect(parseQuery('a=1||b=2&&c=3')).toEqual({
      kind: 'or',
      operands: [cmp('a', '=', '1'), { kind: 'and', operands: [cmp('b', '=', '2'), cmp('c', '=', '3')] }],
    });
    expect(parseQuery('a=1&&b=2||c=3')).toEqual({
      kind: 'or',
      operands: [{ kind: 'and', operands: [cmp('a', '=', '1'), cmp('b', '=', '2')] }, cmp('c', '=', '3')],
    });
  });

  it('groups with { } to override precedence', () => {
    expect(parseQuery('{a=1||b=2}&&c=3')).toEqual({
      kind: 'and',
      operands: [{ kind: 'or', operands: [cmp('a', '=', '1'), cmp('b', '=', '2')] }, cmp('c', '=', '3')],
    });
    expect(parseQuery('{ { name~acme } }')).toEqual(cmp('name', '~', 'acme'));
  });

  it('reads dot paths and trims unquoted values; spaces around tokens are allowed', () => {
    expect(parseQuery(' dataConnections.status = Linked && name ~ Toft stores ')).toEqual({
      kind: 'and',
      operands: [cmp('dataConnections.status', '=', 'Linked'), cmp('name', '~', 'Toft stores')],
    });
  });

  it('keeps quoted values verbatim, with escapes', () => {
    expect(parseQuery('name="Smith && Sons || {Ltd}"')).toEqual(cmp('name', '=', 'Smith && Sons || {Ltd}'));
    expect(parseQuery('name=" padded "')).toEqual(cmp('name', '=', ' padded '));
    expect(parseQuery('name="say \\"hi\\" \\\\ bye"')).toEqual(cmp('name', '=', 'say "hi" \\ bye'));
  });

  it('rejects bad input with the position of the problem', () => {
    const cases: [string, RegExp, number][] = [
      ['name', /Expected an operator/, 4],
      ['name Acme', /Expected an operator/, 5],
      ['name=', /Expected a value/, 5],
      ['name=  && a=1', /Expected a value/, 7],
      ['a=1&&', /Expected a field name/, 5],
      ['=Acme', /Expected a field name/, 0],
      ['{a=1||b=2', /Missing "}"/, 9],
      ['a=1}', /Unexpected "}"/, 3],
      ['{a=1}}', /Unexpected "}"/, 5],
      ['name="unterminated', /Unterminated quoted value/, 5],
      ['name="x" y', /Unexpected "y"/, 9],
      ['', /Query is empty/, 0],
      ['   ', /Query is empty/, 0],
      ['1abc=2', /"1abc" is not a field name/, 0],
    ];
    for (const [source, message, position] of cases) {
      const error = parseError(source);
      expect(error.message, source).toMatch(message);
      expect(error.position, source).toBe(position);
      expect(error.message).toContain(`(at character ${position + 1})`);
      expect(error.name).toBe('QueryParseError');
    }
  });

  it(`rejects queries longer than ${MAX_QUERY_LENGTH} characters`, () => {
    const atLimit = `name=${'x'.repeat(MAX_QUERY_LENGTH - 5)}`;
    expect(atLimit).toHaveLength(MAX_QUERY_LENGTH);
    expect(parseQuery(atLimit)).toEqual(cmp('name', '=', 'x'.repeat(MAX_QUERY_LENGTH - 5)));
    const error = parseError(`${atLimit}x`);
    expect(error.message).toMatch(/longer than 2048 characters/);
    expect(error.position).toBe(MAX_QUERY_LENGTH);
  });
});

describe('stringifyQuery / encodeQuery round trips', () => {
  const sources = [
    'sourceType=Accounting&&enabled=true',
    'a=1||b=2&&c=3',
    '{a=1||b=2}&&c=3',
    '{a=1&&b=2}&&{c=3||{d=4&&e=5}}',
    'dataConnections.status=Linked',
    'name="Smith && Sons"',
    'name~"{braces}"',
    'created>=2024-01-01T00:00:00Z&&created<2024-02-01',
    'tags.region!=us',
  ];

  it.each(sources)('parse -> stringify -> parse is stable: %s', (source) => {
    const tree = parseQuery(source);
    const text = stringifyQuery(tree);
    expect(parseQuery(text)).toEqual(tree);
    // Stringify is canonical: a second pass gives the same text.
    expect(stringifyQuery(parseQuery(text))).toBe(text);
  });

  it('quotes values that would otherwise change meaning', () => {
    expect(stringifyQuery(cmp('name', '=', 'A && B'))).toBe('name="A && B"');
    expect(stringifyQuery(cmp('name', '=', ''))).toBe('name=""');
    expect(stringifyQuery(cmp('name', '=', ' x'))).toBe('name=" x"');
    // `amount>=5` would read as `>=`, so a value starting with `=` is quoted after `>`.
    const tricky = cmp('amount', '>', '=5');
    expect(parseQuery(stringifyQuery(tricky))).toEqual(tricky);
    // A value ending in `|` would merge with a following `||`.
    const pipes = q.or(cmp('a', '=', 'x|'), cmp('b', '=', '&y'));
    expect(stringifyQuery(pipes)).toBe('a="x|"||b="&y"');
    expect(parseQuery(stringifyQuery(pipes))).toEqual(pipes);
  });

  it('encodes for a URL and decodes back through URLSearchParams', () => {
    const tree = q.and(q.eq('name', 'Smith & Sons + Co'), q.or(q.contains('tags.region', 'uk'), q.gt('totalAmount', 100.5)));
    const encoded = encodeQuery(tree);
    expect(encoded).not.toMatch(/[&+{}" ]/);
    const url = new URL(`https://api.example.com/companies?query=${encoded}&page=2`);
    expect(url.searchParams.get('page')).toBe('2');
    expect(parseQuery(url.searchParams.get('query')!)).toEqual(tree);
    expect(encodeQuery('sourceType=Accounting&&enabled=true')).toBe('sourceType%3DAccounting%26%26enabled%3Dtrue');
  });

  it('q builders produce the same tree as parsing', () => {
    expect(q.and(q.eq('sourceType', 'Accounting'), q.eq('enabled', true))).toEqual(
      parseQuery('sourceType=Accounting&&enabled=true'),
    );
    expect(q.and(q.ne('status', 'Linked'))).toEqual(parseQuery('status!=Linked'));
    expect(() => q.eq('bad path', 1)).toThrow(QueryParseError);
  });

  it('property: any generated query tree survives stringify -> (URL) -> parse', () => {
    const segment = fc.stringMatching(/^[A-Za-z_][\w-]{0,8}$/);
    const path = fc.array(segment, { minLength: 1, maxLength: 3 });
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: fc.constantFrom('a', ' ', '&', '|', '{', '}', '"', '\\', '=', '<', '>', '~', '!', '.'), maxLength: 8 }),
      fc.integer().map(String),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    );
    const comparison = fc.record({
      kind: fc.constant('comparison' as const),
      path,
      operator: fc.constantFrom(...QUERY_OPERATORS),
      value,
    });
    const { tree } = fc.letrec<{ tree: QueryNode }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        comparison,
        fc.record({
          kind: fc.constantFrom('and' as const, 'or' as const),
          operands: fc.array(tie('tree'), { minLength: 2, maxLength: 3 }),
        }),
      ),
    }));
    fc.assert(
      fc.property(tree, (node) => {
        const text = stringifyQuery(node);
        fc.pre(text.length <= MAX_QUERY_LENGTH);
        expect(parseQuery(text)).toEqual(node);
        expect(parseQuery(decodeURIComponent(encodeQuery(node)))).toEqual(node);
        expect(parseQuery(new URLSearchParams(`query=${encodeQuery(node)}`).get('query')!)).toEqual(node);
      }),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 500) },
    );
  });
});

describe('matchesQuery', () => {
  const companies = [
    { ...f.company, name: 'Toft stores', amount: 250, active: true, created: '2022-01-01T12:00:00.000Z' },
    { ...f.company, id: '2', name: 'Acme Widgets', amount: 99.5, active: false, created: '2023-06-15T08:00:00+02:00', dataConnections: [f.xeroConnection] },
    { ...f.company, id: '3', name: 'Bob\'s Burgers', amount: 1000, created: '2021-11-15T01:00:00Z', dataConnections: [], tags: {} },
  ];
  const names = (query: string) => companies.filter((c) => matchesQuery(parseQuery(query), c)).map((c) => c.name);

  it('fans out over arrays on dot paths', () => {
    expect(names('dataConnections.status=Linked')).toEqual(['Toft stores']);
    expect(names('dataConnections.status=PendingAuth')).toEqual(['Toft stores', 'Acme Widgets']);
    expect(names('dataConnections.sourceType=Banking')).toEqual(['Toft stores']);
    // `!=` means no element has that value.
    expect(names('dataConnections.status!=Linked')).toEqual(['Acme Widgets', "Bob's Burgers"]);
    expect(names('dataConnections.dataConnectionErrors.statusCode=401')).toEqual(['Toft stores', 'Acme Widgets']);
  });

  it('compares numbers numerically, not as text', () => {
    expect(names('amount>100')).toEqual(['Toft stores', "Bob's Burgers"]);
    expect(names('amount<=99.5')).toEqual(['Acme Widgets']);
    expect(names('amount>=1000')).toEqual(["Bob's Burgers"]);
  });

  it('compares dates by instant, including offsets', () => {
    expect(names('created>2022-01-01')).toEqual(['Toft stores', 'Acme Widgets']);
    expect(names('created<2022-01-01T12:00:00Z')).toEqual(["Bob's Burgers"]);
    // 08:00+02:00 is 06:00Z.
    expect(names('created=2023-06-15T06:00:00Z')).toEqual(['Acme Widgets']);
  });

  it('compares booleans and text case-insensitively', () => {
    expect(names('active=true')).toEqual(['Toft stores']);
    expect(names('active=FALSE')).toEqual(['Acme Widgets']);
    expect(names('name=toft STORES')).toEqual(['Toft stores']);
    expect(names('tags.region=UK')).toEqual(['Toft stores', 'Acme Widgets']);
  });

  it('~ is a case-insensitive contains', () => {
    expect(names('name~BURGER')).toEqual(["Bob's Burgers"]);
    expect(names('name~"s "')).toEqual(["Bob's Burgers"]);
  });

  it('combines with && / || and groups', () => {
    expect(names('amount>100&&name~toft||active=false')).toEqual(['Toft stores', 'Acme Widgets']);
    expect(names('amount>100&&{name~toft||active=false}')).toEqual(['Toft stores']);
  });

  it('missing fields never equal, but are != anything', () => {
    expect(names('active=true||active=false')).toEqual(['Toft stores', 'Acme Widgets']);
    expect(names('active!=true')).toEqual(['Acme Widgets', "Bob's Burgers"]);
    expect(names('nope.deeper=1')).toEqual([]);
  });

  it('a date-shaped but impossible value still equals itself', () => {
    expect(matchesQuery(parseQuery('ref=2024-13-45'), { ref: '2024-13-45' })).toBe(true);
  });
});

describe('sortBy', () => {
  const items = [
    { name: 'beta', amount: 10, created: '2023-01-01T00:00:00Z' },
    { name: 'Alpha', amount: 9, created: '2023-01-01T01:00:00+02:00' },
    { name: 'gamma', amount: 100 },
  ];

  it('sorts ascending and descending (-field), numbers numerically, missing values last', () => {
    expect(sortBy(items, 'amount').map((i) => i.amount)).toEqual([9, 10, 100]);
    expect(sortBy(items, '-amount').map((i) => i.amount)).toEqual([100, 10, 9]);
    expect(sortBy(items, 'name').map((i) => i.name)).toEqual(['Alpha', 'beta', 'gamma']);
    expect(sortBy(items, '-name').map((i) => i.name)).toEqual(['gamma', 'beta', 'Alpha']);
    // 01:00+02:00 is before 00:00Z; the item without a date goes last either way.
    expect(sortBy(items, 'created').map((i) => i.name)).toEqual(['Alpha', 'beta', 'gamma']);
    expect(sortBy(items, '-created').map((i) => i.name)).toEqual(['beta', 'Alpha', 'gamma']);
  });

  it('sorts on dot paths, is stable, and never mutates the input', () => {
    const rows = [
      { id: 1, owner: { name: 'b' } },
      { id: 2, owner: { name: 'a' } },
      { id: 3, owner: { name: 'b' } },
    ];
    const copy = structuredClone(rows);
    expect(sortBy(rows, 'owner.name').map((r) => r.id)).toEqual([2, 1, 3]);
    expect(rows).toEqual(copy);
    expect(sortBy(rows, undefined)).toEqual(rows);
    expect(sortBy(rows, undefined)).not.toBe(rows);
  });
});
