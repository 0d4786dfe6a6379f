/**
 * A TeamsJS stand-in for hosts outside Teams (the local workbench, tests): a fixed context whose
 * theme can be switched, calling the registered theme handler as Teams does.
 */
import type { TeamsAppLike, TeamsContextLike } from './teamsContext';

export class SimulatedTeamsApp implements TeamsAppLike {
  private context: TeamsContextLike;
  private handler: ((theme: string) => void) | null = null;

  public constructor(context: TeamsContextLike) {
    this.context = context;
  }

  public getContext(): Promise<TeamsContextLike> {
    return Promise.resolve(this.context);
  }

  public registerOnThemeChangeHandler(handler: (theme: string) => void): void {
    this.handler = handler;
  }

  /** Switches the theme as the Teams client does: the context changes and the handler is told. */
  public setTheme(theme: 'default' | 'dark' | 'contrast'): void {
    this.context = { ...this.context, app: { ...this.context.app, theme } };
    this.handler?.(theme);
  }
}
