/**
 * Who sees a closure request in My Actions' "Waiting for your sign-off": the item's SRO and the
 * configured closure approver, never the owner or the person who asked, and only while the request
 * is pending. The item is the demo's Lincolnshire AFI 156 (owner Head of Crime, SRO ACC Gibson), as
 * the importer plans it from the seed.
 */
import { planDemoFile, readDemoPeople } from '../../src/import/demo';
import type { Person, Recommendation } from '../../src/core/model';
import type { PlannedPerson } from '../../src/core/import';
import { approveClosure, requestClosure, requestExtension, returnClosure } from '../../src/core/transitions';
import { isConfiguredApprover, isSroOf, itemPermissions, waitsForSignOffBy } from '../../src/core/permissions';
import type { TrackerUser } from '../../src/data/TrackerDataSource';

const user = (id: number, name: string, email: string, canEdit = true): TrackerUser => ({ id, name, email, canRead: true, canEdit, canManageLists: false });

// The site users the demo's accounts become (names as the directory gives them).
const OWNER = user(9, 'Head of Crime', 'owner@contoso.onmicrosoft.com');
const SRO = user(10, 'ACC Crime', 'sro@contoso.onmicrosoft.com');
const DCC = user(11, 'Deputy Chief Constable', 'dcc@contoso.onmicrosoft.com');
const MANAGER = user(12, 'Chief of Staff', 'manager@contoso.onmicrosoft.com');
const READER = user(13, 'Read Only User', 'reader@contoso.onmicrosoft.com', false);
const APPROVER = 'Manager@Contoso.onmicrosoft.com ';
const AT = '2017-11-14T09:30:00Z';

/** A planned person as the importer's writer stores it: the account's e-mail, no site id yet. */
function stored(p: PlannedPerson | undefined): Person | undefined {
  return p === undefined ? undefined : { name: p.name, ...(p.login === undefined ? {} : { email: p.login }) };
}

let afi156: Recommendation;
let requested: Recommendation;

beforeAll(async () => {
  const plan = await planDemoFile('lincolnshire-action-matrix.json', await readDemoPeople());
  const planned = plan.recommendations.find((r) => r.recommendation.ref === '156' && r.recommendation.text.includes('sexual exploitation'));
  if (planned === undefined) throw new Error('The demo action matrix has no AFI 156.');
  afi156 = { ...planned.recommendation, sro: stored(planned.sro), owner: stored(planned.owner) };
  requested = requestClosure(afi156, { by: OWNER.name, at: AT, evidence: 'CSE training delivered to every response team; attendance records in the evidence library.' });
});

test('the demo item is what the test relies on: owned by Head of Crime, ACC Gibson its SRO', () => {
  expect(afi156.owner?.email).toBe(OWNER.email);
  expect(afi156.sro).toEqual({ name: 'ACC Gibson', email: SRO.email });
  expect(requested.lifecycle).toBe('Complete, awaiting sign-off');
});

test("the SRO is matched by e-mail, site user id or name, as owners are", () => {
  expect(isSroOf(afi156, SRO)).toBe(true);
  expect(isSroOf({ ...afi156, sro: { name: 'ACC Gibson', userId: SRO.id } }, { ...SRO, email: 'someone.else@contoso.onmicrosoft.com' })).toBe(true);
  expect(isSroOf({ ...afi156, sro: { name: 'acc crime' } }, SRO)).toBe(true);
  expect(isSroOf(afi156, DCC)).toBe(false);
  expect(isSroOf({ ...afi156, sro: undefined }, SRO)).toBe(false);
});

test('the configured approver is matched by e-mail, whatever the case and spacing; none is configured by default', () => {
  expect(isConfiguredApprover(APPROVER, MANAGER)).toBe(true);
  expect(isConfiguredApprover(APPROVER, SRO)).toBe(false);
  expect(isConfiguredApprover('', MANAGER)).toBe(false);
  expect(isConfiguredApprover('   ', { ...MANAGER, email: '' })).toBe(false);
});

test("a pending request waits for the item's SRO and for the configured approver", () => {
  expect(waitsForSignOffBy(requested, SRO, '')).toBe(true);
  expect(waitsForSignOffBy(requested, MANAGER, APPROVER)).toBe(true);
  expect(waitsForSignOffBy(requested, MANAGER, '')).toBe(false);
  expect(waitsForSignOffBy(requested, DCC, APPROVER)).toBe(false);
});

test('never the owner, never the person who asked, never someone who cannot edit', () => {
  expect(waitsForSignOffBy(requested, OWNER, OWNER.email)).toBe(false);
  // The Chief of Staff asked on the owner's behalf: someone else decides.
  const askedByManager = requestClosure(afi156, { by: MANAGER.name, at: AT, evidence: 'Training records reviewed.' });
  expect(waitsForSignOffBy(askedByManager, MANAGER, APPROVER)).toBe(false);
  expect(waitsForSignOffBy(askedByManager, SRO, APPROVER)).toBe(true);
  expect(waitsForSignOffBy(requested, READER, READER.email)).toBe(false);
});

test('only while the request is pending: not before it, not once approved or returned', () => {
  expect(waitsForSignOffBy(afi156, SRO, APPROVER)).toBe(false);
  const approved = approveClosure(requested, { by: MANAGER.name, at: AT, outcome: 'closed' });
  expect(approved.lifecycle).toBe('Closed by the force');
  expect(waitsForSignOffBy(approved, SRO, APPROVER)).toBe(false);
  const returned = returnClosure(requested, { by: SRO.name, at: AT, note: 'Evidence of effectiveness needed, not only attendance.' });
  expect(waitsForSignOffBy(returned, MANAGER, APPROVER)).toBe(false);
  // An imported item already awaiting sign-off, with no request recorded, has nothing to decide.
  expect(waitsForSignOffBy({ ...afi156, lifecycle: 'Complete, awaiting sign-off' }, SRO, APPROVER)).toBe(false);
});

test("the item's commands: editors update and ask; the owner and whoever asked never decide", () => {
  expect(itemPermissions(afi156, OWNER)).toEqual({ canUpdate: true, canRequestClosure: true, canDecideClosure: false, canRequestExtension: true, canDecideExtension: false });
  expect(itemPermissions(afi156, READER)).toEqual({ canUpdate: false, canRequestClosure: false, canDecideClosure: false, canRequestExtension: false, canDecideExtension: false });
  expect(itemPermissions(requested, OWNER).canDecideClosure).toBe(false);
  expect(itemPermissions(requested, OWNER).canRequestClosure).toBe(false);
  expect(itemPermissions(requested, SRO).canDecideClosure).toBe(true);
  // The owner changes after the request: the owner at the time of asking still may not decide.
  expect(itemPermissions({ ...requested, owner: { name: 'Someone Else' } }, OWNER).canDecideClosure).toBe(false);
  const extension = requestExtension(afi156, { by: OWNER.name, at: AT, proposed: '2018-06-30', reason: 'Training runs into the spring.' });
  expect(itemPermissions(extension, OWNER)).toMatchObject({ canRequestExtension: false, canDecideExtension: false });
  expect(itemPermissions(extension, DCC).canDecideExtension).toBe(true);
});
