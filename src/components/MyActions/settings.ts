/** My Actions' properties, strings and property pane, host-neutral (SPFx and the workbench share them). */
import { withItemParam } from '../../core/deepLinks';
import { checkTrackerLink } from '../../core/links';
import { filterFields, trackerPageField } from '../settings/settings';
import type { LinkWords, PaneChoices, PaneStrings, SettingGroup } from '../settings/settings';
import type { WorkScope } from '../../data/myWork';

/** The web part's properties. A channel tab is configured through them (its property pane). */
export interface MyActionsSettings {
  title: string;
  /** Narrow to one directorate ('' for all). */
  directorate: string;
  /** Narrow to one originating report (its id as text, '' for all). */
  reportId: string;
  /** The tracker page "Open in the tracker" leads to; the item is added as `?item=<id>`. */
  trackerPageUrl: string;
  /**
   * The e-mail of the person who signs off closures here (besides each item's SRO), '' for none:
   * they see the requests waiting for them.
   */
  approverEmail: string;
}

export const DEFAULT_MY_ACTIONS_SETTINGS: MyActionsSettings = { title: '', directorate: '', reportId: '', trackerPageUrl: '', approverEmail: '' };

export function withMyActionsDefaults(stored: Partial<MyActionsSettings> | undefined): MyActionsSettings {
  return { ...DEFAULT_MY_ACTIONS_SETTINGS, ...stored };
}

/** The data scope the settings ask for. */
export function scopeOf(settings: MyActionsSettings): WorkScope {
  return {
    ...(settings.directorate === '' ? {} : { directorate: settings.directorate }),
    ...(/^\d+$/.test(settings.reportId) ? { reportId: Number(settings.reportId) } : {})
  };
}

/** Every string My Actions shows: the web part's `loc/mystrings.d.ts`. */
export type MyActionsStrings = IMyActionsWebPartStrings;

/**
 * The pane: display, who signs off closures, and the channel tab's scope (a directorate or a
 * report). `tenantUrl` is the page it is on, which the tracker page must share a host with.
 */
export function myActionsPane(strings: MyActionsStrings, pane: PaneStrings, choices: PaneChoices, tenantUrl: string, words: LinkWords): SettingGroup[] {
  return [
    {
      name: pane.DisplayGroup,
      fields: [{ kind: 'text', key: 'title', label: pane.Title }, trackerPageField(pane, strings.TrackerPageUrlDescription, tenantUrl, words)]
    },
    {
      name: strings.SignOffGroupName,
      fields: [{ kind: 'text', key: 'approverEmail', label: strings.ApproverEmailFieldLabel, description: strings.ApproverEmailDescription }]
    },
    {
      name: strings.ScopeGroupName,
      fields: filterFields(pane, choices)
    }
  ];
}

/**
 * The tracker page showing one item (`?item=<id>`, as the reminder cards link), or null without a
 * page or when the stored address is refused (`pageUrl`, the page My Actions is on, names the
 * tenant): a bad address is never followed, whatever put it in the settings.
 */
export function trackerItemUrl(trackerPageUrl: string, itemId: number, pageUrl: string): string | null {
  if (trackerPageUrl.trim() === '') return null;
  const page = checkTrackerLink(trackerPageUrl, pageUrl);
  if (!page.ok) return null;
  return withItemParam(page.url, itemId);
}
