/** Reminder rules: model, evaluation, defaults, calendar, keys, digests and card templates. */
export * from './model';
export * from './calendar';
export * from './keys';
export * from './evaluate';
export * from './defaults';
export * from './parse';
export * from './problems';
export * from './form';
export * from './digest';
export * from './cards';
export * from './expand';
export * from './subject';
export * from './history';
export { myActionsDeepLink, openItemUrl, updateDeepLink } from '../deepLinks';
export type { LinkSettings } from '../deepLinks';
