/**
 * Owners as the sources name them ("ACC Gibson", "DCS Davison (Head of Crime)", "Supt Taylor")
 * matched to accounts through a table kept as data (the demo's `data/demo/people.json`, or a
 * force's own). Unmatched names stay as text; the writer warns about them.
 */
import { htmlToText } from './html';
import type { PlannedPerson } from './types';

/** One row of a people table: any of `match` found in the owner text (as whole words) selects `login`. */
export interface PeopleEntry {
  match: readonly string[];
  /** Login or e-mail address of the account. */
  login: string;
  /** The directorate the person leads: their items' directorate when the source names none. */
  directorate?: string;
}

export interface PeopleTable {
  entries: readonly PeopleEntry[];
}

function words(text: string): string {
  return ` ${text.toLowerCase().replace(/[^a-z0-9/]+/g, ' ').trim()} `;
}

/** Checks a parsed people table, naming the first bad entry. */
export function parsePeopleTable(json: unknown): PeopleTable {
  const entries = (json as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) throw new Error('A people table needs an "entries" array of { "match": [...], "login": "…" }.');
  return {
    entries: entries.map((e: unknown, i: number) => {
      const entry = e as { match?: unknown; login?: unknown; directorate?: unknown };
      if (!Array.isArray(entry.match) || entry.match.some((m) => typeof m !== 'string' || m.trim() === '') || typeof entry.login !== 'string' || entry.login === '') {
        throw new Error(`People table entry ${i + 1} needs "match" (non-empty strings) and "login".`);
      }
      if (entry.directorate !== undefined && (typeof entry.directorate !== 'string' || entry.directorate.trim() === '')) {
        throw new Error(`People table entry ${i + 1}: "directorate", when given, must be a non-empty string.`);
      }
      return { match: entry.match as string[], login: entry.login, ...(entry.directorate === undefined ? {} : { directorate: entry.directorate.trim() }) };
    })
  };
}

/**
 * The person an owner cell names: the text as written, with the login (and directorate, if the
 * table gives one) of the first table entry whose words occur in it. Undefined for an empty cell.
 */
export function matchPerson(text: string | undefined, table?: PeopleTable): PlannedPerson | undefined {
  const name = htmlToText(text ?? '').replace(/\s+/g, ' ').trim();
  if (name === '') return undefined;
  const haystack = words(name);
  const entry = table?.entries.find((e) => e.match.some((m) => haystack.includes(words(m))));
  if (entry === undefined) return { name };
  return entry.directorate === undefined ? { name, login: entry.login } : { name, login: entry.login, directorate: entry.directorate };
}
