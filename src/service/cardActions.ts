/**
 * The bot behind the reminder card's own form (Universal Actions, `Action.Execute`): an owner posts
 * a progress update, or says nothing has changed, from the card in Teams. Built on the Microsoft 365
 * Agents SDK (`AgentApplication` routes `adaptiveCard/action` by verb; `CloudAdapter` answers the
 * invoke and reaches the Bot Connector at the activity's `serviceUrl`).
 *
 * Every answer is checked before anything is written:
 * - the person is the one Teams says acted (`from.aadObjectId`, looked up in the directory through
 *   Graph, then matched to a site user), and owns the item: nobody answers for someone else;
 * - the card is current: it carries the item's ETag, and an item changed since is not overwritten;
 * - an invoke Teams sends again (the same activity id) is written once: the Reminder Log keeps a
 *   record per activity, claimed before the write.
 * The reply is the card as it now stands, refreshed for the owner (`refresh.userIds`).
 *
 * An update round's card (core/round/card.ts) lists several items, each with its own inputs
 * (`text-<id>`) and `roundId` in its actions' data: the answer is read from that item's inputs,
 * refused once the round has closed, and the reply is the owner's whole round card as it now
 * stands — what was recorded on the answered items, the forms of the rest — with what this answer did.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { Template } from 'adaptivecards-templating';
import { text as readText } from 'node:stream/consumers';
import { AgentApplication, CloudAdapter, authorizeJWT, loadAuthConfigFromEnv, type AdaptiveCard, type AuthConfiguration, type Request, type TurnContext, type TurnState, type WebResponse } from '@microsoft/agents-hosting';
import { CONFIDENCES, type Confidence, type Lifecycle, type ReminderLogEntry } from '../core/model';
import { CARD_VERBS, cardText, type LinkSettings } from '../core/reminders';
import { formatUkDate, londonDate } from '../core/dates';
import { UPDATE_LIFECYCLES, isSamePerson, postProgress, TransitionError } from '../core/transitions';
import { ConflictError, type SiteUser, type Stored, type TrackerData } from '../data';
import type { Recommendation } from '../core/model';
import type { GraphClient } from './graph';
import type { ReminderLogger } from './engine';
import { ROUND_CARD_TEMPLATE, roundAnswers, roundCardData, roundInputIds, type RoundCardRow } from '../core/round';
import { openItemUrl } from '../core/reminders';
import { htmlToText } from '../core/import/html';

/** The Reminder Log's rule key for answers given on cards. */
export const CARD_ACTION_RULE = 'card-action';

/** The words recorded for "No change since my last update". */
export const NO_CHANGE_TEXT = 'No change since my last update.';

/** The longest update accepted from a card, in characters (the update dialog has no other limit). */
export const CARD_UPDATE_LIMIT = 4000;

export interface CardActionsOptions {
  data: TrackerData;
  graph: GraphClient;
  links: LinkSettings;
  clock: () => Date;
  logger: ReminderLogger;
  /** The bot's Entra app registration; by default read from the environment (`clientId`, …), and none means anonymous local runs. */
  auth?: AuthConfiguration;
  /** More verbs answered on the same terms (see {@link CardVerb}). */
  verbs?: readonly CardVerb[];
  /** Told of every activity the bot receives other than invokes (installation, conversation updates). */
  onActivity?: (context: TurnContext) => Promise<void>;
}

/** A card as the SDK answers with it. */
export type CardJson = AdaptiveCard;

/** What a card's data must carry whatever the verb: the item and the version the card shows. */
export interface CardTarget {
  itemId: number;
  etag: string;
}

/**
 * A verb answered on a card, beyond the owner's update. The bot does the common part: it resolves
 * the person from the activity, claims the activity id in the Reminder Log (a replay writes once),
 * reads the item, asks `refuse`, refuses a card older than the item, and turns a `CardRefusal` or
 * `TransitionError` into a card that says nothing was recorded.
 */
export interface CardVerb<T extends CardTarget = CardTarget> {
  verb: string;
  /** Checks the card's data (throws `CardRefusal`, saying what is wrong). */
  read(data: Record<string, unknown>): T;
  /** Why this person may not answer on this item, or null when they may. */
  refuse(person: SiteUser, item: Stored<Recommendation>): Promise<string | null>;
  /** Writes the answer through the data layer, quoting the card's ETag, and returns the card as recorded. */
  write(input: { person: SiteUser; answer: T; item: Stored<Recommendation>; at: string; refreshFor: string | null }): Promise<CardJson>;
}

/** What the card sent, checked. */
interface Answer {
  itemId: number;
  etag: string;
  text: string;
  lifecycle?: Lifecycle;
  confidence?: Confidence;
}

/** A card the person reads instead of what they expected: nothing was written. */
export class CardRefusal extends Error {}

/** Reads the item and version a card's data names. */
export function readTarget(data: Record<string, unknown>): CardTarget {
  const { itemId, etag } = data;
  if (typeof itemId !== 'number' || !Number.isInteger(itemId) || itemId <= 0 || typeof etag !== 'string' || etag === '') throw new CardRefusal('This card does not say which item it is about, so nothing was recorded. Open the item in the tracker instead.');
  return { itemId, etag };
}

function readAnswer(verb: string, data: Record<string, unknown>): Answer {
  const { itemId, etag } = readTarget(data);
  const { text, lifecycle, confidence } = data;
  if (verb === CARD_VERBS.noChange) return { itemId, etag, text: NO_CHANGE_TEXT };
  if (typeof text !== 'string' || text.trim() === '') throw new CardRefusal('Say what has happened since the last update: nothing was recorded.');
  if (text.length > CARD_UPDATE_LIMIT) throw new CardRefusal(`An update from the card can be at most ${CARD_UPDATE_LIMIT} characters: nothing was recorded.`);
  if (typeof lifecycle !== 'string' || !UPDATE_LIFECYCLES.includes(lifecycle as Lifecycle)) throw new CardRefusal(`Status must be one of ${UPDATE_LIFECYCLES.join(', ')}: nothing was recorded.`);
  if (confidence !== undefined && confidence !== '' && !(typeof confidence === 'string' && (CONFIDENCES as readonly string[]).includes(confidence))) throw new CardRefusal(`Confidence must be one of ${CONFIDENCES.join(', ')}: nothing was recorded.`);
  return { itemId, etag, text, lifecycle: lifecycle as Lifecycle, ...(typeof confidence === 'string' && confidence !== '' ? { confidence: confidence as Confidence } : {}) };
}

/** The round an answer is given in (`roundId` in the action's data), or null for a reminder card. */
function roundOf(data: Record<string, unknown>): number | null {
  const { roundId } = data;
  return typeof roundId === 'number' && Number.isInteger(roundId) && roundId > 0 ? roundId : null;
}

/** A round card's answer with its item's inputs (`text-<id>`, …) read as a single card's (`text`, …). */
function roundInputs(data: Record<string, unknown>): Record<string, unknown> {
  if (roundOf(data) === null || typeof data.itemId !== 'number') return data;
  const ids = roundInputIds(data.itemId);
  return { itemId: data.itemId, etag: data.etag, roundId: data.roundId, text: data[ids.text], lifecycle: data[ids.lifecycle], confidence: data[ids.confidence] };
}

/** The text of a result card's first two lines: what a round card's notice says of an answer. */
function noticeOf(card: CardJson): string {
  const body = (card as { body?: { text?: unknown }[] }).body ?? [];
  return body
    .slice(0, 2)
    .map((b) => (typeof b.text === 'string' ? b.text : ''))
    .filter((t) => t !== '')
    .join(': ');
}

const roundTemplate = new Template(ROUND_CARD_TEMPLATE);

/** A card with a heading, a line and the item's facts; every data text made safe by `cardText`. */
export function resultCard(links: LinkSettings, heading: string, line: string, rec: Recommendation | null, refreshFor: string | null, itemId: number | null): CardJson {
  const safe = (t: string): string => cardText(t, links.trackerUrl);
  const facts = rec === null ? [] : [
    { title: 'Reference', value: safe(rec.ref) },
    { title: 'Status', value: safe(rec.lifecycle) },
    { title: 'Confidence', value: safe(rec.confidence ?? 'Not given') },
    { title: 'Latest update', value: safe(rec.latestComment ?? '') },
    { title: 'Updated', value: rec.lastUpdated === undefined || rec.lastUpdated === null ? 'Never' : formatUkDate(rec.lastUpdated) }
  ];
  return {
    type: 'AdaptiveCard' as const,
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    ...(refreshFor === null || itemId === null ? {} : { refresh: { action: { type: 'Action.Execute', verb: CARD_VERBS.refresh, data: { itemId } }, userIds: [refreshFor] } }),
    body: [
      { type: 'TextBlock', text: safe(heading), weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: safe(line), wrap: true },
      ...(facts.length === 0 ? [] : [{ type: 'FactSet', facts }])
    ]
  };
}

/** The agent and an HTTP handler for its endpoint (`POST /api/messages`). */
export function createCardActions(options: CardActionsOptions): { app: AgentApplication<TurnState>; handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> } {
  const { data, links } = options;
  const auth = options.auth ?? loadAuthConfigFromEnv();
  const adapter = new CloudAdapter(auth);
  const app = new AgentApplication<TurnState>({ adapter });
  // One answer per activity at a time in this process; the Reminder Log record covers the rest.
  const inFlight = new Map<string, Promise<CardJson>>();

  const person = async (context: TurnContext): Promise<SiteUser> => {
    const objectId = context.activity.from?.aadObjectId;
    if (objectId === undefined || objectId === '') throw new CardRefusal('Teams did not say who you are, so nothing was recorded.');
    const directory = await options.graph.graph<{ userPrincipalName?: string; mail?: string }>('GET', `/users/${encodeURIComponent(objectId)}?$select=userPrincipalName,mail`);
    const upn = (directory.userPrincipalName ?? directory.mail ?? '').toLowerCase();
    const user = (await data.users.all()).find((u) => u.email.toLowerCase() === upn || u.loginName.toLowerCase().endsWith(`|${upn}`));
    if (upn === '' || user === undefined) throw new CardRefusal('You are not a user of the tracker site, so nothing was recorded.');
    return user;
  };

  const record = async (context: TurnContext, verb: string, answer: Answer): Promise<CardJson> => {
    const user = await person(context);
    const found = await data.recommendations.find(answer.itemId);
    if (found === null) throw new CardRefusal('This item is no longer in the tracker, so nothing was recorded.');
    const owner = found.value.owner;
    const owns = owner !== undefined && (owner.userId === user.id || isSamePerson(user.email, owner));
    if (!owns) throw new CardRefusal(`Only the item's owner can answer on this card${owner === undefined ? '' : ` (${owner.name})`}: nothing was recorded.`);
    if (found.etag !== answer.etag) return resultCard(links, `${found.value.ref} has changed since this card was sent`, 'Nothing was recorded. Here is the item as it stands now; post your update from My Actions.', found.value, null, null);
    const at = options.clock().toISOString();
    const { update, next } = postProgress({ ...found.value, id: found.id }, { by: user.title, at, text: answer.text, lifecycle: answer.lifecycle ?? found.value.lifecycle, confidence: answer.lifecycle === undefined ? found.value.confidence : answer.confidence });
    const seen: Stored<Recommendation> = found;
    let saved: Stored<Recommendation>;
    try {
      // The item first, quoting the card's ETag: a change in between is refused by SharePoint (412).
      saved = await data.recommendations.update(seen, next);
    } catch (e) {
      if (e instanceof ConflictError) return resultCard(links, `${found.value.ref} has changed since this card was sent`, 'Nothing was recorded. Post your update from My Actions.', null, null, null);
      throw e;
    }
    await data.updates.add(update);
    const heading = verb === CARD_VERBS.noChange ? `Recorded: no change on ${found.value.ref}` : `Update recorded on ${found.value.ref}`;
    return resultCard(links, heading, `${user.title}, ${formatUkDate(londonDate(at))}: ${update.text}`, saved.value, context.activity.from?.id ?? null, found.id);
  };

  /** Claims the activity in the Reminder Log, records, and keeps the reply there for a replay. */
  const once = async (context: TurnContext, verb: string, answer: CardTarget, write: () => Promise<CardJson>): Promise<CardJson> => {
    const key = `${CARD_ACTION_RULE}:${context.activity.id ?? ''}`;
    const earlier = await data.reminderLog.byKey(key);
    if (earlier !== null) {
      if (earlier.value.status === 'Sent' && earlier.value.detail !== undefined) return JSON.parse(earlier.value.detail) as CardJson;
      throw new CardRefusal('This answer is still being recorded. Refresh the card in a moment.');
    }
    const entry: ReminderLogEntry = { key, ruleKey: CARD_ACTION_RULE, itemId: answer.itemId, itemKind: 'recommendation', occurrence: verb, recipient: context.activity.from?.aadObjectId ?? '', channel: 'card', status: 'Claimed', at: options.clock().toISOString(), attempts: 1 };
    const claim = await data.reminderLog.add(entry);
    let card: CardJson;
    try {
      card = await write();
    } catch (e) {
      // Nothing was written for this answer: the claim goes, so Teams' retry can record it.
      await data.reminderLog.delete(claim);
      throw e;
    }
    await data.reminderLog.update(claim, { ...entry, status: 'Sent', detail: JSON.stringify(card) });
    return card;
  };

  /** Answers a verb: checks the data, writes once per activity, and turns refusals into a card. */
  const execute = <T extends CardTarget>(verb: string, read: (data: Record<string, unknown>) => T, write: (context: TurnContext, answer: T) => Promise<CardJson>) => async (context: TurnContext, _state: TurnState, value: Record<string, unknown>): Promise<CardJson> => {
    try {
      const checked = read((value.data ?? {}) as Record<string, unknown>);
      if (context.activity.id === undefined || context.activity.id === '') throw new CardRefusal('Teams did not identify this answer, so nothing was recorded.');
      const key = context.activity.id;
      const running = inFlight.get(key) ?? once(context, verb, checked, () => write(context, checked));
      inFlight.set(key, running);
      try {
        return await running;
      } finally {
        inFlight.delete(key);
      }
    } catch (e) {
      if (e instanceof CardRefusal || e instanceof TransitionError) return resultCard(links, 'Nothing was recorded', e.message, null, null, null);
      options.logger.error(`A card answer failed: ${e instanceof Error ? e.message : String(e)}`);
      return resultCard(links, 'Nothing was recorded', 'The tracker could not record this answer. Try again later, or post your update from My Actions.', null, null, null);
    }
  };

  const answer = (verb: string) => execute(verb, (data) => readAnswer(verb, data), (context, checked) => record(context, verb, checked));

  /**
   * The person's card for a round as it stands now, headed by `notice`; null when the round is gone
   * or asks them about nothing (the caller then answers with a plain card).
   */
  const roundCard = async (context: TurnContext, roundId: number, notice: string): Promise<CardJson | null> => {
    const user = await person(context);
    const round = await data.rounds.find(roundId);
    if (round === null) return null;
    const mine = round.value.items.filter((i) => i.owner !== null && (i.owner.userId === user.id || isSamePerson(user.email, i.owner)));
    if (mine.length === 0) return null;
    const open = round.value.status === 'Open';
    const reportIds = [...new Set(mine.map((i) => i.reportId).filter((id): id is number => id !== null))];
    const titles = new Map((await Promise.all(reportIds.map((id) => data.reports.find(id)))).flatMap((r): [number, string][] => (r === null ? [] : [[r.id, r.value.title]])));
    const rows = await Promise.all(
      mine.map(async (item): Promise<RoundCardRow | null> => {
        const [found, updates] = await Promise.all([data.recommendations.find(item.itemId), data.updates.byRecommendation(item.itemId)]);
        if (found === null) return null;
        const rec = found.value;
        const given = roundAnswers(round.value, updates.map((u) => u.value)).get(item.itemId);
        const answered = given === undefined ? '' : `Answered by ${given.author}, ${formatUkDate(londonDate(given.at))}: ${given.text}`;
        const act = open && given === undefined ? { itemId: found.id, etag: found.etag, lifecycle: UPDATE_LIFECYCLES.includes(rec.lifecycle) ? rec.lifecycle : 'Being progressed', confidence: rec.confidence ?? 'Medium', roundId } : undefined;
        return {
          ref: rec.ref,
          report: rec.reportId === undefined ? '' : (titles.get(rec.reportId) ?? ''),
          due: rec.due.current === null ? '' : formatUkDate(rec.due.current),
          lifecycle: rec.lifecycle,
          text: htmlToText(rec.text).replace(/\s+/g, ' ').trim(),
          openUrl: openItemUrl(links, found.id),
          answered: answered === '' && !open ? 'Not answered before the round closed.' : answered,
          ...(act === undefined ? {} : { act })
        };
      })
    );
    const shown = rows.filter((r): r is RoundCardRow => r !== null);
    const closedNote = open ? '' : 'This round has closed: post any further update from My Actions.';
    const card = roundTemplate.expand({ $root: roundCardData(round.value, mine[0].owner?.name ?? user.title, shown, links, [notice, closedNote].filter((t) => t !== '').join(' ')) }) as CardJson;
    const from = context.activity.from?.id;
    return from === undefined ? card : { ...card, refresh: { action: { type: 'Action.Execute', verb: CARD_VERBS.refresh, data: { roundId } }, userIds: [from] } };
  };

  /** A round's answer is refused once the round has closed: its answers are frozen. */
  const roundStillOpen = async (roundId: number): Promise<void> => {
    const round = await data.rounds.find(roundId);
    if (round !== null && round.value.status !== 'Open') throw new CardRefusal(`This update round closed on ${formatUkDate(londonDate(round.value.closure?.at ?? options.clock().toISOString()))}, so nothing was recorded here. Post your update from My Actions.`);
  };

  const roundAware = (verb: string) => async (context: TurnContext, state: TurnState, value: Record<string, unknown>): Promise<CardJson> => {
    const roundId = roundOf((value.data ?? {}) as Record<string, unknown>);
    if (roundId === null) return answer(verb)(context, state, value);
    // A round's card: the same answer, then the owner's whole round card as it now stands.
    let notice: string;
    try {
      await roundStillOpen(roundId);
      notice = noticeOf(await answer(verb)(context, state, { ...value, data: roundInputs((value.data ?? {}) as Record<string, unknown>) }));
    } catch (e) {
      if (!(e instanceof CardRefusal)) throw e;
      return resultCard(links, 'Nothing was recorded', e.message, null, null, null);
    }
    try {
      return (await roundCard(context, roundId, notice)) ?? resultCard(links, notice, '', null, null, null);
    } catch (e) {
      if (!(e instanceof CardRefusal)) options.logger.error(`A round card could not be drawn: ${e instanceof Error ? e.message : String(e)}`);
      return resultCard(links, notice, '', null, null, null);
    }
  };

  app.adaptiveCards.actionExecute(CARD_VERBS.postUpdate, roundAware(CARD_VERBS.postUpdate));
  app.adaptiveCards.actionExecute(CARD_VERBS.noChange, roundAware(CARD_VERBS.noChange));
  for (const extra of options.verbs ?? []) {
    app.adaptiveCards.actionExecute(
      extra.verb,
      execute(extra.verb, (data) => extra.read(data), async (context, checked) => {
        const [user, found] = await Promise.all([person(context), data.recommendations.find(checked.itemId)]);
        if (found === null) throw new CardRefusal('This item is no longer in the tracker, so nothing was recorded.');
        const refusal = await extra.refuse(user, found);
        if (refusal !== null) throw new CardRefusal(refusal);
        if (found.etag !== checked.etag) return resultCard(links, `${found.value.ref} has changed since this card was sent`, 'Nothing was recorded. Here is the item as it stands now; open it in the tracker to act on it.', found.value, null, null);
        try {
          return await extra.write({ person: user, answer: checked, item: found, at: options.clock().toISOString(), refreshFor: context.activity.from?.id ?? null });
        } catch (e) {
          if (e instanceof ConflictError) return resultCard(links, `${found.value.ref} has changed since this card was sent`, 'Nothing was recorded. Open the item in the tracker to act on it.', null, null, null);
          throw e;
        }
      })
    );
  }
  if (options.onActivity !== undefined) {
    const told = options.onActivity;
    app.onActivity(async (context) => context.activity.type !== 'invoke', async (context) => told(context));
  }
  app.adaptiveCards.actionExecute(CARD_VERBS.refresh, async (context, _state, value: Record<string, unknown>) => {
    const roundId = roundOf((value.data ?? {}) as Record<string, unknown>);
    if (roundId !== null) {
      try {
        const card = await roundCard(context, roundId, '');
        if (card !== null) return card;
      } catch (e) {
        if (!(e instanceof CardRefusal)) throw e;
      }
      return resultCard(links, 'This update round asks you about nothing', 'There is nothing to show.', null, null, null);
    }
    const itemId = (value.data as Record<string, unknown> | undefined)?.itemId;
    const found = typeof itemId === 'number' ? await data.recommendations.find(itemId) : null;
    return found === null ? resultCard(links, 'This item is no longer in the tracker', 'There is nothing to show.', null, null, null) : resultCard(links, found.value.ref, 'The item as it stands now.', found.value, null, null);
  });

  const authorize = authorizeJWT(auth);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const request: Request = { method: req.method, headers: req.headers };
    try {
      request.body = JSON.parse(await readText(req)) as Record<string, unknown>;
    } catch {
      res.writeHead(400).end('The body is not JSON.');
      return;
    }
    const response: WebResponse = {
      status(code) {
        res.statusCode = code;
        return this;
      },
      setHeader(name, value) {
        res.setHeader(name, value);
        return this;
      },
      send(body) {
        res.write(typeof body === 'string' ? body : JSON.stringify(body));
        return this;
      },
      end() {
        res.end();
        return this;
      },
      get headersSent() {
        return res.headersSent;
      },
      get writableEnded() {
        return res.writableEnded;
      }
    };
    // The SDK's own check: a bearer token from the Bot Connector, or none when no app id is configured outside production.
    let authorised = false;
    await authorize(request, response, () => {
      authorised = true;
    });
    if (authorised) await adapter.process(request, response, (context) => app.run(context));
  };
  return { app, handle };
}
