/** The stand-in's OData `$batch` codec: the multipart PnPjs sends in, the flat multipart SharePoint sends back. */
import { formatBatch, parseBatch } from '../../src/standin/batch';
import { SpError } from '../../src/standin/errors';

const site = 'http://127.0.0.1:4320/sites/tracker/_api/web';
const title = 'Examining Multi-Agency Responses to Children & Young people who sexually offend';

/** The body PnPjs builds (LF line endings, lower-case part headers, a changeset for consecutive writes). */
function pnpBody(eol: string): string {
  return [
    '--batch_0df3',
    'Content-Type: application/http',
    'Content-Transfer-Encoding: binary',
    '',
    `GET ${site}/lists/getByTitle('Recommendations')/items?%24select=Id&%24top=1 HTTP/1.1`,
    'accept: application/json',
    'content-type: application/json;charset=utf-8',
    '',
    '--batch_0df3',
    'Content-Type: multipart/mixed; boundary="changeset_bf37"',
    '',
    '--changeset_bf37',
    'Content-Type: application/http',
    'Content-Transfer-Encoding: binary',
    '',
    `POST ${site}/lists/getByTitle('Recommendations')/items HTTP/1.1`,
    'accept: application/json',
    'content-type: application/json;charset=utf-8',
    '',
    JSON.stringify({ Title: title }),
    '',
    '--changeset_bf37',
    'Content-Type: application/http',
    'Content-Transfer-Encoding: binary',
    '',
    `MERGE ${site}/lists/getByTitle('Recommendations')/items(1) HTTP/1.1`,
    'accept: application/json',
    'content-type: application/json;charset=utf-8',
    'if-match: *',
    '',
    JSON.stringify({ Title: 'B3' }),
    '',
    '--changeset_bf37--',
    '',
    '--batch_0df3--',
    ''
  ].join(eol);
}

describe('$batch request parsing', () => {
  it.each([['LF', '\n'], ['CRLF', '\r\n']])('reads GET parts and changeset members in order (%s)', (_name, eol) => {
    const parts = parseBatch('multipart/mixed; boundary=batch_0df3', pnpBody(eol));
    expect(parts.map((p) => [p.method, p.url.slice(site.length)])).toEqual([
      ['GET', "/lists/getByTitle('Recommendations')/items?%24select=Id&%24top=1"],
      ['POST', "/lists/getByTitle('Recommendations')/items"],
      ['MERGE', "/lists/getByTitle('Recommendations')/items(1)"]
    ]);
    expect(JSON.parse(parts[1].body)).toEqual({ Title: title });
    expect(parts[2].headers['if-match']).toBe('*');
    expect(parts[0].body).toBe('');
  });

  it('reads a quoted boundary', () => {
    expect(parseBatch('multipart/mixed; boundary="batch_0df3"', pnpBody('\n'))).toHaveLength(3);
  });

  it('refuses a body without a boundary, a part without a request line, and a body or changeset cut short', () => {
    expect(() => parseBatch('application/json', '{}')).toThrow(SpError);
    expect(() => parseBatch('multipart/mixed; boundary=b', '--b\nContent-Type: application/http\n\nnot a request\n--b--\n')).toThrow('request line');
    const whole = pnpBody('\n');
    expect(() => parseBatch('multipart/mixed; boundary=batch_0df3', whole.slice(0, whole.indexOf('--batch_0df3--')))).toThrow("no closing delimiter '--batch_0df3--'");
    expect(() => parseBatch('multipart/mixed; boundary=batch_0df3', whole.replace('--changeset_bf37--\n', ''))).toThrow("no closing delimiter '--changeset_bf37--'");
  });
});

describe('$batch response writing', () => {
  it('writes one flat part per response, CRLF, upper-case headers, and a newline after the closing delimiter', () => {
    const out = formatBatch([
      { status: 201, headers: { 'content-type': 'application/json', etag: '"abc,1"' }, body: '{"Id":1}' },
      { status: 204, headers: { etag: '"abc,2"' }, body: '' },
      { status: 404, headers: {}, body: '{"odata.error":{}}' }
    ]);
    const boundary = /boundary=(batchresponse_[0-9a-f-]{36})$/.exec(out.contentType)?.[1] ?? '';
    expect(boundary).not.toBe('');
    expect(out.body.split(`--${boundary}\r\n`)).toHaveLength(4);
    expect(out.body).toContain('HTTP/1.1 201 Created\r\nCONTENT-TYPE: application/json\r\nETAG: "abc,1"\r\n\r\n{"Id":1}\r\n');
    expect(out.body).toContain('HTTP/1.1 204 No Content\r\nETAG: "abc,2"\r\n\r\n\r\n');
    expect(out.body).toContain('HTTP/1.1 404 Not Found');
    expect(out.body.endsWith(`--${boundary}--\r\n`)).toBe(true);
    expect(out.body).not.toContain('changesetresponse');
  });
});
