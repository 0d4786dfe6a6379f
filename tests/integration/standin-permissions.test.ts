/**
 * No write of any kind gets through for a reader (Tracker Visitors) or for a signed-in user in no
 * group: items, files, folders, attachments, `$batch` parts, fields, lists, webhooks, groups, the
 * web. Each write is sent as PnPjs sends it; each must be refused with SharePoint's 403 and leave the
 * site exactly as it was.
 */
import '@pnp/sp/attachments';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/subscriptions';
import '@pnp/sp/site-groups/web';
import type { SPFI } from '@pnp/sp';
import { spAs, start, type Standin } from './standin.helpers';

const LIBRARY = '/sites/tracker/Shared Documents';

let server: Standin;

/** Everything a write could have changed, read as the site admin. */
async function snapshot(): Promise<string> {
  const sp = spAs(server, 'admin');
  const list = sp.web.lists.getByTitle('Evidence');
  const [lists, items, fields, files, folders, attachments, subscriptions, members, web] = await Promise.all([
    sp.web.lists.select('Title', 'Description', 'Hidden')(),
    list.items.select('Id', 'Title', 'Modified', 'OData__UIVersionString')(),
    list.fields.select('InternalName', 'Title', 'Indexed')(),
    sp.web.getFolderByServerRelativePath(LIBRARY).files.select('Name', 'Length', 'UIVersionLabel')(),
    sp.web.getFolderByServerRelativePath(LIBRARY).folders.select('Name')(),
    list.items.getById(1).attachmentFiles(),
    list.subscriptions(),
    sp.web.siteGroups.getById(5).users.select('LoginName')(),
    sp.web.select('Title', 'Description')()
  ]);
  return JSON.stringify({ lists, items, fields, files, folders, attachments, subscriptions, members, web });
}

beforeAll(async () => {
  server = await start();
  const sp = spAs(server, 'admin');
  await sp.web.lists.add('Evidence', 'Evidence for closures', 100, true);
  const list = sp.web.lists.getByTitle('Evidence');
  await list.items.add({ Title: 'Force management statement' });
  await list.items.add({ Title: 'Custody audit' });
  await list.items.getById(1).attachmentFiles.add('minutes.txt', 'Board minutes');
  await sp.web.getFolderByServerRelativePath(LIBRARY).files.addUsingPath('Terms of reference.txt', 'terms');
});

afterAll(() => server.close());

type Write = (sp: SPFI) => Promise<unknown>;

const WRITES: [string, Write][] = [
  ['add an item', (sp) => sp.web.lists.getByTitle('Evidence').items.add({ Title: 'Forged' })],
  ['update an item', (sp) => sp.web.lists.getByTitle('Evidence').items.getById(1).update({ Title: 'Forged' })],
  ['delete an item', (sp) => sp.web.lists.getByTitle('Evidence').items.getById(2).delete()],
  ['recycle an item', (sp) => sp.web.lists.getByTitle('Evidence').items.getById(2).recycle()],
  ['add an attachment', (sp) => sp.web.lists.getByTitle('Evidence').items.getById(1).attachmentFiles.add('forged.txt', 'x')],
  ['delete an attachment', (sp) => sp.web.lists.getByTitle('Evidence').items.getById(1).attachmentFiles.getByName('minutes.txt').delete()],
  ['upload a file', (sp) => sp.web.getFolderByServerRelativePath(LIBRARY).files.addUsingPath('forged.txt', 'x')],
  ['overwrite a file', (sp) => sp.web.getFolderByServerRelativePath(LIBRARY).files.addUsingPath('Terms of reference.txt', 'forged', { Overwrite: true })],
  ['replace a file’s content', (sp) => sp.web.getFileByServerRelativePath(`${LIBRARY}/Terms of reference.txt`).setContent('forged')],
  ['delete a file', (sp) => sp.web.getFileByServerRelativePath(`${LIBRARY}/Terms of reference.txt`).delete()],
  ['create a folder', (sp) => sp.web.folders.addUsingPath(`${LIBRARY}/Forged`)],
  [
    'add an item in a $batch part',
    async (sp) => {
      const [batched, execute] = sp.batched();
      const added = batched.web.lists.getByTitle('Evidence').items.add({ Title: 'Forged in a batch' });
      await execute();
      return added;
    }
  ],
  [
    'update an item in a $batch part',
    async (sp) => {
      const [batched, execute] = sp.batched();
      const updated = batched.web.lists.getByTitle('Evidence').items.getById(1).update({ Title: 'Forged in a batch' });
      await execute();
      return updated;
    }
  ],
  ['add a column', (sp) => sp.web.lists.getByTitle('Evidence').fields.addText('Forged')],
  ['index a column', (sp) => sp.web.lists.getByTitle('Evidence').fields.getByInternalNameOrTitle('Title').update({ Indexed: true })],
  ['create a list', (sp) => sp.web.lists.add('Forged')],
  ['change a list', (sp) => sp.web.lists.getByTitle('Evidence').update({ Description: 'Forged' })],
  ['delete a list', (sp) => sp.web.lists.getByTitle('Evidence').delete()],
  ['subscribe a webhook', (sp) => sp.web.lists.getByTitle('Evidence').subscriptions.add('https://example.org/hook', new Date(Date.now() + 86400000).toISOString())],
  ['add a group member', (sp) => sp.web.siteGroups.getById(5).users.add('i:0#.f|membership|reader@contoso.onmicrosoft.com')],
  ['change the web', (sp) => sp.web.update({ Title: 'Forged' })]
];

describe.each([
  ['a reader (Tracker Visitors)', 'reader'],
  ['a user in no group', 'newstarter']
])('%s', (_who, alias) => {
  it.each(WRITES)('cannot %s', async (_what, write) => {
    const before = await snapshot();
    await expect(write(spAs(server, alias))).rejects.toThrow(/\[403\].*Access denied/);
    expect(await snapshot()).toBe(before);
  });
});

it('lets a member make the same kind of write (the table is not refusing everything)', async () => {
  const before = await snapshot();
  await spAs(server, 'analyst').web.lists.getByTitle('Evidence').items.getById(2).update({ Title: 'Custody audit (revised)' });
  expect(await snapshot()).not.toBe(before);
});
