/**
 * No edit lost, against the stand-in with the real PnPjs: two people editing one action or one
 * report through the screens' data source, every pair of fields either edits; and 20 writers
 * making 25 changes each to one item through the data layer, retrying on conflict.
 */
import type { Action, OriginatingReport } from '../../src/core/model';
import { createDataSource } from '../../src/data/createDataSource';
import { SaveConflictError } from '../../src/data/TrackerDataSource';
import type { ActionRecord, ReportRecord, TrackerDataSource, Versioned } from '../../src/data/TrackerDataSource';
import { ACTION_MERGE, REPORT_MERGE } from '../../src/core/fieldMerge';
import type { FieldMerge } from '../../src/core/fieldMerge';
import { createTrackerData } from '../../src/data';
import type { TrackerData } from '../../src/data';
import { DOMESTIC_ABUSE_REPORT, actionPlanRecommendation, provisionedSite, spAs, type Standin } from './data.support';

let server: Standin;
let data: TrackerData;
let analyst: TrackerDataSource;
let manager: TrackerDataSource;
let recommendationId: number;

beforeAll(async () => {
  let reportId: number;
  ({ server, data, reportId } = await provisionedSite());
  recommendationId = (await data.recommendations.add(actionPlanRecommendation(reportId))).id;
  analyst = createDataSource(spAs(server, 'analyst'));
  manager = createDataSource(spAs(server, 'manager'));
}, 60000);

afterAll(async () => {
  await server?.close();
});

/** Two edits of each field, as two people would make them. */
const ACTION_EDITS: Record<string, [(a: Action) => Action, (a: Action) => Action]> = {
  text: [(a) => ({ ...a, text: 'Formulate an action plan with the Head of Public Protection.' }), (a) => ({ ...a, text: 'Formulate an action plan, with deadlines for completion.' })],
  lifecycle: [(a) => ({ ...a, lifecycle: 'Awaiting review' }), (a) => ({ ...a, lifecycle: 'Complete, awaiting sign-off' })],
  currentPosition: [(a) => ({ ...a, currentPosition: 'Meeting held on 20 November.' }), (a) => ({ ...a, currentPosition: 'Draft plan circulated.' })],
  due: [
    (a) => ({ ...a, due: { kind: 'date', original: '2018-01-31', current: '2018-01-31', revisions: [], raw: 'January 2018' } }),
    (a) => ({ ...a, due: { kind: 'date', original: '2018-04-30', current: '2018-04-30', revisions: [], raw: 'April 2018' } })
  ]
};

const REPORT_EDITS: Record<string, [(r: OriginatingReport) => OriginatingReport, (r: OriginatingReport) => OriginatingReport]> = {
  title: [(r) => ({ ...r, title: `${r.title} (HMICFRS)` }), (r) => ({ ...r, title: `${r.title}, 2017` })],
  scope: [(r) => ({ ...r, scope: 'National' }), (r) => ({ ...r, scope: 'Force inspected' })],
  url: [(r) => ({ ...r, url: 'https://www.justiceinspectorates.gov.uk/hmicfrs/a' }), (r) => ({ ...r, url: 'https://www.justiceinspectorates.gov.uk/hmicfrs/b' })],
  published: [(r) => ({ ...r, published: '2017-11-15' }), (r) => ({ ...r, published: '2017-11-16' })]
};

/**
 * The second writer saves over a stale version: refused with both versions; re-applied on theirs,
 * the result holds the first writer's change and the second's, the second's winning only where
 * both changed the same field.
 */
async function twoWriters<T extends { id: number }>(
  fields: FieldMerge<T>,
  read: (who: TrackerDataSource) => Promise<Versioned<T>>,
  save: (who: TrackerDataSource, base: Versioned<T>, next: T) => Promise<Versioned<T>>,
  first: (x: T) => T,
  second: (x: T) => T,
  secondField: string
): Promise<{ theirs: T; merged: T; expected: T }> {
  const seenByA = await read(analyst);
  const seenByB = await read(manager);
  const saved = await save(analyst, seenByA, first(seenByA.value));
  let conflict: SaveConflictError<T> | null = null;
  try {
    await save(manager, seenByB, second(seenByB.value));
  } catch (e) {
    if (e instanceof SaveConflictError) conflict = e as SaveConflictError<T>;
    else throw e;
  }
  if (conflict === null) throw new Error('The stale save was not refused.');
  expect(conflict.conflict.theirs.value).toEqual(saved.value);
  const merged = await save(manager, conflict.conflict.theirs, fields.reapply(seenByB.value, second(seenByB.value), conflict.conflict.theirs.value));
  // The first writer's change, with the field the second changed as the second wrote it.
  const expected = { ...first(seenByA.value), [secondField]: (second(seenByB.value) as Record<string, unknown>)[secondField] } as T;
  return { theirs: conflict.conflict.theirs.value, merged: merged.value, expected };
}

describe('two people editing one action', () => {
  const pairs = Object.keys(ACTION_EDITS).flatMap((a) => Object.keys(ACTION_EDITS).map((b) => [a, b] as const));
  it.each(pairs)('the first changes %s, the second %s: both land, nothing is lost', async (fa, fb) => {
    const created = await analyst.saveAction(null, { recommendationId, ref: `${fa}-${fb}`, text: 'Formulate an action plan.', lifecycle: 'Being progressed', due: { kind: 'none', original: null, current: null, revisions: [], raw: '' } });
    const read = async (who: TrackerDataSource): Promise<ActionRecord> => {
      const found = (await who.listActions(recommendationId)).find((a) => a.value.id === created.value.id);
      if (!found) throw new Error('The action is gone.');
      return found;
    };
    const { merged, expected } = await twoWriters<Action & { id: number }>(
      ACTION_MERGE as unknown as FieldMerge<Action & { id: number }>,
      read,
      (who, base, next) => who.saveAction(base, next),
      (a) => ({ ...ACTION_EDITS[fa][0](a), id: a.id }),
      (a) => ({ ...ACTION_EDITS[fb][1](a), id: a.id }),
      fb
    );
    expect(merged).toEqual(expected);
    expect((await read(analyst)).value).toEqual(expected);
  });
});

describe('two people editing one report', () => {
  const pairs = Object.keys(REPORT_EDITS).flatMap((a) => Object.keys(REPORT_EDITS).map((b) => [a, b] as const));
  it.each(pairs)('the first changes %s, the second %s: both land, nothing is lost', async (fa, fb) => {
    const created = await analyst.saveReport(null, { ...DOMESTIC_ABUSE_REPORT, title: `Report ${fa} ${fb}` });
    const read = async (who: TrackerDataSource): Promise<ReportRecord> => {
      const found = (await who.listReports()).find((r) => r.id === created.value.id);
      if (!found) throw new Error('The report is gone.');
      // A screen reads the version tag with the item: here through the data layer.
      return { value: found, etag: (await data.reports.get(found.id)).etag };
    };
    const { merged, expected } = await twoWriters<OriginatingReport & { id: number }>(
      REPORT_MERGE as unknown as FieldMerge<OriginatingReport & { id: number }>,
      read,
      (who, base, next) => who.saveReport(base, next),
      (r) => ({ ...REPORT_EDITS[fa][0](r), id: r.id }),
      (r) => ({ ...REPORT_EDITS[fb][1](r), id: r.id }),
      fb
    );
    expect(merged).toEqual(expected);
    expect((await read(analyst)).value).toEqual(expected);
  });
});

describe('20 writers × 25 changes to one item, retrying on conflict', () => {
  it('lands every change or reports it: none vanishes', async () => {
    const action = await data.actions.add({ recommendationId, ref: 'busy', text: 'Record every change.', lifecycle: 'Being progressed', due: { kind: 'none', original: null, current: null, revisions: [], raw: '' }, currentPosition: '' });
    const writers = 20;
    const changes = 25;
    let conflicts = 0;
    const failed: string[] = [];
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const as = createTrackerData(spAs(server, w % 2 === 0 ? 'analyst' : 'manager'));
        for (let c = 0; c < changes; c++) {
          const token = `w${w}c${c}`;
          try {
            const result = await as.actions.modify(action.id, (a) => ({ ...a, currentPosition: `${a.currentPosition ?? ''} ${token}`.trim() }), 100);
            conflicts += result.conflicts;
          } catch (e) {
            failed.push(`${token}: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
      })
    );
    const tokens = ((await data.actions.get(action.id)).value.currentPosition ?? '').split(' ').filter((t) => t !== '');
    expect(failed).toEqual([]);
    expect(tokens).toHaveLength(writers * changes);
    expect(new Set(tokens).size).toBe(writers * changes);
    // Writers raced: some saves met a newer version and were applied again on it.
    expect(conflicts).toBeGreaterThan(0);
  }, 120000);
});

describe('two site owners changing the RAG setting', () => {
  const ORIGINAL = { overdueAgainst: 'original' } as const;
  const CURRENT = { overdueAgainst: 'current' } as const;

  it('refuses the save of the one who saw an older value, says what the site holds, and then lets them save over it knowingly', async () => {
    const admin = createDataSource(spAs(server, 'admin'));
    await admin.saveRagPolicy(await admin.ragPolicy(), ORIGINAL);
    // Both open the settings panel and see 'original'; the first saves 'current'.
    const first = createDataSource(spAs(server, 'admin'));
    const second = createDataSource(spAs(server, 'admin'));
    const seenByFirst = await first.ragPolicy();
    const seenBySecond = await second.ragPolicy();
    expect(seenByFirst).toEqual(ORIGINAL);
    await first.saveRagPolicy(seenByFirst, CURRENT);
    let refused: SaveConflictError<unknown> | null = null;
    try {
      await second.saveRagPolicy(seenBySecond, ORIGINAL);
    } catch (e) {
      if (e instanceof SaveConflictError) refused = e;
      else throw e;
    }
    expect(refused?.conflict.theirs.value).toEqual(CURRENT);
    expect(await data.settings.ragPolicy()).toEqual(CURRENT);
    // Told, the second saves again from what the site now holds: that save stands.
    await second.saveRagPolicy(refused?.conflict.theirs.value as typeof CURRENT, ORIGINAL);
    expect(await data.settings.ragPolicy()).toEqual(ORIGINAL);
  });

  it('never overwrites a value saved between the read and the write (the write quotes the ETag read)', async () => {
    const key = 'Test.Race';
    await data.settings.set(key, 'v0');
    // Ten writers, each saving only if the value is still the one it read: exactly one wins a round.
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => createTrackerData(spAs(server, 'admin')).settings.set(key, `w${i}`, (current) => current === 'v0')));
    const won = results.filter((r) => r.status === 'fulfilled').length;
    expect(won).toBe(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.kind)).toEqual(Array(9).fill('conflict'));
    expect(await data.settings.get(key)).toMatch(/^w\d$/);
  });

  it('keeps one item per key when two writers add a new key at once', async () => {
    const key = 'Test.FirstWrite';
    await Promise.allSettled(['a', 'b', 'c'].map((v) => createTrackerData(spAs(server, 'admin')).settings.set(key, v)));
    expect(['a', 'b', 'c']).toContain(await data.settings.get(key));
  });
});
