/**
 * Saving a recommendation with optimistic concurrency, and the conflict dialog that follows a 412:
 * it shows the other person's change next to the user's and lets the user re-apply theirs on top,
 * or keep the other version. Nothing typed is lost either way: the user's values stay on screen
 * until they choose.
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Text } from '@fluentui/react/lib/Text';
import { mergeStyleSets, useTheme } from '@fluentui/react';
import type { Recommendation } from '../../core/model';
import { SaveConflictError } from '../data/TrackerDataSource';
import type { RecommendationRecord, TrackerDataSource, Versioned } from '../data/TrackerDataSource';
import { EDITABLE_FIELDS, changedFields, fieldText, reapply } from './changes';

interface PendingConflict {
  base: RecommendationRecord;
  mine: Recommendation;
  theirs: Versioned<Recommendation>;
  resolve: (saved: RecommendationRecord | null) => void;
}

export interface RecommendationSave {
  /**
   * Saves `mine`, an edit of `base`. Resolves with the saved record, or with null when the user,
   * shown a conflict, chose to keep the other person's version.
   */
  save: (base: RecommendationRecord, mine: Recommendation) => Promise<RecommendationRecord | null>;
  /** The conflict dialog, to render wherever the hook is used. */
  conflictDialog: JSX.Element | null;
}

/** Conflict-aware saving for a screen that edits recommendations. */
export function useRecommendationSave(data: TrackerDataSource, onSaved?: (saved: RecommendationRecord) => void): RecommendationSave {
  const [pending, setPending] = React.useState<PendingConflict | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);

  const attempt = React.useCallback(
    async (base: RecommendationRecord, mine: Recommendation, resolve: (saved: RecommendationRecord | null) => void): Promise<void> => {
      try {
        const saved = await data.saveRecommendation(base, mine);
        setPending(null);
        onSaved?.(saved);
        resolve(saved);
      } catch (e) {
        if (e instanceof SaveConflictError) {
          const theirs = (e as SaveConflictError<Recommendation>).conflict.theirs;
          setPending({ base, mine, theirs, resolve });
          return;
        }
        throw e;
      }
    },
    [data, onSaved]
  );

  const save = React.useCallback(
    (base: RecommendationRecord, mine: Recommendation) =>
      new Promise<RecommendationRecord | null>((resolve, reject) => {
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
      const theirs: RecommendationRecord = { recommendation: { ...pending.theirs.value, id: pending.base.recommendation.id }, etag: pending.theirs.etag };
      await attempt(theirs, reapply(pending.base.recommendation, pending.mine, pending.theirs.value), pending.resolve);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const keepTheirs = (): void => {
    if (pending === null) return;
    onSaved?.({ recommendation: { ...pending.theirs.value, id: pending.base.recommendation.id }, etag: pending.theirs.etag });
    pending.resolve(null);
    setPending(null);
  };

  const conflictDialog =
    pending === null ? null : (
      <ConflictDialog base={pending.base.recommendation} mine={pending.mine} theirs={pending.theirs.value} busy={busy} error={error} onReapply={reapplyMine} onKeepTheirs={keepTheirs} />
    );
  return { save, conflictDialog };
}

interface ConflictDialogProps {
  base: Recommendation;
  mine: Recommendation;
  theirs: Recommendation;
  busy: boolean;
  error: string | null;
  onReapply: () => Promise<void>;
  onKeepTheirs: () => void;
}

/** Side by side: what the other person changed, and what the user changed, field by field. */
export function ConflictDialog(props: ConflictDialogProps): JSX.Element {
  const theme = useTheme();
  const styles = mergeStyleSets({
    table: { borderCollapse: 'collapse', width: '100%', marginBottom: 12 },
    cell: { border: `1px solid ${theme.semanticColors.variantBorder}`, padding: '4px 8px', verticalAlign: 'top', textAlign: 'left', whiteSpace: 'pre-wrap' }
  });
  const theirChanges = changedFields(props.base, props.theirs);
  const myChanges = changedFields(props.base, props.mine);
  const fields = [...new Set([...theirChanges, ...myChanges])];
  return (
    <Dialog
      hidden={false}
      onDismiss={props.onKeepTheirs}
      minWidth={560}
      dialogContentProps={{
        type: DialogType.normal,
        title: 'Someone else changed this item',
        subText: 'Your changes were not saved yet. Compare them with the version now on the site, then re-apply yours on top of it or keep theirs.'
      }}
      modalProps={{ isBlocking: true }}
    >
      {props.error !== null && <MessageBar messageBarType={MessageBarType.error}>{props.error}</MessageBar>}
      <table className={styles.table} data-testid="conflict-table">
        <caption>
          <Text variant="medium">Changes since you opened the item</Text>
        </caption>
        <thead>
          <tr>
            <th className={styles.cell} scope="col">Field</th>
            <th className={styles.cell} scope="col">Their version</th>
            <th className={styles.cell} scope="col">Your version</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f}>
              <th className={styles.cell} scope="row">{EDITABLE_FIELDS[f]}</th>
              <td className={styles.cell}>{fieldText(props.theirs, f)}</td>
              <td className={styles.cell}>{fieldText(props.mine, f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <DialogFooter>
        <PrimaryButton text="Re-apply my changes" disabled={props.busy} onClick={() => void props.onReapply()} />
        <DefaultButton text="Keep their version" disabled={props.busy} onClick={props.onKeepTheirs} />
      </DialogFooter>
    </Dialog>
  );
}
