/**
 * Idempotency keys: one per reminder per recipient, so that the Reminder Log can refuse a second
 * claim on the same reminder. The key is stable across restarts: it is built only from the rule's
 * key, the item, the occurrence (which version, due date or repeat period) and the recipient.
 */
import { stableHash } from '../hash';
import type { Recipient } from './model';

/** The text a recipient is known by in keys and in the log: kind and lower-cased address. */
export function recipientId(recipient: Recipient): string {
  return `${recipient.kind}:${recipient.address.toLowerCase()}`;
}

/** The occurrence of everything a reminder says about update round `roundId` (its card, its reminders). */
export function roundOccurrence(roundId: number): string {
  return `round:${roundId}`;
}

/**
 * The idempotency key of one reminder to one recipient:
 * `<rule>|<r|a><item id>|<occurrence>|<recipient hash>`, e.g. `overdue-owner|r42|due:2026-03-31#1|0a1b…`.
 */
export function idempotencyKey(ruleKey: string, itemKind: 'recommendation' | 'action', itemId: number, occurrence: string, recipient: Recipient): string {
  return `${ruleKey}|${itemKind === 'recommendation' ? 'r' : 'a'}${itemId}|${occurrence}|${stableHash(recipientId(recipient))}`;
}
