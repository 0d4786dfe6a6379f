/**
 * The Committee Papers document library: each issued paper and the frozen snapshot its NEW and
 * CLOSED markers were computed from. Files are never overwritten: an issued paper never changes.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/folders/list';
import '@pnp/sp/files/folder';
import '@pnp/sp/files/web';
import type { IsoDate } from '../core/model';
import { F, PAPER_KINDS, dateFromSharePoint, dateToSharePoint, listSchema } from '../schema';
import { DataError, toDataError, type Operation } from './errors';
import { eqText } from './odata';

export type PaperKind = (typeof PAPER_KINDS)[number];

/** A file in the Committee Papers library. */
export interface PaperFile {
  /** The list item id of the file. */
  readonly id: number;
  readonly name: string;
  readonly serverRelativeUrl: string;
  readonly paperDate: IsoDate;
  readonly kind: PaperKind;
  readonly committee?: string;
}

/** What to store. */
export interface NewPaperFile {
  readonly name: string;
  readonly content: ArrayBuffer | Blob | string;
  readonly paperDate: IsoDate;
  readonly kind: PaperKind;
  readonly committee?: string;
}

interface PaperItem {
  Id: number;
  FileLeafRef: string;
  FileRef: string;
  TrkPaperDate: string | null;
  TrkPaperKind: string | null;
  TrkCommittee: string | null;
}

const SELECT = ['Id', 'FileLeafRef', 'FileRef', F.paperDate, F.paperKind, F.committee];

/** Adds, lists and reads committee papers. */
export class PapersRepository {
  private readonly title = listSchema('papers').title;

  constructor(private readonly sp: SPFI) {}

  private toPaper(item: PaperItem): PaperFile {
    const kind = PAPER_KINDS.find((k) => k === item.TrkPaperKind);
    if (!item.TrkPaperDate || !kind) throw new DataError({ code: 'paperUndated', args: [this.title, item.FileRef] }, 'bad-data');
    const paper: PaperFile = { id: item.Id, name: item.FileLeafRef, serverRelativeUrl: item.FileRef, paperDate: dateFromSharePoint(item.TrkPaperDate), kind };
    return item.TrkCommittee ? { ...paper, committee: item.TrkCommittee } : paper;
  }

  /**
   * Stores a new file and its properties. Refuses to replace an existing file of the same name:
   * an issued paper is never changed.
   */
  async add(file: NewPaperFile): Promise<PaperFile> {
    const what: Operation = { code: 'saveFile', args: [file.name, this.title] };
    try {
      const list = this.sp.web.lists.getByTitle(this.title);
      const info = await list.rootFolder.files.addUsingPath(file.name, file.content, { Overwrite: false });
      const item = (await this.sp.web.getFileByServerRelativePath(info.ServerRelativeUrl).listItemAllFields.select('Id')()) as { Id: number };
      const props = { [F.paperDate]: dateToSharePoint(file.paperDate), [F.paperKind]: file.kind, [F.committee]: file.committee ?? null };
      await list.items.getById(item.Id).update(props);
      const paper: PaperFile = { id: item.Id, name: file.name, serverRelativeUrl: info.ServerRelativeUrl, paperDate: file.paperDate, kind: file.kind };
      return file.committee ? { ...paper, committee: file.committee } : paper;
    } catch (e) {
      throw toDataError(e, what);
    }
  }

  /** Every paper or snapshot, newest paper date first. */
  async list(kind?: PaperKind): Promise<PaperFile[]> {
    let items: PaperItem[];
    try {
      let q = this.sp.web.lists.getByTitle(this.title).items.select(...SELECT).orderBy(F.paperDate, false).top(5000);
      if (kind) q = q.filter(eqText(F.paperKind, kind));
      items = (await q()) as PaperItem[];
    } catch (e) {
      throw toDataError(e, { code: 'listFiles', args: [this.title] });
    }
    return items.map((i) => this.toPaper(i));
  }

  /** The latest paper (or snapshot) dated strictly before `date`, if any. */
  async latestBefore(date: IsoDate, kind: PaperKind): Promise<PaperFile | undefined> {
    return (await this.list(kind)).find((p) => p.paperDate < date);
  }

  /** A file's bytes. */
  async read(serverRelativeUrl: string): Promise<ArrayBuffer> {
    try {
      return await this.sp.web.getFileByServerRelativePath(serverRelativeUrl).getBuffer();
    } catch (e) {
      throw toDataError(e, { code: 'readFile', args: [serverRelativeUrl] });
    }
  }

  /** A text file's content (snapshots are JSON). */
  async readText(serverRelativeUrl: string): Promise<string> {
    try {
      return await this.sp.web.getFileByServerRelativePath(serverRelativeUrl).getText();
    } catch (e) {
      throw toDataError(e, { code: 'readFile', args: [serverRelativeUrl] });
    }
  }
}
