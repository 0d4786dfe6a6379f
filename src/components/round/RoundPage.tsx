/**
 * The update round page: staff open a round for the next paper (scope, reply-by date, paper date),
 * follow who has answered, who has not and who asked for more time, per owner and per item, and
 * close it, which issues the paper with what the round froze. A view of the tracker web part and a
 * tab of My Actions; loaded on demand, never with the grid.
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import type { IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { Link } from '@fluentui/react/lib/Link';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { TextField } from '@fluentui/react/lib/TextField';
import { mergeStyleSets, useTheme } from '@fluentui/react';
import { addDays, londonDate } from '../../core/dates';
import type { IsoDate } from '../../core/model';
import type { RoundCardState, RoundProgress } from '../../core/round';
import { ConflictError } from '../../data';
import type { IncompleteItem, RoundRecord, RoundSource, TrackerDataSource, TrackerUser } from '../../data/TrackerDataSource';
import { loadRoundSource } from '../../paper/loadRoundSource';
import { NeedsCompleting } from '../common/NeedsCompleting';
import { format, formatNumber, longDate, plural, shortDate } from '../common/intl';
import { useStrings } from '../common/strings';
import { errorText } from '../common/errorText';
import { logFailureText, roundProblemText } from '../common/messages';

export interface RoundPageProps {
  data: TrackerDataSource;
  user: TrackerUser;
  now: () => Date;
  /** Back to the tracker; absent where the page is a tab. */
  onClose?: () => void;
}

/** One part of the round's scope, chosen several at a time; none chosen means all (the placeholder says so). */
function ScopePicker<K extends string | number>(props: { label: string; all: string; options: { key: K; text: string }[]; chosen: K[]; onChange: (chosen: K[]) => void }): React.ReactElement {
  const { chosen, onChange } = props;
  return (
    <Dropdown
      label={props.label}
      multiSelect
      placeholder={props.all}
      options={props.options}
      selectedKeys={chosen as string[] | number[]}
      onChange={(_e, o) => {
        const picked = props.options.find((p) => p.key === o?.key);
        if (o === undefined || picked === undefined) return;
        onChange(o.selected === true ? [...chosen, picked.key] : chosen.filter((k) => k !== picked.key));
      }}
      styles={{ root: { minWidth: 220, maxWidth: 360 } }}
    />
  );
}

/** The round page. */
export function RoundPage(props: RoundPageProps): JSX.Element {
  const { data, user, now } = props;
  const all = useStrings();
  const { UpdateRound: strings, Common: common } = all;
  const theme = useTheme();
  const styles = React.useMemo(
    () =>
      mergeStyleSets({
        table: { borderCollapse: 'collapse', width: '100%', selectors: { 'th, td': { textAlign: 'left', verticalAlign: 'top', padding: '6px 8px', borderBottom: `1px solid ${theme.palette.neutralTertiaryAlt}` } } },
        caption: { textAlign: 'left', fontWeight: 600, padding: '8px 0' }
      }),
    [theme]
  );
  const today: IsoDate = londonDate(now());
  const [source, setSource] = React.useState<RoundSource | null>(null);
  const [rounds, setRounds] = React.useState<RoundRecord[]>([]);
  const [incomplete, setIncomplete] = React.useState<IncompleteItem[]>([]);
  const [chosen, setChosen] = React.useState<number | null>(null);
  const [standing, setStanding] = React.useState<RoundProgress | null>(null);
  const [cards, setCards] = React.useState<Map<string, RoundCardState>>(new Map());
  const [paperUrl, setPaperUrl] = React.useState<string | null>(null);
  const [choices, setChoices] = React.useState<{ reports: { id: number; title: string }[]; directorates: string[] }>({ reports: [], directorates: [] });
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [confirming, setConfirming] = React.useState(false);
  const [committee, setCommittee] = React.useState('');
  const [reportIds, setReportIds] = React.useState<number[]>([]);
  const [directorates, setDirectorates] = React.useState<string[]>([]);
  const [replyBy, setReplyBy] = React.useState<IsoDate>(addDays(today, 14));
  const [paperDate, setPaperDate] = React.useState<IsoDate>(addDays(today, 28));

  const failed = (e: unknown): void => setError(errorText(e, all));

  React.useEffect(() => {
    data.updateRounds(loadRoundSource).then(setSource, failed);
  }, [data]);

  const load = React.useCallback(
    async (select?: number) => {
      if (source === null) return;
      try {
        const [read, scope] = await Promise.all([source.list(), source.scopeChoices()]);
        setRounds(read.rounds);
        setIncomplete(read.incomplete);
        setChoices(scope);
        setChosen((current) => select ?? current ?? read.rounds[0]?.value.id ?? null);
      } catch (e) {
        failed(e);
      }
    },
    [source]
  );
  React.useEffect(() => void load(), [load]);

  const round = rounds.find((r) => r.value.id === chosen) ?? null;
  React.useEffect(() => {
    setStanding(null);
    setCards(new Map());
    setPaperUrl(null);
    setConfirming(false);
    if (source === null || round === null) return;
    let live = true;
    void source
      .standing(round)
      .then((s) => live && setStanding(s))
      .catch(failed);
    void source
      .cards(round)
      .then((c) => live && setCards(c))
      .catch(failed);
    const paperId = round.value.closure?.paperId;
    if (paperId) void source.paperUrl(paperId).then((u) => live && setPaperUrl(u)).catch(failed);
    return () => {
      live = false;
    };
  }, [source, round]);

  const open = async (): Promise<void> => {
    if (source === null) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const selection = { ...(reportIds.length === 0 ? {} : { reportIds }), ...(directorates.length === 0 ? {} : { directorates }) };
      const opened = await source.open({ committee, selection, replyBy, paperDate }, user.name);
      setNotice(strings.Opened);
      await load(opened.value.id);
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const close = async (): Promise<void> => {
    if (source === null || round === null) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const closed = await source.close(round, user.name);
      setConfirming(false);
      if (closed.problem !== null) setError(roundProblemText(closed.problem, all));
      else setNotice(strings.Closed);
      await load(closed.round.value.id);
    } catch (e) {
      if (e instanceof ConflictError) {
        setError(strings.Conflict);
        await load(round.value.id);
      } else failed(e);
    } finally {
      setBusy(false);
    }
  };

  const statusText = (r: RoundRecord): string => (r.value.status === 'Open' ? strings.StatusOpen : strings.StatusClosed);
  const roundName = (r: RoundRecord): string => format(strings.RoundName, r.value.committee, longDate(r.value.paperDate));
  const roundOptions: IDropdownOption[] = rounds.map((r) => ({ key: r.value.id, text: format(strings.RoundChoice, roundName(r), statusText(r)) }));
  const reportOptions = choices.reports.map((r) => ({ key: r.id, text: r.title }));
  const directorateOptions = choices.directorates.map((d) => ({ key: d, text: d }));
  const ownerName = (o: RoundProgress['owners'][number]): string => o.owner?.name ?? strings.NoOwner;
  const cardText = (card: RoundCardState | undefined): string => {
    if (card?.state === 'sent') return strings.CardSent;
    if (card?.state === 'failed') {
      const why = logFailureText(card, all);
      return why === null || why.trim() === '' ? strings.CardFailedNoReason : format(strings.CardFailed, why);
    }
    return card?.state === 'no-address' ? strings.CardNoAddress : strings.CardWaiting;
  };

  return (
    <Stack tokens={{ childrenGap: 16 }} data-round-page="">
      <Stack horizontal horizontalAlign="space-between" verticalAlign="center" wrap tokens={{ childrenGap: 8 }}>
        <Text as="h2" variant="xLarge">
          {strings.Heading}
        </Text>
        {props.onClose && <DefaultButton text={strings.Back} iconProps={{ iconName: 'Back' }} onClick={props.onClose} />}
      </Stack>
      {error !== null && (
        <MessageBar messageBarType={MessageBarType.error} onDismiss={() => setError(null)} dismissButtonAriaLabel={common.CloseMessage}>
          {error}
        </MessageBar>
      )}
      {notice !== null && (
        <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setNotice(null)} dismissButtonAriaLabel={common.CloseMessage}>
          {notice}
        </MessageBar>
      )}
      <NeedsCompleting items={incomplete} />
      {source === null && error === null && <Spinner label={strings.Loading} />}

      {source !== null && user.canEdit && (
        <section aria-labelledby="round-open-heading">
          <Stack tokens={{ childrenGap: 8 }}>
            <Text as="h3" variant="large" id="round-open-heading">
              {strings.OpenHeading}
            </Text>
            <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
              <TextField label={strings.Committee} required value={committee} onChange={(_e, v) => setCommittee(v ?? '')} styles={{ root: { minWidth: 260 } }} />
              <ScopePicker label={strings.Report} all={strings.AllReports} options={reportOptions} chosen={reportIds} onChange={setReportIds} />
              <ScopePicker label={strings.Directorate} all={strings.AllDirectorates} options={directorateOptions} chosen={directorates} onChange={setDirectorates} />
              <TextField label={strings.ReplyBy} type="date" required value={replyBy} onChange={(_e, v) => setReplyBy(v ?? '')} />
              <TextField label={strings.PaperDate} type="date" required value={paperDate} onChange={(_e, v) => setPaperDate(v ?? '')} />
              <PrimaryButton text={strings.OpenButton} disabled={busy || committee.trim() === '' || replyBy === '' || paperDate === ''} onClick={() => void open()} />
            </Stack>
          </Stack>
        </section>
      )}

      {source !== null && rounds.length === 0 && <Text>{strings.None}</Text>}
      {rounds.length > 0 && (
        <Dropdown label={strings.RoundLabel} options={roundOptions} selectedKey={chosen ?? undefined} onChange={(_e, o) => setChosen(typeof o?.key === 'number' ? o.key : null)} styles={{ root: { maxWidth: 560 } }} />
      )}

      {round !== null && (
        <section aria-label={roundName(round)}>
          <Stack tokens={{ childrenGap: 12 }}>
            <Text block>{format(strings.Summary, shortDate(round.value.replyBy), shortDate(round.value.paperDate), statusText(round))}</Text>
            {standing === null ? (
              <Spinner label={strings.Loading} />
            ) : (
              <>
                <Text block data-round-counts="">
                  {format(
                    strings.Counts,
                    plural(strings.CountsItems, standing.items, formatNumber(standing.answered)),
                    plural(strings.CountsOwners, standing.owners.length, formatNumber(standing.ownersAnswered)),
                    plural(strings.CountsMoreTime, standing.moreTime)
                  )}
                </Text>
                <table className={styles.table} data-round-owners="">
                  <caption className={styles.caption}>{strings.OwnersCaption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{strings.Owner}</th>
                      <th scope="col">{strings.Items}</th>
                      <th scope="col">{strings.Answered}</th>
                      <th scope="col">{strings.NotAnswered}</th>
                      <th scope="col">{strings.MoreTime}</th>
                      <th scope="col">{strings.Card}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {standing.owners.map((o) => (
                      <tr key={o.key}>
                        <th scope="row">{ownerName(o)}</th>
                        <td>{formatNumber(o.items.length)}</td>
                        <td>{formatNumber(o.answered)}</td>
                        <td>{formatNumber(o.items.length - o.answered)}</td>
                        <td>{formatNumber(o.moreTime)}</td>
                        <td>{cardText(cards.get(o.key))}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <table className={styles.table} data-round-items="">
                  <caption className={styles.caption}>{strings.ItemsCaption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{strings.Owner}</th>
                      <th scope="col">{strings.Item}</th>
                      <th scope="col">{strings.Answer}</th>
                      <th scope="col">{strings.MoreTime}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {standing.owners.flatMap((o) =>
                      o.items.map((i) => (
                        <tr key={i.item.itemId}>
                          <td>{ownerName(o)}</td>
                          <th scope="row">{i.item.ref}</th>
                          <td>{i.answer === null ? strings.NotYet : format(strings.AnsweredBy, i.answer.author, shortDate(londonDate(i.answer.at)), i.answer.text)}</td>
                          <td>{i.moreTimeAsked === null ? '' : format(strings.MoreTimeAsked, shortDate(i.moreTimeAsked.proposed), i.moreTimeAsked.reason)}</td>
                        </tr>
                      ))
                    )}
                  </tbody>
                </table>
              </>
            )}
            {paperUrl !== null && (
              <Link href={paperUrl} target="_blank">
                {strings.PaperLink}
              </Link>
            )}
            {user.canEdit && round.value.status === 'Open' && !confirming && <PrimaryButton text={strings.CloseButton} disabled={busy} onClick={() => setConfirming(true)} styles={{ root: { alignSelf: 'flex-start' } }} />}
            {user.canEdit && round.value.status === 'Closed' && !round.value.closure?.paperId && <PrimaryButton text={strings.IssueButton} disabled={busy} onClick={() => void close()} styles={{ root: { alignSelf: 'flex-start' } }} />}
            {confirming && (
              <MessageBar
                messageBarType={MessageBarType.warning}
                actions={
                  <div>
                    <PrimaryButton text={strings.CloseConfirmButton} disabled={busy} onClick={() => void close()} />
                    <DefaultButton text={strings.Cancel} onClick={() => setConfirming(false)} />
                  </div>
                }
              >
                {format(strings.CloseConfirm, shortDate(round.value.paperDate))}
              </MessageBar>
            )}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
