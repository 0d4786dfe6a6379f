/**
 * en-GB wording through `Intl` (components/common/intl.ts): lists as the locale writes them, a
 * loc separator where its list forms do not fit, and plural-aware counts with en-GB numbers.
 */
import { format, formatNumber, listText, longDate, plural } from '../../src/components/common/intl';
import type { TrackerStrings } from '../../src/components/common/strings';
import { locFile, readLocStrings } from '../../src/workbench/loc';

let strings: TrackerStrings;
beforeAll(async () => {
  strings = await readLocStrings<TrackerStrings>(locFile('shared'));
});

test('a list reads as the code used to join it, with the locale’s list form or a loc separator', () => {
  expect(listText(['Owner', 'SRO', 'Board'])).toBe('Owner, SRO, Board');
  expect(listText(['Owner'])).toBe('Owner');
  expect(listText(['a, b', 'c'], strings.Common.ListSeparator)).toBe('a, b; c');
});

test('the round’s counts follow each number’s plural, numbers as en-GB writes them', () => {
  const words = strings.UpdateRound;
  const counts = (answered: number, items: number, ownersAnswered: number, owners: number, moreTime: number): string =>
    format(words.Counts, plural(words.CountsItems, items, formatNumber(answered)), plural(words.CountsOwners, owners, formatNumber(ownersAnswered)), plural(words.CountsMoreTime, moreTime));
  expect(counts(2, 1234, 1, 7, 0)).toBe('2 of 1,234 items answered; 1 of 7 owners have answered for all their items; 0 asked for more time.');
  expect(counts(1, 1, 0, 1, 1)).toBe('1 of 1 item answered; 0 of 1 owner has answered for all their items; 1 asked for more time.');
  expect(format(words.RoundChoice, format(words.RoundName, 'Police Performance Committee', longDate('2017-11-23')), words.StatusOpen)).toBe('Update round: Police Performance Committee, 23 November 2017 (open)');
});
