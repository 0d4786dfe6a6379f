/**
 * Idempotency keys. An import run twice must change nothing, and a run cut off part way must finish
 * without duplicates, so every planned item has a key computed from what identifies it in the
 * source: the report by its title; a recommendation by its report and its reference, or, where the
 * source has no references, its normalised text (with an occurrence number for a row the source
 * itself repeats); an action by its recommendation and number; an update by its date and text.
 * The same key is computed from items already on the site, so the key needs no column of its own.
 */
import { stableHash } from '../hash';
import { htmlToText } from './html';

/** Lower-case words only: the same text from a `<p>` cell, an .xlsx cell or a JSON file gives the same key. */
export function normaliseForKey(text: string): string {
  return htmlToText(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function reportKey(title: string): string {
  return `report:${stableHash(normaliseForKey(title))}`;
}

/**
 * A recommendation's key. With a reference the reference identifies it; without one, its text
 * does. `occurrence` (1 for the first) tells apart rows the source repeats word for word.
 */
export function recommendationKey(reportTitle: string, ref: string | undefined, text: string, occurrence = 1): string {
  const base = reportKey(reportTitle);
  const r = (ref ?? '').trim();
  const id = r !== '' ? `ref:${normaliseForKey(r) || r}` : `text:${stableHash(normaliseForKey(text))}`;
  return `${base}/${id}${occurrence > 1 ? `#${occurrence}` : ''}`;
}

export function actionKey(recKey: string, ref: string, text: string): string {
  const r = normaliseForKey(ref);
  return `${recKey}/action:${r !== '' ? r : stableHash(normaliseForKey(text))}`;
}

export function updateKey(recKey: string, at: string, text: string): string {
  return `${recKey}/update:${at.slice(0, 10)}:${stableHash(normaliseForKey(text))}`;
}
