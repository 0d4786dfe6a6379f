/**
 * A message at the top of a screen (an error, a warning, a success), drawn as Fluent's MessageBar
 * draws it (its theme tokens, icons, high-contrast borders, `alert` or `status` role and delayed
 * text so that screen readers announce it) without MessageBar, whose dismiss IconButton brings
 * Fluent's Button and with it ContextualMenu, Callout and FocusTrapZone into the first download of
 * every web part that may show a message. Parts loaded on demand keep MessageBar.
 */
import * as React from 'react';
import { Icon } from '@fluentui/react/lib/Icon';
import { HighContrastSelector, getFocusStyle, mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { DelayedRender, getId } from '@fluentui/react/lib/Utilities';

export type NoticeKind = 'error' | 'warning' | 'success';

export interface NoticeProps {
  kind: NoticeKind;
  children: React.ReactNode;
  /** Offers a close button (named by `dismissLabel`) when given. */
  onDismiss?: () => void;
  dismissLabel?: string;
  /** Names the message's text for tests, as `data-testid` did on MessageBar. */
  testId?: string;
}

const ICONS: Record<NoticeKind, string> = { error: 'ErrorBadge', warning: 'Info', success: 'Completed' };
const HIGH_CONTRAST_BORDERS: Record<NoticeKind, string> = { error: '#ff0000', warning: '#fff100', success: '#bad80a' };

export function Notice(props: NoticeProps): JSX.Element {
  const theme = useTheme();
  const { kind } = props;
  const [labelId] = React.useState(() => getId('Notice'));
  const classes = React.useMemo(() => {
    const s = theme.semanticColors;
    return mergeStyleSets({
      root: [
        theme.fonts.medium,
        {
          display: 'flex',
          boxSizing: 'border-box',
          width: '100%',
          minHeight: 32,
          wordBreak: 'break-word',
          background: { error: s.errorBackground, warning: s.warningBackground, success: s.successBackground }[kind],
          color: s.messageText,
          selectors: { [HighContrastSelector]: { background: 'transparent', border: `1px solid ${HIGH_CONTRAST_BORDERS[kind]}`, color: 'WindowText' } }
        }
      ],
      icon: { display: 'flex', flexShrink: 0, fontSize: 16, minWidth: 16, minHeight: 16, margin: '8px 0 8px 12px', color: { error: s.errorIcon, warning: s.warningIcon, success: s.successIcon }[kind], selectors: { [HighContrastSelector]: { color: 'WindowText' } } },
      text: { flexGrow: 1, minWidth: 0, margin: 8, lineHeight: '16px' },
      dismiss: [
        getFocusStyle(theme, { inset: 1, borderColor: 'transparent' }),
        {
          flexShrink: 0,
          width: 32,
          height: 32,
          padding: 0,
          border: 'none',
          background: 'transparent',
          color: s.messageText,
          cursor: 'pointer',
          fontSize: 10,
          selectors: { [HighContrastSelector]: { color: 'WindowText' } }
        }
      ]
    });
  }, [theme, kind]);
  const dismissible = props.onDismiss !== undefined;
  const urgent = kind === 'error';
  return (
    <div className={classes.root} {...(dismissible ? { role: 'region', 'aria-describedby': labelId } : {})}>
      <div className={classes.icon} aria-hidden="true">
        <Icon iconName={ICONS[kind]} />
      </div>
      <div className={classes.text} id={labelId} role={urgent ? 'alert' : 'status'} aria-live={urgent ? 'assertive' : 'polite'} data-testid={props.testId}>
        <DelayedRender>
          <span>{props.children}</span>
        </DelayedRender>
      </div>
      {dismissible && (
        <button type="button" className={classes.dismiss} onClick={props.onDismiss} aria-label={props.dismissLabel} title={props.dismissLabel}>
          <Icon iconName="Clear" aria-hidden="true" />
        </button>
      )}
    </div>
  );
}
