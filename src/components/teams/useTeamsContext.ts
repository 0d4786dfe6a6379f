/** The Teams context as React state, following theme changes while the tab is open. */
import * as React from 'react';
import { watchTeamsContext } from './teamsContext';
import type { TeamsAppLike, TeamsHostContext } from './teamsContext';

/**
 * `null` outside Teams (no TeamsJS) and while the context loads; then the context, updated when
 * the user switches theme in Teams. An error reading it leaves the tab working as on a page.
 */
export function useTeamsContext(teams: TeamsAppLike | undefined): { context: TeamsHostContext | null; error: string | null } {
  const [context, setContext] = React.useState<TeamsHostContext | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    if (teams === undefined) return undefined;
    let live = true;
    watchTeamsContext(teams, (c) => {
      if (live) setContext(c);
    }).catch((e: unknown) => {
      if (live) setError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      live = false;
    };
  }, [teams]);
  return { context, error };
}
