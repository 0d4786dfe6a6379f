import { DEFAULT_PCC_RESPONSE_DAYS, countByTrafficLight, pccResponseDeadline, reportResponseDeadline } from '../../src/core/colourCounts';
import type { RagPolicy } from '../../src/core/status';
import { CITY_PAPER_DATE, CITY_ROWS } from './fixtures/seedRecommendations';

describe('the PCC response deadline', () => {
  it('is 56 days after publication by default', () => {
    expect(DEFAULT_PCC_RESPONSE_DAYS).toBe(56);
    // "This report was published on the 14th November 2017" (domestic abuse progress report).
    expect(pccResponseDeadline('2017-11-14')).toBe('2018-01-09');
    // "This report was published on the 9 th November 2017" (PEEL: Police Efficiency 2017).
    expect(pccResponseDeadline('2017-11-09')).toBe('2018-01-04');
  });

  it('takes another period when configured, across a leap day', () => {
    expect(pccResponseDeadline('2016-02-01', 28)).toBe('2016-02-29');
    expect(pccResponseDeadline('2016-01-10', DEFAULT_PCC_RESPONSE_DAYS)).toBe('2016-03-06');
  });

  it('is unknown when the report gives only a month or nothing', () => {
    // "Published November 2017": no day, so no deadline is invented.
    expect(reportResponseDeadline({ published: null })).toBeNull();
    expect(reportResponseDeadline({ published: '2017-11-14' }, 30)).toBe('2017-12-14');
  });

  it('refuses a bad date or period', () => {
    expect(() => pccResponseDeadline('14/11/2017')).toThrow('Not an ISO date');
    expect(() => pccResponseDeadline('2017-11-14', 0)).toThrow('whole number of days, 1 or more');
    expect(() => pccResponseDeadline('2017-11-14', 2.5)).toThrow('whole number of days');
  });
});

describe('colour counts for the paper\u2019s summary', () => {
  it('counts the City of London rows by the colour the committee printed', () => {
    const policy: RagPolicy = { overdueAgainst: 'original' };
    const printed = { GREEN: 0, AMBER: 0, RED: 0, WHITE: 0 };
    for (const row of CITY_ROWS) {
      const colour = row.printed.replace(/^NEW /, '');
      printed[colour === 'CLOSED' ? 'GREEN' : (colour as keyof typeof printed)]++;
    }
    expect(printed).toEqual({ GREEN: 4, AMBER: 6, RED: 6, WHITE: 4 });
    expect(countByTrafficLight(CITY_ROWS.map((r) => r.rec), CITY_PAPER_DATE, policy)).toEqual(printed);
  });

  it('counts the revised items AMBER under the product\u2019s current-due-date rule', () => {
    expect(countByTrafficLight(CITY_ROWS.map((r) => r.rec), CITY_PAPER_DATE)).toEqual({ GREEN: 4, AMBER: 12, RED: 0, WHITE: 4 });
  });
});
