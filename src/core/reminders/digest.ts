/**
 * Digest grouping: all the reminders due to one recipient at one time become one delivery (a
 * digest card when there are several), so that 1,000 items changed at once make one card per
 * person, not 1,000.
 */
import { recipientId } from './keys';
import type { Recipient, ReminderData } from './model';

/** The reminders going to one recipient in one delivery. */
export interface Delivery<T> {
  recipient: Recipient;
  items: T[];
}

/** Most urgent first: most overdue, then soonest due, then no date; ties by reference. */
export function byUrgency(a: ReminderData, b: ReminderData): number {
  const rank = (d: ReminderData): number => (d.daysToDue === null ? Number.MAX_SAFE_INTEGER : d.daysToDue);
  return rank(a) - rank(b) || a.ref.localeCompare(b.ref, 'en-GB', { numeric: true }) || a.itemId - b.itemId;
}

/**
 * Groups reminders by recipient, recipients in order of first appearance. Within each group the
 * reminders keep their order, or follow `compare` when given (e.g. `byUrgency` on their data).
 */
export function groupByRecipient<T extends { recipient: Recipient }>(reminders: readonly T[], compare?: (a: T, b: T) => number): Delivery<T>[] {
  const groups = new Map<string, Delivery<T>>();
  for (const reminder of reminders) {
    const id = recipientId(reminder.recipient);
    const group = groups.get(id);
    if (group) group.items.push(reminder);
    else groups.set(id, { recipient: reminder.recipient, items: [reminder] });
  }
  const deliveries = [...groups.values()];
  if (compare) for (const d of deliveries) d.items.sort(compare);
  return deliveries;
}
