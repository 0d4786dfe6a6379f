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
  /** Items saved while the read is under way that no page held yet: each goes in its page, or after the others. */
  private waiting: T[] = [];
  /** How the saves waiting tell their item (the comparison they were patched with). */
  private sameItem: (a: T, b: T) => boolean = () => false;
  private done = false;

  /** Every page is in. */
  public get finished(): boolean {
    return this.done;
  }

  /** How many pages it holds. */
  public get count(): number {
    return this.pages.length;
  }

  /**
   * Holds a page as read, with an item saved on the page since its request went out in place of
   * the one read (the save is the later), and returns the page as held.
   */
  public push(items: T[], incomplete: IncompleteItem[]): T[] {
    let held = items;
    if (this.waiting.length > 0) {
      held = items.map((item) => this.waiting.find((saved) => this.sameItem(item, saved)) ?? item);
      this.waiting = this.waiting.filter((saved) => !items.some((item) => this.sameItem(item, saved)));
    }
    this.pages.push([held, incomplete]);
    return held;
  }

  /**
   * Every page is in. An item saved while the read was under way that no page held is new (added
   * after its page was asked for): it comes after the others, as a page of its own, which this
   * returns for whoever follows the read (empty when there is none).
   */
  public finish(): T[] {
    this.done = true;
    const added = this.waiting;
    this.waiting = [];
    if (added.length > 0) this.pages.push([added, []]);
    return added;
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
   * the page keeps the old one). One not among the pages is after the others when every page is
   * in (a new item); while the read is under way, it waits for its page, and comes after the
   * others when the read finishes without it. Never twice.
   */
  public patch(saved: T, sameItem: (a: T, b: T) => boolean): void {
    for (const page of this.pages) {
      const index = page[0].findIndex((item) => sameItem(item, saved));
      if (index >= 0) {
        page[0] = [...page[0].slice(0, index), saved, ...page[0].slice(index + 1)];
        return;
      }
    }
    if (this.done) {
      this.pages.push([[saved], []]);
      return;
    }
    this.sameItem = sameItem;
    this.waiting = [...this.waiting.filter((item) => !sameItem(item, saved)), saved];
  }
}
