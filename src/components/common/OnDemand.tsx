/**
 * Code that only some users need (the item panel and its dialogs, forms, settings, the rules page)
 * is loaded when it is first opened, not with the web part: {@link OnDemand} shows a spinner while
 * its chunk downloads and a message if the download fails, where the part will be (in its place, in
 * a panel's frame, or over the page for a dialog). The message also stands in for a part that fails
 * as it renders, which would otherwise take the whole web part down.
 */
import * as React from 'react';
import { Layer } from '@fluentui/react/lib/Layer';
import { Overlay } from '@fluentui/react/lib/Overlay';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { format } from './intl';
import { Notice } from './Notice';
import { useStrings } from './strings';

export interface OnDemandProps {
  /** What the spinner says while the part's code loads ("Loading the item…"). */
  loading: string;
  /** The sentence shown when the code cannot be loaded; the browser's reason follows it. */
  failed: string;
  /** Where the spinner or the message is drawn, when not in place of the part (a panel's frame, say). */
  frame?: (content: JSX.Element) => JSX.Element;
  /** Closes the part: offered on the message when its code could not be loaded. */
  onDismiss?: () => void;
  /** Drawn in place of the spinner while the code loads (an empty box of the part's size, for a part that must not move the page). */
  placeholder?: React.ReactNode;
  children: React.ReactNode;
}

const styles = mergeStyleSets({
  centre: { display: 'flex', alignItems: 'center', justifyContent: 'center', height: '100%' }
});

/** For a part that opens over the page (a dialog, a panel): its spinner or message is shown over the page too, where the part will be. */
export function overPage(content: JSX.Element): JSX.Element {
  return (
    <Layer>
      <Overlay>
        <div className={styles.centre}>{content}</div>
      </Overlay>
    </Layer>
  );
}

function inPlace(content: JSX.Element): JSX.Element {
  return content;
}

interface BoundaryState {
  error: Error | null;
}

/** Catches a chunk that failed to load (a lost connection, a redeployed CDN) and says so. */
class LoadBoundary extends React.Component<{ failed: string; failedWith: string; closeMessage: string; frame: (content: JSX.Element) => JSX.Element; onDismiss?: () => void; children: React.ReactNode }, BoundaryState> {
  public state: BoundaryState = { error: null };

  public static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  public render(): React.ReactNode {
    if (this.state.error === null) return this.props.children;
    return this.props.frame(
      <Notice kind="error" onDismiss={this.props.onDismiss} dismissLabel={this.props.closeMessage}>
        {format(this.props.failedWith, this.props.failed, this.state.error.message)}
      </Notice>
    );
  }
}

/** A part loaded on demand: a spinner while its code downloads, a message if it cannot be. */
export function OnDemand(props: OnDemandProps): JSX.Element {
  const frame = props.frame ?? inPlace;
  const strings = useStrings();
  return (
    <LoadBoundary failed={props.failed} failedWith={strings.OnDemand.FailedWith} closeMessage={strings.Common.CloseMessage} frame={frame} onDismiss={props.onDismiss}>
      <React.Suspense fallback={props.placeholder ?? frame(<Spinner label={props.loading} />)}>{props.children}</React.Suspense>
    </LoadBoundary>
  );
}
