// How names are compared: the way a user reads them, not byte by byte.

/** The key two names share when a user would call them the same: trimmed, inner whitespace collapsed to one space. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}
