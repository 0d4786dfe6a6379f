/**
 * The set-up check every tracker screen starts with: who is signed in and whether the lists are
 * there. Kept apart from the shell that draws its outcome, so that a host can start it before the
 * view's code is in (the web part as its data layer arrives, the workbench as its script runs).
 */
import type { TrackerDataSource, TrackerUser } from '../../data/TrackerDataSource';

export type SetUpState = { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'missing'; user: TrackerUser } | { kind: 'ready'; user: TrackerUser };

/** Asks now; never rejects (a failure is the `error` state, worded by the screen that shows it). */
export async function checkSetUp(data: TrackerDataSource): Promise<SetUpState> {
  try {
    const [user, provisioned] = await Promise.all([data.currentUser(), data.isProvisioned()]);
    return provisioned ? { kind: 'ready', user } : { kind: 'missing', user };
  } catch (e) {
    return { kind: 'error', error: e };
  }
}
