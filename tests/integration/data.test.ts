import type { Action, ProgressUpdate, Recommendation, ReminderLogEntry, ReminderRuleRecord } from '../../src/core/model';
import { RAG_POLICY_SETTING } from '../../src/core/status';
import {
  AccessDeniedError,
  BATCH_SIZE,
  BatchWriteError,
  ConflictError,
  ThrottledError,
  createTrackerData,
  type Stored,
  type TrackerData
} from '../../src/data';
import { AREAS_FOR_IMPROVEMENT, DOMESTIC_ABUSE_REPORT, actionPlanRecommendation, clearFaults, injectFaults, provisionedSite, spAs, type Standin } from './data.support';

describe('the data layer against the stand-in', () => {
  let server: Standin;
  let data: TrackerData;
  let reportId: number;

  beforeAll(async () => {
    ({ server, data, reportId } = await provisionedSite());
  });

  afterEach(async () => {
    await clearFaults(server);
  });

  afterAll(async () => {
    await server.close();
  });

  describe('CRUD on every list', () => {
    it('reports: add, read, update, delete', async () => {
      const added = await data.reports.add({ ...DOMESTIC_ABUSE_REPORT, title: 'PEEL: Police Efficiency – National', reportType: 'PEEL', scope: 'Force inspected' });
      expect((await data.reports.get(added.id)).value).toEqual({ ...DOMESTIC_ABUSE_REPORT, id: added.id, title: 'PEEL: Police Efficiency – National', reportType: 'PEEL', scope: 'Force inspected' });
      const updated = await data.reports.update(added, { ...added.value, url: 'https://www.justiceinspectorates.gov.uk/hmicfrs/' });
      expect((await data.reports.get(added.id)).value.url).toBe('https://www.justiceinspectorates.gov.uk/hmicfrs/');
      await data.reports.delete(updated);
      expect(await data.reports.find(added.id)).toBeNull();
    });

    it('recommendations: every field survives the round trip through SharePoint', async () => {
      const full: Recommendation = actionPlanRecommendation(reportId, {
        sro: { name: 'ACC Crime', email: 'sro@contoso.onmicrosoft.com' },
        addressee: 'Chief constables',
        dependsOn: 'NPCC decision',
        keyPrinciple: 'Policing that Works',
        confidence: 'Medium',
        confidenceNarrative: "Plan drafted; the CPS's comments are awaited.",
        due: {
          kind: 'date',
          original: '2018-04-30',
          current: '2018-07-31',
          revisions: [{ from: '2018-04-30', to: '2018-07-31', reason: 'Awaiting the national risk model', approvedBy: 'ACC Crime', at: '2018-04-10T09:00:00Z' }],
          raw: 'April 2018'
        },
        ragOverride: { colour: 'RED', rationale: 'Cannot be implemented until the national model is issued.', setBy: 'ACC Crime', at: '2018-05-01T10:00:00Z' },
        extension: { requestedBy: 'Head of Public Protection', requestedAt: '2018-04-02T08:00:00Z', proposed: '2018-07-31', reason: 'National model', decision: { outcome: 'approved', by: 'ACC Crime', at: '2018-04-10T09:00:00Z' } },
        closure: { requestedBy: 'Head of Public Protection', requestedAt: '2018-06-01T08:00:00Z', evidence: 'Plan published.' },
        reopenings: [{ at: '2018-06-03T12:00:00Z', by: 'ACC Crime', reason: 'Plan not yet published.' }]
      });
      const owner = await data.users.ensure('headpp@contoso.onmicrosoft.com');
      const withUser = { ...full, owner: { userId: owner.id, name: owner.title, email: owner.email } };
      const added = await data.recommendations.add(withUser);
      const read = await data.recommendations.get(added.id);
      expect(read.value).toEqual({ ...withUser, id: added.id });

      const cause = await data.recommendations.add(actionPlanRecommendation(reportId, { ref: 'C1', kind: 'Cause of concern' }));
      const linked = await data.recommendations.update(read, { ...read.value, causeOfConcernIds: [cause.id], nationalRecommendationId: cause.id });
      expect((await data.recommendations.get(added.id)).value).toEqual(linked.value);

      await data.recommendations.delete(await data.recommendations.get(cause.id));
      expect(await data.recommendations.find(cause.id)).toBeNull();
    });

    it('actions and progress updates hang off their recommendation', async () => {
      const rec = await data.recommendations.add(actionPlanRecommendation(reportId, { ref: '9a' }));
      const action: Action = {
        recommendationId: rec.id,
        ref: '9.1',
        text: 'Formulate an action plan with deadlines for completion.',
        owner: { name: 'Head of Public Protection' },
        lifecycle: 'Being progressed',
        due: { kind: 'date', original: '2018-04-30', current: '2018-04-30', revisions: [], raw: 'By April 2018' }
      };
      const a = await data.actions.add(action);
      expect((await data.actions.byRecommendation(rec.id)).map((s) => s.value)).toEqual([{ ...action, id: a.id }]);
      const a2 = await data.actions.update(a, { ...a.value, currentPosition: 'Meeting held w/c 20th November.' });
      expect((await data.actions.get(a.id)).value.currentPosition).toBe('Meeting held w/c 20th November.');

      const older: ProgressUpdate = { recommendationId: rec.id, actionId: a.id, at: '2017-11-20T10:00:00Z', author: 'Head of Public Protection', text: 'Meeting scheduled.', lifecycle: 'Being progressed', confidence: 'High' };
      const newer: ProgressUpdate = { ...older, at: '2018-01-15T09:00:00Z', text: "Draft plan shared with the CPS; it's due back in February.", confidence: 'Medium' };
      const [u1, u2] = await data.updates.addMany([older, newer]);
      expect((await data.updates.byRecommendation(rec.id)).map((s) => s.value)).toEqual([
        { ...newer, id: u2.id },
        { ...older, id: u1.id }
      ]);
      await data.updates.delete(await data.updates.get(u1.id));
      await data.actions.delete(a2);
      expect(await data.actions.byRecommendation(rec.id)).toEqual([]);
    });

    it('reminder rules and the reminder log, looked up by key', async () => {
      const rule: ReminderRuleRecord = { key: 'due-in-14-days', name: 'Due in 14 days: tell the owner', enabled: true, definition: { trigger: 'daily', dueWithinDays: 14, recipients: ['owner'] } };
      const r = await data.reminderRules.add(rule);
      expect((await data.reminderRules.byKey('due-in-14-days'))?.value).toEqual({ ...rule, id: r.id });
      const off = await data.reminderRules.update(r, { ...r.value, enabled: false });
      expect(await data.reminderRules.enabled()).toEqual([]);
      await data.reminderRules.delete(off);

      const entry: ReminderLogEntry = {
        key: "due-in-14-days|recommendation:1|2018-04-16|O'Brien",
        ruleKey: 'due-in-14-days',
        itemId: 1,
        itemKind: 'recommendation',
        occurrence: '2018-04-16',
        recipient: 'headpp@contoso.onmicrosoft.com',
        channel: 'teams-activity',
        status: 'Claimed',
        at: '2018-04-16T08:00:00Z',
        attempts: 0
      };
      const e = await data.reminderLog.add(entry);
      // The key holds a quote: the filter must escape it.
      const found = await data.reminderLog.byKey(entry.key);
      expect(found?.value).toEqual({ ...entry, id: e.id });
      await data.reminderLog.update(e, { ...entry, status: 'Sent', attempts: 1, detail: 'Delivered.' });
      expect((await data.reminderLog.byStatus('Sent')).map((s) => s.id)).toEqual([e.id]);
      expect((await data.reminderLog.byItem(1)).map((s) => s.value.status)).toEqual(['Sent']);
    });

    it('settings: set, read back, overwrite', async () => {
      expect(await data.settings.get('StaleAfterDays')).toBeUndefined();
      await data.settings.set('StaleAfterDays', '30');
      await data.settings.set('StaleAfterDays', '45');
      expect(await data.settings.get('StaleAfterDays')).toBe('45');
    });

    it('settings: a RAG policy value that names neither policy is bad data naming the value, for reads and checked saves alike', async () => {
      const current = { overdueAgainst: 'current' } as const;
      await data.settings.set(RAG_POLICY_SETTING, 'latest');
      const named = { kind: 'bad-data', problem: { code: 'ragPolicy', args: ['latest', RAG_POLICY_SETTING] } };
      await expect(data.settings.ragPolicy()).rejects.toMatchObject({ ...named, message: "Tracker Settings holds 'latest' under RagOverdueAgainst: expected 'original' or 'current'. A site owner can choose again in the tracker's settings." });
      await expect(data.settings.setRagPolicy(current, current)).rejects.toMatchObject(named);
      expect(await data.settings.get(RAG_POLICY_SETTING)).toBe('latest');
      // A save that quotes no policy seen replaces it.
      await data.settings.setRagPolicy(current);
      expect(await data.settings.ragPolicy()).toEqual(current);
    });

    it('committee papers: a file is stored with its date, listed and read back, never overwritten', async () => {
      const snapshot = JSON.stringify({ paperDate: '2017-11-28', items: [{ ref: '9', colour: 'AMBER' }] });
      const paper = await data.papers.add({ name: 'HMICFRS recommendations 2017-11-28.json', content: snapshot, paperDate: '2017-11-28', kind: 'Snapshot', committee: 'Police Performance and Resource Management Sub Committee' });
      await data.papers.add({ name: 'HMICFRS recommendations 2018-02-20.json', content: '{}', paperDate: '2018-02-20', kind: 'Snapshot' });
      expect((await data.papers.list('Snapshot')).map((p) => p.paperDate)).toEqual(['2018-02-20', '2017-11-28']);
      expect(await data.papers.latestBefore('2018-02-20', 'Snapshot')).toEqual(paper);
      expect(await data.papers.readText(paper.serverRelativeUrl)).toBe(snapshot);
      expect(Buffer.from(await data.papers.read(paper.serverRelativeUrl)).toString('utf8')).toBe(snapshot);
      await expect(data.papers.add({ name: 'HMICFRS recommendations 2017-11-28.json', content: 'changed', paperDate: '2017-11-28', kind: 'Snapshot' })).rejects.toThrow(
        /while saving 'HMICFRS recommendations 2017-11-28\.json' to 'Committee Papers': .*already exists\.$/
      );
      expect(await data.papers.readText(paper.serverRelativeUrl)).toBe(snapshot);
    });
  });

  describe('queries for the tracker', () => {
    let recs: Stored<Recommendation>[];

    beforeAll(async () => {
      const otherReport = (await data.reports.add({ ...DOMESTIC_ABUSE_REPORT, title: "PEEL: Police Effectiveness (Vulnerability) – O'Connor review" })).id;
      recs = await data.recommendations.addMany(
        AREAS_FOR_IMPROVEMENT.map((title, i) =>
          actionPlanRecommendation(otherReport, {
            ref: String(i + 1),
            kind: 'Area for improvement',
            text: `Areas for improvement: ${title}`,
            owner: { name: i % 2 === 0 ? "Supt O'Brien" : 'Head of Crime' },
            directorate: i < 3 ? 'Crime' : 'Public Protection',
            lifecycle: i === 5 ? 'Closed by the force' : 'Being progressed',
            trafficLight: i === 5 ? 'GREEN' : i === 4 ? 'RED' : 'AMBER',
            due: { kind: 'date', original: `2018-0${i + 1}-15`, current: `2018-0${i + 1}-15`, revisions: [], raw: `15/0${i + 1}/2018` }
          })
        )
      );
    });

    const refs = (list: Stored<Recommendation>[]): string[] => list.map((s) => s.value.ref).sort();

    it('by report, owner (a name with a quote), lifecycle, colour, directorate and due date', async () => {
      const report = recs[0].value.reportId ?? 0;
      expect(refs(await data.recommendations.byReport(report))).toEqual(['1', '2', '3', '4', '5', '6']);
      expect(refs(await data.recommendations.byOwner({ name: "Supt O'Brien" }))).toEqual(['1', '3', '5']);
      expect(refs(await data.recommendations.where({ reportId: report, lifecycles: ['Closed by the force'] }))).toEqual(['6']);
      expect(refs(await data.recommendations.where({ reportId: report, trafficLights: ['RED', 'GREEN'] }))).toEqual(['5', '6']);
      expect(refs(await data.recommendations.byDirectorate('Public Protection'))).toEqual(['4', '5', '6']);
      // Strictly before 15 March 2018 (a date in London: the stored value is midnight, GMT).
      expect((await data.recommendations.where({ reportId: report, dueBefore: '2018-03-15' })).map((s) => s.value.ref)).toEqual(['1', '2']);
      // 15 April is in BST: the stored instant is 14 April 23:00 UTC, still "due 15 April".
      const april = await data.recommendations.where({ reportId: report, dueBefore: '2018-04-16' });
      expect(april.map((s) => s.value.due.current)).toEqual(['2018-01-15', '2018-02-15', '2018-03-15', '2018-04-15']);
    });

    it('a filter value cannot break out of its quotes', async () => {
      expect(await data.recommendations.byOwner({ name: "x' or TrkOwnerName ne 'x" })).toEqual([]);
    });
  });

  describe('concurrency, throttling and permissions', () => {
    it('a stale update is refused as a ConflictError carrying both versions; nothing is overwritten', async () => {
      const base = await data.recommendations.add(actionPlanRecommendation(reportId, { ref: 'C-412' }));
      const analyst = createTrackerData(spAs(server, 'analyst'));
      const theirs = await analyst.recommendations.get(base.id);
      const mine = await data.recommendations.get(base.id);

      const saved = await analyst.recommendations.update(theirs, { ...theirs.value, lifecycle: 'Complete, awaiting sign-off', latestComment: 'Plan published on the force website.' });
      const attempted = { ...mine.value, latestComment: 'Awaiting the CPS.' };
      const error = await data.recommendations.update(mine, attempted).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ConflictError);
      const conflict = error as ConflictError<Recommendation>;
      expect(conflict.status).toBe(412);
      expect(conflict.attempted).toEqual(attempted);
      expect(conflict.base).toEqual(mine);
      expect(conflict.current?.value).toEqual(saved.value);
      expect(conflict.current?.etag).not.toBe(mine.etag);
      expect((await data.recommendations.get(base.id)).value.latestComment).toBe('Plan published on the force website.');

      // Saving again from the current version succeeds.
      const retried = await data.recommendations.update(conflict.current as Stored<Recommendation>, { ...(conflict.current as Stored<Recommendation>).value, latestComment: 'Awaiting the CPS.' });
      expect((await data.recommendations.get(base.id)).value).toEqual(retried.value);
    });

    it('a delete of a version someone changed is refused as a conflict', async () => {
      const base = await data.recommendations.add(actionPlanRecommendation(reportId, { ref: 'C-del' }));
      await data.recommendations.update(base, { ...base.value, latestComment: 'Changed meanwhile.' });
      const error = (await data.recommendations.delete(base).catch((e: unknown) => e)) as ConflictError<Recommendation>;
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.attempted).toBeNull();
      expect(await data.recommendations.find(base.id)).not.toBeNull();
    });

    it('retries injected 429s as PnPjs does, losing nothing', async () => {
      const before = (await data.recommendations.byReport(reportId)).length;
      await injectFaults(server, { rate: 1, status: 429, retryAfter: 0, count: 2 });
      server.resetRequestCount();
      const single = await data.recommendations.add(actionPlanRecommendation(reportId, { ref: 'T-1' }));
      expect(server.requestCount()).toBe(3);

      await injectFaults(server, { rate: 1, status: 503, retryAfter: 0, count: 2 });
      const batch = await data.recommendations.addMany(Array.from({ length: 30 }, (_, i) => actionPlanRecommendation(reportId, { ref: `T-b${i}` })));
      expect(batch.map((b) => b.value.ref)).toEqual(Array.from({ length: 30 }, (_, i) => `T-b${i}`));
      const after = await data.recommendations.byReport(reportId);
      expect(after.length).toBe(before + 31);
      expect(after.map((s) => s.id)).toEqual(expect.arrayContaining([single.id, ...batch.map((b) => b.id)]));
    });

    it('gives a clear ThrottledError when the retries run out, and the write can be made again', async () => {
      await injectFaults(server, { rate: 1, status: 429, retryAfter: 0, count: 3 });
      const error = await data.recommendations.add(actionPlanRecommendation(reportId, { ref: 'T-x' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ThrottledError);
      expect((error as Error).message).toMatch(/SharePoint is busy .* adding to 'Recommendations'/);
      expect((await data.recommendations.byReport(reportId)).filter((s) => s.value.ref === 'T-x')).toEqual([]);
      const again = await data.recommendations.add(actionPlanRecommendation(reportId, { ref: 'T-x' }));
      expect((await data.recommendations.get(again.id)).value.ref).toBe('T-x');
    });

    it('reports exactly the writes of a $batch that stayed throttled, and keeps the rest', async () => {
      const before = (await data.recommendations.byReport(reportId)).length;
      // The first $batch request (100 writes) is refused three times, so PnPjs gives up on it.
      await injectFaults(server, { rate: 1, status: 429, retryAfter: 0, count: 3 });
      const inputs = Array.from({ length: 150 }, (_, i) => actionPlanRecommendation(reportId, { ref: `BW-${i}` }));
      const error = (await data.recommendations.addMany(inputs).catch((e: unknown) => e)) as BatchWriteError<Recommendation, Stored<Recommendation>>;
      expect(error).toBeInstanceOf(BatchWriteError);
      expect(error.failures.map((f) => f.index)).toEqual(Array.from({ length: 100 }, (_, i) => i));
      expect(error.failures.every((f) => f.error instanceof ThrottledError)).toBe(true);
      expect(error.message).toMatch(/^100 of 150 changes to 'Recommendations' were not saved; the others were\./);
      const saved = error.results.filter((r): r is Stored<Recommendation> => r !== undefined);
      expect(saved.map((s) => s.value.ref)).toEqual(inputs.slice(100).map((r) => r.ref));
      const after = await data.recommendations.byReport(reportId);
      expect(after.length).toBe(before + 50);
      // Sending the failed ones again completes the set, with nothing twice.
      await data.recommendations.addMany(error.failures.map((f) => f.input));
      const refs = (await data.recommendations.byReport(reportId)).map((s) => s.value.ref).filter((r) => r.startsWith('BW-'));
      expect(refs.sort()).toEqual(inputs.map((r) => r.ref).sort());
    });

    it('sends 100 writes as one $batch request', async () => {
      const rec = await data.recommendations.add(actionPlanRecommendation(reportId, { ref: 'B-100' }));
      server.resetRequestCount();
      const added = await data.updates.addMany(
        Array.from({ length: BATCH_SIZE }, (_, i) => ({ recommendationId: rec.id, at: `2018-01-${String((i % 28) + 1).padStart(2, '0')}T09:00:00Z`, author: 'Head of Crime', text: `Update ${i + 1}`, lifecycle: 'Being progressed' as const }))
      );
      expect(server.requestCount()).toBe(1);
      expect(new Set(added.map((a) => a.id)).size).toBe(100);
      const readBack = await data.updates.byRecommendation(rec.id);
      expect(readBack.map((u) => u.value.text).sort()).toEqual(added.map((a) => a.value.text).sort());
    });

    it("refuses a reader's write with a typed error, and lets them read", async () => {
      const reader = createTrackerData(spAs(server, 'reader'));
      await expect(reader.recommendations.add(actionPlanRecommendation(reportId, { ref: 'R-1' }))).rejects.toBeInstanceOf(AccessDeniedError);
      expect((await reader.reports.get(reportId)).value.title).toBe(DOMESTIC_ABUSE_REPORT.title);
      expect(await reader.users.permissions()).toEqual({ canEdit: false, canManage: false });
      expect(await createTrackerData(spAs(server, 'analyst')).users.permissions()).toEqual({ canEdit: true, canManage: false });
      expect(await data.users.permissions()).toEqual({ canEdit: true, canManage: true });
      expect((await reader.users.current()).title).toBe('Read Only User');
    });
  });

  describe('audit trail and change log', () => {
    it('keeps every version of an item, newest first', async () => {
      const v1 = await data.recommendations.add(actionPlanRecommendation(reportId, { ref: 'V-1', lifecycle: 'Awaiting review' }));
      const v2 = await data.recommendations.update(v1, { ...v1.value, lifecycle: 'Being progressed' });
      await data.recommendations.update(v2, { ...v2.value, lifecycle: 'Complete, awaiting sign-off' });
      const versions = await data.recommendations.versions(v1.id);
      expect(versions.map((v) => [v.label, v.value?.lifecycle])).toEqual([
        ['3.0', 'Complete, awaiting sign-off'],
        ['2.0', 'Being progressed'],
        ['1.0', 'Awaiting review']
      ]);
    });

    it('returns exactly the changes since a change token', async () => {
      const token = await data.actions.currentChangeToken();
      const rec = await data.recommendations.add(actionPlanRecommendation(reportId, { ref: 'CT-1' }));
      const base: Action = { recommendationId: rec.id, ref: '1', text: 'Action', lifecycle: 'Awaiting review', due: { kind: 'none', original: null, current: null, revisions: [], raw: '' } };
      const [a, b] = await data.actions.addMany([base, { ...base, ref: '2' }]);
      await data.actions.update(a, { ...a.value, lifecycle: 'Being progressed' });
      await data.actions.delete(b);

      const first = await data.actions.changesSince(token);
      expect(first.changes.map((c) => [c.kind, c.itemId])).toEqual([
        ['added', a.id],
        ['added', b.id],
        ['updated', a.id],
        ['deleted', b.id]
      ]);
      expect(await data.actions.changesSince(first.token)).toEqual({ changes: [], token: first.token });
      // SharePoint hands changes out a page at a time: asking two at a time still gets all four, in order.
      expect(await data.actions.changesSince(token, 2)).toEqual(first);
    });
  });
});
