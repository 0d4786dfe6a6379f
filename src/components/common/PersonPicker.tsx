/**
 * A people picker over the site's users, as SharePoint's own person fields offer: typing part of a
 * name or an e-mail address lists the site users that match; a full address that no site user has
 * is looked up in the directory and added to the site (ensureUser). The person chosen keeps their
 * site user id and e-mail, so reminders reach them and My Actions finds their items. A name kept as
 * the source wrote it (an import that matched nobody) is shown as such until someone picks a person.
 *
 * Built on Fluent's ComboBox rather than its NormalPeoplePicker, whose suggestion list puts a live
 * region inside the listbox (an axe-core "aria-required-children" violation under WCAG 2.2 AA).
 */
import * as React from 'react';
import { ComboBox } from '@fluentui/react/lib/ComboBox';
import type { IComboBox, IComboBoxOption } from '@fluentui/react/lib/ComboBox';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import type { Person } from '../../core/model';
import type { PeopleDirectory } from '../../data/TrackerDataSource';
import { format } from './intl';
import { useStrings } from './strings';
import type { TrackerStrings } from './strings';
import { errorText } from './errorText';

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SEARCH_DELAY_MS = 200;

interface Choice {
  person?: Person;
  /** An address to look up in the directory when chosen. */
  lookup?: string;
}

function describe(person: Person | undefined, strings: TrackerStrings['Pickers']): string {
  if (person === undefined) return strings.Nobody;
  return person.email !== undefined && person.email !== '' ? person.email : strings.AsWritten;
}

export interface PersonPickerProps {
  label: string;
  value: Person | undefined;
  people: PeopleDirectory;
  onChange: (person: Person | undefined) => void;
}

export function PersonPicker(props: PersonPickerProps): JSX.Element {
  const { people, onChange, value } = props;
  const all = useStrings();
  const strings = all.Pickers;
  const combo = React.useRef<IComboBox>(null);
  const [text, setText] = React.useState<string | undefined>(undefined);
  const [options, setOptions] = React.useState<IComboBoxOption[]>([]);
  const [error, setError] = React.useState<string | null>(null);
  const latest = React.useRef(0);

  const search = React.useCallback(
    (typed: string): void => {
      const query = ++latest.current;
      const needle = typed.trim();
      if (needle === '') {
        setOptions([]);
        return;
      }
      window.setTimeout(() => {
        if (query !== latest.current) return;
        people
          .searchPeople(needle)
          .then((found) => {
            if (query !== latest.current) return;
            const known = found.some((p) => p.email?.toLowerCase() === needle.toLowerCase());
            const next: IComboBoxOption[] = found.map((p) => ({ key: `u${p.userId ?? p.name}`, text: format(strings.Suggestion, p.name, p.email ?? ''), data: { person: p } as Choice }));
            if (ADDRESS.test(needle) && !known) next.push({ key: `lookup:${needle}`, text: format(strings.Lookup, needle), data: { lookup: needle } as Choice });
            if (next.length === 0) next.push({ key: 'none', text: strings.NoMatch, disabled: true });
            setOptions(next);
            combo.current?.focus(true);
          })
          .catch((e: unknown) => setError(errorText(e, all)));
      }, SEARCH_DELAY_MS);
    },
    [people]
  );

  const choose = async (choice: Choice): Promise<void> => {
    setText(undefined);
    setOptions([]);
    if (choice.person !== undefined) return onChange(choice.person);
    if (choice.lookup === undefined) return;
    try {
      onChange(await people.ensurePerson(choice.lookup));
    } catch (e) {
      setError(errorText(e, all));
    }
  };

  /** Text typed and left without choosing: cleared means nobody; otherwise only an exact match is taken. */
  const settle = (typed: string): void => {
    const needle = typed.trim().toLowerCase();
    setText(undefined);
    if (needle === '') return onChange(undefined);
    if (needle === value?.name.toLowerCase()) return;
    const exact = options.map((o) => o.data as Choice | undefined).find((c) => c?.person !== undefined && (c.person.name.toLowerCase() === needle || c.person.email?.toLowerCase() === needle));
    if (exact !== undefined) return void choose(exact);
    if (ADDRESS.test(needle)) return void choose({ lookup: typed.trim() });
    setError(format(strings.NotASiteUser, typed.trim()));
  };

  return (
    <Stack styles={{ root: { flex: '1 1 0', minWidth: 0 } }}>
      <ComboBox
        componentRef={combo}
        label={props.label}
        allowFreeform
        autoComplete="off"
        text={text ?? value?.name ?? ''}
        selectedKey={null}
        options={options}
        errorMessage={error ?? undefined}
        onInputValueChange={(typed) => {
          setError(null);
          setText(typed);
          search(typed);
        }}
        onChange={(_e, option, _i, typed) => {
          setError(null);
          if (option !== undefined) void choose(option.data as Choice);
          else if (typed !== undefined) settle(typed);
        }}
      />
      <Text variant="small" data-testid={`person-${props.label.toLowerCase()}`}>
        {describe(value, strings)}
      </Text>
    </Stack>
  );
}
