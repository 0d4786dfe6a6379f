/**
 * The conflict merge (core/fieldMerge.ts): after a 412, my changes are re-applied on top of the
 * version someone else saved, field by field, and merging twice gives the same item.
 */
import { ACTION_MERGE, REPORT_MERGE, changedFields, reapply } from '../../src/core/fieldMerge';
import type { Action, OriginatingReport } from '../../src/core/model';
import { requestClosure } from '../../src/core/transitions';
import { LINCS_163, dated } from './fixtures/seedRecommendations';

const AT = '2017-08-01T09:00:00Z';

describe('recommendation merge', () => {
  const base = LINCS_163;
  // I request closure (lifecycle, closure and history change); they move the due date and comment.
  const mine = requestClosure(base, { by: 'Supt Taylor', at: AT, evidence: 'Strategic assessment completed.' });
  const theirs = { ...base, due: dated('Sept-17', '2017-09-30'), latestComment: 'Assessment with the DCC.' };

  it('names the fields each side changed', () => {
    expect(changedFields(base, theirs)).toEqual(['due', 'latestComment']);
    expect(changedFields(base, mine)).toEqual(expect.arrayContaining(['lifecycle', 'closure']));
    expect(changedFields(base, mine)).not.toContain('due');
  });

  it('keeps both sides’ changes and both histories', () => {
    const merged = reapply(base, mine, theirs);
    expect(merged.due).toEqual(theirs.due);
    expect(merged.latestComment).toBe('Assessment with the DCC.');
    expect(merged.lifecycle).toBe(mine.lifecycle);
    expect(merged.closure).toEqual(mine.closure);
    expect(merged.history).toEqual([...theirs.history, ...mine.history.slice(base.history.length)]);
  });

  it('round-trips: nothing left to re-apply once merged, and merging over an unchanged version gives mine', () => {
    const merged = reapply(base, mine, theirs);
    expect(changedFields(merged, reapply(base, mine, merged))).toEqual([]);
    expect(changedFields(mine, reapply(base, mine, base))).toEqual([]);
    expect(changedFields(theirs, reapply(base, base, theirs))).toEqual([]);
  });
});

describe('plain merges (actions, reports)', () => {
  const action: Action = { recommendationId: 1, ref: '1.1', text: 'Write the assessment', lifecycle: 'Being progressed', due: dated('Jul-17', '2017-07-31') };

  it('takes my changed fields over theirs and keeps theirs elsewhere', () => {
    const mine = { ...action, currentPosition: 'Drafted' };
    const theirs = { ...action, owner: { name: 'Supt Taylor' } };
    expect(ACTION_MERGE.changed(action, mine)).toEqual(['currentPosition']);
    const merged = ACTION_MERGE.reapply(action, mine, theirs);
    expect(merged).toEqual({ ...action, currentPosition: 'Drafted', owner: { name: 'Supt Taylor' } });
    expect(ACTION_MERGE.changed(merged, ACTION_MERGE.reapply(action, mine, merged))).toEqual([]);
  });

  it('merges a report field by field', () => {
    const report: OriginatingReport = { title: 'PEEL 2017', source: 'HMICFRS', reportType: 'PEEL', published: '2017-11-14', scope: 'Force inspected', responseDeadline: null };
    const merged = REPORT_MERGE.reapply(report, { ...report, usesTrafficLights: false }, { ...report, title: 'PEEL: Legitimacy 2017' });
    expect(merged).toEqual({ ...report, title: 'PEEL: Legitimacy 2017', usesTrafficLights: false });
  });
});
