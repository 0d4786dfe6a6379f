/**
 * Reading a report's scope from the words a tracker uses: "Lancashire" (the force was inspected),
 * "Selection of forces not Lancashire", "All forces & All Chief Constables Lancashire not inspected",
 * "A national report", "A force report".
 */
import type { Scope } from '../model';
import { htmlToText } from './html';

/** Reads scope text; null when the text says nothing about scope (for example a report type). */
export function readScope(text: string | undefined, force?: string): Scope | null {
  const t = htmlToText(text ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  if (t === '') return null;
  // Two phrases kept together ("All forces … not inspected / Selection of forces not Lancashire").
  if (t.includes(' / ')) return t.split(' / ').reduce<Scope | null>((acc, part) => moreSpecificScope(acc, readScope(part, force)), null);
  if (/selection of forces/.test(t)) return 'Selection of forces, not this force';
  if (/\ball forces\b/.test(t) && /not inspected|\bnot\b/.test(t)) return 'All forces, this force not inspected';
  if (/\ball forces\b/.test(t)) return 'National';
  if (/\bforce report\b|\ban inspection of the\b/.test(t)) return 'Force inspected';
  if (/\bnational\b/.test(t)) return 'National';
  if (force && t === force.toLowerCase()) return 'Force inspected';
  return null;
}

/** The more specific of two readings: a named selection of forces says more than "all forces". */
export function moreSpecificScope(a: Scope | null, b: Scope | null): Scope | null {
  const rank: Record<Scope, number> = {
    'Not stated': 0,
    National: 1,
    'All forces, this force not inspected': 2,
    'Selection of forces, not this force': 3,
    'Force inspected': 4
  };
  if (a === null) return b;
  if (b === null) return a;
  return rank[b] > rank[a] ? b : a;
}
