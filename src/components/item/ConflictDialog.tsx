/**
 * The conflict dialog that follows a 412 (see conflictSave.tsx): the other person's change next to
 * the user's, field by field, to re-apply the user's on top or keep the other version.
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Text } from '@fluentui/react/lib/Text';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { useStrings } from '../common/strings';
import type { FieldSet } from './fieldSets';

export interface ConflictDialogProps<T> {
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
