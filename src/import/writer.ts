/**
 * Writes an import plan through the data layer: reports, then recommendations (national rows
 * before the force rows that link to them), then actions and progress updates, each in `$batch`
 * requests. Idempotent: what is already on the site (matched by the plan's keys, recomputed from
 * the stored items) is left alone, so a second run creates nothing and a run cut off part way
 * finishes on the next run without duplicates.
 */
import { londonDate } from '../core/dates';
import { actionKey, recommendationKey, reportKey, updateKey } from '../core/import/keys';
import type { ImportPlan, ImportProblem, PlannedPerson, PlannedRecommendation } from '../core/import/types';
import type { Action, IsoDate, OriginatingReport, Person, ProgressUpdate, Recommendation } from '../core/model';
import { DEFAULT_RAG_POLICY, trafficLight } from '../core/status';
import type { RagPolicy } from '../core/status';
import { BatchWriteError, DataError, type Stored, type TrackerData } from '../data';

export interface ImportProgress {
  phase: 'reading site' | 'people' | 'reports' | 'recommendations' | 'links' | 'actions' | 'updates';
  done: number;
  total: number;
}

export interface WriteOptions {
  /** Today in Europe/London, for the stored traffic light; defaults to the real date. */
  today?: IsoDate;
  /** Told of progress after each step; a returned promise is awaited (a UI can repaint). */
  onProgress?: (p: ImportProgress) => void | Promise<void>;
}

export interface Tally {
  reports: number;
  recommendations: number;
  actions: number;
  updates: number;
}

export interface WriteResult {
  created: Tally;
  /** Already on the site: left as they are. */
  existing: Tally;
  /** Force rows linked to their national row in this run. */
  linked: number;
  /** Owners and SROs matched to site users, and names kept as text. */
  people: { matched: number; unmatched: number };
  problems: ImportProblem[];
  /** Writes that failed (the site refused or the connection broke); run again to finish. */
  failed: number;
}

/** Thrown when some writes failed: what was written stays, and the result says what is left. */
export class IncompleteImportError extends Error {
  constructor(readonly result: WriteResult) {
    super(`${result.failed} writes failed; everything else was saved. Run the same import again to finish: nothing is written twice.`);
    this.name = 'IncompleteImportError';
  }
}

function emptyTally(): Tally {
  return { reports: 0, recommendations: 0, actions: 0, updates: 0 };
}

/**
 * Finds the items already on the site that planned recommendations stand for. A source reference
 * identifies an item; without one, the text does, and among items the source repeats word for word
 * the one in the same position (its stored reference) is taken first, so that a run cut off
 * between two copies never pairs the second with the first.
 */
class StoredRecommendations {
  private readonly byKey = new Map<string, Stored<Recommendation>>();
  private readonly byText = new Map<string, Stored<Recommendation>[]>();
  private readonly used = new Set<number>();

  add(reportTitle: string, recs: readonly Stored<Recommendation>[]): void {
    for (const rec of recs) {
      this.byKey.set(recommendationKey(reportTitle, rec.value.ref, rec.value.text), rec);
      const textKey = recommendationKey(reportTitle, '', rec.value.text);
      this.byText.set(textKey, [...(this.byText.get(textKey) ?? []), rec]);
    }
  }

  /** `repeated`: the source itself has this text more than once in the report. */
  find(p: PlannedRecommendation, reportTitle: string, repeated: boolean): Stored<Recommendation> | undefined {
    const byRef = this.byKey.get(p.key);
    if (byRef && !this.used.has(byRef.id)) return this.take(byRef);
    const same = (this.byText.get(recommendationKey(reportTitle, '', p.recommendation.text)) ?? []).filter((r) => !this.used.has(r.id));
    if (!p.key.includes('/text:') || same.length === 0) return undefined;
    const samePosition = same.find((r) => r.value.ref === p.recommendation.ref);
    if (samePosition) return this.take(samePosition);
    return repeated ? undefined : this.take(same[0]);
  }

  private take(rec: Stored<Recommendation>): Stored<Recommendation> {
    this.used.add(rec.id);
    return rec;
  }
}

class Writer {
  readonly result: WriteResult = { created: emptyTally(), existing: emptyTally(), linked: 0, people: { matched: 0, unmatched: 0 }, problems: [], failed: 0 };
  private readonly users = new Map<string, Person>();
  private readonly today: IsoDate;
  /** The site's RAG policy, read once at the start of the run. */
  private policy: RagPolicy = DEFAULT_RAG_POLICY;
  /** Keys of the reports and recommendations that were on the site before this run. */
  private readonly preexisting = new Set<string>();

  constructor(
    private readonly data: TrackerData,
    private readonly plan: ImportPlan,
    private readonly options: WriteOptions
  ) {
    this.today = options.today ?? londonDate(new Date());
  }

  private async progress(phase: ImportProgress['phase'], done: number, total: number): Promise<void> {
    await this.options.onProgress?.({ phase, done, total });
  }

  private problem(row: number | null, column: string | null, value: string, message: string, severity: ImportProblem['severity'] = 'warning'): void {
    this.result.problems.push({ severity, row, column, value, message });
  }

  /** Adds in batches, keeping what was saved when some writes fail. */
  private async addMany<T extends { id?: number }>(add: (values: readonly T[]) => Promise<Stored<T>[]>, values: readonly T[], rows: readonly (number | null)[]): Promise<(Stored<T> | undefined)[]> {
    if (values.length === 0) return [];
    try {
      return await add(values);
    } catch (e) {
      if (!(e instanceof BatchWriteError)) throw e;
      for (const f of e.failures) {
        this.result.failed += 1;
        this.problem(rows[f.index] ?? null, null, '', `Not saved: ${f.error.message}`, 'error');
      }
      return e.results as (Stored<T> | undefined)[];
    }
  }

  async person(p: PlannedPerson | undefined, row: number | null, column: string): Promise<Person | undefined> {
    if (!p) return undefined;
    if (!p.login) {
      this.result.people.unmatched += 1;
      this.problem(row, column, p.name, 'No site user matches this name: kept as text. Add it to the people table to assign it to an account.');
      return { name: p.name };
    }
    const cached = this.users.get(p.login);
    if (cached) {
      this.result.people.matched += 1;
      return { ...cached, name: p.name };
    }
    try {
      const user = await this.data.users.ensure(p.login);
      const person: Person = { userId: user.id, name: p.name, email: user.email || undefined };
      this.users.set(p.login, person);
      this.result.people.matched += 1;
      return person;
    } catch (e) {
      this.result.people.unmatched += 1;
      this.problem(row, column, p.name, `The account ${p.login} could not be added to the site (${e instanceof Error ? e.message : String(e)}): kept as text.`);
      return { name: p.name };
    }
  }

  async run(): Promise<WriteResult> {
    await this.progress('reading site', 0, 1);
    this.policy = await this.data.settings.ragPolicy();
    const reportIds = await this.writeReports();
    const recIds = await this.writeRecommendations(reportIds);
    await this.writeActionsAndUpdates(recIds);
    return this.result;
  }

  private async writeReports(): Promise<Map<string, number>> {
    const stored = await this.data.reports.all();
    const ids = new Map<string, number>(stored.map((s) => [reportKey(s.value.title), s.id]));
    const missing = this.plan.reports.filter((r) => !ids.has(r.key));
    for (const r of this.plan.reports) if (ids.has(r.key)) this.preexisting.add(r.key);
    this.result.existing.reports += this.plan.reports.length - missing.length;
    await this.progress('reports', 0, missing.length);
    const saved = await this.addMany((v) => this.data.reports.addMany(v), missing.map((r) => r.report as OriginatingReport), missing.map((r) => r.row));
    saved.forEach((s, i) => {
      if (!s) return;
      ids.set(missing[i].key, s.id);
      this.result.created.reports += 1;
    });
    await this.progress('reports', missing.length, missing.length);
    return ids;
  }

  private async toRecommendation(p: PlannedRecommendation, reportId: number, nationalId: number | undefined): Promise<Recommendation> {
    const rec: Recommendation = {
      ...p.recommendation,
      reportId,
      nationalRecommendationId: nationalId,
      sro: await this.person(p.sro, p.row, 'SRO'),
      owner: await this.person(p.owner, p.row, 'Owner')
    };
    return { ...rec, trafficLight: trafficLight(rec, this.today, this.policy) };
  }

  private async writeRecommendations(reportIds: Map<string, number>): Promise<Map<string, Stored<Recommendation>>> {
    const titles = new Map(this.plan.reports.map((r) => [r.key, r.report.title]));
    const existing = new StoredRecommendations();
    // Only reports that were already on the site can hold this plan's recommendations.
    const known = this.plan.reports.filter((r) => this.preexisting.has(r.key));
    let read = 0;
    for (const r of known) {
      existing.add(r.report.title, await this.data.recommendations.byReport(reportIds.get(r.key) as number));
      read += 1;
      await this.progress('reading site', read, known.length);
    }
    const ids = new Map<string, Stored<Recommendation>>();
    const todo: PlannedRecommendation[] = [];
    const textCounts = new Map<string, number>();
    const textOf = (p: PlannedRecommendation): string => recommendationKey(titles.get(p.reportKey) ?? '', '', p.recommendation.text);
    for (const p of this.plan.recommendations) textCounts.set(textOf(p), (textCounts.get(textOf(p)) ?? 0) + 1);
    for (const p of this.plan.recommendations) {
      const found = existing.find(p, titles.get(p.reportKey) ?? '', (textCounts.get(textOf(p)) ?? 0) > 1);
      if (found) {
        ids.set(p.key, found);
        this.preexisting.add(p.key);
        this.result.existing.recommendations += 1;
      } else if (reportIds.has(p.reportKey)) {
        todo.push(p);
      } else {
        this.problem(p.row, null, titles.get(p.reportKey) ?? '', 'Not saved: its report could not be saved.', 'error');
        this.result.failed += 1;
      }
    }
    // National rows first, so that the force rows repeating them are created already linked.
    const passes = [todo.filter((p) => !p.nationalKey), todo.filter((p) => p.nationalKey)];
    let done = 0;
    await this.progress('recommendations', 0, todo.length);
    for (const pass of passes) {
      const values: Recommendation[] = [];
      for (const p of pass) values.push(await this.toRecommendation(p, reportIds.get(p.reportKey) as number, p.nationalKey ? ids.get(p.nationalKey)?.id : undefined));
      const saved = await this.addMany((v) => this.data.recommendations.addMany(v), values, pass.map((p) => p.row));
      saved.forEach((s, i) => {
        if (!s) return;
        ids.set(pass[i].key, s);
        this.result.created.recommendations += 1;
        if (s.value.nationalRecommendationId !== undefined) this.result.linked += 1;
      });
      done += pass.length;
      await this.progress('recommendations', done, todo.length);
    }
    await this.repairLinks(ids);
    return ids;
  }

  /** A run cut off between the national rows and the force rows leaves links to make. */
  private async repairLinks(ids: Map<string, Stored<Recommendation>>): Promise<void> {
    const changes: { base: Stored<Recommendation>; next: Recommendation }[] = [];
    for (const p of this.plan.recommendations) {
      if (!p.nationalKey) continue;
      const rec = ids.get(p.key);
      const national = ids.get(p.nationalKey);
      if (rec && national && rec.value.nationalRecommendationId === undefined) changes.push({ base: rec, next: { ...rec.value, nationalRecommendationId: national.id } });
    }
    if (changes.length === 0) return;
    await this.progress('links', 0, changes.length);
    try {
      const saved = await this.data.recommendations.updateMany(changes);
      this.result.linked += saved.length;
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      this.result.failed += changes.length;
      this.problem(null, null, '', `Links to national rows not saved: ${e.message}`, 'error');
    }
    await this.progress('links', changes.length, changes.length);
  }

  private async writeActionsAndUpdates(recs: Map<string, Stored<Recommendation>>): Promise<void> {
    const withChildren = this.plan.recommendations.filter((p) => recs.has(p.key) && (p.actions.length > 0 || p.updates.length > 0 || p.plan));
    const existingActions = new Set<string>();
    const existingUpdates = new Set<string>();
    // Only recommendations that were already on the site can have actions and updates there.
    for (const p of withChildren.filter((w) => this.preexisting.has(w.key))) {
      const rec = recs.get(p.key) as Stored<Recommendation>;
      const [actions, updates] = await Promise.all([this.data.actions.byRecommendation(rec.id), this.data.updates.byRecommendation(rec.id)]);
      for (const a of actions) existingActions.add(actionKey(p.key, a.value.ref, a.value.text));
      for (const u of updates) existingUpdates.add(updateKey(p.key, u.value.at, u.value.text));
    }
    const actions: Action[] = [];
    const actionRows: (number | null)[] = [];
    const updates: ProgressUpdate[] = [];
    const updateRows: (number | null)[] = [];
    for (const p of withChildren) {
      const rec = recs.get(p.key) as Stored<Recommendation>;
      const planned = [...p.actions];
      // A plan given as one text ("What?") is the recommendation's one action, with its timescale.
      if (p.plan && planned.length === 0) {
        planned.push({
          key: actionKey(p.key, 'Plan', p.plan),
          row: p.row,
          action: { ref: 'Plan', text: p.plan, lifecycle: p.recommendation.lifecycle, due: p.recommendation.due },
          owner: p.owner,
          statusText: p.statusText,
          trafficLight: p.trafficLight
        });
      }
      for (const a of planned) {
        if (existingActions.has(actionKey(p.key, a.action.ref, a.action.text))) {
          this.result.existing.actions += 1;
          continue;
        }
        actions.push({ ...a.action, recommendationId: rec.id, owner: await this.person(a.owner, a.row, 'Action owner') });
        actionRows.push(a.row);
      }
      for (const u of p.updates) {
        if (existingUpdates.has(u.key)) {
          this.result.existing.updates += 1;
          continue;
        }
        updates.push({ ...u.update, recommendationId: rec.id });
        updateRows.push(u.row);
      }
    }
    await this.progress('actions', 0, actions.length);
    const savedActions = await this.addMany((v) => this.data.actions.addMany(v), actions, actionRows);
    this.result.created.actions += savedActions.filter((s) => s !== undefined).length;
    await this.progress('actions', actions.length, actions.length);
    await this.progress('updates', 0, updates.length);
    const savedUpdates = await this.addMany((v) => this.data.updates.addMany(v), updates, updateRows);
    this.result.created.updates += savedUpdates.filter((s) => s !== undefined).length;
    await this.progress('updates', updates.length, updates.length);
  }
}

/**
 * Writes a plan to the site. Returns what was created and what was already there; throws
 * {@link IncompleteImportError} (carrying the same result) when some writes failed, after writing
 * everything else.
 */
export async function writePlan(data: TrackerData, plan: ImportPlan, options: WriteOptions = {}): Promise<WriteResult> {
  const result = await new Writer(data, plan, options).run();
  if (result.failed > 0) throw new IncompleteImportError(result);
  return result;
}
