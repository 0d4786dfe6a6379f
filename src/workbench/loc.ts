/**
 * The SPFx `loc` files as SharePoint's loader reads them, for the workbench page and the tests: each
 * web part's strings and the strings its screens share, from `src/webparts/<folder>/loc/<locale>.js`.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';

/** The folders under src/webparts with a `loc` folder: each web part's own, and the strings they share. */
export const LOC_FOLDERS = { tracker: 'recommendationTracker', dashboard: 'trackerDashboard', myActions: 'myActions', shared: 'shared' } as const;

/** The `loc` folder of one of {@link LOC_FOLDERS}. */
export function locFolder(folder: string): string {
  return join(resolve(__dirname, '..', '..'), 'src', 'webparts', folder, 'loc');
}

/** The locale file of one of {@link LOC_FOLDERS}: `loc/<locale>.js`. */
export function locFile(folder: string, locale = 'en-gb'): string {
  return join(locFolder(folder), `${locale}.js`);
}

/** Evaluates an SPFx `loc/*.js` file (an AMD `define`) as SharePoint's loader would. */
export async function readLocStrings<T>(path: string): Promise<T> {
  const code = await readFile(path, 'utf8');
  let strings: unknown;
  runInNewContext(code, {
    define: (_deps: string[], factory: () => unknown) => {
      strings = factory();
    }
  });
  if (strings === undefined || strings === null || typeof strings !== 'object') throw new Error(`${path} does not define its strings.`);
  return strings as T;
}
