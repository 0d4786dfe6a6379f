/**
 * Adaptive Card templates for reminders, as data: the service binds them with
 * `adaptivecards-templating`. One card for a single reminder, one digest card when a person has
 * several at once. Both carry "Post an update" (a Teams deep link into the My Actions personal
 * app, opening that item's update dialog) and "Open item" (the tracker page).
 */
import { myActionsDeepLink } from '../deepLinks';
import type { LinkSettings } from '../deepLinks';
import { checkTrackerLink } from '../links';
import { CONFIDENCES } from '../model';
import { UPDATE_LIFECYCLES } from '../transitions';

/** One reminder as a card shows it: the rule's title and message already expanded. */
export interface CardItem {
  title: string;
  message: string;
  ref: string;
  report: string;
  due: string;
  lifecycle: string;
  trafficLight: string;
  text: string;
  updateUrl: string;
  openUrl: string;
  /** When the recipient owns the item: what the card's own update form needs (Action.Execute). */
  act?: CardAction;
  /** When the recipient may decide the item's pending closure or extension: what the decision form needs. */
  decide?: CardDecision;
  /** When the reminder asks for the item's answer in an update round: the round's card lists it (core/round/card.ts). */
  round?: CardRound;
}

/** A pending closure or extension request, as the card that asks someone to decide it shows it. */
export interface CardDecision {
  itemId: number;
  /** The item's ETag when the card was made: a decision on an older version is refused. */
  etag: string;
  kind: 'closure' | 'extension';
  /** Who asked, and when. */
  asked: string;
  /** The closure's evidence, or the extension's proposed date and reason. */
  detail: string;
}

/** The update round a card item belongs to. */
export interface CardRound {
  id: number;
  committee: string;
  replyBy: string;
  paperDate: string;
}

/** The item a card's update form answers for, at the version the card shows. */
export interface CardAction {
  itemId: number;
  /** The item's ETag when the card was made: an answer to an older version is refused. */
  etag: string;
  lifecycle: string;
  confidence: string;
}

/** The verbs of the card's `Action.Execute` buttons. */
export const CARD_VERBS = { postUpdate: 'postUpdate', noChange: 'noChange', refresh: 'refresh' } as const;

/** The verbs of the card's extension request (the owner) and of its decisions (an independent approver). */
export const REQUEST_VERBS = {
  requestExtension: 'requestExtension',
  approveClosure: 'approveClosure',
  returnClosure: 'returnClosure',
  approveExtension: 'approveExtension',
  refuseExtension: 'refuseExtension'
} as const;

/** The data of a digest card. */
export interface DigestCardData {
  heading: string;
  summary: string;
  items: CardItem[];
  /** "…and 12 more", or '' when every reminder is listed. */
  more: string;
  myActionsUrl: string;
}

/** A digest lists at most this many reminders: a Teams card must stay under 28 KB. */
export const DIGEST_MAX_ROWS = 20;

/** The longest recommendation text shown on a card, in characters. */
export const CARD_TEXT_LIMIT = 400;

type CardJson = { [key: string]: unknown };

const choice = (value: string): { title: string; value: string } => ({ title: value, value });

const itemButtons = [
  { type: 'Action.OpenUrl', title: 'Post an update', url: '${updateUrl}' },
  { type: 'Action.OpenUrl', title: 'Open item', url: '${openUrl}' }
];

/** A single reminder. Bound to a `CardItem`. Version 1.5 for `Action.Execute`. */
export const REMINDER_CARD_TEMPLATE: CardJson = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${title}', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: '${message}', wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Reference', value: '${ref}' },
        { title: 'Report', value: '${report}' },
        { title: 'Due', value: "${if(due == '', 'No date', due)}" },
        { title: 'Status', value: '${lifecycle}' },
        { title: 'RAG', value: '${trafficLight}' }
      ]
    },
    { type: 'TextBlock', text: '${text}', wrap: true, isSubtle: true, maxLines: 4 },
    {
      // Universal Actions: the owner answers on the card; the bot's reply replaces it.
      type: 'Container',
      $when: '${exists(act)}',
      separator: true,
      items: [
        { type: 'Input.Text', id: 'text', label: 'What has happened since the last update', isMultiline: true },
        { type: 'Input.ChoiceSet', id: 'lifecycle', label: 'Status', value: '${act.lifecycle}', choices: UPDATE_LIFECYCLES.map(choice) },
        { type: 'Input.ChoiceSet', id: 'confidence', label: 'Confidence in the timescale', value: '${act.confidence}', choices: CONFIDENCES.map(choice) },
        {
          type: 'ActionSet',
          actions: [
            { type: 'Action.Execute', title: 'Post update', verb: CARD_VERBS.postUpdate, data: { itemId: '${act.itemId}', etag: '${act.etag}' } },
            { type: 'Action.Execute', title: 'No change since my last update', verb: CARD_VERBS.noChange, data: { itemId: '${act.itemId}', etag: '${act.etag}' } }
          ]
        },
        { type: 'TextBlock', text: 'Need more time?', weight: 'Bolder', wrap: true, separator: true },
        { type: 'Input.Date', id: 'proposed', label: 'Proposed due date' },
        { type: 'Input.Text', id: 'reason', label: 'Why more time is needed', isMultiline: true },
        {
          type: 'ActionSet',
          actions: [{ type: 'Action.Execute', title: 'Ask for an extension', verb: REQUEST_VERBS.requestExtension, data: { itemId: '${act.itemId}', etag: '${act.etag}' } }]
        }
      ]
    },
    {
      // A pending closure or extension, for someone who may decide it: the bot checks who they are.
      type: 'Container',
      $when: '${exists(decide)}',
      separator: true,
      items: [
        { type: 'TextBlock', text: '${decide.asked}', weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: '${decide.detail}', wrap: true },
        {
          type: 'Container',
          $when: "${decide.kind == 'closure'}",
          items: [
            { type: 'Input.ChoiceSet', id: 'outcome', label: 'If approved, the item is', value: 'closed', choices: [{ title: 'Closed by the force', value: 'closed' }, { title: 'Discharged by the inspectorate', value: 'discharged' }] },
            { type: 'Input.Text', id: 'note', label: 'Note (needed to return it)', isMultiline: true },
            {
              type: 'ActionSet',
              actions: [
                { type: 'Action.Execute', title: 'Approve closure', verb: REQUEST_VERBS.approveClosure, data: { itemId: '${decide.itemId}', etag: '${decide.etag}' } },
                { type: 'Action.Execute', title: 'Return closure', verb: REQUEST_VERBS.returnClosure, data: { itemId: '${decide.itemId}', etag: '${decide.etag}' } }
              ]
            }
          ]
        },
        {
          type: 'Container',
          $when: "${decide.kind == 'extension'}",
          items: [
            { type: 'Input.Text', id: 'note', label: 'Note (optional)', isMultiline: true },
            {
              type: 'ActionSet',
              actions: [
                { type: 'Action.Execute', title: 'Approve extension', verb: REQUEST_VERBS.approveExtension, data: { itemId: '${decide.itemId}', etag: '${decide.etag}' } },
                { type: 'Action.Execute', title: 'Refuse extension', verb: REQUEST_VERBS.refuseExtension, data: { itemId: '${decide.itemId}', etag: '${decide.etag}' } }
              ]
            }
          ]
        }
      ]
    }
  ],
  actions: itemButtons
};

/** Several reminders for one person. Bound to a `DigestCardData`. */
export const DIGEST_CARD_TEMPLATE: CardJson = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.4',
  body: [
    { type: 'TextBlock', text: '${heading}', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: '${summary}', wrap: true },
    {
      type: 'Container',
      $data: '${items}',
      separator: true,
      items: [
        { type: 'TextBlock', text: '${title}', weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: '${message}', wrap: true, spacing: 'None' },
        { type: 'ActionSet', actions: itemButtons }
      ]
    },
    { type: 'TextBlock', $when: "${more != ''}", text: '${more}', wrap: true, isSubtle: true }
  ],
  actions: [{ type: 'Action.OpenUrl', title: 'Open My Actions', url: '${myActionsUrl}' }]
};

/** A Markdown link `[label](target)`, an autolink `<target>`, or a bare address (`scheme://…`, `www.…`). */
const CARD_LINK = /\[([^[\]\n]*)\]\(([^\s()<>]+)\)|<([a-z][a-z0-9+.-]*:[^\s<>]*)>|\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>[\]]*/gi;

/** A link target on the tenant: an absolute address that a tracker page address could be. */
function onTenant(target: string, tenantUrl: string): boolean {
  return /^https?:\/\//i.test(target) && checkTrackerLink(target, tenantUrl).ok;
}

/**
 * Text as a card's Markdown shows it and never as a link: the characters of link syntax are
 * backslash-escaped (CommonMark shows them as written), and so are the `:` of `://` and the `.` of
 * `www.`, which linkifiers look for.
 */
function inert(text: string): string {
  return text
    .replace(/[\\[\]<>]/g, '\\$&')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.');
}

/**
 * Item text (recommendation text, comments, names, report titles) made safe for a card's Markdown
 * (TextBlocks and FactSet values render it): a link to the tenant is left as written; any
 * other link, autolink or bare address is shown as text, so a card never leads anyone off the
 * tenant from words someone typed. `tenantUrl` is any address on the tenant.
 */
export function cardText(text: string, tenantUrl: string): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(CARD_LINK)) {
    const [whole, label, target, autolink] = match;
    const index = match.index ?? 0;
    out += inert(text.slice(from, index));
    if (label !== undefined && onTenant(target, tenantUrl)) out += `[${inert(label)}](${target})`;
    else if (autolink !== undefined && onTenant(autolink, tenantUrl)) out += `<${autolink}>`;
    else if (label === undefined && autolink === undefined && onTenant(whole, tenantUrl)) out += whole;
    else out += inert(whole);
    from = index + whole.length;
  }
  return out + inert(text.slice(from));
}

/** A card item with every text made safe by {@link cardText}; its two button addresses are the service's own. */
export function safeCardItem(item: CardItem, links: LinkSettings): CardItem {
  const safe = (text: string): string => cardText(text, links.trackerUrl);
  return {
    ...item,
    title: safe(item.title),
    message: safe(item.message),
    ref: safe(item.ref),
    report: safe(item.report),
    due: safe(item.due),
    lifecycle: safe(item.lifecycle),
    trafficLight: safe(item.trafficLight),
    text: safe(item.text),
    ...(item.decide === undefined ? {} : { decide: { ...item.decide, asked: safe(item.decide.asked), detail: safe(item.decide.detail) } })
  };
}

/** Cuts text to `limit` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, limit: number = CARD_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The data of a digest card for `items` (most urgent first, as given). */
export function digestCardData(recipientName: string, items: CardItem[], links: LinkSettings): DigestCardData {
  const shown = items.slice(0, DIGEST_MAX_ROWS);
  const hidden = items.length - shown.length;
  return {
    heading: `${cardText(recipientName, links.trackerUrl)}, you have ${items.length} reminders`,
    summary: 'These items need your attention. Post an update from each, or open My Actions to see them all.',
    items: shown.map((item) => safeCardItem(item, links)),
    more: hidden > 0 ? `…and ${hidden} more. Open My Actions to see them all.` : '',
    myActionsUrl: myActionsDeepLink(links)
  };
}
