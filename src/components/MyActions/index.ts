/** My Actions: a person's recommendations and actions by urgency, for SharePoint and Teams. */
export { MyActions } from './MyActions';
export type { MyActionsProps } from './MyActions';
export { createMyActionsSource, LISTED_LIFECYCLES } from './myWork';
export type { MyActionsSource, WorkScope } from './myWork';
export { byUrgency, urgencyOf, DUE_SOON_DAYS, URGENCIES } from './urgency';
export type { Urgency, WorkItem } from './urgency';
export { DEFAULT_MY_ACTIONS_SETTINGS, myActionsPane, scopeOf, trackerItemUrl, withMyActionsDefaults } from './settings';
export type { MyActionsSettings, MyActionsStrings } from './settings';
export { SIGN_OFF_LIFECYCLES, isConfiguredApprover, isSroOf, waitsForSignOffBy } from './signOff';
