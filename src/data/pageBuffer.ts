/**
 * The pages of one read of a list, kept as they arrive so that whoever takes the read later is
 * handed them: the web parts that share a read (data/sharedReads.ts) and the view that takes over
 * the reads started before it mounted (data/preload.ts). A save made on the page patches them, so
 * that what they replay is the item as saved, not as it was read.
 */
import type { IncompleteItem } from './repository';

export type OnPage<T> = (items: T[], incomplete: IncompleteItem[]) => void;

/** How a read's items are told apart, and how far each has been saved. */
export interface ItemMatch<T> {
  same(a: T, b: T): boolean;
  /** The item's version (SharePoint counts each save), or null when it is not known. */
  version(item: T): number | null;
}

/** A read's pages so far, each with the items that need completing in SharePoint. */
export class PageBuffer<T> {
  private readonly pages: [T[], IncompleteItem[]][] = [];
  /** Items saved while the read is under way that no page held yet: each goes in its page, or after the others. */
  private waiting: T[] = [];
  private done = false;

  public constructor(private readonly match: ItemMatch<T>) {}

  /** False when `saved` is an older version than `read` (someone saved it again since): the read one is kept. */
  private replaces(saved: T, read: T): boolean {
    const [a, b] = [this.match.version(saved), this.match.version(read)];
    return a === null || b === null || a >= b;
  }

  /** Every page is in. */
  public get finished(): boolean {
    return this.done;
  }

  /** How many pages it holds. */
  public get count(): number {
    return this.pages.length;
  }

  /**
   * Holds a page as read, with an item saved on the page while it was on the way in place of the
   * one read (unless the page holds a later version), and returns the page as held.
   */
  public push(items: T[], incomplete: IncompleteItem[]): T[] {
    let held = items;
    if (this.waiting.length > 0) {
      held = items.map((item) => {
        const saved = this.waiting.find((w) => this.match.same(item, w));
        return saved !== undefined && this.replaces(saved, item) ? saved : item;
      });
      this.waiting = this.waiting.filter((saved) => !items.some((item) => this.match.same(item, saved)));
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
   * Puts a saved item in place of the one read, unless that is a later version (a new array, as
   * whoever was handed the page keeps the old one). One not among the pages is after the others
   * when every page is in (a new item); while the read is under way, it waits for its page, and
   * comes after the others when the read finishes without it. Never twice.
   */
  public patch(saved: T): void {
    for (const page of this.pages) {
      const index = page[0].findIndex((item) => this.match.same(item, saved));
      if (index >= 0) {
        if (this.replaces(saved, page[0][index])) page[0] = [...page[0].slice(0, index), saved, ...page[0].slice(index + 1)];
        return;
      }
    }
    if (this.done) {
      this.pages.push([[saved], []]);
      return;
    }
    this.waiting = [...this.waiting.filter((item) => !this.match.same(item, saved)), saved];
  }
}
