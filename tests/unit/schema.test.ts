import { readFileSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';
import type { UpdateRound } from '../../src/core/round';
import {
  APPLIES_TO,
  LIFECYCLES,
  RECOMMENDATION_KINDS,
  SOURCES,
  TRAFFIC_LIGHTS,
  type Action,
  type OriginatingReport,
  type ProgressUpdate,
  type Recommendation,
  type ReminderLogEntry,
  type ReminderRuleRecord
} from '../../src/core/model';
import {
  F,
  ItemMappingError,
  MAPPINGS,
  TRACKER_SCHEMA,
  dateFromSharePoint,
  dateToSharePoint,
  entityName,
  listSchema,
  recommendationMapping,
  reportMapping,
  updateMapping,
  type ItemMapping,
  type ListItemData
} from '../../src/schema';

// Fixtures taken from the City of London paper (../shared/seeds/city-of-london-hmicfrs-recommendations-rag-2017.txt):
// every field set, so that a field the mapping drops shows up as a difference.
const report: Required<OriginatingReport> = {
  id: 7,
  title: 'A progress report on the police response to domestic abuse',
  source: 'HMICFRS',
  reportType: 'National thematic',
  published: '2017-11-01',
  publishedPrecision: 'month',
  publishedText: 'Published November 2017',
  byLine: 'A national report by HMICFRS',
  made: 9,
  madeForForce: 8,
  recordedScope: { sentence: 'There are 9 recommendations, 1 of which is national and 8 apply to force these are being progressed.', on: '2017-11-16' },
  usesTrafficLights: true,
  scope: 'All forces, this force not inspected',
  scopeText: 'A national report by HMICFRS',
  responseDeadline: '2018-01-09',
  url: 'https://www.justiceinspectorates.gov.uk/hmicfrs/publications/a-progress-report-on-the-police-response-to-domestic-abuse/'
};

const recommendation: Required<Recommendation> = {
  id: 42,
  reportId: 7,
  ref: '9',
  kind: 'Recommendation',
  text: "By April 2018, every police force in England and Wales should update its domestic abuse action plan, determine what more it can do to address the areas for further improvement highlighted in this report and specified below, and publish its revised action plan accordingly.",
  appliesTo: 'Force',
  addressee: 'Chief constables',
  acceptedForAction: true,
  causeOfConcernIds: [40, 41],
  dependsOn: 'NPCC decision',
  inspectorateEvidence: 'Of the 43 forces, 12 had not updated their domestic abuse action plans since 2014.',
  nationalRecommendationId: 39,
  sro: { userId: 11, name: 'Commander Operations', email: 'commander.ops@example.police.uk' },
  owner: { userId: 12, name: 'Head of Public Protection', email: 'head.ppu@example.police.uk' },
  directorate: 'Strategic Development',
  lifecycle: 'Being progressed',
  due: {
    kind: 'date',
    original: '2018-04-30',
    current: '2018-07-31',
    revisions: [{ from: '2018-04-30', to: '2018-07-31', reason: "Awaiting the College of Policing's risk model", approvedBy: 'Commander Operations', at: '2018-04-10T09:00:00Z' }],
    raw: 'April 2018',
    problem: 'Month only: read as the last day of April'
  },
  confidence: 'Medium',
  confidenceAsWritten: 'High Med',
  confidenceNarrative: 'Action plan drafted; consultation with the CPS outstanding.',
  ragOverride: { colour: 'RED', rationale: 'Cannot be implemented until the national model is issued.', setBy: 'Commander Operations', at: '2018-05-01T10:00:00Z' },
  closure: {
    requestedBy: 'Head of Public Protection',
    requestedAt: '2018-06-01T08:00:00Z',
    evidence: 'Revised action plan published on the force website.',
    decision: { outcome: 'returned', by: 'Commander Operations', at: '2018-06-03T12:00:00Z', note: 'Publish the plan first.' }
  },
  extension: {
    requestedBy: 'Head of Public Protection',
    requestedAt: '2018-04-02T08:00:00Z',
    proposed: '2018-07-31',
    reason: 'Awaiting the national risk model.',
    decision: { outcome: 'approved', by: 'Commander Operations', at: '2018-04-10T09:00:00Z' }
  },
  reopenings: [{ at: '2018-06-03T12:00:00Z', by: 'Commander Operations', reason: 'Plan not yet published.' }],
  latestComment:
    'This report was published on the 14th November 2017. Strategic Development have scheduled a meeting with the Head of Public Protection w/c 20th November to discuss and formulate an action plan.',
  keyPrinciple: 'Policing that Works',
  lastUpdated: '2017-11-20',
  history: [
    { at: '2017-11-14T09:30:00Z', lifecycle: 'Awaiting review', trafficLight: 'AMBER' },
    { at: '2017-11-20T10:00:00Z', lifecycle: 'Being progressed', trafficLight: 'AMBER', by: 'Head of Public Protection', note: 'Action plan meeting held' }
  ],
  trafficLight: 'AMBER',
  recorded: { label: 'AMBER', colour: 'AMBER', marker: null, on: '2017-11-16' }
};

const action: Required<Action> = {
  id: 3,
  recommendationId: 42,
  ref: '9.1',
  text: 'Formulate an action plan with deadlines for completion.',
  owner: { name: 'Head of Public Protection' },
  lifecycle: 'Being progressed',
  due: { kind: 'date', original: '2018-04-30', current: '2018-04-30', revisions: [], raw: 'By April 2018' },
  currentPosition: 'Meeting scheduled w/c 20th November.',
  recorded: { label: 'NEW GREEN', colour: 'GREEN', marker: 'NEW', on: '2017-11-16' }
};

const update: Required<ProgressUpdate> = {
  id: 5,
  recommendationId: 42,
  actionId: 3,
  at: '2017-11-20T10:00:00Z',
  atPrecision: 'month',
  author: 'Head of Public Protection',
  text: 'Strategic Development have scheduled a meeting with the Head of Public Protection w/c 20th November to discuss and formulate an action plan.',
  lifecycle: 'Being progressed',
  confidence: 'High'
};

const rule: Required<ReminderRuleRecord> = {
  id: 1,
  key: 'due-in-14-days',
  name: 'Due in 14 days: tell the owner',
  enabled: true,
  definition: { trigger: { kind: 'schedule' }, condition: { dueWithinDays: 14 }, recipients: ['owner'], repeat: { kind: 'once' } }
};

const logEntry: Required<ReminderLogEntry> = {
  id: 9,
  key: 'due-in-14-days|recommendation:42|2018-04-16',
  ruleKey: 'due-in-14-days',
  itemId: 42,
  itemKind: 'recommendation',
  occurrence: '2018-04-16',
  recipient: 'head.ppu@example.police.uk',
  channel: 'teams-activity',
  status: 'Sent',
  at: '2018-04-16T08:00:00Z',
  attempts: 1,
  detail: 'Delivered to the activity feed.'
};

const round: Required<UpdateRound> = {
  id: 3,
  title: 'Update round: Police Performance Committee, 14 January 2027',
  committee: 'Police Performance Committee',
  selection: { reportIds: [1, 2], directorate: 'Crime' },
  replyBy: '2027-01-04',
  paperDate: '2027-01-14',
  status: 'Closed',
  openedBy: 'Alex Analyst',
  openedAt: '2026-12-03T10:00:00.000Z',
  items: [
    { itemId: 42, ref: 'AFI 1', reportId: 1, directorate: 'Crime', owner: { name: 'Head of Crime', email: 'owner@contoso.onmicrosoft.com', userId: 7 }, sro: { name: 'ACC Gibson' } },
    { itemId: 43, ref: 'AFI 2', reportId: 2, directorate: null, owner: null, sro: null }
  ],
  closure: { at: '2027-01-05T09:00:00.000Z', by: 'Alex Analyst', answered: [42], paperId: '2027-01-14-police-performance-committee' }
};

const fixtures: { [K in keyof typeof MAPPINGS]: object } = {
  reports: report,
  recommendations: recommendation,
  actions: action,
  updates: update,
  reminderRules: rule,
  reminderLog: logEntry,
  rounds: round
};

/** The model interface each mapping serves, by list. */
const MODEL_TYPES: { [K in keyof typeof MAPPINGS]: string } = {
  reports: 'OriginatingReport',
  recommendations: 'Recommendation',
  actions: 'Action',
  updates: 'ProgressUpdate',
  reminderRules: 'ReminderRuleRecord',
  reminderLog: 'ReminderLogEntry',
  rounds: 'UpdateRound'
};

/** The property names of an interface in src/core/model.ts (or the round's model), read from the source itself. */
function modelKeys(interfaceName: string): string[] {
  for (const path of ['../../src/core/model.ts', '../../src/core/round/model.ts']) {
    const file = join(__dirname, path);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const found = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === interfaceName);
    if (found) return found.members.filter(ts.isPropertySignature).map((m) => m.name.getText(source));
  }
  throw new Error(`The core models have no interface ${interfaceName}`);
}

/** What SharePoint sends back for an item written with `payload`: the same values, plus its Id. */
function asRead(payload: Record<string, unknown>, id: number | undefined): ListItemData {
  return { ...payload, Id: id ?? null, ID: id ?? null };
}

function columnsOfList(key: string): Set<string> {
  const list = listSchema(key as keyof typeof MAPPINGS);
  return new Set(['Id', 'Title', ...list.fields.map((f) => f.internalName)]);
}

describe.each(Object.keys(MAPPINGS) as (keyof typeof MAPPINGS)[])('mapping of %s', (key) => {
  const mapping = MAPPINGS[key] as ItemMapping<object>;
  const model = fixtures[key];

  it('maps every field the model declares to a column of the list', () => {
    // Read from the model's source, so that a field added there without a column fails here.
    expect(Object.keys(mapping.columns).sort()).toEqual(modelKeys(MODEL_TYPES[key]).sort());
    expect(Object.keys(model).sort()).toEqual(modelKeys(MODEL_TYPES[key]).sort());
    const columns = columnsOfList(key);
    for (const [field, cols] of Object.entries(mapping.columns) as [string, readonly string[]][]) {
      expect(cols.length).toBeGreaterThan(0);
      for (const c of cols) expect({ field, column: c, known: columns.has(c) }).toEqual({ field, column: c, known: true });
    }
  });

  it('gives every column of the list a model field', () => {
    const mapped = new Set(Object.values(mapping.columns as Record<string, readonly string[]>).flat());
    const unmapped = listSchema(key).fields.map((f) => f.internalName).filter((c) => !mapped.has(c));
    expect(unmapped).toEqual([]);
  });

  it('writes only columns the schema defines, under their entity names', () => {
    const list = listSchema(key);
    const allowed = new Set(['Title', ...list.fields.map(entityName)]);
    const written = Object.keys(mapping.toItem(model));
    expect(written.filter((k) => !allowed.has(k))).toEqual([]);
    // It reads back every column it maps (Title only where Title holds a model field).
    const mappedColumns = Object.values(mapping.columns as Record<string, readonly string[]>).flat();
    const expected = list.fields.map(entityName).concat(mappedColumns.includes('Title') ? ['Title'] : []);
    expect([...mapping.select].sort()).toEqual(['Id', ...expected].sort());
  });

  it('round-trips a fully populated object', () => {
    const payload = mapping.toItem(model);
    expect(mapping.fromItem(asRead(payload, (model as { id?: number }).id))).toEqual(model);
  });
});

describe('round trip of sparse objects', () => {
  it('keeps an optional field absent rather than inventing an empty value', () => {
    const sparse: Recommendation = {
      ref: '1',
      kind: 'Area for improvement',
      text: 'Risk assessment – forces still use a range of different and inconsistent practices when assessing risk.',
      appliesTo: 'Force',
      acceptedForAction: null,
      causeOfConcernIds: [],
      lifecycle: 'Awaiting review',
      due: { kind: 'no deadline', original: null, current: null, revisions: [], raw: 'No deadline set by HMICFRS' },
      reopenings: [],
      lastUpdated: null,
      history: []
    };
    const read = recommendationMapping.fromItem(asRead(recommendationMapping.toItem(sparse), undefined));
    expect(read).toEqual(sparse);
    expect(Object.keys(read).sort()).toEqual(Object.keys(sparse).sort());
  });

  it('keeps a person who matched no site user as the text the source gave', () => {
    const payload = recommendationMapping.toItem({ ...recommendation, owner: { name: 'ACC Gibson' } });
    expect(payload[`${F.owner}Id`]).toBeNull();
    expect(payload[F.ownerName]).toBe('ACC Gibson');
    expect(recommendationMapping.fromItem(asRead(payload, 42)).owner).toEqual({ name: 'ACC Gibson' });
  });

  it('writes acceptance as Yes / No / empty and reads it back', () => {
    for (const accepted of [true, false, null]) {
      const payload = recommendationMapping.toItem({ ...recommendation, acceptedForAction: accepted });
      expect(payload[F.accepted]).toBe(accepted === null ? null : accepted ? 'Yes' : 'No');
      expect(recommendationMapping.fromItem(asRead(payload, 42)).acceptedForAction).toBe(accepted);
    }
  });

  it('titles a progress update with the start of its text', () => {
    const long = 'x'.repeat(400);
    expect(updateMapping.toItem({ ...update, text: long }).Title).toHaveLength(255);
    expect(updateMapping.toItem(update).Title).toBe(update.text);
  });
});

describe('calendar dates on the wire', () => {
  it('stores a date as London midnight in UTC, in summer and in winter', () => {
    expect(dateToSharePoint('2018-04-30')).toBe('2018-04-29T23:00:00Z');
    expect(dateToSharePoint('2017-11-14')).toBe('2017-11-14T00:00:00Z');
    // The days the clocks change.
    expect(dateToSharePoint('2018-03-25')).toBe('2018-03-25T00:00:00Z');
    expect(dateToSharePoint('2018-10-28')).toBe('2018-10-27T23:00:00Z');
  });

  it('reads back the same London date, whatever time of day SharePoint returns', () => {
    for (const d of ['2018-04-30', '2017-11-14', '2018-03-25', '2018-10-28', '2024-02-29']) expect(dateFromSharePoint(dateToSharePoint(d))).toBe(d);
    expect(dateFromSharePoint('2018-04-30T12:00:00Z')).toBe('2018-04-30');
  });

  it('refuses a string that is not a date', () => {
    expect(() => dateToSharePoint('30/04/2018')).toThrow(RangeError);
  });
});

describe('bad items', () => {
  it('names the list, item and column when a choice is not one the schema knows', () => {
    const payload = { ...reportMapping.toItem(report), [F.source]: 'HMIC' };
    expect(() => reportMapping.fromItem(asRead(payload, 7))).toThrow(ItemMappingError);
    expect(() => reportMapping.fromItem(asRead(payload, 7))).toThrow("List 'Inspection Reports', item 7, column TrkSource: 'HMIC' is not one of");
  });

  it('refuses a JSON column that does not hold JSON', () => {
    const payload = { ...recommendationMapping.toItem(recommendation), [F.history]: '{not json' };
    expect(() => recommendationMapping.fromItem(asRead(payload, 42))).toThrow('column TrkHistory: does not hold valid JSON');
  });
});

describe('the schema', () => {
  it('takes choices from the model', () => {
    const recs = listSchema('recommendations');
    const choices = (name: string): readonly string[] | undefined => recs.fields.find((f) => f.internalName === name)?.choices;
    expect(choices(F.kind)).toEqual(RECOMMENDATION_KINDS);
    expect(choices(F.lifecycle)).toEqual(LIFECYCLES);
    expect(choices(F.trafficLight)).toEqual(TRAFFIC_LIGHTS);
    expect(choices(F.appliesTo)).toEqual(APPLIES_TO);
    expect(listSchema('reports').fields.find((f) => f.internalName === F.source)?.choices).toEqual(SOURCES);
  });

  it('indexes the columns the tracker filters and sorts on in its large lists', () => {
    const indexed = (key: 'recommendations' | 'actions' | 'updates' | 'reminderLog'): string[] =>
      listSchema(key)
        .fields.filter((f) => f.indexed)
        .map((f) => f.internalName);
    expect(indexed('recommendations')).toEqual(
      expect.arrayContaining([F.report, F.owner, F.ownerName, F.lifecycle, F.trafficLight, F.dueCurrent, F.directorate, F.lastUpdated, F.kind])
    );
    expect(indexed('actions')).toEqual(expect.arrayContaining([F.recommendation, F.owner, F.lifecycle, F.dueCurrent]));
    expect(indexed('updates')).toEqual(expect.arrayContaining([F.recommendation, F.at]));
    expect(indexed('reminderLog')).toEqual(expect.arrayContaining([F.ruleKey, F.itemId, F.status, F.at]));
  });

  it('stays within what SharePoint allows', () => {
    const keys = new Set(TRACKER_SCHEMA.lists.map((l) => l.key));
    for (const list of TRACKER_SCHEMA.lists) {
      const names = list.fields.map((f) => f.internalName);
      expect(new Set(names).size).toBe(names.length);
      // At most 20 indexes per list; internal names are XML names of at most 32 characters.
      expect(list.fields.filter((f) => f.indexed).length + (list.titleField.indexed ? 1 : 0)).toBeLessThanOrEqual(20);
      for (const f of list.fields) {
        expect(f.internalName).toMatch(/^[A-Za-z][A-Za-z0-9]{0,31}$/);
        if (f.type === 'Choice' || f.type === 'MultiChoice') expect(f.choices?.length).toBeGreaterThan(0);
        if (f.type === 'Lookup' || f.type === 'LookupMulti') expect(keys.has(f.lookupList ?? 'reports') && f.lookupList !== undefined).toBe(true);
      }
    }
    expect(listSchema('papers').baseTemplate).toBe(101);
  });
});
