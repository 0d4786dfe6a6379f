/**
 * The run history and "send again" against the stand-in (real PnPjs, the stand-in's Graph and Teams
 * inbox, a simulated clock): a delivery the stand-in's Graph refuses shows as failed with the
 * reason; the history filters and pages through `src/data` queries; "send again" asked twice at
 * once saves one request, and the service delivers it exactly once — and not at all when the card
 * had arrived after all.
 */
import { londonInstant, readLogDetail, historyRow } from '../../src/core/reminders';
import type { TrackerData } from '../../src/data';
import { createDataSource } from '../../src/data/createDataSource';
import { SaveConflictError, type LogPage, type LogRecord, type ReminderLogFilter, type TrackerDataSource } from '../../src/data/TrackerDataSource';
import { GraphTransport } from '../../src/service/delivery';
import { GraphClient } from '../../src/service/graph';
import { localServiceOptions } from '../../src/service/main';
import { startReminderService, type ReminderService } from '../../src/service/service';
import type { InboxItem } from '../../src/standin/graph';
import { emailFor } from '../../src/standin/identity';
import { actionPlanRecommendation, provisionedSite, spAs, type Standin } from './data.support';

jest.setTimeout(120000);

/** Friday 20 March 2026, 10:00 London: a working day, outside quiet hours. */
const NOW = londonInstant('2026-03-20', 600);
const REFUSAL = 'The recipient cannot receive chat messages (stand-in refusal).';

let server: Standin;
let data: TrackerData;
let service: ReminderService;
const lines: string[] = [];

async function inbox(alias: string): Promise<InboxItem[]> {
  const res = await fetch(`${server.url}/_standin/teams/inbox?user=${encodeURIComponent(alias)}`);
  return ((await res.json()) as { items: InboxItem[] }).items;
}

async function graphFault(fault: { status: number; count?: number; message?: string }): Promise<void> {
  const res = await fetch(`${server.url}/_standin/graph/faults`, { method: 'POST', body: JSON.stringify(fault) });
  if (!res.ok) throw new Error(`The stand-in refused the fault: ${res.status}`);
}

/** Every page of the run history, as the page reads them. */
async function history(source: TrackerDataSource, filter: ReminderLogFilter, pageSize = 50): Promise<LogPage[]> {
  const pages: LogPage[] = [];
  const cursor = source.reminderHistory(filter, pageSize);
  for (let page = await cursor.next(); page.done !== true; page = await cursor.next()) pages.push(page.value);
  return pages;
}

const entries = async (source: TrackerDataSource, filter: ReminderLogFilter): Promise<LogRecord[]> => (await history(source, filter)).flatMap((p) => p.entries);

beforeAll(async () => {
  let reportId: number;
  ({ server, data, reportId } = await provisionedSite());
  const overdue = { kind: 'date' as const, original: '2026-02-02', current: '2026-02-02', revisions: [], raw: '2 February 2026' };
  await data.recommendations.add(
    actionPlanRecommendation(reportId, { ref: 'H1', owner: { name: 'Manager', email: emailFor('manager') }, sro: { name: 'ACC Crime', email: emailFor('sro') }, due: overdue, lastUpdated: '2026-01-05' })
  );
  service = await startReminderService({
    ...localServiceOptions(server, `${server.siteUrl}/SitePages/Tracker.aspx`),
    clock: () => NOW,
    tickMs: null,
    subscribe: false,
    graphSleep: async () => undefined,
    logger: { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) }
  });
});

afterAll(async () => {
  await service?.close();
  await server?.close();
});

test('a refused delivery is failed with its reason; send again delivers it once, even when asked twice at once', async () => {
  // Every Graph call is refused for good (400), as for an address Teams will never accept.
  await graphFault({ status: 400, message: REFUSAL });
  await service.engine.sweep();
  await graphFault({ status: 400, count: 0 });

  const admin = createDataSource(spAs(server, 'admin'), () => NOW);
  const failed = await entries(admin, { status: 'Failed' });
  const all = await entries(admin, {});
  // The overdue item's owner (a digest of several rules) and its SRO: every reminder failed.
  expect(failed.length).toBe(all.length);
  expect(new Set(failed.map((e) => e.value.recipient))).toEqual(new Set([emailFor('manager'), emailFor('sro')]));
  for (const e of failed) {
    const row = historyRow(e.value, NOW);
    expect(row.state).toBe('failed');
    expect(row.reason).toContain(REFUSAL);
    expect(row.reason).toContain('400');
    expect(row.problem).toEqual({ code: 'refused', args: [400, expect.any(String), expect.stringContaining(REFUSAL)] });
    expect(row.canSendAgain).toBe(true);
  }
  expect(await inbox('manager')).toHaveLength(0);

  // The filters are OData queries on the list (every value escaped), paged one request per page.
  const manager = await entries(admin, { recipient: emailFor('manager') });
  expect(manager.length).toBeGreaterThan(1);
  expect(manager.every((e) => e.value.recipient === emailFor('manager'))).toBe(true);
  const ruleKey = manager[0].value.ruleKey;
  expect((await entries(admin, { ruleKey })).every((e) => e.value.ruleKey === ruleKey)).toBe(true);
  expect(await entries(admin, { ruleKey: "it's not a rule" })).toHaveLength(0);
  expect(await entries(admin, { from: londonInstant('2026-03-20', 0).toISOString(), before: londonInstant('2026-03-21', 0).toISOString() })).toHaveLength(all.length);
  expect(await entries(admin, { before: londonInstant('2026-03-20', 0).toISOString() })).toHaveLength(0);
  const onePerPage = await history(admin, {}, 1);
  expect(onePerPage).toHaveLength(all.length);
  expect(onePerPage.map((p) => p.entries[0].value.key).sort()).toEqual(all.map((e) => e.value.key).sort());

  // Two site owners ask at once, each quoting the version they saw: one request is saved.
  const seen = manager[0];
  const asked = await Promise.allSettled([admin.sendAgain(seen, NOW), createDataSource(spAs(server, 'admin'), () => NOW).sendAgain(seen, NOW)]);
  expect(asked.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
  const refused = asked.find((a) => a.status === 'rejected') as PromiseRejectedResult;
  expect(refused.reason).toBeInstanceOf(SaveConflictError);
  const requested = (asked.find((a) => a.status === 'fulfilled') as PromiseFulfilledResult<LogRecord>).value;
  expect(historyRow(requested.value, NOW).state).toBe('send-again-requested');
  // Asking again on the entry as it now stands is refused before anything is written.
  await expect(admin.sendAgain(requested, NOW)).rejects.toThrow('already asked');

  await service.tick();
  // One card: the owner's digest, every failed reminder of that delivery sent with it.
  expect(await inbox('manager')).toHaveLength(1);
  const after = await entries(admin, { recipient: emailFor('manager') });
  for (const e of after) {
    const row = historyRow(e.value, NOW);
    expect(row.state).toBe('sent');
    expect(row.sentAgain).toHaveLength(1);
  }
  // The request on a stale version is a conflict; on the sent entry it is refused; nothing is sent.
  await expect(admin.sendAgain(seen, NOW)).rejects.toBeInstanceOf(SaveConflictError);
  await expect(admin.sendAgain(after[0], NOW)).rejects.toThrow('sent meanwhile');
  await service.tick();
  expect(await inbox('manager')).toHaveLength(1);
  expect(lines.filter((l) => l.startsWith('Send again:'))).toHaveLength(1);
});

test('send again does not post a second card when the refused one had arrived after all', async () => {
  const admin = createDataSource(spAs(server, 'admin'), () => NOW);
  const [sro] = await entries(admin, { recipient: emailFor('sro'), status: 'Failed' });
  const detail = readLogDetail(sro.value);
  expect(detail?.deliveryId).toBeTruthy();
  // The card reached the SRO although Graph answered with an error: it is in the chat, under its delivery id.
  const options = localServiceOptions(server, `${server.siteUrl}/SitePages/Tracker.aspx`);
  const transport = new GraphTransport({ graph: new GraphClient({ baseUrl: server.url, token: async () => 'stand-in' }), links: options.links, senderUpn: options.senderUpn });
  await transport.deliver({ deliveryId: detail!.deliveryId!, recipient: detail!.recipient, items: [detail!.item] }, { resend: false });
  expect(await inbox('sro')).toHaveLength(1);

  await admin.sendAgain(sro, NOW);
  await service.tick();
  expect(await inbox('sro')).toHaveLength(1);
  const [now] = await entries(admin, { recipient: emailFor('sro') });
  expect(historyRow(now.value, NOW).state).toBe('sent');
  expect(lines.some((l) => l.includes('1 found already delivered'))).toBe(true);
});
