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

/** An address checked: the absolute address to follow, or why it was refused (one en-GB sentence). */
export type LinkCheck = { ok: true; url: string } | { ok: false; problem: string };

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

function refused(problem: string): LinkCheck {
  return { ok: false, problem };
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
  const allowed = local ? `addresses on this computer (${tenant.hostname}, the local workbench)` : `https:// addresses on ${tenant.host}`;
  const value = address.trim();
  if (value === '') return refused('No address is given.');
  if (HIDDEN_CHARACTER.test(value)) return refused('The address contains a control or invisible character (such as a tab or a line break): type it again.');
  const scheme = SCHEME.exec(value)?.[1].toLowerCase();
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') return refused(`The address starts "${scheme}:": only ${allowed} can be used.`);
  // `//host` and `\\host` name a host of their own; the URL parser reads them so, and the host is checked below.
  if (scheme === undefined ? !/^[/\\?]/.test(value) : !WEB_START.test(value)) return refused(`${quoted(value)} is not a full address: start it with https://, or with / for a page on ${tenant.host}.`);
  const url = parse(value, tenant.href);
  if (url === null) return refused(`${quoted(value)} is not a web address.`);
  if (url.username !== '' || url.password !== '') return refused(`The address carries a user name or password before "@": only ${allowed} can be used.`);
  const onTenant = local ? LOOPBACK_HOSTS.has(url.hostname) : url.host === tenant.host;
  if (!onTenant) return refused(`The address leads to ${url.host}: only ${allowed} can be used.`);
  if (url.protocol !== 'https:' && !local) return refused(`The address starts "${url.protocol}": only ${allowed} can be used.`);
  return { ok: true, url: url.href };
}

/** Checks a link to an originating report: an absolute `http:` or `https:` address, on any host. */
export function checkReportLink(address: string): LinkCheck {
  const value = address.trim();
  if (value === '') return refused('No address is given.');
  if (HIDDEN_CHARACTER.test(value)) return refused('The link contains a control or invisible character (such as a tab or a line break): type it again.');
  const scheme = SCHEME.exec(value)?.[1].toLowerCase();
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') return refused(`The link starts "${scheme}:": a link to the report must start with https:// or http://.`);
  if (!WEB_START.test(value)) return refused(`${quoted(value)} is not a full address: start it with https://.`);
  const url = parse(value);
  if (url === null || url.hostname === '') return refused(`${quoted(value)} is not a web address.`);
  if (url.username !== '' || url.password !== '') return refused('The link carries a user name or password before "@": give the report\'s address without them.');
  return { ok: true, url: url.href };
}

/** What a field shows under an address: '' when it may be saved, empty included (an optional field). */
function fieldProblem(address: string, check: (address: string) => LinkCheck): string {
  if (address.trim() === '') return '';
  const checked = check(address);
  return checked.ok ? '' : checked.problem;
}

/** The problem with a tracker page address typed into settings, or '' when it may be saved. */
export function trackerPageProblem(address: string, tenantUrl: string): string {
  return fieldProblem(address, (a) => checkTrackerLink(a, tenantUrl));
}

/** The problem with a link to a report typed into a form, or '' when it may be saved. */
export function reportLinkProblem(address: string): string {
  return fieldProblem(address, checkReportLink);
}
