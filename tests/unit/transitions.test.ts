import { parseIsoDate } from '../../src/core/dates';
import type { Recommendation } from '../../src/core/model';
import {
  TransitionError,
  approveClosure,
  changeLifecycle,
  clearManualRed,
  decideExtension,
  reopen,
  requestClosure,
  requestExtension,
  returnClosure,
  setManualRed
} from '../../src/core/transitions';
import { trafficLight } from '../../src/core/status';
import { LANCS_AWAITING_REVIEW, LINCS_163, cityRow, dated, recommendation } from './fixtures/seedRecommendations';

/** Runs a transition expected to be refused and returns the error, checking it is a TransitionError. */
function refusal(run: () => unknown): TransitionError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(TransitionError);
    return e as TransitionError;
  }
  throw new Error('The transition was expected to be refused, but it succeeded.');
}

// Lincolnshire 163: "The document is complete and awaiting sign off when new T/DCC starts."
const EVIDENCE = 'The analytical work that underpins the ACU strategic assessment has now been completed and five priority areas identified as a result.';

describe('closure', () => {
  const requested = requestClosure(LINCS_163, { by: 'Supt Taylor', at: '2017-08-01T09:00:00Z', evidence: EVIDENCE });

  it('needs evidence, and moves the item to "Complete, awaiting sign-off" (GREEN)', () => {
    expect(refusal(() => requestClosure(LINCS_163, { by: 'Supt Taylor', at: '2017-08-01T09:00:00Z', evidence: '  ' })).message).toBe(
      'Closure needs evidence that the recommendation has been implemented.'
    );
    expect(requested.lifecycle).toBe('Complete, awaiting sign-off');
    expect(requested.closure).toEqual({ requestedBy: 'Supt Taylor', requestedAt: '2017-08-01T09:00:00Z', evidence: EVIDENCE, ownerAtRequest: { name: 'Supt Taylor' } });
    expect(requested.history).toEqual([
      { at: '2017-08-01T09:00:00Z', lifecycle: 'Complete, awaiting sign-off', trafficLight: 'GREEN', by: 'Supt Taylor', note: 'Closure requested' }
    ]);
    expect(requested.trafficLight).toBe('GREEN');
  });

  it('does not change the recommendation it was given', () => {
    expect(LINCS_163.lifecycle).toBe('Being progressed');
    expect(LINCS_163.history).toEqual([]);
    expect(LINCS_163.closure).toBeUndefined();
  });

  it('refuses an approver who is the owner or who asked, whatever the letter case', () => {
    expect(refusal(() => approveClosure(requested, { by: 'supt  taylor', at: '2017-08-02T09:00:00Z', outcome: 'closed' })).message).toBe(
      'The owner cannot approve its closure; someone else must.'
    );
    const askedByAnalyst = requestClosure(LINCS_163, { by: 'Strategic Development', at: '2017-08-01T09:00:00Z', evidence: EVIDENCE });
    const e = refusal(() => approveClosure(askedByAnalyst, { by: 'Strategic Development', at: '2017-08-02T09:00:00Z', outcome: 'closed' }));
    expect(e.code).toBe('not-independent');
    expect(e.message).toBe('Strategic Development asked, so cannot also approve its closure; someone else must.');
  });

  it('closes by the force or discharges by the inspectorate when someone independent approves', () => {
    const closed = approveClosure(requested, { by: 'DCC Knighton', at: '2017-08-02T09:00:00Z', outcome: 'closed' });
    expect(closed.lifecycle).toBe('Closed by the force');
    expect(closed.closure?.decision).toEqual({ outcome: 'approved', by: 'DCC Knighton', at: '2017-08-02T09:00:00Z' });
    expect(closed.closure?.evidence).toBe(EVIDENCE);
    const discharged = approveClosure(requested, { by: 'HMI', at: '2017-08-02T09:00:00Z', outcome: 'discharged', note: 'Seen at revisit' });
    expect(discharged.lifecycle).toBe('Discharged by the inspectorate');
    expect(discharged.history.map((h) => [h.lifecycle, h.trafficLight, h.note])).toEqual([
      ['Complete, awaiting sign-off', 'GREEN', 'Closure requested'],
      ['Discharged by the inspectorate', 'GREEN', 'Closure approved: Seen at revisit']
    ]);
  });

  it('returns a request with a reason, back to "Being progressed" and its derived colour', () => {
    expect(refusal(() => returnClosure(requested, { by: 'DCC Knighton', at: '2017-08-02T09:00:00Z', note: '' })).code).toBe('missing-input');
    const returned = returnClosure(requested, { by: 'DCC Knighton', at: '2017-08-02T09:00:00Z', note: 'Await the new T/DCC' });
    expect(returned.lifecycle).toBe('Being progressed');
    // Due "Jul-17": on 2 August 2017 the open item is past its due date.
    expect(returned.history[1]).toMatchObject({ lifecycle: 'Being progressed', trafficLight: 'RED', note: 'Closure returned: Await the new T/DCC' });
    expect(refusal(() => approveClosure(returned, { by: 'DCC Knighton', at: '2017-08-03T09:00:00Z', outcome: 'closed' })).message).toBe(
      'There is no closure request awaiting sign-off.'
    );
  });

  it('refuses a second request while one awaits sign-off, and a request on a closed item', () => {
    expect(refusal(() => requestClosure(requested, { by: 'Supt Taylor', at: '2017-08-01T10:00:00Z', evidence: EVIDENCE })).message).toBe(
      'Closure can only be requested while the recommendation is open; it is "Complete, awaiting sign-off".'
    );
  });

  it('refuses a change without a person or with a time that is not a time', () => {
    expect(refusal(() => requestClosure(LINCS_163, { by: ' ', at: '2017-08-01T09:00:00Z', evidence: EVIDENCE })).message).toBe('Say who is making this change.');
    expect(refusal(() => requestClosure(LINCS_163, { by: 'Supt Taylor', at: '01/08/2017', evidence: EVIDENCE })).code).toBe('invalid-date');
  });
});

describe('re-opening', () => {
  // PEEL: Police Legitimacy 2016 - CoLP, AFI 1: NEW CLOSED, "PSD do not believe that any further action is required".
  const closedItem = cityRow('PEEL: Police Legitimacy 2016 - CoLP', '1').rec;

  it('needs a reason and records it, every time', () => {
    expect(refusal(() => reopen(closedItem, { by: 'Head of Professional Standards', at: '2017-12-01T09:00:00Z', reason: '' })).message).toBe(
      'Say why the recommendation is being re-opened.'
    );
    const reopened = reopen(closedItem, { by: 'Head of Professional Standards', at: '2017-12-01T09:00:00Z', reason: 'Committee asked for a feedback route for complainants' });
    expect(reopened.lifecycle).toBe('Being progressed');
    expect(reopened.reopenings).toEqual([
      { at: '2017-12-01T09:00:00Z', by: 'Head of Professional Standards', reason: 'Committee asked for a feedback route for complainants' }
    ]);
    // Due April 2017 and open again: RED.
    expect(reopened.history[reopened.history.length - 1]).toMatchObject({ lifecycle: 'Being progressed', trafficLight: 'RED' });
  });

  it('only re-opens what is closed, discharged or needing no further action', () => {
    expect(refusal(() => reopen(LINCS_163, { by: 'DCC Knighton', at: '2017-12-01T09:00:00Z', reason: 'x' })).code).toBe('wrong-state');
  });
});

describe('extensions: the only way a due date moves', () => {
  // PEEL: Police Effectiveness 2016, AFI 12: "Sept 17 [Original internal deadline] Now due: March 2018".
  const beforeRevision: Recommendation = {
    ...cityRow('PEEL: Police Effectiveness 2016', '12').rec,
    owner: { name: 'T/Commander Jane Gyford' },
    due: dated('Sept 17 [Original internal deadline]', '2017-09-30')
  };
  const reason = 'Analysis to understand which tactics are most effective is not yet complete.';

  it('needs a reason and a real, later date', () => {
    const by = 'T/Commander Jane Gyford';
    expect(refusal(() => requestExtension(beforeRevision, { by, at: '2017-09-20T09:00:00Z', proposed: '2018-03-31', reason: '' })).message).toBe('An extension needs a reason.');
    expect(refusal(() => requestExtension(beforeRevision, { by, at: '2017-09-20T09:00:00Z', proposed: '2018-02-31', reason })).message).toBe(
      "The proposed due date is not a valid date: No such date: '2018-02-31'"
    );
    // The refusal quotes what the calendar says of the date, for both ways a date can be wrong.
    for (const proposed of ['2018-02-31', '31/03/2018']) {
      expect(() => parseIsoDate(proposed)).toThrow(refusal(() => requestExtension(beforeRevision, { by, at: '2017-09-20T09:00:00Z', proposed, reason })).message.replace('The proposed due date is not a valid date: ', ''));
    }
    expect(refusal(() => requestExtension(beforeRevision, { by, at: '2017-09-20T09:00:00Z', proposed: '2017-09-01', reason })).message).toBe(
      'The proposed due date 1 September 2017 has already passed.'
    );
    expect(refusal(() => requestExtension(beforeRevision, { by, at: '2017-09-20T09:00:00Z', proposed: '2017-09-30', reason })).message).toBe(
      'The proposed due date 30 September 2017 must be later than the current due date, 30 September 2017.'
    );
  });

  const requested = requestExtension(beforeRevision, { by: 'T/Commander Jane Gyford', at: '2017-09-20T09:00:00Z', proposed: '2018-03-31', reason });

  it('leaves the due date alone until decided, and allows one pending request', () => {
    expect(requested.due).toEqual(beforeRevision.due);
    expect(requested.extension).toEqual({ requestedBy: 'T/Commander Jane Gyford', requestedAt: '2017-09-20T09:00:00Z', proposed: '2018-03-31', reason, ownerAtRequest: expect.objectContaining({ name: expect.any(String) }) });
    expect(requested.history[requested.history.length - 1].note).toBe(`Extension to 31 March 2018 requested: ${reason}`);
    expect(refusal(() => requestExtension(requested, { by: 'T/Commander Jane Gyford', at: '2017-09-21T09:00:00Z', proposed: '2018-06-30', reason })).code).toBe(
      'already-pending'
    );
  });

  it('is decided by someone other than the owner', () => {
    expect(refusal(() => decideExtension(requested, { by: 'T/Commander Jane Gyford', at: '2017-09-22T09:00:00Z', outcome: 'approved' })).message).toBe(
      'The owner cannot decide its extension; someone else must.'
    );
  });

  it('on approval keeps the original date and every revision', () => {
    const approved = decideExtension(requested, { by: 'Commander Operations', at: '2017-09-22T09:00:00Z', outcome: 'approved' });
    expect(approved.due).toEqual({
      kind: 'date',
      original: '2017-09-30',
      current: '2018-03-31',
      revisions: [{ from: '2017-09-30', to: '2018-03-31', reason, approvedBy: 'Commander Operations', at: '2017-09-22T09:00:00Z' }],
      raw: 'Sept 17 [Original internal deadline]'
    });
    expect(trafficLight(approved, '2017-11-17')).toBe('AMBER');

    const again = decideExtension(
      requestExtension(approved, { by: 'T/Commander Jane Gyford', at: '2018-03-01T09:00:00Z', proposed: '2018-06-30', reason: 'LRO training programme runs to June 2018' }),
      { by: 'Commander Operations', at: '2018-03-02T09:00:00Z', outcome: 'approved' }
    );
    expect(again.due.original).toBe('2017-09-30');
    expect(again.due.current).toBe('2018-06-30');
    expect(again.due.revisions.map((r) => [r.from, r.to])).toEqual([
      ['2017-09-30', '2018-03-31'],
      ['2018-03-31', '2018-06-30']
    ]);
  });

  it('on refusal keeps the due date and records the decision', () => {
    const refused = decideExtension(requested, { by: 'Commander Operations', at: '2017-09-22T09:00:00Z', outcome: 'refused', note: 'Deliver by the internal deadline' });
    expect(refused.due).toEqual(beforeRevision.due);
    expect(refused.extension?.decision).toEqual({ outcome: 'refused', by: 'Commander Operations', at: '2017-09-22T09:00:00Z', note: 'Deliver by the internal deadline' });
    // 1 October 2017 London time: the refused item is past "Sept 17".
    expect(trafficLight(refused, '2017-10-01')).toBe('RED');
  });

  it('gives an item awaiting a new timescale its first committed date as the original', () => {
    const awaiting = recommendation({ ...LINCS_163, due: { kind: 'awaiting new timescale', original: null, current: null, revisions: [], raw: 'Awaiting new timescale' } });
    const set = decideExtension(
      requestExtension(awaiting, { by: 'Supt Taylor', at: '2017-08-01T09:00:00Z', proposed: '2018-01-31', reason: 'New T/DCC starts in January' }),
      { by: 'DCC Knighton', at: '2017-08-02T09:00:00Z', outcome: 'approved' }
    );
    expect(set.due).toMatchObject({ kind: 'date', original: '2018-01-31', current: '2018-01-31', raw: 'Awaiting new timescale' });
    expect(set.due.revisions).toEqual([{ from: null, to: '2018-01-31', reason: 'New T/DCC starts in January', approvedBy: 'DCC Knighton', at: '2017-08-02T09:00:00Z' }]);
  });
});

describe('manual RED', () => {
  const vetting = cityRow('PEEL: Police Legitimacy 2016 – National', '1 (within 2 years)').rec;
  const rationale = 'The use of an external agency to provide a feedback service has been considered but discounted on the basis of value for money.';

  it('needs a rationale, then wins until cleared', () => {
    expect(refusal(() => setManualRed(vetting, { by: 'Strategic Development', at: '2017-11-10T10:00:00Z', rationale: ' ' })).message).toBe(
      'A manual RED needs a rationale: why it cannot or will not be implemented.'
    );
    const red = setManualRed(vetting, { by: 'Strategic Development', at: '2017-11-10T10:00:00Z', rationale });
    expect(red.ragOverride).toEqual({ colour: 'RED', rationale, setBy: 'Strategic Development', at: '2017-11-10T10:00:00Z' });
    expect(red.history[red.history.length - 1]).toMatchObject({ trafficLight: 'RED', note: `Set RED by hand: ${rationale}` });
    const cleared = clearManualRed(red, { by: 'Strategic Development', at: '2017-11-11T10:00:00Z' });
    expect(cleared.ragOverride).toBeUndefined();
    expect(cleared.history[cleared.history.length - 1]).toMatchObject({ trafficLight: 'AMBER', note: 'Manual RED cleared' });
    expect(refusal(() => clearManualRed(cleared, { by: 'Strategic Development', at: '2017-11-12T10:00:00Z' })).code).toBe('nothing-pending');
  });
});

describe('other lifecycle moves', () => {
  it('takes a Lancashire row "Awaiting Review from FLL" to "Being progressed"', () => {
    const moved = changeLifecycle(LANCS_AWAITING_REVIEW, { to: 'Being progressed', by: 'Chief of Staff', at: '2017-05-02T08:00:00Z' });
    expect(moved.lifecycle).toBe('Being progressed');
    expect(moved.history).toEqual([{ at: '2017-05-02T08:00:00Z', lifecycle: 'Being progressed', trafficLight: 'AMBER', by: 'Chief of Staff', note: 'Status changed to "Being progressed"' }]);
  });

  it('needs a note to mark "No further action", a closing state that reads GREEN, not WHITE', () => {
    expect(refusal(() => changeLifecycle(LANCS_AWAITING_REVIEW, { to: 'No further action', by: 'Chief of Staff', at: '2017-05-02T08:00:00Z' })).message).toBe(
      'Say why no further action is needed.'
    );
    const nfa = changeLifecycle(LANCS_AWAITING_REVIEW, { to: 'No further action', by: 'Chief of Staff', at: '2017-05-02T08:00:00Z', note: 'Superseded by the 2017 YOT protocol' });
    expect(nfa.history[0]).toMatchObject({ lifecycle: 'No further action', trafficLight: 'GREEN', note: 'Superseded by the 2017 YOT protocol' });
  });

  it('sends closures and re-openings through their own transitions', () => {
    expect(refusal(() => changeLifecycle(LANCS_AWAITING_REVIEW, { to: 'Closed by the force', by: 'Chief of Staff', at: '2017-05-02T08:00:00Z' })).message).toBe(
      '"Awaiting review" cannot be changed to "Closed by the force" directly. Request closure with evidence, then have it approved.'
    );
    const closed = cityRow('PEEL: Police Legitimacy 2016 - CoLP', '1').rec;
    expect(refusal(() => changeLifecycle(closed, { to: 'Being progressed', by: 'Chief of Staff', at: '2017-12-02T08:00:00Z' })).message).toBe(
      '"Closed by the force" cannot be changed to "Being progressed" directly. Re-open it with a reason instead.'
    );
  });
});
