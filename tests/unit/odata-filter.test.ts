/** The stand-in's OData `$filter` parser: the AST it builds, and SharePoint's errors for what it refuses. */
import { SpError } from '../../src/standin/errors';
import { conjuncts, fieldRefs, parseFilter, tokenize, type FilterNode } from '../../src/standin/odata/filter';

function errorOf(source: string): SpError {
  try {
    parseFilter(source);
  } catch (e) {
    if (e instanceof SpError) {
      return e;
    }
    throw e;
  }
  throw new Error(`'${source}' parsed without an error`);
}

describe('$filter tokenizer', () => {
  it('reads quoted strings with doubled quotes, typed literals and projected names', () => {
    const tokens = tokenize("Owner/Title eq 'O''Neill' and Created ge datetime'2024-01-01T00:00:00Z' and Id eq guid'0f8fad5b-d9cb-469f-a165-70867728950e'");
    expect(tokens.map((t) => [t.type, t.value])).toEqual([
      ['ident', 'Owner/Title'],
      ['ident', 'eq'],
      ['string', "O'Neill"],
      ['ident', 'and'],
      ['ident', 'Created'],
      ['ident', 'ge'],
      ['datetime', '2024-01-01T00:00:00Z'],
      ['ident', 'and'],
      ['ident', 'Id'],
      ['ident', 'eq'],
      ['guid', '0f8fad5b-d9cb-469f-a165-70867728950e'],
      ['eof', '']
    ]);
  });

  it('reads negative and decimal numbers', () => {
    expect(tokenize('Score gt -1.5').map((t) => t.value)).toEqual(['Score', 'gt', '-1.5', '']);
  });

  it('refuses an unterminated string', () => {
    expect(() => tokenize("Title eq 'open")).toThrow(SpError);
  });
});

describe('$filter parser', () => {
  it('parses the filters PnPjs fluent filters emit', () => {
    expect(parseFilter("Title eq 'it''s'")).toEqual({
      kind: 'compare',
      op: 'eq',
      left: { kind: 'field', path: ['Title'] },
      right: { kind: 'literal', type: 'string', value: "it's" }
    });
    expect(parseFilter('OwnerId eq 3')).toEqual({
      kind: 'compare',
      op: 'eq',
      left: { kind: 'field', path: ['OwnerId'] },
      right: { kind: 'literal', type: 'number', value: 3, raw: '3' }
    });
    expect(parseFilter("Created gt '2024-01-01T00:00:00.000Z'")).toMatchObject({ right: { type: 'string', value: '2024-01-01T00:00:00.000Z' } });
    expect(parseFilter('Done eq 1')).toMatchObject({ right: { type: 'number', value: 1 } });
    expect(parseFilter('DueDate eq null')).toMatchObject({ right: { type: 'null', value: null } });
    expect(parseFilter('Accepted ne true')).toMatchObject({ op: 'ne', right: { type: 'boolean', value: true } });
  });

  it('gives and precedence over or, and honours parentheses', () => {
    const flat = parseFilter("A eq 1 or B eq 2 and C eq 3");
    expect(flat.kind).toBe('or');
    expect((flat as { right: FilterNode }).right.kind).toBe('and');
    const grouped = parseFilter('(A eq 1 or B eq 2) and C eq 3');
    expect(grouped.kind).toBe('and');
    expect((grouped as { left: FilterNode }).left.kind).toBe('or');
  });

  it('parses in() and notIn() groups as PnPjs writes them', () => {
    const inGroup = parseFilter("(Lifecycle eq 'Open' or Lifecycle eq 'Being progressed' or Lifecycle eq 'Awaiting review')");
    expect(fieldRefs(inGroup).map((r) => r.path.join('/'))).toEqual(['Lifecycle', 'Lifecycle', 'Lifecycle']);
    const notIn = parseFilter("(Lifecycle ne 'Closed' and Lifecycle ne 'Superseded')");
    expect(conjuncts(notIn)).toHaveLength(2);
  });

  it('parses not, startswith, substringof (with a space) and date parts', () => {
    expect(parseFilter("not startswith(Title,'PEEL')")).toEqual({
      kind: 'not',
      operand: { kind: 'startswith', field: { kind: 'field', path: ['Title'] }, value: { kind: 'literal', type: 'string', value: 'PEEL' } }
    });
    expect(parseFilter("substringof('domestic abuse', Title)")).toEqual({
      kind: 'substringof',
      value: { kind: 'literal', type: 'string', value: 'domestic abuse' },
      field: { kind: 'field', path: ['Title'] }
    });
    expect(parseFilter("startswith(Title,'A') eq false")).toMatchObject({ kind: 'not', operand: { kind: 'startswith' } });
    expect(parseFilter('year(DueDate) eq 2018')).toMatchObject({ kind: 'compare', left: { kind: 'datepart', fn: 'year', arg: { path: ['DueDate'] } } });
  });

  it('puts a literal on either side', () => {
    expect(parseFilter('3 lt Score')).toMatchObject({ left: { kind: 'literal', value: 3 }, right: { kind: 'field', path: ['Score'] } });
  });

  it('lists the fields a filter reads and splits top-level conjuncts', () => {
    const node = parseFilter("Cohort eq 1 and (Owner/Title eq 'Head of Crime' or year(DueDate) eq 2018) and not Done eq 1");
    expect(fieldRefs(node).map((r) => r.path.join('/'))).toEqual(['Cohort', 'Owner/Title', 'DueDate', 'Done']);
    expect(conjuncts(node).map((n) => n.kind)).toEqual(['compare', 'or', 'not']);
  });

  it.each([
    ["endswith(Title,'x')"],
    ["tolower(Title) eq 'x'"],
    ["toupper(Title) eq 'X'"],
    ["trim(Title) eq 'x'"],
    ["concat(Title,'x') eq 'yx'"],
    ["substring(Title,1) eq 'x'"],
    ["indexof(Title,'x') eq 1"],
    ["length(Title) eq 1"],
    ['round(Score) eq 1'],
    ['floor(Score) eq 1'],
    ['ceiling(Score) eq 1'],
    ['Score add 1 eq 2'],
    ['Score mul 2 eq 4'],
    ["replace(Title,'a','b') eq 'b'"]
  ])('refuses %s with SharePoint\'s "expression is not valid" error', (source) => {
    const e = errorOf(source);
    expect(e.status).toBe(400);
    expect(e.code).toBe('-1, Microsoft.SharePoint.SPException');
    expect(e.message).toBe(`The expression "${source}" is not valid.`);
  });

  it.each([
    ["Title Eq 'x'"],
    ["Title eq"],
    ["(Title eq 'x'"],
    ["Title eq 'x')"],
    ["Title eq 'x' and"],
    ['eq 1'],
    [''],
    ["Title eq 'x' 'y'"],
    ['Score eq 1abc']
  ])('refuses the malformed filter %p with a syntax error', (source) => {
    const e = errorOf(source);
    expect(e.status).toBe(400);
    expect(e.code).toBe('-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
    expect(e.message).toMatch(/^Syntax error at position \d+ in '/);
  });

  it('requires a field and a string in startswith and substringof', () => {
    expect(errorOf("startswith('x',Title)").message).toBe('The expression "startswith(\'x\',Title)" is not valid.');
    expect(errorOf("substringof(Title,'x')").message).toBe('The expression "substringof(Title,\'x\')" is not valid.');
  });
});
