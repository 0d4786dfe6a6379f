/** Document libraries through the real PnPjs (folders, files, content), and a restart from a file database. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { createRecommendationsList, lancashireRecommendations, spAs, start, titleOf, type Standin } from './standin.helpers';

const seeds = lancashireRecommendations();

describe('stand-in: document libraries', () => {
  let server: Standin;

  beforeAll(async () => {
    server = await start();
    await spAs(server, 'admin').web.lists.add('Committee Papers', 'Papers for the scrutiny committee', 101);
  });

  afterAll(() => server.close());

  it('creates folders, adds files and reads their content back', async () => {
    const sp = spAs(server, 'analyst');
    const lib = await sp.web.lists.getByTitle('Committee Papers').select('Id', 'BaseTemplate', 'RootFolder/ServerRelativeUrl').expand('RootFolder')();
    expect(lib.BaseTemplate).toBe(101);
    const root: string = lib.RootFolder.ServerRelativeUrl;
    expect(root).toBe('/sites/tracker/CommitteePapers');

    await sp.web.folders.addUsingPath(`${root}/2024-02`);
    const folder = sp.web.getFolderByServerRelativePath(`${root}/2024-02`);
    const paper = `Plan delivery update\n${seeds.slice(0, 3).map(titleOf).join('\n')}\n`;
    const added = await folder.files.addUsingPath('Plan delivery update.txt', paper, { Overwrite: true });
    expect(added).toMatchObject({ Name: 'Plan delivery update.txt', ServerRelativeUrl: `${root}/2024-02/Plan delivery update.txt`, Length: String(Buffer.byteLength(paper)) });

    const file = sp.web.getFileByServerRelativePath(`${root}/2024-02/Plan delivery update.txt`);
    expect(await file.getText()).toBe(paper);
    const bytes = Buffer.from(await file.getBuffer());
    expect(bytes.equals(Buffer.from(paper))).toBe(true);

    const listed = await folder.files();
    expect(listed.map((f) => f.Name)).toEqual(['Plan delivery update.txt']);
    const folders = await sp.web.getFolderByServerRelativePath(root).folders();
    expect(folders.map((f) => f.Name)).toEqual(['2024-02']);

    await expect(folder.files.addUsingPath('Plan delivery update.txt', 'again', { Overwrite: false })).rejects.toThrow(/\[400\].*already exists/);
    await folder.files.addUsingPath('Plan delivery update.txt', 'second version', { Overwrite: true });
    expect(await file.getText()).toBe('second version');

    const item = await file.getItem<{ FileLeafRef: string; Id: number }>('Id', 'FileLeafRef');
    expect(item.FileLeafRef).toBe('Plan delivery update.txt');
  });

  it('stores binary evidence unchanged', async () => {
    const sp = spAs(server, 'analyst');
    const content = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    await sp.web.getFolderByServerRelativePath('/sites/tracker/Shared Documents').files.addUsingPath('evidence.bin', content);
    const back = Buffer.from(await sp.web.getFileByServerRelativePath('/sites/tracker/Shared Documents/evidence.bin').getBuffer());
    expect(back.equals(content)).toBe(true);
  });

  it('answers a missing file with SharePoint file-not-found', async () => {
    await expect(spAs(server, 'reader').web.getFileByServerRelativePath('/sites/tracker/Shared Documents/none.pdf')()).rejects.toThrow(
      /\[404\].*System\.IO\.FileNotFoundException/
    );
  });

  it('refuses a reader upload', async () => {
    await expect(
      spAs(server, 'reader').web.getFolderByServerRelativePath('/sites/tracker/Shared Documents').files.addUsingPath('x.txt', 'x')
    ).rejects.toThrow(/\[403\]/);
  });
});

describe('stand-in: persistence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'standin-'));
  const dbPath = join(dir, 'standin.sqlite');

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses nothing across a restart with a file database', async () => {
    const first = await start({ dbPath });
    await createRecommendationsList(first);
    const sp = spAs(first, 'analyst');
    const rows = seeds.slice(0, 25).map((s) => ({ Title: titleOf(s), Report: s.report, Lifecycle: 'Open' }));
    for (const r of rows) {
      await sp.web.lists.getByTitle('Recommendations').items.add(r);
    }
    await sp.web.lists.getByTitle('Recommendations').items.getById(3).update({ Lifecycle: 'Closed' });
    await sp.web.getFolderByServerRelativePath('/sites/tracker/Shared Documents').files.addUsingPath('kept.txt', 'kept');
    const token = (await sp.web.lists.getByTitle('Recommendations').select('CurrentChangeToken')()).CurrentChangeToken;
    await first.close();

    const second = await start({ dbPath });
    try {
      const again = spAs(second, 'analyst');
      const items = await again.web.lists.getByTitle('Recommendations').items.select('Id', 'Title', 'Report', 'Lifecycle', 'OData__UIVersionString').top(100)();
      expect(items.map((i) => i.Title)).toEqual(rows.map((r) => r.Title));
      expect(items[2]).toMatchObject({ Lifecycle: 'Closed', OData__UIVersionString: '2.0' });
      expect(await again.web.getFileByServerRelativePath('/sites/tracker/Shared Documents/kept.txt').getText()).toBe('kept');
      expect(await again.web.lists.getByTitle('Recommendations').getChanges({ Item: true, Add: true, Update: true, ChangeTokenStart: token })).toEqual([]);
      const added = await again.web.lists.getByTitle('Recommendations').items.add({ Title: 'After restart' });
      expect(added.Id).toBe(26);
    } finally {
      await second.close();
    }
  });
});
