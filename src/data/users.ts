/**
 * The current user, what they may do, and site users (ensureUser for owners named in imports).
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-users/web';
import '@pnp/sp/security/web';
import { PermissionKind } from '@pnp/sp/security/types';
import type { IBasePermissions } from '@pnp/sp/security/types';
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
      throw toDataError(e, 'reading the current user');
    }
  }

  /** The current user's effective permissions on the site. */
  async permissions(): Promise<UserPermissions> {
    return this.read(() => this.sp.web.getCurrentUserEffectivePermissions(), 'reading your permissions');
  }

  /** What another person (e-mail, UPN or claims login) may do on the site. */
  async permissionsOf(login: string): Promise<UserPermissions> {
    return this.read(() => this.sp.web.getUserEffectivePermissions(claimsLogin(login)), `reading the permissions of '${login}'`);
  }

  private async read(get: () => Promise<IBasePermissions>, what: string): Promise<UserPermissions> {
    try {
      const perms = await get();
      return {
        canEdit: this.sp.web.hasPermissions(perms, PermissionKind.EditListItems),
        canManage: this.sp.web.hasPermissions(perms, PermissionKind.ManageLists)
      };
    } catch (e) {
      throw toDataError(e, what);
    }
  }

  /** Makes sure a person (e-mail, UPN or claims login) is a site user, and returns them. */
  async ensure(login: string): Promise<SiteUser> {
    try {
      return toSiteUser(await this.sp.web.ensureUser(claimsLogin(login)));
    } catch (e) {
      throw toDataError(e, `finding the user '${login}'`);
    }
  }

  async byId(id: number): Promise<SiteUser> {
    try {
      return toSiteUser(await this.sp.web.siteUsers.getById(id)());
    } catch (e) {
      throw toDataError(e, `reading user ${id}`);
    }
  }

  async all(): Promise<SiteUser[]> {
    try {
      return (await this.sp.web.siteUsers()).map(toSiteUser);
    } catch (e) {
      throw toDataError(e, 'reading site users');
    }
  }
}
