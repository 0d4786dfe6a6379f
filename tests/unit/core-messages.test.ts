/**
 * Messages core and the data layer produce by code (issue 16): every code has its words in the
 * shared `loc`, typed (tsc refuses a code without them, src/components/common/messages.ts and
 * errorText.ts) and written in en-gb.js, and the en-GB words are core's and the data layer's
 * English, so the screens say what the reminder service, the logs and the paper say. Sample
 * messages, built by core and the data layer from real demo items, rules and SharePoint's answers,
 * read as before.
 */
import { LINK_PROBLEM_ENGLISH, checkTrackerLink, linkProblemText } from '../../src/core/links';
import { PHRASE_ENGLISH, englishText } from '../../src/core/messages';
import { VALUE_PROBLEM_ENGLISH } from '../../src/core/storedValues';
import { ROUND_PROBLEM_ENGLISH, RoundRequestError, roundProblemText, roundRequestProblems } from '../../src/core/round';
import { LOG_PROBLEM_ENGLISH, SEND_AGAIN_REFUSAL_ENGLISH, SendAgainError } from '../../src/core/reminders/history';
import type { Message } from '../../src/core/messages';
import { RULE_PROBLEM_ENGLISH, TEMPLATE_FIELDS, UNREACHABLE_ENGLISH, DEFAULT_RULES, historyRow, readRule, recommendationSubject, resolveRecipient, ruleRecord, validateRuleForm, ruleForm } from '../../src/core/reminders';
import { COLOUR_REASON_ENGLISH, DISAGREEMENT_ENGLISH, RAG_POLICY_ENGLISH, colourDifference, colourReasonText, confidenceDisagreement, readRagPolicy } from '../../src/core/status';
import { TRANSITION_ENGLISH, TransitionError, approveClosure, requestClosure, requestExtension } from '../../src/core/transitions';
import { colourReasonText as shownColourReason, disagreementText, linkProblemText as shownLinkProblem, needsText, roundProblemText as shownRoundProblem, logFailureText, logProblemText, ragPolicyText, ruleProblemSentence, ruleProblemText, templateFieldHolds, transitionText, unreachableText } from '../../src/components/common/messages';
import type { TrackerStrings } from '../../src/components/common/strings';
import { errorText } from '../../src/components/common/errorText';
import { BatchWriteError, ConflictError, DATA_PROBLEM_ENGLISH, DataError, OPERATION_ENGLISH, problemsText, toDataError } from '../../src/data/errors';
import type { ItemProblem } from '../../src/schema/mapping';
import { SettingConflictError } from '../../src/data/settings';
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

  it.each([
    ['Problems', DATA_PROBLEM_ENGLISH],
    ['Operations', OPERATION_ENGLISH]
  ] as const)('the data layer’s %s', (group, english) => {
    expect(keys(strings.DataMessages[group])).toEqual(keys(english));
    expect(strings.DataMessages[group]).toEqual(english);
  });

  it('what an item needs to be read', () => {
    expect(keys(strings.ValueProblems.Codes)).toEqual(keys(VALUE_PROBLEM_ENGLISH));
    expect(strings.ValueProblems.Codes).toEqual(VALUE_PROBLEM_ENGLISH);
    const needs: ItemProblem[] = [
      { column: 'TrkKind', field: 'Kind', problem: { code: 'emptyRequired', args: [] } },
      { column: 'TrkSource', field: 'Source', problem: { code: 'notOneOf', args: ['HMIC', 'HMICFRS, IOPC'] } }
    ];
    expect([problemsText(needs), needsText(needs, strings)]).toEqual(Array(2).fill("Kind is empty but required; Source 'HMIC' is not one of HMICFRS, IOPC"));
    const unreadable = new DataError({ code: 'itemIncomplete', args: ['Recommendations', 978], operation: { code: 'readItem', args: [978, 'Recommendations'] }, needs }, 'bad-data');
    expect([unreadable.message, errorText(unreadable, strings)]).toEqual(
      Array(2).fill("'Recommendations' holds an item the tracker cannot read while reading item 978 of 'Recommendations': item 978 needs completing (Kind is empty but required; Source 'HMIC' is not one of HMICFRS, IOPC).")
    );
  });

  it('why a reminder failed, as the log keeps it and as the run history words it', () => {
    expect({ ...strings.CoreMessages.Unreachable, unreadable: strings.RunHistory.Unreadable, refused: strings.RunHistory.Refused }).toEqual(LOG_PROBLEM_ENGLISH);
  });

  it('why a reminder cannot be sent again', () => {
    expect(keys(strings.RunHistory.SendAgainRefusals)).toEqual(keys(SEND_AGAIN_REFUSAL_ENGLISH));
    expect(strings.RunHistory.SendAgainRefusals).toEqual(SEND_AGAIN_REFUSAL_ENGLISH);
    const refused = new SendAgainError({ code: 'alreadyAsked', args: ['Site Admin'] });
    expect([refused.message, errorText(refused, strings)]).toEqual(Array(2).fill('This reminder cannot be sent again: Site Admin has already asked for it to be sent again.'));
  });

  it('why a round cannot go on', () => {
    expect(keys(strings.RoundProblems)).toEqual(keys(ROUND_PROBLEM_ENGLISH));
    expect(strings.RoundProblems).toEqual(ROUND_PROBLEM_ENGLISH);
    const refused = new RoundRequestError(roundRequestProblems({ committee: '', selection: {}, replyBy: '2017-12-01', paperDate: '2017-11-30' }, '2017-11-14'));
    expect([refused.message, errorText(refused, strings)]).toEqual(
      Array(2).fill('Name the committee the paper goes to. The paper is due before the reply-by date: owners must answer before the paper is written.')
    );
    const issued = { code: 'paperIssued', args: ['2017-11-23', 'Crime committee 2017-11-23.html'] } as const;
    expect([roundProblemText(issued), shownRoundProblem(issued, strings)]).toEqual(Array(2).fill('A paper for 2017-11-23 has already been issued (Crime committee 2017-11-23.html); an issued paper is never replaced.'));
  });

  it('why an address is refused', () => {
    expect(keys(strings.LinkProblems)).toEqual(keys(LINK_PROBLEM_ENGLISH));
    expect(strings.LinkProblems).toEqual(LINK_PROBLEM_ENGLISH);
    const refused = checkTrackerLink('https://evil.example/x', 'http://127.0.0.1:4321/?page=dashboard');
    expect(refused.ok ? [] : [linkProblemText(refused.problem), shownLinkProblem(refused.problem, strings)]).toEqual(
      Array(2).fill('The address leads to evil.example: only addresses on this computer (127.0.0.1, the local workbench) can be used.')
    );
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

  it('why a reminder failed, as the Reminder Log keeps it by code, in the service’s English', () => {
    const problem = { code: 'noPerson' as const, args: [{ phrase: 'roleSro' as const }] };
    const entry = { key: 'k', ruleKey: 'r', itemId: 1, itemKind: 'recommendation' as const, occurrence: '1', recipient: '(no sro)', channel: 'none', status: 'Failed' as const, at: '2026-03-20T09:00:00Z', attempts: 0 };
    const row = historyRow({ ...entry, detail: JSON.stringify({ error: 'The item has no SRO.', problem }) }, new Date('2026-03-20T10:00:00Z'));
    expect(row.problem === null ? '' : logProblemText(row.problem, strings)).toBe(row.reason);
    expect(logProblemText({ code: 'refused', args: [400, 'BadRequest', 'Recipient not found'] }, strings)).toBe('400 BadRequest: Recipient not found');
    expect(logProblemText({ code: 'unreadable', args: [] }, strings)).toBe('The log entry could not be read, so the reminder cannot be rebuilt.');
    // A send-again the service could not honour, and an entry of an older version (its English as it is).
    expect(logFailureText({ reason: 'Not sent again: …', problem, notSentAgain: true }, strings)).toBe('Not sent again: the entry keeps no card or recipient to send. The item has no SRO.');
    expect(logFailureText({ reason: 'The item has no owner.', problem: null, notSentAgain: false }, strings)).toBe('The item has no owner.');
  });
});

/** An HTTP failure as PnPjs throws it, with SharePoint's `odata.error` body. */
function httpError(status: number, code: string, value: string): unknown {
  return { isHttpRequestError: true, status, message: `Error making HttpClient request in queryable [${status}] ::> ${JSON.stringify({ 'odata.error': { code, message: { lang: 'en-US', value } } })}` };
}

describe('the data layer’s failures read on the screens as in its logs', () => {
  const shown = (e: unknown): [string, string] => [(e as Error).message, errorText(e, strings)];

  it('SharePoint’s refusals, with what was being done and its own words', () => {
    const missing = toDataError(httpError(404, '-2130575322, System.ArgumentException', "List 'Recommendations' does not exist at site with URL 'https://contoso.sharepoint.com/sites/insp'."), { code: 'loadList', args: ['Recommendations'] });
    expect(shown(missing)).toEqual(Array(2).fill("Not found while loading 'Recommendations': List 'Recommendations' does not exist at site with URL 'https://contoso.sharepoint.com/sites/insp'."));
    const denied = toDataError(httpError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied.'), { code: 'saveItem', args: [978, 'Recommendations'] });
    expect(shown(denied)).toEqual(Array(2).fill("You do not have permission for this: saving item 978 of 'Recommendations' was refused. Ask the site owner for edit access."));
    const busy = toDataError(httpError(503, '', ''), { code: 'readSetting', args: ['RagOverdueAgainst'] });
    expect(shown(busy)).toEqual(Array(2).fill("SharePoint is busy and asked us to slow down (HTTP 503) while reading setting 'RagOverdueAgainst'; it was retried and still refused. Nothing was changed by the refused request: try again in a minute."));
    const failed = toDataError({ isHttpRequestError: true, status: 500, message: '' }, { code: 'readChanges', args: ['Progress Updates'] });
    expect(shown(failed)).toEqual(Array(2).fill("SharePoint failed while reading changes to 'Progress Updates' (HTTP 500): no details."));
    const offline = toDataError(new TypeError('Failed to fetch'), { code: 'readCurrentUser', args: [] });
    expect(shown(offline)).toEqual(Array(2).fill('Could not reach SharePoint while reading the current user: Failed to fetch'));
  });

  it('conflicts, a batch ending with its first failure, and a setting that names no policy', () => {
    const base = { id: 978, etag: '"1"', value: LINCS_153 };
    const changed = new ConflictError('Recommendations', base, LINCS_153, { ...base, etag: '"2"' });
    expect(shown(changed)).toEqual(Array(2).fill("Item 978 in 'Recommendations' was changed by someone else after you opened it. Your changes were not saved; compare them with the current version and save again."));
    const batch = new BatchWriteError('Recommendations', [{ index: 1, input: LINCS_163, error: toDataError(httpError(400, '', 'Bad value'), { code: 'addItem', args: ['Recommendations'] }) }], [1, undefined, 3]);
    expect(shown(batch)).toEqual(Array(2).fill("1 of 3 changes to 'Recommendations' were not saved; the others were. The first not saved (number 2): SharePoint refused the request while adding to 'Recommendations': Bad value."));
    expect(shown(new SettingConflictError('RagOverdueAgainst', undefined))).toEqual(Array(2).fill("The setting 'RagOverdueAgainst' was changed by someone else after you opened it (it is now not set). Your change was not saved."));
    const policy = new DataError({ code: 'ragPolicy', args: ['latest', 'RagOverdueAgainst'] }, 'bad-data');
    expect(() => readRagPolicy('latest')).toThrow(policy.message);
    expect(errorText(policy, strings)).toBe("Tracker Settings holds 'latest' under RagOverdueAgainst: expected 'original' or 'current'. A site owner can choose again in the tracker's settings.");
  });

  it('any other error as its own message', () => {
    expect(errorText(new RangeError('Not a date'), strings)).toBe('Not a date');
    expect(errorText('offline', strings)).toBe('offline');
  });
});
