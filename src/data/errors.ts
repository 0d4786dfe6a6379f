/**
 * Typed errors of the data layer. Every failure that reaches the UI, an import or the reminder
 * service is one of these, with a message a person can act on; the server's own text is kept in
 * `serverMessage` for diagnosis.
 */

/** What went wrong, for code that branches on it. */
export type DataErrorKind = 'conflict' | 'throttled' | 'threshold' | 'access-denied' | 'not-found' | 'bad-request' | 'server' | 'network' | 'bad-data' | 'batch';

/** Any failure talking to SharePoint. */
export class DataError extends Error {
  constructor(
    message: string,
    readonly kind: DataErrorKind,
    /** HTTP status, when the server answered. */
    readonly status?: number,
    /** SharePoint's own message (the `odata.error` value), when it sent one. */
    readonly serverMessage?: string,
    /** SharePoint's error code, e.g. `-2147024860, Microsoft.SharePoint.SPQueryThrottledException`. */
    readonly serverCode?: string
  ) {
    super(message);
    this.name = 'DataError';
  }
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
    super(
      current
        ? `Item ${base.id} in '${listTitle}' was changed by someone else after you opened it. Your changes were not saved; compare them with the current version and save again.`
        : `Item ${base.id} in '${listTitle}' was deleted by someone else after you opened it. Your changes were not saved.`,
      'conflict',
      412,
      serverMessage
    );
    this.name = 'ConflictError';
  }
}

/** SharePoint kept refusing with 429 / 503 after PnPjs's retries. */
export class ThrottledError extends DataError {
  constructor(status: number | undefined, what: string, serverMessage?: string) {
    super(`SharePoint is busy and asked us to slow down (HTTP ${status ?? '429'}) while ${what}; it was retried and still refused. Nothing was changed by the refused request: try again in a minute.`, 'throttled', status, serverMessage);
    this.name = 'ThrottledError';
  }
}

/** The query needed to scan more than the list view threshold (5,000 items). */
export class ThresholdError extends DataError {
  constructor(what: string, serverMessage?: string, serverCode?: string) {
    super(
      `The list is too large for this query while ${what}: SharePoint refuses queries that filter or sort on a column that is not indexed, or that match more than 5,000 items. Filter on an indexed column (report, owner, status, traffic light, due date, directorate) first.`,
      'threshold',
      500,
      serverMessage,
      serverCode
    );
    this.name = 'ThresholdError';
  }
}

/** The current user may not do this. */
export class AccessDeniedError extends DataError {
  constructor(what: string, status: number, serverMessage?: string) {
    super(`You do not have permission for this: ${what} was refused. Ask the site owner for edit access.`, 'access-denied', status, serverMessage);
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
    super(
      `${failures.length} of ${results.length} changes to '${listTitle}' were not saved; the others were. The first not saved (number ${(failures[0]?.index ?? 0) + 1}): ${failures[0]?.error.message ?? ''}`,
      'batch'
    );
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
 * Turns whatever PnPjs or fetch threw into a typed DataError. `what` says what was being done,
 * in words for the message ("loading recommendations").
 */
export function toDataError(e: unknown, what: string): DataError {
  if (e instanceof DataError) return e;
  if (isHttpError(e)) {
    const server = serverError(e.message);
    const detail = server.message?.replace(/\.+$/, '');
    const status = e.status;
    if (status === 429 || status === 503 || status === 504 || /Retry count exceeded/.test(e.message)) return new ThrottledError(status, what, server.message);
    if (server.code?.includes('SPQueryThrottledException')) return new ThresholdError(what, server.message, server.code);
    if (status === 401 || status === 403 || server.code?.includes('UnauthorizedAccessException')) return new AccessDeniedError(what, status, server.message);
    if (status === 404) return new DataError(`Not found while ${what}: ${detail ?? 'the list or item does not exist'}.`, 'not-found', status, server.message, server.code);
    if (status === 400) return new DataError(`SharePoint refused the request while ${what}: ${detail ?? 'bad request'}.`, 'bad-request', status, server.message, server.code);
    return new DataError(`SharePoint failed while ${what} (HTTP ${status}): ${detail ?? 'no details'}.`, 'server', status, server.message, server.code);
  }
  const text = e instanceof Error ? e.message : String(e);
  return new DataError(`Could not reach SharePoint while ${what}: ${text}`, 'network');
}
