/**
 * Filling `{0}`-style placeholders: a module of its own, so that the calendar (dates.ts), which
 * messages.ts writes dates with, can fill its own problems' words too.
 */

/** `{0}`-style placeholders filled in order; a placeholder without a value stays as it is. */
export function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d)\}/g, (m, i: string) => {
    const value = values[Number(i)];
    return value === undefined ? m : String(value);
  });
}
