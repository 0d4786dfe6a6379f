/**
 * The tracker's filters and free-text search. Filters a page author fixed in the property pane are
 * shown but locked: a user narrows an embedded view, never widens it.
 */
import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import type { IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { SearchBox } from '@fluentui/react/lib/SearchBox';
import { Stack } from '@fluentui/react/lib/Stack';
import { LIFECYCLES, RECOMMENDATION_KINDS, TRAFFIC_LIGHTS } from '../../core/model';
import type { Lifecycle, RecommendationKind, TrafficLight } from '../../core/model';
import type { RowFilters } from './rows';
import { plural } from '../common/intl';
import { useStrings } from '../common/strings';

export interface FilterBarProps {
  filters: RowFilters;
  onChange: (filters: RowFilters) => void;
  onClear: () => void;
  reports: { id: number; title: string }[];
  owners: string[];
  directorates: string[];
  /** Filters fixed by the page author. */
  locked: Partial<Record<keyof RowFilters, boolean>>;
}

const ANY = '';
const anyOption = (text: string): IDropdownOption => ({ key: ANY, text });
const DUE_WITHIN = [7, 14, 30, 60, 90];
const dropdownStyles = { root: { minWidth: 160, maxWidth: 260 } };

export function FilterBar(props: FilterBarProps): JSX.Element {
  const { filters: f, onChange, locked } = props;
  const set = (patch: Partial<RowFilters>): void => onChange({ ...f, ...patch });
  const strings = useStrings().FilterBar;
  return (
    <Stack tokens={{ childrenGap: 8 }} role="search" aria-label={strings.Label}>
      <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
        <SearchBox
          placeholder={strings.SearchPlaceholder}
          ariaLabel={strings.SearchLabel}
          value={f.search}
          onChange={(_, v) => set({ search: v ?? '' })}
          styles={{ root: { minWidth: 260 } }}
        />
        <Dropdown
          label={strings.Report}
          styles={dropdownStyles}
          disabled={locked.reportId}
          selectedKey={f.reportId}
          options={[anyOption(strings.AllReports), ...props.reports.map((r) => ({ key: String(r.id), text: r.title }))]}
          onChange={(_, o) => o !== undefined && set({ reportId: String(o.key) })}
        />
        <Dropdown
          label={strings.Kind}
          styles={dropdownStyles}
          disabled={locked.kind}
          selectedKey={f.kind}
          options={[anyOption(strings.AllKinds), ...RECOMMENDATION_KINDS.map((k) => ({ key: k, text: k }))]}
          onChange={(_, o) => o !== undefined && set({ kind: o.key as RecommendationKind | '' })}
        />
        <Dropdown
          label={strings.Status}
          styles={dropdownStyles}
          selectedKey={f.lifecycle}
          options={[anyOption(strings.AllStatuses), ...LIFECYCLES.map((l) => ({ key: l, text: l }))]}
          onChange={(_, o) => o !== undefined && set({ lifecycle: o.key as Lifecycle | '' })}
        />
        <Dropdown
          label={strings.TrafficLight}
          styles={dropdownStyles}
          disabled={locked.trafficLight}
          selectedKey={f.trafficLight}
          options={[anyOption(strings.AllColours), ...TRAFFIC_LIGHTS.map((t) => ({ key: t, text: t }))]}
          onChange={(_, o) => o !== undefined && set({ trafficLight: o.key as TrafficLight | '' })}
        />
        <Dropdown
          label={strings.Owner}
          styles={dropdownStyles}
          selectedKey={f.owner}
          options={[anyOption(strings.AllOwners), ...props.owners.map((o) => ({ key: o, text: o }))]}
          onChange={(_, o) => o !== undefined && set({ owner: String(o.key) })}
        />
        <Dropdown
          label={strings.Directorate}
          styles={dropdownStyles}
          disabled={locked.directorate}
          selectedKey={f.directorate}
          options={[anyOption(strings.AllDirectorates), ...props.directorates.map((d) => ({ key: d, text: d }))]}
          onChange={(_, o) => o !== undefined && set({ directorate: String(o.key) })}
        />
        <Dropdown
          label={strings.DueWithin}
          styles={{ root: { minWidth: 120 } }}
          selectedKey={f.dueWithinDays === null ? ANY : String(f.dueWithinDays)}
          options={[anyOption(strings.AnyTime), ...DUE_WITHIN.map((d) => ({ key: String(d), text: plural(strings.Days, d) }))]}
          onChange={(_, o) => o !== undefined && set({ dueWithinDays: o.key === ANY ? null : Number(o.key) })}
        />
      </Stack>
      <Stack horizontal wrap tokens={{ childrenGap: 16 }} verticalAlign="center">
        <Checkbox label={strings.Overdue} checked={f.overdue} onChange={(_, c) => set({ overdue: c === true })} />
        <Checkbox label={strings.UpdateOverdue} checked={f.updateOverdue} onChange={(_, c) => set({ updateOverdue: c === true })} />
        <Checkbox label={strings.OpenOnly} disabled={locked.openOnly} checked={f.openOnly} onChange={(_, c) => set({ openOnly: c === true })} />
        <DefaultButton text={strings.Clear} onClick={props.onClear} />
      </Stack>
    </Stack>
  );
}
