/**
 * Shared set-up for the stand-in's own integration tests: the server on a random port, the real
 * PnPjs (with @pnp/nodejs) as a chosen demo user, and recommendations taken from the seeds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spfi, type SPFI } from '@pnp/sp';
import { SPDefault } from '@pnp/nodejs';
import { InjectHeaders } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/fields';
import '@pnp/sp/batching';
import { startStandin, type Standin, type StandinOptions } from '../../src/standin/server';

export type { Standin };

export function start(opts: StandinOptions = {}): Promise<Standin> {
  return startStandin({ port: 0, ...opts });
}

/** PnPjs as a stand-in user, set up the way Node code in the project sets it up. */
export function spAs(server: Standin, alias: string): SPFI {
  return spfi(server.siteUrl).using(SPDefault({ baseUrl: server.siteUrl }), InjectHeaders({ 'X-Standin-User': alias }));
}

/** A recommendation row from Lancashire's tracker (seeds). */
export interface SeedRecommendation {
  report: string;
  inspectionType: string;
  text: string;
  year: string;
  status: string;
}

/** Every recommendation in the Lancashire tracker seed that has a report and a text. */
export function lancashireRecommendations(): SeedRecommendation[] {
  const tsv = readFileSync(join(__dirname, '../../../shared/seeds/lancashire-hmic-recommendations-tracker.tsv'), 'utf8');
  return tsv
    .split(/\r?\n/)
    .map((line) => line.split('\t'))
    .filter((cols) => cols.length >= 7 && cols[1].trim() !== '' && cols[3].trim() !== '' && cols[0] !== 'Force')
    .map((cols) => ({
      report: cols[1].trim(),
      inspectionType: cols[2].trim(),
      text: cols[3].trim(),
      year: cols[4].trim(),
      status: cols[6].trim()
    }));
}

/** A title SharePoint accepts (255 characters at most). */
export function titleOf(r: SeedRecommendation): string {
  return r.text.length > 255 ? `${r.text.slice(0, 254)}…` : r.text;
}

/** Creates the Recommendations list used by several tests, as the site admin. */
export async function createRecommendationsList(server: Standin, title = 'Recommendations'): Promise<void> {
  const sp = spAs(server, 'admin');
  await sp.web.lists.add(title, 'Inspection recommendations', 100, false, { EnableVersioning: true });
  const list = sp.web.lists.getByTitle(title);
  await list.fields.addText('Report', { MaxLength: 255 });
  await list.fields.addText('InspectionType', { MaxLength: 100 });
  await list.fields.addNumber('YearMade');
  await list.fields.addChoice('Lifecycle', { Choices: ['Open', 'Being progressed', 'Awaiting review', 'Closed'] });
  await list.fields.addDateTime('DueDate');
  await list.fields.addBoolean('Accepted');
  await list.fields.addUser('Owner', { SelectionMode: 0 });
  await list.fields.addMultilineText('Comment');
}

/** Adds items through `$batch` (PnPjs splits into requests of 20 operations). */
export async function addInBatches(sp: SPFI, listTitle: string, rows: Record<string, unknown>[]): Promise<void> {
  const [batched, execute] = sp.batched();
  const list = batched.web.lists.getByTitle(listTitle);
  const pending = rows.map((r) => list.items.add(r));
  await execute();
  await Promise.all(pending);
}

/** A plain GET with the stand-in user header; returns status and parsed JSON. */
export async function getJson(server: Standin, path: string, accept = 'application/json', alias = 'admin'): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${server.siteUrl}/_api/${path}`, { headers: { accept, 'x-standin-user': alias } });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
}
