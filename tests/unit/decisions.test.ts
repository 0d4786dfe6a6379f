/**
 * Decisions checked against who SharePoint says saved them, on Lincolnshire's recommendation 163
 * (seed): the owner-swap route, a forged approver name, the requester deciding, the one-save
 * request-and-decision, for closures and extensions; and what withdrawing one restores.
 */
import { DECISION_GUARD_RULE, decisionAlerts, decisionProblems, withdrawDecisions, type SavedVersion } from '../../src/core/decisions';
import type { Recommendation } from '../../src/core/model';
import { recommendationSubject } from '../../src/core/reminders';
import { formatUkDate } from '../../src/core/dates';
import { trafficLight, type RagPolicy } from '../../src/core/status';
import { approveClosure, decideExtension, requestClosure, requestExtension } from '../../src/core/transitions';
import { LINCS_163 } from './fixtures/seedRecommendations';

const ORIGINAL: RagPolicy = { overdueAgainst: 'original' };
const EVIDENCE = 'The 2017 counter-corruption strategic assessment and control strategy were approved at the June board.';
const OWNER = { name: 'Supt Taylor', email: 'owner@contoso.onmicrosoft.com' };
const APPROVER = { name: 'Chief of Staff', email: 'manager@contoso.onmicrosoft.com' };
const ANALYST = { name: 'Strategic Development Analyst', email: 'analyst@contoso.onmicrosoft.com' };
const ADMIN = { name: 'Site Admin', email: 'admin@contoso.onmicrosoft.com' };

const base: Recommendation = { ...LINCS_163, owner: OWNER, sro: { name: 'DCC Knighton', email: 'dcc@contoso.onmicrosoft.com' } };
const requested = requestClosure(base, { by: OWNER.name, at: '2017-08-01T09:00:00Z', evidence: EVIDENCE });
const askedByAnalyst = requestClosure(base, { by: ANALYST.name, at: '2017-08-01T09:00:00Z', evidence: EVIDENCE });

/** What a REST MERGE of TrkClosure with an approval writes, whoever sends it. */
function forgedApproval(rec: Recommendation, by: string): Recommendation {
  if (rec.closure === undefined) throw new Error('no closure request');
  return { ...rec, lifecycle: 'Closed by the force', closure: { ...rec.closure, decision: { outcome: 'approved', by, at: '2017-08-03T09:00:00Z' } } };
}

function history(...versions: [Recommendation, { name: string; email?: string }][]): SavedVersion[] {
  return versions.map(([value, editor], i) => ({ label: `${i + 1}.0`, value, editor }));
}

describe('a closure decision', () => {
  const cases: [string, SavedVersion[], string | null][] = [
    ['approved by an independent approver through the UI', history([base, ADMIN], [requested, OWNER], [approveClosure(requested, { by: APPROVER.name, at: '2017-08-03T09:00:00Z', outcome: 'closed' }), APPROVER]), null],
    [
      'approved by the owner after giving the item to someone else (owner swap)',
      history([base, ADMIN], [askedByAnalyst, ANALYST], [{ ...askedByAnalyst, owner: { name: 'DCC Knighton' } }, OWNER], [forgedApproval({ ...askedByAnalyst, owner: { name: 'DCC Knighton' } }, OWNER.name), OWNER]),
      'Supt Taylor owned the item while it waited for a decision'
    ],
    [
      'the owner swap on a request made before the owner was recorded on requests',
      (() => {
        const old = { ...askedByAnalyst.closure! };
        delete old.ownerAtRequest;
        const oldRequest = { ...askedByAnalyst, closure: old };
        const swapped = { ...oldRequest, owner: { name: 'DCC Knighton' } };
        return history([base, ADMIN], [oldRequest, ANALYST], [swapped, OWNER], [forgedApproval(swapped, OWNER.name), OWNER]);
      })(),
      'Supt Taylor owned the item while it waited for a decision'
    ],
    ['naming the approver but saved by the owner (forged name)', history([base, ADMIN], [requested, OWNER], [forgedApproval(requested, APPROVER.name), OWNER]), 'it names Chief of Staff as the decider, but Supt Taylor saved it'],
    ['approved by the person who asked', history([base, ADMIN], [askedByAnalyst, ANALYST], [forgedApproval(askedByAnalyst, ANALYST.name), ANALYST]), 'Strategic Development Analyst asked for it'],
    [
      'approved by the person who changed the owner while it waited',
      history([base, ADMIN], [requested, OWNER], [{ ...requested, owner: { name: 'Head of Crime' } }, APPROVER], [forgedApproval({ ...requested, owner: { name: 'Head of Crime' } }, APPROVER.name), APPROVER]),
      "Chief of Staff changed the item's owner while it waited for a decision"
    ],
    ['asked for and approved in one save', history([base, ADMIN], [forgedApproval(requested, APPROVER.name), APPROVER]), 'it was asked for and decided in the same save'],
    ['saved with no editor recorded', [...history([base, ADMIN], [requested, OWNER]), { label: '3.0', value: forgedApproval(requested, APPROVER.name) }], 'SharePoint did not record who saved the decision']
  ];

  it.each(cases)('%s', (_what, versions, reason) => {
    const problems = decisionProblems(versions);
    expect(problems.map((p) => p.reason)).toEqual(reason === null ? [] : [reason]);
    if (reason !== null) expect(problems[0]).toMatchObject({ kind: 'closure', version: versions[versions.length - 1].label });
  });

  it.each([
    ['names an independent approver: it stands', APPROVER.name, []],
    ['names the owner, who asked: withdrawn', OWNER.name, ['Supt Taylor asked for it']],
    ['names the person who asked: withdrawn as such', ANALYST.name, ['Strategic Development Analyst asked for it']]
  ] as const)('saved by the reminder service for the person its bot resolved, it %s', (_what, by, reasons) => {
    const asked = by === ANALYST.name ? askedByAnalyst : requested;
    const versions = history([base, ADMIN], [asked, by === ANALYST.name ? ANALYST : OWNER], [forgedApproval(asked, by), ADMIN]);
    const service = (e: NonNullable<SavedVersion['editor']>): boolean => e.email === ADMIN.email;
    expect(decisionProblems(versions, () => false, service).map((p) => p.reason)).toEqual(reasons);
    // Saved by the service, the same decision is not the service's own unless the service says so.
    expect(decisionProblems(versions).map((p) => p.reason)).toEqual([`it names ${by} as the decider, but Site Admin saved it`]);
  });

  it('is checked once: a later version that keeps the decision is not reported again', () => {
    const forged = forgedApproval(requested, APPROVER.name);
    const versions = history([base, ADMIN], [requested, OWNER], [forged, OWNER], [{ ...forged, latestComment: 'Board minutes attached.' }, OWNER]);
    expect(decisionProblems(versions.slice(0, 3))).toHaveLength(1);
    expect(decisionProblems(versions)).toEqual([]);
  });

  it('is withdrawn back to the waiting request, with a note, and the SRO is told once', () => {
    const forged = forgedApproval({ ...askedByAnalyst, owner: { name: 'DCC Knighton' } }, OWNER.name);
    const versions = history([base, ADMIN], [askedByAnalyst, ANALYST], [{ ...askedByAnalyst, owner: { name: 'DCC Knighton' } }, OWNER], [forged, OWNER]);
    const problems = decisionProblems(versions);
    const colour = (rec: Recommendation): ReturnType<typeof trafficLight> => trafficLight(rec, '2017-08-04', ORIGINAL);
    const back = withdrawDecisions(forged, versions[2].value, problems, { name: 'Tracker service', at: '2017-08-04T07:30:00Z', colour });
    expect(back.lifecycle).toBe('Complete, awaiting sign-off');
    expect(back.closure).toEqual(askedByAnalyst.closure);
    expect(back.history[back.history.length - 1]).toEqual({
      at: '2017-08-04T07:30:00Z',
      lifecycle: 'Complete, awaiting sign-off',
      trafficLight: colour(back),
      by: 'Tracker service',
      note: 'Closure approved by Supt Taylor withdrawn: Supt Taylor owned the item while it waited for a decision. The request waits for an independent decision.'
    });
    const subject = recommendationSubject({ ...back, id: 163 }, '2017-08-04', { reportTitle: 'Counter-corruption 2016', approver: null, ragPolicy: ORIGINAL });
    const { intents, unresolved } = decisionAlerts(problems, subject, new Date('2017-08-04T07:30:00Z'), '2017-08-04');
    expect(unresolved).toEqual([]);
    expect(intents).toHaveLength(1);
    expect(intents[0]).toMatchObject({ ruleKey: DECISION_GUARD_RULE, occurrence: 'withdrawn-closure-v4.0', recipient: { kind: 'user', address: 'dcc@contoso.onmicrosoft.com', name: 'DCC Knighton' } });
    expect(intents[0].template.message).toContain('recorded as made by Supt Taylor was withdrawn, because Supt Taylor owned the item while it waited for a decision.');
    expect(decisionAlerts(problems, subject, new Date('2017-08-05T07:30:00Z'), '2017-08-05').intents[0].key).toBe(intents[0].key);
  });
});

describe('an extension decision', () => {
  const asked = requestExtension(base, { by: ANALYST.name, at: '2017-07-20T09:00:00Z', proposed: '2017-12-31', reason: 'The assessment waits for the regional analysis.' });

  it('approved through the UI by an independent decider stands', () => {
    const approved = decideExtension(asked, { by: APPROVER.name, at: '2017-07-21T09:00:00Z', outcome: 'approved' });
    expect(decisionProblems(history([base, ADMIN], [asked, ANALYST], [approved, APPROVER]))).toEqual([]);
  });

  it('approved by the owner after an owner swap is withdrawn, and the due date goes back', () => {
    const swapped = { ...asked, owner: { name: 'DCC Knighton' } };
    const forged: Recommendation = {
      ...swapped,
      due: { ...swapped.due, current: '2017-12-31', revisions: [...swapped.due.revisions, { from: swapped.due.current, to: '2017-12-31', reason: 'x', approvedBy: OWNER.name, at: '2017-07-22T09:00:00Z' }] },
      extension: { ...swapped.extension!, decision: { outcome: 'approved', by: OWNER.name, at: '2017-07-22T09:00:00Z' } }
    };
    const versions = history([base, ADMIN], [asked, ANALYST], [swapped, OWNER], [forged, OWNER]);
    const problems = decisionProblems(versions);
    expect(problems).toEqual([{ kind: 'extension', version: '4.0', decidedBy: OWNER.name, savedBy: OWNER.name, reason: 'Supt Taylor owned the item while it waited for a decision' }]);
    const back = withdrawDecisions(forged, swapped, problems, { name: 'Tracker service', at: '2017-07-23T07:30:00Z', colour: (rec) => trafficLight(rec, '2017-07-23', ORIGINAL) });
    expect(back.due).toEqual(base.due);
    expect(back.extension?.decision).toBeUndefined();
    expect(back.extension?.proposed).toBe('2017-12-31');
  });
});

describe('the UI rule (transitions)', () => {
  it('refuses the owner at request time after the owner was changed', () => {
    const swapped = { ...requested, owner: { name: 'DCC Knighton' } };
    expect(() => approveClosure(swapped, { by: OWNER.name, at: '2017-08-03T09:00:00Z', outcome: 'closed' })).toThrow('Supt Taylor owned the item when this was asked for, so cannot approve its closure; someone else must.');
  });
});

describe('a due date moved outside an extension', () => {
  const moved = (rec: Recommendation, to: string): Recommendation => ({ ...rec, due: { ...rec.due, current: to } });
  const SITE_OWNER = (editor: { name: string }): boolean => editor.name === ADMIN.name;

  it('by a member through a MERGE of the due date is reported, and withdrawing it puts the date back', () => {
    const versions = history([base, ADMIN], [moved(base, '2018-12-31'), OWNER]);
    const problems = decisionProblems(versions, SITE_OWNER);
    expect(problems).toEqual([
      { kind: 'due date', version: '2.0', decidedBy: OWNER.name, savedBy: OWNER.name, reason: `the due date was moved from ${formatUkDate(base.due.current ?? '')} to 31 December 2018 without an approved extension` }
    ]);
    const back = withdrawDecisions(versions[1].value, base, problems, { name: 'Tracker service', at: '2017-08-04T07:30:00Z', colour: (rec) => trafficLight(rec, '2017-08-04', ORIGINAL) });
    expect(back.due).toEqual(base.due);
    expect(back.history[back.history.length - 1].note).toMatch(/^Due date change by Supt Taylor withdrawn: the due date was moved .* A due date moves only through an extension request\.$/);
  });

  it('by a site owner (an import, a correction) stands', () => {
    expect(decisionProblems(history([base, ADMIN], [moved(base, '2018-12-31'), ADMIN]), SITE_OWNER)).toEqual([]);
  });

  it('by an independently approved extension stands; by an extension the owner approved after a swap is reported once, as the extension', () => {
    const asked = requestExtension(base, { by: ANALYST.name, at: '2017-07-20T09:00:00Z', proposed: '2017-12-31', reason: 'The assessment waits for the regional analysis.' });
    const approved = decideExtension(asked, { by: APPROVER.name, at: '2017-07-21T09:00:00Z', outcome: 'approved' });
    expect(approved.due.current).toBe('2017-12-31');
    expect(decisionProblems(history([base, ADMIN], [asked, ANALYST], [approved, APPROVER]), SITE_OWNER)).toEqual([]);
    const swapped = { ...asked, owner: { name: 'DCC Knighton' } };
    // The MERGE the UI would send for an approval, written by the owner under their own name.
    const decided = decideExtension(swapped, { by: APPROVER.name, at: '2017-07-22T09:00:00Z', outcome: 'approved' });
    const forged: Recommendation = { ...decided, extension: { ...decided.extension!, decision: { ...decided.extension!.decision!, by: OWNER.name } } };
    expect(decisionProblems(history([base, ADMIN], [asked, ANALYST], [swapped, OWNER], [forged, OWNER]), SITE_OWNER).map((p) => p.kind)).toEqual(['extension']);
  });
});
