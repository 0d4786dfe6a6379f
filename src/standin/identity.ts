/**
 * Who is calling, and what they may do: the demo directory, the site's SharePoint groups and the
 * permission levels with SharePoint's real base-permission masks.
 */
import type { GroupRecord, PermissionLevel } from './model';

/** Claims prefix of an Entra ID member login, as SharePoint Online writes it. */
export const LOGIN_PREFIX = 'i:0#.f|membership|';
export const TENANT_DOMAIN = 'contoso.onmicrosoft.com';

/** A person in the demo tenant's directory. */
export interface DirectoryUser {
  alias: string;
  title: string;
  /** The SharePoint group the user belongs to on the tracker site, if any. */
  group: 'Tracker Owners' | 'Tracker Members' | 'Tracker Visitors' | null;
  isSiteAdmin: boolean;
}

/**
 * The demo directory. Everyone with a group is a site user from the start; directory users with no
 * group exist in the tenant only, and can be added with `ensureuser` (they then have no access).
 */
export const DIRECTORY: readonly DirectoryUser[] = [
  { alias: 'admin', title: 'Site Admin', group: 'Tracker Owners', isSiteAdmin: true },
  { alias: 'analyst', title: 'Strategic Development Analyst', group: 'Tracker Members', isSiteAdmin: false },
  { alias: 'manager', title: 'Chief of Staff', group: 'Tracker Members', isSiteAdmin: false },
  { alias: 'owner', title: 'Head of Crime', group: 'Tracker Members', isSiteAdmin: false },
  { alias: 'sro', title: 'ACC Crime', group: 'Tracker Members', isSiteAdmin: false },
  { alias: 'dcc', title: 'Deputy Chief Constable', group: 'Tracker Members', isSiteAdmin: false },
  { alias: 'headpp', title: 'Head of Public Protection', group: 'Tracker Members', isSiteAdmin: false },
  { alias: 'headcj', title: 'Head of Criminal Justice', group: 'Tracker Members', isSiteAdmin: false },
  { alias: 'headcc', title: 'Head of Contact Management', group: 'Tracker Members', isSiteAdmin: false },
  { alias: 'headpsd', title: 'Head of Professional Standards', group: 'Tracker Members', isSiteAdmin: false },
  { alias: 'reader', title: 'Read Only User', group: 'Tracker Visitors', isSiteAdmin: false },
  { alias: 'newstarter', title: 'New Starter', group: null, isSiteAdmin: false }
];

/** The alias used when a request names nobody. */
export const DEFAULT_ALIAS = 'admin';

/** SharePoint's conventional ids for the three associated groups. */
export const GROUPS: readonly GroupRecord[] = [
  { id: 3, title: 'Tracker Owners', description: 'Full control of the tracker site.', level: 'Full Control' },
  { id: 4, title: 'Tracker Visitors', description: 'Read access to the tracker site.', level: 'Read' },
  { id: 5, title: 'Tracker Members', description: 'Contribute access: the staff who keep the register.', level: 'Contribute' }
];

export function loginFor(alias: string): string {
  return `${LOGIN_PREFIX}${alias}@${TENANT_DOMAIN}`;
}

export function emailFor(alias: string): string {
  return `${alias}@${TENANT_DOMAIN}`;
}

/** The directory entry for a claims login, a UPN or a bare alias, case-insensitively. */
export function findInDirectory(loginOrEmail: string): DirectoryUser | undefined {
  const lower = loginOrEmail.toLowerCase();
  const upn = lower.startsWith(LOGIN_PREFIX) ? lower.slice(LOGIN_PREFIX.length) : lower;
  const alias = upn.endsWith(`@${TENANT_DOMAIN}`) ? upn.slice(0, -(TENANT_DOMAIN.length + 1)) : upn;
  return DIRECTORY.find((u) => u.alias === alias);
}

/** Base permissions as SharePoint returns them: two 32-bit halves, serialised as strings. */
export interface BasePermissions {
  High: string;
  Low: string;
}

/** The masks of SharePoint's built-in role definitions. */
const MASKS: Record<PermissionLevel, { high: number; low: number }> = {
  'Full Control': { high: 2147483647, low: 4294967295 },
  Contribute: { high: 432, low: 1011028719 },
  Read: { high: 176, low: 138612833 },
  None: { high: 0, low: 0 }
};

/** SP.PermissionKind values the stand-in checks. */
export const PermissionKind = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ManageLists: 12,
  ManageWeb: 31
} as const;

export type PermissionKindName = keyof typeof PermissionKind;

export function basePermissions(level: PermissionLevel): BasePermissions {
  const m = MASKS[level];
  return { High: String(m.high), Low: String(m.low) };
}

/** Whether a permission level includes a permission kind (bit `kind - 1` of the 64-bit mask). */
export function hasPermission(level: PermissionLevel, kind: PermissionKindName): boolean {
  const bit = PermissionKind[kind] - 1;
  const m = MASKS[level];
  return bit < 32 ? ((m.low >>> bit) & 1) === 1 : ((m.high >>> (bit - 32)) & 1) === 1;
}

const RANK: Record<PermissionLevel, number> = { None: 0, Read: 1, Contribute: 2, 'Full Control': 3 };

/** The strongest level among the groups a user belongs to; site admins have full control. */
export function effectiveLevel(isSiteAdmin: boolean, groupIds: readonly number[]): PermissionLevel {
  if (isSiteAdmin) {
    return 'Full Control';
  }
  let best: PermissionLevel = 'None';
  for (const id of groupIds) {
    const g = GROUPS.find((x) => x.id === id);
    if (g && RANK[g.level] > RANK[best]) {
      best = g.level;
    }
  }
  return best;
}
