/**
 * "Export to Excel": the rows and columns the user sees, in their order, as an .xlsx download.
 * The workbook writer (exceljs, large) is loaded only when someone exports.
 */
import type { TrackerColumn } from '../settings/settings';
import type { TrackerRow } from './rows';
import type { ExportColumn, ExportValue, TruncatedCell } from '../../paper/xlsx';
import { format, formatNumber, listText, plural } from '../common/intl';
import type { TrackerStrings } from '../common/strings';

/** Each column's cell type and width; its header is the column's name in the grid (loc `Columns`). */
const LAYOUT: Record<TrackerColumn, Omit<ExportColumn, 'key' | 'header'>> = {
  ref: { width: 10 },
  text: { width: 60 },
  kind: { width: 22 },
  trafficLight: { width: 9 },
  lifecycle: { width: 24 },
  due: { type: 'date' },
  owner: { width: 24 },
  directorate: { width: 20 },
  confidence: { width: 12 },
  lastUpdated: { type: 'date' },
  causesOfConcern: { width: 14 },
  report: { width: 40 }
};

/**
 * One row's values, keyed by column. Kind, colour, status and confidence are the values the lists
 * store, not the names the grid shows (loc `Values`): the workbook is data, to filter and compare
 * with SharePoint's own export; only its headers are the screens' words.
 */
function exportValues(row: TrackerRow): Record<TrackerColumn, ExportValue> {
  const rec = row.record.recommendation;
  return {
    ref: rec.ref,
    text: rec.text,
    kind: rec.kind,
    trafficLight: row.trafficLight,
    lifecycle: rec.lifecycle,
    due: rec.due.current,
    owner: row.ownerName,
    directorate: rec.directorate ?? '',
    confidence: rec.confidence ?? '',
    lastUpdated: rec.lastUpdated,
    causesOfConcern: row.causesOfConcern.join(', '),
    report: row.reportTitle
  };
}

/**
 * What to tell the user when texts were cut short to fit Excel's cells: which item and column, and
 * how long the text was; null when nothing was cut.
 */
function truncationWarning(truncated: readonly TruncatedCell[], rows: readonly TrackerRow[], strings: Pick<TrackerStrings, 'Tracker' | 'Common'>): string | null {
  if (truncated.length === 0) return null;
  const cells = truncated.map((t) => format(strings.Tracker.TruncatedCell, rows[t.row - 1].record.recommendation.ref, t.column, formatNumber(t.length)));
  return plural(strings.Tracker.ExportTruncated, truncated.length, listText(cells, strings.Common.ListSeparator));
}

/**
 * Builds the workbook and hands it to the browser as a download.
 * @returns a warning for the user when texts had to be cut short, otherwise null.
 */
export async function exportRows(title: string, columns: TrackerColumn[], rows: readonly TrackerRow[], strings: TrackerStrings): Promise<string | null> {
  const { exportViewToXlsx, XLSX_MIME } = await import(/* webpackChunkName: 'tracker-xlsx' */ '../../paper/xlsx');
  const headers = columns.map((key): ExportColumn => ({ key, header: strings.Columns[key], ...LAYOUT[key] }));
  const { bytes, truncated } = await exportViewToXlsx({ title, columns: headers, rows: rows.map(exportValues) });
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || strings.Tracker.ExportFileName}.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return truncationWarning(truncated, rows, strings);
}
