/**
 * Code that only some users need (the item panel and its dialogs, forms, settings, the rules page)
 * is loaded when it is first opened, not with the web part: {@link OnDemand} shows a spinner while
 * its chunk downloads and a message if the download fails, in place of the part.
 */
import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';

export interface OnDemandProps {
  /** What the spinner says while the part's code loads ("Loading the item…"). */
  loading: string;
  /** The sentence shown when the code cannot be loaded; the browser's reason follows it. */
  failed: string;
  /** Where the spinner is drawn, when not in place of the part (a panel's frame, say). */
  frame?: (spinner: JSX.Element) => JSX.Element;
  children: React.ReactNode;
}

interface BoundaryState {
  error: Error | null;
}

/** Catches a chunk that failed to load (a lost connection, a redeployed CDN) and says so. */
class LoadBoundary extends React.Component<{ failed: string; children: React.ReactNode }, BoundaryState> {
  public state: BoundaryState = { error: null };

  public static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  public render(): React.ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <MessageBar messageBarType={MessageBarType.error} isMultiline>
        {`${this.props.failed} ${this.state.error.message}`}
      </MessageBar>
    );
  }
}

/** A part loaded on demand: a spinner while its code downloads, a message if it cannot be. */
export function OnDemand(props: OnDemandProps): JSX.Element {
  const spinner = <Spinner label={props.loading} />;
  return (
    <LoadBoundary failed={props.failed}>
      <React.Suspense fallback={props.frame === undefined ? spinner : props.frame(spinner)}>{props.children}</React.Suspense>
    </LoadBoundary>
  );
}
