/**
 * What the signed-in person may do with an item now: the tracker's own rule, which the item panel,
 * My Actions and its sign-off list share (the core transitions enforce it on save).
 */
import type { ClosureRequest, ExtensionRequest, Person, Recommendation } from '../../core/model';
import { isOpen } from '../../core/status';
import { isSamePerson } from '../../core/transitions';
import type { TrackerUser } from '../data/TrackerDataSource';

/** What the signed-in person may do with this item now. */
export function itemPermissions(rec: Recommendation, user: TrackerUser): {
  canUpdate: boolean;
  canRequestClosure: boolean;
  canDecideClosure: boolean;
  canRequestExtension: boolean;
  canDecideExtension: boolean;
} {
  const pendingClosure = rec.closure !== undefined && rec.closure.decision === undefined;
  const pendingExtension = rec.extension !== undefined && rec.extension.decision === undefined;
  // People are matched by site user id and e-mail as well as by name: imports keep the owner as
  // written ("T/D/Ch/Supt Davison") while the signed-in name is the account's ("Head of Crime").
  const is = (person: Person | string | undefined): boolean =>
    (typeof person === 'object' && person.userId !== undefined && person.userId === user.id) || isSamePerson(user.name, person) || isSamePerson(user.email, person);
  // Whoever owned the item when the request was made stays excluded after the owner is changed.
  const independent = (request: ClosureRequest | ExtensionRequest): boolean => !is(rec.owner) && !is(request.ownerAtRequest) && !is(request.requestedBy);
  return {
    canUpdate: user.canEdit && isOpen(rec.lifecycle),
    canRequestClosure: user.canEdit && isOpen(rec.lifecycle) && !pendingClosure,
    canDecideClosure: user.canEdit && pendingClosure && rec.closure !== undefined && independent(rec.closure),
    canRequestExtension: user.canEdit && isOpen(rec.lifecycle) && !pendingExtension,
    canDecideExtension: user.canEdit && pendingExtension && rec.extension !== undefined && independent(rec.extension)
  };
}
