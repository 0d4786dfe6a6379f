/**
 * Items SharePoint accepts but the tracker's model does not (a recommendation with only a Title, a
 * report with no Source, an action whose JSON column is broken), added through raw REST to a site
 * holding the City of London register: every read lists them as needing completing beside the
 * other items, and the reminder service and the committee paper skip them and say so, never fail.
 */
import { londonInstant } from '../../src/core/reminders';
import { DataError, problemsText, type TrackerData } from '../../src/data';
import { renderPaperHtml } from '../../src/paper/html';
import { prepareCommitteePaper } from '../../src/paper/issue';
import type { ReminderLogger } from '../../src/service/engine';
import { localServiceOptions } from '../../src/service/main';
import { startReminderService, type ReminderService } from '../../src/service/service';
import type { Standin } from '../../src/standin/server';
import { importedDemoSite } from './golden.support';
import { actionPlanRecommendation } from './data.support';
import { REPORT_WITHOUT_SOURCE, TITLE_ONLY_RECOMMENDATION, actionWithBrokenJson, postItem } from './malformed.support';

/** What a required column left empty says, by code. */
const REQUIRED = { code: 'emptyRequired', args: [] };
const PAPER_DATE = '2017-11-16';

let server: Standin;
let data: TrackerData;
/** What the register held before anything malformed was added. */
let before: { reports: number; recommendations: number; actions: number };
let titleOnly: number;
let noSource: number;
let underNoSource: number;
let brokenAction: number;

const warnings: string[] = [];
const logger: ReminderLogger = { info: () => undefined, warn: (m) => warnings.push(m), error: (m) => warnings.push(`ERROR ${m}`) };

beforeAll(async () => {
  ({ server, data } = await importedDemoSite('city-of-london-recommendations.json', PAPER_DATE));
  const [reports, recommendations, actions] = await Promise.all([data.reports.all(), data.recommendations.all(), data.actions.all()]);
  before = { reports: reports.length, recommendations: recommendations.length, actions: actions.length };
  titleOnly = await postItem(server.siteUrl, 'Recommendations', TITLE_ONLY_RECOMMENDATION);
  noSource = await postItem(server.siteUrl, 'Inspection Reports', REPORT_WITHOUT_SOURCE);
  // A complete recommendation whose report needs completing: shown, but the paper cannot place it.
  underNoSource = (await data.recommendations.add(actionPlanRecommendation(noSource, { ref: '1' }))).id;
  brokenAction = await postItem(server.siteUrl, 'Actions', actionWithBrokenJson(recommendations[0].id));
}, 120000);

afterAll(async () => {
  await server.close();
});

describe('the data layer', () => {
  it('lists every readable item and, beside them, each item that needs completing with every problem named', async () => {
    const recs = await data.recommendations.read();
    expect(recs.items).toHaveLength(before.recommendations + 1);
    expect(recs.items.map((s) => s.id)).toContain(underNoSource);
    expect(recs.incomplete).toEqual([
      {
        list: 'recommendations',
        listTitle: 'Recommendations',
        id: titleOnly,
        title: 'Added by hand',
        problems: [
          { column: 'TrkKind', field: 'Kind', problem: REQUIRED },
          { column: 'TrkText', field: 'Recommendation', problem: REQUIRED },
          { column: 'TrkAppliesTo', field: 'Applies to', problem: REQUIRED },
          { column: 'TrkLifecycle', field: 'Status', problem: REQUIRED },
          { column: 'TrkDueKind', field: 'Due kind', problem: REQUIRED }
        ],
        editUrl: expect.stringMatching(new RegExp(`^${server.siteUrl}/Lists/[^/]+/EditForm\\.aspx\\?ID=${titleOnly}$`)) as unknown
      }
    ]);

    const reports = await data.reports.read();
    expect(reports.items).toHaveLength(before.reports);
    expect(reports.incomplete.map((i) => [i.id, i.title, i.problems])).toEqual([[noSource, REPORT_WITHOUT_SOURCE.Title, [{ column: 'TrkSource', field: 'Source', problem: REQUIRED }]]]);

    const actions = await data.actions.read();
    expect(actions.items).toHaveLength(before.actions);
    expect(actions.incomplete.map((i) => [i.id, i.problems])).toEqual([[brokenAction, [{ column: 'TrkDueRevisions', field: expect.any(String) as unknown, problem: { code: 'invalidJson', args: [] } }]]]);
  });

  it('reads other items as before: filtered queries leave the incomplete item out, and opening it says what it needs', async () => {
    expect((await data.recommendations.where({ lifecycles: ['Being progressed'] })).length).toBeGreaterThan(0);
    const opened = data.recommendations.get(titleOnly);
    await expect(opened).rejects.toThrow(DataError);
    await expect(data.recommendations.get(titleOnly)).rejects.toThrow(`item ${titleOnly} needs completing (Kind is empty but required; Recommendation is empty but required`);
  });

  it('keeps the item readable in its history, each version saying what it needs', async () => {
    const versions = await data.recommendations.versions(titleOnly);
    expect(versions).toHaveLength(1);
    expect(versions[0].value).toBeUndefined();
    expect(problemsText(versions[0].problems ?? [])).toMatch(/^Kind is empty but required/);
  });
});

describe('the reminder service', () => {
  let service: ReminderService;
  const clock = { now: londonInstant(PAPER_DATE, 8 * 60) };

  beforeAll(async () => {
    service = await startReminderService({ ...localServiceOptions(server, 'http://127.0.0.1:4321/?page=tracker'), clock: () => clock.now, tickMs: null, logger, graphSleep: async () => undefined });
  }, 60000);

  afterAll(async () => {
    await service.close();
  });

  it('runs the daily sweep over every readable item, warning once about each item that needs completing', async () => {
    warnings.length = 0;
    const result = await service.engine.sweep();
    expect(result.items).toBe(before.recommendations + 1);
    const about = (id: number, list: string): string[] => warnings.filter((w) => w.startsWith(`${list} item ${id} `));
    expect(about(titleOnly, 'Recommendations')).toEqual([
      `Recommendations item ${titleOnly} ('Added by hand'): Kind is empty but required; Recommendation is empty but required; Applies to is empty but required; Status is empty but required; Due kind is empty but required. It needs completing in SharePoint; until then no reminder is sent for it.`
    ]);
    expect(about(noSource, 'Inspection Reports')).toEqual([
      `Inspection Reports item ${noSource} ('${REPORT_WITHOUT_SOURCE.Title}'): Source is empty but required. It needs completing in SharePoint; until then its title is used as written.`
    ]);
    expect(warnings.filter((w) => w.startsWith('ERROR'))).toEqual([]);
  });

  it('reads changes past a malformed item added while it runs, and evaluates the good item added beside it', async () => {
    warnings.length = 0;
    const another = await postItem(server.siteUrl, 'Recommendations', { Title: 'Also by hand', TrkKind: 'Recommendation' });
    const good = await data.recommendations.add(actionPlanRecommendation((await data.reports.all())[0].id, { ref: '99', owner: { name: 'Head of Crime', email: 'owner@contoso.onmicrosoft.com' } }));
    const result = await service.engine.processChanges();
    expect(result.items).toBe(2);
    expect(warnings.filter((w) => w.includes(`recommendation ${another}`))).toEqual([
      `Version 1.0 of recommendation ${another} cannot be read (needs completing: Recommendation is empty but required; Applies to is empty but required; Status is empty but required; Due kind is empty but required); its changes are not evaluated.`
    ]);
    expect(service.engine.ledger.all().some((e) => e.itemId === good.id && e.ruleKey === 'newly-assigned-owner')).toBe(true);
    expect(warnings.filter((w) => w.startsWith('ERROR'))).toEqual([]);
  });
});

describe('the committee paper', () => {
  it('is built from every readable item and says which items were left out and why', async () => {
    const paper = await prepareCommitteePaper(data, { asAt: PAPER_DATE, baseline: { kind: 'none' } });
    expect(paper.summary.total).toBeGreaterThan(0);
    expect(paper.items.map((i) => i.recommendationId)).not.toContain(underNoSource);
    expect(paper.leftOut).toEqual(
      expect.arrayContaining([
        { item: `Inspection Reports item ${noSource} ('${REPORT_WITHOUT_SOURCE.Title}')`, reason: 'Source is empty but required' },
        { item: `Recommendations item ${titleOnly} ('Added by hand')`, reason: expect.stringMatching(/^Kind is empty but required; /) as unknown },
        { item: `Actions item ${brokenAction} ('1.1')`, reason: expect.stringMatching(/does not hold valid JSON$/) as unknown },
        { item: `Recommendations item ${underNoSource} ('1')`, reason: `its report, Inspection Reports item ${noSource} ('${REPORT_WITHOUT_SOURCE.Title}'), needs completing` }
      ])
    );
    const html = renderPaperHtml(paper);
    expect(html).toMatch(new RegExp(`<p class="left-out">${paper.leftOut.length} items were left out because they need completing in SharePoint: `));
    expect(html).toContain(`Recommendations item ${titleOnly} (&#39;Added by hand&#39;): Kind is empty but required;`);
  });
});
