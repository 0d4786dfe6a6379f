/**
 * A short stable hash (cyrb53: 53 bits, as 14 hex digits), the one both kinds of key use: import
 * keys (a report's title, a recommendation's words) and reminder keys (a recipient's address).
 * Not cryptographic: it keeps long text out of keys that must fit a 255-character SharePoint text
 * column, and gives the same hash for the same text on every run, so keys already stored stay valid.
 */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
