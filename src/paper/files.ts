/**
 * A paper as a file to save or download: name, MIME type and content, in Word or HTML. Shared by
 * the CLI (which writes it to disk) and the tracker's "Committee paper" command (which downloads it).
 */
import type { CommitteePaper, PlanUpdate } from '../core/paper';
import { DOCX_MIME, renderPaperDocx, renderPlanUpdateDocx } from './docx';
import { renderPaperHtml, renderPlanUpdateHtml } from './html';
import { paperStem } from './issue';

export type PaperFormat = 'docx' | 'html';

export const HTML_MIME = 'text/html;charset=utf-8';

/** A rendered paper: bytes for Word, text for HTML. */
export interface PaperFileContent {
  /** "2017-11-23-hmicfrs-report-recommendations.docx". */
  name: string;
  mime: string;
  content: Uint8Array | string;
}

/** The committee paper as a file; `label` names it (the committee, else the paper's title). */
export async function renderPaperFile(paper: CommitteePaper, format: PaperFormat, label: string = paper.title): Promise<PaperFileContent> {
  const name = `${paperStem(paper.asAt, label)}.${format}`;
  return format === 'docx' ? { name, mime: DOCX_MIME, content: await renderPaperDocx(paper) } : { name, mime: HTML_MIME, content: renderPaperHtml(paper) };
}

/** The plan delivery update as a file. */
export async function renderPlanUpdateFile(update: PlanUpdate, format: PaperFormat): Promise<PaperFileContent> {
  const name = `${paperStem(update.asAt, update.title)}.${format}`;
  return format === 'docx' ? { name, mime: DOCX_MIME, content: await renderPlanUpdateDocx(update) } : { name, mime: HTML_MIME, content: renderPlanUpdateHtml(update) };
}
