/**
 * The vocabulary used to describe SharePoint lists once, in TypeScript. Pure data: provisioning
 * (src/data/provision.ts) turns it into lists and columns, and the mapping (mapping.ts) uses it to
 * turn list items into domain objects and back.
 */

/** The column types the tracker uses (SharePoint `TypeAsString`). */
export type FieldType = 'Text' | 'Note' | 'DateTime' | 'Choice' | 'MultiChoice' | 'Boolean' | 'Number' | 'User' | 'Lookup' | 'LookupMulti' | 'URL';

/** Keys of the tracker's lists, used for lookups between them and by the data layer. */
export type ListKey = 'reports' | 'recommendations' | 'actions' | 'updates' | 'reminderRules' | 'reminderLog' | 'settings' | 'papers' | 'rounds';

/** One column. */
export interface FieldSchema {
  /** Internal (and entity property) name; never changes once provisioned. */
  readonly internalName: string;
  /** The name users see. */
  readonly displayName: string;
  readonly type: FieldType;
  readonly description?: string;
  readonly required?: boolean;
  /** Indexed, because a large list is filtered or sorted on it. */
  readonly indexed?: boolean;
  /** Choices for Choice / MultiChoice columns, in display order. */
  readonly choices?: readonly string[];
  /** DateTime: true for a calendar date (DateOnly), false for an instant. */
  readonly dateOnly?: boolean;
  /** Note: false for plain text (JSON, raw source text), true for rich text. Defaults to false. */
  readonly richText?: boolean;
  /** Lookup / LookupMulti: the list it points at. */
  readonly lookupList?: ListKey;
  /** Shown in the list's default view. */
  readonly inDefaultView?: boolean;
}

/** How the built-in Title column is used by a list. */
export interface TitleSchema {
  readonly displayName: string;
  readonly required: boolean;
  readonly indexed?: boolean;
}

/** One list or document library. */
export interface ListSchema {
  readonly key: ListKey;
  readonly title: string;
  readonly description: string;
  /** 100 = custom list, 101 = document library. */
  readonly baseTemplate: 100 | 101;
  /** Expected to grow past the list view threshold (5,000 items): every filtered or sorted column is indexed. */
  readonly large: boolean;
  readonly titleField: TitleSchema;
  readonly fields: readonly FieldSchema[];
}

/** The whole site: a version number that goes up whenever the lists change, and the lists. */
export interface TrackerSchema {
  readonly version: number;
  readonly lists: readonly ListSchema[];
}
