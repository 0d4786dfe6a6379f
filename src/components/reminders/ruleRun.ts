/**
 * What the rules page works out in the browser, sending nothing: the test run ("who would this rule
 * notify on a given day?") and the preview of a rule's card for one item, expanded by the same
 * Adaptive Card template the service sends.
 */
import { Template } from 'adaptivecards-templating';
import { addDays, londonDate } from '../../core/dates';
import type { IsoDate } from '../../core/model';
import type { RagPolicy } from '../../core/status';
import {
  REMINDER_CARD_TEMPLATE,
  evaluateRules,
  expandText,
  isWorkingDay,
  londonInstant,
  minutesOfDay,
  recipientId,
  recommendationSubject,
  reminderData,
  resolveRecipient,
  safeCardItem,
  shorten
} from '../../core/reminders';
import type { MessageTemplate, RecipientSpec, ReminderIntent, ReminderRule, ReminderSubject, UnresolvedRecipient } from '../../core/reminders';
import type { ListedRecord } from '../../data/TrackerDataSource';
import { format, longDate } from '../common/intl';
import { unreachableText } from '../common/messages';
import type { TrackerStrings } from '../common/strings';

/** The rules page's words (loc `Reminders`). */
export type ReminderWords = TrackerStrings['Reminders'];

/** The site's items as the rules see them. */
export interface RunSite {
  records: readonly ListedRecord[];
  reportTitles: ReadonlyMap<number, string>;
  policy: RagPolicy;
}

/** The service's daily sweep time (London), when schedule rules run. */
export const SWEEP_AT = '07:30';

export function subjectOn(record: ListedRecord, day: IsoDate, site: RunSite): ReminderSubject {
  const rec = record.recommendation;
  return recommendationSubject(rec, day, { reportTitle: rec.reportId === undefined ? null : (site.reportTitles.get(rec.reportId) ?? null), ragPolicy: site.policy });
}

export interface TestRun {
  intents: ReminderIntent[];
  unresolved: UnresolvedRecipient[];
}

/**
 * Evaluates one rule, saved or not, against every item on `day`, as the service would: a schedule
 * rule as that day's sweep runs it; a change rule both for colours the day brings (the sweep's
 * "turned RED") and for items already in the state it watches for, as if they had just reached it.
 */
export function testRun(rule: ReminderRule, site: RunSite, day: IsoDate): TestRun {
  const ctx = { now: londonInstant(day, minutesOfDay(SWEEP_AT)), today: day };
  const on = { ...rule, enabled: true };
  const intents = new Map<string, ReminderIntent>();
  const unresolved = new Map<string, UnresolvedRecipient>();
  for (const record of site.records) {
    const subject = subjectOn(record, day, site);
    const results = [evaluateRules([on], { kind: 'sweep', subject, previous: subjectOn(record, addDays(day, -1), site) }, ctx)];
    if (rule.trigger.kind !== 'schedule') results.push(evaluateRules([on], { kind: 'created', subject }, ctx));
    for (const r of results) {
      // One line per item and person, whichever way the rule reached them.
      for (const i of r.intents) if (!intents.has(`${i.itemId} ${recipientId(i.recipient)}`)) intents.set(`${i.itemId} ${recipientId(i.recipient)}`, i);
      for (const u of r.unresolved) unresolved.set(`${u.itemId} ${u.spec}`, u);
    }
  }
  return { intents: [...intents.values()], unresolved: [...unresolved.values()] };
}

/** When a rule next runs, in words: schedule rules at the next sweep, change rules whenever an item changes. */
export function nextDue(rule: ReminderRule, now: Date, words: ReminderWords, holidays?: readonly IsoDate[]): string {
  if (!rule.enabled) return words.Off;
  if (rule.trigger.kind !== 'schedule') return words.WhenAnItemChanges;
  const today = londonDate(now);
  let day = addDays(today, londonInstant(today, minutesOfDay(SWEEP_AT)) > now ? 0 : 1);
  while (rule.window.workingDaysOnly && !isWorkingDay(day, holidays)) day = addDays(day, 1);
  return format(words.NextSweep, longDate(day), SWEEP_AT);
}

/**
 * The card a rule would send about one item to its first recipient who can be reached, as the
 * service builds it; `itemUrl` is where its buttons lead. A reason instead when nobody can be.
 */
export function previewCard(
  template: MessageTemplate,
  recipients: readonly RecipientSpec[],
  subject: ReminderSubject,
  today: IsoDate,
  itemUrl: string,
  strings: Pick<TrackerStrings, 'Reminders' | 'CoreMessages' | 'Values'>
): Record<string, unknown> | string {
  const words = strings.Reminders;
  const reasons: string[] = [];
  for (const spec of recipients) {
    const recipient = resolveRecipient(spec, subject);
    if (recipient.kind === 'unreachable') {
      reasons.push(unreachableText(recipient, strings));
      continue;
    }
    const data = reminderData(subject, recipient, today);
    try {
      const item = {
        title: expandText(template.title, data),
        message: expandText(template.message, data),
        ref: data.ref,
        report: data.report,
        due: data.due,
        lifecycle: data.lifecycle,
        trafficLight: data.trafficLight,
        text: shorten(data.text),
        updateUrl: itemUrl,
        openUrl: itemUrl
      };
      return new Template(REMINDER_CARD_TEMPLATE).expand({ $root: safeCardItem(item, { teamsAppId: '', myActionsEntityId: '', trackerUrl: itemUrl }) }) as Record<string, unknown>;
    } catch (e) {
      return format(words.CannotFill, e instanceof Error ? e.message : String(e));
    }
  }
  return reasons.length > 0 ? format(words.NobodyFor, reasons.join(' ')) : words.NoRecipient;
}
