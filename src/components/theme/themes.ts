/**
 * Themes for hosts that do not hand one over: the local workbench's theme switch and the Teams tab
 * (default, dark, high contrast, as Teams names them). In SharePoint the page's theme comes from
 * SPFx (`onThemeChanged`) and is used as given.
 */
import { createTheme } from '@fluentui/react/lib/Styling';
import type { ITheme } from '@fluentui/react/lib/Styling';

export const THEME_NAMES = ['light', 'dark', 'contrast'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

/** SharePoint's default (teal-free "blue") palette. */
export const lightTheme: ITheme = createTheme({
  palette: {
    themePrimary: '#0f6cbd',
    themeLighterAlt: '#f3f8fc',
    themeLighter: '#d0e4f5',
    themeLight: '#a9cdec',
    themeTertiary: '#5d9fd9',
    themeSecondary: '#1f7bc7',
    themeDarkAlt: '#0e61aa',
    themeDark: '#0c528f',
    themeDarker: '#093c6a',
    neutralLighterAlt: '#faf9f8',
    neutralLighter: '#f3f2f1',
    neutralLight: '#edebe9',
    neutralQuaternaryAlt: '#e1dfdd',
    neutralQuaternary: '#d0d0d0',
    neutralTertiaryAlt: '#c8c6c4',
    neutralTertiary: '#a19f9d',
    neutralSecondary: '#605e5c',
    neutralPrimaryAlt: '#3b3a39',
    neutralPrimary: '#323130',
    neutralDark: '#201f1e',
    black: '#000000',
    white: '#ffffff'
  }
});

/** A dark theme with enough contrast for body text and secondary text (WCAG AA). */
export const darkTheme: ITheme = createTheme({
  isInverted: true,
  palette: {
    themePrimary: '#6cb8f6',
    themeLighterAlt: '#04070a',
    themeLighter: '#111d27',
    themeLight: '#20374a',
    themeTertiary: '#406e94',
    themeSecondary: '#5fa2d9',
    themeDarkAlt: '#7bbff7',
    themeDark: '#8fc9f8',
    themeDarker: '#acd7fa',
    neutralLighterAlt: '#262626',
    neutralLighter: '#2f2f2f',
    neutralLight: '#3d3d3d',
    neutralQuaternaryAlt: '#464646',
    neutralQuaternary: '#4d4d4d',
    neutralTertiaryAlt: '#6b6b6b',
    neutralTertiary: '#c8c8c8',
    neutralSecondary: '#d0d0d0',
    neutralPrimaryAlt: '#dadada',
    neutralPrimary: '#ffffff',
    neutralDark: '#f4f4f4',
    black: '#f8f8f8',
    white: '#1f1f1f'
  }
});

/** High contrast as Teams draws it: black ground, white text, yellow and cyan accents. */
export const highContrastTheme: ITheme = createTheme({
  isInverted: true,
  palette: {
    themePrimary: '#ffff01',
    themeLighterAlt: '#000000',
    themeLighter: '#1a1a00',
    themeLight: '#333300',
    themeTertiary: '#999900',
    themeSecondary: '#e6e600',
    themeDarkAlt: '#ffff33',
    themeDark: '#ffff66',
    themeDarker: '#ffff99',
    neutralLighterAlt: '#000000',
    neutralLighter: '#0a0a0a',
    neutralLight: '#1a1a1a',
    neutralQuaternaryAlt: '#262626',
    neutralQuaternary: '#333333',
    neutralTertiaryAlt: '#ffffff',
    neutralTertiary: '#ffffff',
    neutralSecondary: '#ffffff',
    neutralPrimaryAlt: '#ffffff',
    neutralPrimary: '#ffffff',
    neutralDark: '#ffffff',
    black: '#ffffff',
    white: '#000000'
  },
  semanticColors: {
    bodyBackground: '#000000',
    bodyText: '#ffffff',
    bodySubtext: '#ffffff',
    link: '#ffff01',
    linkHovered: '#1aebff',
    inputBorder: '#ffffff',
    inputBackground: '#000000',
    inputText: '#ffffff',
    buttonBorder: '#ffffff',
    buttonBackground: '#000000',
    buttonText: '#ffffff',
    buttonBackgroundHovered: '#1aebff',
    buttonTextHovered: '#000000',
    primaryButtonBackground: '#ffff01',
    primaryButtonText: '#000000',
    primaryButtonBackgroundHovered: '#1aebff',
    primaryButtonTextHovered: '#000000',
    focusBorder: '#1aebff',
    variantBorder: '#ffffff',
    errorText: '#ff8080'
  }
});

export const THEMES: Record<ThemeName, ITheme> = { light: lightTheme, dark: darkTheme, contrast: highContrastTheme };
