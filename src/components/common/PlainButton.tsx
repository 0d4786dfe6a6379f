/**
 * A button drawn as Fluent's DefaultButton, PrimaryButton, CommandBarButton or ActionButton are (their theme
 * tokens, focus outline and high-contrast colours) on a native `<button>`, for what a web part draws
 * first. Every Fluent button is built on BaseButton, which imports ContextualMenu (with Callout,
 * positioning and FocusTrapZone) for its optional menu: some 25 KiB gzip of a web part's first
 * download for buttons that never open a menu. Parts loaded on demand keep Fluent's buttons.
 */
import * as React from 'react';
import { Icon } from '@fluentui/react/lib/Icon';
import { HighContrastSelector, getFocusStyle, mergeStyleSets } from '@fluentui/react/lib/Styling';
import type { IStyle } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import type { Theme } from '@fluentui/react/lib/Theme';

export type PlainButtonVariant = 'default' | 'primary' | 'command' | 'action';

export interface PlainButtonProps {
  text: string;
  variant?: PlainButtonVariant;
  iconName?: string;
  disabled?: boolean;
  onClick: () => void;
  /** A role other than button's (a command row's `menuitem`). */
  role?: string;
  /** For a toggle: whether it is on. */
  ariaPressed?: boolean;
}

function buttonStyles(theme: Theme): Record<PlainButtonVariant | 'icon' | 'label', string> {
  const s = theme.semanticColors;
  const p = theme.palette;
  const base = {
    ...theme.fonts.medium,
    boxSizing: 'border-box' as const,
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    cursor: 'pointer',
    userSelect: 'none' as const,
    textDecoration: 'none'
  };
  const disabled = { cursor: 'default', selectors: { [HighContrastSelector]: { color: 'GrayText', borderColor: 'GrayText' } } };
  const filled = (bg: string, fg: string, border: string, hover: [string, string], pressed: [string, string], off: [string, string]): IStyle => [
    getFocusStyle(theme, { inset: 1 }),
    base,
    {
      minWidth: 80,
      height: 32,
      padding: '0 16px',
      borderRadius: theme.effects.roundedCorner2,
      border: `1px solid ${border}`,
      backgroundColor: bg,
      color: fg,
      fontWeight: 600,
      selectors: {
        ':hover:enabled': { backgroundColor: hover[0], color: hover[1], selectors: { [HighContrastSelector]: { borderColor: 'Highlight', color: 'Highlight' } } },
        ':active:enabled': { backgroundColor: pressed[0], color: pressed[1] },
        ':disabled': { ...disabled, backgroundColor: off[0], color: off[1], borderColor: off[0] }
      }
    }
  ];
  const quiet = (minHeight: number, bg: string, hover: [string, string], pressed: string): IStyle => [
    getFocusStyle(theme, { inset: 2, borderColor: 'transparent' }),
    base,
    {
      minWidth: 40,
      minHeight,
      padding: '0 4px',
      border: 'none',
      borderRadius: 0,
      backgroundColor: bg,
      color: p.neutralPrimary,
      selectors: {
        ':hover:enabled': { backgroundColor: hover[0], color: hover[1], selectors: { [HighContrastSelector]: { color: 'Highlight' } } },
        ':active:enabled': { backgroundColor: pressed, color: p.neutralDark },
        ':disabled': { ...disabled, color: s.disabledBodyText, backgroundColor: bg },
        ':disabled i': { color: s.disabledBodySubtext }
      }
    }
  ];
  return mergeStyleSets({
    default: filled(s.buttonBackground, s.buttonText, s.buttonBorder, [s.buttonBackgroundHovered, s.buttonTextHovered], [s.buttonBackgroundPressed, s.buttonTextPressed], [s.buttonBackgroundDisabled, s.buttonTextDisabled]),
    primary: filled(s.primaryButtonBackground, s.primaryButtonText, s.primaryButtonBorder, [s.primaryButtonBackgroundHovered, s.primaryButtonTextHovered], [s.primaryButtonBackgroundPressed, s.primaryButtonTextPressed], [s.primaryButtonBackgroundDisabled, s.primaryButtonTextDisabled]),
    command: quiet(44, p.white, [p.neutralLighter, p.neutralDark], p.neutralLight),
    action: quiet(40, 'transparent', ['transparent', p.themePrimary], 'transparent'),
    icon: { fontSize: 16, margin: '0 4px', color: p.themePrimary, flexShrink: 0 },
    label: { margin: '0 4px', lineHeight: '100%' }
  });
}

export function PlainButton(props: PlainButtonProps): JSX.Element {
  const theme = useTheme();
  const classes = React.useMemo(() => buttonStyles(theme), [theme]);
  return (
    <button type="button" className={classes[props.variant ?? 'default']} role={props.role} aria-pressed={props.ariaPressed} disabled={props.disabled} onClick={props.onClick}>
      {props.iconName !== undefined && <Icon iconName={props.iconName} aria-hidden="true" className={classes.icon} />}
      <span className={classes.label}>{props.text}</span>
    </button>
  );
}
