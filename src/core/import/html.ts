/**
 * Cells exported from SharePoint or Word carry HTML fragments (`<p>…</p>`, `<ul>`, checkbox bullets).
 * They become plain text: paragraphs as blank-line separated blocks, list items as "• " lines;
 * scripts, styles, event handlers and every other tag are dropped, so nothing from a cell can ever
 * run. Parsing uses htmlparser2, a forgiving parser that also runs in the browser.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is never text. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title', 'select', 'textarea']);
/** Elements that start and end a paragraph. */
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'tr', 'pre', 'address', 'header', 'footer']);
/** Cells of a table row, kept apart by a tab-free separator. */
const CELLS = new Set(['td', 'th']);

const BULLET = '• ';

/** True when the text contains something that looks like a tag, comment or entity. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z!][^>]*>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text);
}

/**
 * Turns a cell into safe plain text. Text without markup keeps its own line breaks; HTML follows
 * HTML whitespace rules. Never returns markup: what was a tag is gone, and `<`, `>` written as
 * entities come back as the characters, which are text, not tags, wherever the result is shown as text.
 */
export function htmlToText(input: string | null | undefined): string {
  if (input === null || input === undefined) return '';
  const text = String(input);
  if (!looksLikeHtml(text)) return tidyPlain(text);

  const blocks: string[] = [];
  let line = '';
  let dropDepth = 0;

  const flushLine = (): void => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t !== '' && t !== BULLET.trim()) blocks.push(t);
    line = '';
  };
  const paragraphBreak = (): void => {
    flushLine();
    if (blocks.length > 0 && blocks[blocks.length - 1] !== '') blocks.push('');
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (DROPPED.has(name)) {
          dropDepth += 1;
          return;
        }
        if (dropDepth > 0) return;
        if (BLOCKS.has(name)) paragraphBreak();
        else if (name === 'li') {
          flushLine();
          line = BULLET;
        } else if (name === 'br') flushLine();
        else if (CELLS.has(name) && line.trim() !== '') line += ' | ';
        // Word and SharePoint exports mark bullets inside a list with checkboxes.
        else if (name === 'input' && (attributes.type ?? '').toLowerCase() === 'checkbox') {
          flushLine();
          line = BULLET;
        }
      },
      ontext(data) {
        if (dropDepth === 0) line += data;
      },
      onclosetag(name) {
        if (DROPPED.has(name)) {
          dropDepth = Math.max(0, dropDepth - 1);
          return;
        }
        if (dropDepth > 0) return;
        if (BLOCKS.has(name)) paragraphBreak();
        else if (name === 'li') flushLine();
      }
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true }
  );
  parser.write(text);
  parser.end();
  flushLine();
  while (blocks.length > 0 && blocks[blocks.length - 1] === '') blocks.pop();
  return joinBlocks(blocks);
}

/** Joins lines, with list items of one list on consecutive lines and a blank line between paragraphs. */
function joinBlocks(blocks: string[]): string {
  return blocks.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function tidyPlain(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
