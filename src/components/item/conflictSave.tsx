/**
 * Saving an item with optimistic concurrency, and the conflict dialog that follows a 412: it shows
 * the other person's change next to the user's and lets the user re-apply theirs on top, or keep
 * the other version. Nothing typed is lost either way: the user's values stay on screen until they
 * choose. One hook for every list a screen edits (recommendations, actions, reports), each with
 * its own {@link FieldSet}.
 */
import * as React from 'react';
import type { Action } from '../../core/model';
import { SaveConflictError } from '../../data/TrackerDataSource';
import type { TrackerDataSource, Versioned } from '../../data/TrackerDataSource';
import { actionFields } from './fieldSets';
import { useStrings } from '../common/strings';
import type { FieldSet } from './fieldSets';
import { OnDemand, overPage } from '../common/OnDemand';
import type { ConflictDialogProps } from './ConflictDialog';
import { errorText } from '../common/errorText';

// The dialog is drawn only after a 412: its code loads then.
const LazyConflictDialog = React.lazy(() => import(/* webpackChunkName: 'item-conflict' */ './ConflictDialog').then((m) => ({ default: m.ConflictDialog })));

interface PendingConflict<T> {
  base: Versioned<T>;
  mine: T;
  theirs: Versioned<T>;
  resolve: (saved: Versioned<T> | null) => void;
}

export interface ConflictSave<T> {
  /**
   * Saves `mine`, an edit of `base`. Resolves with the saved version, or with null when the user,
   * shown a conflict, chose to keep the other person's version.
   */
  save: (base: Versioned<T>, mine: T) => Promise<Versioned<T> | null>;
  /** The conflict dialog, to render wherever the hook is used. */
  conflictDialog: JSX.Element | null;
}

/**
 * Conflict-aware saving: `write` saves `mine` over `base` with base's ETag and throws
 * {@link SaveConflictError} on a 412; `onSaved` hears of every version the screen should now show
 * (the saved one, or theirs when the user keeps it).
 */
export function useConflictSave<T>(write: (base: Versioned<T>, mine: T) => Promise<Versioned<T>>, fields: FieldSet<T>, onSaved?: (saved: Versioned<T>) => void): ConflictSave<T> {
  const [pending, setPending] = React.useState<PendingConflict<T> | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const strings = useStrings();
  const onDemand = strings.OnDemand;

  const attempt = React.useCallback(
    async (base: Versioned<T>, mine: T, resolve: (saved: Versioned<T> | null) => void): Promise<void> => {
      try {
        const saved = await write(base, mine);
        setPending(null);
        onSaved?.(saved);
        resolve(saved);
      } catch (e) {
        if (e instanceof SaveConflictError) {
          setPending({ base, mine, theirs: (e as SaveConflictError<T>).conflict.theirs, resolve });
          return;
        }
        throw e;
      }
    },
    [write, onSaved]
  );

  const save = React.useCallback(
    (base: Versioned<T>, mine: T) =>
      new Promise<Versioned<T> | null>((resolve, reject) => {
        attempt(base, mine, resolve).catch(reject);
      }),
    [attempt]
  );

  const reapplyMine = async (): Promise<void> => {
    if (pending === null) return;
    setBusy(true);
    setError(null);
    try {
      // The other version becomes the new base: a second conflict compares against it.
      await attempt(pending.theirs, fields.reapply(pending.base.value, pending.mine, pending.theirs.value), pending.resolve);
    } catch (e) {
      setError(errorText(e, strings));
    } finally {
      setBusy(false);
    }
  };

  const keepTheirs = (): void => {
    if (pending === null) return;
    onSaved?.(pending.theirs);
    pending.resolve(null);
    setPending(null);
  };

  // React.lazy drops the component's type parameter: this is the same component, typed for T.
  const ConflictDialog = LazyConflictDialog as unknown as (props: ConflictDialogProps<T>) => JSX.Element;
  const conflictDialog =
    pending === null ? null : (
      <OnDemand loading={onDemand.LoadingConflict} failed={onDemand.ConflictFailed} frame={overPage} onDismiss={keepTheirs}>
        <ConflictDialog fields={fields} base={pending.base.value} mine={pending.mine} theirs={pending.theirs.value} busy={busy} error={error} onReapply={reapplyMine} onKeepTheirs={keepTheirs} />
      </OnDemand>
    );
  return { save, conflictDialog };
}

/** Conflict-aware saving of a recommendation's actions (the action form, an update posted on an action). */
export function useActionSave(data: Pick<TrackerDataSource, 'saveAction'>): ConflictSave<Action> {
  const write = React.useCallback((base: Versioned<Action>, mine: Action) => data.saveAction({ value: { ...base.value, id: base.value.id as number }, etag: base.etag }, mine), [data]);
  const strings = useStrings();
  const fields = React.useMemo(() => actionFields(strings), [strings]);
  return useConflictSave(write, fields);
}
