/**
 * "Export to Excel": the rows and columns the user sees, in their order, as an .xlsx download.
 * The workbook writer (exceljs, large) is loaded only when someone exports.
 */
import type { TrackerColumn } from '../settings/settings';
import type { TrackerRow } from './rows';
import type { ExportColumn, ExportValue, TruncatedCell } from '../../paper/xlsx';

const HEADERS: Record<TrackerColumn, ExportColumn> = {
  ref: { key: 'ref', header: 'Ref', width: 10 },
  text: { key: 'text', header: 'Recommendation', width: 60 },
  kind: { key: 'kind', header: 'Kind', width: 22 },
  trafficLight: { key: 'trafficLight', header: 'RAG', width: 9 },
  lifecycle: { key: 'lifecycle', header: 'Status', width: 24 },
  due: { key: 'due', header: 'Due date', type: 'date' },
  owner: { key: 'owner', header: 'Owner', width: 24 },
  directorate: { key: 'directorate', header: 'Directorate', width: 20 },
  confidence: { key: 'confidence', header: 'Confidence', width: 12 },
  lastUpdated: { key: 'lastUpdated', header: 'Last updated', type: 'date' },
  causesOfConcern: { key: 'causesOfConcern', header: 'Answers cause of concern', width: 14 },
  report: { key: 'report', header: 'Report', width: 40 }
};

/** One row's values, keyed by column. */
export function exportValues(row: TrackerRow): Record<TrackerColumn, ExportValue> {
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
export function truncationWarning(truncated: readonly TruncatedCell[], rows: readonly TrackerRow[]): string | null {
  if (truncated.length === 0) return null;
  const cells = truncated.map((t) => `Ref ${rows[t.row - 1].record.recommendation.ref}, ${t.column} (${t.length.toLocaleString('en-GB')} characters)`);
  const count = truncated.length === 1 ? '1 text was' : `${truncated.length} texts were`;
  return `Exported, but ${count} too long for an Excel cell and cut short: ${cells.join('; ')}. The full text is in the tracker.`;
}

/**
 * Builds the workbook and hands it to the browser as a download.
 * @returns a warning for the user when texts had to be cut short, otherwise null.
 */
export async function exportRows(title: string, columns: TrackerColumn[], rows: readonly TrackerRow[]): Promise<string | null> {
  const { exportViewToXlsx, XLSX_MIME } = await import(/* webpackChunkName: 'tracker-xlsx' */ '../../paper/xlsx');
  const { bytes, truncated } = await exportViewToXlsx({ title, columns: columns.map((c) => HEADERS[c]), rows: rows.map(exportValues) });
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'Tracker'}.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return truncationWarning(truncated, rows);
}
