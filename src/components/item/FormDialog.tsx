/**
 * A dialog around a small form: a title, the fields, Save and Cancel, a busy state and the error
 * message when saving fails (a refused transition in the words of `loc`). The typed values stay in
 * the form when saving fails.
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import { useStrings } from '../common/strings';
import { errorText } from '../common/errorText';

export interface FormDialogProps {
  title: string;
  subText?: string;
  saveText: string;
  /** Saves; a thrown error's message (a `TransitionError`'s from loc) is shown and the dialog stays open. */
  onSave: () => Promise<void>;
  onDismiss: () => void;
  /** Disables Save while the form is incomplete. */
  canSave: boolean;
  minWidth?: number;
  children: React.ReactNode;
}

export function FormDialog(props: FormDialogProps): JSX.Element {
  const all = useStrings();
  const common = all.Common;
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await props.onSave();
    } catch (e) {
      setError(errorText(e, all));
      setBusy(false);
    }
  };
  return (
    <Dialog
      hidden={false}
      onDismiss={busy ? undefined : props.onDismiss}
      minWidth={props.minWidth ?? 480}
      dialogContentProps={{ type: DialogType.normal, title: props.title, subText: props.subText }}
      modalProps={{ isBlocking: true }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (props.canSave && !busy) void submit();
        }}
      >
        <Stack tokens={{ childrenGap: 12 }}>
          {error !== null && (
            <MessageBar messageBarType={MessageBarType.error} isMultiline>
              {error}
            </MessageBar>
          )}
          {props.children}
        </Stack>
        <DialogFooter>
          {busy && <Spinner size={SpinnerSize.small} label={common.Saving} labelPosition="right" />}
          <PrimaryButton type="submit" text={props.saveText} disabled={!props.canSave || busy} />
          <DefaultButton text={common.Cancel} onClick={props.onDismiss} disabled={busy} />
        </DialogFooter>
      </form>
    </Dialog>
  );
}
