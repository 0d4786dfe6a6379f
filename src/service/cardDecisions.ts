/**
 * The card's requests and decisions (issue 13), answered through the bot's extension point
 * (`CardVerb`, cardActions.ts): the owner asks for a due-date extension with a reason and a proposed
 * date; someone independent approves or returns a closure, or approves or refuses an extension, from
 * the card that tells them of the request. The rules are core/transitions.ts's: the decider is
 * neither the owner, nor who owned the item when it was asked, nor who asked; and only a member or
 * owner of the tracker site (who could decide in the tracker) decides on a card.
 */
import { formatUkDate, londonDate } from '../core/dates';
import type { IsoDate, Person, Recommendation } from '../core/model';
import { REQUEST_VERBS, type LinkSettings } from '../core/reminders';
import { approveClosure, decideExtension, dependence, pendingRequest, requestExtension, returnClosure } from '../core/transitions';
import { isUser } from '../core/permissions';
import type { SiteUser, Stored, TrackerData } from '../data';
import { CardRefusal, readTarget, resultCard, type CardTarget, type CardVerb } from './cardActions';

/** The longest reason or note accepted from a card, in characters. */
const CARD_NOTE_LIMIT = 2000;

interface Note extends CardTarget {
  note?: string;
}

interface Closure extends Note {
  outcome: 'closed' | 'discharged';
}

interface Extension extends CardTarget {
  proposed: IsoDate;
  reason: string;
}

function optionalText(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new CardRefusal(`${what} must be text: nothing was recorded.`);
  if (value.length > CARD_NOTE_LIMIT) throw new CardRefusal(`${what} can be at most ${CARD_NOTE_LIMIT} characters: nothing was recorded.`);
  return value.trim() === '' ? undefined : value;
}

function readNote(data: Record<string, unknown>): Note {
  const note = optionalText(data.note, 'The note');
  return { ...readTarget(data), ...(note === undefined ? {} : { note }) };
}

function readClosure(data: Record<string, unknown>): Closure {
  const outcome = data.outcome ?? 'closed';
  if (outcome !== 'closed' && outcome !== 'discharged') throw new CardRefusal('The outcome must be "Closed by the force" or "Discharged by the inspectorate": nothing was recorded.');
  return { ...readNote(data), outcome };
}

function readReturn(data: Record<string, unknown>): Note {
  const checked = readNote(data);
  if (checked.note === undefined) throw new CardRefusal('Say why the closure request is being returned: nothing was recorded.');
  return checked;
}

function readExtension(data: Record<string, unknown>): Extension {
  const target = readTarget(data);
  const { proposed } = data;
  if (typeof proposed !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(proposed)) throw new CardRefusal('Give the proposed due date as a date: nothing was recorded.');
  const reason = optionalText(data.reason, 'The reason');
  if (reason === undefined) throw new CardRefusal('Say why more time is needed: nothing was recorded.');
  return { ...target, proposed, reason };
}

/** Whether a site user is the person an item names (core's matching, by site user id, e-mail or name). */
function isPerson(user: SiteUser, person: Person | string | undefined): boolean {
  return isUser({ id: user.id, name: user.title, email: user.email }, person);
}

/** The verbs, for `createCardActions({ verbs })`. */
export function cardDecisionVerbs(options: { data: TrackerData; links: LinkSettings }): CardVerb[] {
  const { data, links } = options;

  const save = async (item: Stored<Recommendation>, next: Recommendation, user: SiteUser, at: string, heading: string, note: string | undefined, refreshFor: string | null) => {
    const saved = await data.recommendations.update(item, next);
    // The shared card says who answered, for everyone who sees it; the refresh is for the one who did.
    const line = `Answered by ${user.title} on ${formatUkDate(londonDate(at))}${note === undefined ? '.' : `: ${note}`}`;
    return resultCard(links, heading, line, saved.value, refreshFor, item.id);
  };

  /** Who may decide the item's pending request, as the tracker's item panel decides it. */
  const refuseDecider = (kind: 'closure' | 'extension') => async (user: SiteUser, item: Stored<Recommendation>): Promise<string | null> => {
    const pending = pendingRequest(item.value);
    const request = kind === 'closure' ? (pending?.kind === 'closure' ? pending.request : undefined) : item.value.extension?.decision === undefined ? item.value.extension : undefined;
    if (request === undefined) {
      return kind === 'closure' ? 'There is no closure request awaiting sign-off on this item, so nothing was recorded.' : 'There is no extension request awaiting a decision on this item, so nothing was recorded.';
    }
    const dependent = dependence((p) => isPerson(user, p), item.value.owner, request);
    if (dependent === 'owner' || dependent === 'ownerAtRequest') return `You own ${item.value.ref}, so you cannot decide its own ${kind} request; someone independent must. Nothing was recorded.`;
    if (dependent === 'requester') return `You asked for this ${kind}, so someone else must decide it. Nothing was recorded.`;
    if (!(await data.users.editors()).some((e) => e.id === user.id)) return 'Only members of the tracker site decide closures and extensions, so nothing was recorded.';
    return null;
  };

  const requestMore: CardVerb<Extension> = {
    verb: REQUEST_VERBS.requestExtension,
    read: readExtension,
    refuse: async (user, item) => (isPerson(user, item.value.owner) ? null : `Only the item's owner can ask for more time on this card${item.value.owner === undefined ? '' : ` (${item.value.owner.name})`}: nothing was recorded.`),
    write: ({ person, answer, item, at, refreshFor }) =>
      save(item, requestExtension(item.value, { by: person.title, at, proposed: answer.proposed, reason: answer.reason }), person, at, `Extension to ${formatUkDate(answer.proposed)} requested on ${item.value.ref}`, answer.reason, refreshFor)
  };
  const approve: CardVerb<Closure> = {
    verb: REQUEST_VERBS.approveClosure,
    read: readClosure,
    refuse: refuseDecider('closure'),
    write: ({ person, answer, item, at, refreshFor }) =>
      save(item, approveClosure(item.value, { by: person.title, at, outcome: answer.outcome, ...(answer.note === undefined ? {} : { note: answer.note }) }), person, at, `Closure of ${item.value.ref} approved`, answer.note, refreshFor)
  };
  const giveBack: CardVerb<Note> = {
    verb: REQUEST_VERBS.returnClosure,
    read: readReturn,
    refuse: refuseDecider('closure'),
    write: ({ person, answer, item, at, refreshFor }) => save(item, returnClosure(item.value, { by: person.title, at, note: answer.note ?? '' }), person, at, `Closure of ${item.value.ref} returned`, answer.note, refreshFor)
  };
  const decide = (outcome: 'approved' | 'refused'): CardVerb<Note> => ({
    verb: outcome === 'approved' ? REQUEST_VERBS.approveExtension : REQUEST_VERBS.refuseExtension,
    read: readNote,
    refuse: refuseDecider('extension'),
    write: ({ person, answer, item, at, refreshFor }) =>
      save(item, decideExtension(item.value, { by: person.title, at, outcome, ...(answer.note === undefined ? {} : { note: answer.note }) }), person, at, `Extension on ${item.value.ref} ${outcome}`, answer.note, refreshFor)
  });
  return [requestMore, approve, giveBack, decide('approved'), decide('refused')];
}
