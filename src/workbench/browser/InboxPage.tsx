/**
 * The workbench's Teams inbox: the notifications the reminder service sent to the signed-in person
 * (chat cards, activity-feed entries, e-mails), newest first, read from the stand-in's
 * `GET /_standin/teams/inbox` every few seconds. Cards are drawn by the Adaptive Cards renderer
 * itself, with a host config taken from the workbench theme; card Markdown goes through markdown-it
 * (raw HTML off) and then DOMPurify. A site owner may also look at anyone's inbox, or a channel's.
 */
import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { Link } from '@fluentui/react/lib/Link';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { subEntityOfDeepLink } from '../../core/deepLinks';
import { AdaptiveCardView } from '../../components/common/AdaptiveCardView';
import { THEMES } from '../../components/theme/themes';
import type { ThemeName } from '../../components/theme/themes';
import type { InboxItem, InboxVia } from '../../standin/graph/inbox';

/** How often the page asks the stand-in for new notifications. */
export const INBOX_POLL_MS = 3000;

const VIA_LABELS: Record<InboxVia, string> = { chat: 'Teams chat', activity: 'Activity feed', mail: 'E-mail', channel: 'Channel post', bot: 'Teams chat with the bot' };

const WHEN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/London' });

/** Where a link on a card leads in the workbench. */
export type WorkbenchLink =
  | { kind: 'open'; href: string }
  /** A Teams link with nothing in the workbench to stand for it: shown, not opened. */
  | { kind: 'teams-only'; href: string }
  /** Not a web address (`javascript:`, unparsable): shown as text, never opened. */
  | { kind: 'refused'; href: string };

/**
 * Maps a card link for the workbench. A Teams deep link into an app's tab (`/l/entity/…`) cannot
 * open outside Teams, so it becomes the workbench's Teams page, carrying the deep link's
 * `subEntityId` (the item whose update dialog opens); web addresses open as they are.
 */
export function workbenchLink(url: string, base: string): WorkbenchLink {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return { kind: 'refused', href: url };
  }
  if (parsed.hostname === 'teams.microsoft.com') {
    if (!parsed.pathname.startsWith('/l/entity/')) return { kind: 'teams-only', href: url };
    const target = new URL(base);
    target.search = '?page=teams';
    const subEntityId = subEntityOfDeepLink(parsed);
    if (subEntityId !== null) target.searchParams.set('subEntityId', subEntityId);
    return { kind: 'open', href: target.toString() };
  }
  if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return { kind: 'open', href: parsed.toString() };
  return { kind: 'refused', href: url };
}

/** A notification in a few words, for the announcement: the card's first text (its title), or the preview text. */
function summaryOf(item: InboxItem): string {
  const first: unknown = Array.isArray(item.card?.body) ? (item.card?.body as unknown[])[0] : undefined;
  const title = typeof first === 'object' && first !== null ? (first as { text?: unknown }).text : undefined;
  const words = typeof title === 'string' && title.trim() !== '' ? title : item.text;
  return words.trim() === '' ? VIA_LABELS[item.via] : `${VIA_LABELS[item.via]}: ${words.trim()}`;
}

/** The text of an e-mail body sent as HTML: parsed inertly, never inserted as markup. */
function mailText(html: string): string {
  return (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '').trim();
}

interface InboxProps {
  /** The signed-in stand-in alias. */
  currentUser: string;
  users: { alias: string; title: string; role: string }[];
  theme: ThemeName;
  /** Polling interval in ms (default {@link INBOX_POLL_MS}). */
  pollMs?: number;
}

/** An inbox to show: the signed-in person's own, or (for a site owner) a recipient from the stand-in. */
type Source = { kind: 'user'; id: string } | { kind: 'channel'; id: string };

function sourceQuery(source: Source): string {
  return source.kind === 'channel' ? `channel=${encodeURIComponent(source.id)}` : `user=${encodeURIComponent(source.id)}`;
}

function sourceOf(key: string): Source {
  return key.startsWith('channel:') ? { kind: 'channel', id: key.slice('channel:'.length) } : { kind: 'user', id: key };
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) throw new Error(`the stand-in answered ${res.status} ${res.statusText}`);
  return (await res.json()) as T;
}

/** "Teams notifications": the page body of `?page=inbox`. */
export default function InboxPage(props: InboxProps): JSX.Element {
  const { currentUser, users, theme } = props;
  const pollMs = props.pollMs ?? INBOX_POLL_MS;
  const me = users.find((u) => u.alias === currentUser);
  // Who may look into other people's inboxes: the site owner, as a Teams administrator would.
  const seesAll = me?.role === 'site owner';
  const [sourceKey, setSourceKey] = React.useState(currentUser);
  const [items, setItems] = React.useState<InboxItem[] | null>(null);
  const [recipients, setRecipients] = React.useState<{ to: string; count: number }[]>([]);
  const [error, setError] = React.useState<string | null>(null);
  const [announcement, setAnnouncement] = React.useState('');
  const [checkedAt, setCheckedAt] = React.useState<Date | null>(null);
  const [blocked, setBlocked] = React.useState<WorkbenchLink | null>(null);
  // Cards the bot answered with after an action on them, by inbox item: shown in place of the sent card.
  const [answered, setAnswered] = React.useState<Record<string, Record<string, unknown>>>({});
  const seen = React.useRef<Set<string> | null>(null);
  // Each inbox shown is a generation: an answer for the inbox shown before is dropped.
  const generation = React.useRef(0);
  const busy = React.useRef<number | null>(null);

  const nameOf = React.useCallback(
    (address: string): string => {
      const alias = address.split('@')[0];
      const user = users.find((u) => u.alias === alias);
      if (address.startsWith('channel:')) return `Channel ${address.slice('channel:'.length)}`;
      return user === undefined ? address : `${user.title} (${address})`;
    },
    [users]
  );

  const load = React.useCallback(async (): Promise<void> => {
    const mine = generation.current;
    if (busy.current === mine) return;
    busy.current = mine;
    try {
      const inbox = await getJson<{ recipient: string; items: InboxItem[] }>(`/_standin/teams/inbox?${sourceQuery(sourceOf(sourceKey))}`);
      const everyone = seesAll ? (await getJson<{ recipients: { to: string; count: number }[] }>('/_standin/teams/inbox')).recipients : [];
      if (generation.current !== mine) return;
      setRecipients(everyone);
      const known = seen.current;
      const fresh = known === null ? [] : inbox.items.filter((i) => !known.has(i.id));
      seen.current = new Set(inbox.items.map((i) => i.id));
      // Keep the list (and the rendered cards, with what was typed in them) unless one arrived or a bot's card was replaced.
      const version = (list: InboxItem[]): string => list.map((i) => `${i.id}@${i.updatedAt ?? ''}`).join(',');
      setItems((previous) => (previous !== null && fresh.length === 0 && version(previous) === version(inbox.items) ? previous : inbox.items));
      if (fresh.length > 0) setAnnouncement(fresh.length === 1 ? `1 new notification. ${summaryOf(fresh[0])}` : `${fresh.length} new notifications`);
      setError(null);
      setCheckedAt(new Date());
    } catch (e) {
      if (generation.current === mine) setError(`The Teams inbox could not be read: ${e instanceof Error ? e.message : String(e)}. It is tried again every ${pollMs / 1000} seconds.`);
    } finally {
      if (busy.current === mine) busy.current = null;
    }
  }, [sourceKey, seesAll, pollMs]);

  React.useEffect(() => {
    generation.current += 1;
    seen.current = null;
    setItems(null);
    setAnnouncement('');
    void load();
    const timer = window.setInterval(() => void load(), pollMs);
    return () => window.clearInterval(timer);
  }, [load, pollMs]);

  /** Sends an action on a card to the bot, as Teams does, and shows the card it answers with. */
  const onExecute = React.useCallback(async (inboxId: string, verb: string, data: unknown, bot: InboxItem['bot']): Promise<void> => {
    try {
      const res = await fetch('/_workbench/card-action', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verb, data, ...(bot === undefined ? {} : { bot }) }) });
      const body = (await res.json()) as { value?: Record<string, unknown>; error?: string };
      if (!res.ok || body.value === undefined) throw new Error(body.error ?? `the bot answered ${res.status}`);
      const card = body.value;
      setAnswered((previous) => ({ ...previous, [inboxId]: card }));
      setAnnouncement('The card was updated with the answer.');
    } catch (e) {
      setError(`The card action was not recorded: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, []);

  const onLink = React.useCallback((url: string): void => {
    const link = workbenchLink(url, window.location.href);
    if (link.kind === 'open') {
      setBlocked(null);
      window.open(link.href, '_blank', 'noopener');
    } else setBlocked(link);
  }, []);

  const palette = THEMES[theme];
  const styles = mergeStyleSets({
    list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 16, maxWidth: 720 },
    item: { border: `1px solid ${palette.semanticColors.variantBorder}`, borderRadius: 4, padding: 12, background: palette.semanticColors.bodyBackground },
    meta: { margin: '0 0 8px', fontSize: 14, fontWeight: 600, color: palette.semanticColors.bodyText },
    card: {
      selectors: {
        '& .ac-pushButton': {
          fontFamily: 'inherit',
          fontSize: 14,
          fontWeight: 600,
          minHeight: 32,
          padding: '4px 16px',
          borderRadius: 2,
          border: `1px solid ${palette.semanticColors.buttonBorder}`,
          background: palette.semanticColors.buttonBackground,
          color: palette.semanticColors.buttonText,
          cursor: 'pointer'
        },
        '& .ac-pushButton:hover': { background: palette.semanticColors.buttonBackgroundHovered, color: palette.semanticColors.buttonTextHovered },
        '& .ac-pushButton:focus-visible': { outline: `2px solid ${palette.semanticColors.focusBorder}`, outlineOffset: 2 },
        '& a': { color: palette.semanticColors.link }
      }
    },
    text: { whiteSpace: 'pre-wrap', margin: 0 }
  });

  const viewing = sourceKey === currentUser ? `${me?.title ?? currentUser} (you)` : nameOf(sourceKey);
  const options = [
    { key: currentUser, text: `${me?.title ?? currentUser} (you)` },
    ...recipients.filter((r) => r.to.split('@')[0] !== currentUser).map((r) => ({ key: r.to, text: `${nameOf(r.to)}: ${r.count}` }))
  ];

  return (
    <section aria-labelledby="inbox-heading">
      <Stack tokens={{ childrenGap: 12 }}>
        <Text as="h2" variant="xLarge" id="inbox-heading">
          Teams notifications
        </Text>
        <Text>
          What the reminder service sent to {viewing} through Microsoft Graph and its bot, newest first. A card the bot sent shows its answer in place. New notifications appear here within a few seconds.
        </Text>
        <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 16 }}>
          {seesAll && (
            <Dropdown
              label="Show the notifications of"
              styles={{ root: { minWidth: 320 } }}
              selectedKey={sourceKey}
              options={options}
              onChange={(_, o) => o !== undefined && setSourceKey(String(o.key))}
            />
          )}
          <DefaultButton iconProps={{ iconName: 'Refresh' }} text="Refresh" onClick={() => void load()} />
          <Text>{checkedAt === null ? 'Checking…' : `Last checked ${WHEN.format(checkedAt)}`}</Text>
        </Stack>
        <div role="status" aria-live="polite" aria-atomic="true" data-testid="inbox-announcement">
          {announcement !== '' && <Text>{announcement}</Text>}
        </div>
        {error !== null && <MessageBar messageBarType={MessageBarType.error}>{error}</MessageBar>}
        {blocked !== null && (
          <MessageBar messageBarType={MessageBarType.info} onDismiss={() => setBlocked(null)} dismissButtonAriaLabel="Close">
            {blocked.kind === 'teams-only' ? 'This link opens only in Microsoft Teams: ' : 'This link is not a web address and was not opened: '}
            <code>{blocked.href}</code>
          </MessageBar>
        )}
        {items !== null && items.length === 0 && (
          <Text>No Teams notifications yet. Give an item a new owner in the tracker, and the card the new owner receives appears in their inbox here.</Text>
        )}
        {items !== null && items.length > 0 && (
          <ul className={styles.list} aria-label={`Notifications for ${viewing}`}>
            {items.map((item) => (
              <li key={item.id} className={styles.item} data-testid="inbox-item" data-via={item.via}>
                <h3 className={styles.meta}>
                  {VIA_LABELS[item.via]} from {nameOf(item.from)}, {WHEN.format(new Date(item.at))}
                </h3>
                {item.card !== null ? (
                  <div className={styles.card}>
                    <AdaptiveCardView card={answered[`${item.id}@${item.updatedAt ?? ''}`] ?? item.card} theme={THEMES[theme]} onLink={onLink} onExecute={(verb, data) => void onExecute(`${item.id}@${item.updatedAt ?? ''}`, verb, data, item.bot)} />
                  </div>
                ) : (
                  <>
                    <p className={styles.text}>{item.text}</p>
                    {item.via === 'mail' && item.body !== undefined && <p className={styles.text}>{mailText(item.body)}</p>}
                    {item.via === 'activity' && item.body !== undefined && item.body !== '' && (
                      <Link onClick={() => onLink(item.body ?? '')}>Open the activity</Link>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </section>
  );
}
