/**
 * Every web part's `loc` folder: each locale file (`en-gb.js`, and any added later) defines exactly
 * the strings its `mystrings.d.ts` types, nested alike, each a non-empty string; a string with plural
 * forms has every form the locale's `Intl.PluralRules` uses; and the `{0}`-style placeholders a value
 * uses are the ones the typing's comment names. The files are read as the workbench reads them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { readLocStrings } from '../../src/workbench/loc';

const WEBPARTS = join(__dirname, '..', '..', 'src', 'webparts');
const PLURAL_TYPE = 'ITrackerPlural';

/** A typed key: a string (with the placeholders its comment names), a plural string, or a group of keys. */
type Typed = { kind: 'string'; placeholders: string[] } | { kind: 'plural'; placeholders: string[] } | { kind: 'group'; members: Map<string, Typed> };

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\d)\}/g)].map((m) => m[0]))].sort();
}

function docOf(node: ts.Node, source: ts.SourceFile): string {
  return (ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? []).map((r) => source.text.slice(r.pos, r.end)).join('\n');
}

function typedMembers(members: ts.NodeArray<ts.TypeElement>, source: ts.SourceFile): Map<string, Typed> {
  const out = new Map<string, Typed>();
  for (const member of members) {
    if (!ts.isPropertySignature(member) || member.type === undefined) throw new Error(`${source.fileName}: only string properties and groups of them belong in a strings interface.`);
    // A group of stored values is keyed by the values themselves, quoted when they have spaces.
    const name = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(source);
    const named = placeholders(docOf(member, source));
    const type = member.type;
    if (ts.isTypeLiteralNode(type)) out.set(name, { kind: 'group', members: typedMembers(type.members, source) });
    else if (ts.isTypeReferenceNode(type) && type.typeName.getText(source) === PLURAL_TYPE) out.set(name, { kind: 'plural', placeholders: named });
    else if (type.kind === ts.SyntaxKind.StringKeyword) out.set(name, { kind: 'string', placeholders: named });
    else throw new Error(`${source.fileName}: ${name} is typed ${type.getText(source)}, not a string, a plural or a group.`);
  }
  return out;
}

/** The strings interface a `mystrings.d.ts` declares (the one its `declare module` exports). */
function typing(path: string): Map<string, Typed> {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2020, true);
  const interfaces = source.statements.filter(ts.isInterfaceDeclaration).filter((i) => i.name.text !== PLURAL_TYPE);
  expect(interfaces).toHaveLength(1);
  return typedMembers(interfaces[0].members, source);
}

/** What is wrong with a locale's value against its typing, as readable lines (none when they agree). */
function problems(typed: Map<string, Typed>, value: unknown, locale: string, path = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path || 'the file'}: a group of strings is expected`];
  const record = value as Record<string, unknown>;
  const out = Object.keys(record).filter((k) => !typed.has(k)).map((k) => `${path}${k}: not in the typing`);
  for (const [key, type] of typed) {
    const at = `${path}${key}`;
    const v = record[key];
    if (v === undefined) {
      out.push(`${at}: missing`);
    } else if (type.kind === 'group') {
      out.push(...problems(type.members, v, locale, `${at}.`));
    } else if (type.kind === 'string') {
      if (typeof v !== 'string' || v.trim() === '') out.push(`${at}: not a non-empty string`);
      else if (placeholders(v).join() !== type.placeholders.join()) out.push(`${at}: uses ${placeholders(v).join(' ') || 'no placeholder'}, the typing names ${type.placeholders.join(' ') || 'none'}`);
    } else {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
      if (typeof v !== 'object' || v === null) {
        out.push(`${at}: plural forms expected`);
        continue;
      }
      const forms = v as Record<string, unknown>;
      for (const c of new Set([...categories, 'other'])) if (typeof forms[c] !== 'string' || (forms[c] as string).trim() === '') out.push(`${at}.${c}: missing or empty`);
      for (const k of Object.keys(forms)) if (!categories.includes(k)) out.push(`${at}.${k}: not a plural category of ${locale}`);
      const used = Object.values(forms).filter((f): f is string => typeof f === 'string').flatMap(placeholders);
      if ([...new Set(used)].sort().join() !== type.placeholders.join()) out.push(`${at}: its forms use ${[...new Set(used)].sort().join(' ') || 'no placeholder'}, the typing names ${type.placeholders.join(' ') || 'none'}`);
    }
  }
  return out;
}

const folders = readdirSync(WEBPARTS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && readdirSync(join(WEBPARTS, d.name)).includes('loc'))
  .map((d) => d.name);
const locales = folders.flatMap((folder) =>
  readdirSync(join(WEBPARTS, folder, 'loc'))
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ folder, file, locale: file.replace(/\.js$/, '') }))
);

test('every web part has its strings, and the screens share one module of theirs', () => {
  expect(folders.sort()).toEqual(['myActions', 'recommendationTracker', 'shared', 'trackerDashboard']);
  for (const folder of folders) expect(locales.filter((l) => l.folder === folder).map((l) => l.file)).toContain('en-gb.js');
});

test.each(locales.map((l) => [`${l.folder}/loc/${l.file}`, l] as const))('%s agrees with its mystrings.d.ts', async (_name, { folder, file, locale }) => {
  const loc = join(WEBPARTS, folder, 'loc');
  const strings = await readLocStrings<unknown>(join(loc, file));
  expect(problems(typing(join(loc, 'mystrings.d.ts')), strings, locale)).toEqual([]);
});

test('the check finds what is wrong: a missing key, an extra one, an empty value, a placeholder the typing does not name, a missing plural form', () => {
  const typed = new Map<string, Typed>([
    ['A', { kind: 'string', placeholders: ['{0}'] }],
    ['B', { kind: 'group', members: new Map<string, Typed>([['C', { kind: 'string', placeholders: [] }]]) }],
    ['D', { kind: 'plural', placeholders: ['{0}'] }]
  ]);
  expect(problems(typed, { A: 'Due {0}', B: { C: 'x' }, D: { one: '{0} day', other: '{0} days' } }, 'en-GB')).toEqual([]);
  expect(problems(typed, { A: 'Due {1}', B: { C: ' ', E: 'y' }, D: { other: '{0} days' }, F: 'z' }, 'en-GB')).toEqual([
    'F: not in the typing',
    'A: uses {1}, the typing names {0}',
    'B.E: not in the typing',
    'B.C: not a non-empty string',
    'D.one: missing or empty'
  ]);
});
