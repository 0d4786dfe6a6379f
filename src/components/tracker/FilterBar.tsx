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
  return (
    <Stack tokens={{ childrenGap: 8 }} role="search" aria-label="Filter recommendations">
      <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
        <SearchBox
          placeholder="Search reference, text, owner, comment"
          ariaLabel="Search recommendations"
          value={f.search}
          onChange={(_, v) => set({ search: v ?? '' })}
          styles={{ root: { minWidth: 260 } }}
        />
        <Dropdown
          label="Report"
          styles={dropdownStyles}
          disabled={locked.reportId}
          selectedKey={f.reportId}
          options={[anyOption('All reports'), ...props.reports.map((r) => ({ key: String(r.id), text: r.title }))]}
          onChange={(_, o) => o !== undefined && set({ reportId: String(o.key) })}
        />
        <Dropdown
          label="Kind"
          styles={dropdownStyles}
          disabled={locked.kind}
          selectedKey={f.kind}
          options={[anyOption('All kinds'), ...RECOMMENDATION_KINDS.map((k) => ({ key: k, text: k }))]}
          onChange={(_, o) => o !== undefined && set({ kind: o.key as RecommendationKind | '' })}
        />
        <Dropdown
          label="Status"
          styles={dropdownStyles}
          selectedKey={f.lifecycle}
          options={[anyOption('All statuses'), ...LIFECYCLES.map((l) => ({ key: l, text: l }))]}
          onChange={(_, o) => o !== undefined && set({ lifecycle: o.key as Lifecycle | '' })}
        />
        <Dropdown
          label="Traffic light"
          styles={dropdownStyles}
          disabled={locked.trafficLight}
          selectedKey={f.trafficLight}
          options={[anyOption('All colours'), ...TRAFFIC_LIGHTS.map((t) => ({ key: t, text: t }))]}
          onChange={(_, o) => o !== undefined && set({ trafficLight: o.key as TrafficLight | '' })}
        />
        <Dropdown
          label="Owner"
          styles={dropdownStyles}
          selectedKey={f.owner}
          options={[anyOption('All owners'), ...props.owners.map((o) => ({ key: o, text: o }))]}
          onChange={(_, o) => o !== undefined && set({ owner: String(o.key) })}
        />
        <Dropdown
          label="Directorate"
          styles={dropdownStyles}
          disabled={locked.directorate}
          selectedKey={f.directorate}
          options={[anyOption('All directorates'), ...props.directorates.map((d) => ({ key: d, text: d }))]}
          onChange={(_, o) => o !== undefined && set({ directorate: String(o.key) })}
        />
        <Dropdown
          label="Due within"
          styles={{ root: { minWidth: 120 } }}
          selectedKey={f.dueWithinDays === null ? ANY : String(f.dueWithinDays)}
          options={[anyOption('Any time'), ...DUE_WITHIN.map((d) => ({ key: String(d), text: `${d} days` }))]}
          onChange={(_, o) => o !== undefined && set({ dueWithinDays: o.key === ANY ? null : Number(o.key) })}
        />
      </Stack>
      <Stack horizontal wrap tokens={{ childrenGap: 16 }} verticalAlign="center">
        <Checkbox label="Overdue" checked={f.overdue} onChange={(_, c) => set({ overdue: c === true })} />
        <Checkbox label="Update overdue" checked={f.updateOverdue} onChange={(_, c) => set({ updateOverdue: c === true })} />
        <Checkbox label="Open only" disabled={locked.openOnly} checked={f.openOnly} onChange={(_, c) => set({ openOnly: c === true })} />
        <DefaultButton text="Clear filters" onClick={props.onClear} />
      </Stack>
    </Stack>
  );
}
