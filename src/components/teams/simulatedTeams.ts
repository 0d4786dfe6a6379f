/**
 * A TeamsJS stand-in for hosts outside Teams (the local workbench, tests): a fixed context whose
 * theme can be switched, calling the registered theme handler as Teams does.
 */
import type { app } from '@microsoft/teams-js-v2';
import type { TeamsAppLike } from './teamsContext';

export class SimulatedTeamsApp implements TeamsAppLike {
  private context: app.Context;
  private handler: ((theme: string) => void) | null = null;

  public constructor(context: app.Context) {
    this.context = context;
  }

  public getContext(): Promise<app.Context> {
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
