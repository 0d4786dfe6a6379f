/**
 * What the signed-in person may do with an item ({@link itemPermissions}: readers read; editors
 * update, edit and ask; someone other than the owner and the requester decides closures and
 * extensions, which the core transitions enforce too), and the approver's side of My Actions: which
 * closure requests wait for them. The item's SRO and the closure approver the web part names may
 * sign off; the owner and the person who asked never may.
 */
import type { ClosureRequest, ExtensionRequest, Lifecycle, Person, Recommendation } from './model';
import { isOpen } from './status';
import { dependence, isSamePerson } from './transitions';

/** The signed-in person as the rules see them: their site user id, name, e-mail and edit right. */
export interface SignedInPerson {
  id: number;
  name: string;
  email: string;
  /** May add and edit items (Contribute or more). */
  canEdit: boolean;
}

/** What the signed-in person may do with an item now. */
export interface ItemPermissions {
  canUpdate: boolean;
  canRequestClosure: boolean;
  canDecideClosure: boolean;
  canRequestExtension: boolean;
  canDecideExtension: boolean;
}

/**
 * True when `person` (as an item names them) is `user`: by site user id, e-mail or name. Imports keep
 * people as written ("T/D/Ch/Supt Davison") while the signed-in name is the account's ("Head of Crime").
 */
export function isUser(user: Pick<SignedInPerson, 'id' | 'name' | 'email'>, person: Person | string | undefined): boolean {
  return (typeof person === 'object' && person.userId !== undefined && person.userId === user.id) || isSamePerson(user.name, person) || isSamePerson(user.email, person);
}

/** What the signed-in person may do with this item now. */
export function itemPermissions(rec: Recommendation, user: SignedInPerson): ItemPermissions {
  const pendingClosure = rec.closure !== undefined && rec.closure.decision === undefined;
  const pendingExtension = rec.extension !== undefined && rec.extension.decision === undefined;
  const is = (person: Person | string | undefined): boolean => isUser(user, person);
  const independent = (request: ClosureRequest | ExtensionRequest): boolean => dependence(is, rec.owner, request) === null;
  return {
    canUpdate: user.canEdit && isOpen(rec.lifecycle),
    canRequestClosure: user.canEdit && isOpen(rec.lifecycle) && !pendingClosure,
    canDecideClosure: user.canEdit && pendingClosure && rec.closure !== undefined && independent(rec.closure),
    canRequestExtension: user.canEdit && isOpen(rec.lifecycle) && !pendingExtension,
    canDecideExtension: user.canEdit && pendingExtension && rec.extension !== undefined && independent(rec.extension)
  };
}

/** The status of a recommendation whose closure has been asked for. */
export const SIGN_OFF_LIFECYCLES: readonly Lifecycle[] = ['Complete, awaiting sign-off'];

/** True when `user` is the recommendation's SRO: by site user id, name or e-mail, as owners are matched. */
export function isSroOf(rec: Recommendation, user: SignedInPerson): boolean {
  const sro = rec.sro;
  if (sro === undefined) return false;
  return (sro.userId !== undefined && sro.userId === user.id) || isSamePerson(user.name, sro) || (user.email !== '' && isSamePerson(user.email, sro));
}

/** True when `approverEmail` (the web part's closure approver) names `user`. */
export function isConfiguredApprover(approverEmail: string, user: SignedInPerson): boolean {
  const wanted = approverEmail.trim().toLowerCase();
  return wanted !== '' && user.email.trim().toLowerCase() === wanted;
}

/**
 * True when the recommendation's closure request waits for `user`'s decision: it is pending, the
 * user may decide it (edit rights, neither owner nor requester), and they are its SRO or the
 * configured approver.
 */
export function waitsForSignOffBy(rec: Recommendation, user: SignedInPerson, approverEmail: string): boolean {
  if (!SIGN_OFF_LIFECYCLES.includes(rec.lifecycle)) return false;
  if (!itemPermissions(rec, user).canDecideClosure) return false;
  return isSroOf(rec, user) || isConfiguredApprover(approverEmail, user);
}
