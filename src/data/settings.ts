/**
 * Tracker Settings: key / value pairs kept in a list, such as the provisioned schema version.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { RAG_POLICY_SETTING, ragPolicyOf } from '../core/status';
import type { RagPolicy } from '../core/status';
import { F, listSchema } from '../schema';
import { DataError, toDataError } from './errors';
import { eqText } from './odata';

interface SettingItem {
  Id: number;
  Title: string;
  TrkValue: string | null;
  'odata.etag'?: string;
}

/**
 * Another site owner changed a setting between the moment it was read and the save: nothing was
 * saved. Carries the value the caller started from and the value the site now holds.
 */
export class SettingConflictError extends DataError {
  constructor(
    readonly key: string,
    /** The value the site holds now; undefined when the setting is not set. */
    readonly current: string | undefined
  ) {
    super(current === undefined ? { code: 'settingChangedUnset', args: [key] } : { code: 'settingChanged', args: [key, current] }, 'conflict', 412);
    this.name = 'SettingConflictError';
  }
}

/** Reads and writes settings by key. */
export class SettingsRepository {
  private readonly title = listSchema('settings').title;

  constructor(private readonly sp: SPFI) {}

  private async item(key: string): Promise<SettingItem | undefined> {
    try {
      const found = (await this.sp.web.lists.getByTitle(this.title).items.select('Id', 'Title', F.value).filter(eqText('Title', key)).top(2)()) as SettingItem[];
      if (found.length > 1) throw new DataError({ code: 'duplicateSetting', args: [this.title, key] }, 'bad-data');
      return found[0];
    } catch (e) {
      throw toDataError(e, { code: 'readSetting', args: [key] });
    }
  }

  /** The value of a setting, or undefined when it was never set. */
  async get(key: string): Promise<string | undefined> {
    return (await this.item(key))?.TrkValue ?? undefined;
  }

  /**
   * Which due date makes an open item RED on this site (Tracker Settings, `RagOverdueAgainst`);
   * the default when never set. A value that names neither policy is a DataError saying so.
   */
  async ragPolicy(): Promise<RagPolicy> {
    return this.readPolicy(await this.get(RAG_POLICY_SETTING));
  }

  private readPolicy(value: string | undefined): RagPolicy {
    const read = ragPolicyOf(value);
    if (!read.ok) throw new DataError(read.problem, 'bad-data');
    return read.value;
  }

  /**
   * Records which due date makes an open item RED on this site. `seen` is the policy the person
   * was shown: when the site holds another by now, a {@link SettingConflictError} says so and
   * nothing is saved.
   */
  async setRagPolicy(policy: RagPolicy, seen?: RagPolicy): Promise<void> {
    await this.set(RAG_POLICY_SETTING, policy.overdueAgainst, seen === undefined ? undefined : (value) => this.readPolicy(value).overdueAgainst === seen.overdueAgainst);
  }

  /**
   * Sets a setting, adding it when new. The write quotes the ETag of the version just read, so a
   * save made by someone else in between is never overwritten: it is a {@link SettingConflictError}.
   * `expected`, when given, says whether the value read is still the one the caller started from.
   */
  async set(key: string, value: string, expected?: (current: string | undefined) => boolean): Promise<void> {
    const existing = await this.item(key);
    const current = existing?.TrkValue ?? undefined;
    if (expected !== undefined && !expected(current)) throw new SettingConflictError(key, current);
    const etag = existing?.['odata.etag'];
    if (existing && etag === undefined) throw new DataError({ code: 'settingWithoutEtag', args: [this.title, key] }, 'bad-data');
    const items = this.sp.web.lists.getByTitle(this.title).items;
    let added: number | undefined;
    try {
      if (existing) await items.getById(existing.Id).update({ [F.value]: value }, etag);
      else added = ((await items.add({ Title: key, [F.value]: value })) as SettingItem).Id;
    } catch (e) {
      const error = toDataError(e, { code: 'saveSetting', args: [key] });
      if (error.status === 412) throw new SettingConflictError(key, await this.get(key));
      throw error;
    }
    if (added === undefined) return;
    // Two first writers can both add the key: the later stands aside, so the key stays single.
    const all = (await items.select('Id', 'Title', F.value).filter(eqText('Title', key)).orderBy('Id')()) as SettingItem[];
    if (all.length > 1 && all[0].Id !== added) {
      await items.getById(added).delete();
      if (all[0].TrkValue !== value) throw new SettingConflictError(key, all[0].TrkValue ?? undefined);
    }
  }
}
