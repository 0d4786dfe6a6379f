/**
 * The Reminder Log read as a run history: what each entry's `Detail` holds (the service's protocol
 * writes it, src/service/protocol.ts), the state a site owner sees, and "send again" — a request a
 * site owner saves on a failed entry, with its version tag, which the service honours at its next
 * flush by sending the same delivery again under the same delivery id.
 */
import { englishText } from '../messages';
import type { Message, MessageArg } from '../messages';
import type { IsoInstant, ReminderLogEntry } from '../model';
import type { CardItem } from './cards';
import { UNREACHABLE_ENGLISH } from './evaluate';
import type { Recipient, UnreachableCode } from './model';

/**
 * Why a reminder failed, by code, kept beside the service's English (`error`) so that the run
 * history words it from its `loc`: a recipient who cannot be reached (core's `Unreachable` codes),
 * an entry the service could not read, or a delivery Microsoft Graph refused (`{0}` the HTTP
 * status, `{1}` Graph's error code, `{2}` Graph's message, as Graph wrote it).
 */
export const LOG_PROBLEM_ENGLISH = {
  ...UNREACHABLE_ENGLISH,
  unreadable: 'The log entry could not be read, so the reminder cannot be rebuilt.',
  refused: '{0} {1}: {2}'
} as const satisfies Readonly<Record<UnreachableCode | 'unreadable' | 'refused', string>>;
export type LogProblemCode = keyof typeof LOG_PROBLEM_ENGLISH;
export type LogProblem = Message<LogProblemCode>;

const LOG_PROBLEM_CODES: readonly string[] = Object.keys(LOG_PROBLEM_ENGLISH);

/** Why a reminder failed, in the service's English (what the log keeps as `error`). */
export function logProblemText(problem: LogProblem): string {
  return englishText(problem, LOG_PROBLEM_ENGLISH);
}

const isArg = (a: unknown): a is MessageArg => typeof a === 'string' || typeof a === 'number' || (typeof a === 'object' && a !== null && !Array.isArray(a));

/** A stored problem, or null when it is not one (entries written before problems were kept have none). */
function readProblem(value: unknown): LogProblem | null {
  const p = value as { code?: unknown; args?: unknown } | null;
  if (typeof p !== 'object' || p === null || typeof p.code !== 'string' || !LOG_PROBLEM_CODES.includes(p.code) || !Array.isArray(p.args) || !p.args.every(isArg)) return null;
  return { code: p.code as LogProblemCode, args: p.args };
}

/** Who asked for a failed reminder to be sent again, and when. */
export interface SendAgainRequest {
  by: string;
  at: IsoInstant;
}

/** What the log keeps in `Detail` to rebuild a delivery exactly. */
export interface LogDetail {
  deliveryId: string | null;
  notBefore: string;
  recipient: Recipient;
  item: CardItem;
  /** The last error, while it is retried, or why it failed, in the service's English. */
  error?: string;
  /** Why it failed, by code (entries of older versions have only `error`). */
  problem?: LogProblem;
  /** A site owner asked for it to be sent again, but the entry keeps no card or recipient to send. */
  notSentAgain?: true;
  /** A site owner's request to send it again, waiting for the service. */
  sendAgain?: SendAgainRequest;
  /** Requests the service has honoured, oldest first. */
  sentAgain?: SendAgainRequest[];
}

function isRequest(value: unknown): value is SendAgainRequest {
  const r = value as Partial<SendAgainRequest> | null;
  return typeof r === 'object' && r !== null && typeof r.by === 'string' && typeof r.at === 'string';
}

/** An entry's detail as JSON, or null when it is not an object. */
export function rawDetail(entry: ReminderLogEntry): Record<string, unknown> | null {
  if (!entry.detail) return null;
  try {
    const value: unknown = JSON.parse(entry.detail);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** An entry's detail, or null when it cannot rebuild a delivery (no recipient, no card, unreadable). */
export function readLogDetail(entry: ReminderLogEntry): LogDetail | null {
  const d = rawDetail(entry) as Partial<LogDetail> | null;
  if (d === null || typeof d.notBefore !== 'string' || !d.recipient || !d.item) return null;
  const problem = readProblem(d.problem);
  return {
    deliveryId: typeof d.deliveryId === 'string' ? d.deliveryId : null,
    notBefore: d.notBefore,
    recipient: d.recipient,
    item: d.item,
    ...(typeof d.error === 'string' ? { error: d.error } : {}),
    ...(problem !== null ? { problem } : {}),
    ...(isRequest(d.sendAgain) ? { sendAgain: d.sendAgain } : {}),
    ...(Array.isArray(d.sentAgain) ? { sentAgain: d.sentAgain.filter(isRequest) } : {})
  };
}

/** Why an entry failed: the service's English and, when the entry keeps it, the problem by code. */
export interface LogFailure {
  /** The service's English; for a detail that is not JSON (written by hand or long ago), the detail as it is. */
  reason: string | null;
  /** By code, to be worded on screen; null for entries of older versions (show `reason`). */
  problem: LogProblem | null;
  /** A request to send it again was refused: the entry keeps no card or recipient (`problem` says why it failed first). */
  notSentAgain: boolean;
}

/** Why an entry failed (or the error it is being retried after), as its detail keeps it. */
export function logFailure(entry: ReminderLogEntry): LogFailure {
  const raw = rawDetail(entry);
  const text = entry.detail === undefined || entry.detail.trim() === '' ? null : entry.detail;
  return {
    reason: raw === null ? text : typeof raw.error === 'string' ? raw.error : null,
    problem: readProblem(raw?.problem),
    notSentAgain: raw?.notSentAgain === true
  };
}

/** The state of a reminder as the run history shows it. */
export type HistoryState = 'sent' | 'deferred' | 'waiting' | 'retrying' | 'failed' | 'send-again-requested';

/** How a reminder went, or is to go, out: the log's `Channel`. */
export type HistoryRoute = 'chat' | 'activity' | 'email' | 'channel' | 'card' | 'none';

const ROUTES: { [channel: string]: HistoryRoute } = { teams: 'chat', bot: 'chat', activity: 'activity', email: 'email', channel: 'channel', card: 'card' };

/** One row of the run history: with why it failed (or the error it is retried after), none when sent. */
export interface HistoryRow extends LogFailure {
  key: string;
  ruleKey: string;
  itemId: number;
  itemKind: ReminderLogEntry['itemKind'];
  /** The card's title, when the entry kept its card. */
  title: string | null;
  recipient: string;
  recipientName: string | null;
  route: HistoryRoute;
  state: HistoryState;
  /** When the entry last changed. */
  at: IsoInstant;
  /** Deferred (quiet hours, a day off) until this instant. */
  until: IsoInstant | null;
  attempts: number;
  /** Send-again requests already honoured. */
  sentAgain: SendAgainRequest[];
  /** The request waiting for the service. */
  sendAgain: SendAgainRequest | null;
  /** Whether a site owner may ask for it to be sent again (failed, with a card and a recipient). */
  canSendAgain: boolean;
}

/** An entry as the run history shows it, at `now`. */
export function historyRow(entry: ReminderLogEntry, now: Date): HistoryRow {
  const detail = readLogDetail(entry);
  const raw = rawDetail(entry);
  const error = typeof raw?.error === 'string' ? raw.error : null;
  const request = isRequest(raw?.sendAgain) ? raw.sendAgain : null;
  let state: HistoryState;
  if (entry.status === 'Sent') state = 'sent';
  else if (entry.status === 'Failed') state = request === null ? 'failed' : 'send-again-requested';
  else if (detail !== null && Date.parse(detail.notBefore) > now.getTime()) state = 'deferred';
  else state = error === null ? 'waiting' : 'retrying';
  return {
    key: entry.key,
    ruleKey: entry.ruleKey,
    itemId: entry.itemId,
    itemKind: entry.itemKind,
    title: detail?.item.title ?? null,
    recipient: entry.recipient,
    recipientName: detail?.recipient.name ?? null,
    route: ROUTES[entry.channel] ?? 'none',
    state,
    at: entry.at,
    until: state === 'deferred' && detail !== null ? detail.notBefore : null,
    ...(state === 'sent' ? { reason: null, problem: null, notSentAgain: false } : logFailure(entry)),
    attempts: entry.attempts,
    sentAgain: detail?.sentAgain ?? [],
    sendAgain: request,
    canSendAgain: entry.status === 'Failed' && request === null && detail !== null && detail.deliveryId !== null
  };
}

/** Why "send again" cannot be asked for, in core's English (the screens word it from loc `RunHistory.SendAgainRefusals`). */
export const SEND_AGAIN_REFUSAL_ENGLISH = {
  sent: 'It has been sent meanwhile.',
  sending: 'The reminder service is already sending it.',
  alreadyAsked: '{0} has already asked for it to be sent again.',
  nothingToSend: 'It has no card or nobody to go to (see why it failed): put the item or the rule right instead.'
} as const;
export type SendAgainRefusalCode = keyof typeof SEND_AGAIN_REFUSAL_ENGLISH;
export type SendAgainRefusal = Message<SendAgainRefusalCode>;

/** Why "send again" cannot be asked for on an entry, or null when it can. */
export function sendAgainRefusal(entry: ReminderLogEntry): SendAgainRefusal | null {
  const row = historyRow(entry, new Date(0));
  if (entry.status === 'Sent') return { code: 'sent', args: [] };
  if (entry.status === 'Claimed') return { code: 'sending', args: [] };
  if (row.sendAgain !== null) return { code: 'alreadyAsked', args: [row.sendAgain.by] };
  if (!row.canSendAgain) return { code: 'nothingToSend', args: [] };
  return null;
}

/** A refused "send again", in core's English. */
export function sendAgainRefusalText(refusal: SendAgainRefusal): string {
  return englishText(refusal, SEND_AGAIN_REFUSAL_ENGLISH);
}

/** "Send again" asked for on an entry that cannot be sent again; `refusal` says why. */
export class SendAgainError extends Error {
  public constructor(public readonly refusal: SendAgainRefusal) {
    super(`This reminder cannot be sent again: ${sendAgainRefusalText(refusal)}`);
    this.name = 'SendAgainError';
  }
}

/** The entry with a send-again request from `by` at `at`; the service picks it up at its next flush. */
export function withSendAgain(entry: ReminderLogEntry, by: string, at: Date): ReminderLogEntry {
  const refusal = sendAgainRefusal(entry);
  if (refusal !== null) throw new SendAgainError(refusal);
  return { ...entry, detail: JSON.stringify({ ...rawDetail(entry), sendAgain: { by, at: at.toISOString() } }) };
}
