/**
 * The workbench's property pane: the same host-neutral description the SPFx web parts turn into
 * `PropertyPane*` fields, drawn with Fluent UI in a side panel, applying each change at once (as
 * SharePoint's reactive pane does).
 */
import * as React from 'react';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import { Slider } from '@fluentui/react/lib/Slider';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { TextField } from '@fluentui/react/lib/TextField';
import { Toggle } from '@fluentui/react/lib/Toggle';
import { getSetting, setSetting } from '../../components/settings/settings';
import type { SettingField, SettingGroup } from '../../components/settings/settings';

export interface PropertyPaneProps<T extends object> {
  title: string;
  description: string;
  groups: SettingGroup[];
  values: T;
  onChange: (values: T) => void;
  onDismiss: () => void;
}

/**
 * A text field that, like SPFx's `onGetErrorMessage`, shows why a value may not be saved and saves
 * only values it accepts: what is typed stays in the field, the last good value in the settings.
 */
function TextSetting(props: { field: Extract<SettingField, { kind: 'text' }>; value: string; onChange: (value: string) => void }): JSX.Element {
  const { field } = props;
  const [typed, setTyped] = React.useState(props.value);
  const problem = field.problem?.(typed) ?? '';
  return (
    <TextField
      label={field.label}
      description={field.description}
      value={typed}
      errorMessage={problem === '' ? undefined : problem}
      onChange={(_, v) => {
        const next = v ?? '';
        setTyped(next);
        if ((field.problem?.(next) ?? '') === '') props.onChange(next);
      }}
    />
  );
}

export function PropertyPane<T extends object>(props: PropertyPaneProps<T>): JSX.Element {
  const set = (key: string, value: unknown): void => props.onChange(setSetting(props.values, key, value));
  const field = (f: SettingField): JSX.Element => {
    const value = getSetting(props.values, f.key);
    switch (f.kind) {
      case 'text':
        return <TextSetting key={f.key} field={f} value={typeof value === 'string' ? value : ''} onChange={(v) => set(f.key, v)} />;
      case 'toggle':
        return <Toggle key={f.key} label={f.label} checked={value === true} onChange={(_, c) => set(f.key, c === true)} />;
      case 'checkbox':
        return <Checkbox key={f.key} label={f.label} checked={value === true} onChange={(_, c) => set(f.key, c === true)} />;
      case 'dropdown':
        return <Dropdown key={f.key} label={f.label} selectedKey={typeof value === 'string' ? value : ''} options={f.options} onChange={(_, o) => o !== undefined && set(f.key, String(o.key))} />;
      case 'slider':
        return <Slider key={f.key} label={f.label} min={f.min} max={f.max} step={f.step} showValue value={typeof value === 'number' ? value : f.min} onChange={(v) => set(f.key, v)} />;
    }
  };
  return (
    <Panel isOpen isBlocking={false} type={PanelType.smallFixedFar} headerText={props.title} closeButtonAriaLabel="Close the property pane" onDismiss={props.onDismiss}>
      <Stack tokens={{ childrenGap: 16 }} data-testid="property-pane">
        <Text>{props.description}</Text>
        {props.groups.map((g) => (
          <Stack key={g.name} tokens={{ childrenGap: 8 }} role="group" aria-label={g.name}>
            <Text variant="mediumPlus" as="h3">
              {g.name}
            </Text>
            {g.fields.map(field)}
          </Stack>
        ))}
      </Stack>
    </Panel>
  );
}
