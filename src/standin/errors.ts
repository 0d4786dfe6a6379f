/** SharePoint's error catalogue, as the stand-in reproduces it (see shared/SHAREPOINT-REST.md §0.6). */

/** An error carrying SharePoint's HTTP status, `"<HRESULT>, <.NET type>"` code and message. */
export class SpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message);
    this.name = 'SpError';
  }
}

const ARGUMENT = '-1, System.ArgumentException';
const SP_EXCEPTION = '-2146232832, Microsoft.SharePoint.SPException';
const INVALID_QUERY = '-1, Microsoft.SharePoint.Client.InvalidClientQueryException';

export const errors = {
  accessDenied: (): SpError =>
    new SpError(
      403,
      '-2147024891, System.UnauthorizedAccessException',
      'Access denied. You do not have permission to perform this action or access this resource.'
    ),
  listNotFound: (title: string, webUrl: string): SpError =>
    new SpError(404, ARGUMENT, `List '${title}' does not exist at site with URL '${webUrl}'.`),
  listIdNotFound: (): SpError =>
    new SpError(404, '-1, System.ArgumentException', 'List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user.'),
  listExists: (): SpError =>
    new SpError(
      500,
      '-2130575342, Microsoft.SharePoint.SPException',
      'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.'
    ),
  itemNotFound: (): SpError =>
    new SpError(404, '-2130575338, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.'),
  userNotFound: (): SpError => new SpError(500, SP_EXCEPTION, 'User cannot be found.'),
  ensureUserUnknown: (login: string): SpError => new SpError(400, SP_EXCEPTION, `The specified user ${login} could not be found.`),
  groupNotFound: (): SpError => new SpError(500, SP_EXCEPTION, 'Group cannot be found.'),
  fieldNotFound: (name: string): SpError =>
    new SpError(400, '-2147024809, System.ArgumentException', `Column '${name}' does not exist. It may have been deleted by another user.`),
  fieldExists: (name: string): SpError =>
    new SpError(500, '-2130575340, Microsoft.SharePoint.SPException', `A duplicate field name "${name}" was found.`),
  etagMismatch: (sent: string, current: string): SpError =>
    new SpError(
      412,
      '-1, Microsoft.SharePoint.Client.ClientServiceException',
      `The request ETag value '${sent}' does not match the object's ETag value '${current}'.`
    ),
  throttled: (): SpError =>
    new SpError(
      500,
      '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
      'The attempted operation is prohibited because it exceeds the list view threshold.'
    ),
  noProperty: (name: string, type: string): SpError =>
    new SpError(
      400,
      INVALID_QUERY,
      `The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`
    ),
  readOnlyProperty: (name: string): SpError =>
    new SpError(400, INVALID_QUERY, `The property '${name}' is read-only and cannot be set.`),
  badValue: (name: string, value: unknown): SpError =>
    new SpError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `Invalid value '${String(value)}' for field '${name}'.`),
  selectNeedsExpand: (field: string): SpError =>
    new SpError(
      400,
      '-1, Microsoft.SharePoint.SPException',
      `The query to field '${field}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${field}.`
    ),
  notFilterable: (name: string, type: string): SpError =>
    new SpError(400, '-1, Microsoft.SharePoint.SPException', `The field '${name}' of type '${type}' cannot be used in the query filter expression.`),
  badRequest: (message: string): SpError => new SpError(400, INVALID_QUERY, message),
  notFound: (message = 'The requested resource was not found.'): SpError =>
    new SpError(404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', message),
  fileNotFound: (url: string): SpError =>
    new SpError(404, '-2147024894, System.IO.FileNotFoundException', `File Not Found.\n\nThe file ${url} does not exist.`),
  fileExists: (url: string): SpError =>
    new SpError(400, '-2130575257, Microsoft.SharePoint.SPException', `A file or folder with the name ${url} already exists.`),
  /** A request SharePoint serves that the stand-in does not implement: refused, never half-answered. */
  notSupported: (what: string): SpError => new SpError(501, '-1, System.NotSupportedException', `${what} is not supported by the local stand-in (see docs/standin-coverage.md).`),
  notAllowed: (method: string): SpError =>
    new SpError(405, '-1, Microsoft.SharePoint.Client.ClientServiceException', `The HTTP method '${method}' cannot be used to access this resource.`)
};
