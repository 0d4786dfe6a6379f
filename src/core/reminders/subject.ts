/**
 * What the reminder rules see of a recommendation on a given day: plain facts, with the traffic
 * light derived by the status rules (never the stored copy, which may be stale).
 */
import { htmlToText } from '../import/html';
import { lastActivity, trafficLight } from '../status';
import type { RagPolicy } from '../status';
import type { IsoDate, ListedRecommendation, Person } from '../model';
import type { ReminderSubject } from './model';

/** Extra facts that live outside the recommendation itself. */
export interface SubjectContext {
  /** The title of the originating report. */
  reportTitle?: string | null;
  /** When the item was added to the list (London date). */
  created?: IsoDate | null;
  /** Who signs off closure (the Chief of Staff, say): a tracker setting, as items do not name one. */
  approver?: Person | null;
  /** Which due date makes the item RED (the site's setting); the status rules' default when absent. */
  ragPolicy?: RagPolicy;
  /** The open update round the item is in, and whether it has been answered there. */
  round?: ReminderSubject['round'];
}

/** The reminder facts of a recommendation on `today`. */
export function recommendationSubject(rec: ListedRecommendation, today: IsoDate, context: SubjectContext = {}): ReminderSubject {
  if (rec.id === undefined) throw new RangeError(`Recommendation '${rec.ref}' has no list item id, so reminders cannot refer to it.`);
  const activity = lastActivity(rec);
  return {
    itemId: rec.id,
    itemKind: 'recommendation',
    ref: rec.ref,
    text: htmlToText(rec.text).replace(/\s+/g, ' ').trim(),
    kind: rec.kind,
    appliesTo: rec.appliesTo,
    reportId: rec.reportId ?? null,
    reportTitle: context.reportTitle ?? null,
    directorate: rec.directorate ?? null,
    lifecycle: rec.lifecycle,
    trafficLight: trafficLight(rec, today, context.ragPolicy),
    due: rec.due.current,
    lastUpdated: rec.lastUpdated,
    created: context.created ?? (rec.lastUpdated === null ? activity : null),
    owner: rec.owner ?? null,
    sro: rec.sro ?? null,
    approver: context.approver ?? null,
    closure: rec.closure ? (rec.closure.decision?.outcome ?? 'requested') : '',
    extension: rec.extension ? (rec.extension.decision?.outcome ?? 'requested') : '',
    confidence: rec.confidence ?? '',
    round: context.round ?? null
  };
}
