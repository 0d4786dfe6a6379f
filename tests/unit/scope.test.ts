import type { AppliesTo, Lifecycle } from '../../src/core/model';
import { ACTION_NOUN, RECOMMENDATION_NOUN, scopeCounts, scopeSentence } from '../../src/core/scope';
import type { ScopeCounts, ScopeNoun } from '../../src/core/scope';

type Role = 'total' | 'nationalOrOther' | 'applyToForce' | 'complete' | 'inProgress';

/**
 * Reads a generated sentence back into counts, so the test checks what the sentence says rather
 * than how it is spelt. Understands only the canonical template of src/core/scope.ts.
 */
function readBack(sentence: string): Record<Role, number> {
  const head = /^There (?:is|are) (\d+) [a-z ]+?(?: which (?:applies|apply) to force| which (?:is|are) [a-z ]+|; (\d+) of which (?:is|are) [a-z ]+? and (\d+) (?:applies|apply) to force)(?:, (.*))?\.$/.exec(sentence);
  if (head === null) throw new Error(`Not in the canonical template: ${sentence}`);
  const total = Number(head[1]);
  const split = head[2] !== undefined;
  const forceOnly = !split && / which (?:applies|apply) to force/.test(sentence);
  const applyToForce = split ? Number(head[3]) : forceOnly ? total : 0;
  const nationalOrOther = total - applyToForce;
  const progress = head[4] ?? '';
  let complete = 0;
  let inProgress = 0;
  if (/^(these are|this is) to be progressed$/.test(progress)) inProgress = applyToForce;
  else if (/^(these are|this is) complete$/.test(progress)) complete = applyToForce;
  else {
    complete = Number(/(\d+) (?:is|are) complete/.exec(progress)?.[1] ?? 0);
    inProgress = Number(/(\d+) to be progressed/.exec(progress)?.[1] ?? 0);
  }
  return { total, nationalOrOther, applyToForce, complete, inProgress };
}

interface PaperSentence {
  report: string;
  /** The sentence as printed in the City of London paper. */
  printed: string;
  /** The counts behind it, from the report's table. */
  counts: ScopeCounts;
  /** The numbers the printed sentence states, by what they count. */
  says: Partial<Record<Role, number>>;
  noun: ScopeNoun;
  /** The canonical sentence for those counts. */
  expected: string;
}

const counts = (total: number, nationalOrOther: number, complete: number, inProgress: number): ScopeCounts => ({
  total,
  nationalOrOther,
  applyToForce: total - nationalOrOther,
  complete,
  inProgress
});

/** Every scope sentence of city-of-london-hmicfrs-recommendations-rag-2017.txt. */
const PAPER: PaperSentence[] = [
  {
    report: 'A progress report on the police response to domestic abuse',
    printed: 'There are 9 recommendations, 1 of which is national and 8 apply to force these are being progressed.',
    counts: counts(9, 1, 0, 8),
    says: { total: 9, nationalOrOther: 1, applyToForce: 8, inProgress: 8 },
    noun: RECOMMENDATION_NOUN,
    expected: 'There are 9 recommendations; 1 of which is national and 8 apply to force, these are to be progressed.'
  },
  {
    report: 'PEEL: Police Efficiency – National',
    printed: 'There is 1 recommendation and this applies to the force.',
    counts: counts(1, 0, 0, 1),
    says: { total: 1, applyToForce: 1 },
    noun: RECOMMENDATION_NOUN,
    expected: 'There is 1 recommendation which applies to force, this is to be progressed.'
  },
  {
    report: 'PEEL: Police Efficiency [including leadership] 2017 - COLP',
    printed: 'There are 4 recommendations which apply to force, these are to be progressed.',
    counts: counts(4, 0, 0, 4),
    says: { total: 4, applyToForce: 4, inProgress: 4 },
    noun: RECOMMENDATION_NOUN,
    expected: 'There are 4 recommendations which apply to force, these are to be progressed.'
  },
  {
    report: 'Stolen freedom: the policing response to modern slavery and human trafficking',
    printed: 'There are 11 recommendations; 7 of which apply to force, these are to be progressed.',
    counts: counts(11, 4, 0, 7),
    says: { total: 11, applyToForce: 7, inProgress: 7 },
    noun: RECOMMENDATION_NOUN,
    expected: 'There are 11 recommendations; 4 of which are national and 7 apply to force, these are to be progressed.'
  },
  {
    report: 'Making it fair - A joint inspection of the disclosure of unused material in volume crown court cases',
    printed: 'There are 9 recommendations; 5 of which apply to force, 1 is complete and 4 to be progressed.',
    counts: counts(9, 4, 1, 4),
    says: { total: 9, applyToForce: 5, complete: 1, inProgress: 4 },
    noun: RECOMMENDATION_NOUN,
    expected: 'There are 9 recommendations; 4 of which are national and 5 apply to force, 1 is complete and 4 to be progressed.'
  },
  {
    report: 'Living in fear - the police and CPS response to harassment and stalking',
    printed: 'There are 22 recommendations; 4 of which apply to force.',
    counts: counts(22, 18, 0, 4),
    says: { total: 22, applyToForce: 4 },
    noun: RECOMMENDATION_NOUN,
    expected: 'There are 22 recommendations; 18 of which are national and 4 apply to force, these are to be progressed.'
  },
  {
    report: 'PEEL: Police Effectiveness 2016',
    printed: 'There are a total of 13 actions for the force. 6 are complete and 7 in progress',
    counts: counts(13, 0, 6, 7),
    says: { total: 13, applyToForce: 13, complete: 6, inProgress: 7 },
    noun: ACTION_NOUN,
    expected: 'There are 13 actions which apply to force, 6 are complete and 7 to be progressed.'
  },
  {
    report: 'Best Use of Stop and Search Scheme revisit 2016',
    printed: 'Total of 3 actions: relevant to the City of London Police and in progress.',
    counts: counts(3, 0, 0, 3),
    says: { total: 3, applyToForce: 3, inProgress: 3 },
    noun: ACTION_NOUN,
    expected: 'There are 3 actions which apply to force, these are to be progressed.'
  },
  {
    report: 'PEEL: Police Legitimacy 2016 – National',
    printed: 'Total of 3 actions are relevant to the City of London Police, 2 are complete and 1 is in progress.',
    counts: counts(3, 0, 2, 1),
    says: { total: 3, applyToForce: 3, complete: 2, inProgress: 1 },
    noun: ACTION_NOUN,
    expected: 'There are 3 actions which apply to force, 2 are complete and 1 to be progressed.'
  },
  {
    report: 'PEEL: Police Legitimacy 2016 - CoLP',
    printed:
      'Total of 5 actions: 0 are national and outside the remit of City of London Police. 5 are relevant to the City of London Police, 2 are in progress (with an element of 1 now closed) and 3 are complete',
    counts: counts(5, 0, 3, 2),
    says: { total: 5, nationalOrOther: 0, applyToForce: 5, complete: 3, inProgress: 2 },
    noun: ACTION_NOUN,
    expected: 'There are 5 actions which apply to force, 3 are complete and 2 to be progressed.'
  },
  {
    report: 'PEEL: Police Efficiency 2016 CoLP',
    printed: 'Total of 5 actions: 0 are national and outside the remit of City of London Police. 5 are relevant to the City of London Police, 4 are complete and 1 in progress.',
    counts: counts(5, 0, 4, 1),
    says: { total: 5, nationalOrOther: 0, applyToForce: 5, complete: 4, inProgress: 1 },
    noun: ACTION_NOUN,
    expected: 'There are 5 actions which apply to force, 4 are complete and 1 to be progressed.'
  },
  {
    report: 'The tri-service review of the joint emergency services interoperability principles',
    printed: 'Total of 6 actions: 1 are national and outside the remit of City of London Police. 5 are relevant to the City of London Police now complete',
    counts: counts(6, 1, 5, 0),
    says: { total: 6, nationalOrOther: 1, applyToForce: 5, complete: 5 },
    noun: ACTION_NOUN,
    expected: 'There are 6 actions; 1 of which is national and 5 apply to force, these are complete.'
  },
  {
    report: 'PEEL: Police efficiency 2015',
    printed: 'Total of 2 actions: 0 are national and outside the remit of City of London Police. 2 were areas relevant to the City of London Police, 1 is still in progress.',
    counts: counts(2, 0, 1, 1),
    says: { total: 2, nationalOrOther: 0, applyToForce: 2, inProgress: 1 },
    noun: ACTION_NOUN,
    expected: 'There are 2 actions which apply to force, 1 is complete and 1 to be progressed.'
  },
  {
    report: "In harm's way: The role of the police in keeping children safe",
    printed: 'Actions for the City of London Police are now complete.',
    counts: counts(1, 0, 1, 0),
    says: { applyToForce: 1, complete: 1 },
    noun: { one: 'area for attention', many: 'areas for attention' },
    expected: 'There is 1 area for attention which applies to force, this is complete.'
  }
];

describe('the City of London paper\u2019s scope sentences', () => {
  it.each(PAPER.map((p) => [p.report, p] as const))('%s: one template, the paper\u2019s numbers', (_report, p) => {
    const sentence = scopeSentence(p.counts, p.noun);
    expect(sentence).toBe(p.expected);
    const said = readBack(sentence);
    for (const [role, value] of Object.entries(p.says)) expect([role, said[role as Role]]).toEqual([role, value]);
  });

  it('reproduces the sentence the issue quotes, word for word', () => {
    const making = PAPER.find((p) => p.report.startsWith('Making it fair'));
    expect(making?.printed).toBe('There are 9 recommendations; 5 of which apply to force, 1 is complete and 4 to be progressed.');
    expect(scopeSentence({ total: 9, nationalOrOther: 4, national: 0, otherBody: 4, applyToForce: 5, complete: 1, inProgress: 4 })).toBe(
      'There are 9 recommendations; 4 of which are for other bodies and 5 apply to force, 1 is complete and 4 to be progressed.'
    );
  });
});

describe('scopeCounts', () => {
  const item = (appliesTo: AppliesTo, lifecycle: Lifecycle) => ({ appliesTo, lifecycle });

  it('counts Making it fair: 4 of the 9 for the CPS, 1 of the force\u2019s 5 complete (NEW GREEN) and 4 AMBER', () => {
    const recs = [
      item('Force', 'Being progressed'), // 1 AMBER January 2018
      item('Other body', 'Being progressed'),
      item('Other body', 'Being progressed'),
      item('Force', 'Being progressed'), // 4 AMBER January 2018
      item('Other body', 'Being progressed'),
      item('Force', 'Complete, awaiting sign-off'), // 6 NEW GREEN
      item('Other body', 'Being progressed'),
      item('Force', 'Being progressed'), // 8 AMBER July 2018
      item('Force', 'Being progressed') // 9 AMBER January 2018
    ];
    const c = scopeCounts(recs);
    expect(c).toEqual({ total: 9, nationalOrOther: 4, national: 0, otherBody: 4, applyToForce: 5, complete: 1, inProgress: 4, noFurtherAction: 0 });
    expect(scopeSentence(c)).toBe('There are 9 recommendations; 4 of which are for other bodies and 5 apply to force, 1 is complete and 4 to be progressed.');
  });

  it('counts Stolen freedom: NCA/ROCU and the College of Policing rows as national', () => {
    const recs = [
      item('National', 'Being progressed'),
      ...Array.from({ length: 7 }, () => item('Force', 'Being progressed')),
      item('National', 'Being progressed'),
      item('National', 'Being progressed'),
      item('National', 'Being progressed')
    ];
    expect(scopeSentence(scopeCounts(recs))).toBe('There are 11 recommendations; 4 of which are national and 7 apply to force, these are to be progressed.');
  });

  it('counts actions, which are always the force\u2019s, and closed or discharged ones as complete', () => {
    const actions: { lifecycle: Lifecycle }[] = [
      { lifecycle: 'Closed by the force' },
      { lifecycle: 'Discharged by the inspectorate' },
      { lifecycle: 'Complete, awaiting sign-off' },
      { lifecycle: 'Being progressed' },
      { lifecycle: 'Awaiting review' }
    ];
    expect(scopeSentence(scopeCounts(actions), ACTION_NOUN)).toBe('There are 5 actions which apply to force, 3 are complete and 2 to be progressed.');
  });

  it('words mixed addressees, no further action and an empty report', () => {
    const recs = [item('National', 'Being progressed'), item('Other body', 'No further action'), item('Force', 'No further action'), item('Force', 'Closed by the force'), item('Force', 'Being progressed')];
    expect(scopeSentence(scopeCounts(recs))).toBe(
      'There are 5 recommendations; 2 of which are national or for other bodies and 3 apply to force, 1 is complete, 1 to be progressed and 1 needs no further action.'
    );
    expect(scopeSentence(scopeCounts([item('National', 'Being progressed'), item('National', 'No further action')]))).toBe('There are 2 recommendations which are national.');
    expect(scopeSentence(scopeCounts([]))).toBe('There are no recommendations.');
  });

  it('refuses counts that do not add up', () => {
    expect(() => scopeSentence({ total: 9, nationalOrOther: 1, applyToForce: 7, complete: 0, inProgress: 7 })).toThrow('Scope counts do not add up: 9 in total');
    expect(() => scopeSentence({ total: 5, nationalOrOther: 0, applyToForce: 5, complete: 1, inProgress: 1 })).toThrow('5 for the force, but 1 complete');
    expect(() => scopeSentence({ total: -1, nationalOrOther: 0, applyToForce: -1, complete: 0, inProgress: -1 })).toThrow('whole numbers');
  });
});
