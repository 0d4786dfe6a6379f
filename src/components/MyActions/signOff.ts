/**
 * The approver's side of My Actions: which closure requests wait for the signed-in person. The item's
 * SRO and the closure approver the web part names may sign off; the owner and the person who asked
 * never may (the tracker's own rule, {@link itemPermissions}, which the core transitions enforce).
 */
import type { Lifecycle, Recommendation } from '../../core/model';
import { isSamePerson } from '../../core/transitions';
import { itemPermissions } from '../item/permissions';
import type { TrackerUser } from '../data/TrackerDataSource';

/** The status of a recommendation whose closure has been asked for. */
export const SIGN_OFF_LIFECYCLES: readonly Lifecycle[] = ['Complete, awaiting sign-off'];

/** True when `user` is the recommendation's SRO: by site user id, name or e-mail, as owners are matched. */
export function isSroOf(rec: Recommendation, user: TrackerUser): boolean {
  const sro = rec.sro;
  if (sro === undefined) return false;
  return (sro.userId !== undefined && sro.userId === user.id) || isSamePerson(user.name, sro) || (user.email !== '' && isSamePerson(user.email, sro));
}

/** True when `approverEmail` (the web part's closure approver) names `user`. */
export function isConfiguredApprover(approverEmail: string, user: TrackerUser): boolean {
  const wanted = approverEmail.trim().toLowerCase();
  return wanted !== '' && user.email.trim().toLowerCase() === wanted;
}

/**
 * True when the recommendation's closure request waits for `user`'s decision: it is pending, the
 * user may decide it (edit rights, neither owner nor requester), and they are its SRO or the
 * configured approver.
 */
export function waitsForSignOffBy(rec: Recommendation, user: TrackerUser, approverEmail: string): boolean {
  if (!SIGN_OFF_LIFECYCLES.includes(rec.lifecycle) || rec.closure === undefined || rec.closure.decision !== undefined) return false;
  if (!itemPermissions(rec, user).canDecideClosure) return false;
  return isSroOf(rec, user) || isConfiguredApprover(approverEmail, user);
}
