/**
 * The round's card: one per owner, listing their items in the round. Each unanswered item carries
 * the update form (Universal Actions, `Action.Execute`); an answered one shows what was recorded.
 * The reminder service sends it when the round opens, and the bot answers each action with the
 * card as it then stands (service/cardActions.ts), so the owner sees the rest still to answer.
 * Inputs are named per item (`text-12`): Teams sends every input of the card with each action.
 */
import { formatUkDate } from '../dates';
import { CONFIDENCES } from '../model';
import { myActionsDeepLink, type LinkSettings } from '../deepLinks';
import { CARD_VERBS, cardText, shorten, type CardAction, type CardItem } from '../reminders/cards';
import { UPDATE_LIFECYCLES } from '../transitions';
import type { UpdateRound } from './model';

/** One item on the card. */
export interface RoundCardRow {
  ref: string;
  report: string;
  due: string;
  lifecycle: string;
  text: string;
  openUrl: string;
  /** What was recorded, when answered ("Alex Jones, 2 December 2026: …"); '' while not. */
  answered: string;
  /** The form, while not answered and the card's reader owns the item. */
  act?: CardAction & { roundId: number };
}

/** The data a round card is bound to. */
export interface RoundCardData {
  heading: string;
  /** What the last answer did ("Update recorded on AFI 1"), already card-safe; '' on the first card. */
  notice: string;
  summary: string;
  items: RoundCardRow[];
  myActionsUrl: string;
}

/** The input ids of one item's form. */
export function roundInputIds(itemId: number): { text: string; lifecycle: string; confidence: string } {
  return { text: `text-${itemId}`, lifecycle: `lifecycle-${itemId}`, confidence: `confidence-${itemId}` };
}

const choice = (value: string): { title: string; value: string } => ({ title: value, value });

/** The round card. Bound to a {@link RoundCardData}. Version 1.5 for `Action.Execute`. */
export const ROUND_CARD_TEMPLATE: { [key: string]: unknown } = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${heading}', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', $when: "${notice != ''}", text: '${notice}', wrap: true, weight: 'Bolder', color: 'Accent' },
    { type: 'TextBlock', text: '${summary}', wrap: true },
    {
      type: 'Container',
      $data: '${items}',
      separator: true,
      items: [
        { type: 'TextBlock', text: '${ref}', weight: 'Bolder', wrap: true },
        {
          type: 'FactSet',
          facts: [
            { title: 'Report', value: '${report}' },
            { title: 'Due', value: "${if(due == '', 'No date', due)}" },
            { title: 'Status', value: '${lifecycle}' }
          ]
        },
        { type: 'TextBlock', text: '${text}', wrap: true, isSubtle: true, maxLines: 3 },
        { type: 'TextBlock', $when: "${answered != ''}", text: '${answered}', wrap: true, weight: 'Bolder' },
        {
          type: 'Container',
          $when: '${exists(act)}',
          items: [
            { type: 'Input.Text', id: 'text-${act.itemId}', label: 'What has happened since the last update on ${ref}', isMultiline: true },
            { type: 'Input.ChoiceSet', id: 'lifecycle-${act.itemId}', label: 'Status of ${ref}', value: '${act.lifecycle}', choices: UPDATE_LIFECYCLES.map(choice) },
            { type: 'Input.ChoiceSet', id: 'confidence-${act.itemId}', label: 'Confidence in the timescale of ${ref}', value: '${act.confidence}', choices: CONFIDENCES.map(choice) },
            {
              type: 'ActionSet',
              actions: [
                { type: 'Action.Execute', title: 'Post update on ${ref}', verb: CARD_VERBS.postUpdate, data: { itemId: '${act.itemId}', etag: '${act.etag}', roundId: '${act.roundId}' } },
                { type: 'Action.Execute', title: 'No change on ${ref} since my last update', verb: CARD_VERBS.noChange, data: { itemId: '${act.itemId}', etag: '${act.etag}', roundId: '${act.roundId}' } }
              ]
            }
          ]
        },
        { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Open ${ref}', url: '${openUrl}' }] }
      ]
    }
  ],
  actions: [{ type: 'Action.OpenUrl', title: 'Open My Actions', url: '${myActionsUrl}' }]
};

/** The card's data for one owner; every text from the data made safe by `cardText`. */
export function roundCardData(round: Pick<UpdateRound, 'committee' | 'replyBy' | 'paperDate'>, ownerName: string, rows: readonly RoundCardRow[], links: LinkSettings, notice = ''): RoundCardData {
  const safe = (t: string): string => cardText(t, links.trackerUrl);
  const open = rows.filter((r) => r.answered === '').length;
  const summary =
    open === 0
      ? `Thank you: every item is answered for the paper of ${formatUkDate(round.paperDate)}.`
      : `Please answer for ${open === 1 ? 'this item' : `these ${open} items`} by ${formatUkDate(round.replyBy)}: post an update, or say nothing has changed. The paper is due on ${formatUkDate(round.paperDate)}.`;
  return {
    heading: `${safe(ownerName)}: update round for ${safe(round.committee)}`,
    notice,
    summary,
    items: rows.map((r) => ({ ...r, ref: safe(r.ref), report: safe(r.report), due: safe(r.due), lifecycle: safe(r.lifecycle), text: safe(shorten(r.text)), answered: safe(r.answered) })),
    myActionsUrl: myActionsDeepLink(links)
  };
}

/**
 * The card of a delivery whose items ask for answers in a round (the reminder service's first card
 * of the round): every item still open, with its form when the recipient owns it.
 */
export function roundCardOfItems(recipientName: string, items: readonly CardItem[], links: LinkSettings): RoundCardData | null {
  const round = items.find((i) => i.round !== undefined)?.round;
  if (round === undefined) return null;
  const rows = items.map((i): RoundCardRow => ({
    ref: i.ref,
    report: i.report,
    due: i.due,
    lifecycle: i.lifecycle,
    text: i.text,
    openUrl: i.openUrl,
    answered: '',
    ...(i.act === undefined ? {} : { act: { ...i.act, roundId: round.id } })
  }));
  return roundCardData(round, recipientName, rows, links);
}
