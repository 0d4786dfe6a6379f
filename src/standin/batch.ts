/**
 * OData `$batch`: parsing the multipart/mixed request PnPjs sends (GET parts and changesets) and
 * writing the flat multipart response SharePoint Online returns (one part per request, in order,
 * changeset members flattened, CRLF line endings, trailing newline after the closing delimiter).
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { errors } from './errors';
import type { ApiResponse } from './wire';

/** One operation inside a batch. */
export interface BatchPart {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

function boundaryOf(contentType: string | undefined): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return m ? m[1] ?? m[2] : undefined;
}

/**
 * Splits a multipart body into its parts' raw text (line endings normalised to LF). A body without
 * its closing delimiter is refused: it may have been cut short, and running part of it would apply
 * part of what was sent.
 */
function splitMultipart(body: string, boundary: string): string[] {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    const isClose = trimmed === `--${boundary}--`;
    if (isClose || trimmed === `--${boundary}`) {
      if (current) {
        parts.push(current.join('\n'));
      }
      if (isClose) {
        return parts;
      }
      current = [];
      continue;
    }
    current?.push(line);
  }
  throw errors.badRequest(`The $batch body has no closing delimiter '--${boundary}--'.`);
}

/** Splits "headers, blank line, rest" and lower-cases header names. */
function headersAndBody(text: string): { headers: Record<string, string>; rest: string } {
  const lines = text.split('\n');
  const headers: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      break;
    }
    const colon = line.indexOf(':');
    if (colon > 0) {
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
  }
  return { headers, rest: lines.slice(i + 1).join('\n') };
}

function parseHttpPart(text: string): BatchPart {
  const { rest } = headersAndBody(text);
  const lines = rest.split('\n');
  let start = 0;
  while (start < lines.length && lines[start].trim() === '') {
    start++;
  }
  const requestLine = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/1\.1)?\s*$/.exec(lines[start] ?? '');
  if (!requestLine) {
    throw errors.badRequest(`The batch part request line '${lines[start] ?? ''}' is not valid.`);
  }
  const inner = headersAndBody(lines.slice(start + 1).join('\n'));
  return { method: requestLine[1], url: requestLine[2], headers: inner.headers, body: inner.rest.replace(/\n+$/, '') };
}

/**
 * Parses a `$batch` request body into its operations, changesets flattened in order. All of it is
 * read before anything runs, so a body that cannot be read is refused whole.
 */
export function parseBatch(contentType: string | undefined, body: string): BatchPart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) {
    throw errors.badRequest('A $batch request must be multipart/mixed with a boundary.');
  }
  const out: BatchPart[] = [];
  for (const part of splitMultipart(body, boundary)) {
    const { headers, rest } = headersAndBody(part);
    const inner = boundaryOf(headers['content-type']);
    if (/^multipart\/mixed/i.test(headers['content-type'] ?? '') && inner) {
      for (const op of splitMultipart(rest, inner)) {
        out.push(parseHttpPart(op));
      }
    } else if (part.trim() !== '') {
      out.push(parseHttpPart(part));
    }
  }
  return out;
}

/** Writes the flat `batchresponse` multipart body. */
export function formatBatch(responses: ApiResponse[]): { contentType: string; body: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  const chunks: string[] = [];
  for (const r of responses) {
    const head = [`HTTP/1.1 ${r.status} ${STATUS_CODES[r.status] ?? ''}`.trimEnd()];
    for (const [k, v] of Object.entries(r.headers)) {
      head.push(`${k.toUpperCase()}: ${v}`);
    }
    const body = typeof r.body === 'string' ? r.body : r.body.toString('utf8');
    chunks.push(
      `--${boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n${head.join('\r\n')}\r\n\r\n${body}\r\n`
    );
  }
  chunks.push(`--${boundary}--\r\n`);
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: chunks.join('') };
}
