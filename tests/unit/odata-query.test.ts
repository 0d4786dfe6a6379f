/**
 * The stand-in's query engine on in-memory items: filter evaluation with SharePoint's semantics,
 * ordering, skiptoken paging (ties, descending, nulls) and the list view threshold rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SpError } from '../../src/standin/errors';
import { builtInFields, fieldFromXml } from '../../src/standin/fields';
import type { FieldDef, ItemRecord, ListRecord } from '../../src/standin/model';
import { ListColumns, THRESHOLD, checkThreshold, parseOrderBy, parseSkipToken, prepareFilter, runQuery, type Projector, type QueryPlan } from '../../src/standin/query';

/** Reports and years from Lancashire's tracker (seeds). */
const seedRows = readFileSync(join(__dirname, '../../../shared/seeds/lancashire-hmic-recommendations-tracker.tsv'), 'utf8')
  .split(/\r?\n/)
  .map((l) => l.split('\t'))
  .filter((c) => c.length >= 7 && c[1].trim() !== '' && c[3].trim() !== '' && c[0] !== 'Force')
  .map((c) => ({ report: c[1].trim(), year: Number(c[4]) || null, text: c[3].trim() }));

const list: ListRecord = {
  id: '11111111-2222-3333-4444-555555555555',
  title: 'Recommendations',
  description: '',
  baseTemplate: 100,
  url: '/sites/tracker/Lists/Recommendations',
  entityTypeName: 'RecommendationsList',
  enableVersioning: false,
  created: '2024-01-01T00:00:00Z',
  modified: '2024-01-01T00:00:00Z',
  hidden: false,
  extra: {}
};

function fields(): FieldDef[] {
  const all = builtInFields(100);
  const xml = [
    '<Field Type="Text" Name="Report" DisplayName="Report" />',
    '<Field Type="Number" Name="YearMade" DisplayName="Year made" Indexed="TRUE" />',
    '<Field Type="Boolean" Name="Accepted" DisplayName="Accepted" />',
    '<Field Type="DateTime" Name="DueDate" DisplayName="Due date" />',
    '<Field Type="User" Name="Owner" DisplayName="Owner" />',
    '<Field Type="UserMulti" Name="Watchers" DisplayName="Watchers" Mult="TRUE" />',
    '<Field Type="MultiChoice" Name="Themes" DisplayName="Themes"><CHOICES><CHOICE>Vulnerability</CHOICE><CHOICE>Leadership</CHOICE></CHOICES></Field>',
    '<Field Type="Note" Name="Comment" DisplayName="Comment" />'
  ];
  for (const x of xml) {
    all.push(fieldFromXml(x, all));
  }
  return all;
}

const users: Record<number, string> = { 7: 'Strategic Development Analyst', 9: 'Head of Crime', 10: 'ACC Crime' };
const projector: Projector = {
  canProject: (_f, sub) => /^(id|title)$/i.test(sub),
  projectedKind: (_f, sub) => (/^id$/i.test(sub) ? 'number' : 'string'),
  project: (_f, id, sub) => (/^id$/i.test(sub) ? id : users[id])
};

function item(id: number, data: ItemRecord['data']): ItemRecord {
  return { id, uid: `uid-${id}`, version: 1, uiVersion: 1, created: '2024-01-01T00:00:00Z', modified: `2024-01-01T00:00:${String(id % 60).padStart(2, '0')}Z`, authorId: 7, editorId: 7, fsType: 0, data };
}

const items: ItemRecord[] = seedRows.slice(0, 120).map((r, i) =>
  item(i + 1, {
    Title: r.text.slice(0, 255),
    Report: r.report,
    YearMade: r.year,
    Accepted: i % 2 === 0,
    DueDate: i % 3 === 0 ? null : `2018-${String((i % 12) + 1).padStart(2, '0')}-01T00:00:00Z`,
    Owner: i % 5 === 0 ? 9 : null,
    Watchers: i % 7 === 0 ? [9, 10] : [],
    Themes: i % 4 === 0 ? ['Vulnerability'] : [],
    Comment: null
  })
);

const cols = new ListColumns(list, fields(), projector);

function ids(filter: string, expanded: string[] = []): number[] {
  const { bound } = prepareFilter(filter, cols, new Set(expanded));
  return items.filter((i) => bound?.predicate(i) ?? true).map((i) => i.id);
}

function expectedIds(pred: (i: ItemRecord, index: number) => boolean): number[] {
  return items.filter((i, index) => pred(i, index)).map((i) => i.id);
}

describe('filter evaluation', () => {
  it('has enough seed rows', () => {
    expect(items).toHaveLength(120);
  });

  it('compares text case-insensitively, as SharePoint does', () => {
    const report = seedRows[0].report;
    expect(ids(`Report eq '${report.toUpperCase().replace(/'/g, "''")}'`)).toEqual(expectedIds((i) => i.data.Report === report));
    expect(ids(`Report eq '${report.replace(/'/g, "''")}'`).length).toBeGreaterThan(1);
  });

  it('evaluates startswith and substringof without regard to case', () => {
    expect(ids("substringof('HATE CRIME', Report)")).toEqual(expectedIds((i) => String(i.data.Report).toLowerCase().includes('hate crime')));
    expect(ids("startswith(Report,'stop the drift')")).toEqual(expectedIds((i) => String(i.data.Report).toLowerCase().startsWith('stop the drift')));
  });

  it('treats booleans as 1/0 or true/false', () => {
    const accepted = expectedIds((_, n) => n % 2 === 0);
    expect(ids('Accepted eq 1')).toEqual(accepted);
    expect(ids('Accepted eq true')).toEqual(accepted);
    expect(ids('Accepted ne 1')).toEqual(expectedIds((_, n) => n % 2 === 1));
  });

  it('compares dates from datetime literals and quoted ISO strings, with null semantics', () => {
    const late = expectedIds((_, n) => n % 3 !== 0 && (n % 12) + 1 >= 7);
    expect(ids("DueDate ge datetime'2018-07-01T00:00:00Z'")).toEqual(late);
    expect(ids("DueDate ge '2018-07-01T00:00:00.000Z'")).toEqual(late);
    expect(ids('DueDate eq null')).toEqual(expectedIds((_, n) => n % 3 === 0));
    expect(ids('DueDate ne null').length).toBe(80);
    expect(ids('month(DueDate) eq 7 and year(DueDate) eq 2018')).toEqual(expectedIds((_, n) => n % 3 !== 0 && (n % 12) + 1 === 7));
  });

  it('never matches a null value with an ordering comparison', () => {
    expect(ids('YearMade lt 3000')).toEqual(expectedIds((i) => i.data.YearMade !== null));
  });

  it('filters by lookup id, by projected field with $expand, and by a multi-value member', () => {
    const owned = expectedIds((_, n) => n % 5 === 0);
    expect(ids('OwnerId eq 9')).toEqual(owned);
    expect(ids("Owner/Title eq 'Head of Crime'", ['owner'])).toEqual(owned);
    expect(ids('Owner/Id eq 9', ['owner'])).toEqual(owned);
    expect(ids('WatchersId eq 10')).toEqual(expectedIds((_, n) => n % 7 === 0));
    expect(ids("Themes eq 'Vulnerability'")).toEqual(expectedIds((_, n) => n % 4 === 0));
    expect(ids('AuthorId eq 7')).toHaveLength(120);
  });

  it('refuses a projected field without $expand, a Note column and an unknown column', () => {
    expect(() => ids("Owner/Title eq 'x'")).toThrow("The query to field 'Owner' is not valid.");
    expect(() => ids("Comment eq 'x'")).toThrow("The field 'Comment' of type 'Note' cannot be used in the query filter expression.");
    expect(() => ids("Colour eq 'red'")).toThrow("Column 'Colour' does not exist.");
  });

  it('refuses a literal of the wrong type for the column', () => {
    expect(() => ids("YearMade eq 'soon'")).toThrow(SpError);
    expect(() => ids("DueDate gt 'not a date'")).toThrow('is not valid');
    expect(() => ids('Accepted eq 2')).toThrow('is not valid');
  });
});

function plan(filter: string | null, orderby: string | null, top: number, skiptoken: string | null = null, expanded: string[] = []): QueryPlan {
  const exp = new Set(expanded);
  const { node, bound } = prepareFilter(filter, cols, exp);
  return { filter: bound, filterNode: node, order: parseOrderBy(orderby, cols, exp), top, skip: parseSkipToken(skiptoken) };
}

/** Follows skiptokens to the end and returns all ids, page by page. */
function pageAll(filter: string | null, orderby: string | null, top: number): number[][] {
  const pages: number[][] = [];
  let token: string | null = null;
  for (;;) {
    const page = runQuery(plan(filter, orderby, top, token), items);
    pages.push(page.items.map((i) => i.id));
    if (!page.nextToken) {
      return pages;
    }
    token = page.nextToken;
  }
}

describe('ordering and paging', () => {
  it('pages in ID order with p_ID tokens', () => {
    const pages = pageAll(null, null, 50);
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
    expect(pages.flat()).toEqual(items.map((i) => i.id));
    expect(runQuery(plan(null, null, 50), items).nextToken).toBe('Paged=TRUE&p_ID=50');
  });

  it('pages a sort with many ties without losing or repeating a row, and carries p_<field>', () => {
    const pages = pageAll(null, 'Accepted desc,Report', 7);
    const flat = pages.flat();
    expect(new Set(flat).size).toBe(120);
    const collator = new Intl.Collator('en-GB', { sensitivity: 'accent' });
    const expected = [...items]
      .sort((a, b) => Number(b.data.Accepted) - Number(a.data.Accepted) || collator.compare(String(a.data.Report), String(b.data.Report)) || a.id - b.id)
      .map((i) => i.id);
    expect(flat).toEqual(expected);
    const first = runQuery(plan(null, 'Accepted desc,Report', 7), items);
    expect(first.nextToken).toMatch(/^Paged=TRUE&p_Accepted=true&p_Report=[^&]+&p_ID=\d+$/);
  });

  it('sorts nulls first ascending and last descending', () => {
    const asc = pageAll(null, 'DueDate', 200).flat();
    expect(asc.slice(0, 40)).toEqual(expectedIds((_, n) => n % 3 === 0));
    const desc = pageAll(null, 'DueDate desc', 33).flat();
    expect(desc.slice(-40)).toEqual(expectedIds((_, n) => n % 3 === 0));
  });

  it('pages descending by ID', () => {
    expect(pageAll('Accepted eq 1', 'ID desc', 25).flat()).toEqual(expectedIds((_, n) => n % 2 === 0).reverse());
  });

  it('resumes from the skip(n) token PnPjs sends', () => {
    const page = runQuery(plan(null, null, 5, 'Paged=TRUE&p_ID=100'), items);
    expect(page.items.map((i) => i.id)).toEqual([101, 102, 103, 104, 105]);
  });

  it('refuses a skiptoken that is not SharePoint paging information', () => {
    expect(() => parseSkipToken('p_ID=5')).toThrow('is not valid');
  });
});

describe('list view threshold', () => {
  const big: ItemRecord[] = Array.from({ length: THRESHOLD + 20 }, (_, i) => item(i + 1, { Title: `R${i}`, YearMade: i < 10 ? 2017 : 2018, Report: 'PEEL' }));

  function check(filter: string | null, orderby: string | null, top = 100, count = big.length): void {
    checkThreshold(plan(filter, orderby, top), count, cols, () => big);
  }

  it('allows anything on a list at the threshold', () => {
    expect(() => check("Report eq 'PEEL'", 'Report', 100, THRESHOLD)).not.toThrow();
  });

  it('refuses a non-indexed filter or sort above the threshold', () => {
    expect(() => check("Report eq 'PEEL'", null)).toThrow('exceeds the list view threshold');
    expect(() => check(null, 'Report')).toThrow('exceeds the list view threshold');
    expect(() => check(null, null, THRESHOLD + 1)).toThrow('exceeds the list view threshold');
  });

  it('allows an indexed filter that narrows below the threshold, even with non-indexed parts and sort', () => {
    expect(() => check('YearMade eq 2017', null)).not.toThrow();
    expect(() => check("YearMade eq 2017 and Report eq 'PEEL'", 'Report')).not.toThrow();
    expect(() => check(null, 'ID desc')).not.toThrow();
  });

  it('refuses an indexed filter that still matches more than 5,000 rows', () => {
    expect(() => check('YearMade eq 2018', null)).toThrow('exceeds the list view threshold');
    expect(() => check("YearMade eq 2017 or Report eq 'PEEL'", null)).toThrow('exceeds the list view threshold');
  });
});
