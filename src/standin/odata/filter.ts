/**
 * OData v3 `$filter` as SharePoint's REST API accepts it: a tokenizer and a recursive-descent parser
 * producing an AST. Only the subset SharePoint supports parses; everything else (endswith, tolower,
 * arithmetic, any/all…) is rejected with the error SharePoint gives, never silently ignored.
 */
import { SpError } from '../errors';

/** Comparison operators SharePoint accepts (lower case only). */
export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/** Date-part functions usable as operands: `year(Created) eq 2024`. */
export type DatePartFn = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

/** A literal value with the syntax it was written in (the binder coerces it to the field's type). */
export type Literal =
  | { kind: 'literal'; type: 'string'; value: string }
  | { kind: 'literal'; type: 'number'; value: number; raw: string }
  | { kind: 'literal'; type: 'boolean'; value: boolean }
  | { kind: 'literal'; type: 'null'; value: null }
  | { kind: 'literal'; type: 'datetime'; value: string }
  | { kind: 'literal'; type: 'guid'; value: string };

/** A field reference: `Title`, `OwnerId`, or a projected lookup field `Owner/Title`. */
export interface FieldRef {
  kind: 'field';
  path: string[];
}

/** A value-producing function call: `year(Created)`. */
export interface DatePart {
  kind: 'datepart';
  fn: DatePartFn;
  arg: FieldRef;
}

export type Operand = FieldRef | Literal | DatePart;

/** A boolean expression. */
export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'startswith'; field: FieldRef; value: StringLiteral }
  | { kind: 'substringof'; value: StringLiteral; field: FieldRef };

/** A quoted string literal. */
export type StringLiteral = Extract<Literal, { type: 'string' }>;

type TokenType = 'ident' | 'string' | 'number' | 'datetime' | 'guid' | 'lparen' | 'rparen' | 'comma' | 'eof';

interface Token {
  type: TokenType;
  text: string;
  /** For string-like tokens, the unescaped content. */
  value: string;
  pos: number;
}

const COMPARE_OPS: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const DATE_PARTS: ReadonlySet<string> = new Set(['year', 'month', 'day', 'hour', 'minute', 'second']);
/** Arithmetic operators: valid OData that SharePoint refuses; the stand-in refuses them with its error. */
const ARITHMETIC: ReadonlySet<string> = new Set(['add', 'sub', 'mul', 'div', 'mod']);
/** SharePoint's answer to a filter it cannot evaluate. */
export function invalidExpression(text: string): SpError {
  return new SpError(400, '-1, Microsoft.SharePoint.SPException', `The expression "${text}" is not valid.`);
}

function syntaxError(source: string, pos: number): SpError {
  return new SpError(
    400,
    '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
    `Syntax error at position ${pos} in '${source}'.`
  );
}

function isIdentStart(ch: string): boolean {
  return /[A-Za-z_]/.test(ch);
}

function isIdentPart(ch: string): boolean {
  return /[A-Za-z0-9_.]/.test(ch);
}

/** Reads a quoted literal starting at `start` (the opening quote); `''` is an escaped quote. */
function readQuoted(source: string, start: number): { value: string; end: number } {
  let i = start + 1;
  let value = '';
  for (;;) {
    if (i >= source.length) {
      throw syntaxError(source, start);
    }
    const ch = source[i];
    if (ch === "'") {
      if (source[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += ch;
    i++;
  }
}

/** Splits a `$filter` string into tokens. Identifiers may contain `/` (projected lookup fields). */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const pos = i;
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', text: ch, value: ch, pos });
      i++;
      continue;
    }
    if (ch === "'") {
      const q = readQuoted(source, i);
      tokens.push({ type: 'string', text: source.slice(pos, q.end), value: q.value, pos });
      i = q.end;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(source[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < source.length && /[0-9.]/.test(source[j])) {
        j++;
      }
      // OData type suffixes: 1L, 1.5d, 1.5m, 1.5f.
      if (j < source.length && /[LlDdMmFf]/.test(source[j]) && !isIdentPart(source[j + 1] ?? '')) {
        j++;
      }
      const text = source.slice(pos, j);
      if (j < source.length && isIdentStart(source[j])) {
        throw syntaxError(source, j);
      }
      tokens.push({ type: 'number', text, value: text.replace(/[LlDdMmFf]$/, ''), pos });
      i = j;
      continue;
    }
    if (isIdentStart(ch)) {
      let j = i + 1;
      while (j < source.length && (isIdentPart(source[j]) || (source[j] === '/' && isIdentStart(source[j + 1] ?? '')))) {
        j++;
      }
      const word = source.slice(pos, j);
      if ((word === 'datetime' || word === 'guid' || word === 'datetimeoffset') && source[j] === "'") {
        const q = readQuoted(source, j);
        tokens.push({ type: word === 'guid' ? 'guid' : 'datetime', text: source.slice(pos, q.end), value: q.value, pos });
        i = q.end;
        continue;
      }
      tokens.push({ type: 'ident', text: word, value: word, pos });
      i = j;
      continue;
    }
    throw syntaxError(source, pos);
  }
  tokens.push({ type: 'eof', text: '', value: '', pos: source.length });
  return tokens;
}

/** Recursive-descent parser over the token list. */
/** Nesting (parentheses and `not`) beyond which a filter is refused rather than parsed. */
export const MAX_FILTER_DEPTH = 100;

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly source: string, private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.type !== 'eof') {
      throw syntaxError(this.source, next.pos);
    }
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  private take(): Token {
    const t = this.peek();
    this.index++;
    return t;
  }

  private expect(type: TokenType): Token {
    const t = this.take();
    if (t.type !== type) {
      throw syntaxError(this.source, t.pos);
    }
    return t;
  }

  private isKeyword(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === 'ident' && t.value === word;
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.take();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.isKeyword('and')) {
      this.take();
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    if (this.isKeyword('not')) {
      this.take();
      return { kind: 'not', operand: this.nested(() => this.parseUnary()) };
    }
    return this.parsePrimary();
  }

  /** Parses one level deeper, refusing an expression nested past `MAX_FILTER_DEPTH`. */
  private nested(parse: () => FilterNode): FilterNode {
    if (++this.depth > MAX_FILTER_DEPTH) {
      throw new SpError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The $filter expression is nested more than ${MAX_FILTER_DEPTH} levels deep.`);
    }
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private parsePrimary(): FilterNode {
    const t = this.peek();
    if (t.type === 'lparen') {
      this.take();
      const inner = this.nested(() => this.parseOr());
      this.expect('rparen');
      return this.withOptionalBooleanCompare(inner);
    }
    if (t.type === 'ident' && this.peek(1).type === 'lparen') {
      const name = t.value;
      if (name === 'startswith' || name === 'substringof') {
        return this.withOptionalBooleanCompare(this.parseBooleanCall(name));
      }
      if (!DATE_PARTS.has(name)) {
        throw this.unsupportedCall();
      }
    }
    return this.parseComparison();
  }

  /** `startswith(Title,'A') eq true` is also accepted; `eq false` negates. */
  private withOptionalBooleanCompare(node: FilterNode): FilterNode {
    const op = this.peek();
    if (op.type === 'ident' && (op.value === 'eq' || op.value === 'ne')) {
      const lit = this.peek(1);
      if (lit.type === 'ident' && (lit.value === 'true' || lit.value === 'false')) {
        this.take();
        this.take();
        const wantTrue = (op.value === 'eq') === (lit.value === 'true');
        return wantTrue ? node : { kind: 'not', operand: node };
      }
      if (lit.type === 'number' && (lit.value === '1' || lit.value === '0')) {
        this.take();
        this.take();
        const wantTrue = (op.value === 'eq') === (lit.value === '1');
        return wantTrue ? node : { kind: 'not', operand: node };
      }
    }
    return node;
  }

  private parseBooleanCall(name: 'startswith' | 'substringof'): FilterNode {
    const start = this.take();
    this.expect('lparen');
    const first = this.parseOperand();
    this.expect('comma');
    const second = this.parseOperand();
    const close = this.expect('rparen');
    const text = this.source.slice(start.pos, close.pos + 1);
    if (name === 'startswith') {
      if (first.kind !== 'field' || second.kind !== 'literal' || second.type !== 'string') {
        throw invalidExpression(text);
      }
      return { kind: 'startswith', field: first, value: second };
    }
    if (first.kind !== 'literal' || first.type !== 'string' || second.kind !== 'field') {
      throw invalidExpression(text);
    }
    return { kind: 'substringof', value: first, field: second };
  }

  private parseComparison(): FilterNode {
    const left = this.parseOperand();
    const opToken = this.take();
    if (opToken.type !== 'ident' || !COMPARE_OPS.has(opToken.value)) {
      if (opToken.type === 'ident' && ARITHMETIC.has(opToken.value)) {
        throw invalidExpression(this.source);
      }
      throw syntaxError(this.source, opToken.pos);
    }
    const right = this.parseOperand();
    return { kind: 'compare', op: opToken.value as CompareOp, left, right };
  }

  /** SharePoint quotes the whole expression when it meets a function it does not implement. */
  private unsupportedCall(): SpError {
    return invalidExpression(this.source);
  }

  private parseOperand(): Operand {
    const t = this.take();
    switch (t.type) {
      case 'string':
        return { kind: 'literal', type: 'string', value: t.value };
      case 'datetime':
        return { kind: 'literal', type: 'datetime', value: t.value };
      case 'guid':
        return { kind: 'literal', type: 'guid', value: t.value };
      case 'number': {
        const n = Number(t.value);
        if (!Number.isFinite(n)) {
          throw syntaxError(this.source, t.pos);
        }
        return { kind: 'literal', type: 'number', value: n, raw: t.value };
      }
      case 'ident':
        return this.parseIdentOperand(t);
      default:
        throw syntaxError(this.source, t.pos);
    }
  }

  private parseIdentOperand(t: Token): Operand {
    if (t.value === 'null') {
      return { kind: 'literal', type: 'null', value: null };
    }
    if (t.value === 'true' || t.value === 'false') {
      return { kind: 'literal', type: 'boolean', value: t.value === 'true' };
    }
    if (this.peek().type === 'lparen') {
      if (DATE_PARTS.has(t.value)) {
        this.take();
        const arg = this.parseOperand();
        const close = this.expect('rparen');
        if (arg.kind !== 'field') {
          throw invalidExpression(this.source.slice(t.pos, close.pos + 1));
        }
        return { kind: 'datepart', fn: t.value as DatePartFn, arg };
      }
      throw this.unsupportedCall();
    }
    if (COMPARE_OPS.has(t.value) || t.value === 'and' || t.value === 'or' || t.value === 'not') {
      throw syntaxError(this.source, t.pos);
    }
    return { kind: 'field', path: t.value.split('/') };
  }
}

/** Parses a `$filter` expression into an AST, or throws SharePoint's error for it. */
export function parseFilter(source: string): FilterNode {
  const trimmed = source.trim();
  if (trimmed === '') {
    throw syntaxError(source, 0);
  }
  const tokens = tokenize(trimmed);
  return new Parser(trimmed, tokens).parse();
}

/** Every field path an expression reads, for index checks and `$expand` validation. */
export function fieldRefs(node: FilterNode): FieldRef[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...fieldRefs(node.left), ...fieldRefs(node.right)];
    case 'not':
      return fieldRefs(node.operand);
    case 'startswith':
    case 'substringof':
      return [node.field];
    case 'compare':
      return [node.left, node.right].flatMap((o) => (o.kind === 'field' ? [o] : o.kind === 'datepart' ? [o.arg] : []));
  }
}

/** Splits a top-level `and` chain into its conjuncts. */
export function conjuncts(node: FilterNode): FilterNode[] {
  return node.kind === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}
