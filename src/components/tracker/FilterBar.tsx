/**
 * The tracker's filters and free-text search. Filters a page author fixed in the property pane are
 * shown but locked: a user narrows an embedded view, never widens it.
 *
 * Each filter picks one value: the filters are native `<select>`s and the search a native search
 * field, drawn with the theme's input tokens as Fluent's Dropdown and SearchBox are. A native select
 * brings the browser's own keyboard handling (arrows, type-ahead, Alt+Down) and accessible combobox;
 * seven Fluent Dropdowns brought Callout, Panel, FocusTrapZone and Fluent's buttons (with
 * ContextualMenu) into the tracker's first download.
 */
import * as React from 'react';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { Icon } from '@fluentui/react/lib/Icon';
import { Stack } from '@fluentui/react/lib/Stack';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import type { Theme } from '@fluentui/react/lib/Theme';
import { getId } from '@fluentui/react/lib/Utilities';
import type { Lifecycle, RecommendationKind, TrafficLight } from '../../core/model';
import type { RowFilters } from './rows';
import { plural } from '../common/intl';
import { PlainButton } from '../common/PlainButton';
import { useStrings } from '../common/strings';
import { valueOptions } from '../common/values';

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

interface Option {
  key: string;
  text: string;
}

const ANY = '';
const anyOption = (text: string): Option => ({ key: ANY, text });
const DUE_WITHIN = [7, 14, 30, 60, 90];

function fieldStyles(theme: Theme): Record<'field' | 'label' | 'select' | 'searchWrap' | 'searchIcon' | 'search', string> {
  const s = theme.semanticColors;
  const input = {
    ...theme.fonts.medium,
    boxSizing: 'border-box' as const,
    height: 32,
    width: '100%',
    margin: 0,
    border: `1px solid ${s.inputBorder}`,
    borderRadius: theme.effects.roundedCorner2,
    backgroundColor: s.inputBackground,
    color: s.inputText,
    colorScheme: theme.isInverted ? 'dark' : 'light',
    selectors: {
      ':hover:enabled': { borderColor: s.inputBorderHovered },
      ':focus': { outline: 'none', borderColor: s.inputFocusBorderAlt, boxShadow: `inset 0 0 0 1px ${s.inputFocusBorderAlt}` },
      ':disabled': { backgroundColor: s.disabledBackground, borderColor: s.disabledBackground, color: s.disabledText, cursor: 'default' }
    }
  };
  return mergeStyleSets({
    field: { display: 'flex', flexDirection: 'column' },
    label: { ...theme.fonts.medium, fontWeight: 600, color: s.bodyText, padding: '5px 0', display: 'block' },
    select: [input, { padding: '0 8px', cursor: 'pointer', selectors: { '& option': { backgroundColor: s.inputBackground, color: s.inputText } } }],
    searchWrap: { position: 'relative', minWidth: 260 },
    searchIcon: { position: 'absolute', left: 8, top: 8, fontSize: 14, color: theme.palette.themePrimary, pointerEvents: 'none' },
    search: [input, { padding: '0 8px 0 30px', selectors: { '::placeholder': { color: s.inputPlaceholderText } } }]
  });
}

const WIDE = { minWidth: 160, maxWidth: 260 };
const NARROW = { minWidth: 120 };

function FilterSelect(props: { label: string; value: string; options: Option[]; disabled?: boolean; width?: { minWidth: number; maxWidth?: number }; onChange: (key: string) => void; classes: ReturnType<typeof fieldStyles> }): JSX.Element {
  const [id] = React.useState(() => getId('filter'));
  const { classes } = props;
  return (
    <div className={classes.field} style={props.width ?? WIDE}>
      <label htmlFor={id} className={classes.label}>
        {props.label}
      </label>
      <select id={id} className={classes.select} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}


export function FilterBar(props: FilterBarProps): JSX.Element {
  const { filters: f, onChange, locked } = props;
  const set = (patch: Partial<RowFilters>): void => onChange({ ...f, ...patch });
  const { FilterBar: strings, Values: names } = useStrings();
  const theme = useTheme();
  const classes = React.useMemo(() => fieldStyles(theme), [theme]);
  return (
    <Stack tokens={{ childrenGap: 8 }} role="search" aria-label={strings.Label}>
      <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
        <div className={classes.searchWrap}>
          <Icon iconName="Search" aria-hidden="true" className={classes.searchIcon} />
          <input
            type="search"
            className={classes.search}
            placeholder={strings.SearchPlaceholder}
            aria-label={strings.SearchLabel}
            value={f.search}
            onChange={(e) => set({ search: e.target.value })}
            onKeyDown={(e) => e.key === 'Escape' && set({ search: '' })}
          />
        </div>
        <FilterSelect
          label={strings.Report}
          classes={classes}
          disabled={locked.reportId}
          value={f.reportId}
          options={[anyOption(strings.AllReports), ...props.reports.map((r) => ({ key: String(r.id), text: r.title }))]}
          onChange={(key) => set({ reportId: key })}
        />
        <FilterSelect
          label={strings.Kind}
          classes={classes}
          disabled={locked.kind}
          value={f.kind}
          options={[anyOption(strings.AllKinds), ...valueOptions(names, 'kind')]}
          onChange={(key) => set({ kind: key as RecommendationKind | '' })}
        />
        <FilterSelect
          label={strings.Status}
          classes={classes}
          value={f.lifecycle}
          options={[anyOption(strings.AllStatuses), ...valueOptions(names, 'lifecycle')]}
          onChange={(key) => set({ lifecycle: key as Lifecycle | '' })}
        />
        <FilterSelect
          label={strings.TrafficLight}
          classes={classes}
          disabled={locked.trafficLight}
          value={f.trafficLight}
          options={[anyOption(strings.AllColours), ...valueOptions(names, 'trafficLight')]}
          onChange={(key) => set({ trafficLight: key as TrafficLight | '' })}
        />
        <FilterSelect
          label={strings.Owner}
          classes={classes}
          value={f.owner}
          options={[anyOption(strings.AllOwners), ...props.owners.map((o) => ({ key: o, text: o }))]}
          onChange={(key) => set({ owner: key })}
        />
        <FilterSelect
          label={strings.Directorate}
          classes={classes}
          disabled={locked.directorate}
          value={f.directorate}
          options={[anyOption(strings.AllDirectorates), ...props.directorates.map((d) => ({ key: d, text: d }))]}
          onChange={(key) => set({ directorate: key })}
        />
        <FilterSelect
          label={strings.DueWithin}
          classes={classes}
          width={NARROW}
          value={f.dueWithinDays === null ? ANY : String(f.dueWithinDays)}
          options={[anyOption(strings.AnyTime), ...DUE_WITHIN.map((d) => ({ key: String(d), text: plural(strings.Days, d) }))]}
          onChange={(key) => set({ dueWithinDays: key === ANY ? null : Number(key) })}
        />
      </Stack>
      <Stack horizontal wrap tokens={{ childrenGap: 16 }} verticalAlign="center">
        <Checkbox label={strings.Overdue} checked={f.overdue} onChange={(_, c) => set({ overdue: c === true })} />
        <Checkbox label={strings.UpdateOverdue} checked={f.updateOverdue} onChange={(_, c) => set({ updateOverdue: c === true })} />
        <Checkbox label={strings.OpenOnly} disabled={locked.openOnly} checked={f.openOnly} onChange={(_, c) => set({ openOnly: c === true })} />
        <PlainButton text={strings.Clear} onClick={props.onClear} />
      </Stack>
    </Stack>
  );
}
