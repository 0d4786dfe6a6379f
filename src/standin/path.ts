/**
 * Parsing of SharePoint REST resource paths: `web/lists/getByTitle('A%2FB')/items(7)`,
 * `AddUsingPath(decodedurl='x.pdf',Overwrite=true)`, `siteUsers(@v)` with `?@v='…'`.
 */
import { errors } from './errors';

/** A path argument: a string, number, boolean, guid or (resolved) alias. */
export type PathArg = string | number | boolean;

export interface Segment {
  /** The segment name, lower-cased for matching (SharePoint is case-insensitive). */
  name: string;
  /** The name as sent. */
  raw: string;
  /** Positional arguments: `items(7)` → [7]. */
  args: PathArg[];
  /** Named arguments, keys lower-cased: `AddUsingPath(decodedurl='x')` → {decodedurl:'x'}. */
  named: Record<string, PathArg>;
  /** Whether the segment had parentheses at all. */
  call: boolean;
}

/** Splits on `/` outside quotes and parentheses, so that unencoded slashes in arguments survive. */
function splitTopLevel(path: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === "'") {
      quoted = !quoted;
    } else if (!quoted && ch === '(') {
      depth++;
    } else if (!quoted && ch === ')') {
      depth--;
    } else if (!quoted && depth === 0 && ch === sep) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

function parseArg(text: string, aliases: URLSearchParams): PathArg {
  const t = text.trim();
  const quoted = /^(guid|datetime)?'((?:[^']|'')*)'$/i.exec(t);
  if (quoted) {
    return quoted[2].replace(/''/g, "'");
  }
  if (t.startsWith('@')) {
    const v = aliases.get(t);
    if (v === null) {
      throw errors.badRequest(`The parameter alias '${t}' has no value.`);
    }
    return parseArg(v, aliases);
  }
  if (/^-?\d+(\.\d+)?$/.test(t)) {
    return Number(t);
  }
  if (/^(true|false)$/i.test(t)) {
    return t.toLowerCase() === 'true';
  }
  return t;
}

/** Parses one (already URL-decoded) segment. */
export function parseSegment(text: string, aliases: URLSearchParams): Segment {
  const open = text.indexOf('(');
  if (open < 0 || !text.endsWith(')')) {
    return { name: text.toLowerCase(), raw: text, args: [], named: {}, call: false };
  }
  const raw = text.slice(0, open);
  const inner = text.slice(open + 1, -1);
  const seg: Segment = { name: raw.toLowerCase(), raw, args: [], named: {}, call: true };
  if (inner.trim() === '') {
    return seg;
  }
  for (const part of splitTopLevel(inner, ',')) {
    const eq = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/s.exec(part);
    if (eq && !part.trim().startsWith("'")) {
      seg.named[eq[1].toLowerCase()] = parseArg(eq[2], aliases);
    } else {
      seg.args.push(parseArg(part, aliases));
    }
  }
  return seg;
}

/**
 * Splits the part of a URL path after `_api/` into segments. Splitting happens before
 * percent-decoding so that an encoded `/` inside `getByTitle('A%2FB')` stays in its segment.
 */
export function parseApiPath(rawPath: string, aliases: URLSearchParams): Segment[] {
  return splitTopLevel(rawPath, '/')
    .filter((p) => p !== '')
    .map((p) => {
      let decoded: string;
      try {
        decoded = decodeURIComponent(p);
      } catch {
        throw errors.badRequest(`The path segment '${p}' is not correctly encoded.`);
      }
      return parseSegment(decoded, aliases);
    });
}

/** A segment's first argument as a string, or a 400. */
export function argString(seg: Segment, name?: string): string {
  const v = name !== undefined ? seg.named[name] ?? seg.args[0] : seg.args[0];
  if (v === undefined) {
    throw errors.badRequest(`'${seg.raw}' needs an argument.`);
  }
  return String(v);
}

/** A segment's first argument as an integer, or a 400. */
export function argInt(seg: Segment): number {
  const v = seg.args[0];
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n)) {
    throw errors.badRequest(`'${seg.raw}' needs an integer argument.`);
  }
  return n;
}

/** Refuses a path that goes on below a resource that has no children (`web/title/x`). */
export function leaf(rest: readonly Segment[], type: string): void {
  if (rest.length > 0) {
    throw errors.noProperty(rest[0].raw, type);
  }
}
