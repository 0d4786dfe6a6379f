import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import { AccessDeniedError, SettingsRepository, provision } from '../../src/data';
import { SCHEMA_VERSION_KEY, TRACKER_SCHEMA, type TrackerSchema } from '../../src/schema';
import { spAs, standin, type Standin } from './data.support';

/** The tracker schema plus one new column on Recommendations, as the next release might add. */
const NEXT_SCHEMA: TrackerSchema = {
  version: TRACKER_SCHEMA.version + 1,
  lists: TRACKER_SCHEMA.lists.map((l) =>
    l.key === 'recommendations'
      ? { ...l, fields: [...l.fields, { internalName: 'TrkForceLead', displayName: 'Force lead', type: 'Text', indexed: true, inDefaultView: true }] }
      : l
  )
};

interface FieldRow {
  InternalName: string;
  Title: string;
  TypeAsString: string;
  Indexed: boolean;
  Required: boolean;
  Choices?: string[];
}

async function fieldsOf(sp: SPFI, title: string): Promise<Map<string, FieldRow>> {
  const rows = (await sp.web.lists.getByTitle(title).fields()) as FieldRow[];
  return new Map(rows.map((r) => [r.InternalName, r]));
}

describe('provisioning the tracker lists through PnPjs', () => {
  let server: Standin;
  let sp: SPFI;

  beforeAll(async () => {
    server = await standin();
    sp = spAs(server);
  });

  afterAll(async () => {
    await server.close();
  });

  it('creates every list and column on a new site, then changes nothing on a second run', async () => {
    const first = await provision(sp, TRACKER_SCHEMA);
    expect(first.fromVersion).toBeNull();
    expect(first.toVersion).toBe(TRACKER_SCHEMA.version);
    const columns = TRACKER_SCHEMA.lists.reduce((n, l) => n + l.fields.length, 0);
    // Every list, every column and the schema version are created; built-in Title columns are renamed.
    expect(first.steps.filter((s) => s.action === 'created')).toHaveLength(TRACKER_SCHEMA.lists.length + columns + 1);

    server.resetRequestCount();
    const second = await provision(sp, TRACKER_SCHEMA);
    expect(second.fromVersion).toBe(TRACKER_SCHEMA.version);
    expect({ created: second.created, updated: second.updated }).toEqual({ created: 0, updated: 0 });
    expect(second.unchanged).toBe(second.steps.length);
    // Reads only: a settings lookup, then per list one read of the list and one of its fields.
    expect(server.requestCount()).toBe(1 + 2 * TRACKER_SCHEMA.lists.length);
  });

  it('gives every column its type, display name, required flag, choices and index', async () => {
    for (const list of TRACKER_SCHEMA.lists) {
      const fields = await fieldsOf(sp, list.title);
      expect(fields.get('Title')?.Title).toBe(list.titleField.displayName);
      for (const f of list.fields) {
        const row = fields.get(f.internalName);
        expect({ list: list.title, name: f.internalName, present: row !== undefined }).toEqual({ list: list.title, name: f.internalName, present: true });
        expect(row?.TypeAsString).toBe(f.type);
        expect(row?.Title).toBe(f.displayName);
        expect(Boolean(row?.Indexed)).toBe(Boolean(f.indexed));
        expect(Boolean(row?.Required)).toBe(Boolean(f.required));
        if (f.choices) expect(row?.Choices).toEqual([...f.choices]);
      }
    }
  });

  it('turns versioning on and makes Committee Papers a document library', async () => {
    for (const list of TRACKER_SCHEMA.lists) {
      const info = (await sp.web.lists.getByTitle(list.title).select('EnableVersioning', 'BaseTemplate')()) as { EnableVersioning: boolean; BaseTemplate: number };
      expect({ list: list.title, versioning: info.EnableVersioning, template: info.BaseTemplate }).toEqual({ list: list.title, versioning: true, template: list.baseTemplate });
    }
  });

  it('upgrades a provisioned site when the schema gains a column, and records the new version', async () => {
    const lines: string[] = [];
    const upgrade = await provision(sp, NEXT_SCHEMA, (line) => lines.push(line));
    expect(upgrade.fromVersion).toBe(TRACKER_SCHEMA.version);
    expect(upgrade.steps.filter((s) => s.action !== 'unchanged')).toEqual([
      { list: 'Recommendations', target: 'TrkForceLead', action: 'created' },
      { list: 'Tracker Settings', target: '(schema version)', action: 'updated', detail: `${TRACKER_SCHEMA.version} → ${NEXT_SCHEMA.version}` }
    ]);
    expect(lines).toEqual(['Recommendations / TrkForceLead: created', `Tracker Settings / (schema version): updated (${TRACKER_SCHEMA.version} → ${NEXT_SCHEMA.version})`]);
    const added = (await fieldsOf(sp, 'Recommendations')).get('TrkForceLead');
    expect(added).toMatchObject({ Title: 'Force lead', TypeAsString: 'Text', Indexed: true });
    expect(await new SettingsRepository(sp).get(SCHEMA_VERSION_KEY)).toBe(String(NEXT_SCHEMA.version));

    const again = await provision(sp, NEXT_SCHEMA);
    expect(again.created + again.updated).toBe(0);
  });

  it('puts back an index or display name that someone changed by hand', async () => {
    const field = sp.web.lists.getByTitle('Recommendations').fields.getByInternalNameOrTitle('TrkLifecycle');
    await field.update({ Indexed: false, Title: 'State' });
    const repaired = await provision(sp, NEXT_SCHEMA);
    expect(repaired.steps.filter((s) => s.action !== 'unchanged')).toEqual([{ list: 'Recommendations', target: 'TrkLifecycle', action: 'updated', detail: 'Title, Indexed' }]);
    expect((await fieldsOf(sp, 'Recommendations')).get('TrkLifecycle')).toMatchObject({ Title: 'Status', Indexed: true });
  });

  it('refuses to take a site back to an older schema', async () => {
    await expect(provision(sp, TRACKER_SCHEMA)).rejects.toThrow(`This site was provisioned with schema version ${NEXT_SCHEMA.version}, newer than this tracker's version ${TRACKER_SCHEMA.version}.`);
  });

  it("refuses a reader's attempt to provision, with a typed error", async () => {
    const fresh = await standin();
    try {
      await expect(provision(spAs(fresh, 'reader'), TRACKER_SCHEMA)).rejects.toBeInstanceOf(AccessDeniedError);
    } finally {
      await fresh.close();
    }
  });
});
