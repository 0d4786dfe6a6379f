/**
 * Typed errors of the data layer. Every failure that reaches the UI, an import or the reminder
 * service is one of these, with a message a person can act on; the server's own text is kept in
 * `serverMessage` for diagnosis.
 *
 * Each error's words are a code and the values it names ({@link DataProblem}): `message` is the
 * data layer's English, for the service, the command line and their logs; the screens word the
 * same problem from their web part's `loc` (src/components/common/errorText.ts), so a Welsh locale
 * is a translation.
 */
import { englishWords, messageText } from '../core/messages';
import type { Message, MessageWords } from '../core/messages';
import { RAG_POLICY_PROBLEM_ENGLISH } from '../core/status';
import { valueProblemText } from '../core/storedValues';
import type { ItemProblem } from '../schema/mapping';

/** What the data layer was doing when it failed, by code: a message's "while …" part. */
export const OPERATION_ENGLISH = {
  readCurrentUser: 'reading the current user',
  readPermissions: 'reading your permissions',
  readOwners: "reading the site's owners",
  readMembers: "reading the site's members",
  findUser: "finding the user '{0}'",
  readUser: 'reading user {0}',
  readSiteUsers: 'reading site users',
  readSetting: "reading setting '{0}'",
  saveSetting: "saving setting '{0}'",
  saveFile: "saving '{0}' to '{1}'",
  listFiles: "listing '{0}'",
  readFile: "reading '{0}'",
  provisionList: "provisioning the list '{0}'",
  provisionColumns: "provisioning the columns of '{0}'",
  readSubscription: 'reading the subscription',
  listSubscriptions: 'listing subscriptions',
  keepSubscription: "keeping the '{0}' webhook subscription for {1}",
  removeSubscription: "removing the '{0}' webhook subscription {1}",
  readItem: "reading item {0} of '{1}'",
  loadList: "loading '{0}'",
  loadListWhere: "loading '{0}' where {1}",
  addItem: "adding to '{0}'",
  saveItems: "saving items of '{0}'",
  saveItem: "saving item {0} of '{1}'",
  deleteItem: "deleting item {0} of '{1}'",
  readHistory: "reading the history of item {0} of '{1}'",
  readChangeToken: "reading the change token of '{0}'",
  readChanges: "reading changes to '{0}'"
} as const;
export type OperationCode = keyof typeof OPERATION_ENGLISH;
/** What was being done. */
export type Operation = Message<OperationCode>;

/**
 * The data layer's problems, by code. In those that name what was being done, `{0}` is the
 * operation ({@link OPERATION_ENGLISH}) and the problem's own values follow; `batch` ends with the
 * first failed write's problem, `itemIncomplete` with what the item needs ({@link dataProblemText}).
 */
export const DATA_PROBLEM_ENGLISH = {
  throttled: 'SharePoint is busy and asked us to slow down (HTTP {1}) while {0}; it was retried and still refused. Nothing was changed by the refused request: try again in a minute.',
  threshold:
    'The list is too large for this query while {0}: SharePoint refuses queries that filter or sort on a column that is not indexed, or that match more than 5,000 items. Filter on an indexed column (report, owner, status, traffic light, due date, directorate) first.',
  accessDenied: 'You do not have permission for this: {0} was refused. Ask the site owner for edit access.',
  notFound: 'Not found while {0}: {1}.',
  notFoundNoDetail: 'Not found while {0}: the list or item does not exist.',
  badRequest: 'SharePoint refused the request while {0}: {1}.',
  badRequestNoDetail: 'SharePoint refused the request while {0}: bad request.',
  server: 'SharePoint failed while {0} (HTTP {1}): {2}.',
  serverNoDetail: 'SharePoint failed while {0} (HTTP {1}): no details.',
  network: 'Could not reach SharePoint while {0}: {1}',
  itemChanged: "Item {0} in '{1}' was changed by someone else after you opened it. Your changes were not saved; compare them with the current version and save again.",
  itemDeleted: "Item {0} in '{1}' was deleted by someone else after you opened it. Your changes were not saved.",
  settingChanged: "The setting '{0}' was changed by someone else after you opened it (it is now '{1}'). Your change was not saved.",
  settingChangedUnset: "The setting '{0}' was changed by someone else after you opened it (it is now not set). Your change was not saved.",
  batch: "{0} of {1} changes to '{2}' were not saved; the others were. The first not saved (number {3}): {4}",
  itemIncomplete: "'{1}' holds an item the tracker cannot read while {0}: item {2} needs completing ({3}).",
  unknownAddress: "No one in your organisation's directory has the address {0}.",
  ragPolicy: RAG_POLICY_PROBLEM_ENGLISH,
  duplicateSetting: "'{0}' holds the key '{1}' more than once; remove the duplicate.",
  settingWithoutEtag: "'{0}' returned the setting '{1}' without an ETag; it cannot be changed safely.",
  itemWithoutId: "'{0}' returned an item without an Id; it cannot be edited safely.",
  itemWithoutEtag: "'{0}' returned an item without an ETag; it cannot be edited safely.",
  noFormsFolder: "'{0}' did not say where its forms are.",
  noNewId: "'{0}' did not return the new item's Id.",
  noChangeToken: "'{0}' did not return a change token.",
  paperUndated: "'{0}' holds a file without a paper date or kind: {1}.",
  newerSchema: "This site was provisioned with schema version {0}, newer than this tracker's version {1}. Update the tracker before provisioning this site.",
  schemaVersionNotNumber: "Tracker Settings holds '{0}' as the schema version, which is not a number. Correct it to the version last provisioned.",
  listNotLibrary: "A list called '{0}' already exists on the site but is not a document library. Rename it, then provision again.",
  listNotCustom: "A list called '{0}' already exists on the site but is not a custom list. Rename it, then provision again.",
  columnWrongType: "Column {0} of '{1}' is of type {2} but the tracker needs {3}. Remove or rename that column, then provision again.",
  lookupNotProvisioned: "Column {0} of '{1}' looks up '{2}', which was not provisioned.",
  columnRenamed: "SharePoint named the new column {0} instead of {1} in '{2}'."
} as const;
export type DataProblemCode = keyof typeof DATA_PROBLEM_ENGLISH;

/**
 * A problem of the data layer: its code and values, what was being done when it names it, and what
 * it ends with: a batch's first failed write, or what an item needs to be read.
 */
export interface DataProblem extends Message<DataProblemCode> {
  readonly operation?: Operation;
  readonly inner?: DataError;
  readonly needs?: readonly ItemProblem[];
}

/** The words that write the data layer's problems: a template per code, one per operation, and what an item needs. */
export interface DataWords extends MessageWords<DataProblemCode> {
  operations: Readonly<Record<OperationCode, string>>;
  needs: (problems: readonly ItemProblem[]) => string;
}

/** What kind of failure a problem is, for code that branches on it. */
export type DataErrorKind = 'conflict' | 'throttled' | 'threshold' | 'access-denied' | 'not-found' | 'bad-request' | 'server' | 'network' | 'bad-data' | 'batch';

/** Any failure talking to SharePoint. */
export class DataError extends Error {
  constructor(
    /** The problem by code, for each reader's words; `message` is it in the data layer's English. */
    readonly problem: DataProblem,
    readonly kind: DataErrorKind,
    /** HTTP status, when the server answered. */
    readonly status?: number,
    /** SharePoint's own message (the `odata.error` value), when it sent one. */
    readonly serverMessage?: string,
    /** SharePoint's error code, e.g. `-2147024860, Microsoft.SharePoint.SPQueryThrottledException`. */
    readonly serverCode?: string
  ) {
    super();
    this.name = 'DataError';
    this.message = dataProblemText(this, ENGLISH);
  }
}

/** The data layer's English words. */
const ENGLISH: DataWords = {
  ...englishWords(DATA_PROBLEM_ENGLISH),
  operations: OPERATION_ENGLISH,
  needs: problemsText
};

/** "Kind is empty but required; Source 'HMIC' is not one of …": an incomplete item's problems in one line, in English. */
export function problemsText(problems: readonly ItemProblem[]): string {
  return problems.map((p) => `${p.field} ${valueProblemText(p.problem)}`).join('; ');
}

/**
 * A data error in the given words: the operation first (`{0}`), then the problem's values; then the
 * problem it ends with, in the same words.
 */
export function dataProblemText(error: DataError, words: DataWords): string {
  const { operation, code, args, inner, needs } = error.problem;
  const lead = operation === undefined ? [] : [messageText(operation, { ...words, templates: words.operations })];
  const tail = inner !== undefined ? [dataProblemText(inner, words)] : needs !== undefined ? [words.needs(needs)] : [];
  return messageText({ code, args: [...lead, ...args, ...tail] }, words);
}

/** A stored item, with the ETag that identifies the version that was read. */
export interface Stored<T> {
  readonly id: number;
  /** The item's ETag as the server gave it; send it back to update only this version. */
  readonly etag: string;
  readonly value: T;
}

/**
 * Someone else changed the item since it was read: the update was refused (HTTP 412) and nothing
 * was overwritten. Carries what the user tried to save and what the server holds now, so that the
 * UI can show both and let the user merge.
 */
export class ConflictError<T> extends DataError {
  constructor(
    readonly listTitle: string,
    /** The version the user started from. */
    readonly base: Stored<T>,
    /** What the user tried to save; null when they tried to delete the item. */
    readonly attempted: T | null,
    /** The server's current version; null when the item was deleted meanwhile. */
    readonly current: Stored<T> | null,
    serverMessage?: string
  ) {
    super({ code: current ? 'itemChanged' : 'itemDeleted', args: [base.id, listTitle] }, 'conflict', 412, serverMessage);
    this.name = 'ConflictError';
  }
}

/** SharePoint kept refusing with 429 / 503 after PnPjs's retries. */
export class ThrottledError extends DataError {
  constructor(status: number | undefined, operation: Operation, serverMessage?: string) {
    super({ code: 'throttled', args: [status ?? 429], operation }, 'throttled', status, serverMessage);
    this.name = 'ThrottledError';
  }
}

/** The query needed to scan more than the list view threshold (5,000 items). */
export class ThresholdError extends DataError {
  constructor(operation: Operation, serverMessage?: string, serverCode?: string) {
    super({ code: 'threshold', args: [], operation }, 'threshold', 500, serverMessage, serverCode);
    this.name = 'ThresholdError';
  }
}

/** The current user may not do this. */
export class AccessDeniedError extends DataError {
  constructor(operation: Operation, status: number, serverMessage?: string) {
    super({ code: 'accessDenied', args: [], operation }, 'access-denied', status, serverMessage);
    this.name = 'AccessDeniedError';
  }
}

/** One write of a batch failed; the others were applied. */
export interface BatchFailure<I> {
  /** Position of the failed input in the caller's array. */
  readonly index: number;
  readonly input: I;
  readonly error: DataError;
}

/** Some writes of a batch failed: says which, and keeps the results of those that succeeded. */
export class BatchWriteError<I, R> extends DataError {
  constructor(
    readonly listTitle: string,
    readonly failures: readonly BatchFailure<I>[],
    /** Results by input position; undefined where the write failed. */
    readonly results: readonly (R | undefined)[]
  ) {
    super({ code: 'batch', args: [failures.length, results.length, listTitle, (failures[0]?.index ?? 0) + 1], ...(failures[0] ? { inner: failures[0].error } : {}) }, 'batch');
    this.name = 'BatchWriteError';
  }
}

interface HttpErrorLike {
  isHttpRequestError: true;
  status: number;
  message: string;
}

/**
 * PnPjs throws `HttpRequestError`. It is recognised by shape, not by class. Only one copy of
 * @pnp/queryable is installed (package.json `overrides` give @pnp/nodejs the app's 4.21), but
 * PnPjs ships only ES modules and a loader can still instantiate the module twice (under tsx,
 * `import()` and `require` of @pnp/queryable give two classes); `instanceof` would then report
 * every HTTP failure as a network one.
 */
function isHttpError(e: unknown): e is HttpErrorLike {
  return typeof e === 'object' && e !== null && (e as { isHttpRequestError?: unknown }).isHttpRequestError === true && typeof (e as { status?: unknown }).status === 'number';
}

/** The `odata.error` (or verbose `error`) code and message inside a PnPjs error message. */
export function serverError(message: string): { code?: string; message?: string } {
  const at = message.indexOf('::> ');
  const body = at >= 0 ? message.slice(at + 4) : message;
  try {
    const json = JSON.parse(body) as Record<string, { code?: string; message?: { value?: string } } | undefined>;
    const err = json['odata.error'] ?? json.error;
    return err ? { code: err.code, message: err.message?.value } : {};
  } catch {
    return body.trim() ? { message: body.trim() } : {};
  }
}

/**
 * Turns whatever PnPjs or fetch threw into a typed DataError. `operation` says what was being done
 * ("loading 'Recommendations'").
 */
export function toDataError(e: unknown, operation: Operation): DataError {
  if (e instanceof DataError) return e;
  if (isHttpError(e)) {
    const server = serverError(e.message);
    const detail = server.message?.replace(/\.+$/, '');
    const status = e.status;
    if (status === 429 || status === 503 || status === 504 || /Retry count exceeded/.test(e.message)) return new ThrottledError(status, operation, server.message);
    if (server.code?.includes('SPQueryThrottledException')) return new ThresholdError(operation, server.message, server.code);
    if (status === 401 || status === 403 || server.code?.includes('UnauthorizedAccessException')) return new AccessDeniedError(operation, status, server.message);
    const problem = (withDetail: DataProblemCode, without: DataProblemCode, ...args: number[]): DataProblem =>
      detail === undefined ? { code: without, args, operation } : { code: withDetail, args: [...args, detail], operation };
    if (status === 404) return new DataError(problem('notFound', 'notFoundNoDetail'), 'not-found', status, server.message, server.code);
    if (status === 400) return new DataError(problem('badRequest', 'badRequestNoDetail'), 'bad-request', status, server.message, server.code);
    return new DataError(problem('server', 'serverNoDetail', status), 'server', status, server.message, server.code);
  }
  return new DataError({ code: 'network', args: [e instanceof Error ? e.message : String(e)], operation }, 'network');
}
