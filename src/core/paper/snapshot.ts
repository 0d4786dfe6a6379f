/**
 * The frozen snapshot of an issued paper: what every item said on that date. The next paper's NEW
 * and CLOSED markers are measured against it, so it is read back strictly: a damaged snapshot is an
 * error, never a silently empty baseline.
 */
import { parseIsoDate } from '../dates';
import { DUE_KINDS, LIFECYCLES, TRAFFIC_LIGHTS } from '../model';
import type { IsoDate, IsoInstant } from '../model';
import type { CommitteePaper, PaperSelection, PaperSnapshot, SnapshotItem } from './types';
import { valueProblemText } from '../storedValues';
import { SNAPSHOT_FORMAT, readSelectionDirectorates } from './types';

/** Freezes a built paper as the snapshot stored when it is issued. */
export function snapshotOf(paper: CommitteePaper, issue: { paperId: string; issuedAt: IsoInstant; issuedBy: string }): PaperSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    version: 1,
    paperId: issue.paperId,
    title: paper.title,
    asAt: paper.asAt,
    issuedAt: issue.issuedAt,
    issuedBy: issue.issuedBy,
    selection: paper.selection,
    previousPaperId: paper.comparedWith?.kind === 'paper' ? paper.comparedWith.paperId : null,
    items: paper.items
  };
}

/** Serialises a snapshot as the JSON file kept in the library (stable, indented, UTF-8 text). */
export function serialiseSnapshot(snapshot: PaperSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

/** A snapshot that cannot be read: names the file's problem. */
export class SnapshotFormatError extends Error {
  constructor(message: string) {
    super(`Not a valid committee paper snapshot: ${message}`);
    this.name = 'SnapshotFormatError';
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(obj: Json, field: string, where: string): string {
  const value = obj[field];
  if (typeof value !== 'string') throw new SnapshotFormatError(`${where}.${field} should be text.`);
  return value;
}

function nullableDate(obj: Json, field: string, where: string): IsoDate | null {
  const value = obj[field];
  if (value === null) return null;
  return date(obj, field, where);
}

function date(obj: Json, field: string, where: string): IsoDate {
  const value = str(obj, field, where);
  try {
    parseIsoDate(value);
  } catch {
    throw new SnapshotFormatError(`${where}.${field} should be a date (YYYY-MM-DD), not '${value}'.`);
  }
  return value;
}

function oneOf<T extends string>(allowed: readonly T[], obj: Json, field: string, where: string): T {
  const value = str(obj, field, where);
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new SnapshotFormatError(`${where}.${field} '${value}' is not one of ${allowed.join(', ')}.`);
  return found;
}

function nullableId(obj: Json, field: string, where: string): number | null {
  const value = obj[field];
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new SnapshotFormatError(`${where}.${field} should be a whole number or null.`);
  return value;
}

function readSelection(value: unknown): PaperSelection {
  if (!isObject(value)) throw new SnapshotFormatError('selection should be an object.');
  const selection: PaperSelection = {};
  if (value.reportIds !== undefined) {
    if (!Array.isArray(value.reportIds) || !value.reportIds.every((id) => typeof id === 'number' && Number.isInteger(id))) {
      throw new SnapshotFormatError('selection.reportIds should be a list of whole numbers.');
    }
    selection.reportIds = value.reportIds as number[];
  }
  const directorates = readSelectionDirectorates(value);
  if (directorates === null) throw new SnapshotFormatError(`selection: ${valueProblemText({ code: 'expectedDirectorates', args: [] })}.`);
  if (directorates.length > 0) selection.directorates = directorates;
  return selection;
}

function readItem(value: unknown, index: number): SnapshotItem {
  const where = `items[${index}]`;
  if (!isObject(value)) throw new SnapshotFormatError(`${where} should be an object.`);
  const due = value.due;
  if (!isObject(due)) throw new SnapshotFormatError(`${where}.due should be an object.`);
  return {
    key: str(value, 'key', where),
    recommendationId: nullableId(value, 'recommendationId', where),
    reportId: nullableId(value, 'reportId', where),
    reportTitle: str(value, 'reportTitle', where),
    ref: str(value, 'ref', where),
    text: str(value, 'text', where),
    lifecycle: oneOf(LIFECYCLES, value, 'lifecycle', where),
    trafficLight: oneOf(TRAFFIC_LIGHTS, value, 'trafficLight', where),
    statusLabel: str(value, 'statusLabel', where),
    due: {
      kind: oneOf(DUE_KINDS, due, 'kind', `${where}.due`),
      original: nullableDate(due, 'original', `${where}.due`),
      current: nullableDate(due, 'current', `${where}.due`),
      raw: str(due, 'raw', `${where}.due`)
    },
    comment: str(value, 'comment', where)
  };
}

/**
 * Reads a stored snapshot back, checking every field.
 * @throws SnapshotFormatError naming the first field that is wrong.
 */
export function parseSnapshot(text: string): PaperSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new SnapshotFormatError(`the file is not JSON (${(e as Error).message}).`);
  }
  if (!isObject(value)) throw new SnapshotFormatError('the file should hold one JSON object.');
  if (value.format !== SNAPSHOT_FORMAT) throw new SnapshotFormatError(`format should be '${SNAPSHOT_FORMAT}'.`);
  if (value.version !== 1) throw new SnapshotFormatError(`version ${String(value.version)} is not supported (expected 1).`);
  if (!Array.isArray(value.items)) throw new SnapshotFormatError('items should be a list.');
  const previous = value.previousPaperId;
  if (previous !== null && typeof previous !== 'string') throw new SnapshotFormatError('previousPaperId should be text or null.');
  const items = value.items.map(readItem);
  const keys = new Set<string>();
  for (const item of items) {
    if (keys.has(item.key)) throw new SnapshotFormatError(`item '${item.key}' appears twice.`);
    keys.add(item.key);
  }
  const issuedAt = str(value, 'issuedAt', 'snapshot');
  if (Number.isNaN(Date.parse(issuedAt))) throw new SnapshotFormatError(`issuedAt '${issuedAt}' is not an instant.`);
  return {
    format: SNAPSHOT_FORMAT,
    version: 1,
    paperId: str(value, 'paperId', 'snapshot'),
    title: str(value, 'title', 'snapshot'),
    asAt: date(value, 'asAt', 'snapshot'),
    issuedAt,
    issuedBy: str(value, 'issuedBy', 'snapshot'),
    selection: readSelection(value.selection),
    previousPaperId: previous,
    items
  };
}
