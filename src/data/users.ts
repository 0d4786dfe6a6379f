/**
 * The current user, what they may do, and site users (ensureUser for owners named in imports).
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/security/web';
import { PermissionKind } from '@pnp/sp/security/types';
import type { ISiteUserInfo } from '@pnp/sp/site-users/types';
import { toDataError } from './errors';

/** A site user as the tracker needs them. */
export interface SiteUser {
  readonly id: number;
  readonly title: string;
  readonly email: string;
  readonly loginName: string;
  readonly isSiteAdmin: boolean;
}

/** What the current user may do on the site. */
export interface UserPermissions {
  /** Add and edit items: post updates, edit recommendations. */
  readonly canEdit: boolean;
  /** Manage lists: provision, change reminder rules, issue papers. */
  readonly canManage: boolean;
}

function toSiteUser(u: ISiteUserInfo): SiteUser {
  return { id: u.Id, title: u.Title, email: u.Email ?? '', loginName: u.LoginName, isSiteAdmin: u.IsSiteAdmin };
}

/** The claims login SharePoint expects for a Microsoft 365 account given by e-mail or UPN. */
export function claimsLogin(login: string): string {
  return login.includes('|') ? login : `i:0#.f|membership|${login}`;
}

/** Users and permissions on the site. */
export class UsersService {
  constructor(private readonly sp: SPFI) {}

  async current(): Promise<SiteUser> {
    try {
      return toSiteUser(await this.sp.web.currentUser());
    } catch (e) {
      throw toDataError(e, { code: 'readCurrentUser', args: [] });
    }
  }

  /** The current user's effective permissions on the site. */
  async permissions(): Promise<UserPermissions> {
    try {
      const perms = await this.sp.web.getCurrentUserEffectivePermissions();
      return {
        canEdit: this.sp.web.hasPermissions(perms, PermissionKind.EditListItems),
        canManage: this.sp.web.hasPermissions(perms, PermissionKind.ManageLists)
      };
    } catch (e) {
      throw toDataError(e, { code: 'readPermissions', args: [] });
    }
  }

  /**
   * The site's owners: members of its associated Owners group and site collection administrators,
   * read as any member can (checking another person's effective permissions would need the right to
   * enumerate permissions, which the reminder service's write-only grant does not have).
   */
  async owners(): Promise<SiteUser[]> {
    try {
      const [group, admins] = await Promise.all([this.sp.web.associatedOwnerGroup.users(), this.sp.web.siteUsers.filter('IsSiteAdmin eq true')()]);
      const all = [...group, ...admins].map(toSiteUser);
      return all.filter((u, i) => all.findIndex((o) => o.id === u.id) === i);
    } catch (e) {
      throw toDataError(e, { code: 'readOwners', args: [] });
    }
  }

  /**
   * Who may edit the tracker: members of the site's associated Members group and its owners, read
   * from the groups as {@link owners} are.
   */
  async editors(): Promise<SiteUser[]> {
    try {
      const [members, owners] = await Promise.all([this.sp.web.associatedMemberGroup.users(), this.owners()]);
      const all = [...members.map(toSiteUser), ...owners];
      return all.filter((u, i) => all.findIndex((o) => o.id === u.id) === i);
    } catch (e) {
      throw toDataError(e, { code: 'readMembers', args: [] });
    }
  }

  /** Makes sure a person (e-mail, UPN or claims login) is a site user, and returns them. */
  async ensure(login: string): Promise<SiteUser> {
    try {
      return toSiteUser(await this.sp.web.ensureUser(claimsLogin(login)));
    } catch (e) {
      throw toDataError(e, { code: 'findUser', args: [login] });
    }
  }

  async byId(id: number): Promise<SiteUser> {
    try {
      return toSiteUser(await this.sp.web.siteUsers.getById(id)());
    } catch (e) {
      throw toDataError(e, { code: 'readUser', args: [id] });
    }
  }

  async all(): Promise<SiteUser[]> {
    try {
      return (await this.sp.web.siteUsers()).map(toSiteUser);
    } catch (e) {
      throw toDataError(e, { code: 'readSiteUsers', args: [] });
    }
  }
}
