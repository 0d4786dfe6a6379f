/**
 * The words of the tracker's screens, shared by every web part (the tracker, the dashboard, My
 * Actions) and the workbench: typed once in `src/webparts/shared/loc/mystrings.d.ts`, written in
 * `loc/en-gb.js`, loaded by the host (SPFx's `TrackerStrings` module, or the workbench from the same
 * file) and handed to the screens through {@link TrackerStringsProvider}.
 */
import * as React from 'react';

/** The shared strings, as `mystrings.d.ts` types them. */
export type TrackerStrings = ITrackerStrings;

const StringsContext = React.createContext<TrackerStrings | null>(null);

/** Makes the host's strings available to every screen below it. */
export function TrackerStringsProvider(props: { strings: TrackerStrings; children?: React.ReactNode }): JSX.Element {
  return <StringsContext.Provider value={props.strings}>{props.children}</StringsContext.Provider>;
}

/** The shared strings; the host must have provided them (a screen never falls back to built-in text). */
export function useStrings(): TrackerStrings {
  const strings = React.useContext(StringsContext);
  if (strings === null) throw new Error('The tracker screens were rendered without their strings (TrackerStringsProvider).');
  return strings;
}
