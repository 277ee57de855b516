// How names are compared: the way a user reads them, not byte by byte.

const NEEDS_NORMALISING = /^\s|\s$|\s\s|[\t\n\r\f\v\u00a0]/;

/** The key two names share when a user would call them the same: trimmed, inner whitespace collapsed to one space. */
export function nameKey(name: string): string {
  return NEEDS_NORMALISING.test(name) ? name.trim().replace(/\s+/g, ' ') : name;
}
