/**
 * The dashboard's figures, computed from the grid's rows: headline counts, traffic lights by report
 * and by directorate, and open items at each month end. Each figure carries the link filters that
 * open the tracker on exactly the items counted.
 */
import { daysBetween, endOfMonth, parseIsoDate } from '../../core/dates';
import type { IsoDate, TrafficLight } from '../../core/model';
import { isClosed, isOpen } from '../../core/status';
import type { LinkFilters } from '../settings/settings';
import { closedOn, distinct, filterRows, EMPTY_FILTERS } from '../tracker/rows';
import type { TrackerRow } from '../tracker/rows';

/** One headline figure. */
export interface Headline {
  key: 'open' | 'overdue' | 'updateOverdue' | 'dueSoon' | 'closedThisQuarter';
  value: number;
  link: LinkFilters;
}

/** The first day of the calendar quarter holding `today` (January, April, July, October). */
export function quarterStart(today: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(today);
  const first = month - ((month - 1) % 3);
  return `${year}-${String(first).padStart(2, '0')}-01`;
}

export const DUE_SOON_DAYS = 30;

export function headlines(rows: readonly TrackerRow[], today: IsoDate, scope: LinkFilters): Headline[] {
  const count = (link: LinkFilters): number =>
    filterRows(
      rows,
      {
        ...EMPTY_FILTERS,
        directorate: link.directorate ?? '',
        reportId: link.reportId ?? '',
        openOnly: link.openOnly ?? false,
        overdue: link.overdue ?? false,
        updateOverdue: link.updateOverdue ?? false,
        dueWithinDays: link.dueWithinDays ?? null,
        closedSince: link.closedSince ?? ''
      },
      today
    ).length;
  const defs: Omit<Headline, 'value'>[] = [
    { key: 'open', link: { ...scope, openOnly: true } },
    { key: 'overdue', link: { ...scope, overdue: true } },
    { key: 'updateOverdue', link: { ...scope, updateOverdue: true } },
    { key: 'dueSoon', link: { ...scope, dueWithinDays: DUE_SOON_DAYS } },
    { key: 'closedThisQuarter', link: { ...scope, closedSince: quarterStart(today) } }
  ];
  return defs.map((d) => ({ ...d, value: count(d.link) }));
}

/** Traffic-light counts for one report or directorate. */
export interface LightBreakdown {
  key: string;
  name: string;
  counts: Record<TrafficLight, number>;
  total: number;
  /** The link filters selecting this bar (add `trafficLight` for one segment). */
  link: LinkFilters;
}

export function lightsBy(rows: readonly TrackerRow[], by: 'report' | 'directorate', scope: LinkFilters): LightBreakdown[] {
  const out = new Map<string, LightBreakdown>();
  for (const row of rows) {
    const rec = row.record.recommendation;
    const key = by === 'report' ? String(rec.reportId ?? '') : (rec.directorate ?? '');
    if (key === '') continue;
    let entry = out.get(key);
    if (entry === undefined) {
      const link: LinkFilters = by === 'report' ? { ...scope, reportId: key } : { ...scope, directorate: key };
      entry = { key, name: by === 'report' ? row.reportTitle : key, counts: { RED: 0, AMBER: 0, GREEN: 0, WHITE: 0 }, total: 0, link };
      out.set(key, entry);
    }
    entry.counts[row.trafficLight] += 1;
    entry.total += 1;
  }
  const names = distinct([...out.values()].map((e) => e.name));
  return [...out.values()].sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
}

/** Open items at one month end. */
export interface OpenPoint {
  date: IsoDate;
  open: number;
}

/** The date an item entered the tracker: its first recorded status change, else null (always there). */
function openedOn(row: TrackerRow): IsoDate | null {
  const first = row.record.recommendation.history[0];
  return first === undefined ? null : first.at.slice(0, 10);
}

/**
 * Open items at each of the last `months` month ends (the last point is today). An item counts as
 * open on a date when it had entered the tracker by then and had not yet been closed.
 */
export function openOverTime(rows: readonly TrackerRow[], today: IsoDate, months = 12): OpenPoint[] {
  const { year, month } = parseIsoDate(today);
  const dates: IsoDate[] = [];
  for (let i = months - 1; i >= 1; i -= 1) {
    const m = month - i;
    const y = year + Math.floor((m - 1) / 12);
    const mm = ((((m - 1) % 12) + 12) % 12) + 1;
    dates.push(endOfMonth(y, mm));
  }
  dates.push(today);
  const spans = rows
    .filter((r) => isOpen(r.record.recommendation.lifecycle) || isClosed(r.record.recommendation.lifecycle))
    .map((r) => ({ from: openedOn(r), to: closedOn(r) }));
  return dates.map((date) => ({
    date,
    open: spans.filter((s) => (s.from === null || daysBetween(s.from, date) >= 0) && (s.to === null || daysBetween(date, s.to) > 0)).length
  }));
}
