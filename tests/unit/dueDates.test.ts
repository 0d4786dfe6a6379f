/**
 * The due-date parser on every distinct timescale / due-date string in the three police trackers of
 * ../shared/seeds/, each with its expected reading written out, and deadlines read from the seeds'
 * recommendation texts against a publication date.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { deadlineFromText, parseDueDate, parseUkDate } from '../../src/core/dueDates';
import type { DueKind, IsoDate } from '../../src/core/model';

const SEEDS = join(__dirname, '../../../shared/seeds');
const seed = (name: string): string => readFileSync(join(SEEDS, name), 'utf8');

/** [text exactly as in the seed, kind, original, current]. */
type Row = [string, DueKind, IsoDate | null, IsoDate | null];

/** City of London committee paper: every distinct value of the "Due Date" column. */
const CITY_OF_LONDON: Row[] = [
  ['', 'none', null, null],
  ['No deadline set by HMICFRS', 'no deadline', null, null],
  ['No deadline set by HMICFRS - force to determine its own deadlines pending NPCC decision', 'no deadline', null, null],
  ['Immediate', 'immediate', null, null],
  ['January 2018', 'date', '2018-01-31', '2018-01-31'],
  ['April 2018', 'date', '2018-04-30', '2018-04-30'],
  ['July 2018', 'date', '2018-07-31', '2018-07-31'],
  ['September 2018', 'date', '2018-09-30', '2018-09-30'],
  ['October 2018', 'date', '2018-10-31', '2018-10-31'],
  ['December 2018', 'date', '2018-12-31', '2018-12-31'],
  ['March 2017', 'date', '2017-03-31', '2017-03-31'],
  ['April 2017', 'date', '2017-04-30', '2017-04-30'],
  ['June 2017', 'date', '2017-06-30', '2017-06-30'],
  ['Sept 17 [internal deadline]', 'date', '2017-09-30', '2017-09-30'],
  ['<p>Sept 17 [internal deadline]</p>', 'date', '2017-09-30', '2017-09-30'],
  ['Sept 17 [original internal deadline]', 'date', '2017-09-30', '2017-09-30'],
  ['April 2017 [Original internal deadline]', 'date', '2017-04-30', '2017-04-30'],
  ['April 2017 [Internal deadline]', 'date', '2017-04-30', '2017-04-30'],
  ['<p>April 2017 [Internal deadline]</p>', 'date', '2017-04-30', '2017-04-30'],
  // 2016 is a leap year: the end of February is the 29th.
  ['February 2016 [Internal deadline]', 'date', '2016-02-29', '2016-02-29'],
  ['Original: April 2017', 'date', '2017-04-30', '2017-04-30'],
  ['<p>Original: April 2017</p> <p>Now due: February 2018</p>', 'date', '2017-04-30', '2018-02-28'],
  ['<p>Original deadline March 2017 Now due: February 2018</p>', 'date', '2017-03-31', '2018-02-28'],
  ['<p>March 2017 [Original Internal deadline]</p> <p>Now due April 2018</p>', 'date', '2017-03-31', '2018-04-30'],
  ['March 2016 [Original Internal deadline] Now due: April 2018', 'date', '2016-03-31', '2018-04-30'],
  ['<p>Sept 17 [Original internal deadline]</p> <p>Now due: March 2018</p>', 'date', '2017-09-30', '2018-03-31'],
  // Continuation rows: the original date is in the row above, so only the revised date is known.
  ['Now Due: January 2018', 'date', null, '2018-01-31'],
  ['Now due: January 2018 and June 2018', 'date', null, '2018-06-30']
];

/**
 * Lincolnshire action matrix (OCR): the timescale column, the "last updated" column (same format) and
 * the dates and timescales written in its narratives, as OCR left them.
 */
const LINCOLNSHIRE: Row[] = [
  ['Apr-17', 'date', '2017-04-30', '2017-04-30'],
  ['May-17', 'date', '2017-05-31', '2017-05-31'],
  ['Jun-17', 'date', '2017-06-30', '2017-06-30'],
  ['Jul-17', 'date', '2017-07-31', '2017-07-31'],
  ['Aug-17', 'date', '2017-08-31', '2017-08-31'],
  ['Sep-17', 'date', '2017-09-30', '2017-09-30'],
  ['Oct-17', 'date', '2017-10-31', '2017-10-31'],
  ['Nov-17', 'date', '2017-11-30', '2017-11-30'],
  ['Jan-18', 'date', '2018-01-31', '2018-01-31'],
  ['Mar-18', 'date', '2018-03-31', '2018-03-31'],
  ['Apr-18', 'date', '2018-04-30', '2018-04-30'],
  ['June 2017', 'date', '2017-06-30', '2017-06-30'],
  ['October 2017', 'date', '2017-10-31', '2017-10-31'],
  ['April 2018', 'date', '2018-04-30', '2018-04-30'],
  ['Sept 17', 'date', '2017-09-30', '2017-09-30'],
  ['June 17', 'date', '2017-06-30', '2017-06-30'],
  ['March 17', 'date', '2017-03-31', '2017-03-31'],
  ['1st April 2017', 'date', '2017-04-01', '2017-04-01'],
  ['30/4/17', 'date', '2017-04-30', '2017-04-30'],
  ['6/2/17', 'date', '2017-02-06', '2017-02-06'],
  // A range is due at its later end; "Feb/March-18" is due at the end of March.
  ['Sep-17 - Feb/March-18.', 'date', '2018-03-31', '2018-03-31'],
  // Part immediately, the rest by April 2018: due when the last part is.
  ["Immediately & April '18", 'date', '2018-04-30', '2018-04-30'],
  ['Awaiting new timescale', 'awaiting new timescale', null, null],
  ['Awaiting new timesfale', 'awaiting new timescale', null, null],
  ['Awaiting update', 'unparsed', null, null],
  ['Awaiting detail', 'unparsed', null, null],
  ['Ongoing', 'unparsed', null, null],
  ['Work ongoing.', 'unparsed', null, null],
  // Months named among words are milestones: due when the last one named is over.
  ['Decision by PCSB in June 2017', 'date', '2017-06-30', '2017-06-30'],
  ['Phase One completed by March 17', 'date', '2017-03-31', '2017-03-31'],
  ['May-17 Oct-17', 'date', '2017-10-31', '2017-10-31'],
  ['Timescale 6 months', 'unparsed', null, null],
  ['Spring 2018', 'unparsed', null, null],
  ['early March', 'unparsed', null, null],
  ['end of March', 'unparsed', null, null],
  ['22/05', 'unparsed', null, null],
  ['26/06', 'unparsed', null, null],
  // Two milestones on two lines (the matrix gives each its own confidence): due after the last.
  ['May-17\nOct-17', 'date', '2017-10-31', '2017-10-31']
];

/** Cells whose words OCR wrapped onto separate lines; checked against the seed word by word. */
const LINCOLNSHIRE_WRAPPED = new Set(['Awaiting new timescale', 'Awaiting new timesfale', 'Phase One completed by March 17']);

/** Lancashire tracker: every distinct value of "Date recommendation made", and dates in its explanations. */
const LANCASHIRE: Row[] = [
  ['', 'none', null, null],
  ['2013', 'date', '2013-12-31', '2013-12-31'],
  ['2014', 'date', '2014-12-31', '2014-12-31'],
  ['<p>2014</p>', 'date', '2014-12-31', '2014-12-31'],
  ['2015', 'date', '2015-12-31', '2015-12-31'],
  ['<p>2015</p>', 'date', '2015-12-31', '2015-12-31'],
  ['2016', 'date', '2016-12-31', '2016-12-31'],
  ['30/01/2014', 'date', '2014-01-30', '2014-01-30'],
  ['19/12/2014', 'date', '2014-12-19', '2014-12-19'],
  ['<p>18/12/2014</p>', 'date', '2014-12-18', '2014-12-18'],
  ['<p>30/06/2015</p>', 'date', '2015-06-30', '2015-06-30'],
  ['14/09/2015', 'date', '2015-09-14', '2015-09-14'],
  ['<p>14/09/2015</p>', 'date', '2015-09-14', '2015-09-14'],
  ['the end of April 2016', 'date', '2016-04-30', '2016-04-30'],
  ['14th April', 'unparsed', null, null]
];

describe('parseDueDate on every timescale in the seed trackers', () => {
  const all: [string, Row[]][] = [
    ['City of London', CITY_OF_LONDON],
    ['Lincolnshire', LINCOLNSHIRE],
    ['Lancashire', LANCASHIRE]
  ];
  for (const [tracker, rows] of all) {
    it.each(rows)(`${tracker}: %j reads as %s, original %s, current %s`, (text, kind, original, current) => {
      const due = parseDueDate(text);
      expect(due.raw).toBe(text);
      expect(due.kind).toBe(kind);
      expect(due.original).toBe(original);
      expect(due.current).toBe(current);
      if (kind === 'unparsed') expect(due.problem).toMatch(/\S/);
      else expect(due.problem).toBeUndefined();
    });
  }

  it('covers every distinct value of the City of London "Due Date" column', () => {
    const found = new Set<string>();
    let column = -1;
    for (const line of seed('city-of-london-hmicfrs-recommendations-rag-2017.txt').split('\n')) {
      const cells = line.split('\t');
      if (cells.includes('Due Date')) column = cells.indexOf('Due Date');
      else if (column >= 0 && cells.length > column) found.add(cells[column]);
    }
    expect([...found].sort()).toEqual(CITY_OF_LONDON.map((r) => r[0]).sort());
  });

  it('covers every distinct value of the Lancashire "Date recommendation made" column', () => {
    const rows = seed('lancashire-hmic-recommendations-tracker.tsv').split('\n').map((l) => l.split('\t'));
    const header = rows.find((r) => r.includes('Date recommendation made'));
    expect(header).toBeDefined();
    const column = (header as string[]).indexOf('Date recommendation made');
    const found = new Set(rows.filter((r) => r.length === 7 && r !== header).map((r) => r[column]));
    const table = new Set(LANCASHIRE.map((r) => r[0]));
    for (const value of found) expect(table).toContain(value);
  });

  it('takes every Lincolnshire string from the OCR text itself', () => {
    const text = seed('lincolnshire-hmic-action-matrix-2017.ocr.txt');
    const flat = text.replace(/\s+/g, ' ');
    for (const [value] of LINCOLNSHIRE) {
      if (LINCOLNSHIRE_WRAPPED.has(value)) {
        const words = value.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        expect(text).toMatch(new RegExp(words.join('[\\s\\S]{1,400}?')));
      } else {
        expect(flat).toContain(value.replace(/\s+/g, ' '));
      }
    }
  });
});

describe('parseDueDate rules', () => {
  it('reads numeric dates day first and refuses dates that do not exist', () => {
    expect(parseDueDate('03/04/2018').current).toBe('2018-04-03');
    expect(parseDueDate('3.4.18').current).toBe('2018-04-03');
    expect(parseDueDate('2018-04-03').current).toBe('2018-04-03');
    expect(parseDueDate('31/02/2018')).toEqual({
      kind: 'unparsed',
      original: null,
      current: null,
      revisions: [],
      raw: '31/02/2018',
      problem: '"31/02/2018" is not a date: February 2018 has 28 days'
    });
    expect(parseDueDate('29/02/2017').kind).toBe('unparsed');
    expect(parseDueDate('29/02/2016').current).toBe('2016-02-29');
    // Month-first (US) writing is not read as day first with the parts swapped.
    expect(parseDueDate('04/30/2018').problem).toBe('"04/30/2018" is not a date: there is no month 30 (dates are read day first)');
  });

  it('reads two-digit years as this century', () => {
    expect(parseDueDate('Apr-17').current).toBe('2017-04-30');
    expect(parseDueDate("April '18").current).toBe('2018-04-30');
    expect(parseDueDate('6/2/17').current).toBe('2017-02-06');
  });

  it('keeps the original date, the current date and the revision between them', () => {
    expect(parseDueDate('Original: April 2017 Now due: February 2018')).toEqual({
      kind: 'date',
      original: '2017-04-30',
      current: '2018-02-28',
      revisions: [{ from: '2017-04-30', to: '2018-02-28', reason: 'Recorded in the source as "Original: April 2017 Now due: February 2018"' }],
      raw: 'Original: April 2017 Now due: February 2018'
    });
    const fromHtml = parseDueDate('<p>March 2017 [Original Internal deadline]</p> <p>Now due April 2018</p>');
    expect(fromHtml.revisions).toEqual([
      { from: '2017-03-31', to: '2018-04-30', reason: 'Recorded in the source as "March 2017 [Original Internal deadline] Now due April 2018"' }
    ]);
    expect(parseDueDate('Now Due: January 2018').revisions).toEqual([
      { from: null, to: '2018-01-31', reason: 'Recorded in the source as "Now Due: January 2018"' }
    ]);
    expect(parseDueDate('Sept 17 [internal deadline]').revisions).toEqual([]);
    expect(parseDueDate('Now due:').kind).toBe('unparsed');
  });

  it('dates "Immediate" with the publication date, and only when it is known', () => {
    expect(parseDueDate('Immediate', { published: '2017-11-14' })).toEqual({
      kind: 'immediate',
      original: '2017-11-14',
      current: '2017-11-14',
      revisions: [],
      raw: 'Immediate'
    });
    expect(parseDueDate('Immediately', { published: null })).toMatchObject({ kind: 'immediate', original: null, current: null });
  });

  it('counts relative timescales from publication, and never without it', () => {
    expect(parseDueDate('Within six months', { published: '2017-11-14' }).current).toBe('2018-05-14');
    expect(parseDueDate('within three months of publication of this review', { published: '2013-03-21' }).current).toBe('2013-06-21');
    expect(parseDueDate('Within 28 days', { published: '2017-11-14' }).current).toBe('2017-12-12');
    expect(parseDueDate('Within six months')).toMatchObject({
      kind: 'unparsed',
      current: null,
      problem: '"Within six months" counts from the report\'s publication date, which is not known'
    });
  });

  it('reads ranges written with a dash, an en dash or "to", and a leading "By"', () => {
    expect(parseDueDate('Sep-17 – Feb-18').current).toBe('2018-02-28');
    expect(parseDueDate('September 2017 to January 2018').current).toBe('2018-01-31');
    expect(parseDueDate('By 31 March 2015').current).toBe('2015-03-31');
  });

  it('reads months named among words as milestones, due when the last is over', () => {
    expect(parseDueDate('Phase One completed by March 17 Phase Two - ongoing.')).toEqual({ kind: 'date', original: '2017-03-31', current: '2017-03-31', revisions: [], raw: 'Phase One completed by March 17 Phase Two - ongoing.' });
    expect(parseDueDate('Report to the board in June 17, then review in Jan-18').current).toBe('2018-01-31');
    expect(parseDueDate('Decision in June').kind).toBe('unparsed');
  });

  it('refuses ranges that end before they start, quarters and seasons', () => {
    expect(parseDueDate('Feb-18 - Sep-17').problem).toBe('"Feb-18 - Sep-17" ends before it starts');
    expect(parseDueDate('Q1 2018').kind).toBe('unparsed');
    expect(parseDueDate('Spring 2018').problem).toBe('"Spring 2018" names a season or quarter, not a date');
    expect(parseDueDate('April').problem).toBe('"April" has no year');
    expect(parseDueDate('March 1815').problem).toBe('"March 1815" has the year 1815, which cannot be a deadline');
  });

  it('rejects a publication date that is not a real date', () => {
    expect(() => parseDueDate('Immediate', { published: '14/11/2017' })).toThrow(RangeError);
  });

  it('reads a single date to the period it names', () => {
    expect(parseUkDate('Feb/March-18')).toEqual({ ok: true, first: '2018-02-01', last: '2018-03-31', precision: 'month' });
    expect(parseUkDate('2014')).toEqual({ ok: true, first: '2014-01-01', last: '2014-12-31', precision: 'year' });
    expect(parseUkDate('14th November 2017')).toEqual({ ok: true, first: '2017-11-14', last: '2017-11-14', precision: 'day' });
    expect(parseUkDate('w/c 20th November')).toEqual({ ok: false, problem: '"w/c 20th November" is not a date' });
  });
});

/**
 * [seed recommendation text, publication date, kind, current, raw phrase]. The seeds give at most the
 * month of publication ("Published July 2017"); the day is chosen for the test.
 */
type DeadlineRow = [string, IsoDate | null, DueKind, IsoDate | null, string];

const DEADLINES: DeadlineRow[] = [
  // Lincolnshire action matrix (OCR, with its line breaks).
  ['By 31 March 2015, every force that does not have\nan adequate, force-wide problem-solving database', null, 'date', '2015-03-31', 'By 31 March 2015'],
  ['By 1 September 2015, all forces should conduct a', null, 'date', '2015-09-01', 'By 1 September 2015'],
  ['Within three months, all chief constables should', '2015-09-15', 'date', '2015-12-15', 'Within three months'],
  // Lancashire tracker.
  [
    'The police, CPS and probation trusts when developing their strategic aims, should consider disability hate crime and the need for its reporting to be increased (this should be considered within six months of publication of this review).',
    '2013-03-21',
    'date',
    '2013-09-21',
    'within six months of publication of this review'
  ],
  [
    'The police, CPS and probation trusts should adopt and publish a single, clear and uncomplicated definition of a disability hate crime that is communicated effectively to the public and staff (this is a priority and should be achieved within three months of publication of this review).',
    '2013-03-21',
    'date',
    '2013-06-21',
    'within three months of publication of this review'
  ],
  [
    '<p>We recommend that, within nine months, forces review the management and supervision of online child sexual exploitation investigations to ensure that time delays are reduced and that safeguarding measures are identified, prioritised and dealt with in a timely fashion, and in the best interests of the child.</p>',
    '2015-04-30',
    'date',
    '2016-01-30',
    'within nine months'
  ],
  [
    'We recommend, that within 12 months, forces, working with the national policing lead, consider ways to ensure that a good practice regime is introduced, supervised and monitored in forces so that children are protected.',
    '2015-04-30',
    'date',
    '2016-04-30',
    'within 12 months'
  ],
  [
    'The College of Policing should work with chief constables to establish and specify the capabilities necessary (in a capability framework) for forces to use to assess whether or not they have the required capabilities to respond to the threat of terrorism. This should be completed within a year.',
    '2014-04-03',
    'date',
    '2015-04-03',
    'within a year'
  ],
  [
    'By November 2015, chief constables should ensure that adequate local information management processes are in place to consider all available information in an efficient and systematic way so that the continuing levels of risk that individuals pose to communities are properly assessed and, where necessary, information is recategorised and linked.',
    null,
    'date',
    '2015-11-30',
    'By November 2015'
  ],
  [
    'The College of Policing should ensure that specific guidance about the handling and availability of sensitive informaiton is included in the APP on information management, and by 30 June 2016, Chief Constables should ensure that the guidance set out concerning sensitive informaiton, is implemented.',
    null,
    'date',
    '2016-06-30',
    'by 30 June 2016'
  ],
  [
    'Immediately, all forces should ensure their auditing procedures in respect of reports of serious sexual offences, including rapes, are sound.',
    '2014-11-18',
    'immediate',
    '2014-11-18',
    'Immediately'
  ],
  [
    'The chief constable with lead responsibility for Organised Crime Portfolio should take immediate steps: to reconstitute the National Undercover Working Group with people who represent all the interests relevant to effective undercover policing; to set clear and published terms of reference and objectives; and to hold the Working Group to account for the effective achievement of those objectives',
    '2014-10-14',
    'immediate',
    '2014-10-14',
    'take immediate steps'
  ],
  // City of London paper.
  [
    'Chief constables should stop the use of Police Information Notices and their equivalents immediately.',
    '2017-07-20',
    'immediate',
    '2017-07-20',
    'immediately'
  ],
  // The inspectorate's own timetable (re-inspection by 1 November 2014) is not the force's deadline.
  [
    "Not later than 30 September 2014, each of the three forces with an overall assessment of 'requires improvement' should: (a) carry out an urgent review of its savings plan; and (b) provide to its police and crime commissioner and HMIC a comprehensive and detailed plan which specifies the sufficient steps it will take to remedy the failures and other shortcomings which have led to the assessment in question. Those steps may include, but should not be limited to: (i) a comprehensive assessment and understanding of current demand; (ii) developing and implementing an affordable organisational model (often referred to as the force's operating model); and (iii) assuring themselves that the model for policing can respond to the assessed demand that the force faces. Upon receipt of the action plan, HMIC will assess it and conduct a re-inspection of the force to determine progress. The re-inspection will be completed by 1 November 2014. The findings of each re-inspection will be incorporated into HMIC's PEEL assessment, which will be published in November 2014.",
    '2014-07-22',
    'date',
    '2014-09-30',
    'Not later than 30 September 2014'
  ]
];

describe('deadlineFromText on the seeds\' recommendation texts', () => {
  it.each(DEADLINES)('%j (published %s) sets %s %s', (text, published, kind, current, raw) => {
    const due = deadlineFromText(text, published);
    expect(due).not.toBeNull();
    expect(due?.kind).toBe(kind);
    expect(due?.current).toBe(current);
    expect(due?.original).toBe(current);
    expect(due?.raw).toBe(raw);
    expect(text).toContain(raw);
  });

  it('leaves a relative deadline unparsed when the publication date is unknown', () => {
    const text =
      'The police, CPS and probation trusts when developing their strategic aims, should consider disability hate crime and the need for its reporting to be increased (this should be considered within six months of publication of this review).';
    expect(deadlineFromText(text, null)).toEqual({
      kind: 'unparsed',
      original: null,
      current: null,
      revisions: [],
      raw: 'within six months of publication of this review',
      problem: '"within six months of publication of this review" counts from the report\'s publication date, which is not known',
      fromText: true
    });
  });

  it('finds no deadline where "immediately" or "within" describe something else', () => {
    expect(
      deadlineFromText(
        'All forces should produce clear guidance for officers and staff on what kinds of crimes and incidents need to be dealt with immediately and are not appropriate for resolution by way of appointment.',
        '2014-03-27'
      )
    ).toBeNull();
    expect(
      deadlineFromText(
        'The constabulary should put in place an action plan setting out how it will comply with all the features of Best Use of Stop and Search scheme. HMIC will revisit the constabulary within six months to determine what improvements have been made.',
        '2016-02-11'
      )
    ).toBeNull();
  });

  it('leaves differing deadlines for a person to choose', () => {
    const due = deadlineFromText(
      'Lancashire Constabulary should review immediately the resourcing and process for prioritising tasks coming from the multi-agency safeguarding hub (MASH). By January 2015, the Constabulary should begin implementing a plan to improve the prioritisation and timeliness of these tasks.',
      '2014-06-12'
    );
    expect(due?.kind).toBe('unparsed');
    expect(due?.current).toBeNull();
    expect(due?.problem).toBe('The text sets different deadlines ("immediately", "By January 2015"): choose the due date by hand');
    expect(due?.raw).toBe(
      'immediately the resourcing and process for prioritising tasks coming from the multi-agency safeguarding hub (MASH). By January 2015'
    );

    const vetting = deadlineFromText(
      '<p>1</p> <p>Cause of concern HMIC is concerned that some forces are failing to comply with current national vetting policy. This means that these forces are employing individuals who have not undergone even basic vetting checks, which represents a significant risk to the integrity of the organisation.</p> <p>Recommendation To address this cause of concern, HMIC recommends that:</p> <ul style="list-style-type: none"> • Within six months, all forces not already complying with current national vetting policy should have started to implement a sufficient plan to do so. • Within two years, all members of the police workforce should have received at least the lowest level of vetting clearance for their roles. ',
      '2016-12-08'
    );
    expect(vetting?.problem).toBe('The text sets different deadlines ("Within six months", "Within two years"): choose the due date by hand');
  });

  it('returns null for a text with no deadline', () => {
    expect(deadlineFromText('Forces should explicitly include NABIS within a strategic approach to firearms-related criminality', '2015-01-15')).toBeNull();
  });
});
