/** The quarterly update round: model, scope, progress and the owner's card. */
export * from './model';
export * from './progress';
export * from './card';
export * from './rules';
