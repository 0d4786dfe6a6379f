/**
 * The Teams host as My Actions needs it, read through TeamsJS v2 (`app.getContext()`,
 * `app.registerOnThemeChangeHandler`). In SPFx the TeamsJS instance is
 * `this.context.sdks.microsoftTeams.teamsJs`, defined only when the web part runs inside Teams;
 * the local workbench passes a simulated one. Nothing here imports React.
 */
import type { app } from '@microsoft/teams-js-v2';
import { itemIdFromSubEntity } from '../../core/deepLinks';
import type { ThemeName } from '../theme/themes';

/**
 * The part of TeamsJS v2's `app` namespace that My Actions calls, in TeamsJS's own types. They are
 * imported (type-only) from the copy SPFx hands over, @microsoft/teams-js 2.36 installed under the
 * alias `@microsoft/teams-js-v2`, so that `teamsJs.app` fits as it is: a second copy's classes and
 * enums would not.
 */
export type TeamsAppLike = Pick<typeof app, 'getContext' | 'registerOnThemeChangeHandler'>;

/** Where the tab is running. */
export type TeamsSurface = 'personal' | 'channel' | 'other';

/** The Teams context, in the tab's terms. */
export interface TeamsHostContext {
  userName: string | null;
  /** The signed-in account (UPN or login hint), to check it is the SharePoint user. */
  userPrincipalName: string | null;
  /** BCP 47, as Teams gives it (`en-GB`). */
  locale: string;
  theme: ThemeName;
  surface: TeamsSurface;
  /** For a channel tab: its channel's name and its team's (when Teams gives it). */
  channel: { team: string | null; name: string } | null;
  /**
   * The item a deep link asked for: `subEntityId` in the link (`subPageId` in TeamsJS v2). My
   * Actions opens that item's update dialog.
   */
  openItemId: number | null;
}

/** Teams' theme names (`default`, `dark`, `contrast`) as the tracker's themes. */
export function themeFromTeams(theme: string | undefined): ThemeName {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

/** Maps TeamsJS's context to the tab's terms. */
export function fromTeamsContext(context: app.Context): TeamsHostContext {
  const frame = context.page.frameContext;
  const surface: TeamsSurface = context.channel !== undefined ? 'channel' : frame === 'content' ? 'personal' : 'other';
  const team = context.team?.displayName ?? '';
  const name = context.channel?.displayName ?? '';
  return {
    userName: context.user?.displayName ?? null,
    userPrincipalName: context.user?.userPrincipalName ?? context.user?.loginHint ?? null,
    locale: context.app.locale,
    theme: themeFromTeams(context.app.theme),
    surface,
    channel: context.channel === undefined || (team === '' && name === '') ? null : { team: team === '' ? null : team, name },
    openItemId: itemIdFromSubEntity(context.page.subPageId)
  };
}

/**
 * Reads the context once and follows theme changes while the tab is open. `onChange` receives the
 * context first and again, with the new theme, whenever the user switches theme in Teams.
 */
export async function watchTeamsContext(teams: TeamsAppLike, onChange: (context: TeamsHostContext) => void): Promise<TeamsHostContext> {
  let current = fromTeamsContext(await teams.getContext());
  onChange(current);
  teams.registerOnThemeChangeHandler((theme) => {
    current = { ...current, theme: themeFromTeams(theme) };
    onChange(current);
  });
  return current;
}
