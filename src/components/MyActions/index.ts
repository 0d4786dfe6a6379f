/** My Actions: a person's recommendations and actions by urgency, for SharePoint and Teams. */
export { MyActions } from './MyActions';
export type { MyActionsProps } from './MyActions';
export { byUrgency, urgencyOf, DUE_SOON_DAYS, URGENCIES } from './urgency';
export type { Urgency } from './urgency';
export { DEFAULT_MY_ACTIONS_SETTINGS, myActionsPane, scopeOf, trackerItemUrl, withMyActionsDefaults } from './settings';
export type { MyActionsSettings, MyActionsStrings } from './settings';
