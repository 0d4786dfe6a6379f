/**
 * Messages core produces by code (issue 16): every code has its words in the shared `loc`, typed
 * (tsc refuses a code without them, src/components/common/messages.ts) and written in en-gb.js, and
 * the en-GB words are core's English, so the screens say what the reminder service, the logs and
 * the paper say. Sample messages, built by core from real demo items and rules, read as before.
 */
import { PHRASE_ENGLISH, englishText } from '../../src/core/messages';
import type { Message } from '../../src/core/messages';
import { RULE_PROBLEM_ENGLISH, TEMPLATE_FIELDS, UNREACHABLE_ENGLISH, DEFAULT_RULES, readRule, recommendationSubject, resolveRecipient, ruleRecord, validateRuleForm, ruleForm } from '../../src/core/reminders';
import { COLOUR_REASON_ENGLISH, DISAGREEMENT_ENGLISH, RAG_POLICY_ENGLISH, colourDifference, colourReasonText, confidenceDisagreement } from '../../src/core/status';
import { TRANSITION_ENGLISH, TransitionError, approveClosure, requestClosure, requestExtension } from '../../src/core/transitions';
import { colourReasonText as shownColourReason, disagreementText, ragPolicyText, ruleProblemSentence, ruleProblemText, templateFieldHolds, transitionText, unreachableText } from '../../src/components/common/messages';
import type { TrackerStrings } from '../../src/components/common/strings';
import { locFile, readLocStrings } from '../../src/workbench/loc';
import { LINCS_153, LINCS_163 } from './fixtures/seedRecommendations';

let strings: TrackerStrings;
let words: TrackerStrings['CoreMessages'];
beforeAll(async () => {
  strings = await readLocStrings<TrackerStrings>(locFile('shared'));
  words = strings.CoreMessages;
});

const keys = (o: object): string[] => Object.keys(o).sort();

describe('every code core produces has its words in loc, and en-GB says what core says', () => {
  it.each([
    ['RuleProblems', RULE_PROBLEM_ENGLISH],
    ['Transitions', TRANSITION_ENGLISH],
    ['ColourReasons', COLOUR_REASON_ENGLISH],
    ['Disagreements', DISAGREEMENT_ENGLISH],
    ['RagPolicies', RAG_POLICY_ENGLISH],
    ['Unreachable', UNREACHABLE_ENGLISH],
    ['Phrases', PHRASE_ENGLISH]
  ] as const)('%s', (group, english) => {
    expect(keys(words[group])).toEqual(keys(english));
    expect(words[group]).toEqual(english);
  });

  it('the values a message may use, each with what it holds', () => {
    expect(keys(words.TemplateFields)).toEqual([...TEMPLATE_FIELDS].sort());
    expect(TEMPLATE_FIELDS.map((f) => templateFieldHolds(f, strings))).toContain("the reply-by date of the item's update round ('' with none)");
    expect(templateFieldHolds('ref', strings)).toBe('the reference, e.g. R3');
  });

  it('the grid’s short flags name each kind of disagreement', () => {
    expect(words.DisagreementFlags).toEqual({ overdue: 'overdue', updateOverdue: 'update overdue' });
  });
});

/** The message in core's English and in the loc's en-GB words. */
function bothWays<C extends string>(message: Message<C>, english: Readonly<Record<C, string>>, shown: (m: Message<C>) => string): [string, string] {
  return [englishText(message, english), shown(message)];
}

describe('sample messages read as before', () => {
  it('a rule problem: core keeps its English for the service; the form shows the same sentence', () => {
    const record = { ...ruleRecord(DEFAULT_RULES[0]), definition: { ...ruleRecord(DEFAULT_RULES[0]).definition, repeat: { kind: 'every', days: 0 } } };
    const { problems } = readRule(record);
    expect(problems[0].message).toBe(`Reminder rule '${DEFAULT_RULES[0].key}', repeat.days: expected a whole number of days from 1 to 3650`);
    expect(ruleProblemText(problems[0].problem, strings)).toBe('expected a whole number of days from 1 to 3650');
    const form = validateRuleForm({ ...ruleForm(record), key: DEFAULT_RULES[1].key, quietStart: '7pm' }, [DEFAULT_RULES[1].key]);
    expect(form.problems.map((p) => `${p.path}: ${ruleProblemSentence(p.problem, strings)}`)).toEqual([
      'key: Another rule already has this key; a key is never reused, so choose a new one',
      'repeat.days: Expected a whole number of days from 1 to 3650',
      "window.quietHours.start: Not a time of day (HH:MM, 24-hour): '7pm'"
    ]);
  });

  it('a refused transition: the owner, the owner when asked and the requester, as the dialogs show them', () => {
    const requested = requestClosure(LINCS_163, { by: 'Strategic Development', at: '2017-08-01T09:00:00Z', evidence: 'The policy was published.' });
    const refusals = ['Supt Taylor', 'Strategic Development'].map((by) => {
      try {
        approveClosure(requested, { by, at: '2017-08-02T09:00:00Z', outcome: 'closed' });
        throw new Error('not refused');
      } catch (e) {
        if (!(e instanceof TransitionError)) throw e;
        expect(transitionText(e.problem, strings)).toBe(e.message);
        return e.message;
      }
    });
    expect(refusals).toEqual(['The owner cannot approve its closure; someone else must.', 'Strategic Development asked, so cannot also approve its closure; someone else must.']);
    const moved = { ...requested, owner: { name: 'DCC Knighton' } };
    try {
      approveClosure(moved, { by: 'Supt Taylor', at: '2017-08-02T09:00:00Z', outcome: 'closed' });
    } catch (e) {
      if (!(e instanceof TransitionError)) throw e;
      expect(bothWays(e.problem, TRANSITION_ENGLISH, (m) => transitionText(m, strings))).toEqual(Array(2).fill('Supt Taylor owned the item when this was asked for, so cannot approve its closure; someone else must.'));
    }
    try {
      requestExtension(LINCS_163, { by: 'Supt Taylor', at: '2017-09-20T09:00:00Z', proposed: '2017-09-01', reason: 'More time.' });
    } catch (e) {
      if (!(e instanceof TransitionError)) throw e;
      expect(transitionText(e.problem, strings)).toBe('The proposed due date 1 September 2017 has already passed.');
    }
    expect.assertions(5);
  });

  it('a status a message names is shown by the locale\'s name for it, the stored value in core\'s English', () => {
    const closed = { ...LINCS_163, lifecycle: 'Closed by the force' as const };
    try {
      requestClosure(closed, { by: 'Strategic Development', at: '2017-08-01T09:00:00Z', evidence: 'Done.' });
    } catch (e) {
      if (!(e instanceof TransitionError)) throw e;
      expect(e.message).toBe('Closure can only be requested while the recommendation is open; it is "Closed by the force".');
      expect(transitionText(e.problem, strings)).toBe(e.message);
      const renamed = { ...strings, Values: { ...strings.Values, lifecycle: { ...strings.Values.lifecycle, 'Closed by the force': 'Wedi cau gan yr heddlu' } } };
      expect(transitionText(e.problem, renamed)).toBe('Closure can only be requested while the recommendation is open; it is "Wedi cau gan yr heddlu".');
    }
    expect.assertions(3);
  });

  it('why a colour differs from the source, and a day count in both languages of the code', () => {
    const past = { ...LINCS_153, recorded: { colour: 'GREEN' as const, label: 'GREEN', on: '2017-11-01', marker: null } };
    const diff = colourDifference(past, '2017-12-15');
    expect(diff).not.toBeNull();
    if (diff === null) return;
    expect(colourReasonText(diff.reason)).toBe('Past its deadline of 30 November 2017: 15 days overdue.');
    expect(shownColourReason(diff.reason, strings)).toBe(colourReasonText(diff.reason));
    const oneDay = colourDifference(past, '2017-12-01');
    expect(oneDay === null ? '' : shownColourReason(oneDay.reason, strings)).toBe('Past its deadline of 30 November 2017: 1 day overdue.');
  });

  it('a disagreement, a policy and an unreachable recipient', () => {
    const d = confidenceDisagreement(LINCS_153, '2017-12-15');
    expect(d === null ? '' : disagreementText(d, strings)).toBe('Rated High confidence, but it was due by 30 November 2017 and is overdue.');
    expect(ragPolicyText({ overdueAgainst: 'original' }, strings)).toMatch(/^RED is measured against the original deadline: /);
    const subject = recommendationSubject({ ...LINCS_153, id: 1, owner: { name: 'Supt Taylor' } }, '2017-12-15');
    const unreachable = resolveRecipient({ kind: 'owner' }, subject);
    expect(unreachable.kind === 'unreachable' ? bothWays(unreachable, UNREACHABLE_ENGLISH, (m) => unreachableText({ ...m, kind: 'unreachable' }, strings)) : []).toEqual(
      Array(2).fill("The owner 'Supt Taylor' has no e-mail address, so cannot be reached in Teams.")
    );
  });
});
