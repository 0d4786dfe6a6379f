/** The committee paper and the plan delivery update: pure content models built from the register. */
export * from './types';
export * from './format';
export * from './build';
export * from './snapshot';
export * from './plan';
