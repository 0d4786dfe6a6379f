/**
 * A row of commands with a command bar's semantics (a menubar of menu items; the arrow keys move
 * between them) without Fluent's CommandBar, whose overflow machinery (ResizeGroup measuring every
 * command off screen, an overflow menu, tooltips) weighs on the web part's first download and adds
 * a layout pass to its first render. On a narrow screen the row wraps instead of folding commands
 * into a "more" menu. Its buttons are {@link PlainButton}s drawn as Fluent's CommandBarButton: a
 * Fluent button would bring ContextualMenu into the first download.
 */
import * as React from 'react';
import { FocusZone, FocusZoneDirection } from '@fluentui/react/lib/FocusZone';
import { mergeStyleSets } from '@fluentui/react/lib/Styling';
import { PlainButton } from './PlainButton';

export interface Command {
  key: string;
  text: string;
  iconName: string;
  disabled?: boolean;
  onClick: () => void;
}

/** The row's height (one line of commands): a screen holds it while its commands are still to come. */
export const COMMAND_ROW_HEIGHT = 44;

const styles = mergeStyleSets({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'stretch', minHeight: COMMAND_ROW_HEIGHT }
});

export function CommandRow(props: { items: Command[]; ariaLabel: string }): JSX.Element {
  return (
    <FocusZone direction={FocusZoneDirection.horizontal} role="menubar" aria-label={props.ariaLabel} className={styles.row}>
      {props.items.map((c) => (
        <PlainButton key={c.key} variant="command" role="menuitem" text={c.text} iconName={c.iconName} disabled={c.disabled} onClick={c.onClick} />
      ))}
    </FocusZone>
  );
}
