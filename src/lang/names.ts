// How names are compared: the way a user reads them (and OnlineWardleyMaps takes them), not byte by byte.

/** Control characters (but line breaks and tabs) and direction overrides: OnlineWardleyMaps drops them from names. */
const DROPPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
const HAS_DROPPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const NEEDS_NORMALISING =
  /^\s|\s$|\s\s|[\t\n\r\f\v\u00a0]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** A name without the characters that OnlineWardleyMaps drops from it. */
export function cleanName(name: string): string {
  return HAS_DROPPED.test(name) ? name.replace(DROPPED, '') : name;
}

/**
 * The key two names share when a user would call them the same: cleaned, trimmed, inner whitespace collapsed to one
 * space.
 */
export function nameKey(name: string): string {
  return NEEDS_NORMALISING.test(name) ? cleanName(name).trim().replace(/\s+/g, ' ') : name;
}
