/**
 * OData `$filter` building. Every value that came from a user or a file goes through these, so
 * that a quote in a name ("O'Brien") is doubled and cannot change the query.
 */

/** A string literal: quoted, with single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A number literal; refuses NaN and infinities, which OData cannot express. */
export function odataNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a number OData can compare: ${value}`);
  return String(value);
}

/** A date-time literal in SharePoint's typed form. */
export function odataDateTime(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date and time: '${instant}'`);
  return `datetime'${d.toISOString().replace('.000Z', 'Z')}'`;
}

/** `field eq 'value'` with the value escaped. */
export function eqText(field: string, value: string): string {
  return `${field} eq ${odataString(value)}`;
}

/** `(field eq 'a' or field eq 'b')` with every value escaped. */
export function inText(field: string, values: readonly string[]): string {
  if (values.length === 0) throw new RangeError(`No values to filter ${field} on.`);
  return values.length === 1 ? eqText(field, values[0]) : `(${values.map((v) => eqText(field, v)).join(' or ')})`;
}

/** Joins clauses with `and`, the first (indexed, most selective) clause first. */
export function and(...clauses: readonly (string | undefined)[]): string | undefined {
  const present = clauses.filter((c): c is string => c !== undefined && c !== '');
  return present.length === 0 ? undefined : present.join(' and ');
}
