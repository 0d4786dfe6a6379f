/**
 * The tracker's repositories, built from one PnPjs instance. Every query filters on an indexed
 * column first, so it stays under the list view threshold however large the lists grow.
 */
import type { SPFI } from '@pnp/sp';
import type {
  Action,
  IsoDate,
  Lifecycle,
  ListedRecommendation,
  OriginatingReport,
  ProgressUpdate,
  Recommendation,
  RecommendationKind,
  ReminderLogEntry,
  ReminderRuleRecord,
  ReminderStatus,
  TrafficLight
} from '../core/model';
import {
  F,
  actionMapping,
  recommendationListing,
  dateToSharePoint,
  recommendationMapping,
  reminderLogMapping,
  reminderRuleMapping,
  reportMapping,
  roundMapping,
  updateMapping
} from '../schema';
import { trafficLight } from '../core/status';
import type { UpdateRound } from '../core/round';
import type { RagPolicy } from '../core/status';
import { BatchWriteError } from './errors';
import type { Stored } from './errors';
import { and, eqText, inText, odataDateTime, odataNumber } from './odata';
import { PapersRepository } from './papers';
import { ListRepository, type ListRead, type QueryOptions } from './repository';
import { SettingsRepository } from './settings';
import { UsersService } from './users';

/** Who owns an item: a matched site user (by id) or the name as the source wrote it. */
export type OwnerQuery = { readonly userId: number } | { readonly name: string };

/** Criteria for recommendations and actions; every one is on an indexed column. All are ANDed. */
export interface RecommendationCriteria {
  readonly reportId?: number;
  readonly owner?: OwnerQuery;
  readonly lifecycles?: readonly Lifecycle[];
  readonly trafficLights?: readonly TrafficLight[];
  readonly directorate?: string;
  /** Due strictly before this date (the date now in force). */
  readonly dueBefore?: IsoDate;
  readonly kinds?: readonly RecommendationKind[];
}

function ownerClause(owner: OwnerQuery | undefined): string | undefined {
  if (!owner) return undefined;
  return 'userId' in owner ? `${F.owner}Id eq ${odataNumber(owner.userId)}` : eqText(F.ownerName, owner.name);
}

function dueBeforeClause(date: IsoDate | undefined): string | undefined {
  return date ? `${F.dueCurrent} lt ${odataDateTime(dateToSharePoint(date))}` : undefined;
}

/** Recommendations, with the queries the tracker grid, My Actions and the reminders need. */
export class RecommendationsRepository extends ListRepository<Recommendation> {
  /** The OData filter for the criteria; the most selective indexed clause (report, owner) first. */
  static filterFor(c: RecommendationCriteria): string | undefined {
    return and(
      c.reportId !== undefined ? `${F.report}Id eq ${odataNumber(c.reportId)}` : undefined,
      ownerClause(c.owner),
      c.directorate !== undefined ? eqText(F.directorate, c.directorate) : undefined,
      c.lifecycles?.length ? inText(F.lifecycle, c.lifecycles) : undefined,
      c.trafficLights?.length ? inText(F.trafficLight, c.trafficLights) : undefined,
      c.kinds?.length ? inText(F.kind, c.kinds) : undefined,
      dueBeforeClause(c.dueBefore)
    );
  }

  /** Recommendations matching every given criterion (all of them when none is given). */
  where(criteria: RecommendationCriteria, options: Omit<QueryOptions, 'filter'> = {}): Promise<Stored<Recommendation>[]> {
    return this.all({ ...options, filter: RecommendationsRepository.filterFor(criteria) });
  }

  /**
   * Every recommendation as lists of them read it ({@link recommendationListing}: fewer columns),
   * page by page; {@link get} reads an item in full.
   */
  listed(options: QueryOptions = {}): AsyncGenerator<ListRead<ListedRecommendation>> {
    return this.pagesAs(recommendationListing, options);
  }

  byReport(reportId: number): Promise<Stored<Recommendation>[]> {
    return this.where({ reportId });
  }

  byOwner(owner: OwnerQuery): Promise<Stored<Recommendation>[]> {
    return this.where({ owner });
  }

  byLifecycle(...lifecycles: Lifecycle[]): Promise<Stored<Recommendation>[]> {
    return this.where({ lifecycles });
  }

  byTrafficLight(...trafficLights: TrafficLight[]): Promise<Stored<Recommendation>[]> {
    return this.where({ trafficLights });
  }

  byDirectorate(directorate: string): Promise<Stored<Recommendation>[]> {
    return this.where({ directorate });
  }

  /** Due strictly before `date`, soonest first. */
  dueBefore(date: IsoDate): Promise<Stored<Recommendation>[]> {
    return this.where({ dueBefore: date }, { orderBy: [{ field: F.dueCurrent }] });
  }

  /**
   * Brings the stored traffic light up to the status rules on `today`. The column is derived data,
   * kept so that SharePoint's own views, Power BI and server-side filters can use it; a colour
   * changes with the calendar (an item passes its deadline) and with the site's RAG policy, not
   * only when someone saves. Only items whose colour moved are written, in batches, each with the
   * ETag it was read with: an item saved by someone in between is left as they saved it (their
   * save derived its colour) and counted as skipped.
   */
  async refreshColours(today: IsoDate, policy: RagPolicy): Promise<ColourRefresh> {
    let read = 0;
    const changes: { base: Stored<Recommendation>; next: Recommendation }[] = [];
    // An item that needs completing has no colour the rules can derive: it is left as it is.
    for await (const page of this.pages()) {
      for (const stored of page.items) {
        read += 1;
        const colour = trafficLight(stored.value, today, policy);
        if (colour !== stored.value.trafficLight) changes.push({ base: stored, next: { ...stored.value, trafficLight: colour } });
      }
    }
    if (changes.length === 0) return { read, changed: 0, skipped: 0 };
    try {
      await this.updateMany(changes);
      return { read, changed: changes.length, skipped: 0 };
    } catch (e) {
      if (!(e instanceof BatchWriteError) || e.failures.some((f) => f.error.status !== 412)) throw e;
      return { read, changed: changes.length - e.failures.length, skipped: e.failures.length };
    }
  }
}

/** What {@link RecommendationsRepository.refreshColours} did. */
export interface ColourRefresh {
  /** Items read. */
  read: number;
  /** Items whose stored colour was rewritten. */
  changed: number;
  /** Items changed by someone while the refresh ran, left as they were saved. */
  skipped: number;
}

/** Actions, by recommendation, owner, status and due date. */
export class ActionsRepository extends ListRepository<Action> {
  static filterFor(c: { recommendationId?: number; owner?: OwnerQuery; lifecycles?: readonly Lifecycle[]; dueBefore?: IsoDate }): string | undefined {
    return and(
      c.recommendationId !== undefined ? `${F.recommendation}Id eq ${odataNumber(c.recommendationId)}` : undefined,
      ownerClause(c.owner),
      c.lifecycles?.length ? inText(F.lifecycle, c.lifecycles) : undefined,
      dueBeforeClause(c.dueBefore)
    );
  }

  byRecommendation(recommendationId: number): Promise<Stored<Action>[]> {
    return this.all({ filter: ActionsRepository.filterFor({ recommendationId }) });
  }

  byOwner(owner: OwnerQuery): Promise<Stored<Action>[]> {
    return this.all({ filter: ActionsRepository.filterFor({ owner }) });
  }

  dueBefore(date: IsoDate): Promise<Stored<Action>[]> {
    return this.all({ filter: ActionsRepository.filterFor({ dueBefore: date }), orderBy: [{ field: F.dueCurrent }] });
  }
}

/** Progress updates, newest first. */
export class UpdatesRepository extends ListRepository<ProgressUpdate> {
  byRecommendation(recommendationId: number): Promise<Stored<ProgressUpdate>[]> {
    return this.all({ filter: `${F.recommendation}Id eq ${odataNumber(recommendationId)}`, orderBy: [{ field: F.at, ascending: false }] });
  }

  /** Updates posted at or after an instant (for staleness and "since the last paper"). */
  since(at: string): Promise<Stored<ProgressUpdate>[]> {
    return this.all({ filter: `${F.at} ge ${odataDateTime(at)}`, orderBy: [{ field: F.at, ascending: false }] });
  }
}

/** Reminder rules, by key. */
export class ReminderRulesRepository extends ListRepository<ReminderRuleRecord> {
  async byKey(key: string): Promise<Stored<ReminderRuleRecord> | null> {
    const found = await this.all({ filter: eqText(F.ruleKey, key) });
    return found[0] ?? null;
  }

  enabled(): Promise<Stored<ReminderRuleRecord>[]> {
    return this.all().then((rules) => rules.filter((r) => r.value.enabled));
  }
}

/** What the run history narrows the Reminder Log to; every criterion is on an indexed column. All are ANDed. */
export interface ReminderLogFilter {
  readonly ruleKey?: string;
  readonly status?: ReminderStatus;
  /** The recipient's address (or a channel's webhook), exactly as logged. */
  readonly recipient?: string;
  /** Entries that last changed at or after this instant. */
  readonly from?: string;
  /** Entries that last changed before this instant. */
  readonly before?: string;
}

/** The OData filter of a run-history query, every value escaped. */
function reminderLogFilter(filter: ReminderLogFilter): string | undefined {
  return and(
    filter.ruleKey === undefined ? undefined : eqText(F.ruleKey, filter.ruleKey),
    filter.status === undefined ? undefined : eqText(F.status, filter.status),
    filter.recipient === undefined ? undefined : eqText(F.recipient, filter.recipient),
    filter.from === undefined ? undefined : `${F.at} ge ${odataDateTime(filter.from)}`,
    filter.before === undefined ? undefined : `${F.at} lt ${odataDateTime(filter.before)}`
  );
}

/** The reminder log, looked up by idempotency key, item and status, and paged for the run history. */
export class ReminderLogRepository extends ListRepository<ReminderLogEntry> {
  /** The run history: entries matching `filter`, newest first, one request per page of `pageSize`. */
  history(filter: ReminderLogFilter, pageSize: number): AsyncGenerator<ListRead<ReminderLogEntry>> {
    return this.pages({ filter: reminderLogFilter(filter), orderBy: [{ field: F.at, ascending: false }], pageSize });
  }

  async byKey(key: string): Promise<Stored<ReminderLogEntry> | null> {
    const found = await this.all({ filter: eqText('Title', key) });
    return found[0] ?? null;
  }

  byItem(itemId: number): Promise<Stored<ReminderLogEntry>[]> {
    return this.all({ filter: `${F.itemId} eq ${odataNumber(itemId)}` });
  }

  byStatus(status: ReminderStatus): Promise<Stored<ReminderLogEntry>[]> {
    return this.all({ filter: eqText(F.status, status) });
  }

  /** The entries of one rule's occurrence (`round-open`, `round:7`: one update round's cards). */
  byOccurrence(ruleKey: string, occurrence: string): Promise<Stored<ReminderLogEntry>[]> {
    return this.all({ filter: and(eqText(F.ruleKey, ruleKey), eqText(F.occurrence, occurrence)) });
  }
}

/** Update rounds, newest first. */
export class RoundsRepository extends ListRepository<UpdateRound> {
  /** The rounds still open, and those that need completing. */
  open(): Promise<ListRead<UpdateRound>> {
    return this.read({ filter: eqText(F.status, 'Open') });
  }
}

/** Every repository of the tracker, over one PnPjs instance. */
export interface TrackerData {
  readonly reports: ListRepository<OriginatingReport>;
  readonly recommendations: RecommendationsRepository;
  readonly actions: ActionsRepository;
  readonly updates: UpdatesRepository;
  readonly reminderRules: ReminderRulesRepository;
  readonly reminderLog: ReminderLogRepository;
  readonly settings: SettingsRepository;
  readonly papers: PapersRepository;
  readonly rounds: RoundsRepository;
  readonly users: UsersService;
}

/**
 * The data layer for one site. `sp` is built once per host: `spfi().using(SPFx(context))` in a web
 * part, `nodeSp(siteUrl, …)` (src/data/node.ts) in Node.
 */
export function createTrackerData(sp: SPFI): TrackerData {
  return {
    reports: new ListRepository(sp, reportMapping),
    recommendations: new RecommendationsRepository(sp, recommendationMapping),
    actions: new ActionsRepository(sp, actionMapping),
    updates: new UpdatesRepository(sp, updateMapping),
    reminderRules: new ReminderRulesRepository(sp, reminderRuleMapping),
    reminderLog: new ReminderLogRepository(sp, reminderLogMapping),
    settings: new SettingsRepository(sp),
    papers: new PapersRepository(sp),
    rounds: new RoundsRepository(sp, roundMapping),
    users: new UsersService(sp)
  };
}
