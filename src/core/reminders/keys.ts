/**
 * Idempotency keys: one per reminder per recipient, so that the Reminder Log can refuse a second
 * claim on the same reminder. The key is stable across restarts: it is built only from the rule's
 * key, the item, the occurrence (which version, due date or repeat period) and the recipient.
 */
import type { Recipient } from './model';

/**
 * A short stable hash (cyrb53: 53 bits, as hex). Not cryptographic: it only keeps a recipient's
 * address, which may be long, out of a key that must fit a 255-character SharePoint text column.
 */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The text a recipient is known by in keys and in the log: kind and lower-cased address. */
export function recipientId(recipient: Recipient): string {
  return `${recipient.kind}:${recipient.address.toLowerCase()}`;
}

/**
 * The idempotency key of one reminder to one recipient:
 * `<rule>|<r|a><item id>|<occurrence>|<recipient hash>`, e.g. `overdue-owner|r42|due:2026-03-31#1|0a1b…`.
 */
export function idempotencyKey(ruleKey: string, itemKind: 'recommendation' | 'action', itemId: number, occurrence: string, recipient: Recipient): string {
  return `${ruleKey}|${itemKind === 'recommendation' ? 'r' : 'a'}${itemId}|${occurrence}|${stableHash(recipientId(recipient))}`;
}
