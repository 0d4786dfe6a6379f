/**
 * Message templates (`${ref} is due in ${daysToDue} days`) expanded against an item's values, by the
 * Adaptive Cards templating language, as the service sends them and as the rules page previews them.
 */
import { Template } from 'adaptivecards-templating';

/**
 * Parsed message templates by text. Parsing an expression costs about 300 times more than
 * evaluating it, and a sweep expands the same few rule templates thousands of times.
 */
const parsedTexts = new Map<string, Template>();

/** Expands an Adaptive Card template string (`${ref}`) against data. */
export function expandText(template: string, data: object): string {
  let parsed = parsedTexts.get(template);
  if (!parsed) {
    parsed = new Template({ text: template });
    parsedTexts.set(template, parsed);
  }
  const expanded = parsed.expand({ $root: data }) as { text?: unknown };
  return typeof expanded.text === 'string' ? expanded.text : String(expanded.text ?? '');
}
