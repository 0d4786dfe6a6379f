/** The stand-in's Microsoft Graph and Teams Workflows endpoints, and the Teams inbox they fill. */
export { createGraphContext, handleGraphRequest, workflowUrl } from './handler';
export type { GraphContext, GraphFault } from './handler';
export { TeamsInbox } from './inbox';
export type { InboxItem, InboxVia } from './inbox';
export { cardInvoke, STANDIN_BOT_ID, STANDIN_TENANT_ID } from './botconnector';
