/**
 * The Reminder Log protocol: every reminder is delivered once, none twice, none lost — whenever the
 * service stops or crashes.
 *
 * Identity. A reminder is (rule, item, occurrence, recipient); its idempotency key is built from
 * those alone (`idempotencyKey` in src/core/reminders), so evaluating the same circumstances again —
 * after a restart, a repeated webhook, a second sweep on the same day — gives the same key.
 *
 * Steps, each durable in the Reminder Log (a SharePoint list) before the next begins:
 * 1. **Claim.** For each key not yet in the log, add an entry with status `Claimed`, the card's
 *    content (in `Detail`, JSON) and `notBefore` (working days, quiet hours). Only after every claim
 *    of a batch is saved does the caller advance its cursor (the change token, the last swept day).
 * 2. **Assign.** Claimed entries that are due are grouped per recipient into deliveries. Each
 *    delivery's id is a hash of the recipient and its keys; it is saved into each entry's `Detail`.
 *    Reminders due at once get their delivery id in the claim itself (steps 1 and 2 in one write);
 *    deferred ones (quiet hours, weekends) are assigned when they fall due.
 * 3. **Send** the delivery, carrying its id where the receiver sees it (protocol in delivery.ts).
 * 4. **Mark** the entries `Sent`.
 *
 * On every start, and every flush, Claimed entries are picked up again: those with a delivery id
 * are resent as that same delivery (same id, same content, rebuilt from the log), the rest are
 * assigned afresh.
 *
 * Why a crash at any point causes neither a duplicate nor a loss:
 * - Before or during 1: the cursor was not advanced, so the same changes and the same day are
 *   evaluated again; keys already claimed are skipped, the others are claimed now. No loss, and no
 *   key is ever claimed twice (the log is the set of keys).
 * - Between 1 and 2, or during 2: entries are Claimed; a partly assigned delivery was never sent
 *   (sending starts after assignment), so resending "delivery D = the entries saved with D" is its
 *   first sending. No loss, no duplicate.
 * - During 3, or between 3 and 4: the delivery may or may not have arrived. It is resent with the
 *   same id; for a Teams chat the service first looks for a message carrying that id and does not
 *   post again if it is there; an activity-feed notification is resent with the same `chainId`,
 *   which replaces the earlier one in the feed (Graph cannot read a feed back: see delivery.ts); a
 *   Workflows flow and the e-mail route receive the id to discard a repeat. No loss; no duplicate
 *   where the receiver checks the id.
 * - During 4: some entries are Sent, the rest Claimed with the same delivery id: as above, the
 *   delivery is recognised as delivered and the rest are marked.
 * - A send that fails (throttled past its retries, Graph down) leaves the entries Claimed with one
 *   more attempt counted: they go again at the next flush. Only a permanent refusal (the address
 *   does not exist, the webhook is gone) marks them `Failed`, with the reason, for an admin to see.
 * A recipient that cannot be resolved at all (an owner with no e-mail) is logged `Failed` at claim
 * time with the reason, never dropped silently.
 *
 * Send again. A site owner asks for a `Failed` reminder to go again from the run history: the page
 * saves a request into the entry's `Detail` (status still `Failed`), quoting the entry's ETag, so
 * two owners asking at once, or asking about an entry that changed meanwhile, get a conflict and
 * only one request is saved. At its next flush the service reads the failed entries (the `Status`
 * column is indexed), and each delivery with a request goes back to `Claimed` — every failed entry
 * of it, as the card shows them all — under its own delivery id, and the request moves to
 * `sentAgain`. The flush then sends it as a resend: the same id, so a card that did arrive in the
 * end is found and not posted twice (see above). The entry's key never changes and no entry is
 * added, so the exactly-once rules hold: once `Sent` it is never sent again, and a request on an
 * entry that is no longer `Failed` cannot be saved.
 *
 * One writer: the protocol assumes a single service instance works the log at a time (an Azure
 * Function app limited to one instance, or the one Node process), because the log is loaded into
 * memory at start and claims are checked against it.
 */
import { createHash } from 'crypto';
import type { ReminderLogEntry, ReminderStatus } from '../core/model';
import { idempotencyKey, logProblemText, rawDetail, readLogDetail as readDetail, recipientId, unreachableText } from '../core/reminders';
import type { CardItem, LogDetail, LogProblem, Recipient, ReminderIntent, UnresolvedRecipient } from '../core/reminders';
import { BatchWriteError, type ReminderLogRepository, type Stored } from '../data';
import type { DeliveryRoute } from './delivery';

/** An entry the service could not read back. */
const UNREADABLE: LogProblem = { code: 'unreadable', args: [] };

/** A log entry with its detail read. */
export interface LedgerEntry {
  stored: Stored<ReminderLogEntry>;
  detail: LogDetail;
}

/** A reminder ready to claim: the intent, its card content, and its delivery when already grouped. */
export interface ClaimRequest {
  intent: ReminderIntent;
  item: CardItem;
  deliveryId: string | null;
}

/** The delivery id of a set of keys to one recipient: a UUID-shaped SHA-256 of both, stable across restarts. */
export function deliveryIdFor(recipient: Recipient, keys: readonly string[]): string {
  const hex = createHash('sha256').update(recipientId(recipient)).update('\n').update([...keys].sort().join('\n')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A detail without its send-again request. */
function withoutRequest<T extends { sendAgain?: unknown }>({ sendAgain: _request, ...rest }: T): Omit<T, 'sendAgain'> {
  return rest;
}

/**
 * The Reminder Log, mirrored in memory: the set of claimed keys and the state of each delivery.
 * All writes go to SharePoint first; the mirror changes only when they succeed.
 */
export class ReminderLedger {
  private constructor(
    private readonly repo: ReminderLogRepository,
    private readonly entries: Map<string, Stored<ReminderLogEntry>>
  ) {}

  /** Loads the whole log (paged by ID, so any size stays under the list view threshold). */
  public static async load(repo: ReminderLogRepository): Promise<ReminderLedger> {
    const entries = new Map<string, Stored<ReminderLogEntry>>();
    for await (const page of repo.pages()) for (const s of page.items) entries.set(s.value.key, s);
    return new ReminderLedger(repo, entries);
  }

  public get size(): number {
    return this.entries.size;
  }

  public has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Every entry, for reports and tests. */
  public all(): ReminderLogEntry[] {
    return [...this.entries.values()].map((s) => s.value);
  }

  private remember(saved: readonly (Stored<ReminderLogEntry> | undefined)[]): void {
    for (const s of saved) if (s) this.entries.set(s.value.key, s);
  }

  /** Adds entries; the saved ones are remembered even when others fail, and then the failure is thrown. */
  private async addAll(values: ReminderLogEntry[]): Promise<void> {
    if (values.length === 0) return;
    try {
      this.remember(await this.repo.addMany(values));
    } catch (e) {
      if (e instanceof BatchWriteError) this.remember(e.results as (Stored<ReminderLogEntry> | undefined)[]);
      throw e;
    }
  }

  private async updateAll(changes: { base: Stored<ReminderLogEntry>; next: ReminderLogEntry }[]): Promise<Stored<ReminderLogEntry>[]> {
    if (changes.length === 0) return [];
    try {
      const saved = await this.repo.updateMany(changes);
      this.remember(saved);
      return saved;
    } catch (e) {
      if (e instanceof BatchWriteError) this.remember(e.results as (Stored<ReminderLogEntry> | undefined)[]);
      throw e;
    }
  }

  /** Step 1 (with step 2 for those given a delivery id): claims every reminder whose key is new. Returns how many were claimed. */
  public async claim(requests: readonly ClaimRequest[], now: Date): Promise<number> {
    const fresh = new Map<string, ReminderLogEntry>();
    for (const { intent, item, deliveryId } of requests) {
      if (this.entries.has(intent.key) || fresh.has(intent.key)) continue;
      const detail: LogDetail = { deliveryId, notBefore: intent.notBefore, recipient: intent.recipient, item };
      fresh.set(intent.key, {
        key: intent.key,
        ruleKey: intent.ruleKey,
        itemId: intent.itemId,
        itemKind: intent.itemKind,
        occurrence: intent.occurrence,
        recipient: intent.recipient.address,
        channel: intent.recipient.kind === 'user' ? 'teams' : intent.recipient.kind === 'group' ? 'email' : 'channel',
        status: 'Claimed',
        at: now.toISOString(),
        attempts: 0,
        detail: JSON.stringify(detail)
      });
    }
    await this.addAll([...fresh.values()]);
    return fresh.size;
  }

  /** Logs reminders that had nobody to go to, as `Failed` with the reason (once per key). */
  public async recordUnresolved(unresolved: readonly UnresolvedRecipient[], itemKind: 'recommendation' | 'action', now: Date): Promise<void> {
    const values: ReminderLogEntry[] = [];
    for (const u of unresolved) {
      const nobody: Recipient = { kind: 'user', address: `(no ${u.spec})`, name: u.spec };
      const key = idempotencyKey(u.ruleKey, itemKind, u.itemId, u.occurrence, nobody);
      if (this.entries.has(key) || values.some((v) => v.key === key)) continue;
      values.push({ key, ruleKey: u.ruleKey, itemId: u.itemId, itemKind, occurrence: u.occurrence, recipient: nobody.address, channel: 'none', status: 'Failed', at: now.toISOString(), attempts: 0, detail: JSON.stringify({ error: unreachableText(u.problem), problem: { code: u.problem.code, args: u.problem.args } }) });
    }
    await this.addAll(values);
  }

  /** Claimed entries due by `now`, with their detail; unreadable ones are marked Failed. */
  public async due(now: Date): Promise<LedgerEntry[]> {
    const due: LedgerEntry[] = [];
    const unreadable: Stored<ReminderLogEntry>[] = [];
    for (const stored of this.entries.values()) {
      if (stored.value.status !== 'Claimed') continue;
      const detail = readDetail(stored.value);
      if (!detail) unreadable.push(stored);
      else if (Date.parse(detail.notBefore) <= now.getTime()) due.push({ stored, detail });
    }
    await this.updateAll(unreadable.map((base) => ({ base, next: { ...base.value, status: 'Failed' as ReminderStatus, detail: JSON.stringify({ error: logProblemText(UNREADABLE), problem: UNREADABLE, was: base.value.detail ?? '' }) } })));
    return due;
  }

  /** Every entry of a delivery, whatever its status: a resend rebuilds the same card. */
  public deliveryEntries(deliveryId: string): LedgerEntry[] {
    const out: LedgerEntry[] = [];
    for (const stored of this.entries.values()) {
      // Cheap text test first: the log may hold tens of thousands of entries.
      if (!stored.value.detail?.includes(deliveryId)) continue;
      const detail = readDetail(stored.value);
      if (detail?.deliveryId === deliveryId) out.push({ stored, detail });
    }
    return out;
  }

  /** Step 2: saves the delivery id into each entry. Returns the entries saved with it. */
  public async assign(entries: readonly LedgerEntry[], deliveryId: string): Promise<LedgerEntry[]> {
    const changes = entries.map((e) => ({ base: e.stored, next: { ...e.stored.value, detail: JSON.stringify({ ...e.detail, deliveryId }) } }));
    try {
      await this.updateAll(changes);
    } catch (e) {
      if (!(e instanceof BatchWriteError)) throw e;
    }
    return this.deliveryEntries(deliveryId).filter((e) => e.stored.value.status === 'Claimed');
  }

  private async setStatus(entries: readonly LedgerEntry[], status: ReminderStatus, now: Date, change: (d: LogDetail) => LogDetail, channel?: DeliveryRoute): Promise<void> {
    await this.updateAll(
      entries.map((e) => {
        const current = this.entries.get(e.stored.value.key) ?? e.stored;
        const detail = readDetail(current.value) ?? e.detail;
        return {
          base: current,
          next: { ...current.value, status, at: now.toISOString(), attempts: current.value.attempts + 1, ...(channel ? { channel } : {}), detail: JSON.stringify(change(detail)) }
        };
      })
    );
  }

  /**
   * Send again (see the top of this file): the failed entries site owners marked go back to
   * `Claimed` with every other failed entry of their delivery, for the flush that follows to resend.
   * An entry with nothing to rebuild a card from has its request answered with the reason. Returns
   * how many entries were queued again and how many requests were refused.
   */
  public async honourSendAgain(): Promise<{ requeued: number; refused: number }> {
    const failed = await this.repo.byStatus('Failed');
    // The list holds the owners' requests, which the mirror has not seen.
    this.remember(failed);
    const asked = failed.filter((s) => rawDetail(s.value)?.sendAgain !== undefined);
    const requests = new Map<string, LogDetail['sendAgain']>();
    const changes: { base: Stored<ReminderLogEntry>; next: ReminderLogEntry }[] = [];
    for (const s of asked) {
      const detail = readDetail(s.value);
      if (detail !== null && detail.deliveryId !== null) {
        if (!requests.has(detail.deliveryId)) requests.set(detail.deliveryId, detail.sendAgain);
        continue;
      }
      const rest = withoutRequest(rawDetail(s.value) ?? {});
      const earlier = typeof rest.error === 'string' ? ` ${rest.error}` : '';
      changes.push({ base: s, next: { ...s.value, detail: JSON.stringify({ ...rest, error: `Not sent again: the entry keeps no card or recipient to send.${earlier}`, notSentAgain: true }) } });
    }
    const refused = changes.length;
    for (const [deliveryId, request] of requests) {
      for (const e of this.deliveryEntries(deliveryId)) {
        if (e.stored.value.status !== 'Failed' || request === undefined) continue;
        const detail = withoutRequest(e.detail);
        changes.push({ base: e.stored, next: { ...e.stored.value, status: 'Claimed', detail: JSON.stringify({ ...detail, sentAgain: [...(detail.sentAgain ?? []), request] }) } });
      }
    }
    try {
      await this.updateAll(changes);
    } catch (e) {
      // An entry changed meanwhile keeps its request: the next flush reads it again.
      if (!(e instanceof BatchWriteError)) throw e;
    }
    return { requeued: changes.length - refused, refused };
  }

  /** Step 4: the delivery arrived. */
  public markSent(entries: readonly LedgerEntry[], route: DeliveryRoute, now: Date): Promise<void> {
    return this.setStatus(entries, 'Sent', now, ({ error: _error, problem: _problem, ...d }) => d, route);
  }

  /** A send failed in a way that may pass: stays Claimed, one more attempt counted. */
  public markRetry(entries: readonly LedgerEntry[], error: string, now: Date): Promise<void> {
    return this.setStatus(entries, 'Claimed', now, ({ problem: _problem, ...d }) => ({ ...d, error }));
  }

  /** A send was refused for good: Failed, with the reason by code and in English. */
  public markFailed(entries: readonly LedgerEntry[], problem: LogProblem, now: Date): Promise<void> {
    return this.setStatus(entries, 'Failed', now, (d) => ({ ...d, error: logProblemText(problem), problem }));
  }
}
