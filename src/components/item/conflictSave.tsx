/**
 * Saving an item with optimistic concurrency, and the conflict dialog that follows a 412: it shows
 * the other person's change next to the user's and lets the user re-apply theirs on top, or keep
 * the other version. Nothing typed is lost either way: the user's values stay on screen until they
 * choose. One hook for every list a screen edits (recommendations, actions, reports), each with
 * its own {@link FieldSet}.
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Text } from '@fluentui/react/lib/Text';
import { mergeStyleSets, useTheme } from '@fluentui/react';
import type { Action } from '../../core/model';
import { SaveConflictError } from '../../data/TrackerDataSource';
import type { TrackerDataSource, Versioned } from '../../data/TrackerDataSource';
import { actionFields } from './fieldSets';
import { useStrings } from '../common/strings';
import type { FieldSet } from './fieldSets';

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
      setError(e instanceof Error ? e.message : String(e));
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

  const conflictDialog =
    pending === null ? null : (
      <ConflictDialog fields={fields} base={pending.base.value} mine={pending.mine} theirs={pending.theirs.value} busy={busy} error={error} onReapply={reapplyMine} onKeepTheirs={keepTheirs} />
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

interface ConflictDialogProps<T> {
  fields: FieldSet<T>;
  base: T;
  mine: T;
  theirs: T;
  busy: boolean;
  error: string | null;
  onReapply: () => Promise<void>;
  onKeepTheirs: () => void;
}

/** Side by side: what the other person changed, and what the user changed, field by field. */
export function ConflictDialog<T>(props: ConflictDialogProps<T>): JSX.Element {
  const theme = useTheme();
  const strings = useStrings().Conflict;
  const styles = mergeStyleSets({
    table: { borderCollapse: 'collapse', width: '100%', marginBottom: 12 },
    cell: { border: `1px solid ${theme.semanticColors.variantBorder}`, padding: '4px 8px', verticalAlign: 'top', textAlign: 'left', whiteSpace: 'pre-wrap' }
  });
  const { fields } = props;
  const changed = [...new Set([...fields.changed(props.base, props.theirs), ...fields.changed(props.base, props.mine)])];
  return (
    <Dialog
      hidden={false}
      onDismiss={props.onKeepTheirs}
      minWidth={560}
      dialogContentProps={{
        type: DialogType.normal,
        title: strings.Title,
        subText: strings.SubText
      }}
      modalProps={{ isBlocking: true }}
    >
      {props.error !== null && <MessageBar messageBarType={MessageBarType.error}>{props.error}</MessageBar>}
      <table className={styles.table} data-testid="conflict-table">
        <caption>
          <Text variant="medium">{strings.Caption}</Text>
        </caption>
        <thead>
          <tr>
            <th className={styles.cell} scope="col">{strings.Field}</th>
            <th className={styles.cell} scope="col">{strings.Theirs}</th>
            <th className={styles.cell} scope="col">{strings.Yours}</th>
          </tr>
        </thead>
        <tbody>
          {changed.map((f) => (
            <tr key={f}>
              <th className={styles.cell} scope="row">{fields.labels[f]}</th>
              <td className={styles.cell}>{fields.text(props.theirs, f)}</td>
              <td className={styles.cell}>{fields.text(props.mine, f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <DialogFooter>
        <PrimaryButton text={strings.Reapply} disabled={props.busy} onClick={() => void props.onReapply()} />
        <DefaultButton text={strings.KeepTheirs} disabled={props.busy} onClick={props.onKeepTheirs} />
      </DialogFooter>
    </Dialog>
  );
}
