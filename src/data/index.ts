/**
 * The data layer: the only code that talks to SharePoint, always through PnPjs. Browser-safe.
 */
export * from './errors';
export * from './odata';
export * from './repository';
export * from './tracker';
export * from './settings';
export * from './users';
export * from './papers';
export * from './provision';
