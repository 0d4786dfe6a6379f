/**
 * The reminder engine: reads what changed (change token, item versions), runs the daily sweep,
 * claims reminders in the Reminder Log and delivers them (protocol.ts). One operation at a time:
 * webhook processing, the sweep and flushes queue behind each other, so the in-memory log never
 * sees two writers.
 */
import { formatUkDate, londonDate } from '../core/dates';
import type { IsoDate, Person, Recommendation } from '../core/model';
import { trafficLight, type RagPolicy } from '../core/status';
import { decisionAlerts, decisionProblems, editorKey, sameDue, withdrawDecisions, type DecisionProblem, type SavedVersion } from '../core/decisions';
import {
  DEFAULT_RULES,
  byUrgency,
  evaluateRules,
  expandText,
  groupByRecipient,
  openItemUrl,
  parseRules,
  recommendationSubject,
  ruleRecord,
  shorten,
  updateDeepLink
} from '../core/reminders';
import { idempotencyKey, reminderData, resolveRecipient, roundOccurrence, unreachableText } from '../core/reminders';
import type { CardAction, CardDecision, CardItem, CardRound, LinkSettings, ReminderEvent, ReminderIntent, ReminderRule, ReminderSubject, UnresolvedRecipient } from '../core/reminders';
import { ROUND_CARD_RULES, ROUND_OPEN_RULE, ROUND_OPEN_TEMPLATE, ROUND_RULES, roundAnswers, type UpdateRound } from '../core/round';
import { incompleteText, problemsText, type IncompleteItem, type ItemVersion, type SiteUser, type Stored, type TrackerData } from '../data';
import { UPDATE_LIFECYCLES, dependence, isSamePerson, pendingRequest } from '../core/transitions';
import type { DeliveryTransport, OutgoingDelivery } from './delivery';
import { GraphError } from './graph';
import { ReminderLedger, deliveryIdFor, type ClaimRequest, type LedgerEntry } from './protocol';

/** Per item, the open round that asks about it and whether it has been answered there. */
type RoundFacts = Map<number, { round: CardRound; answered: boolean }>;

/** What a card says of the round an item is in. */
function cardRound(round: Stored<UpdateRound>): CardRound {
  return { id: round.id, committee: round.value.committee, replyBy: round.value.replyBy, paperDate: round.value.paperDate };
}

/** Where the engine reports what it did and what went wrong. */
export interface ReminderLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Tracker Settings keys of the engine's cursors. */
export const SETTING_CHANGE_TOKEN = 'Reminders.RecommendationsChangeToken';
export const SETTING_LAST_SWEEP = 'Reminders.LastSweepDay';

export interface ReminderEngineOptions {
  data: TrackerData;
  transport: DeliveryTransport;
  links: LinkSettings;
  /** The current instant; a simulated clock in tests. */
  clock: () => Date;
  /** Who signs off closures (items do not name an approver). */
  approver?: Person | null;
  holidays?: readonly IsoDate[];
  logger: ReminderLogger;
}

/** What one operation did. */
export interface EngineResult {
  /** Items looked at. */
  items: number;
  /** Reminders newly claimed in the log. */
  claimed: number;
  /** Deliveries (cards or e-mails) sent by the flush that followed. */
  delivered: number;
}

export interface FlushResult {
  delivered: number;
  /** Deliveries found already delivered when resent. */
  alreadyDelivered: number;
  retrying: number;
  failed: number;
}

/** Runs `work` over `inputs` with at most `limit` at once, keeping order. */
async function mapLimited<I, R>(inputs: readonly I[], limit: number, work: (input: I) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(inputs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length) {
      const i = next++;
      out[i] = await work(inputs[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return out;
}

export class ReminderEngine {
  private queue: Promise<unknown> = Promise.resolve();
  /** The account the service saves as, read once. */
  private self: Promise<SiteUser> | undefined;

  private constructor(
    private readonly options: ReminderEngineOptions,
    /** The Reminder Log, mirrored. */
    public readonly ledger: ReminderLedger
  ) {}

  /**
   * Loads the Reminder Log, checks the rules (writing the default set into an empty Reminder Rules
   * list, so admins find them there) and delivers whatever a previous run left claimed.
   */
  public static async start(options: ReminderEngineOptions): Promise<ReminderEngine> {
    const engine = new ReminderEngine(options, await ReminderLedger.load(options.data.reminderLog));
    await engine.rules();
    await engine.flush();
    return engine;
  }

  /** Runs operations one after another. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves when every queued operation has finished. */
  public async idle(): Promise<void> {
    for (;;) {
      const current = this.queue;
      await current;
      if (current === this.queue) return;
    }
  }

  /** The last day the sweep completed (London date), if it ever did. */
  public lastSweepDay(): Promise<IsoDate | undefined> {
    return this.options.data.settings.get(SETTING_LAST_SWEEP);
  }

  /** The rules from the Reminder Rules list, writing the default set first when the list is empty. */
  public async rules(): Promise<ReminderRule[]> {
    const read = await this.options.data.reminderRules.read();
    this.skipIncomplete(read.incomplete, 'the rule is not run');
    let records = read.items.map((s) => s.value);
    if (records.length === 0 && read.incomplete.length === 0) {
      await this.options.data.reminderRules.addMany(DEFAULT_RULES.map(ruleRecord));
      records = DEFAULT_RULES.map(ruleRecord);
      this.options.logger.info(`Wrote the ${records.length} default reminder rules to the Reminder Rules list.`);
    }
    const { rules, errors } = parseRules(records);
    for (const e of errors) this.options.logger.warn(`${e.message}. The rule is skipped until it is corrected.`);
    return rules;
  }

  /** Report titles for the cards; a report that needs completing still lends its title. */
  private async reportTitles(): Promise<Map<number, string>> {
    const reports = await this.options.data.reports.read();
    this.skipIncomplete(reports.incomplete, 'its title is used as written');
    return new Map([...reports.items.map((r): [number, string] => [r.id, r.value.title]), ...reports.incomplete.map((r): [number, string] => [r.id, r.title])]);
  }

  /** Names each item that needs completing and what the engine does about it: one warning per item per pass. */
  private skipIncomplete(items: readonly IncompleteItem[], consequence: string): void {
    for (const item of items) this.options.logger.warn(`${incompleteText(item)}. It needs completing in SharePoint; until then ${consequence}.`);
  }

  private subject(rec: Recommendation, day: IsoDate, reports: Map<number, string>, ragPolicy: RagPolicy, rounds: RoundFacts = new Map()): ReminderSubject {
    const round = rec.id === undefined ? undefined : rounds.get(rec.id);
    return recommendationSubject(rec, day, {
      reportTitle: rec.reportId === undefined ? null : (reports.get(rec.reportId) ?? null),
      approver: this.options.approver ?? null,
      ragPolicy,
      round: round === undefined ? null : { id: round.round.id, replyBy: round.round.replyBy, answered: round.answered }
    });
  }

  /**
   * The open update rounds' facts per item: which round asks about it (the earliest reply-by date
   * when several do) and whether it has been answered there (an update posted since the round opened).
   */
  private async roundFacts(): Promise<{ rounds: Stored<UpdateRound>[]; facts: RoundFacts }> {
    const read = await this.options.data.rounds.open().catch((e: unknown) => {
      // A site not yet upgraded to the schema with the Update Rounds list has no rounds: reminders go on.
      if ((e as { kind?: string }).kind === 'not-found') return { items: [], incomplete: [] };
      throw e;
    });
    this.skipIncomplete(read.incomplete, 'its reminders are not sent');
    const rounds = read.items;
    const facts: RoundFacts = new Map();
    if (rounds.length === 0) return { rounds, facts };
    const since = rounds.map((r) => r.value.openedAt).reduce((a, b) => (Date.parse(a) < Date.parse(b) ? a : b));
    const updates = (await this.options.data.updates.since(since)).map((u) => u.value);
    for (const stored of [...rounds].sort((a, b) => (a.value.replyBy < b.value.replyBy ? 1 : -1))) {
      const answered = roundAnswers(stored.value, updates);
      const round = cardRound(stored);
      for (const item of stored.value.items) facts.set(item.itemId, { round, answered: answered.has(item.itemId) });
    }
    return { rounds, facts };
  }

  /**
   * Sends each owner in an open round their round card, once per round: one card listing their
   * items, each with the update form. Claimed in the Reminder Log under `round-open` like any
   * reminder, so a restart or a second call sends nothing twice. The first time a round is
   * announced, the round's reminder rules are written to the Reminder Rules list if missing.
   */
  public announceRounds(): Promise<EngineResult> {
    return this.serial(async () => {
      const { data, logger } = this.options;
      const now = this.options.clock();
      const today = londonDate(now);
      const { rounds, facts } = await this.roundFacts();
      const wanted: { item: number; round: Stored<UpdateRound> }[] = [];
      for (const round of rounds) {
        for (const item of round.value.items) {
          const email = item.owner?.email;
          // Nobody to send to, or answered already (in the tracker) before the card went.
          if (email === undefined || email === '' || facts.get(item.itemId)?.answered === true) continue;
          const recipient = { kind: 'user' as const, address: email.toLowerCase(), name: item.owner?.name ?? email };
          if (!this.ledger.has(idempotencyKey(ROUND_OPEN_RULE, 'recommendation', item.itemId, roundOccurrence(round.id), recipient))) wanted.push({ item: item.itemId, round });
        }
      }
      if (wanted.length === 0) return { items: 0, claimed: 0, delivered: 0 };
      await this.rules();
      const have = new Set((await data.reminderRules.all()).map((r) => r.value.key));
      const missing = ROUND_RULES.filter((r) => !have.has(r.key));
      if (missing.length > 0) {
        await data.reminderRules.addMany(missing.map(ruleRecord));
        logger.info(`Wrote the update round's ${missing.length} reminder rule(s) to the Reminder Rules list.`);
      }
      const [reports, policy] = await Promise.all([this.reportTitles(), data.settings.ragPolicy()]);
      const intents: ReminderIntent[] = [];
      const unresolved: UnresolvedRecipient[] = [];
      const cardRounds: RoundFacts = new Map();
      const found = await mapLimited(wanted, 8, async (w) => ({ ...w, stored: await data.recommendations.find(w.item) }));
      for (const { round, stored } of found) {
        // An item deleted since the round opened has nobody to ask.
        if (stored === null) continue;
        const own = { round: cardRound(round), answered: false };
        cardRounds.set(stored.id, own);
        const subject = this.subject({ ...stored.value, id: stored.id }, today, reports, policy, new Map([[stored.id, own]]));
        const occurrence = roundOccurrence(round.id);
        const recipient = resolveRecipient({ kind: 'owner' }, subject);
        if (recipient.kind === 'unreachable') {
          unresolved.push({ ruleKey: ROUND_OPEN_RULE, itemId: stored.id, occurrence, spec: 'owner', problem: recipient });
          continue;
        }
        intents.push({
          key: idempotencyKey(ROUND_OPEN_RULE, 'recommendation', stored.id, occurrence, recipient),
          ruleKey: ROUND_OPEN_RULE,
          itemId: stored.id,
          itemKind: 'recommendation',
          occurrence,
          recipient,
          template: ROUND_OPEN_TEMPLATE,
          data: reminderData(subject, recipient, today),
          notBefore: now.toISOString()
        });
      }
      const { claimed, unsent } = await this.claimAll(intents, unresolved, now, cardRounds);
      logger.info(`Update rounds: ${claimed} item(s) sent to their owners on the round's card.`);
      return { items: found.length, claimed, delivered: (await this.flushNow(unsent)).delivered };
    });
  }

  /** The card content of a reminder: the rule's words expanded, the item's facts, the two links. */
  public cardItem(intent: ReminderIntent): CardItem {
    const d = intent.data;
    return {
      title: expandText(intent.template.title, d),
      message: expandText(intent.template.message, d),
      ref: d.ref,
      report: d.report,
      due: d.due,
      lifecycle: d.lifecycle,
      trafficLight: d.trafficLight,
      text: shorten(d.text),
      updateUrl: updateDeepLink(this.options.links, d.itemId),
      openUrl: openItemUrl(this.options.links, d.itemId)
    };
  }

  /**
   * The update form for each reminder a recommendation's owner receives about it, at the item's
   * current version: the card then answers for that version only (service/cardActions.ts).
   */
  private async ownerActions(intents: readonly ReminderIntent[]): Promise<Map<string, CardAction>> {
    const mine = intents.filter((i) => i.itemKind === 'recommendation' && i.recipient.kind === 'user');
    const ids = [...new Set(mine.map((i) => i.itemId))];
    const items = new Map((await mapLimited(ids, 8, (id) => this.options.data.recommendations.find(id))).flatMap((s): [number, Stored<Recommendation>][] => (s === null ? [] : [[s.id, s]])));
    const acts = new Map<string, CardAction>();
    for (const i of mine) {
      const item = items.get(i.itemId);
      const email = item?.value.owner?.email;
      if (item === undefined || email === undefined || i.recipient.kind !== 'user' || email.toLowerCase() !== i.recipient.address.toLowerCase()) continue;
      acts.set(i.key, { itemId: item.id, etag: item.etag, lifecycle: UPDATE_LIFECYCLES.includes(item.value.lifecycle) ? item.value.lifecycle : 'Being progressed', confidence: item.value.confidence ?? 'Medium' });
    }
    return acts;
  }

  /**
   * The decision form for each reminder that goes to someone who may decide the item's pending
   * closure (first) or extension: not its owner, not who owned it when asked, not who asked. The bot
   * checks the same again, with the site's groups, when the card is answered (service/cardDecisions.ts).
   */
  private async decisionActions(intents: readonly ReminderIntent[]): Promise<Map<string, CardDecision>> {
    const users = intents.filter((i) => i.itemKind === 'recommendation' && i.recipient.kind === 'user');
    const ids = [...new Set(users.map((i) => i.itemId))];
    const found = await mapLimited(ids, 8, (id) => this.options.data.recommendations.find(id));
    const items = new Map(found.flatMap((s): [number, Stored<Recommendation>][] => (s === null ? [] : [[s.id, s]])));
    const decides = new Map<string, CardDecision>();
    for (const i of users) {
      const item = items.get(i.itemId);
      const pending = item === undefined ? null : pendingRequest(item.value);
      if (item === undefined || pending === null || i.recipient.kind !== 'user') continue;
      const who = [i.recipient.address, i.recipient.name];
      if (dependence((p) => who.some((w) => isSamePerson(w, p)), item.value.owner, pending.request) !== null) continue;
      const asked = `${pending.request.requestedBy} asked on ${formatUkDate(londonDate(pending.request.requestedAt))}`;
      decides.set(i.key, {
        itemId: item.id,
        etag: item.etag,
        kind: pending.kind,
        asked: pending.kind === 'closure' ? `Closure: ${asked}` : `Extension to ${formatUkDate(pending.request.proposed)}: ${asked}`,
        detail: pending.kind === 'closure' ? `Evidence: ${shorten(pending.request.evidence)}` : `Reason: ${shorten(pending.request.reason)}`
      });
    }
    return decides;
  }

  /**
   * Claims the intents (most urgent first, so digests list them that way) and logs the unresolved.
   * Reminders due at once are grouped into their deliveries here, so that the claim also saves the
   * delivery id (steps 1 and 2 of protocol.ts in one write). Returns the number claimed and the ids
   * of those deliveries, which nobody can have sent yet.
   */
  private async claimAll(intents: ReminderIntent[], unresolved: UnresolvedRecipient[], now: Date, rounds: RoundFacts = new Map()): Promise<{ claimed: number; unsent: Set<string> }> {
    const byKey = new Map<string, ReminderIntent>();
    for (const i of intents) if (!this.ledger.has(i.key) && !byKey.has(i.key)) byKey.set(i.key, i);
    const fresh = [...byKey.values()].sort((a, b) => byUrgency(a.data, b.data));
    // An owner's reminders that ask for a round's answer go on the round's card, apart from the rest.
    const roundOf = (i: ReminderIntent): CardRound | undefined => (ROUND_CARD_RULES.includes(i.ruleKey) ? rounds.get(i.itemId)?.round : undefined);
    const deliveryOf = new Map<string, string>();
    const due = fresh.filter((i) => Date.parse(i.notBefore) <= now.getTime());
    for (const batch of [due.filter((i) => roundOf(i) === undefined), due.filter((i) => roundOf(i) !== undefined)]) {
      for (const group of groupByRecipient(batch)) {
        const id = deliveryIdFor(group.recipient, group.items.map((i) => i.key));
        for (const i of group.items) deliveryOf.set(i.key, id);
      }
    }
    const [acts, decides] = await Promise.all([this.ownerActions(fresh), this.decisionActions(fresh)]);
    const requests: ClaimRequest[] = fresh.map((intent) => {
      const act = acts.get(intent.key);
      const decide = decides.get(intent.key);
      const round = roundOf(intent);
      const item: CardItem = { ...this.cardItem(intent), ...(act === undefined ? {} : { act }), ...(decide === undefined ? {} : { decide }), ...(round === undefined ? {} : { round }) };
      return { intent, item, deliveryId: deliveryOf.get(intent.key) ?? null };
    });
    const claimed = await this.ledger.claim(requests, now);
    await this.ledger.recordUnresolved(unresolved, 'recommendation', now);
    const byRule = new Map<string, UnresolvedRecipient[]>();
    for (const u of unresolved) byRule.set(u.ruleKey, [...(byRule.get(u.ruleKey) ?? []), u]);
    for (const [rule, list] of byRule) {
      this.options.logger.warn(`Reminder '${rule}' has nobody to go to for ${list.length} item(s), e.g. item ${list[0].itemId}: ${unreachableText(list[0].problem)} Logged as Failed.`);
    }
    return { claimed, unsent: new Set(deliveryOf.values()) };
  }

  /**
   * Reads the Recommendations list's changes since the stored change token, compares each changed
   * item's versions, evaluates the rules, claims and delivers. The token moves on only after every
   * claim is saved. The first run only records where the change log stands.
   */
  public processChanges(): Promise<EngineResult> {
    return this.serial(async () => {
      const { data, logger } = this.options;
      const now = this.options.clock();
      const token = await data.settings.get(SETTING_CHANGE_TOKEN);
      if (!token) {
        await data.settings.set(SETTING_CHANGE_TOKEN, await data.recommendations.currentChangeToken());
        return { items: 0, claimed: 0, delivered: (await this.flushNow()).delivered };
      }
      const { changes, token: next } = await data.recommendations.changesSince(token);
      if (changes.length === 0) return { items: 0, claimed: 0, delivered: 0 };
      // Each add or update in the change log saved one version: an item changed k times has k new
      // versions, each compared with the one before it.
      const counts = new Map<number, number>();
      for (const c of changes) if (c.kind === 'added' || c.kind === 'updated') counts.set(c.itemId, (counts.get(c.itemId) ?? 0) + 1);
      const ids = [...counts.keys()];
      const [rules, reports, policy] = await Promise.all([this.rules(), this.reportTitles(), data.settings.ragPolicy()]);
      const today = londonDate(now);
      const intents: ReminderIntent[] = [];
      const unresolved: UnresolvedRecipient[] = [];
      const histories = await mapLimited(ids, 8, async (id) => ({ id, versions: await this.versionsOrEmpty(id) }));
      for (const { id, versions } of histories) {
        const fresh = Math.min(counts.get(id) ?? 0, versions.length);
        const chronological = [...versions].reverse();
        for (let i = chronological.length - fresh; i < chronological.length; i++) {
          const v = chronological[i];
          if (!v.value) {
            logger.warn(`Version ${v.label} of recommendation ${id} cannot be read (${v.problems ? `needs completing: ${problemsText(v.problems)}` : 'unknown problem'}); its changes are not evaluated.`);
            continue;
          }
          const subject = this.subject({ ...v.value, id }, today, reports, policy);
          const before = i > 0 ? chronological[i - 1].value : undefined;
          let event: ReminderEvent;
          if (v.label === '1.0') event = { kind: 'created', subject };
          else if (before) event = { kind: 'changed', subject, previous: this.subject({ ...before, id }, today, reports, policy), version: v.label.split('.')[0] };
          else continue;
          const result = evaluateRules(rules, event, { now, today, holidays: this.options.holidays });
          intents.push(...result.intents);
          unresolved.push(...result.unresolved);
        }
        const guarded = await this.guardDecisions(id, chronological, fresh, { now, today, reports, policy });
        intents.push(...guarded.intents);
        unresolved.push(...guarded.unresolved);
      }
      const { claimed, unsent } = await this.claimAll(intents, unresolved, now);
      await data.settings.set(SETTING_CHANGE_TOKEN, next);
      logger.info(`Changes: ${changes.length} change(s) to ${ids.length} item(s), ${claimed} reminder(s) claimed.`);
      return { items: ids.length, claimed, delivered: (await this.flushNow(unsent)).delivered };
    });
  }

  /**
   * Checks the decisions the fresh versions record against who saved them (core/decisions.ts). A
   * decision that fails and still stands is withdrawn, with the item's ETag (re-read on a conflict),
   * and the SRO is told once.
   */
  private async guardDecisions(
    id: number,
    chronological: readonly ItemVersion<Recommendation>[],
    fresh: number,
    at: { now: Date; today: IsoDate; reports: Map<number, string>; policy: RagPolicy }
  ): Promise<{ intents: ReminderIntent[]; unresolved: UnresolvedRecipient[] }> {
    const none = { intents: [], unresolved: [] };
    const saved: SavedVersion[] = [];
    const checked: { at: number; before: Recommendation; after: Recommendation }[] = [];
    chronological.forEach((v, i) => {
      if (!v.value) return;
      saved.push({ label: v.label, value: v.value, ...(v.editor ? { editor: { name: v.editor, ...(v.editorEmail ? { email: v.editorEmail } : {}) } } : {}) });
      const previous = saved[saved.length - 2];
      if (i >= chronological.length - fresh && previous !== undefined) checked.push({ at: saved.length, before: previous.value, after: v.value });
    });
    // Who may correct a due date directly: site owners (imports, corrections) and the service itself.
    const owners = await this.siteOwners(checked.filter((c) => !sameDue(c.before.due, c.after.due)).map((c) => saved[c.at - 1].editor));
    // Decisions the service saved were made on a card by the person they name, whom its bot resolved from the signed Teams activity.
    const self = checked.some((c) => c.after.closure?.decision !== undefined || c.after.extension?.decision !== undefined) ? await this.selfUser() : null;
    const actsFor = (e: NonNullable<SavedVersion['editor']>): boolean => self !== null && ((e.email !== undefined && e.email.toLowerCase() === self.email.toLowerCase()) || e.name === self.title);
    const found = checked.map((c) => ({ ...c, problems: decisionProblems(saved.slice(0, c.at), (e) => owners.has(editorKey(e)), actsFor) })).filter((f) => f.problems.length > 0);
    if (found.length === 0) return none;
    const { data, logger } = this.options;
    const latest = found[found.length - 1];
    let withdrawn: DecisionProblem[] = [];
    const { saved: result } = await data.recommendations.modify(id, (current) => {
      // Only what still stands is withdrawn: a later, valid decision or extension is left alone.
      withdrawn = latest.problems.filter((p) => {
        if (p.kind === 'due date') return sameDue(current.due, latest.after.due);
        const request = p.kind === 'closure' ? current.closure : current.extension;
        return request?.decision !== undefined && request.decision.by === p.decidedBy;
      });
      return withdrawDecisions(current, latest.before, withdrawn, { name: 'Tracker service', at: at.now.toISOString(), colour: (rec) => trafficLight(rec, at.today, at.policy) });
    });
    if (withdrawn.length === 0) return none;
    for (const p of withdrawn) logger.warn(`Recommendation ${id}: ${p.kind === 'due date' ? 'due date change' : `${p.kind} decision`} of version ${p.version} withdrawn (${p.reason}).`);
    return decisionAlerts(withdrawn, this.subject({ ...result.value, id }, at.today, at.reports, at.policy), at.now, at.today);
  }

  /** The account the service saves as. */
  private selfUser(): Promise<SiteUser> {
    this.self ??= this.options.data.users.current();
    return this.self;
  }

  /** The editors among `editors` who are site owners or the service's own account, by {@link editorKey}. */
  private async siteOwners(editors: readonly SavedVersion['editor'][]): Promise<Set<string>> {
    const owners = new Set<string>();
    const { users } = this.options.data;
    const candidates = new Map<string, NonNullable<SavedVersion['editor']>>();
    for (const e of editors) if (e !== undefined) candidates.set(editorKey(e), e);
    if (candidates.size === 0) return owners;
    const trusted = [await this.selfUser(), ...(await users.owners())];
    for (const [key, editor] of candidates) {
      if (trusted.some((u) => (editor.email !== undefined && u.email.toLowerCase() === editor.email.toLowerCase()) || u.title === editor.name)) owners.add(key);
    }
    return owners;
  }

  private async versionsOrEmpty(id: number): Promise<ItemVersion<Recommendation>[]> {
    const versions = await this.options.data.recommendations.versions(id).catch((e: unknown) => {
      // Deleted since the change was logged: nothing to remind about.
      if ((e as { kind?: string }).kind === 'not-found') return [];
      throw e;
    });
    return versions;
  }

  /**
   * The daily sweep: every recommendation against the schedule rules today, and colours reached by
   * the passing of time since the last sweep. Safe to run more than once a day.
   */
  public sweep(): Promise<EngineResult> {
    return this.serial(async () => {
      const { data, logger } = this.options;
      const now = this.options.clock();
      const today = londonDate(now);
      const last = await data.settings.get(SETTING_LAST_SWEEP);
      const previousDay = last !== undefined && last < today ? last : null;
      const [rules, reports, policy, { facts: rounds }] = await Promise.all([this.rules(), this.reportTitles(), data.settings.ragPolicy(), this.roundFacts()]);
      const intents: ReminderIntent[] = [];
      const unresolved: UnresolvedRecipient[] = [];
      let items = 0;
      for await (const page of data.recommendations.pages()) {
        this.skipIncomplete(page.incomplete, 'no reminder is sent for it');
        for (const { id, value } of page.items) {
          items += 1;
          const rec = { ...value, id };
          const subject = this.subject(rec, today, reports, policy, rounds);
          const previous = previousDay === null ? null : this.subject(rec, previousDay, reports, policy, rounds);
          const result = evaluateRules(rules, { kind: 'sweep', subject, previous }, { now, today, holidays: this.options.holidays });
          intents.push(...result.intents);
          unresolved.push(...result.unresolved);
        }
      }
      const { claimed, unsent } = await this.claimAll(intents, unresolved, now, rounds);
      // The stored colour follows the calendar: items that passed a deadline since yesterday are
      // written RED, so SharePoint's views and filters on the column agree with the tracker.
      const colours = await data.recommendations.refreshColours(today, policy);
      if (last === undefined || last < today) await data.settings.set(SETTING_LAST_SWEEP, today);
      const skipped = colours.skipped > 0 ? `, ${colours.skipped} changed meanwhile and left as saved` : '';
      logger.info(`Sweep of ${today}: ${items} item(s), ${claimed} reminder(s) claimed, ${colours.changed} stored colour(s) brought up to date${skipped}.`);
      return { items, claimed, delivered: (await this.flushNow(unsent)).delivered };
    });
  }

  /**
   * Delivers every claimed reminder that is due (queued behind other operations), after taking up
   * the run history's "send again" requests (protocol.ts).
   */
  public flush(): Promise<FlushResult> {
    return this.serial(async () => {
      const { requeued, refused } = await this.ledger.honourSendAgain();
      if (requeued + refused > 0) this.options.logger.info(`Send again: ${requeued} failed reminder(s) queued to go again under their delivery id${refused > 0 ? `, ${refused} request(s) refused (nothing to send)` : ''}.`);
      return this.flushNow();
    });
  }

  /**
   * Sends what is due. Deliveries with an id go under that id: as a resend (the receiver is asked
   * first) unless `unsent` says this process assigned it and has not sent it yet.
   */
  private async flushNow(unsent: ReadonlySet<string> = new Set()): Promise<FlushResult> {
    const now = this.options.clock();
    const due = await this.ledger.due(now);
    const result: FlushResult = { delivered: 0, alreadyDelivered: 0, retrying: 0, failed: 0 };
    const assigned = new Set(due.map((e) => e.detail.deliveryId).filter((id): id is string => id !== null));
    for (const deliveryId of assigned) {
      const all = this.ledger.deliveryEntries(deliveryId);
      await this.send(deliveryId, all, all.filter((e) => e.stored.value.status === 'Claimed'), !unsent.has(deliveryId), result);
    }
    const fresh = due.filter((e) => e.detail.deliveryId === null);
    // A round's items go on the round's card, apart from other reminders.
    const batches = [fresh.filter((e) => e.detail.item.round === undefined), fresh.filter((e) => e.detail.item.round !== undefined)];
    for (const group of batches.flatMap((batch) => groupByRecipient(batch.map((e) => ({ recipient: e.detail.recipient, entry: e }))))) {
      const entries = group.items.map((g) => g.entry);
      const deliveryId = deliveryIdFor(group.recipient, entries.map((e) => e.stored.value.key));
      const assigned = await this.ledger.assign(entries, deliveryId);
      if (assigned.length > 0) await this.send(deliveryId, assigned, assigned, false, result);
    }
    if (result.delivered + result.alreadyDelivered + result.retrying + result.failed > 0) this.options.logger.info(`Flush: ${result.delivered} delivered, ${result.alreadyDelivered} found already delivered, ${result.retrying} to retry, ${result.failed} failed.`);
    return result;
  }

  private async send(deliveryId: string, content: LedgerEntry[], pending: LedgerEntry[], resend: boolean, result: FlushResult): Promise<void> {
    if (pending.length === 0) return;
    const now = this.options.clock();
    const delivery: OutgoingDelivery = { deliveryId, recipient: content[0].detail.recipient, items: content.map((e) => e.detail.item) };
    try {
      const outcome = await this.options.transport.deliver(delivery, { resend });
      await this.ledger.markSent(pending, outcome.route, now);
      if (outcome.alreadyDelivered) result.alreadyDelivered += 1;
      else result.delivered += 1;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof GraphError && !e.transient) {
        this.options.logger.error(`Delivery ${deliveryId} to ${delivery.recipient.address} was refused (${e.status} ${e.code}): ${message}`);
        await this.ledger.markFailed(pending, { code: 'refused', args: [e.status, e.code, message] }, now);
        result.failed += 1;
      } else {
        this.options.logger.warn(`Delivery ${deliveryId} to ${delivery.recipient.address} will be retried: ${message}`);
        await this.ledger.markRetry(pending, message, now);
        result.retrying += 1;
      }
    }
  }
}
