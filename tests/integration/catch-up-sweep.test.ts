/**
 * `npm start` on a fresh database: the workbench's reminder service sweeps at once, so the demo's
 * inboxes already hold the cards the default rules produce; a restart on the same database sweeps
 * nothing again and sends nothing twice (the Reminder Log's keys). The demo data in a SQLite file,
 * the service on the workbench's fixed clock of the e2e tests (Tuesday 14 November 2017, 09:30).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTrackerData } from '../../src/data';
import { nodeSp } from '../../src/data/node';
import { seedDemo } from '../../src/import/demo';
import { startStandin } from '../../src/standin/server';
import { startWorkbenchReminders } from '../../src/workbench/reminders';

jest.setTimeout(300000);

const NOW = '2017-11-14T09:30:00Z';
const WORKBENCH_URL = 'http://127.0.0.1:4321/';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'catch-up-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the stand-in on the database and the workbench's reminder service beside it; returns what arrived and what the log holds. */
async function start(dbPath: string, log: string[]): Promise<{ cards: Map<string, number>; logged: Map<string, number>; lastSweep: string | undefined }> {
  const standin = await startStandin({ port: 0, dbPath });
  try {
    const sp = nodeSp(standin.siteUrl, { user: 'admin' });
    await seedDemo(sp);
    const service = await startWorkbenchReminders(standin, WORKBENCH_URL, { now: NOW, catchUpSweep: true, log: (line) => log.push(line) });
    await service.close();
    const res = await fetch(`${standin.url}/_standin/teams/inbox`);
    const { recipients } = (await res.json()) as { recipients: { to: string; count: number }[] };
    const data = createTrackerData(sp);
    const logged = new Map<string, number>();
    for (const e of await data.reminderLog.all()) logged.set(e.value.status, (logged.get(e.value.status) ?? 0) + 1);
    return { cards: new Map(recipients.map((r) => [r.to, r.count])), logged, lastSweep: await data.settings.get('Reminders.LastSweepDay') };
  } finally {
    await standin.close();
  }
}

test('the first start sweeps at once and fills the inboxes; a restart sends nothing again', async () => {
  const dbPath = join(dir, 'standin.sqlite');
  const first: string[] = [];
  const fresh = await start(dbPath, first);
  expect(first.some((l) => l.includes('catch-up sweep'))).toBe(true);
  expect(fresh.lastSweep).toBe('2017-11-14');
  const cards = [...fresh.cards.values()].reduce((a, b) => a + b, 0);
  const sent = fresh.logged.get('Sent') ?? 0;
  expect(sent).toBeGreaterThan(0);
  expect(cards).toBeGreaterThan(0);
  // A digest carries several reminders: never more cards than reminders sent.
  expect(cards).toBeLessThanOrEqual(sent);
  expect(fresh.cards.get('sro@contoso.onmicrosoft.com') ?? 0).toBeGreaterThan(0);

  const second: string[] = [];
  const again = await start(dbPath, second);
  expect(second.some((l) => l.includes('catch-up sweep'))).toBe(false);
  expect(again.logged).toEqual(fresh.logged);
  // The stand-in's inboxes start empty in a new process: nothing arrived on the restart.
  expect(again.cards.size).toBe(0);
});
