/** The stand-in's records: what it keeps about the site, its lists, fields, items, users and files. */

/** SharePoint's FieldTypeKind values the stand-in implements. */
export const FieldKind = {
  Integer: 1,
  Text: 2,
  Note: 3,
  DateTime: 4,
  Counter: 5,
  Choice: 6,
  Lookup: 7,
  Boolean: 8,
  Number: 9,
  Currency: 10,
  URL: 11,
  Computed: 12,
  Guid: 14,
  MultiChoice: 15,
  Calculated: 17,
  File: 18,
  Attachments: 19,
  User: 20,
  ContentTypeId: 25
} as const;

/** A column definition, stored as JSON; the property names are SharePoint's. */
export interface FieldDef {
  Id: string;
  InternalName: string;
  StaticName: string;
  EntityPropertyName: string;
  Title: string;
  FieldTypeKind: number;
  TypeAsString: string;
  Description: string;
  Group: string;
  Hidden: boolean;
  ReadOnlyField: boolean;
  Required: boolean;
  Indexed: boolean;
  EnforceUniqueValues: boolean;
  DefaultValue: string | null;
  /** True for the columns every list has (ID, Title, Created…). */
  FromBaseType: boolean;
  Choices?: string[];
  MaxLength?: number;
  NumberOfLines?: number;
  RichText?: boolean;
  DisplayFormat?: number;
  MinimumValue?: number;
  MaximumValue?: number;
  LookupList?: string;
  LookupField?: string;
  AllowMultipleValues?: boolean;
  SelectionMode?: number;
}

/** A list or document library. */
export interface ListRecord {
  id: string;
  title: string;
  description: string;
  baseTemplate: number;
  /** Server-relative URL of the root folder, e.g. `/sites/tracker/Lists/Recommendations`. */
  url: string;
  entityTypeName: string;
  enableVersioning: boolean;
  created: string;
  modified: string;
  hidden: boolean;
  /** Other writable list properties sent by clients (kept and echoed back). */
  extra: Record<string, unknown>;
}

/** A stored field value: scalars, lookup ids, multi-values, or a hyperlink. */
export type FieldValue = string | number | boolean | null | number[] | string[] | { Url: string; Description: string };

/** A list item (or, in a library, a file or folder). */
export interface ItemRecord {
  id: number;
  uid: string;
  /** Bumped on every write: the ETag. */
  version: number;
  /** The major version shown in `OData__UIVersionString`; moves only while versioning is on. */
  uiVersion: number;
  created: string;
  modified: string;
  authorId: number;
  editorId: number;
  /** 0 = item or file, 1 = folder. */
  fsType: number;
  /** Values by field InternalName. */
  data: Record<string, FieldValue>;
}

/** A site user (a SharePoint principal of type 1). */
export interface UserRecord {
  id: number;
  login: string;
  title: string;
  email: string;
  isSiteAdmin: boolean;
}

/** A SharePoint group and the permission level it grants. */
export interface GroupRecord {
  id: number;
  title: string;
  description: string;
  level: PermissionLevel;
}

export type PermissionLevel = 'Full Control' | 'Contribute' | 'Read' | 'None';

/** One entry of the change log. */
export interface ChangeRecord {
  n: number;
  time: string;
  objectType: 'Item' | 'List' | 'Field' | 'File' | 'Folder' | 'User' | 'Group' | 'Web';
  changeType: number;
  listId: string | null;
  itemId: number | null;
  uniqueId: string;
  serverRelativeUrl: string;
}

/** A list webhook subscription. */
export interface SubscriptionRecord {
  id: string;
  listId: string;
  notificationUrl: string;
  clientState: string | null;
  expirationDateTime: string;
}

/** SharePoint ChangeType enumeration values the stand-in logs. */
export const ChangeType = { Add: 1, Update: 2, DeleteObject: 3, Rename: 4, Restore: 7, SystemUpdate: 15 } as const;
