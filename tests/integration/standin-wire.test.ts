/**
 * The wire format seen with plain fetch (metadata flavours, errors, context info, raw `$batch`,
 * identity by cookie) and injected faults retried by the real PnPjs.
 */
import { createRecommendationsList, getJson, lancashireRecommendations, spAs, start, titleOf, type Standin } from './standin.helpers';

const seeds = lancashireRecommendations();

describe('stand-in: wire format', () => {
  let server: Standin;

  beforeAll(async () => {
    server = await start();
    await createRecommendationsList(server);
    await spAs(server, 'analyst').web.lists.getByTitle('Recommendations').items.add({ Title: titleOf(seeds[0]), Lifecycle: 'Open' });
  });

  afterAll(() => server.close());

  it('serves minimal metadata by default, and honours nometadata and verbose', async () => {
    const minimal = await getJson(server, "web/lists/getByTitle('Recommendations')/items(1)");
    expect(minimal.headers.get('content-type')).toBe('application/json;odata=minimalmetadata;streaming=true;charset=utf-8');
    expect(minimal.body['odata.metadata']).toBe(`${server.siteUrl}/_api/$metadata#SP.ListData.RecommendationsListItems/@Element`);
    expect(minimal.body['odata.type']).toBe('SP.Data.RecommendationsListItem');
    expect(minimal.body['odata.etag']).toBe('"1"');
    expect(minimal.headers.get('etag')).toBe(`"${String(minimal.body.GUID)},1"`);

    const none = await getJson(server, "web/lists/getByTitle('Recommendations')/items?$select=Id,Title", 'application/json;odata=nometadata');
    expect(none.body).toEqual({ value: [{ Id: 1, Title: titleOf(seeds[0]) }] });

    const verbose = await getJson(server, "web/lists/getByTitle('Recommendations')/items?$select=Id,Title", 'application/json;odata=verbose');
    const results = (verbose.body.d as { results: { __metadata: { type: string; etag: string }; Id: number }[] }).results;
    expect(results[0].__metadata).toMatchObject({ type: 'SP.Data.RecommendationsListItem', etag: '"1"' });
    expect(results[0].Id).toBe(1);
  });

  it('answers errors in odata.error, or error when verbose', async () => {
    const light = await getJson(server, "web/lists/getByTitle('Nope')");
    expect(light.status).toBe(404);
    expect(light.body).toEqual({
      'odata.error': { code: '-1, System.ArgumentException', message: { lang: 'en-US', value: `List 'Nope' does not exist at site with URL '${server.siteUrl}'.` } }
    });
    const verbose = await getJson(server, "web/lists/getByTitle('Nope')", 'application/json;odata=verbose');
    expect(verbose.body).toEqual({ error: light.body['odata.error'] });
  });

  it('issues a form digest from contextinfo at the top level', async () => {
    const res = await fetch(`${server.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { accept: 'application/json' } });
    const body = (await res.json()) as { FormDigestValue: string; FormDigestTimeoutSeconds: number; WebFullUrl: string };
    expect(body.FormDigestTimeoutSeconds).toBe(1800);
    expect(body.FormDigestValue).toMatch(/^0x[0-9A-F]+,.+/);
    expect(body.WebFullUrl).toBe(server.siteUrl);
  });

  it('answers a raw $batch with one flat part per request, in order, ending with a newline', async () => {
    const item = `${server.siteUrl}/_api/web/lists/getByTitle('Recommendations')/items`;
    const body = [
      '--batch_1',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `GET ${item}(1)?%24select=Id%2CTitle HTTP/1.1`,
      'accept: application/json;odata=nometadata',
      '',
      '--batch_1',
      'Content-Type: multipart/mixed; boundary="changeset_1"',
      '',
      '--changeset_1',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `POST ${item} HTTP/1.1`,
      'accept: application/json',
      'content-type: application/json;charset=utf-8',
      '',
      JSON.stringify({ Title: titleOf(seeds[1]) }),
      '',
      '--changeset_1',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `MERGE ${item}(1) HTTP/1.1`,
      'accept: application/json',
      'content-type: application/json;charset=utf-8',
      'if-match: "7"',
      '',
      JSON.stringify({ Title: 'stale' }),
      '',
      '--changeset_1--',
      '',
      '--batch_1--',
      ''
    ].join('\n');
    const res = await fetch(`${server.siteUrl}/_api/$batch`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/mixed; boundary=batch_1', 'x-standin-user': 'analyst' },
      body
    });
    expect(res.status).toBe(200);
    const boundary = /boundary=(batchresponse_[0-9a-f-]+)/.exec(res.headers.get('content-type') ?? '')?.[1];
    expect(boundary).toBeDefined();
    const text = await res.text();
    expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true);
    expect(text).not.toContain('changesetresponse');
    const statuses = [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
    expect(statuses).toEqual([200, 201, 412]);
    expect(text).toContain(`{"Id":1,"Title":${JSON.stringify(titleOf(seeds[0]))}}`);
  });

  it('picks the caller from the standin-user cookie, and refuses unknown aliases', async () => {
    const me = await fetch(`${server.siteUrl}/_api/web/currentUser`, { headers: { accept: 'application/json', cookie: 'theme=dark; standin-user=sro' } });
    expect(((await me.json()) as { Title: string }).Title).toBe('ACC Crime');
    const nobody = await getJson(server, 'web/currentUser', 'application/json', 'mallory');
    expect(nobody.status).toBe(401);
  });
});

describe('stand-in: injected faults', () => {
  let server: Standin;

  beforeAll(async () => {
    server = await start();
    await createRecommendationsList(server);
  });

  afterAll(() => server.close());

  async function faults(body: unknown): Promise<Response> {
    return fetch(`${server.url}/_standin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  it('is off by default and reports health', async () => {
    const health = (await (await fetch(`${server.url}/_standin/health`)).json()) as { status: string; faults: { rate: number } };
    expect(health.status).toBe('ok');
    expect(health.faults.rate).toBe(0);
  });

  it('fails exactly the next n requests with 429 and Retry-After; PnPjs retries and nothing is lost or doubled', async () => {
    const sp = spAs(server, 'analyst');
    expect((await faults({ status: 429, retryAfter: 0, count: 2 })).status).toBe(200);
    server.resetRequestCount();
    const added = await sp.web.lists.getByTitle('Recommendations').items.add({ Title: titleOf(seeds[2]) });
    expect(server.requestCount()).toBe(3);
    const all = await sp.web.lists.getByTitle('Recommendations').items.select('Id', 'Title')();
    expect(all).toEqual([expect.objectContaining({ Id: added.Id, Title: titleOf(seeds[2]) })]);
  });

  it('sends Retry-After with 503 and gives up after PnPjs exhausts its retries', async () => {
    await faults({ status: 503, retryAfter: 0, rate: 1 });
    const raw = await fetch(`${server.siteUrl}/_api/web`, { headers: { accept: 'application/json' } });
    expect(raw.status).toBe(503);
    expect(raw.headers.get('retry-after')).toBe('0');
    await expect(spAs(server, 'analyst').web()).rejects.toThrow(/Retry count exceeded \(3\)/);
    await fetch(`${server.url}/_standin/faults`, { method: 'DELETE' });
    expect((await spAs(server, 'analyst').web()).Title).toBe('Inspection Tracker');
  });

  it('rejects invalid fault settings', async () => {
    const res = await faults({ rate: 2 });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('rate must be a number from 0 to 1');
  });
});
