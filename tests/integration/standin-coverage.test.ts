/**
 * The stand-in answers as SharePoint Online does or refuses: never a 200 with the wrong content.
 * First the cases found by trying PnPjs's own calls, then a walk over every route the stand-in
 * serves (docs/standin-coverage.md lists the same routes) with an option, an `$expand` and a child
 * segment it does not implement.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import { spAs, start, type Standin } from './standin.helpers';

const LIBRARY = '/sites/tracker/Shared Documents';
const TITLE_FIELD_ID = 'fa564e0f-0c70-4ab9-b863-0177e6ddd247';

describe('stand-in: behaves as SharePoint or refuses', () => {
  let server: Standin;
  let raw: (method: string, path: string, body?: string, headers?: Record<string, string>) => Promise<{ status: number; text: string }>;

  beforeAll(async () => {
    server = await start();
    raw = async (method, path, body, headers = {}) => {
      const r = await fetch(`${server.siteUrl}/_api/${path}`, {
        method,
        body,
        headers: { 'X-Standin-User': 'admin', accept: 'application/json;odata=nometadata', 'content-type': 'application/json', ...headers }
      });
      return { status: r.status, text: await r.text() };
    };
    const sp = spAs(server, 'admin');
    await sp.web.lists.add('Evidence', 'Evidence for closures', 100);
    await sp.web.lists.getByTitle('Evidence').items.add({ Title: 'Force management statement' });
    await sp.web.getFolderByServerRelativePath(LIBRARY).files.addUsingPath('Terms of reference.txt', 'terms');
    await sp.web.folders.addUsingPath(`${LIBRARY}/2024`);
  });

  afterAll(() => server.close());

  it('serves web/defaultDocumentLibrary as the site’s Documents library', async () => {
    const lib = await spAs(server, 'reader').web.defaultDocumentLibrary.select('Title', 'BaseTemplate', 'RootFolder/ServerRelativeUrl').expand('RootFolder')();
    expect(lib).toMatchObject({ Title: 'Documents', BaseTemplate: 101, RootFolder: { ServerRelativeUrl: LIBRARY } });
  });

  it.each([
    ['a per cent sign', 'HMICFRS 100% audit.txt'],
    ['a hash', 'Recommendation #3 evidence.txt'],
    ['both', '#1 of 5 – 20% done.txt']
  ])('adds and reads back a file whose name has %s through the path-based APIs', async (_what, name) => {
    const sp = spAs(server, 'analyst');
    const added = await sp.web.getFolderByServerRelativePath(LIBRARY).files.addUsingPath(name, `content of ${name}`, { Overwrite: true });
    expect(added.Name).toBe(name);
    expect(await sp.web.getFileByServerRelativePath(`${LIBRARY}/${name}`).getText()).toBe(`content of ${name}`);
    const listed = await sp.web.getFolderByServerRelativePath(LIBRARY).files.filter(`Name eq '${name}'`)();
    expect(listed.map((f) => f.Name)).toEqual([name]);
  });

  it('still refuses % and # in the older url-based files/add', async () => {
    const r = await raw('POST', `web/getFolderByServerRelativePath(decodedUrl='${encodeURIComponent(LIBRARY)}')/files/add(url='${encodeURIComponent('50% done.txt')}',overwrite=true)`, 'x');
    expect(r.status).toBe(400);
    expect(r.text).toContain('contains characters that are not allowed');
  });

  it('gives built-in columns SharePoint’s fixed ids in every list', async () => {
    const sp = spAs(server, 'admin');
    for (const list of ['Evidence', 'Documents']) {
      const title = await sp.web.lists.getByTitle(list).fields.getByInternalNameOrTitle('Title').select('Id')();
      expect(title.Id).toBe(TITLE_FIELD_ID);
      const byId = await sp.web.lists.getByTitle(list).fields.getById(TITLE_FIELD_ID).select('InternalName')();
      expect(byId.InternalName).toBe('Title');
    }
    const created = await sp.web.lists.getByTitle('Evidence').fields.getByInternalNameOrTitle('Created').select('Id')();
    expect(created.Id).toBe('8c06beca-0777-48f7-91c7-6da68bc07b69');
  });

  it('filters a collection on a property the $select leaves out', async () => {
    const fields = await spAs(server, 'admin').web.lists.getByTitle('Evidence').fields.filter("InternalName eq 'Title'").select('Id')();
    expect(fields.map((f) => Object.keys(f).filter((k) => !k.startsWith('odata.')))).toEqual([['Id']]);
    expect(fields[0].Id).toBe(TITLE_FIELD_ID);
  });

  it('refuses a list title over 255 characters, on create and on rename', async () => {
    const sp = spAs(server, 'admin');
    await expect(sp.web.lists.add('R'.repeat(256))).rejects.toThrow(/\[400\].*256 characters long; a title may have at most 255/);
    await expect(sp.web.lists.getByTitle('Evidence').update({ Title: 'R'.repeat(300) })).rejects.toThrow(/\[400\].*300 characters long/);
    const made = await sp.web.lists.add('R'.repeat(255));
    expect(made.Title).toHaveLength(255);
    expect((await sp.web.lists.getByTitle('Evidence')()).Title).toBe('Evidence');
  });

  it('applies $filter to a folder’s files and folders instead of returning every one', async () => {
    const folder = spAs(server, 'reader').web.getFolderByServerRelativePath(LIBRARY);
    expect((await folder.files.filter("Name eq 'Terms of reference.txt'")()).map((f) => f.Name)).toEqual(['Terms of reference.txt']);
    expect(await folder.files.filter("Name eq 'Nothing.txt'")()).toEqual([]);
    expect((await folder.folders.filter("Name eq '2024'")()).map((f) => f.Name)).toEqual(['2024']);
  });

  it('refuses to create a site group (501) instead of answering with the collection', async () => {
    await expect(spAs(server, 'admin').web.siteGroups.add({ Title: 'Audit committee' })).rejects.toThrow(/\[501\].*Creating or changing site groups.*not supported by the local stand-in/);
    const groups = await spAs(server, 'admin').web.siteGroups();
    expect(groups.map((g) => g.Title).sort()).toEqual(['Tracker Members', 'Tracker Owners', 'Tracker Visitors']);
  });

  it('refuses MERGE of the current user (501) instead of answering 200 and changing nothing', async () => {
    const r = await raw('POST', 'web/currentUser', JSON.stringify({ Title: 'Someone else' }), { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' });
    expect(r.status).toBe(501);
    expect(r.text).toContain('MERGE of a user is not supported by the local stand-in');
    expect((await spAs(server, 'admin').web.currentUser.select('Title')()).Title).toBe('Site Admin');
  });

  it('updates the web’s title and description (MERGE web), as a site owner only', async () => {
    await expect(spAs(server, 'analyst').web.update({ Title: 'Taken over' })).rejects.toThrow(/\[403\]/);
    await spAs(server, 'admin').web.update({ Title: 'Force inspection tracker', Description: 'HMICFRS and other inspectorates' });
    expect(await spAs(server, 'reader').web.select('Title', 'Description')()).toMatchObject({ Title: 'Force inspection tracker', Description: 'HMICFRS and other inspectorates' });
    await expect(spAs(server, 'admin').web.update({ SiteLogoUrl: '/logo.png' })).rejects.toThrow(/\[501\].*Setting the web's SiteLogoUrl/);
  });

  it('expands a list’s RootFolder and ParentWeb, and refuses a navigation property it does not have', async () => {
    const sp = spAs(server, 'reader');
    const list = await sp.web.lists.getByTitle('Evidence').select('Title', 'RootFolder/ServerRelativeUrl', 'ParentWeb/Title').expand('RootFolder', 'ParentWeb')();
    expect(Object.keys(list).filter((k) => !k.startsWith('odata.')).sort()).toEqual(['ParentWeb', 'RootFolder', 'Title']);
    expect(list).toMatchObject({ Title: 'Evidence', RootFolder: { ServerRelativeUrl: '/sites/tracker/Lists/Evidence' }, ParentWeb: { Title: 'Force inspection tracker' } });
    await expect(sp.web.lists.getByTitle('Evidence').expand('Owner')()).rejects.toThrow(/\[400\].*The property 'Owner' does not exist on type 'SP.List'/);
  });

  it('answers $top=0 with no items and refuses a $filter nested past 100 levels', async () => {
    const sp = spAs(server, 'reader');
    expect(await sp.web.lists.getByTitle('Evidence').items.top(0)()).toEqual([]);
    // 2,000 levels: the longest such URL Node's 16 KB request-line limit lets through (SharePoint's is shorter).
    const deep = `${'('.repeat(2000)}Id eq 1${')'.repeat(2000)}`;
    await expect(sp.web.lists.getByTitle('Evidence').items.filter(deep)()).rejects.toThrow(/\[400\].*nested more than 100 levels/);
    const fine = `${'('.repeat(50)}Id eq 1${')'.repeat(50)}`;
    expect((await sp.web.lists.getByTitle('Evidence').items.filter(fine).select('Title')()).map((i) => i.Title)).toEqual(['Force management statement']);
  });

  /** Every route the stand-in serves for GET; docs/standin-coverage.md lists each of these. */
  const ROUTES = [
    'web',
    'web/title',
    'web/currentchangetoken',
    'web/effectivebasepermissions',
    'web/lists',
    "web/lists/getByTitle('Evidence')",
    "web/getList('/sites/tracker/Lists/Evidence')",
    'web/defaultDocumentLibrary',
    "web/lists/getByTitle('Evidence')/items",
    "web/lists/getByTitle('Evidence')/items(1)",
    "web/lists/getByTitle('Evidence')/items/getById(1)",
    "web/lists/getByTitle('Evidence')/items(1)/AttachmentFiles",
    "web/lists/getByTitle('Evidence')/items(1)/versions",
    "web/lists/getByTitle('Evidence')/items(1)/fieldValuesAsText",
    "web/lists/getByTitle('Evidence')/items(1)/effectiveBasePermissions",
    "web/lists/getByTitle('Evidence')/fields",
    "web/lists/getByTitle('Evidence')/fields/getByInternalNameOrTitle('Title')",
    `web/lists/getByTitle('Evidence')/fields(guid'${TITLE_FIELD_ID}')`,
    "web/lists/getByTitle('Evidence')/rootFolder",
    "web/lists/getByTitle('Evidence')/currentchangetoken",
    "web/lists/getByTitle('Evidence')/effectivebasepermissions",
    "web/lists/getByTitle('Evidence')/subscriptions",
    'web/currentUser',
    'web/currentUser/groups',
    'web/siteUsers',
    'web/getUserById(6)',
    'web/siteGroups',
    'web/siteGroups/getById(3)',
    'web/siteGroups/getById(3)/users',
    'web/associatedOwnerGroup',
    'web/associatedMemberGroup',
    'web/folders',
    'web/rootFolder',
    `web/getFolderByServerRelativePath(decodedurl='${encodeURIComponent(LIBRARY)}')`,
    `web/getFolderByServerRelativePath(decodedurl='${encodeURIComponent(LIBRARY)}')/files`,
    `web/getFolderByServerRelativePath(decodedurl='${encodeURIComponent(LIBRARY)}')/folders`,
    `web/getFileByServerRelativePath(decodedurl='${encodeURIComponent(`${LIBRARY}/Terms of reference.txt`)}')`,
    `web/getFileByServerRelativePath(decodedurl='${encodeURIComponent(`${LIBRARY}/Terms of reference.txt`)}')/listItemAllFields`,
    'site',
    'site/rootweb'
  ];

  it('has docs/standin-coverage.md list every walked route', () => {
    const doc = readFileSync(join(__dirname, '../../docs/standin-coverage.md'), 'utf8');
    const shape = (route: string): string => route.replace(/\([^)]*\)/g, '(…)').replace(/'[^']*'/g, '').toLowerCase();
    const documented = new Set([...doc.matchAll(/`GET ([^`]+)`/g)].map((m) => shape(m[1].replace('{L}', "web/lists/getByTitle('…')"))));
    expect(ROUTES.map(shape).filter((r) => !documented.has(r))).toEqual([]);
  });

  /** The bot's routes (app installation and the Bot Connector); docs/standin-coverage.md lists each. */
  const BOT_ROUTES = [
    'POST /v1.0/users/{id}/teamwork/installedApps',
    'POST /_standin/botconnector/v3/conversations',
    'POST /_standin/botconnector/v3/conversations/{id}/activities',
    'PUT /_standin/botconnector/v3/conversations/{id}/activities/{activityId}',
    'PUT /_standin/bot/registration',
    'PUT /_standin/teams/app-policy'
  ];

  it('has docs/standin-coverage.md list every bot route', () => {
    const doc = readFileSync(join(__dirname, '../../docs/standin-coverage.md'), 'utf8');
    expect(BOT_ROUTES.filter((r) => !doc.includes(`\`${r}`))).toEqual([]);
  });

  it('serves the bot routes as Teams does, and refuses what it does not serve', async () => {
    const call = async (method: string, path: string, body?: unknown): Promise<number> =>
      (await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })).status;
    const app = { 'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/tracker' };
    const conversations = '/_standin/botconnector/v3/conversations';
    const bot = { id: '28:tracker-bot' };
    expect(await call('POST', conversations, { isGroup: false, bot, members: [{ id: 'headcj@contoso.onmicrosoft.com' }] })).toBe(403);
    expect(await call('POST', '/v1.0/users/headcj@contoso.onmicrosoft.com/teamwork/installedApps', app)).toBe(201);
    expect(await call('POST', '/v1.0/users/headcj@contoso.onmicrosoft.com/teamwork/installedApps', app)).toBe(409);
    expect(await call('POST', '/v1.0/users/nobody@contoso.onmicrosoft.com/teamwork/installedApps', app)).toBe(404);
    expect(await call('POST', '/v1.0/users/headcj@contoso.onmicrosoft.com/teamwork/installedApps', {})).toBe(400);
    expect(await call('PUT', '/_standin/teams/app-policy', { blocked: ['headcc'] })).toBe(204);
    expect(await call('POST', '/v1.0/users/headcc@contoso.onmicrosoft.com/teamwork/installedApps', app)).toBe(403);
    expect(await call('POST', conversations, { isGroup: true, bot, members: [{ id: 'headcj@contoso.onmicrosoft.com' }] })).toBe(400);
    expect(await call('POST', conversations, { isGroup: false, members: [{ id: 'headcj@contoso.onmicrosoft.com' }] })).toBe(400);
    const opened = await fetch(`${server.url}${conversations}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ isGroup: false, bot, members: [{ id: 'headcj@contoso.onmicrosoft.com' }] }) });
    expect(opened.status).toBe(201);
    const { id } = (await opened.json()) as { id: string };
    const activities = `${conversations}/${encodeURIComponent(id)}/activities`;
    expect(await call('POST', activities, { type: 'typing' })).toBe(400);
    expect(await call('POST', activities, { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'NotACard' } }] })).toBe(400);
    expect(await call('POST', activities, { type: 'message', text: 'Hello' })).toBe(201);
    expect(await call('PUT', `${activities}/no-such-activity`, { type: 'message', text: 'x' })).toBe(404);
    expect(await call('GET', `${conversations}/${encodeURIComponent(id)}/members`)).toBe(400);
    expect(await call('DELETE', `${activities}/1`)).toBe(400);
  });

  describe.each(ROUTES)('%s', (route) => {
    const sep = route.includes('?') ? '&' : '?';

    it('answers GET', async () => {
      expect((await raw('GET', route)).status).toBe(200);
    });

    it('refuses a query option it does not implement', async () => {
      const r = await raw('GET', `${route}${sep}%24search=recommendation`);
      expect(r.status).toBe(400);
      expect(r.text).toContain("The query option '$search' is not supported");
    });

    it('refuses an $expand it would ignore', async () => {
      const r = await raw('GET', `${route}${sep}%24expand=NoSuchProperty`);
      expect(r.status).toBe(400);
      expect(r.text).toMatch(/NoSuchProperty|The query option '\$expand' is not supported/);
    });

    it('refuses a child it does not serve', async () => {
      const r = await raw('GET', `${route}/NoSuchChild`);
      expect([400, 404, 501]).toContain(r.status);
    });
  });
});
