/**
 * Provisioning: creates or upgrades the tracker's lists on a site from src/schema, through PnPjs.
 * Idempotent (a second run writes nothing and reports every list and column unchanged), versioned
 * (the schema version is recorded in Tracker Settings; a site provisioned by a newer schema is
 * refused rather than downgraded), indexes the columns the schema marks, and turns versioning on
 * so that every item keeps its audit trail.
 *
 * Lists are read first and added only when missing (`lists.add`), rather than `lists.ensure`,
 * which MERGEs the title and description on every call and so would write on every run.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import type { IList } from '@pnp/sp/lists';
import type { IFieldInfo } from '@pnp/sp/fields';
import { SCHEMA_VERSION_KEY, listSchema, type FieldSchema, type FieldType, type ListKey, type ListSchema, type TrackerSchema } from '../schema';
import { DataError, toDataError, type Operation } from './errors';
import { SettingsRepository } from './settings';

export type ProvisionAction = 'created' | 'updated' | 'unchanged';

/** What provisioning did to one list or column. */
export interface ProvisionStep {
  readonly list: string;
  /** `(list)` for the list itself, else the column's internal name; `(schema version)` for the version. */
  readonly target: string;
  readonly action: ProvisionAction;
  readonly detail?: string;
}

/** The outcome of a provisioning run. */
export interface ProvisionReport {
  /** The schema version the site had before; null for a site never provisioned. */
  readonly fromVersion: number | null;
  readonly toVersion: number;
  readonly steps: readonly ProvisionStep[];
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** SharePoint's AddFieldOptions: keep our internal name, add to the default content type / view. */
const ADD_TO_DEFAULT_CONTENT_TYPE = 1;
const ADD_FIELD_INTERNAL_NAME_HINT = 8;
const ADD_FIELD_TO_DEFAULT_VIEW = 16;

/** The OData type of each column type, given to `field.update` so that it need not ask. */
const ENTITY_TYPES: Record<FieldType, string> = {
  Text: 'SP.FieldText',
  Note: 'SP.FieldMultiLineText',
  DateTime: 'SP.FieldDateTime',
  Choice: 'SP.FieldChoice',
  MultiChoice: 'SP.FieldMultiChoice',
  Boolean: 'SP.Field',
  Number: 'SP.FieldNumber',
  User: 'SP.FieldUser',
  Lookup: 'SP.FieldLookup',
  LookupMulti: 'SP.FieldLookup',
  URL: 'SP.FieldUrl'
};

function xmlAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The `<Field>` schema XML of a non-lookup column. */
export function fieldXml(f: FieldSchema): string {
  const attrs: Record<string, string | undefined> = {
    Type: f.type,
    Name: f.internalName,
    StaticName: f.internalName,
    DisplayName: f.displayName,
    Description: f.description,
    Required: f.required ? 'TRUE' : 'FALSE',
    Indexed: f.indexed ? 'TRUE' : 'FALSE'
  };
  let inner = '';
  switch (f.type) {
    case 'Text':
      attrs.MaxLength = '255';
      break;
    case 'Note':
      attrs.NumLines = '6';
      attrs.RichText = f.richText ? 'TRUE' : 'FALSE';
      if (f.richText) attrs.RichTextMode = 'FullHtml';
      break;
    case 'DateTime':
      attrs.Format = f.dateOnly === false ? 'DateTime' : 'DateOnly';
      break;
    case 'Choice':
    case 'MultiChoice':
      attrs.Format = f.type === 'Choice' ? 'Dropdown' : undefined;
      inner = `<CHOICES>${(f.choices ?? []).map((c) => `<CHOICE>${xmlAttr(c)}</CHOICE>`).join('')}</CHOICES>`;
      break;
    case 'Boolean':
      inner = '<Default>0</Default>';
      break;
    case 'Number':
      attrs.Decimals = '0';
      break;
    case 'User':
      attrs.List = 'UserInfo';
      attrs.ShowField = 'ImnName';
      attrs.UserSelectionMode = 'PeopleOnly';
      break;
    case 'URL':
      attrs.Format = 'Hyperlink';
      break;
    case 'Lookup':
    case 'LookupMulti':
      throw new Error(`Lookup column ${f.internalName} is created with addLookup, not from XML.`);
  }
  const head = Object.entries(attrs)
    .filter((a): a is [string, string] => a[1] !== undefined)
    .map(([k, v]) => `${k}="${xmlAttr(v)}"`)
    .join(' ');
  return inner ? `<Field ${head}>${inner}</Field>` : `<Field ${head} />`;
}

type FieldInfo = Partial<Pick<IFieldInfo, 'Id' | 'InternalName' | 'Title' | 'TypeAsString' | 'Required' | 'Description'>> & {
  Choices?: string[] | { results: string[] };
  Indexed?: boolean;
  AllowMultipleValues?: boolean;
};

function choicesOf(info: FieldInfo): string[] | undefined {
  const c = info.Choices;
  if (!c) return undefined;
  return Array.isArray(c) ? c : c.results;
}

/** The properties of an existing column that differ from the schema, as an update payload. */
function fieldDifferences(f: FieldSchema | { internalName: 'Title'; displayName: string; required: boolean; indexed?: boolean; type: 'Text' }, info: FieldInfo): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (info.Title !== f.displayName) out.Title = f.displayName;
  if (Boolean(info.Required) !== Boolean(f.required)) out.Required = Boolean(f.required);
  if (Boolean(info.Indexed) !== Boolean(f.indexed)) out.Indexed = Boolean(f.indexed);
  if ('choices' in f && f.choices && JSON.stringify(choicesOf(info) ?? []) !== JSON.stringify(f.choices)) out.Choices = [...f.choices];
  if ('description' in f && f.description !== undefined && (info.Description ?? '') !== f.description) out.Description = f.description;
  if (f.type === 'LookupMulti' && !info.AllowMultipleValues) out.AllowMultipleValues = true;
  return out;
}

/** Whether an existing column's type is the one the schema wants. */
function sameType(f: FieldSchema, info: FieldInfo): boolean {
  const actual = info.TypeAsString ?? '';
  if (f.type === 'LookupMulti') return actual === 'LookupMulti' || (actual === 'Lookup' && info.AllowMultipleValues !== false);
  if (f.type === 'Lookup') return actual === 'Lookup';
  return actual === f.type;
}

class Provisioner {
  private readonly steps: ProvisionStep[] = [];
  private readonly listIds = new Map<ListKey, string>();

  constructor(
    private readonly sp: SPFI,
    private readonly schema: TrackerSchema,
    private readonly log: (line: string) => void
  ) {}

  private step(list: string, target: string, action: ProvisionAction, detail?: string): void {
    const s: ProvisionStep = detail ? { list, target, action, detail } : { list, target, action };
    this.steps.push(s);
    if (action !== 'unchanged') this.log(`${list} / ${target}: ${action}${detail ? ` (${detail})` : ''}`);
  }

  private list(l: ListSchema): IList {
    return this.sp.web.lists.getByTitle(l.title);
  }

  async run(): Promise<ProvisionReport> {
    const fromVersion = await this.siteVersion();
    if (fromVersion !== null && fromVersion > this.schema.version) {
      throw new DataError({ code: 'newerSchema', args: [fromVersion, this.schema.version] }, 'bad-data');
    }
    for (const l of this.schema.lists) await this.ensureList(l);
    for (const l of this.schema.lists) await this.ensureFields(l);
    await this.recordVersion(fromVersion);
    const count = (a: ProvisionAction): number => this.steps.filter((s) => s.action === a).length;
    return { fromVersion, toVersion: this.schema.version, steps: this.steps, created: count('created'), updated: count('updated'), unchanged: count('unchanged') };
  }

  private async siteVersion(): Promise<number | null> {
    let raw: string | undefined;
    try {
      raw = await new SettingsRepository(this.sp).get(SCHEMA_VERSION_KEY);
    } catch (e) {
      if (e instanceof DataError && e.kind === 'not-found') return null;
      throw e;
    }
    if (raw === undefined) return null;
    const version = Number(raw);
    if (!Number.isInteger(version)) throw new DataError({ code: 'schemaVersionNotNumber', args: [raw] }, 'bad-data');
    return version;
  }

  private async ensureList(l: ListSchema): Promise<void> {
    const what: Operation = { code: 'provisionList', args: [l.title] };
    try {
      let info: { Id: string; BaseTemplate: number; EnableVersioning: boolean; Description: string } | undefined;
      try {
        info = await this.list(l).select('Id', 'BaseTemplate', 'EnableVersioning', 'Description')();
      } catch (e) {
        if (toDataError(e, what).kind !== 'not-found') throw e;
      }
      if (!info) {
        const created = await this.sp.web.lists.add(l.title, l.description, l.baseTemplate, false, { EnableVersioning: true });
        this.listIds.set(l.key, created.Id);
        this.step(l.title, '(list)', 'created');
        return;
      }
      if (info.BaseTemplate !== l.baseTemplate) {
        throw new DataError({ code: l.baseTemplate === 101 ? 'listNotLibrary' : 'listNotCustom', args: [l.title] }, 'bad-data');
      }
      this.listIds.set(l.key, info.Id);
      const changes: Record<string, unknown> = {};
      if (!info.EnableVersioning) changes.EnableVersioning = true;
      if (info.Description !== l.description) changes.Description = l.description;
      if (Object.keys(changes).length === 0) {
        this.step(l.title, '(list)', 'unchanged');
        return;
      }
      await this.list(l).update(changes);
      this.step(l.title, '(list)', 'updated', Object.keys(changes).join(', '));
    } catch (e) {
      throw toDataError(e, what);
    }
  }

  private async ensureFields(l: ListSchema): Promise<void> {
    const what: Operation = { code: 'provisionColumns', args: [l.title] };
    try {
      const existing = new Map<string, FieldInfo>();
      for (const f of (await this.list(l).fields()) as FieldInfo[]) if (f.InternalName) existing.set(f.InternalName, f);
      const title = existing.get('Title');
      if (title) await this.reconcile(l, { internalName: 'Title', type: 'Text', ...l.titleField }, title);
      // Plain columns first, then lookups, whose target lists now all exist.
      const ordered = [...l.fields.filter((f) => !f.lookupList), ...l.fields.filter((f) => f.lookupList)];
      for (const f of ordered) {
        const info = existing.get(f.internalName);
        if (info) {
          if (!sameType(f, info)) {
            throw new DataError({ code: 'columnWrongType', args: [f.internalName, l.title, info.TypeAsString ?? '?', f.type] }, 'bad-data');
          }
          await this.reconcile(l, f, info);
        } else {
          await this.createField(l, f);
        }
      }
    } catch (e) {
      throw toDataError(e, what);
    }
  }

  private async reconcile(l: ListSchema, f: Parameters<typeof fieldDifferences>[0], info: FieldInfo): Promise<void> {
    const changes = fieldDifferences(f, info);
    if (Object.keys(changes).length === 0) {
      this.step(l.title, f.internalName, 'unchanged');
      return;
    }
    await this.list(l).fields.getById(String(info.Id)).update(changes, ENTITY_TYPES[f.type]);
    this.step(l.title, f.internalName, 'updated', Object.keys(changes).join(', '));
  }

  private async createField(l: ListSchema, f: FieldSchema): Promise<void> {
    const fields = this.list(l).fields;
    let info: FieldInfo;
    if (f.lookupList) {
      const target = this.listIds.get(f.lookupList);
      if (!target) throw new DataError({ code: 'lookupNotProvisioned', args: [f.internalName, l.title, listSchema(f.lookupList, this.schema).title] }, 'bad-data');
      // AddField takes the internal name from the title: create with the internal name, then rename.
      info = (await fields.addLookup(f.internalName, { LookupListId: target, LookupFieldName: 'Title' })) as FieldInfo;
    } else {
      const options = ADD_FIELD_INTERNAL_NAME_HINT | ADD_TO_DEFAULT_CONTENT_TYPE | (f.inDefaultView ? ADD_FIELD_TO_DEFAULT_VIEW : 0);
      info = (await fields.createFieldAsXml({ SchemaXml: fieldXml(f), Options: options })) as FieldInfo;
    }
    if (info.InternalName !== f.internalName) {
      throw new DataError({ code: 'columnRenamed', args: [String(info.InternalName), f.internalName, l.title] }, 'bad-data');
    }
    const rest = fieldDifferences(f, info);
    if (Object.keys(rest).length > 0) await fields.getById(String(info.Id)).update(rest, ENTITY_TYPES[f.type]);
    this.step(l.title, f.internalName, 'created');
  }

  private async recordVersion(fromVersion: number | null): Promise<void> {
    const settingsTitle = listSchema('settings', this.schema).title;
    if (fromVersion === this.schema.version) {
      this.step(settingsTitle, '(schema version)', 'unchanged', String(this.schema.version));
      return;
    }
    await new SettingsRepository(this.sp).set(SCHEMA_VERSION_KEY, String(this.schema.version));
    this.step(settingsTitle, '(schema version)', fromVersion === null ? 'created' : 'updated', `${fromVersion ?? 'none'} → ${this.schema.version}`);
  }
}

/**
 * Creates or upgrades the tracker's lists on the site `sp` points at. Needs Manage Lists
 * permission. `log` receives a line for every change made.
 */
export async function provision(sp: SPFI, schema: TrackerSchema, log: (line: string) => void = () => undefined): Promise<ProvisionReport> {
  return new Provisioner(sp, schema, log).run();
}
