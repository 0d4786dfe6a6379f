/**
 * The order My Actions shows a person's work in: overdue first, then due soon, then those whose
 * progress update is overdue, then the rest; within each band the earliest due date first.
 */
import type { IsoDate, Recommendation } from '../../core/model';
import type { WorkItem } from '../../data/myWork';
import { isDueWithin, isOverdue, isUpdateOverdue } from '../../core/status';

/** How many days ahead counts as "due soon" (the default reminder rule warns 14 days before). */
export const DUE_SOON_DAYS = 14;

export const URGENCIES = ['overdue', 'dueSoon', 'updateOverdue', 'other'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The facts the status rules read: an action's own status and due date, on its recommendation's terms. */
function facts(item: WorkItem): Recommendation {
  if (item.kind === 'recommendation') return item.recommendation;
  const { action, recommendation } = item;
  return { ...recommendation, lifecycle: action.lifecycle, due: action.due };
}

/** The urgency band of an item on `today` (a London date). */
export function urgencyOf(item: WorkItem, today: IsoDate): Urgency {
  const rec = facts(item);
  if (isOverdue(rec, today)) return 'overdue';
  if (isDueWithin(rec, today, DUE_SOON_DAYS)) return 'dueSoon';
  // Actions have no update date of their own: their recommendation's updates are theirs.
  if (isUpdateOverdue(item.kind === 'action' ? { ...rec, lifecycle: item.action.lifecycle } : rec, today)) return 'updateOverdue';
  return 'other';
}

/** The items in urgency order; ties by current due date (none last), then reference. */
export function byUrgency(items: readonly WorkItem[], today: IsoDate): { item: WorkItem; urgency: Urgency }[] {
  const rank = (u: Urgency): number => URGENCIES.indexOf(u);
  const due = (i: WorkItem): string => facts(i).due.current ?? '9999-12-31';
  const ref = (i: WorkItem): string => (i.kind === 'action' ? `${i.recommendation.ref} ${i.action.ref}` : i.recommendation.ref);
  return items
    .map((item) => ({ item, urgency: urgencyOf(item, today) }))
    .sort((a, b) => rank(a.urgency) - rank(b.urgency) || due(a.item).localeCompare(due(b.item)) || ref(a.item).localeCompare(ref(b.item), 'en-GB', { numeric: true }));
}
