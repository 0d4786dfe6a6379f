/**
 * Columns: the built-in ones every list has, creation from the three ways PnPjs adds fields
 * (verbose `fields.add`, `createfieldasxml`, `AddField`), updates, SchemaXml, and the conversion of
 * item values between the wire and storage.
 */
import { randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { SpError, errors } from './errors';
import { FieldKind, type FieldDef, type FieldValue } from './model';

const TYPE_NAMES: Record<number, string> = {
  [FieldKind.Integer]: 'Integer',
  [FieldKind.Text]: 'Text',
  [FieldKind.Note]: 'Note',
  [FieldKind.DateTime]: 'DateTime',
  [FieldKind.Counter]: 'Counter',
  [FieldKind.Choice]: 'Choice',
  [FieldKind.Lookup]: 'Lookup',
  [FieldKind.Boolean]: 'Boolean',
  [FieldKind.Number]: 'Number',
  [FieldKind.Currency]: 'Currency',
  [FieldKind.URL]: 'URL',
  [FieldKind.Computed]: 'Computed',
  [FieldKind.Guid]: 'Guid',
  [FieldKind.MultiChoice]: 'MultiChoice',
  [FieldKind.File]: 'File',
  [FieldKind.Attachments]: 'Attachments',
  [FieldKind.User]: 'User',
  [FieldKind.ContentTypeId]: 'ContentTypeId'
};

const KIND_BY_TYPE: Record<string, number> = Object.fromEntries(
  [...Object.entries(TYPE_NAMES).map(([k, v]) => [v, Number(k)]), ['LookupMulti', FieldKind.Lookup], ['UserMulti', FieldKind.User]]
) as Record<string, number>;

/** The OData type of a field entity (`SP.FieldText`…). */
export function fieldEntityType(f: FieldDef): string {
  switch (f.FieldTypeKind) {
    case FieldKind.Text:
      return 'SP.FieldText';
    case FieldKind.Note:
      return 'SP.FieldMultiLineText';
    case FieldKind.DateTime:
      return 'SP.FieldDateTime';
    case FieldKind.Choice:
      return 'SP.FieldChoice';
    case FieldKind.MultiChoice:
      return 'SP.FieldMultiChoice';
    case FieldKind.Lookup:
      return 'SP.FieldLookup';
    case FieldKind.User:
      return 'SP.FieldUser';
    case FieldKind.Number:
      return 'SP.FieldNumber';
    case FieldKind.Currency:
      return 'SP.FieldCurrency';
    case FieldKind.URL:
      return 'SP.FieldUrl';
    case FieldKind.Counter:
    case FieldKind.Integer:
      return 'SP.FieldNumber';
    case FieldKind.Computed:
      return 'SP.FieldComputed';
    case FieldKind.Guid:
      return 'SP.FieldGuid';
    default:
      return 'SP.Field';
  }
}

/** XmlConvert.EncodeName as SharePoint applies it to a display name, truncated to 32 characters. */
export function encodeInternalName(title: string): string {
  let out = '';
  for (const [i, ch] of [...title].entries()) {
    const ok = /[A-Za-z_]/.test(ch) || (i > 0 && /[0-9]/.test(ch));
    out += ok ? ch : `_x${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}_`;
  }
  return out.slice(0, 32);
}

/** `_UIVersionString` is exposed as `OData__UIVersionString`. */
export function entityPropertyName(internalName: string): string {
  return internalName.startsWith('_') ? `OData_${internalName}` : internalName;
}

/** FileRef and FileDirRef are lookups in SharePoint's schema but read as server-relative URL strings. */
const PATH_LOOKUPS: ReadonlySet<string> = new Set(['FileRef', 'FileDirRef']);

/** Users and lookups are read and written as `<Name>Id`. */
export function isIdValued(f: FieldDef): boolean {
  return (f.FieldTypeKind === FieldKind.User || f.FieldTypeKind === FieldKind.Lookup) && !PATH_LOOKUPS.has(f.InternalName);
}

export function isMulti(f: FieldDef): boolean {
  return f.TypeAsString === 'UserMulti' || f.TypeAsString === 'LookupMulti' || f.FieldTypeKind === FieldKind.MultiChoice;
}

function base(internalName: string, title: string, kind: number, extra: Partial<FieldDef>): FieldDef {
  return {
    Id: randomUUID(),
    InternalName: internalName,
    StaticName: internalName,
    EntityPropertyName: entityPropertyName(internalName),
    Title: title,
    FieldTypeKind: kind,
    TypeAsString: TYPE_NAMES[kind] ?? 'Text',
    Description: '',
    Group: 'Custom Columns',
    Hidden: false,
    ReadOnlyField: false,
    Required: false,
    Indexed: false,
    EnforceUniqueValues: false,
    DefaultValue: null,
    FromBaseType: false,
    ...extra
  };
}

/** SharePoint's fixed ids of the built-in columns (SPBuiltInFieldId): the same in every list of every tenant. */
const BUILT_IN_IDS: Readonly<Record<string, string>> = {
  ID: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1',
  ContentTypeId: '03e45e84-1992-4d42-9116-26f756012634',
  Title: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
  Modified: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f',
  Created: '8c06beca-0777-48f7-91c7-6da68bc07b69',
  Author: '1df5e554-ec7e-46a6-901d-d85a3881cb18',
  Editor: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2',
  _UIVersionString: 'dce8262a-3ae9-45aa-aab4-83bd75fb738a',
  GUID: 'ae069f25-3ac2-4256-b9c3-15dbc15da0e0',
  Attachments: '67df98f4-9dec-48ff-a553-29bece9c5bf4',
  FileLeafRef: '8553196d-ec8d-4564-9861-3dbe931050c8',
  FileRef: '94f89715-e097-4e8b-ba79-ea02aa8b7adb',
  FileDirRef: '56605df6-8fa1-47e4-a04c-5b384d59609f'
};

/** The columns of a new generic list (100) or document library (101). */
export function builtInFields(baseTemplate: number): FieldDef[] {
  const sys = { FromBaseType: true, Group: '_Hidden' };
  const ro = { ...sys, ReadOnlyField: true };
  const fields = [
    base('ID', 'ID', FieldKind.Counter, { ...ro, Indexed: true }),
    base('ContentTypeId', 'Content Type ID', FieldKind.ContentTypeId, { ...ro, Hidden: true }),
    base('Title', 'Title', FieldKind.Text, { ...sys, Required: baseTemplate !== 101, MaxLength: 255 }),
    base('Modified', 'Modified', FieldKind.DateTime, { ...ro, DisplayFormat: 1 }),
    base('Created', 'Created', FieldKind.DateTime, { ...ro, DisplayFormat: 1 }),
    base('Author', 'Created By', FieldKind.User, { ...ro, LookupList: '{user-info}', LookupField: 'Title', SelectionMode: 1 }),
    base('Editor', 'Modified By', FieldKind.User, { ...ro, LookupList: '{user-info}', LookupField: 'Title', SelectionMode: 1 }),
    base('_UIVersionString', 'Version', FieldKind.Text, ro),
    base('GUID', 'GUID', FieldKind.Guid, { ...ro, Hidden: true })
  ];
  if (baseTemplate === 101) {
    fields.push(
      base('FileLeafRef', 'Name', FieldKind.File, { ...sys, Required: true }),
      base('FileRef', 'URL Path', FieldKind.Lookup, { ...ro, Hidden: true }),
      base('FileDirRef', 'Path', FieldKind.Lookup, { ...ro, Hidden: true })
    );
  } else {
    fields.push(base('Attachments', 'Attachments', FieldKind.Attachments, sys));
  }
  return fields.map((f) => ({ ...f, Id: BUILT_IN_IDS[f.InternalName] }));
}

/** Fields whose values the stand-in keeps in item columns rather than in the JSON data. */
export const SYSTEM_FIELDS: ReadonlySet<string> = new Set([
  'ID', 'ContentTypeId', 'Modified', 'Created', 'Author', 'Editor', '_UIVersionString', 'GUID', 'Attachments', 'FileRef', 'FileDirRef'
]);

function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function asBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') {
    return v;
  }
  if (typeof v === 'string') {
    return v.toUpperCase() === 'TRUE' || v === '1';
  }
  return undefined;
}

function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') {
    return v;
  }
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) {
    return Number(v);
  }
  return undefined;
}

/** `{results:[…]}` (verbose) or a plain array. */
function asStringArray(v: unknown): string[] | undefined {
  const arr = Array.isArray(v) ? v : v && typeof v === 'object' && Array.isArray((v as { results?: unknown }).results) ? (v as { results: unknown[] }).results : undefined;
  return arr?.map(String);
}

/** Writable field properties and how to read them from a REST body. */
const WRITABLE: Record<string, (f: FieldDef, v: unknown) => void> = {
  Title: (f, v) => { f.Title = asString(v) ?? f.Title; },
  Description: (f, v) => { f.Description = asString(v) ?? ''; },
  Group: (f, v) => { f.Group = asString(v) ?? f.Group; },
  Hidden: (f, v) => { f.Hidden = asBool(v) ?? f.Hidden; },
  Required: (f, v) => { f.Required = asBool(v) ?? f.Required; },
  Indexed: (f, v) => { f.Indexed = asBool(v) ?? f.Indexed; },
  EnforceUniqueValues: (f, v) => { f.EnforceUniqueValues = asBool(v) ?? f.EnforceUniqueValues; },
  DefaultValue: (f, v) => { f.DefaultValue = v === null ? null : String(v); },
  Choices: (f, v) => { f.Choices = asStringArray(v) ?? f.Choices; },
  MaxLength: (f, v) => { f.MaxLength = asNumber(v) ?? f.MaxLength; },
  NumberOfLines: (f, v) => { f.NumberOfLines = asNumber(v) ?? f.NumberOfLines; },
  RichText: (f, v) => { f.RichText = asBool(v) ?? f.RichText; },
  DisplayFormat: (f, v) => { f.DisplayFormat = asNumber(v) ?? f.DisplayFormat; },
  MinimumValue: (f, v) => { f.MinimumValue = asNumber(v) ?? f.MinimumValue; },
  MaximumValue: (f, v) => { f.MaximumValue = asNumber(v) ?? f.MaximumValue; },
  SelectionMode: (f, v) => { f.SelectionMode = asNumber(v) ?? f.SelectionMode; },
  LookupField: (f, v) => { f.LookupField = asString(v) ?? f.LookupField; },
  AllowMultipleValues: (f, v) => {
    const multi = asBool(v) ?? false;
    f.AllowMultipleValues = multi;
    if (f.FieldTypeKind === FieldKind.User) {
      f.TypeAsString = multi ? 'UserMulti' : 'User';
    } else if (f.FieldTypeKind === FieldKind.Lookup) {
      f.TypeAsString = multi ? 'LookupMulti' : 'Lookup';
    }
  }
};

/** Properties clients send that the stand-in accepts and has no use for. */
const IGNORED = new Set([
  '__metadata', 'FieldTypeKind', 'DateTimeCalendarType', 'FriendlyDisplayFormat', 'AllowHyperlink', 'AppendOnly',
  'RestrictedMode', 'UnlimitedLengthInDocumentLibrary', 'FillInChoice', 'EditFormat', 'CurrencyLocaleId', 'ShowAsPercentage',
  'Presence', 'SelectionGroup', 'StaticName', 'InternalName', 'EntityPropertyName', 'ValidationFormula', 'ValidationMessage',
  'JSLink', 'ClientSideComponentId', 'ClientSideComponentProperties', 'CustomFormatter', 'LookupWebId', 'IsRelationship',
  'RelationshipDeleteBehavior', 'TypeAsString'
]);

/** Applies writable properties from a REST body, rejecting properties SharePoint would not know. */
export function applyFieldProps(f: FieldDef, props: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(props)) {
    const apply = WRITABLE[k];
    if (apply) {
      apply(f, v);
    } else if (!IGNORED.has(k)) {
      throw errors.noProperty(k, fieldEntityType(f));
    }
  }
}

function uniqueInternalName(wanted: string, existing: readonly FieldDef[]): string {
  const taken = new Set(existing.map((f) => f.InternalName.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) {
    return wanted;
  }
  for (let i = 0; ; i++) {
    const candidate = `${wanted.slice(0, 31)}${i}`;
    if (!taken.has(candidate.toLowerCase())) {
      return candidate;
    }
  }
}

function checkSupportedKind(kind: number): void {
  if (kind === FieldKind.Calculated) {
    throw new SpError(400, '-1, Microsoft.SharePoint.SPException', 'Calculated columns are not supported by the local stand-in.');
  }
  if (!TYPE_NAMES[kind] || kind === FieldKind.Counter || kind === FieldKind.Computed) {
    throw new SpError(400, '-2147024809, System.ArgumentException', `Invalid field type kind ${kind}.`);
  }
}

/** `fields.add` (verbose body with `__metadata.type`) and `fields.addText` etc. */
export function fieldFromRest(body: Record<string, unknown>, existing: readonly FieldDef[]): FieldDef {
  const title = asString(body.Title);
  const kind = asNumber(body.FieldTypeKind);
  if (!title || kind === undefined) {
    throw errors.badRequest('A field needs a Title and a FieldTypeKind.');
  }
  checkSupportedKind(kind);
  const f = base(uniqueInternalName(encodeInternalName(title), existing), title, kind, {});
  if (kind === FieldKind.Text) {
    f.MaxLength = 255;
  }
  applyFieldProps(f, body);
  return f;
}

/** `fields/AddField` with `{parameters:{Title, FieldTypeKind, LookupListId, LookupFieldName}}`. */
export function fieldFromAddField(parameters: Record<string, unknown>, existing: readonly FieldDef[]): FieldDef {
  const title = asString(parameters.Title);
  const kind = asNumber(parameters.FieldTypeKind);
  if (!title || kind === undefined) {
    throw errors.badRequest('AddField needs parameters.Title and parameters.FieldTypeKind.');
  }
  checkSupportedKind(kind);
  const f = base(uniqueInternalName(encodeInternalName(title), existing), title, kind, {});
  if (kind === FieldKind.Lookup) {
    const listId = asString(parameters.LookupListId);
    if (!listId) {
      throw errors.badRequest('A lookup field needs parameters.LookupListId.');
    }
    f.LookupList = listId.replace(/[{}]/g, '').toLowerCase();
    f.LookupField = asString(parameters.LookupFieldName) ?? 'Title';
  }
  if (parameters.Required !== undefined) {
    f.Required = asBool(parameters.Required) ?? false;
  }
  return f;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => name === 'CHOICE'
});

interface XmlField {
  [attr: string]: unknown;
  CHOICES?: { CHOICE?: unknown[] };
  Default?: unknown;
}

/** AddFieldOptions.AddFieldInternalNameHint: take the internal name from `Name`. */
export const ADD_FIELD_INTERNAL_NAME_HINT = 8;

/**
 * `fields/createfieldasxml`. As in SharePoint, the internal name comes from `Name` only with the
 * AddFieldInternalNameHint option; otherwise it is derived from `DisplayName`.
 */
export function fieldFromXml(schemaXml: string, existing: readonly FieldDef[], options = ADD_FIELD_INTERNAL_NAME_HINT): FieldDef {
  let parsed: { Field?: XmlField };
  try {
    parsed = xml.parse(schemaXml, true) as { Field?: XmlField };
  } catch (e) {
    throw errors.badRequest(`The field schema XML is not valid: ${(e as Error).message}`);
  }
  const node = parsed.Field;
  if (!node) {
    throw errors.badRequest('The field schema XML must have a <Field> root element.');
  }
  const type = asString(node.Type);
  const kind = type !== undefined ? KIND_BY_TYPE[type] : undefined;
  if (kind === undefined) {
    throw new SpError(400, '-2147024809, System.ArgumentException', `Field type ${String(type)} is not installed properly.`);
  }
  checkSupportedKind(kind);
  const display = asString(node.DisplayName);
  const hinted = (options & ADD_FIELD_INTERNAL_NAME_HINT) !== 0 || display === undefined;
  const name = hinted ? asString(node.Name) ?? asString(node.StaticName) ?? encodeInternalName(display ?? '') : encodeInternalName(display);
  if (!name) {
    throw errors.badRequest('The field schema XML needs a Name or DisplayName.');
  }
  const taken = existing.some((f) => f.InternalName.toLowerCase() === name.toLowerCase());
  if (taken && hinted) {
    throw errors.fieldExists(name);
  }
  const f = base(taken ? uniqueInternalName(name, existing) : name, display ?? name, kind, {});
  if (asString(node.ID)) {
    f.Id = String(node.ID).replace(/[{}]/g, '').toLowerCase();
  }
  f.TypeAsString = type ?? f.TypeAsString;
  const flag = (attr: string): boolean | undefined => (node[attr] === undefined ? undefined : asBool(node[attr]));
  f.Required = flag('Required') ?? false;
  f.Indexed = flag('Indexed') ?? false;
  f.Hidden = flag('Hidden') ?? false;
  f.EnforceUniqueValues = flag('EnforceUniqueValues') ?? false;
  f.RichText = flag('RichText');
  f.Description = asString(node.Description) ?? '';
  f.Group = asString(node.Group) ?? f.Group;
  f.MaxLength = asNumber(node.MaxLength) ?? (kind === FieldKind.Text ? 255 : undefined);
  f.NumberOfLines = asNumber(node.NumLines);
  f.MinimumValue = asNumber(node.Min);
  f.MaximumValue = asNumber(node.Max);
  if (kind === FieldKind.DateTime) {
    f.DisplayFormat = asString(node.Format) === 'DateTime' ? 1 : 0;
  }
  if (kind === FieldKind.Choice || kind === FieldKind.MultiChoice) {
    f.Choices = (node.CHOICES?.CHOICE ?? []).map((c) => String(c));
  }
  if (kind === FieldKind.Lookup || kind === FieldKind.User) {
    const multi = flag('Mult') ?? false;
    f.AllowMultipleValues = multi;
    f.TypeAsString = kind === FieldKind.User ? (multi ? 'UserMulti' : 'User') : multi ? 'LookupMulti' : 'Lookup';
    if (kind === FieldKind.Lookup) {
      const list = asString(node.List);
      if (!list) {
        throw errors.badRequest('A lookup field needs a List attribute.');
      }
      f.LookupList = list.replace(/[{}]/g, '').toLowerCase();
      f.LookupField = asString(node.ShowField) ?? 'Title';
    } else {
      f.LookupList = '{user-info}';
      f.LookupField = asString(node.ShowField) ?? 'Title';
      f.SelectionMode = asString(node.UserSelectionMode) === 'PeopleOnly' ? 0 : 1;
    }
  }
  if (node.Default !== undefined) {
    f.DefaultValue = String(node.Default);
  }
  return f;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The SchemaXml SharePoint would report for a field. */
export function schemaXml(f: FieldDef, listId: string): string {
  const attrs: [string, string | undefined][] = [
    ['Type', f.TypeAsString],
    ['DisplayName', f.Title],
    ['Required', f.Required ? 'TRUE' : 'FALSE'],
    ['Indexed', f.Indexed ? 'TRUE' : 'FALSE'],
    ['EnforceUniqueValues', f.EnforceUniqueValues ? 'TRUE' : 'FALSE'],
    ['ID', `{${f.Id}}`],
    ['SourceID', `{${listId}}`],
    ['StaticName', f.StaticName],
    ['Name', f.InternalName],
    ['MaxLength', f.MaxLength?.toString()],
    ['Mult', f.AllowMultipleValues ? 'TRUE' : undefined],
    ['List', f.LookupList && f.LookupList !== '{user-info}' ? `{${f.LookupList}}` : f.LookupList === '{user-info}' ? 'UserInfo' : undefined],
    ['ShowField', f.LookupField],
    ['RichText', f.RichText === undefined ? undefined : f.RichText ? 'TRUE' : 'FALSE'],
    ['Format', f.FieldTypeKind === FieldKind.DateTime ? (f.DisplayFormat === 1 ? 'DateTime' : 'DateOnly') : undefined]
  ];
  const head = attrs
    .filter((a): a is [string, string] => a[1] !== undefined)
    .map(([k, v]) => `${k}="${escapeXml(v)}"`)
    .join(' ');
  const inner: string[] = [];
  if (f.DefaultValue !== null) {
    inner.push(`<Default>${escapeXml(f.DefaultValue)}</Default>`);
  }
  if (f.Choices) {
    inner.push(`<CHOICES>${f.Choices.map((c) => `<CHOICE>${escapeXml(c)}</CHOICE>`).join('')}</CHOICES>`);
  }
  return inner.length ? `<Field ${head}>${inner.join('')}</Field>` : `<Field ${head} />`;
}

/** The field entity as SharePoint serialises it (without metadata annotations). */
export function fieldJson(f: FieldDef, listId: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    AutoIndexed: false,
    CanBeDeleted: !f.FromBaseType,
    DefaultValue: f.DefaultValue,
    Description: f.Description,
    EnforceUniqueValues: f.EnforceUniqueValues,
    EntityPropertyName: f.EntityPropertyName,
    FieldTypeKind: f.FieldTypeKind,
    FromBaseType: f.FromBaseType,
    Group: f.Group,
    Hidden: f.Hidden,
    Id: f.Id,
    Indexed: f.Indexed,
    InternalName: f.InternalName,
    ReadOnlyField: f.ReadOnlyField,
    Required: f.Required,
    SchemaXml: schemaXml(f, listId),
    Scope: '',
    Sealed: f.FromBaseType,
    StaticName: f.StaticName,
    Title: f.Title,
    TypeAsString: f.TypeAsString,
    TypeDisplayName: f.TypeAsString,
    TypeShortDescription: f.TypeAsString
  };
  const optional: (keyof FieldDef)[] = [
    'Choices', 'MaxLength', 'NumberOfLines', 'RichText', 'DisplayFormat', 'MinimumValue', 'MaximumValue', 'LookupList',
    'LookupField', 'AllowMultipleValues', 'SelectionMode'
  ];
  for (const k of optional) {
    if (f[k] !== undefined) {
      out[k] = f[k];
    }
  }
  return out;
}

/** Normalises a date the way SharePoint stores it: UTC, whole seconds. */
export function normaliseDate(v: string): string | undefined {
  const t = Date.parse(v);
  if (Number.isNaN(t)) {
    return undefined;
  }
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function idList(f: FieldDef, v: unknown): number[] {
  const arr = Array.isArray(v) ? v : v && typeof v === 'object' && Array.isArray((v as { results?: unknown }).results) ? (v as { results: unknown[] }).results : null;
  if (!arr) {
    throw errors.badValue(`${f.EntityPropertyName}Id`, JSON.stringify(v));
  }
  return arr.map((x) => {
    const n = asNumber(x);
    if (n === undefined || !Number.isInteger(n)) {
      throw errors.badValue(`${f.EntityPropertyName}Id`, x);
    }
    return n;
  });
}

/** Converts a value from a write payload into what the stand-in stores, or rejects it. */
export function normaliseValue(f: FieldDef, v: unknown): FieldValue {
  if (v === null || v === undefined) {
    return isMulti(f) && isIdValued(f) ? [] : null;
  }
  const name = isIdValued(f) ? `${f.EntityPropertyName}Id` : f.EntityPropertyName;
  switch (f.FieldTypeKind) {
    case FieldKind.Text:
    case FieldKind.Note:
    case FieldKind.Choice:
    case FieldKind.File:
      if (typeof v !== 'string') {
        throw errors.badValue(name, JSON.stringify(v));
      }
      if (f.FieldTypeKind === FieldKind.Text && v.length > (f.MaxLength ?? 255)) {
        throw new SpError(400, '-2130575162, Microsoft.SharePoint.SPFieldValidationException', `The value of the field '${f.Title}' exceeds its maximum length of ${f.MaxLength ?? 255}.`);
      }
      return v === '' ? null : v;
    case FieldKind.Number:
    case FieldKind.Currency:
    case FieldKind.Integer: {
      if (v === '') {
        return null;
      }
      const n = asNumber(v);
      if (n === undefined) {
        throw errors.badValue(name, v);
      }
      return n;
    }
    case FieldKind.Boolean: {
      if (typeof v === 'boolean') {
        return v;
      }
      if (v === 1 || v === 0 || v === '1' || v === '0' || v === 'true' || v === 'false') {
        return v === 1 || v === '1' || v === 'true';
      }
      throw errors.badValue(name, v);
    }
    case FieldKind.DateTime: {
      if (v === '') {
        return null;
      }
      const d = typeof v === 'string' ? normaliseDate(v) : undefined;
      if (!d) {
        throw errors.badValue(name, v);
      }
      return d;
    }
    case FieldKind.MultiChoice: {
      const choices = asStringArray(v) ?? (typeof v === 'string' ? v.split(';#').filter(Boolean) : undefined);
      if (!choices) {
        throw errors.badValue(name, JSON.stringify(v));
      }
      return choices;
    }
    case FieldKind.URL: {
      if (typeof v === 'object' && v !== null && typeof (v as { Url?: unknown }).Url === 'string') {
        const u = v as { Url: string; Description?: unknown };
        return { Url: u.Url, Description: typeof u.Description === 'string' ? u.Description : u.Url };
      }
      throw errors.badValue(name, JSON.stringify(v));
    }
    case FieldKind.User:
    case FieldKind.Lookup: {
      if (isMulti(f)) {
        return idList(f, v);
      }
      const n = asNumber(v);
      if (n === undefined || !Number.isInteger(n)) {
        throw errors.badValue(name, v);
      }
      return n <= 0 ? null : n;
    }
    default:
      throw errors.readOnlyProperty(name);
  }
}

/** The value a field takes on a new item when the payload omits it. */
export function defaultValue(f: FieldDef): FieldValue {
  if (f.DefaultValue === null || f.DefaultValue === '') {
    return isMulti(f) && isIdValued(f) ? [] : null;
  }
  switch (f.FieldTypeKind) {
    case FieldKind.Boolean:
      return f.DefaultValue === '1' || f.DefaultValue.toUpperCase() === 'TRUE';
    case FieldKind.Number:
    case FieldKind.Currency:
    case FieldKind.Integer:
      return asNumber(f.DefaultValue) ?? null;
    case FieldKind.DateTime:
      return f.DefaultValue === '[today]' ? new Date().toISOString().slice(0, 10) + 'T00:00:00Z' : normaliseDate(f.DefaultValue) ?? null;
    case FieldKind.MultiChoice:
      return f.DefaultValue.split(';#').filter(Boolean);
    default:
      return f.DefaultValue;
  }
}
