/**
 * The run history, for site owners: the Reminder Log as a filterable, paged list — per reminder the
 * rule, the item (its reference opens it), the recipient, the route, the state (sent, deferred by
 * quiet hours, failed and why, retried) and when. A failed reminder can be sent again: the request
 * is saved into its log entry with the version tag the owner saw, and the reminder service sends the
 * same delivery again at its next run, under the same delivery id (src/service/protocol.ts).
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { DetailsList, DetailsListLayoutMode, SelectionMode } from '@fluentui/react/lib/DetailsList';
import type { IColumn } from '@fluentui/react/lib/DetailsList';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import type { IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { Link } from '@fluentui/react/lib/Link';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { TextField } from '@fluentui/react/lib/TextField';
import { addDays } from '../../core/dates';
import type { IsoDate, ReminderStatus } from '../../core/model';
import { historyRow, londonInstant } from '../../core/reminders';
import type { HistoryRow } from '../../core/reminders';
import { NeedsCompleting } from '../common/NeedsCompleting';
import { LOCALE, format, listText, plural } from '../common/intl';
import { useStrings } from '../common/strings';
import type { TrackerStrings } from '../common/strings';
import { SaveConflictError } from '../../data/TrackerDataSource';
import type { IncompleteItem, LogPage, LogRecord, ListedRecord, ReminderLogFilter, RuleRecord, TrackerDataSource } from '../../data/TrackerDataSource';
import { withItemParam } from '../../core/deepLinks';
import { errorText } from '../common/errorText';
import { logFailureText } from '../common/messages';

/** Entries per page: one request each. */
const HISTORY_PAGE_SIZE = 50;

/** The run history's words (loc `RunHistory`). */
type HistoryWords = TrackerStrings['RunHistory'];

const WHEN = new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const when = (at: string): string => WHEN.format(new Date(at));

const ANY = 'any';

/** The states the filter offers: the Reminder Log's statuses. */
const statusOptions = (words: HistoryWords): IDropdownOption[] => [
  { key: ANY, text: words.AnyState },
  { key: 'Sent', text: words.StateSent },
  { key: 'Failed', text: words.StateFailed },
  { key: 'Claimed', text: words.StateClaimed }
];

/** The state of a row in words, with why it failed and when it was sent again. */
function stateText(row: HistoryRow, strings: TrackerStrings): string {
  const words = strings.RunHistory;
  const again = listText(row.sentAgain.map((r) => format(words.SentAgainAs, r.by, when(r.at))), strings.Common.ListSeparator);
  const reason = logFailureText(row, strings) ?? words.NoReason;
  switch (row.state) {
    case 'sent':
      return again !== '' ? format(words.SentAgain, again) : row.attempts > 1 ? plural(words.SentAfter, row.attempts) : words.Sent;
    case 'deferred':
      return format(words.Deferred, when(row.until ?? row.at));
    case 'waiting':
      return again !== '' ? format(words.WaitingAgain, again) : words.Waiting;
    case 'retrying':
      return plural(words.Retrying, row.attempts, reason);
    case 'failed':
      return format(words.Failed, reason);
    case 'send-again-requested':
      return format(words.SendAgainRequested, reason, row.sendAgain?.by ?? words.SiteOwner, when(row.sendAgain?.at ?? row.at));
  }
}

interface FilterForm {
  ruleKey: string;
  status: string;
  recipient: string;
  from: string;
  to: string;
}

const NO_FILTER: FilterForm = { ruleKey: ANY, status: ANY, recipient: '', from: '', to: '' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The form as a query, or the problem that stops it being one. */
function toFilter(form: FilterForm, words: HistoryWords): ReminderLogFilter | string {
  if (form.from !== '' && !ISO_DATE.test(form.from)) return words.FromNotADate;
  if (form.to !== '' && !ISO_DATE.test(form.to)) return words.ToNotADate;
  if (form.from !== '' && form.to !== '' && form.to < form.from) return words.ToBeforeFrom;
  const recipient = form.recipient.trim();
  return {
    ...(form.ruleKey === ANY ? {} : { ruleKey: form.ruleKey }),
    ...(form.status === ANY ? {} : { status: form.status as ReminderStatus }),
    ...(recipient === '' ? {} : { recipient }),
    // London days: from the start of "From" to the end of "To".
    ...(form.from === '' ? {} : { from: londonInstant(form.from as IsoDate, 0).toISOString() }),
    ...(form.to === '' ? {} : { before: londonInstant(addDays(form.to as IsoDate, 1), 0).toISOString() })
  };
}

export interface RunHistoryProps {
  data: TrackerDataSource;
  rules: readonly RuleRecord[];
  records: readonly ListedRecord[];
  now: () => Date;
  /** Opens an item of the tracker (its panel). */
  onOpenItem: (id: number) => void;
}

export function RunHistory(props: RunHistoryProps): JSX.Element {
  const { data, now } = props;
  const strings = useStrings();
  const words = strings.RunHistory;
  const [form, setForm] = React.useState<FilterForm>(NO_FILTER);
  const [applied, setApplied] = React.useState<ReminderLogFilter>({});
  const [pages, setPages] = React.useState<LogPage[]>([]);
  const [index, setIndex] = React.useState(0);
  const [exhausted, setExhausted] = React.useState(false);
  const [loading, setLoading] = React.useState(true);
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<{ type: MessageBarType; text: string } | null>(null);
  const cursor = React.useRef<AsyncIterator<LogPage> | null>(null);

  /** Reads the next page from the cursor; true when it added one. */
  const fetchPage = React.useCallback(async (): Promise<boolean> => {
    const iterator = cursor.current;
    if (iterator === null) return false;
    setLoading(true);
    try {
      const next = await iterator.next();
      if (cursor.current !== iterator) return false;
      setError(null);
      if (next.done === true || next.value.entries.length + next.value.incomplete.length === 0) {
        setExhausted(true);
        return false;
      }
      const page = next.value;
      setPages((known) => [...known, page]);
      if (page.entries.length + page.incomplete.length < HISTORY_PAGE_SIZE) setExhausted(true);
      return true;
    } catch (e) {
      setError(errorText(e, strings));
      return false;
    } finally {
      if (cursor.current === iterator) setLoading(false);
    }
  }, []);

  React.useEffect(() => {
    cursor.current = data.reminderHistory(applied, HISTORY_PAGE_SIZE);
    setPages([]);
    setIndex(0);
    setExhausted(false);
    void fetchPage();
  }, [data, applied, fetchPage]);

  const apply = (): void => {
    const filter = toFilter(form, words);
    if (typeof filter === 'string') setNotice({ type: MessageBarType.error, text: filter });
    else {
      setNotice(null);
      setApplied(filter);
    }
  };

  const replace = (record: LogRecord): void =>
    setPages((known) => known.map((p) => ({ ...p, entries: p.entries.map((e) => (e.value.id === record.value.id ? record : e)) })));

  const sendAgain = async (record: LogRecord): Promise<void> => {
    try {
      replace(await data.sendAgain(record, now()));
      setNotice({ type: MessageBarType.success, text: words.AskedAgain });
    } catch (e) {
      if (e instanceof SaveConflictError) {
        const theirs = (e as SaveConflictError<LogRecord['value']>).conflict.theirs as LogRecord;
        replace(theirs);
        const row = historyRow(theirs.value, now());
        setNotice({ type: MessageBarType.warning, text: format(words.ChangedMeanwhile, stateText(row, strings)) });
      } else setNotice({ type: MessageBarType.error, text: errorText(e, strings) });
    }
  };

  const ruleName = (key: string): string => props.rules.find((r) => r.value.key === key)?.value.name ?? key;
  const refOf = (id: number): string | undefined => props.records.find((r) => r.recommendation.id === id)?.recommendation.ref;

  const page = pages[index];
  const rows = (page?.entries ?? []).map((record) => ({ record, row: historyRow(record.value, now()) }));
  type Row = (typeof rows)[number];
  const columns: IColumn[] = [
    { key: 'at', name: words.When, minWidth: 150, maxWidth: 170, onRender: ({ row }: Row) => when(row.at) },
    { key: 'rule', name: words.Rule, minWidth: 150, maxWidth: 220, isMultiline: true, onRender: ({ row }: Row) => ruleName(row.ruleKey) },
    {
      key: 'item',
      name: words.Item,
      minWidth: 90,
      maxWidth: 140,
      isMultiline: true,
      onRender: ({ row }: Row) => {
        const ref = refOf(row.itemId);
        if (row.itemKind !== 'recommendation' || ref === undefined) return format(row.itemKind === 'action' ? words.ActionId : words.ItemId, row.itemId);
        return (
          <Link
            href={withItemParam(window.location.href, row.itemId)}
            aria-label={format(words.OpenItem, ref)}
            onClick={(e) => {
              e.preventDefault();
              props.onOpenItem(row.itemId);
            }}
          >
            {ref}
          </Link>
        );
      }
    },
    {
      key: 'recipient',
      name: words.Recipient,
      minWidth: 160,
      maxWidth: 240,
      isMultiline: true,
      onRender: ({ row }: Row) => (row.recipientName !== null && row.recipientName !== row.recipient ? format(words.NamedRecipient, row.recipientName, row.recipient) : row.recipient)
    },
    { key: 'route', name: words.Route, minWidth: 100, maxWidth: 140, isMultiline: true, onRender: ({ row }: Row) => words.Routes[row.route] },
    { key: 'state', name: words.State, minWidth: 220, isMultiline: true, onRender: ({ row }: Row) => <span data-state={row.state}>{stateText(row, strings)}</span> },
    {
      key: 'again',
      name: words.SendAgain,
      minWidth: 100,
      maxWidth: 120,
      onRender: ({ record, row }: Row) =>
        row.canSendAgain ? <DefaultButton text={words.SendAgain} ariaLabel={format(words.SendAgainLabel, ruleName(row.ruleKey), row.recipient)} onClick={() => void sendAgain(record)} /> : null
    }
  ];

  const ruleOptions: IDropdownOption[] = [{ key: ANY, text: words.AnyRule }, ...props.rules.map((r) => ({ key: r.value.key, text: r.value.name }))];
  const set = (change: Partial<FilterForm>): void => setForm((f) => ({ ...f, ...change }));
  const incomplete: IncompleteItem[] = page?.incomplete ?? [];

  return (
    <Stack tokens={{ childrenGap: 8 }} data-testid="run-history">
      <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end" as="form" role="search" aria-label={words.FilterLabel} onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}>
        <Dropdown label={words.Rule} options={ruleOptions} selectedKey={form.ruleKey} onChange={(_e, o) => set({ ruleKey: String(o?.key ?? ANY) })} styles={{ root: { minWidth: 220 } }} />
        <Dropdown label={words.State} options={statusOptions(words)} selectedKey={form.status} onChange={(_e, o) => set({ status: String(o?.key ?? ANY) })} styles={{ root: { minWidth: 180 } }} />
        <TextField label={words.RecipientFilter} value={form.recipient} onChange={(_e, v) => set({ recipient: v ?? '' })} styles={{ root: { minWidth: 240 } }} />
        <TextField label={words.From} type="date" value={form.from} onChange={(_e, v) => set({ from: v ?? '' })} />
        <TextField label={words.To} type="date" value={form.to} onChange={(_e, v) => set({ to: v ?? '' })} />
        <PrimaryButton text={words.Show} type="submit" />
        <DefaultButton
          text={words.ClearFilters}
          onClick={() => {
            setForm(NO_FILTER);
            setNotice(null);
            setApplied({});
          }}
        />
      </Stack>
      {error !== null && <MessageBar messageBarType={MessageBarType.error}>{error}</MessageBar>}
      {notice !== null && (
        <MessageBar messageBarType={notice.type} isMultiline onDismiss={() => setNotice(null)} dismissButtonAriaLabel={strings.Common.CloseMessage}>
          {notice.text}
        </MessageBar>
      )}
      <NeedsCompleting items={incomplete} />
      {!loading && rows.length === 0 && incomplete.length === 0 && <Text>{words.NoMatch}</Text>}
      {rows.length > 0 && (
        <DetailsList items={rows} columns={columns} selectionMode={SelectionMode.none} layoutMode={DetailsListLayoutMode.justified} getKey={(r: Row) => String(r.record.value.id)} ariaLabelForGrid={words.GridLabel} />
      )}
      <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="center">
        <DefaultButton text={words.PreviousPage} disabled={index === 0} onClick={() => setIndex((i) => Math.max(0, i - 1))} />
        <Text aria-live="polite">{loading ? words.Loading : format(exhausted && index === pages.length - 1 ? words.LastPage : words.Page, index + 1)}</Text>
        <DefaultButton
          text={words.NextPage}
          disabled={loading || (exhausted && index >= pages.length - 1)}
          onClick={() => {
            const last = pages.length;
            if (index < last - 1) setIndex(index + 1);
            else void fetchPage().then((added) => added && setIndex(last));
          }}
        />
      </Stack>
    </Stack>
  );
}
