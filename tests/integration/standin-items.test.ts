/** Items through the real PnPjs: CRUD, query options, ETags, versions, recycle and permissions. */
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/security';
import '@pnp/sp/attachments';
import { PermissionKind } from '@pnp/sp/security';
import type { SPFI } from '@pnp/sp';
import { createRecommendationsList, lancashireRecommendations, spAs, start, titleOf, type Standin } from './standin.helpers';

const seeds = lancashireRecommendations();

describe('stand-in: list items', () => {
  let server: Standin;
  let analyst: SPFI;
  let ownerId: number;

  beforeAll(async () => {
    server = await start();
    await createRecommendationsList(server);
    analyst = spAs(server, 'analyst');
    ownerId = (await analyst.web.siteUsers.getByEmail('owner@contoso.onmicrosoft.com')()).Id;
  });

  afterAll(() => server.close());

  it('has the seed data the tests rely on', () => {
    expect(seeds.length).toBeGreaterThan(100);
  });

  it('adds, reads, updates and deletes an item with SharePoint-shaped values', async () => {
    const list = analyst.web.lists.getByTitle('Recommendations');
    const seed = seeds[0];
    const added = await list.items.add({
      Title: titleOf(seed),
      Report: seed.report,
      YearMade: Number(seed.year),
      Lifecycle: 'Open',
      DueDate: '2018-04-30T00:00:00Z',
      Accepted: true,
      OwnerId: ownerId
    });
    expect(added.Id).toBeGreaterThan(0);
    expect(added.Title).toBe(titleOf(seed));
    expect(added.OwnerId).toBe(ownerId);
    expect(added.OwnerStringId).toBe(String(ownerId));
    expect(added['odata.etag']).toBe('"1"');
    expect(added.OData__UIVersionString).toBe('1.0');
    expect(added.Created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const item = list.items.getById(added.Id);
    const read = await item();
    expect(read.Report).toBe(seed.report);
    expect(read.DueDate).toBe('2018-04-30T00:00:00Z');
    expect(read.Accepted).toBe(true);
    expect(read.Comment).toBeNull();

    const updated = await item.update({ Lifecycle: 'Being progressed', Comment: '<p>Action plan published</p>' });
    expect(updated.etag).toMatch(new RegExp(`^"${read.GUID},2"$`));
    const after = await item.select('Lifecycle', 'Comment', 'OData__UIVersionString')();
    expect(after).toMatchObject({ Lifecycle: 'Being progressed', Comment: '<p>Action plan published</p>', OData__UIVersionString: '2.0' });

    await item.delete();
    await expect(item()).rejects.toThrow(/\[404\].*Item does not exist/);
  });

  it('refuses a stale ETag with 412 and keeps the first write', async () => {
    const list = analyst.web.lists.getByTitle('Recommendations');
    const added = await list.items.add({ Title: titleOf(seeds[1]), Lifecycle: 'Open' });
    const item = list.items.getById(added.Id);
    const first = await item.update({ Lifecycle: 'Awaiting review' }, '"1"');
    expect(first.etag).toContain(',2"');
    await expect(item.update({ Lifecycle: 'Closed' }, '"1"')).rejects.toThrow(/\[412\].*does not match the object's ETag value/);
    await expect(item.update({ Lifecycle: 'Closed' }, `"${added.GUID},1"`)).rejects.toThrow(/\[412\]/);
    expect((await item.select('Lifecycle')()).Lifecycle).toBe('Awaiting review');
    await item.update({ Lifecycle: 'Closed' }, first.etag);
    expect((await item.select('Lifecycle')()).Lifecycle).toBe('Closed');
  });

  it('keeps every version of the values while versioning is on', async () => {
    const list = analyst.web.lists.getByTitle('Recommendations');
    const added = await list.items.add({ Title: titleOf(seeds[2]), Lifecycle: 'Open' });
    const item = list.items.getById(added.Id);
    await item.update({ Lifecycle: 'Being progressed' });
    await spAs(server, 'manager').web.lists.getByTitle('Recommendations').items.getById(added.Id).update({ Lifecycle: 'Closed' });
    const versions = await item.versions();
    expect(versions.map((v) => [v.VersionLabel, v.Lifecycle, v.IsCurrentVersion])).toEqual([
      ['3.0', 'Closed', true],
      ['2.0', 'Being progressed', false],
      ['1.0', 'Open', false]
    ]);
    expect(versions[0].Editor.LookupValue).toBe('Chief of Staff');
  });

  it('answers $select, $expand, $filter and $orderby over seed recommendations', async () => {
    const admin = spAs(server, 'admin');
    await admin.web.lists.add('Query', '', 100);
    const list = admin.web.lists.getByTitle('Query');
    await list.fields.addText('Report');
    await list.fields.addNumber('YearMade');
    await list.fields.addBoolean('Accepted');
    await list.fields.addDateTime('DueDate');
    await list.fields.addUser('Owner');
    const rows = seeds.slice(0, 60);
    for (const [i, r] of rows.entries()) {
      await list.items.add({
        Title: titleOf(r),
        Report: r.report,
        YearMade: Number(r.year) || null,
        Accepted: i % 2 === 0,
        DueDate: i % 3 === 0 ? null : `2018-0${(i % 9) + 1}-15T00:00:00Z`,
        OwnerId: i % 4 === 0 ? ownerId : null
      });
    }
    const q = { select: (...names: string[]) => analyst.web.lists.getByTitle('Query').items.select(...names) };

    const hate = await q.select('Id', 'Report').filter("substringof('hate crime', Report)")();
    expect(hate.length).toBe(rows.filter((r) => r.report.toLowerCase().includes('hate crime')).length);
    expect(hate.length).toBeGreaterThan(0);
    expect(Object.keys(hate[0]).filter((k) => !k.startsWith('odata.'))).toEqual(['Id', 'Report']);

    const starts = await q.select('Id').filter("startswith(Report,'living in')").top(500)();
    expect(starts.length).toBe(rows.filter((r) => r.report.toLowerCase().startsWith('living in')).length);

    const accepted = await q.select('Id').filter('Accepted eq 1').top(500)();
    expect(accepted.length).toBe(rows.filter((_, i) => i % 2 === 0).length);

    const noDue = await q.select('Id').filter('DueDate eq null').top(500)();
    expect(noDue.length).toBe(rows.filter((_, i) => i % 3 === 0).length);

    const byTypedDate = await q.select('Id').filter("DueDate ge datetime'2018-05-01T00:00:00Z'").top(500)();
    const byQuotedDate = await q.select('Id').filter("DueDate ge '2018-05-01T00:00:00.000Z'").top(500)();
    const expectedLate = rows.filter((_, i) => i % 3 !== 0 && (i % 9) + 1 >= 5).length;
    expect(byTypedDate.length).toBe(expectedLate);
    expect(byQuotedDate.length).toBe(expectedLate);

    const owned = await q.select('Id', 'Owner/Title', 'Owner/Id').expand('Owner').filter(`OwnerId eq ${ownerId}`).top(500)();
    expect(owned.length).toBe(rows.filter((_, i) => i % 4 === 0).length);
    expect(owned[0].Owner).toMatchObject({ Title: 'Head of Crime', Id: ownerId });

    const byProjection = await q.select('Id').expand('Owner').filter("Owner/Title eq 'Head of Crime'").top(500)();
    expect(byProjection.map((x) => x.Id)).toEqual(owned.map((x) => x.Id));

    const combined = await q.select('Id').filter(`(Accepted eq 1 or OwnerId eq ${ownerId}) and not (YearMade lt 2014)`).top(500)();
    const storedYear = (r: { year: string }): number | null => Number(r.year) || null;
    const notBefore2014 = rows.filter((r, i) => (i % 2 === 0 || i % 4 === 0) && !((storedYear(r) ?? Infinity) < 2014));
    expect(combined.length).toBe(notBefore2014.length);
    expect(notBefore2014.length).toBeLessThan(rows.filter((_, i) => i % 2 === 0 || i % 4 === 0).length);

    const ordered = await q.select('Id', 'Report').orderBy('Report', true).orderBy('Id', false).top(500)();
    const expectedOrder = rows
      .map((r, i) => ({ id: i + 1, report: r.report }))
      .sort((a, b) => a.report.localeCompare(b.report, 'en-GB', { sensitivity: 'accent' }) || b.id - a.id)
      .map((x) => x.id);
    expect(ordered.map((x) => x.Id)).toEqual(expectedOrder);
  });

  it('rejects projected fields without $expand, unknown columns and unsupported functions as SharePoint does', async () => {
    const q = (): ReturnType<SPFI['web']['lists']['getByTitle']>['items'] => analyst.web.lists.getByTitle('Recommendations').items;
    await expect(q().select('Owner/Title')()).rejects.toThrow(/\[400\].*The query to field 'Owner' is not valid/);
    await expect(q().filter("Nope eq 'x'")()).rejects.toThrow(/\[400\].*Column 'Nope' does not exist/);
    await expect(q().filter("endswith(Title,'x')")()).rejects.toThrow(/\[400\].*-1, Microsoft.SharePoint.SPException.*is not valid/);
    await expect(q().filter("tolower(Title) eq 'x'")()).rejects.toThrow(/\[400\].*is not valid/);
    await expect(q().filter("Comment eq 'x'")()).rejects.toThrow(/\[400\].*of type 'Note' cannot be used in the query filter expression/);
  });

  it('recycles an item and reports the recycle bin id', async () => {
    const list = analyst.web.lists.getByTitle('Recommendations');
    const added = await list.items.add({ Title: titleOf(seeds[3]) });
    const recycleId = await list.items.getById(added.Id).recycle();
    expect(recycleId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(list.items.getById(added.Id)()).rejects.toThrow(/\[404\]/);
  });

  it('stores item attachments and serves their content', async () => {
    const list = analyst.web.lists.getByTitle('Recommendations');
    const added = await list.items.add({ Title: titleOf(seeds[4]) });
    const item = list.items.getById(added.Id);
    await item.attachmentFiles.add('evidence note.txt', 'Action plan published on the force website.');
    const files = await item.attachmentFiles();
    expect(files.map((f) => f.FileName)).toEqual(['evidence note.txt']);
    expect(files[0].ServerRelativeUrl).toMatch(/\/Lists\/Recommendations\/Attachments\/\d+\/evidence note\.txt$/);
    expect(await item.attachmentFiles.getByName('evidence note.txt').getText()).toBe('Action plan published on the force website.');
    expect((await item.select('Attachments')()).Attachments).toBe(true);
  });
});

describe('stand-in: identity and permissions', () => {
  let server: Standin;

  beforeAll(async () => {
    server = await start();
    await createRecommendationsList(server);
  });

  afterAll(() => server.close());

  it('refuses a reader write with SharePoint access denied and lets the reader read', async () => {
    const reader = spAs(server, 'reader');
    const list = reader.web.lists.getByTitle('Recommendations');
    await expect(list.items.add({ Title: 'Not allowed' })).rejects.toThrow(
      /\[403\].*-2147024891, System\.UnauthorizedAccessException.*Access denied\. You do not have permission to perform this action or access this resource\./
    );
    expect(await list.items()).toEqual([]);
  });

  it('refuses list creation to contributors', async () => {
    await expect(spAs(server, 'analyst').web.lists.add('Rogue')).rejects.toThrow(/\[403\]/);
  });

  it('reports effective permissions with SharePoint role masks', async () => {
    const readerPerms = await spAs(server, 'reader').web.lists.getByTitle('Recommendations').getCurrentUserEffectivePermissions();
    // Edm.Int64 travels as a string in JSON light.
    expect(readerPerms).toMatchObject({ High: '176', Low: '138612833' });
    const reader = spAs(server, 'reader');
    const analyst = spAs(server, 'analyst');
    expect(await reader.web.lists.getByTitle('Recommendations').currentUserHasPermissions(PermissionKind.ViewListItems)).toBe(true);
    expect(await reader.web.lists.getByTitle('Recommendations').currentUserHasPermissions(PermissionKind.AddListItems)).toBe(false);
    expect(await analyst.web.currentUserHasPermissions(PermissionKind.EditListItems)).toBe(true);
    expect(await analyst.web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(false);
    expect(await spAs(server, 'admin').web.currentUserHasPermissions(PermissionKind.ManageWeb)).toBe(true);
  });

  it('knows the current user, their groups, site users and ensureUser', async () => {
    const manager = spAs(server, 'manager');
    const me = await manager.web.currentUser();
    expect(me).toMatchObject({ Title: 'Chief of Staff', LoginName: 'i:0#.f|membership|manager@contoso.onmicrosoft.com', Email: 'manager@contoso.onmicrosoft.com', IsSiteAdmin: false });
    const groups = await manager.web.currentUser.groups();
    expect(groups.map((g) => g.Title)).toEqual(['Tracker Members']);
    const byLogin = await manager.web.siteUsers.getByLoginName('i:0#.f|membership|sro@contoso.onmicrosoft.com')();
    expect(byLogin.Title).toBe('ACC Crime');
    expect((await manager.web.siteUsers.getById(byLogin.Id)()).Email).toBe('sro@contoso.onmicrosoft.com');
    const ensured = await manager.web.ensureUser('i:0#.f|membership|newstarter@contoso.onmicrosoft.com');
    expect(ensured.Title).toBe('New Starter');
    expect((await manager.web.ensureUser('i:0#.f|membership|newstarter@contoso.onmicrosoft.com')).Id).toBe(ensured.Id);
    await expect(manager.web.ensureUser('i:0#.f|membership|nobody@contoso.onmicrosoft.com')).rejects.toThrow(
      /\[400\].*The specified user i:0#\.f\|membership\|nobody@contoso\.onmicrosoft\.com could not be found\./
    );
    const owners = await manager.web.siteGroups.getByName('Tracker Owners').users();
    expect(owners.map((u) => u.Title)).toEqual(['Site Admin']);
  });
});
