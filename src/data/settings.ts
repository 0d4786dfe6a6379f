/**
 * Tracker Settings: key / value pairs kept in a list, such as the provisioned schema version.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { RAG_POLICY_SETTING, readRagPolicy } from '../core/status';
import type { RagPolicy } from '../core/status';
import { F, listSchema } from '../schema';
import { DataError, toDataError } from './errors';
import { eqText } from './odata';

interface SettingItem {
  Id: number;
  Title: string;
  TrkValue: string | null;
}

/** Reads and writes settings by key. */
export class SettingsRepository {
  private readonly title = listSchema('settings').title;

  constructor(private readonly sp: SPFI) {}

  private async item(key: string): Promise<SettingItem | undefined> {
    try {
      const found = (await this.sp.web.lists.getByTitle(this.title).items.select('Id', 'Title', F.value).filter(eqText('Title', key)).top(2)()) as SettingItem[];
      if (found.length > 1) throw new DataError(`'${this.title}' holds the key '${key}' more than once; remove the duplicate.`, 'bad-data');
      return found[0];
    } catch (e) {
      throw toDataError(e, `reading setting '${key}'`);
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
    const value = await this.get(RAG_POLICY_SETTING);
    try {
      return readRagPolicy(value);
    } catch (e) {
      throw new DataError(e instanceof Error ? e.message : String(e), 'bad-data');
    }
  }

  /** Records which due date makes an open item RED on this site. */
  async setRagPolicy(policy: RagPolicy): Promise<void> {
    await this.set(RAG_POLICY_SETTING, policy.overdueAgainst);
  }

  /** Sets a setting, adding it when new. */
  async set(key: string, value: string): Promise<void> {
    const existing = await this.item(key);
    try {
      const items = this.sp.web.lists.getByTitle(this.title).items;
      if (existing) await items.getById(existing.Id).update({ [F.value]: value });
      else await items.add({ Title: key, [F.value]: value });
    } catch (e) {
      throw toDataError(e, `saving setting '${key}'`);
    }
  }
}
