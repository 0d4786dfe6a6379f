import {
  DEFAULT_STALE_DAYS,
  colourReasonOf,
  colourReasonText,
  confidenceDisagreement,
  disagreementKind,
  isDueWithin,
  isFinished,
  isOpen,
  isOverdue,
  isUpdateOverdue,
  lastActivity,
  ragPolicyOf,
  readRagPolicy,
  trafficLight
} from '../../src/core/status';
import type { ConfidenceDisagreement, RagPolicy } from '../../src/core/status';
import { disagreementFlag, disagreementText } from '../../src/components/common/messages';
import type { TrackerStrings } from '../../src/components/common/strings';
import { locFile, readLocStrings } from '../../src/workbench/loc';
import {
  CITY_PAPER_DATE,
  CITY_ROWS,
  LANCS_AWAITING_REVIEW,
  LANCS_MISSING_CHILDREN,
  LINCS_153,
  LINCS_155,
  LINCS_157,
  LINCS_1616,
  cityRow,
  recommendation
} from './fixtures/seedRecommendations';

/** City of London's committee rates RED against the original ("designated") deadline. */
const CITY_POLICY: RagPolicy = { overdueAgainst: 'original' };

/** The colour the paper printed, without its NEW marker; a closed item's colour is GREEN (implemented). */
function printedColour(printed: string): string {
  const colour = printed.replace(/^NEW /, '');
  return colour === 'CLOSED' ? 'GREEN' : colour;
}

describe("the site's RAG policy from Tracker Settings", () => {
  it("reads 'original' or 'current' in any case and spacing, and the default when never set", () => {
    expect(ragPolicyOf(' Original ')).toEqual({ ok: true, value: { overdueAgainst: 'original' } });
    expect(ragPolicyOf('CURRENT')).toEqual({ ok: true, value: { overdueAgainst: 'current' } });
    expect(ragPolicyOf(undefined)).toEqual({ ok: true, value: { overdueAgainst: 'current' } });
    expect(ragPolicyOf('  ')).toEqual({ ok: true, value: { overdueAgainst: 'current' } });
    expect(readRagPolicy('original')).toEqual({ overdueAgainst: 'original' });
  });

  it('any other value is the problem naming the value as stored and the setting, which readRagPolicy throws in English', () => {
    expect(ragPolicyOf(' latest ')).toEqual({ ok: false, problem: { code: 'ragPolicy', args: [' latest ', 'RagOverdueAgainst'] } });
    expect(() => readRagPolicy('latest')).toThrow(new RangeError("Tracker Settings holds 'latest' under RagOverdueAgainst: expected 'original' or 'current'. A site owner can choose again in the tracker's settings."));
  });
});

describe('traffic light on the City of London paper', () => {
  it.each(CITY_ROWS.map((row) => [`${row.report} ${row.rec.ref}`, row] as const))(
    'reproduces the printed colour of %s with the committee\u2019s policy',
    (_name, row) => {
      expect(trafficLight(row.rec, CITY_PAPER_DATE, CITY_POLICY)).toBe(printedColour(row.printed));
    }
  );

  it('keeps AMBER for open items with "No deadline set by HMICFRS" or an empty due date', () => {
    const riskAssessment = cityRow('A progress report on the police response to domestic abuse', '1').rec;
    expect(riskAssessment.due.raw).toBe('No deadline set by HMICFRS');
    expect(trafficLight(riskAssessment, CITY_PAPER_DATE)).toBe('AMBER');
    expect(trafficLight(riskAssessment, '2030-01-01')).toBe('AMBER');
    const section45 = cityRow('Stolen freedom', '5').rec;
    expect(trafficLight(section45, '2030-01-01')).toBe('AMBER');
  });

  it('is WHITE for the College of Policing and NCA rows, and for force rows awaiting an NPCC decision, even when past due', () => {
    expect(trafficLight(cityRow('Stolen freedom', '10').rec, CITY_PAPER_DATE)).toBe('WHITE');
    expect(trafficLight(cityRow('Stolen freedom', '1').rec, '2019-01-01')).toBe('WHITE');
    const pins = cityRow('Living in fear', '8').rec;
    expect(trafficLight(pins, CITY_PAPER_DATE)).toBe('WHITE');
    // Without the NPCC dependency this "Immediate" recommendation from July 2017 would be overdue.
    const withoutDependency = { ...pins, dependsOn: undefined };
    expect(trafficLight(withoutDependency, CITY_PAPER_DATE)).toBe('RED');
  });

  it('rates the revised items AMBER under the product\u2019s current-due-date rule until the date now due passes', () => {
    const website = cityRow('PEEL: Police Legitimacy 2016 - CoLP', '1.5').rec;
    expect(website.due).toMatchObject({ original: '2017-04-30', current: '2018-02-28' });
    expect(trafficLight(website, CITY_PAPER_DATE)).toBe('AMBER');
    expect(trafficLight(website, CITY_PAPER_DATE, CITY_POLICY)).toBe('RED');
    expect(trafficLight(website, '2018-02-28')).toBe('AMBER');
    expect(trafficLight(website, '2018-03-01')).toBe('RED');
  });

  it('is GREEN once implemented, even past the due date: complete awaiting sign-off, closed or discharged', () => {
    const wellbeing = cityRow('PEEL: Police Legitimacy 2016 - CoLP', '4').rec;
    expect(wellbeing.due.current).toBe('2017-03-31');
    expect(trafficLight(wellbeing, CITY_PAPER_DATE)).toBe('GREEN');
    expect(trafficLight({ ...wellbeing, lifecycle: 'Closed by the force' }, CITY_PAPER_DATE)).toBe('GREEN');
    expect(trafficLight({ ...wellbeing, lifecycle: 'Discharged by the inspectorate' }, CITY_PAPER_DATE)).toBe('GREEN');
  });

  it('is GREEN, not WHITE, for the Lancashire row "No further action needed": a closing state, even when addressed to the Home Office', () => {
    expect(trafficLight(LANCS_MISSING_CHILDREN, '2017-11-17')).toBe('GREEN');
    expect(trafficLight({ ...LANCS_MISSING_CHILDREN, lifecycle: 'Being progressed' }, '2017-11-17')).toBe('WHITE');
    expect(isFinished(LANCS_MISSING_CHILDREN.lifecycle)).toBe(true);
    expect(isOpen(LANCS_MISSING_CHILDREN.lifecycle)).toBe(false);
  });

  it('keeps a WHITE item open: waiting on another organisation is a flag, not a lifecycle', () => {
    const pins = cityRow('Living in fear - the police and CPS response to harassment and stalking', '8').rec;
    const waiting = { ...pins, lifecycle: 'Being progressed' as const, dependsOn: 'NPCC' };
    expect(trafficLight(waiting, CITY_PAPER_DATE)).toBe('WHITE');
    expect(isOpen(waiting.lifecycle)).toBe(true);
    expect(colourReasonText(colourReasonOf(waiting, CITY_PAPER_DATE))).toBe("Depends on NPCC: not the force's alone to deliver.");
  });

  it('lets a manual RED win only when it carries a rationale', () => {
    const vetting = cityRow('PEEL: Police Legitimacy 2016 – National', '1 (within 2 years)').rec;
    const rationale = 'The use of an external agency to provide a feedback service has been considered but discounted on the basis of value for money.';
    expect(trafficLight({ ...vetting, ragOverride: { colour: 'RED', rationale, setBy: 'Strategic Development', at: '2017-11-10T10:00:00Z' } }, CITY_PAPER_DATE)).toBe('RED');
    expect(trafficLight({ ...vetting, ragOverride: { colour: 'RED', rationale: '   ', setBy: 'Strategic Development', at: '2017-11-10T10:00:00Z' } }, CITY_PAPER_DATE)).toBe('AMBER');
    expect(trafficLight({ ...LANCS_MISSING_CHILDREN, ragOverride: { colour: 'RED', rationale, setBy: 'Chief of Staff', at: '2017-11-10T10:00:00Z' } }, CITY_PAPER_DATE)).toBe('RED');
  });

  it('refuses a today that is not a date', () => {
    expect(() => trafficLight(LINCS_153, '17/11/2017')).toThrow('Not an ISO date');
  });
});

describe('open, overdue and due soon', () => {
  it('counts only awaiting review and being progressed as open', () => {
    expect(isOpen('Awaiting review')).toBe(true);
    expect(isOpen('Being progressed')).toBe(true);
    expect(isOpen('Complete, awaiting sign-off')).toBe(false);
    expect(isOpen('Closed by the force')).toBe(false);
    expect(isOpen('Discharged by the inspectorate')).toBe(false);
    expect(isOpen('No further action')).toBe(false);
  });

  it('is overdue from the day after the current due date, for the force\u2019s open items only', () => {
    // Lincolnshire 153: timescale "Nov-17".
    expect(isOverdue(LINCS_153, '2017-11-30')).toBe(false);
    expect(isOverdue(LINCS_153, '2017-12-01')).toBe(true);
    expect(isOverdue({ ...LINCS_153, lifecycle: 'Complete, awaiting sign-off' }, '2017-12-01')).toBe(false);
    expect(isOverdue(cityRow('Stolen freedom', '1').rec, '2019-01-01')).toBe(false);
    expect(isOverdue(LINCS_157, '2030-01-01')).toBe(false);
  });

  it('is due within N days up to and including the due date, not after it', () => {
    expect(isDueWithin(LINCS_153, '2017-11-16', 14)).toBe(true);
    expect(isDueWithin(LINCS_153, '2017-11-15', 14)).toBe(false);
    expect(isDueWithin(LINCS_153, '2017-11-30', 0)).toBe(true);
    expect(isDueWithin(LINCS_153, '2017-12-01', 14)).toBe(false);
    expect(() => isDueWithin(LINCS_153, '2017-11-16', -1)).toThrow('days must be a whole number');
  });
});

describe('staleness: update overdue', () => {
  it('flags Lincolnshire 153, last updated May 2017, after more than the stale period', () => {
    expect(DEFAULT_STALE_DAYS).toBe(30);
    expect(isUpdateOverdue(LINCS_153, '2017-06-30')).toBe(false);
    expect(isUpdateOverdue(LINCS_153, '2017-07-01')).toBe(true);
    expect(isUpdateOverdue(LINCS_153, '2017-07-31', 90)).toBe(false);
    expect(isUpdateOverdue(LINCS_153, '2017-08-30', 90)).toBe(true);
  });

  it('flags an "Awaiting update" row with no update on record at all', () => {
    expect(LINCS_157.lastUpdated).toBeNull();
    expect(lastActivity(LINCS_157)).toBeNull();
    expect(isUpdateOverdue(LINCS_157, '2017-07-31')).toBe(true);
  });

  it('measures an item never updated from when it entered the tracker', () => {
    const imported = recommendation({ ...LANCS_AWAITING_REVIEW, history: [{ at: '2017-06-30T23:30:00Z', lifecycle: 'Awaiting review', trafficLight: 'AMBER' }] });
    // 23:30 UTC on 30 June is 1 July in London.
    expect(lastActivity(imported)).toBe('2017-07-01');
    expect(isUpdateOverdue(imported, '2017-07-31')).toBe(false);
    expect(isUpdateOverdue(imported, '2017-08-01')).toBe(true);
  });

  it('does not chase closed items or items for other bodies', () => {
    expect(isUpdateOverdue({ ...LINCS_157, lifecycle: 'Closed by the force' }, '2018-01-01')).toBe(false);
    expect(isUpdateOverdue(cityRow('Stolen freedom', '10').rec, '2018-01-01')).toBe(false);
  });
});

describe('confidence held against the facts', () => {
  let strings: TrackerStrings;
  beforeAll(async () => {
    strings = await readLocStrings<TrackerStrings>(locFile('shared'));
  });
  /** A disagreement as the grid's flag and the item panel word it in en-GB. */
  const shown = (d: ConfidenceDisagreement | null): { reason: string; message: string } | null => (d === null ? null : { reason: disagreementFlag(d, strings), message: disagreementText(d, strings) });

  it('flags Lincolnshire 153 (High, due Nov-17) as overdue once November 2017 has passed', () => {
    expect(shown(confidenceDisagreement(LINCS_153, '2017-12-15'))).toEqual({
      reason: 'overdue',
      message: 'Rated High confidence, but it was due by 30 November 2017 and is overdue.'
    });
  });

  it('flags Lincolnshire 1616 (High, last updated May-17) as update overdue before it is due', () => {
    expect(shown(confidenceDisagreement(LINCS_1616, '2017-07-31'))).toEqual({
      reason: 'update overdue',
      message: 'Rated High confidence, but there has been no progress update since 31 May 2017 (more than 30 days).'
    });
    expect(confidenceDisagreement(LINCS_1616, '2017-07-31', 90)).toBeNull();
  });

  it('flags Lincolnshire 157: High confidence, "Awaiting new timescale", "Awaiting update"', () => {
    expect(shown(confidenceDisagreement(LINCS_157, '2017-07-31'))).toEqual({
      reason: 'update overdue',
      message: 'Rated High confidence, but there is no progress update on record.'
    });
  });

  it('gives each disagreement its kind by its code alone', () => {
    expect(disagreementKind({ code: 'overdue', args: [{ date: '2017-11-30' }] })).toBe('overdue');
    expect(disagreementKind({ code: 'noUpdateSince', args: [{ date: '2017-05-31' }, 30] })).toBe('updateOverdue');
    expect(disagreementKind({ code: 'noUpdateOnRecord', args: [] })).toBe('updateOverdue');
  });

  it('says nothing when confidence is not High', () => {
    expect(LINCS_155.confidence).toBeUndefined();
    expect(confidenceDisagreement(LINCS_155, '2017-07-31')).toBeNull();
    expect(confidenceDisagreement({ ...LINCS_153, confidence: 'Medium' }, '2017-12-15')).toBeNull();
  });
});
