/**
 * Text from outside the service (a request body, an item's values) made safe for one log line.
 */
import type { ReminderLogger } from './engine';

/** Control characters (C0, DEL, C1), the Unicode line and paragraph separators and the bidi controls. */
const UNSAFE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

const NAMED: { [c: string]: string } = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Writes each unsafe character as an escape (`\n`, `\u001b`…), so no text can start a forged log
 * line, repaint a terminal with ANSI sequences or reorder what a reader sees; with `max`, text
 * longer than that is cut (never inside a surrogate pair), saying how much was left out.
 */
export function forLog(text: string, max = Infinity): string {
  let kept = text;
  let dropped = '';
  if (text.length > max) {
    kept = text.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
    dropped = `… (${text.length - kept.length} more characters)`;
  }
  return kept.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + dropped;
}

/** The logger with every message escaped: one message is one line, whatever it quotes. */
export function escapingLogger(logger: ReminderLogger): ReminderLogger {
  return { info: (m) => logger.info(forLog(m)), warn: (m) => logger.warn(forLog(m)), error: (m) => logger.error(forLog(m)) };
}
