import { stableHash } from '../../src/core/hash';
import { recipientId, idempotencyKey, type Recipient } from '../../src/core/reminders';
import { reportKey } from '../../src/core/import';

// Keys built from this hash are stored on sites (import keys are recomputed from items, reminder
// keys sit in the Reminder Log): the values must never change. These were computed by the two
// copies the hash replaced (core/import/keys.ts and core/reminders/keys.ts), which agreed.
describe('stableHash (cyrb53)', () => {
  it.each([
    ['empty text', '', '0bdcb81aee8d83'],
    ['one letter', 'a', '1c2ba782c97901'],
    ['a recipient id', 'user:head.of.public.protection@example.police.uk', '1d6d808ca379a4'],
    ['non-ASCII text', 'report: hmicfrs peel 2023 – “quoted” £ é 😀', '073c1bdc49d0bc'],
    ['5,000 characters', 'x'.repeat(5000), '0c7e5049271672']
  ])('%s hashes to the stored value', (_label, text, hash) => {
    expect(stableHash(text)).toBe(hash);
  });

  it('is what both kinds of key are built with', () => {
    const recipient: Recipient = { kind: 'user', address: 'Head.Of.Public.Protection@example.police.uk', name: 'Head of Public Protection' };
    expect(recipientId(recipient)).toBe('user:head.of.public.protection@example.police.uk');
    expect(idempotencyKey('overdue-owner', 'recommendation', 42, 'due:2026-03-31#1', recipient)).toBe(`overdue-owner|r42|due:2026-03-31#1|${stableHash('user:head.of.public.protection@example.police.uk')}`);
    expect(reportKey('A')).toBe(`report:${stableHash('a')}`);
  });
});
