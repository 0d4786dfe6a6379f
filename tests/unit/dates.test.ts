import { addDays, addMonths, assertIsoDate, daysBetween, formatUkDate, londonDate, londonWallClock, monthName, MONTH_NAMES, parseIsoDate } from '../../src/core/dates';

describe('London calendar arithmetic', () => {
  it('takes the London date, not the UTC date, across midnight in British Summer Time', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST, UTC+1).
    expect(londonDate('2017-06-30T23:30:00Z')).toBe('2017-07-01');
    // In winter London is on UTC.
    expect(londonDate('2017-11-14T23:30:00Z')).toBe('2017-11-14');
    expect(londonWallClock('2017-11-14T08:05:00Z')).toEqual({ date: '2017-11-14', hour: 8, minute: 5, weekday: 2 });
  });

  it('adds days and months the way a calendar does', () => {
    expect(addDays('2017-11-14', 56)).toBe('2018-01-09');
    expect(addMonths('2015-01-31', 1)).toBe('2015-02-28');
    expect(addMonths('2016-01-31', 1)).toBe('2016-02-29');
    expect(addMonths('2013-11-30', 6)).toBe('2014-05-30');
    expect(daysBetween('2018-03-31', '2018-04-30')).toBe(30);
  });

  it('refuses dates that do not exist', () => {
    expect(() => parseIsoDate('2018-02-31')).toThrow("No such date: '2018-02-31'");
    expect(() => parseIsoDate('31/03/2018')).toThrow(new RangeError("Not an ISO date (YYYY-MM-DD): '31/03/2018'"));
    // The value is quoted as given, whatever characters it holds.
    expect(() => parseIsoDate("$&-$'")).toThrow(new RangeError("Not an ISO date (YYYY-MM-DD): '$&-$''"));
    expect(() => londonDate('not a date')).toThrow(RangeError);
  });

  it('answers the same for a date read before, and past the dates it remembers', () => {
    // Every day from 1 January 1970 for 70 years: more dates than the memo keeps, each read twice.
    for (let round = 0; round < 2; round += 1) {
      let day = '1970-01-01';
      const wrong: string[] = [];
      for (let n = 0; n < 25567; n += 1) {
        if (daysBetween('1970-01-01', day) !== n) wrong.push(day);
        day = addDays(day, 1);
      }
      expect([day, wrong]).toEqual(['2040-01-01', []]);
    }
    // A bad date is refused each time it is asked, never remembered as a good one.
    for (let round = 0; round < 2; round += 1) {
      expect(() => daysBetween('2018-02-31', '2018-03-01')).toThrow("No such date: '2018-02-31'");
      expect(() => assertIsoDate('2018-02-31')).toThrow("No such date: '2018-02-31'");
      expect(() => londonDate('not an instant')).toThrow(RangeError);
    }
    expect(londonDate('2017-06-30T23:30:00Z')).toBe('2017-07-01');
    expect(londonDate('2017-06-30T23:30:00Z')).toBe('2017-07-01');
  });

  it('formats dates as a UK reader expects', () => {
    expect(formatUkDate('2017-11-14')).toBe('14 November 2017');
  });
});

describe('month names (the one table)', () => {
  it('names each month in full', () => {
    expect(MONTH_NAMES).toHaveLength(12);
    expect(monthName(1)).toBe('January');
    expect(monthName(9)).toBe('September');
    expect(formatUkDate('2017-11-14')).toBe('14 November 2017');
  });
});
