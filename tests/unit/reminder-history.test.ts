/**
 * The run history's reading of Reminder Log entries (core/reminders/history.ts): the state each
 * shows, and when "send again" may be asked for.
 */
import type { ReminderLogEntry } from '../../src/core/model';
import { historyRow, sendAgainRefusal, sendAgainRefusalText, withSendAgain } from '../../src/core/reminders';

const NOW = new Date('2026-03-20T10:00:00Z');

function entry(status: ReminderLogEntry['status'], detail: object | null, extra: Partial<ReminderLogEntry> = {}): ReminderLogEntry {
  return {
    key: 'k1',
    ruleKey: 'turned-red-sro',
    itemId: 7,
    itemKind: 'recommendation',
    occurrence: '3',
    recipient: 'sro@contoso.onmicrosoft.com',
    channel: 'teams',
    status,
    at: '2026-03-20T09:00:00Z',
    attempts: 1,
    ...(detail === null ? {} : { detail: JSON.stringify(detail) }),
    ...extra
  };
}

const card = { deliveryId: 'd-1', notBefore: '2026-03-20T09:00:00Z', recipient: { kind: 'user', address: 'sro@contoso.onmicrosoft.com', name: 'ACC Crime' }, item: { title: 'R1 has turned RED' } };

test('each entry shows its state, route and reason', () => {
  expect(historyRow(entry('Sent', card), NOW)).toMatchObject({ state: 'sent', route: 'chat', reason: null, recipientName: 'ACC Crime', title: 'R1 has turned RED', canSendAgain: false });
  expect(historyRow(entry('Claimed', { ...card, notBefore: '2026-03-23T08:00:00Z' }), NOW)).toMatchObject({ state: 'deferred', until: '2026-03-23T08:00:00Z' });
  expect(historyRow(entry('Claimed', { ...card, error: 'Service unavailable' }, { attempts: 2 }), NOW)).toMatchObject({ state: 'retrying', reason: 'Service unavailable' });
  expect(historyRow(entry('Claimed', card), NOW).state).toBe('waiting');
  expect(historyRow(entry('Failed', { ...card, error: '400 BadRequest: refused' }), NOW)).toMatchObject({ state: 'failed', reason: '400 BadRequest: refused', canSendAgain: true });
  // Nobody to send to: failed with the reason, and nothing to send again.
  expect(historyRow(entry('Failed', { error: 'The item has no SRO.' }, { channel: 'none' }), NOW)).toMatchObject({ state: 'failed', route: 'none', reason: 'The item has no SRO.', problem: null, canSendAgain: false });
  // The same written now: its problem by code too, for the screen to word; a code it does not know is none.
  const noSro = { code: 'noPerson', args: [{ phrase: 'roleSro' }] };
  expect(historyRow(entry('Failed', { error: 'The item has no SRO.', problem: noSro }, { channel: 'none' }), NOW)).toMatchObject({ reason: 'The item has no SRO.', problem: noSro, notSentAgain: false });
  expect(historyRow(entry('Failed', { error: 'x', problem: { code: 'gone', args: [] } }), NOW).problem).toBeNull();
  expect(historyRow(entry('Failed', { error: 'Not sent again: …', problem: noSro, notSentAgain: true }), NOW)).toMatchObject({ problem: noSro, notSentAgain: true });
  expect(historyRow(entry('Sent', { ...card, sentAgain: [{ by: 'Site Admin', at: '2026-03-20T09:30:00Z' }] }), NOW).sentAgain).toHaveLength(1);
});

test('send again is asked once, only of a failed entry that kept its card', () => {
  const failed = entry('Failed', { ...card, error: '400 BadRequest: refused' });
  const asked = withSendAgain(failed, 'Site Admin', NOW);
  expect(historyRow(asked, NOW)).toMatchObject({ state: 'send-again-requested', sendAgain: { by: 'Site Admin', at: NOW.toISOString() }, reason: '400 BadRequest: refused', canSendAgain: false });
  expect(asked.status).toBe('Failed');
  expect(sendAgainRefusal(asked)).toEqual({ code: 'alreadyAsked', args: ['Site Admin'] });
  const refusalText = (e: Parameters<typeof sendAgainRefusal>[0]): string | null => {
    const r = sendAgainRefusal(e);
    return r === null ? null : sendAgainRefusalText(r);
  };
  expect(refusalText(asked)).toBe('Site Admin has already asked for it to be sent again.');
  expect(() => withSendAgain(asked, 'Another Owner', NOW)).toThrow('already asked');
  expect(refusalText(entry('Sent', card))).toBe('It has been sent meanwhile.');
  expect(refusalText(entry('Claimed', card))).toBe('The reminder service is already sending it.');
  expect(refusalText(entry('Failed', { error: 'The item has no SRO.' }))).toMatch(/^It has no card or nobody to go to/);
  expect(refusalText(entry('Failed', null))).toMatch(/^It has no card/);
});
