/** Lists and fields through the real PnPjs: ensure, add, update, lookups, XML fields, indexing. */
import { AddFieldOptions, FieldTypes } from '@pnp/sp/fields';
import '@pnp/sp/site-users/web';
import { spAs, start, type Standin } from './standin.helpers';

describe('stand-in: lists and fields', () => {
  let server: Standin;

  beforeAll(async () => {
    server = await start();
  });

  afterAll(() => server.close());

  it('ensures a list twice without creating it twice (MERGE sent to the URL with ?$select=Title)', async () => {
    const sp = spAs(server, 'admin');
    const first = await sp.web.lists.ensure('Reports', 'Originating reports', 100, false, { EnableVersioning: true });
    expect(first.created).toBe(true);
    const second = await sp.web.lists.ensure('Reports', 'Originating reports, updated', 100, false);
    expect(second.created).toBe(false);
    const lists = await sp.web.lists.filter("Title eq 'Reports'")();
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatchObject({
      Title: 'Reports',
      Description: 'Originating reports, updated',
      BaseTemplate: 100,
      EnableVersioning: true,
      EntityTypeName: 'ReportsList',
      ListItemEntityTypeFullName: 'SP.Data.ReportsListItem',
      ItemCount: 0
    });
    expect(lists[0].CurrentChangeToken.StringValue).toMatch(new RegExp(`^1;3;${lists[0].Id};\\d{18};\\d+$`));
  });

  it('answers a missing list and a duplicate title with SharePoint errors', async () => {
    const sp = spAs(server, 'admin');
    await expect(sp.web.lists.getByTitle('No such list')()).rejects.toThrow(
      `[404] Not Found ::> {"odata.error":{"code":"-1, System.ArgumentException","message":{"lang":"en-US","value":"List 'No such list' does not exist at site with URL '${server.siteUrl}'."}}}`
    );
    await sp.web.lists.add('Actions');
    await expect(sp.web.lists.add('actions')).rejects.toThrow(
      /\[500\].*-2130575342, Microsoft\.SharePoint\.SPException.*with the specified title already exists in this Web site\. {2}Please choose another title\./
    );
  });

  it('updates a list (versioning on) and addresses it by id', async () => {
    const sp = spAs(server, 'admin');
    const created = await sp.web.lists.add('Progress updates');
    await sp.web.lists.getById(created.Id).update({ EnableVersioning: true, Description: 'Monthly updates' });
    const list = await sp.web.lists.getById(created.Id)();
    expect(list).toMatchObject({ EnableVersioning: true, Description: 'Monthly updates', Title: 'Progress updates' });
  });

  it('adds fields the three ways PnPjs does and reports them as SharePoint does', async () => {
    const sp = spAs(server, 'admin');
    await sp.web.lists.add('Recommendations');
    const reports = await sp.web.lists.getByTitle('Reports')();
    const fields = sp.web.lists.getByTitle('Recommendations').fields;

    const text = await fields.addText('Recommendation ref', { MaxLength: 20 });
    expect(text).toMatchObject({ InternalName: 'Recommendation_x0020_ref', Title: 'Recommendation ref', FieldTypeKind: FieldTypes.Text, MaxLength: 20 });

    const choice = await fields.addChoice('Lifecycle', { Choices: ['Open', 'Closed'], Required: true });
    // fields.add speaks verbose OData, where collections arrive as {results}.
    expect(choice).toMatchObject({ TypeAsString: 'Choice', Choices: { results: ['Open', 'Closed'] }, Required: true });
    expect((await fields.getByInternalNameOrTitle('Lifecycle')()).Choices).toEqual(['Open', 'Closed']);

    const schemaXml = '<Field Type="DateTime" Name="DueDate" DisplayName="Due date" Format="DateOnly" Indexed="TRUE" Required="FALSE" />';
    const xml = await fields.createFieldAsXml({ SchemaXml: schemaXml, Options: AddFieldOptions.AddFieldInternalNameHint | AddFieldOptions.AddToDefaultContentType });
    expect(xml).toMatchObject({ InternalName: 'DueDate', Title: 'Due date', FieldTypeKind: FieldTypes.DateTime, Indexed: true, DisplayFormat: 0 });
    // Without the hint SharePoint ignores Name and derives the internal name from DisplayName.
    const unhinted = await fields.createFieldAsXml(schemaXml.replace('Due date', 'Original due date'));
    expect(unhinted.InternalName).toBe('Original_x0020_due_x0020_date');

    const multiUser = await fields.createFieldAsXml('<Field Type="UserMulti" Name="Watchers" DisplayName="Watchers" Mult="TRUE" UserSelectionMode="PeopleOnly" />');
    expect(multiUser).toMatchObject({ TypeAsString: 'UserMulti', AllowMultipleValues: true });

    const lookup = await fields.addLookup('Report', { LookupListId: reports.Id, LookupFieldName: 'Title' });
    expect(lookup).toMatchObject({ InternalName: 'Report', TypeAsString: 'Lookup', LookupList: reports.Id, LookupField: 'Title' });

    const byName = await fields.getByInternalNameOrTitle('Recommendation_x0020_ref')();
    const byTitle = await fields.getByInternalNameOrTitle('Recommendation ref')();
    expect(byTitle.Id).toBe(byName.Id);
    expect(byName.SchemaXml).toContain('Name="Recommendation_x0020_ref"');

    await fields.getByInternalNameOrTitle('Lifecycle').update({ Indexed: true });
    expect((await fields.getByInternalNameOrTitle('Lifecycle')()).Indexed).toBe(true);

    await expect(fields.createFieldAsXml({ SchemaXml: '<Field Type="Text" Name="DueDate" DisplayName="Again" />', Options: AddFieldOptions.AddFieldInternalNameHint })).rejects.toThrow(/\[500\].*A duplicate field name \\"DueDate\\" was found/);
  });

  it('stores lookup and multi-user values and expands them', async () => {
    const sp = spAs(server, 'analyst');
    const report = await sp.web.lists.getByTitle('Reports').items.add({ Title: 'PEEL 2017: Effectiveness' });
    const owner = await sp.web.siteUsers.getByEmail('owner@contoso.onmicrosoft.com')();
    const sro = await sp.web.siteUsers.getByEmail('sro@contoso.onmicrosoft.com')();
    const rec = await sp.web.lists.getByTitle('Recommendations').items.add({
      Title: 'Review the domestic abuse action plan',
      Lifecycle: 'Open',
      ReportId: report.Id,
      WatchersId: [owner.Id, sro.Id]
    });
    expect(rec).toMatchObject({ ReportId: report.Id, WatchersId: [owner.Id, sro.Id], WatchersStringId: [String(owner.Id), String(sro.Id)] });
    const [read] = await sp.web.lists
      .getByTitle('Recommendations')
      .items.select('Id', 'Report/Title', 'Watchers/Title', 'Watchers/EMail')
      .expand('Report', 'Watchers')
      .filter(`ReportId eq ${report.Id}`)();
    expect(read.Report.Title).toBe('PEEL 2017: Effectiveness');
    expect(read.Watchers.map((w: { Title: string }) => w.Title)).toEqual(['Head of Crime', 'ACC Crime']);
    const watched = await sp.web.lists.getByTitle('Recommendations').items.select('Id').filter(`WatchersId eq ${sro.Id}`)();
    expect(watched.map((x) => x.Id)).toEqual([rec.Id]);
  });

  it('rejects unknown item properties as SharePoint does', async () => {
    const sp = spAs(server, 'analyst');
    await expect(sp.web.lists.getByTitle('Recommendations').items.add({ Title: 'x', Colour: 'red' })).rejects.toThrow(
      /\[400\].*The property 'Colour' does not exist on type 'SP\.Data\.RecommendationsListItem'/
    );
  });

  it('deletes a list', async () => {
    const sp = spAs(server, 'admin');
    await sp.web.lists.add('Scratch');
    await sp.web.lists.getByTitle('Scratch').delete();
    await expect(sp.web.lists.getByTitle('Scratch')()).rejects.toThrow(/\[404\]/);
  });
});
