/**
 * The pages of one read of a list, kept as they arrive so that whoever takes the read later is
 * handed them: the web parts that share a read (data/sharedReads.ts) and the view that takes over
 * the reads started before it mounted (data/preload.ts). A save made on the page patches them, so
 * that what they replay is the item as saved, not as it was read.
 */
import type { IncompleteItem } from './repository';

export type OnPage<T> = (items: T[], incomplete: IncompleteItem[]) => void;

/** A read's pages so far, each with the items that need completing in SharePoint. */
export class PageBuffer<T> {
  private readonly pages: [T[], IncompleteItem[]][] = [];
  private done = false;

  /** Every page is in. */
  public get finished(): boolean {
    return this.done;
  }

  /** How many pages it holds. */
  public get count(): number {
    return this.pages.length;
  }

  public push(items: T[], incomplete: IncompleteItem[]): void {
    this.pages.push([items, incomplete]);
  }

  /** Every page is in: a saved item that is not among them is new. */
  public finish(): void {
    this.done = true;
  }

  /** Hands `onPage` each page held, from page `from` on. */
  public replay(onPage: OnPage<T>, from = 0): void {
    for (const [items, incomplete] of this.pages.slice(from)) onPage(items, incomplete);
  }

  /** Every item held, in the order read. */
  public items(): T[] {
    return this.pages.flatMap(([items]) => items);
  }

  /** Every item held that needs completing, in the order read. */
  public incomplete(): IncompleteItem[] {
    return this.pages.flatMap(([, incomplete]) => incomplete);
  }

  /**
   * Puts a saved item in place of the one read (by `sameItem`; a new array, as whoever was handed
   * the page keeps the old one), or, when every page is in and it is not among them (a new item),
   * after the others as a page of its own. False when it is not among the pages while the read is
   * still under way: it may yet arrive in a later page, and is not added twice.
   */
  public patch(saved: T, sameItem: (a: T, b: T) => boolean): boolean {
    for (const page of this.pages) {
      const index = page[0].findIndex((item) => sameItem(item, saved));
      if (index >= 0) {
        page[0] = [...page[0].slice(0, index), saved, ...page[0].slice(index + 1)];
        return true;
      }
    }
    if (!this.done) return false;
    this.pages.push([[saved], []]);
    return true;
  }
}
