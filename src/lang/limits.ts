// The one size limit every way in shares: the editor (open, drop, paste, typing, Compare, share
// links) and the command line all count the map in UTF-8 bytes, and refuse it with the same words.

/** The largest map accepted, in UTF-8 bytes: 5 MB (a map of 5 MB or more is refused). */
export const MAX_MAP_BYTES = 5 * 1024 * 1024;

/** The size of `text` in UTF-8 bytes (what a file of it holds), counted without encoding it. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Whether `text` is within the limit. A UTF-16 unit is at most 3 UTF-8 bytes, so a text of fewer
 * than a third of the limit in units is within it without counting (typing in a map of normal
 * size costs nothing).
 */
export function withinLimit(text: string): boolean {
  return text.length * 3 < MAX_MAP_BYTES || utf8Length(text) < MAX_MAP_BYTES;
}

/** What is said when a map is refused: `what` is its name, or "The map" (`verb`: "would be" for an edit). */
export function tooLargeMessage(what: string, bytes: number | null, verb = 'is'): string {
  const size = bytes === null ? 'at least 5 MB' : `${(bytes / 1048576).toFixed(1)} MB`;
  return `${what} ${verb} ${size}; maps of 5 MB or more are refused.`;
}
