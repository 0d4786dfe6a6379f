/**
 * Stored values shown by name (components/common/values.ts): every locale file names every value
 * of every set core defines, and no other; en-GB names them as the lists store them (so the English
 * screens read as before); a select's option keeps the stored value while showing the name; and a
 * group that misses a value does not type-check.
 */
import { readdirSync } from 'node:fs';
import type { TrackerStrings } from '../../src/components/common/strings';
import { VALUE_SETS, displayText, displayValue, valueOptions } from '../../src/components/common/values';
import type { ValueNames, ValueSet } from '../../src/components/common/values';
import { LOC_FOLDERS, locFile, locFolder, readLocStrings } from '../../src/workbench/loc';

const SETS = Object.keys(VALUE_SETS) as ValueSet[];
const LOCALES = readdirSync(locFolder(LOC_FOLDERS.shared))
  .filter((f) => f.endsWith('.js'))
  .map((f) => f.replace(/\.js$/, ''));

let english: ValueNames;
beforeAll(async () => {
  english = (await readLocStrings<TrackerStrings>(locFile(LOC_FOLDERS.shared))).Values;
});

test.each(LOCALES)('%s names every stored value of every set, and nothing else', async (locale) => {
  const names = (await readLocStrings<TrackerStrings>(locFile(LOC_FOLDERS.shared, locale))).Values as unknown as Record<string, Record<string, unknown>>;
  expect(Object.keys(names).sort()).toEqual([...SETS].sort());
  for (const set of SETS) {
    expect({ set, names: Object.keys(names[set]).sort() }).toEqual({ set, names: [...VALUE_SETS[set]].sort() });
    for (const value of VALUE_SETS[set]) expect(typeof names[set][value] === 'string' && (names[set][value] as string).trim() !== '').toBe(true);
  }
});

test('en-GB shows each value as the lists store it', () => {
  for (const set of SETS) for (const value of VALUE_SETS[set]) expect(displayValue(english, set, value)).toBe(value);
});

test('an option keeps the stored value and shows the name; a set can be narrowed', () => {
  const welsh: ValueNames = { ...english, lifecycle: { ...english.lifecycle, 'Being progressed': 'Yn cael ei ddatblygu' } };
  expect(valueOptions(welsh, 'lifecycle', ['Awaiting review', 'Being progressed'])).toEqual([
    { key: 'Awaiting review', text: 'Awaiting review' },
    { key: 'Being progressed', text: 'Yn cael ei ddatblygu' }
  ]);
  expect(valueOptions(english, 'trafficLight').map((o) => o.key)).toEqual(['GREEN', 'AMBER', 'RED', 'WHITE']);
  expect(displayValue(welsh, 'lifecycle', 'Being progressed')).toBe('Yn cael ei ddatblygu');
});

test('a value held as text is named when its set holds it, and left as written otherwise', () => {
  const welsh: ValueNames = { ...english, trafficLight: { ...english.trafficLight, RED: 'COCH' }, closure: { ...english.closure, requested: 'gofynnwyd' } };
  expect(displayText(welsh, 'trafficLight', 'RED')).toBe('COCH');
  expect(displayText(welsh, 'closure', 'requested')).toBe('gofynnwyd');
  expect(displayText(welsh, 'trafficLight', 'PURPLE')).toBe('PURPLE');
  expect(displayText(welsh, 'directorate', 'Crime')).toBe('Crime');
  expect(displayText(welsh, 'trafficLight', 'toString')).toBe('toString');
});

test('names that miss a stored value are not names of the set (tsc)', () => {
  const missing = { Medium: english.confidence.Medium, Low: english.confidence.Low };
  // @ts-expect-error a confidence group without "High" does not name every stored value
  const incomplete: ValueNames = { ...english, confidence: missing };
  expect(Object.keys(incomplete.confidence)).toEqual(['Medium', 'Low']);
});
