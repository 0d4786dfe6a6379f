/**
 * The round's reminders, through the reminder rules: the round's own card when it opens (not a
 * rule: one per owner and round), a reminder to owners before the reply-by date, and word to the
 * SRO of the items still unanswered after it. The two rules are written into the Reminder Rules
 * list when a round opens (when missing), so site owners see, change or disable them there; being
 * `once` rules anchored on the round (`round:<id>`), each goes once per item and round.
 */
import { OFFICE_HOURS } from '../reminders/defaults';
import type { ReminderLogEntry } from '../model';
import type { MessageTemplate, ReminderRule } from '../reminders/model';
import { roundOccurrence } from '../reminders/keys';
import { logFailure } from '../reminders/history';
import type { LogFailure } from '../reminders/history';
import type { UpdateRound } from './model';
import { ownerKey } from './progress';

/** The Reminder Log's rule key for the round's first card. */
export const ROUND_OPEN_RULE = 'round-open';

/** The words of each item on the round's first card. */
export const ROUND_OPEN_TEMPLATE: MessageTemplate = {
  title: 'Update round: ${ref}',
  message: 'Please answer for ${ref} by ${replyBy}: post an update, or say nothing has changed.'
};

export const ROUND_RULES: readonly ReminderRule[] = [
  {
    key: 'round-reply-reminder',
    name: 'Update round: remind owners two days before the reply-by date',
    enabled: true,
    trigger: { kind: 'schedule' },
    conditions: [{ kind: 'roundReplyDue', days: 2 }],
    recipients: [{ kind: 'owner' }],
    template: { title: 'Your update on ${ref} is due by ${replyBy}', message: 'The update round for the committee paper asks for your word on ${ref} by ${replyBy}. Post an update, or say nothing has changed.' },
    repeat: { kind: 'once' },
    window: OFFICE_HOURS
  },
  {
    key: 'round-escalate-sro',
    name: 'Update round: tell the SRO of items unanswered after the reply-by date',
    enabled: true,
    trigger: { kind: 'schedule' },
    conditions: [{ kind: 'roundOverdueBy', days: 1 }],
    recipients: [{ kind: 'sro' }],
    template: { title: '${owner} has not answered for ${ref}', message: '${owner} was asked for an update on ${ref} (${report}) by ${replyBy} and has not answered. The committee paper will show it as awaiting an update.' },
    repeat: { kind: 'once' },
    window: OFFICE_HOURS
  }
];

/** The rules whose reminders to an owner are the round's card, with its forms. */
export const ROUND_CARD_RULES: readonly string[] = [ROUND_OPEN_RULE, 'round-reply-reminder'];

/**
 * Whether an owner's round card went: sent, failed (and why, as the Reminder Log says), not yet,
 * or never (the owner has no e-mail address to send it to).
 */
export type RoundCardState = { state: 'sent' } | ({ state: 'failed' } & LogFailure) | { state: 'waiting' } | { state: 'no-address' };

/**
 * Each owner's round card as the Reminder Log records it (`round-open` entries of this round), by
 * the owner's key (progress.ts `ownerKey`): failed when any of their items' entries failed (the
 * latest reason), sent when one was sent, no-address for an owner without an e-mail address (the
 * service has nobody to send to), else waiting (claimed, or the service has not got to it).
 */
export function roundCardStates(round: UpdateRound & { id: number }, entries: readonly ReminderLogEntry[]): Map<string, RoundCardState> {
  const occurrence = roundOccurrence(round.id);
  const owned = new Map(round.items.map((i) => [i.itemId, ownerKey(i.owner)]));
  const mine = entries.filter((e) => e.ruleKey === ROUND_OPEN_RULE && e.occurrence === occurrence && owned.has(e.itemId)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const states = new Map<string, RoundCardState>();
  for (const e of mine) {
    const key = owned.get(e.itemId) ?? '';
    if (e.status === 'Failed') states.set(key, { state: 'failed', ...logFailure(e) });
    else if (e.status === 'Sent' && states.get(key)?.state !== 'failed') states.set(key, { state: 'sent' });
  }
  for (const item of round.items) {
    const key = ownerKey(item.owner);
    if (!states.has(key)) states.set(key, item.owner?.email ? { state: 'waiting' } : { state: 'no-address' });
  }
  return states;
}
