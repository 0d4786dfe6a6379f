/** The tracker's SharePoint lists, described once, and the typed mapping to the domain model. */
export * from './types';
export * from './lists';
export * from './mapping';
