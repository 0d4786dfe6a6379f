/**
 * The tracker's site settings, for site owners: which due date makes an open item RED. The choice
 * is the site's (Tracker Settings), so the grid, dashboard, My Actions, reminders, the stored
 * colour column and the committee paper all measure RED the same way.
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import type { IChoiceGroupOption } from '@fluentui/react/lib/ChoiceGroup';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import type { RagPolicy } from '../../core/status';
import { SaveConflictError } from '../../data/TrackerDataSource';
import type { TrackerDataSource } from '../../data/TrackerDataSource';
import { format } from '../common/intl';
import { ragPolicyText } from '../common/messages';
import { useStrings } from '../common/strings';
import { errorText } from '../common/errorText';

export interface TrackerSettingsPanelProps {
  data: TrackerDataSource;
  policy: RagPolicy;
  /** Told of the policy once saved, with how many stored colours it moved. */
  onSaved: (policy: RagPolicy, changed: number) => void;
  /** Told of the policy another site owner saved while the panel was open. */
  onChangedElsewhere: (policy: RagPolicy) => void;
  onDismiss: () => void;
}

export function TrackerSettingsPanel(props: TrackerSettingsPanelProps): JSX.Element {
  const all = useStrings();
  const { Common: common, TrackerSettings: strings } = all;
  const options: IChoiceGroupOption[] = [
    { key: 'original', text: strings.Original, ariaLabel: strings.OriginalDescription },
    { key: 'current', text: strings.Current, ariaLabel: strings.CurrentDescription }
  ];
  const [choice, setChoice] = React.useState<RagPolicy['overdueAgainst']>(props.policy.overdueAgainst);
  // The policy the person was shown: the save is refused if the site holds another by then.
  const [seen, setSeen] = React.useState<RagPolicy>(props.policy);
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [conflict, setConflict] = React.useState<RagPolicy | null>(null);

  const save = async (): Promise<void> => {
    setSaving(true);
    setError(null);
    setConflict(null);
    try {
      const next: RagPolicy = { overdueAgainst: choice };
      const { changed } = await props.data.saveRagPolicy(seen, next);
      props.onSaved(next, changed);
    } catch (e) {
      if (e instanceof SaveConflictError) {
        const theirs = (e as SaveConflictError<RagPolicy>).conflict.theirs.value;
        setSeen(theirs);
        setConflict(theirs);
        props.onChangedElsewhere(theirs);
      } else {
        setError(errorText(e, all));
      }
      setSaving(false);
    }
  };
  const label = (p: RagPolicy): string => options.find((o) => o.key === p.overdueAgainst)?.text.toLowerCase() ?? p.overdueAgainst;

  return (
    <Panel
      isOpen
      type={PanelType.medium}
      headerText={strings.Title}
      closeButtonAriaLabel={common.Close}
      onDismiss={props.onDismiss}
      onRenderFooterContent={() => (
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={saving ? common.Saving : common.Save} disabled={saving || choice === seen.overdueAgainst} onClick={() => void save()} />
          <DefaultButton text={common.Cancel} onClick={props.onDismiss} />
        </Stack>
      )}
      isFooterAtBottom
    >
      <Stack tokens={{ childrenGap: 12 }} data-testid="tracker-settings">
        <ChoiceGroup
          label={strings.MeasureAgainst}
          selectedKey={choice}
          options={options}
          onChange={(_e, option) => option && setChoice(option.key as RagPolicy['overdueAgainst'])}
        />
        <Text>{ragPolicyText({ overdueAgainst: choice }, all)}</Text>
        <Text variant="small">{strings.Applies}</Text>
        {conflict !== null && (
          <MessageBar messageBarType={MessageBarType.warning} data-testid="settings-conflict">
            {format(strings.ChangedElsewhere, label(conflict))}
          </MessageBar>
        )}
        {error !== null && <MessageBar messageBarType={MessageBarType.error}>{error}</MessageBar>}
      </Stack>
    </Panel>
  );
}
