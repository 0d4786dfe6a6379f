/** Teams hosting for the tracker's tabs: context, theme following and deep links. */
export { fromTeamsContext, themeFromTeams, watchTeamsContext } from './teamsContext';
export type { TeamsAppLike, TeamsHostContext, TeamsSurface } from './teamsContext';
export { SimulatedTeamsApp } from './simulatedTeams';
export { useTeamsContext } from './useTeamsContext';
