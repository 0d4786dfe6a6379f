import { readFileSync } from 'fs';
import { join } from 'path';
import { addDays, londonDate } from '../../src/core/dates';
import type { Recommendation } from '../../src/core/model';
import {
  DEFAULT_RULES,
  byUrgency,
  DIGEST_MAX_ROWS,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  OFFICE_HOURS,
  digestCardData,
  evaluateRules,
  groupByRecipient,
  idempotencyKey,
  isWorkingDay,
  londonInstant,
  nextAllowedInstant,
  openItemUrl,
  parseRule,
  parseRules,
  recommendationSubject,
  ruleRecord,
  unreachableText,
  updateDeepLink
} from '../../src/core/reminders';
import type { ReminderIntent, ReminderRule, ReminderSubject } from '../../src/core/reminders';

/** Recommendations from Lancashire's published tracker, given owners and due dates for the test. */
function seedRecommendations(count: number): Recommendation[] {
  const tsv = readFileSync(join(__dirname, '../../../shared/seeds/lancashire-hmic-recommendations-tracker.tsv'), 'utf8');
  const rows = tsv
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((c) => c.length >= 7 && c[3].trim().length > 40 && c[2].trim() !== 'Type of Inspection');
  return rows.slice(0, count).map((c, i) => ({
    id: i + 1,
    reportId: 1,
    ref: String(i + 1),
    kind: 'Recommendation',
    text: c[3],
    appliesTo: 'Force',
    acceptedForAction: true,
    causeOfConcernIds: [],
    owner: { name: `Owner ${i % 3}`, email: `owner${i % 3}@police.example` },
    sro: { name: 'ACC Gibson', email: 'acc.gibson@police.example' },
    directorate: 'Crime',
    lifecycle: 'Being progressed',
    due: { kind: 'date', original: null, current: null, revisions: [], raw: '' },
    reopenings: [],
    lastUpdated: '2026-01-05',
    history: []
  }));
}

function withDue(rec: Recommendation, current: string | null): Recommendation {
  return { ...rec, due: { ...rec.due, current, original: current } };
}

/** Runs the daily sweep at 08:30 London on every day from `first` to `last`, as the service would, keeping each key once. */
function simulateSweeps(rules: readonly ReminderRule[], recs: Recommendation[], first: string, last: string): Map<string, { day: string; intent: ReminderIntent }> {
  const claimed = new Map<string, { day: string; intent: ReminderIntent }>();
  let previousDay: string | null = null;
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const now = londonInstant(day, 8 * 60 + 30);
    for (const rec of recs) {
      const subject = recommendationSubject(rec, day, { reportTitle: 'PEEL 2025' });
      const previous = previousDay === null ? null : recommendationSubject(rec, previousDay, { reportTitle: 'PEEL 2025' });
      const { intents } = evaluateRules(rules, { kind: 'sweep', subject, previous }, { now, today: day });
      for (const intent of intents) if (!claimed.has(intent.key)) claimed.set(intent.key, { day: londonDate(intent.notBefore), intent });
    }
    previousDay = day;
  }
  return claimed;
}

function daysFired(claimed: Map<string, { day: string; intent: ReminderIntent }>, ruleKey: string, itemId: number): string[] {
  return [...claimed.values()].filter((c) => c.intent.ruleKey === ruleKey && c.intent.itemId === itemId).map((c) => c.day);
}

describe('working days and quiet hours in Europe/London', () => {
  it('knows weekends and bank holidays in England and Wales', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true);
    expect(isWorkingDay('2026-11-21')).toBe(false);
    // Boxing Day 2026 is a Saturday: the substitute holiday is Monday 28 December.
    expect(isWorkingDay('2026-12-28')).toBe(false);
    expect(isWorkingDay('2026-12-29')).toBe(true);
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS).toContain('2026-04-03');
  });

  it('holds a reminder raised after hours until 08:00 on the next working day, in London time', () => {
    // Friday 19 June 2026, 18:30 BST = 17:30 UTC; next working morning is Monday 22 June 08:00 BST = 07:00 UTC.
    expect(nextAllowedInstant(new Date('2026-06-19T17:30:00Z'), OFFICE_HOURS).toISOString()).toBe('2026-06-22T07:00:00.000Z');
    // In winter London is on UTC: Tuesday 24 November 2026, 06:10 → 08:00 the same day.
    expect(nextAllowedInstant(new Date('2026-11-24T06:10:00Z'), OFFICE_HOURS).toISOString()).toBe('2026-11-24T08:00:00.000Z');
    // Christmas Eve 2026 evening → Tuesday 29 December (25th, weekend and the 28th are off).
    expect(nextAllowedInstant(new Date('2026-12-24T19:00:00Z'), OFFICE_HOURS).toISOString()).toBe('2026-12-29T08:00:00.000Z');
    // Inside office hours it goes at once.
    const at = new Date('2026-11-24T10:15:00Z');
    expect(nextAllowedInstant(at, OFFICE_HOURS)).toBe(at);
    // Quiet hours that do not wrap midnight.
    expect(nextAllowedInstant(new Date('2026-11-24T12:30:00Z'), { workingDaysOnly: false, quietHours: { start: '12:00', end: '13:00' } }).toISOString()).toBe('2026-11-24T13:00:00.000Z');
  });

  it('converts London wall-clock times across the clock change', () => {
    expect(londonInstant('2026-03-28', 8 * 60).toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(londonInstant('2026-03-30', 8 * 60).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });
});

describe('the default rules on a simulated clock', () => {
  const recs = seedRecommendations(6);
  // Due Friday 13 March 2026.
  const due = '2026-03-13';
  const items = [
    withDue(recs[0], due),
    { ...withDue(recs[1], due), lifecycle: 'Closed by the force' as const },
    withDue(recs[2], null),
    { ...withDue(recs[3], due), appliesTo: 'National' as const },
    // The force's own, waiting on an NPCC decision: WHITE, and still open.
    { ...withDue(recs[4], due), dependsOn: 'NPCC' }
  ];
  const claimed = simulateSweeps(DEFAULT_RULES, items, '2026-02-02', '2026-04-10');

  it('reminds the owner once, 14 days before the due date', () => {
    // 27 February is a Friday, a working day.
    expect(daysFired(claimed, 'due-in-14-days', 1)).toEqual(['2026-02-27']);
  });

  it('chases the owner every week once overdue, on working days only', () => {
    // Overdue from Saturday 14 March: the first chase waits for Monday 16; the next periods start on Saturdays too.
    expect(daysFired(claimed, 'overdue-owner-weekly', 1)).toEqual(['2026-03-16', '2026-03-23', '2026-03-30', '2026-04-07']);
  });

  it('tells the SRO after 7 days overdue, then weekly', () => {
    // 20 March (Friday) is 7 days overdue; then 27 March; 3 April is Good Friday, so 7 April (6th is Easter Monday); then 10 April.
    expect(daysFired(claimed, 'overdue-sro-after-7-days', 1)).toEqual(['2026-03-20', '2026-03-27', '2026-04-07', '2026-04-10']);
  });

  it('tells the SRO when the due date going by turns the item RED', () => {
    expect(daysFired(claimed, 'turned-red-sro', 1)).toEqual(['2026-03-16']);
  });

  it('leaves closed items, items with no date and items that are not the force’s to deliver alone', () => {
    for (const id of [2, 4]) expect([...claimed.values()].filter((c) => c.intent.itemId === id)).toEqual([]);
    expect(new Set([...claimed.values()].filter((c) => c.intent.itemId === 3).map((c) => c.intent.ruleKey))).toEqual(new Set(['no-update-30-days']));
  });

  it('asks the owner of an open WHITE item waiting on another organisation to check on it every 30 days, and nothing else', () => {
    // Last updated 5 January 2026: 30 days is 4 February, then every 30 days: 6 March, then 5 April,
    // Easter Sunday, whose Monday is a bank holiday, so Tuesday 7 April.
    expect(daysFired(claimed, 'dependency-check-30-days', 5)).toEqual(['2026-02-04', '2026-03-06', '2026-04-07']);
    expect(new Set([...claimed.values()].filter((c) => c.intent.itemId === 5).map((c) => c.intent.ruleKey))).toEqual(new Set(['dependency-check-30-days']));
  });

  it('chases an item with no update for 30 days every 14 days until it is updated', () => {
    // Last updated 5 January 2026: 30 days is 4 February, then every 14 days.
    expect(daysFired(claimed, 'no-update-30-days', 3)).toEqual(['2026-02-04', '2026-02-18', '2026-03-04', '2026-03-18', '2026-04-01']);
  });
});

describe('schedule rules and the working week', () => {
  it('claims nothing at the weekend and the same period on Monday, so a reminder reflects the item when it goes', () => {
    const [rec] = seedRecommendations(1);
    const overdue = withDue(rec, '2026-03-06');
    const sweep = (day: string): ReminderIntent[] =>
      evaluateRules(DEFAULT_RULES.filter((r) => r.key === 'overdue-owner-weekly'), { kind: 'sweep', subject: recommendationSubject(overdue, day), previous: null }, { now: londonInstant(day, 8 * 60), today: day }).intents;
    expect(sweep('2026-03-14')).toEqual([]);
    expect(sweep('2026-03-15')).toEqual([]);
    // Overdue from Saturday 7 March: Monday 16 March is in the second weekly period (from Saturday 14).
    expect(sweep('2026-03-16').map((i) => [i.occurrence, i.notBefore])).toEqual([['due:2026-03-06#1', '2026-03-16T08:00:00.000Z']]);
    expect(sweep('2026-03-13').map((i) => i.occurrence)).toEqual(['due:2026-03-06#0']);
  });
});

describe('event rules', () => {
  const [rec] = seedRecommendations(1);
  const today = '2026-11-24';
  const now = new Date('2026-11-24T10:00:00Z');
  const subject = (r: Recommendation): ReminderSubject => recommendationSubject(r, today, { reportTitle: 'PEEL 2025', approver: { name: 'Chief of Staff', email: 'cos@police.example' } });

  it('tells a newly assigned owner, and the SRO when an item turns RED, keyed by the version', () => {
    const before = withDue(rec, '2026-12-31');
    const after: Recommendation = { ...before, owner: { name: 'DCI Patel', email: 'DCI.Patel@police.example' }, ragOverride: { colour: 'RED', rationale: 'Cannot be delivered without national IT', setBy: 'ACC Gibson', at: '2026-11-24T09:00:00Z' } };
    const { intents } = evaluateRules(DEFAULT_RULES, { kind: 'changed', subject: subject(after), previous: subject(before), version: '7' }, { now, today });
    expect(intents.map((i) => [i.ruleKey, i.recipient.address, i.occurrence])).toEqual([
      ['turned-red-sro', 'acc.gibson@police.example', 'v7'],
      ['newly-assigned-owner', 'dci.patel@police.example', 'v7']
    ]);
    expect(intents[1].key).toBe(idempotencyKey('newly-assigned-owner', 'recommendation', 1, 'v7', intents[1].recipient));
    expect(intents[1].data.due).toBe('31 December 2026');
  });

  it('asks the approver to sign off when closure is requested, and reports a missing approver instead of dropping it', () => {
    const before = withDue(rec, '2026-12-31');
    const after: Recommendation = { ...before, lifecycle: 'Complete, awaiting sign-off', closure: { requestedBy: 'Owner 0', requestedAt: '2026-11-24T09:00:00Z', evidence: 'Policy published' } };
    const withApprover = evaluateRules(DEFAULT_RULES, { kind: 'changed', subject: subject(after), previous: subject(before), version: '3' }, { now, today });
    expect(withApprover.intents.map((i) => [i.ruleKey, i.recipient.address])).toEqual([['closure-requested-approver', 'cos@police.example']]);
    const bare = evaluateRules(DEFAULT_RULES, { kind: 'changed', subject: recommendationSubject(after, today), previous: recommendationSubject(before, today), version: '3' }, { now, today });
    expect(bare.intents).toEqual([]);
    expect(bare.unresolved).toEqual([{ ruleKey: 'closure-requested-approver', itemId: 1, occurrence: 'v3', spec: 'approver', problem: { kind: 'unreachable', code: 'noPerson', args: [{ phrase: 'roleApprover' }] } }]);
    expect(unreachableText(bare.unresolved[0].problem)).toBe('The item has no approver.');
  });

  it('treats a new item as changed from empty: created with an owner means newly assigned', () => {
    const { intents } = evaluateRules(DEFAULT_RULES, { kind: 'created', subject: subject(withDue(rec, '2026-12-31')) }, { now, today });
    expect(intents.map((i) => [i.ruleKey, i.occurrence])).toEqual([['newly-assigned-owner', 'created']]);
  });

  it('does not send the same person two copies when the owner is also the SRO', () => {
    const rule: ReminderRule = { ...DEFAULT_RULES[2], recipients: [{ kind: 'owner' }, { kind: 'sro' }] };
    const same = { ...withDue(rec, '2026-11-01'), sro: rec.owner };
    const { intents } = evaluateRules([rule], { kind: 'sweep', subject: subject(same), previous: null }, { now, today });
    expect(intents).toHaveLength(1);
  });
});

describe('rules kept in the Reminder Rules list', () => {
  it('round-trips every default rule through its list record', () => {
    for (const rule of DEFAULT_RULES) expect(parseRule(ruleRecord(rule))).toEqual(rule);
  });

  it('names the rule and the path of a bad value, and keeps the good rules working', () => {
    const good = ruleRecord(DEFAULT_RULES[0]);
    const bad = { ...ruleRecord(DEFAULT_RULES[1]), definition: { ...ruleRecord(DEFAULT_RULES[1]).definition, conditions: [{ kind: 'overdueBy', days: -2 }] } };
    const wrongRepeat = { ...ruleRecord(DEFAULT_RULES[4]), definition: { ...ruleRecord(DEFAULT_RULES[4]).definition, repeat: { kind: 'every', days: 7 } } };
    const badTime = { ...ruleRecord(DEFAULT_RULES[5]), definition: { ...ruleRecord(DEFAULT_RULES[5]).definition, window: { workingDaysOnly: true, quietHours: { start: '7pm', end: '08:00' } } } };
    const { rules, errors } = parseRules([good, bad, wrongRepeat, badTime, good]);
    expect(rules.map((r) => r.key)).toEqual(['due-in-14-days']);
    expect(errors.map((e) => e.message)).toEqual([
      "Reminder rule 'overdue-owner-weekly', conditions[0].days: expected a whole number of days from 1 to 3650",
      "Reminder rule 'turned-red-sro', repeat: only a schedule rule can repeat: a change happens once",
      "Reminder rule 'closure-requested-approver', window.quietHours.start: Not a time of day (HH:MM, 24-hour): '7pm'",
      "Reminder rule 'due-in-14-days', key: another rule already has this key"
    ]);
  });
});

describe('digests and cards', () => {
  const recs = seedRecommendations(30).map((r) => withDue(r, '2026-11-20'));
  const today = '2026-11-24';
  const now = new Date('2026-11-24T10:00:00Z');
  const intents = recs.flatMap((r) => evaluateRules(DEFAULT_RULES, { kind: 'sweep', subject: recommendationSubject(r, today), previous: null }, { now, today }).intents);

  it('makes one delivery per person, most urgent first', () => {
    const deliveries = groupByRecipient(intents, (a, b) => byUrgency(a.data, b.data));
    expect(deliveries.map((d) => [d.recipient.address, d.items.length])).toEqual([
      ['owner0@police.example', 20],
      ['owner1@police.example', 20],
      ['owner2@police.example', 20]
    ]);
    // Each owner hears about each of their ten items twice: overdue, and no update since January.
    expect(new Set(deliveries[0].items.map((i) => i.ruleKey))).toEqual(new Set(['overdue-owner-weekly', 'no-update-30-days']));
  });

  it('caps a digest card and says how many more there are', () => {
    const item = { title: 't', message: 'm', ref: '1', report: 'r', due: '', lifecycle: 'Being progressed', trafficLight: 'RED', text: 'x', updateUrl: 'u', openUrl: 'o' };
    const links = { teamsAppId: '3e8f1c52-6a4b-4c1e-9d7a-2b5f8e0c4d13', myActionsEntityId: 'myactions', trackerUrl: 'https://contoso.sharepoint.com/sites/tracker/SitePages/Tracker.aspx' };
    const data = digestCardData('Owner 0', Array.from({ length: 25 }, () => item), links);
    expect(data.items).toHaveLength(DIGEST_MAX_ROWS);
    expect(data.more).toBe('…and 5 more. Open My Actions to see them all.');
    expect(updateDeepLink(links, 42)).toBe('https://teams.microsoft.com/l/entity/3e8f1c52-6a4b-4c1e-9d7a-2b5f8e0c4d13/myactions?context=%7B%22subEntityId%22%3A%2242%22%7D');
    expect(openItemUrl(links, 42)).toBe('https://contoso.sharepoint.com/sites/tracker/SitePages/Tracker.aspx?item=42');
  });
});
