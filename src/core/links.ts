/**
 * Which addresses the tracker will follow or store. A tracker page address (set in a web part's
 * settings, a Teams channel tab's configuration, or the reminder service's "Open item" page) must
 * be a page on the tenant itself: `https:` on the tenant's own host, or, when the tenant is the
 * local workbench on this computer, `http:` or `https:` on a loopback address. A link to an
 * originating report may lead anywhere on the web, but only by `http:` or `https:`. Anything else
 * (`javascript:`, `data:`, another site, `user@host` tricks) is refused with a message saying why.
 *
 * Relative addresses: a tracker page address may start with `/` (a page on the tenant) or `?` (this
 * page with other parameters, as the workbench's `?page=tracker`); it is resolved against the page
 * it is used on and then checked like any other. Other relative forms ("evil.example",
 * "SitePages/Tracker.aspx") are refused as incomplete: they read like host names, and would
 * quietly become paths. A report link must be absolute.
 */

import { englishText, type Message } from './messages';

/**
 * Why an address was refused, by code (`{0}`, `{1}`: the values each names). A tracker page's
 * refusals come in two forms: on the tenant (`…Tenant`, `{1}` its host) and on the local workbench
 * (`…Local`, `{1}` the loopback host).
 */
export const LINK_PROBLEM_ENGLISH = {
  noAddress: 'No address is given.',
  addressHidden: 'The address contains a control or invisible character (such as a tab or a line break): type it again.',
  startsTenant: 'The address starts "{0}": only https:// addresses on {1} can be used.',
  startsLocal: 'The address starts "{0}": only addresses on this computer ({1}, the local workbench) can be used.',
  notFull: '{0} is not a full address: start it with https://, or with / for a page on {1}.',
  notWeb: '{0} is not a web address.',
  credentialsTenant: 'The address carries a user name or password before "@": only https:// addresses on {0} can be used.',
  credentialsLocal: 'The address carries a user name or password before "@": only addresses on this computer ({0}, the local workbench) can be used.',
  leadsToTenant: 'The address leads to {0}: only https:// addresses on {1} can be used.',
  leadsToLocal: 'The address leads to {0}: only addresses on this computer ({1}, the local workbench) can be used.',
  linkHidden: 'The link contains a control or invisible character (such as a tab or a line break): type it again.',
  linkStarts: 'The link starts "{0}:": a link to the report must start with https:// or http://.',
  linkNotFull: '{0} is not a full address: start it with https://.',
  linkCredentials: 'The link carries a user name or password before "@": give the report\'s address without them.'
} as const;
export type LinkProblemCode = keyof typeof LINK_PROBLEM_ENGLISH;
export type LinkProblem = Message<LinkProblemCode>;

/** Why an address was refused, in core's English (one en-GB sentence). */
export function linkProblemText(problem: LinkProblem): string {
  return englishText(problem, LINK_PROBLEM_ENGLISH);
}

/** An address checked: the absolute address to follow, or why it was refused. */
export type LinkCheck = { ok: true; url: string } | { ok: false; problem: LinkProblem };

/** Control characters (tab, line break, NUL…) and invisible formatting ones (zero-width, bidirectional overrides). */
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}]/u;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** `https:x` is a relative address to the URL parser: a web address here spells out its `//`. */
const WEB_START = /^https?:\/\//i;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const LONGEST_QUOTED = 60;

function quoted(text: string): string {
  return `"${text.length > LONGEST_QUOTED ? `${text.slice(0, LONGEST_QUOTED - 1)}…` : text}"`;
}

function refused(code: LinkProblemCode, ...args: string[]): LinkCheck {
  return { ok: false, problem: { code, args } };
}

function parse(address: string, base?: string): URL | null {
  try {
    return new URL(address, base);
  } catch {
    return null;
  }
}

/**
 * Checks a tracker page address against the tenant: `tenantUrl` is any address on the tenant (the
 * site, or the page the address is used on, which relative addresses are resolved against).
 */
export function checkTrackerLink(address: string, tenantUrl: string): LinkCheck {
  const tenant = new URL(tenantUrl);
  const local = LOOPBACK_HOSTS.has(tenant.hostname);
  /** Refused, naming what may be used: this computer's loopback host or the tenant's host. */
  const onlyAllowed = (tenantCode: LinkProblemCode, localCode: LinkProblemCode, ...args: string[]): LinkCheck =>
    local ? refused(localCode, ...args, tenant.hostname) : refused(tenantCode, ...args, tenant.host);
  const value = address.trim();
  if (value === '') return refused('noAddress');
  if (HIDDEN_CHARACTER.test(value)) return refused('addressHidden');
  const scheme = SCHEME.exec(value)?.[1].toLowerCase();
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') return onlyAllowed('startsTenant', 'startsLocal', `${scheme}:`);
  // `//host` and `\\host` name a host of their own; the URL parser reads them so, and the host is checked below.
  if (scheme === undefined ? !/^[/\\?]/.test(value) : !WEB_START.test(value)) return refused('notFull', quoted(value), tenant.host);
  const url = parse(value, tenant.href);
  if (url === null) return refused('notWeb', quoted(value));
  if (url.username !== '' || url.password !== '') return onlyAllowed('credentialsTenant', 'credentialsLocal');
  const onTenant = local ? LOOPBACK_HOSTS.has(url.hostname) : url.host === tenant.host;
  if (!onTenant) return onlyAllowed('leadsToTenant', 'leadsToLocal', url.host);
  if (url.protocol !== 'https:' && !local) return refused('startsTenant', url.protocol, tenant.host);
  return { ok: true, url: url.href };
}

/** Checks a link to an originating report: an absolute `http:` or `https:` address, on any host. */
export function checkReportLink(address: string): LinkCheck {
  const value = address.trim();
  if (value === '') return refused('noAddress');
  if (HIDDEN_CHARACTER.test(value)) return refused('linkHidden');
  const scheme = SCHEME.exec(value)?.[1].toLowerCase();
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') return refused('linkStarts', scheme);
  if (!WEB_START.test(value)) return refused('linkNotFull', quoted(value));
  const url = parse(value);
  if (url === null || url.hostname === '') return refused('notWeb', quoted(value));
  if (url.username !== '' || url.password !== '') return refused('linkCredentials');
  return { ok: true, url: url.href };
}

/** What a field shows under an address: null when it may be saved, empty included (an optional field). */
function fieldProblem(address: string, check: (address: string) => LinkCheck): LinkProblem | null {
  if (address.trim() === '') return null;
  const checked = check(address);
  return checked.ok ? null : checked.problem;
}

/** The problem with a tracker page address typed into settings, or null when it may be saved. */
export function trackerPageProblem(address: string, tenantUrl: string): LinkProblem | null {
  return fieldProblem(address, (a) => checkTrackerLink(a, tenantUrl));
}

/** The problem with a link to a report typed into a form, or null when it may be saved. */
export function reportLinkProblem(address: string): LinkProblem | null {
  return fieldProblem(address, checkReportLink);
}
