/**
 * The screens' data source on the data layer (`createTrackerData`): the same implementation in a
 * SharePoint page, a Teams tab and the local workbench; only the PnPjs instance differs.
 */
import type { SPFI } from '@pnp/sp';
import type { Person, ProgressUpdate, Recommendation } from '../core/model';
import { londonDate } from '../core/dates';
import { readRagPolicy, trafficLight } from '../core/status';
import type { RagPolicy } from '../core/status';
import { withSendAgain } from '../core/reminders/history';
import { SCHEMA_VERSION_KEY, TRACKER_SCHEMA } from '../schema';
import { ConflictError, DataError } from './errors';
import type { Stored } from './errors';
import { SettingConflictError } from './settings';
import { createTrackerData } from './tracker';
import type { TrackerData } from './tracker';
import type { SiteUser } from './users';
import { RECOMMENDATION_MATCH, SaveConflictError, stored, versioned, withId } from './TrackerDataSource';
import type { IncompleteItem, ListedRecord, RecommendationRecord, TrackerDataSource, TrackerUser } from './TrackerDataSource';
import { forgetReads, onSaved, savedItem, sharedRead } from './sharedReads';
import { recommendationListing } from '../schema';

/** The first request asks for a screenful of recommendations, so that rows show at once… */
const FIRST_PAGE_SIZE = 100;
/** …and the rest come in large pages, as few requests as SharePoint allows. */
const PAGE_SIZE = 5000;

/** How many people the picker suggests at once. */
const PEOPLE_SUGGESTIONS = 10;

function asPerson(u: SiteUser): Person {
  return { userId: u.id, name: u.title, email: u.email };
}

function toRecord<T>(s: Stored<T>): { recommendation: T & { id: number }; etag: string } {
  return { recommendation: { ...s.value, id: s.id }, etag: s.etag };
}

/** What the shared read of the recommendations is keyed by, beside the site: the columns it selects. */
const LISTING_QUERY = `recommendations?$select=${recommendationListing.select.join(',')}`;

let unnamedSites = 0;

/**
 * Runs an update that quotes the version tag the user saw; a 412 becomes a SaveConflictError with
 * both versions, so that the screen shows the conflict instead of losing either edit.
 */
async function conflictAware<T>(update: () => Promise<Stored<T>>, mine: T): Promise<Stored<T>> {
  try {
    return await update();
  } catch (e) {
    if (e instanceof ConflictError && e.current !== null) {
      const current = (e as ConflictError<T>).current;
      if (current !== null) throw new SaveConflictError<T>({ mine, theirs: { value: { ...current.value, id: current.id }, etag: current.etag } });
    }
    throw e;
  }
}

/**
 * Builds the data source over a host's one PnPjs instance and its data layer (built here unless the
 * host already has one, as My Actions does); `now` is the clock used for derived colours. Data
 * sources given the same `siteUrl` (each web part on a SharePoint page has its own) share their
 * reads of the recommendations and hear of each other's saves; without it, only this one's users do.
 */
export function createDataSource(sp: SPFI, now: () => Date = () => new Date(), data: TrackerData = createTrackerData(sp), siteUrl?: string): TrackerDataSource {
  const site = siteUrl ?? `data source ${(unnamedSites += 1)}`;
  let policy: Promise<RagPolicy> | null = null;
  /** The site's RAG policy, read once and kept until a site owner changes it here. */
  let users: Promise<SiteUser[]> | null = null;

  const ragPolicy = (): Promise<RagPolicy> => {
    policy ??= data.settings.ragPolicy().catch((e: unknown) => {
      policy = null;
      throw e;
    });
    return policy;
  };

  const readReports: TrackerDataSource['readReports'] = async () => {
    const { items, incomplete } = await data.reports.read();
    return { reports: items.map(withId), incomplete };
  };

  /** The stored colour follows the rules, so that server-side filters and sorts by colour agree. */
  const derive = async (rec: Recommendation): Promise<Recommendation> => ({ ...rec, trafficLight: trafficLight(rec, londonDate(now()), await ragPolicy()) });

  /** Every recommendation as lists read it: a screenful first, so that rows show at once, then the rest in large pages. */
  const readListed = async (onPage: (page: ListedRecord[], incomplete: IncompleteItem[]) => void): Promise<void> => {
    let lastId = 0;
    for await (const page of data.recommendations.listed({ pageSize: FIRST_PAGE_SIZE })) {
      onPage(page.items.map(toRecord), page.incomplete);
      const ids = [...page.items, ...page.incomplete].map((s) => s.id);
      if (ids.length < FIRST_PAGE_SIZE) return;
      lastId = Math.max(...ids);
      break;
    }
    // The rest, in id order, in large pages. A filter such as `ID gt n` would be refused on a
    // list past the view threshold (it matches more than 5,000 items), so the big pages start at
    // the beginning and the few items already shown are skipped.
    for await (const page of data.recommendations.listed({ pageSize: PAGE_SIZE })) {
      const fresh = page.items.filter((s) => s.id > lastId);
      const freshIncomplete = page.incomplete.filter((s) => s.id > lastId);
      if (fresh.length + freshIncomplete.length > 0) onPage(fresh.map(toRecord), freshIncomplete);
    }
  };

  return {
    async currentUser(): Promise<TrackerUser> {
      const [user, perms] = await Promise.all([data.users.current(), data.users.permissions()]);
      return { id: user.id, name: user.title, email: user.email, canRead: true, canEdit: perms.canEdit, canManageLists: perms.canManage || user.isSiteAdmin };
    },

    async isProvisioned(): Promise<boolean> {
      try {
        const version = await data.settings.get(SCHEMA_VERSION_KEY);
        return version !== undefined && Number(version) >= TRACKER_SCHEMA.version;
      } catch (e) {
        if (e instanceof DataError && e.kind === 'not-found') return false;
        throw e;
      }
    },

    async provision(): Promise<void> {
      // Setting up a site happens once, by its owner: that code is not loaded with the web part.
      const { provision } = await import(/* webpackChunkName: 'tracker-provision' */ './provision');
      await provision(sp, TRACKER_SCHEMA);
    },

    ragPolicy,

    async searchPeople(text) {
      // Site users are few (those given access or named on an item): read once, matched here.
      users ??= data.users.all().catch((e: unknown) => {
        users = null;
        throw e;
      });
      const needle = text.trim().toLowerCase();
      return (await users)
        .filter((u) => u.email !== '' && (u.title.toLowerCase().includes(needle) || u.email.toLowerCase().includes(needle)))
        .slice(0, PEOPLE_SUGGESTIONS)
        .map(asPerson);
    },

    async ensurePerson(login) {
      try {
        const person = asPerson(await data.users.ensure(login));
        users = null;
        return person;
      } catch (e) {
        // SharePoint answers 400 for an address its directory does not know.
        if (e instanceof DataError && e.kind === 'bad-request') throw new DataError({ code: 'unknownAddress', args: [login] }, 'not-found', e.status, e.serverMessage);
        throw e;
      }
    },

    async saveRagPolicy(seen, next) {
      try {
        await data.settings.setRagPolicy(next, seen);
      } catch (e) {
        if (!(e instanceof SettingConflictError)) throw e;
        // A setting's version is its value: the policy the site holds now is what a retry quotes.
        const theirs = readRagPolicy(e.current);
        policy = Promise.resolve(theirs);
        throw new SaveConflictError<RagPolicy>({ mine: next, theirs: { value: theirs, etag: theirs.overdueAgainst } });
      }
      policy = Promise.resolve(next);
      // Stored colours (and so version tags) change on many items: the next read is fresh.
      forgetReads(site);
      const { changed } = await data.recommendations.refreshColours(londonDate(now()), next);
      forgetReads(site);
      return { changed };
    },

    readReports,

    async listReports() {
      return (await readReports()).reports;
    },

    loadRecommendations(onPage) {
      return sharedRead<ListedRecord>(site, LISTING_QUERY, RECOMMENDATION_MATCH, readListed, (items, incomplete) => onPage(items, incomplete));
    },

    forgetReads() {
      forgetReads(site);
    },

    onRecommendationSaved(listener) {
      return onSaved<RecommendationRecord>(site, listener);
    },

    async getRecommendation(id) {
      return toRecord(await data.recommendations.get(id));
    },

    async listActions(recommendationId) {
      return (await data.actions.byRecommendation(recommendationId)).map(versioned);
    },

    async listUpdates(recommendationId) {
      return (await data.updates.byRecommendation(recommendationId)).map(withId);
    },

    history(recommendationId) {
      return data.recommendations.versions(recommendationId);
    },

    async saveRecommendation(base, next) {
      let saved: RecommendationRecord;
      if (base === null) saved = toRecord(await data.recommendations.add(await derive(next)));
      else {
        const seen: Stored<Recommendation> = { id: base.recommendation.id, etag: base.etag, value: base.recommendation };
        saved = toRecord(await conflictAware(async () => data.recommendations.update(seen, await derive(next)), next));
      }
      savedItem<ListedRecord>(site, LISTING_QUERY, saved);
      return saved;
    },

    async saveReport(base, next) {
      if (base === null) return versioned(await data.reports.add(next));
      return versioned(await conflictAware(() => data.reports.update(stored(base), next), next));
    },

    async saveAction(base, next) {
      if (base === null) return versioned(await data.actions.add(next));
      return versioned(await conflictAware(() => data.actions.update(stored(base), next), next));
    },

    async addUpdate(update: ProgressUpdate) {
      return withId(await data.updates.add(update));
    },

    async listRules() {
      const { items, incomplete } = await data.reminderRules.read();
      return { rules: items.map(versioned), incomplete };
    },

    async saveRule(base, next) {
      if (base === null) return versioned(await data.reminderRules.add(next));
      return versioned(await conflictAware(() => data.reminderRules.update(stored(base), next), next));
    },

    async reminderLog() {
      const entries = [];
      for await (const page of data.reminderLog.pages()) entries.push(...page.items.map((s) => s.value));
      return entries;
    },

    reminderHistory(filter, pageSize) {
      const pages = data.reminderLog.history(filter, pageSize);
      return {
        next: async () => {
          const page = await pages.next();
          return page.done === true ? { done: true, value: undefined } : { done: false, value: { entries: page.value.items.map(versioned), incomplete: page.value.incomplete } };
        }
      };
    },

    async sendAgain(entry, at) {
      const me = await data.users.current();
      const next = withSendAgain(entry.value, me.title, at);
      return versioned(await conflictAware(() => data.reminderLog.update(stored(entry), next), next));
    },

    updateRounds(load) {
      return load(data, now);
    }
  };
}
