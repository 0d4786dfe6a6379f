/**
 * No edit lost under contention: 20 writers make 25 changes each to one action at the same time,
 * through the data layer (`modify`: the item's ETag, and on a 412 the change applied again to the
 * newer version). Prints the updates landed, the conflicts retried and the updates lost (0 is the
 * only acceptable figure), with the time against a floor measured in the same run: the same 500
 * changes made one after another by a single writer, who never meets a conflict.
 */
import { performance } from 'node:perf_hooks';
import { nodeSp } from '../src/data/node';
import type { Action } from '../src/core/model';
import { createTrackerData, provision, type TrackerData } from '../src/data';
import { TRACKER_SCHEMA } from '../src/schema';
import { startStandin } from '../src/standin/server';

const WRITERS = 20;
const CHANGES = 25;

const ACTION: Omit<Action, 'recommendationId'> = { ref: 'busy', text: 'Record every change.', lifecycle: 'Being progressed', due: { kind: 'none', original: null, current: null, revisions: [], raw: '' }, currentPosition: '' };

async function site(): Promise<{ close: () => Promise<void>; siteUrl: string; actionId: number; data: TrackerData }> {
  const server = await startStandin({ port: 0 });
  const sp = nodeSp(server.siteUrl, { user: 'admin' });
  await provision(sp, TRACKER_SCHEMA);
  const data = createTrackerData(sp);
  const reportId = (await data.reports.add({ title: 'Bench', source: 'HMICFRS', reportType: 'PEEL', published: null, scope: 'Not stated', responseDeadline: null })).id;
  const recommendationId = (
    await data.recommendations.add({ reportId, ref: '1', kind: 'Recommendation', text: 'Bench', appliesTo: 'Force', acceptedForAction: true, causeOfConcernIds: [], lifecycle: 'Being progressed', due: ACTION.due, reopenings: [], lastUpdated: null, history: [] })
  ).id;
  const actionId = (await data.actions.add({ ...ACTION, recommendationId })).id;
  return { close: () => server.close(), siteUrl: server.siteUrl, actionId, data };
}

const append = (token: string) => (a: Action): Action => ({ ...a, currentPosition: `${a.currentPosition ?? ''} ${token}`.trim() });

async function tokensOf(data: TrackerData, id: number): Promise<string[]> {
  return ((await data.actions.get(id)).value.currentPosition ?? '').split(' ').filter((t) => t !== '');
}

async function main(): Promise<void> {
  // Floor: one writer, the same 500 changes in turn.
  const floorSite = await site();
  const t0 = performance.now();
  for (let i = 0; i < WRITERS * CHANGES; i++) await floorSite.data.actions.modify(floorSite.actionId, append(`t${i}`));
  const floorMs = performance.now() - t0;
  const floorLanded = (await tokensOf(floorSite.data, floorSite.actionId)).length;
  await floorSite.close();

  const busy = await site();
  let conflicts = 0;
  let reported = 0;
  const t1 = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      const data = createTrackerData(nodeSp(busy.siteUrl, { user: w % 2 === 0 ? 'analyst' : 'manager' }));
      for (let c = 0; c < CHANGES; c++) {
        try {
          conflicts += (await data.actions.modify(busy.actionId, append(`w${w}c${c}`), 100)).conflicts;
        } catch {
          reported += 1;
        }
      }
    })
  );
  const ms = performance.now() - t1;
  const landed = new Set(await tokensOf(busy.data, busy.actionId)).size;
  await busy.close();
  const lost = WRITERS * CHANGES - landed - reported;

  process.stdout.write(`concurrent writers: ${WRITERS} × ${CHANGES} changes to one action\n`);
  process.stdout.write(`  updates landed ${landed}, conflicts retried ${conflicts}, reported as not saved ${reported}, lost ${lost}\n`);
  process.stdout.write(`  ${ms.toFixed(0)} ms; floor (one writer, ${floorLanded} changes in turn) ${floorMs.toFixed(0)} ms; ratio ${(ms / floorMs).toFixed(2)}×\n`);
  if (lost !== 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
