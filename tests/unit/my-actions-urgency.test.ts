/**
 * My Actions' order on the demo owner's Lincolnshire items (as the importer plans them from the
 * seed), on 14 November 2017: overdue, then due in the next 14 days, then progress update overdue,
 * then the rest; within a band the earliest due date first, undated last.
 */
import { planDemoFile, readDemoPeople } from '../../src/import/demo';
import type { Action, Recommendation } from '../../src/core/model';
import { URGENCIES, byUrgency, urgencyOf } from '../../src/components/MyActions';
import type { WorkItem } from '../../src/data/myWork';

const TODAY = '2017-11-14';
const OWNER_LOGIN = 'owner@contoso.onmicrosoft.com';

let items: WorkItem[];

function rec(ref: string): WorkItem & { kind: 'recommendation' } {
  const found = items.find((i): i is WorkItem & { kind: 'recommendation' } => i.kind === 'recommendation' && i.recommendation.ref === ref);
  if (found === undefined) throw new Error(`The demo owner has no recommendation ${ref}.`);
  return found;
}

beforeAll(async () => {
  const plan = await planDemoFile('lincolnshire-action-matrix.json', await readDemoPeople());
  items = [];
  plan.recommendations.forEach((p, i) => {
    if (p.owner?.login !== OWNER_LOGIN) return;
    const recommendation: Recommendation & { id: number } = { ...p.recommendation, id: i + 1 };
    items.push({ kind: 'recommendation', recommendation, etag: '"1"' });
    p.actions.forEach((a, j) => {
      const action: Action & { id: number } = { ...a.action, recommendationId: recommendation.id, id: 1000 * (i + 1) + j };
      items.push({ kind: 'action', action, recommendation, etag: '"1"' });
    });
  });
});

test('the demo owner has work in several bands on the day', () => {
  expect(items.filter((i) => i.kind === 'recommendation')).toHaveLength(14);
  const bands = new Set(items.map((i) => urgencyOf(i, TODAY)));
  expect(bands.has('overdue')).toBe(true);
  expect(bands.has('updateOverdue')).toBe(true);
});

test('past its due date is overdue; within 14 days is due soon; a stale update comes next; the rest last', () => {
  // 142: due 31 August 2017.
  expect(rec('142').recommendation.due.current).toBe('2017-08-31');
  expect(urgencyOf(rec('142'), TODAY)).toBe('overdue');
  // 1610: due 30 November 2017, last updated 1 May 2017: 16 days away is not yet "due soon"…
  const r1610 = rec('1610');
  expect(r1610.recommendation.due.current).toBe('2017-11-30');
  expect(r1610.recommendation.lastUpdated).toBe('2017-05-01');
  expect(urgencyOf(r1610, TODAY)).toBe('updateOverdue');
  // …14 days away it is.
  expect(urgencyOf(r1610, '2017-11-16')).toBe('dueSoon');
  // Updated a fortnight ago, due next year: nothing pressing.
  const fresh: WorkItem = { ...rec('1612'), recommendation: { ...rec('1612').recommendation, lastUpdated: '2017-11-01' } };
  expect(urgencyOf(fresh, TODAY)).toBe('other');
});

test("an action is banded on its own status and due date, with its recommendation's updates", () => {
  const parent = rec('1612');
  const action: WorkItem = {
    kind: 'action',
    action: { recommendationId: parent.recommendation.id, ref: 'A1', text: 'Review the tasking process', lifecycle: 'Being progressed', due: { ...parent.recommendation.due, current: '2017-11-01' }, id: 1 },
    recommendation: parent.recommendation,
    etag: '"1"'
  };
  expect(urgencyOf(parent, TODAY)).not.toBe('overdue');
  expect(urgencyOf(action, TODAY)).toBe('overdue');
});

test('the order: band by band, then the earliest due date, undated last', () => {
  const ordered = byUrgency(items, TODAY);
  expect(ordered).toHaveLength(items.length);
  const ranks = ordered.map((o) => URGENCIES.indexOf(o.urgency));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  for (const band of URGENCIES) {
    const dues = ordered.filter((o) => o.urgency === band).map((o) => (o.item.kind === 'action' ? o.item.action.due.current : o.item.recommendation.due.current) ?? '9999-12-31');
    expect(dues).toEqual([...dues].sort());
  }
  // The earliest overdue: action 1 of 1614, "Introduce training plan for FCR staff", due May 2017.
  expect(ordered[0]).toMatchObject({ urgency: 'overdue', item: { kind: 'action', action: { ref: '1', due: { current: '2017-05-31' } }, recommendation: { ref: '1614' } } });
});
