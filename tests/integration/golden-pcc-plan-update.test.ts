/**
 * Golden test: the Lincolnshire Police and Crime Commissioner's Police and Crime Plan Delivery
 * Update of February 2024 (the seed `lincolnshire-pcc-plan-delivery-update-2024-02.txt`),
 * regenerated from the register: the demo transcription is imported into the stand-in through the
 * real importer and PnPjs, and the update for the quarter to 29 February 2024 is built and printed
 * by `npm run report -- --plan`. Every expected value below was copied by hand from the seed.
 */
import { JSDOM } from 'jsdom';
import type { PlanUpdate } from '../../src/core/paper';
import type { TrackerData } from '../../src/data';
import { preparePlanUpdate } from '../../src/paper/issue';
import { activityText } from '../../src/paper/strings';
import type { Standin } from '../../src/standin/server';
import { importedDemoSite, reportFile } from './golden.support';

const AS_AT = '2024-02-29';
const FROM = '2023-12-01';

/** The key principles, numbered from 2 as the update numbers them. */
const PRINCIPLES = [
  'Community Safety and Prevention in Partnership',
  'Listening, responding and being accountable',
  'Protecting and supporting victims and the vulnerable',
  'Policing that Works'
];

/** Every "Activity in Quarter" paragraph: its number and opening words. */
const ACTIVITY: [number: string, opening: string][] = [
  ['2.1.1', "'The Happening' which is an immersive, educational experience"],
  ['2.1.2', 'The Deputy Police and Crime Commissioner (Mr Philip Clark) continues to represent the PCC'],
  ['2.1.3', 'The independent county-wide CCTV review has completed'],
  ['2.1.4', 'In January the PCC opened the official launch event for Women RISE'],
  ['3.1.1', 'In December 2023 the Force and PCC embarked on a new programme of engagement'],
  ['3.1.2', 'The OPCC Communications Manager promotes online campaigns'],
  ['3.1.3', 'The Public Assurance Meetings continue to be held.'],
  ['3.1.4', 'The Police and Crime Commissioners Crime & Policing survey 2023'],
  ['3.1.5', 'The PCC commissioned the University of Lincoln to undertake an independent evaluation'],
  ['4.1.1', 'The PCCs in-house Victim Lincs service has been re-assessed'],
  ['4.1.2', 'The PCCs Independent Custody Visitor Scheme has recently been assessed'],
  ['4.1.3', 'The PCC is working with partners to develop a Domestic Abuse Perpetrator Programme'],
  ['5.1.1', 'The Force have launched a new staff Apprenticeship Academy']
];

/** Every "Future planned activities/events" entry, those in the quarter included. */
const PLANNED: [principle: number, event: string, when: string][] = [
  [2, 'Community Remedy Consultation 2024.', '2024'],
  [3, 'Strong Voices event', 'February 2024'],
  [3, 'Road safety online event', 'February 2024'],
  [3, 'Fraud campaign launch', 'February 2024'],
  [3, 'PCC and Victim Lincs websites go-live', 'May 2024'],
  [4, 'Victims’ Services Conference', 'January 2024']
];

/** The precept commitments (section 6): each commitment, then the opening of its progress. */
const PRECEPT: [number: string, commitment: string, progress: string][] = [
  ['6.1.1', 'Maintaining police officer numbers; Retaining our police officer numbers at 1186', 'The force has successfully achieved and exceeded the national uplift programme requirements'],
  ['6.1.2', 'Extra officers and staff into specialist sexual assault/abuse units', 'The Priority Based Budgeting exercise supported the growth of PVP'],
  ['6.1.3', 'Improving 101 call response times', 'The recruitment of call takers into the control room has been successful'],
  ['6.1.4', 'Making our roads safer', 'Lincolnshire Police recognises the significant impact serious road harm has'],
  ['6.1.5', 'Increasing community confidence', 'The Professional Standards Department plays an important role'],
  ['6.1.6', 'More officers on shift when you need them', 'The evaluation of the impact of the new policing model has taken place']
];


let server: Standin;
let data: TrackerData;
let planId: number;
let update: PlanUpdate;
let html: Document;

beforeAll(async () => {
  ({ server, data } = await importedDemoSite('lincolnshire-pcc-plan-2024-02.json', AS_AT));
  planId = (await data.reports.all())[0].id;
  update = await preparePlanUpdate(data, { planId, period: { from: FROM, to: AS_AT }, asAt: AS_AT });
  html = new JSDOM(await reportFile(['--plan', String(planId), '--format', 'html', '--site', server.siteUrl, '--date', AS_AT, '--from', FROM], 'update.html')).window.document;
}, 120000);

afterAll(async () => {
  await server?.close();
});

const squash = (t: string | null | undefined): string => (t ?? '').replace(/\s+/g, ' ').trim();

describe('the PCC plan delivery update of February 2024, regenerated', () => {
  it('has the Commissioner’s update, the four key principles and the precept commitments as its own part', () => {
    expect(update.principles.map((p) => [p.number, p.name])).toEqual(PRINCIPLES.map((name, i) => [i + 2, name]));
    expect(update.precept?.number).toBe(6);
    expect([...html.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['1 Commissioner’s update', ...PRINCIPLES.map((p, i) => `${i + 2} ${p}`), '6 Precept Commitments']);
    // 1.2 lists the key principles: the precept commitments are not a fifth.
    expect([...html.querySelectorAll('section')[0].querySelectorAll('li')].map((li) => li.textContent)).toEqual(PRINCIPLES);
  });

  it('prints every activity paragraph under its number, and invents no commitment of the planned events', () => {
    const entries = update.principles.flatMap((p) => p.commitments);
    expect(entries.map((c) => c.number)).toEqual(ACTIVITY.map(([n]) => n));
    for (const [number, opening] of ACTIVITY) {
      const c = entries.find((e) => e.number === number);
      expect(squash(`${c?.text ?? ''} ${c && c.activity[0] ? activityText(c, c.activity[0]) : ''}`).slice(0, opening.length)).toBe(opening);
      expect(c?.activity).toHaveLength(1);
    }
    expect(entries.filter((c) => /future planned/i.test(c.text))).toEqual([]);
    const printed = [...html.querySelectorAll('.commitment .number')].map((n) => n.textContent);
    expect(printed).toEqual([...ACTIVITY.map(([n]) => n), ...PRECEPT.map(([n]) => n)]);
  });

  it('lists every planned event with its date as written, those in the quarter included', () => {
    const planned = update.principles.flatMap((p) => p.planned.map((e) => [p.number, e.text, e.when]));
    expect(planned).toEqual(PLANNED);
    const rows = [...html.querySelectorAll('table.planned tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual(PLANNED.map(([, event, when]) => [event, when]));
  });

  it('keeps each precept commitment apart from its progress, 6.1.6 included', () => {
    for (const [number, commitment, progress] of PRECEPT) {
      const c = update.precept?.commitments.find((e) => e.number === number);
      expect(c?.text.startsWith(commitment)).toBe(true);
      expect(c?.text).not.toMatch(/The evaluation of the impact/);
      expect(squash(c?.activity[0]?.text).slice(0, progress.length)).toBe(progress);
    }
  });

  it('prints no RAG: the update rates nothing by colour', () => {
    expect(update.usesTrafficLights).toBe(false);
    expect([...update.principles.flatMap((p) => p.commitments), ...(update.precept?.commitments ?? [])].every((c) => c.trafficLight === null)).toBe(true);
    expect(html.querySelectorAll('.status')).toHaveLength(0);
    expect(html.body.textContent).not.toMatch(/\b(AMBER|GREEN|RED|WHITE)\b/);
  });

  it('prints month-only dates as months, and keeps paragraphs and bullets apart', () => {
    expect([...new Set([...html.querySelectorAll('.activity .when')].map((w) => w.textContent))]).toEqual(['February 2024, Office of the Police and Crime Commissioner']);
    const parish = [...html.querySelectorAll('.commitment')].find((c) => c.querySelector('.number')?.textContent === '3.1.1');
    expect([...(parish?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'An introduction from the PCC on his role and key activities',
      'A strategic overview of Lincolnshire Police priorities and challenges',
      'A local policing update, including neighbourhood policing structures and priorities, sharing performance data and key successes',
      'Where to find community safety and prevention information',
      'A question-and-answer session'
    ]);
    expect([...(parish?.querySelectorAll('p') ?? [])].map((p) => p.textContent).some((t) => t?.startsWith('The sessions evaluated positively'))).toBe(true);
  });
});
