// Component look-up by name for a large map: an open-addressing table in typed arrays.
//
// A model build looks up both ends of every link among the components' names. With a Map keyed
// by strings each look-up reads a bucket, an entry, the key's string and the characters it points
// into, each at a random place in memory: at 50,000 lines (52,000 look-ups among 22,000 names)
// the look-ups cost ten times what they cost at 10,000 lines, where all of that stays in the
// processor's cache. Here a name is a range of the map's text (a plain line's name) or a string,
// and a look-up reads one slot, one entry of four numbers, and the characters of one name.

/** FNV-1a over `s[from, to)`: a range of the text and an equal string hash alike. */
export function hashChars(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

const FIELDS = 4; // per entry: hash, start (or -1 - the string's index), end, value

/**
 * Names mapped to numbers. A name is added either as a range of `text` (which must already be a
 * normalised name: what `nameKey` returns unchanged) or as a string; the first of equal names
 * keeps its value.
 */
export class NameIndex {
  readonly #text: string;
  readonly #slots: Int32Array; // entry + 1; 0: empty
  readonly #mask: number;
  readonly #entries: Int32Array;
  readonly #strings: string[] = [];
  #count = 0;

  /** Room for `capacity` names. */
  constructor(text: string, capacity: number) {
    this.#text = text;
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.#slots = new Int32Array(size);
    this.#mask = size - 1;
    this.#entries = new Int32Array(Math.max(1, capacity) * FIELDS);
  }

  get size(): number { return this.#count; }

  /** The value of `key` (a normalised name), or -1. */
  find(key: string): number {
    const hash = hashChars(key, 0, key.length);
    const slots = this.#slots;
    const entries = this.#entries;
    const mask = this.#mask;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const e = (slots[i]! - 1) * FIELDS;
      if (e < 0) return -1;
      if (entries[e] !== hash) continue;
      const start = entries[e + 1]!;
      const same = start >= 0
        ? entries[e + 2]! - start === key.length && this.#text.startsWith(key, start)
        : this.#strings[-1 - start] === key;
      if (same) return entries[e + 3]!;
    }
  }

  /** The value of the name `text[start, end)` (normalised), whose hash is `hash`, or -1. */
  findRange(hash: number, start: number, end: number): number {
    const text = this.#text;
    const slots = this.#slots;
    const entries = this.#entries;
    const mask = this.#mask;
    const len = end - start;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const e = (slots[i]! - 1) * FIELDS;
      if (e < 0) return -1;
      if (entries[e] !== hash) continue;
      const s = entries[e + 1]!;
      let same: boolean;
      if (s >= 0) {
        same = entries[e + 2]! - s === len;
        for (let k = 0; same && k < len; k++) same = text.charCodeAt(s + k) === text.charCodeAt(start + k);
      } else {
        const other = this.#strings[-1 - s]!;
        same = other.length === len && text.startsWith(other, start);
      }
      if (same) return entries[e + 3]!;
    }
  }

  /**
   * Adds the name `text[start, end)` with `value`, unless an equal name is there: returns -1 when
   * added, else the value of the name already there.
   */
  addRange(start: number, end: number, value: number): number {
    return this.#add(hashChars(this.#text, start, end), start, end, '', value);
  }

  /** Adds the name `key` (normalised) with `value`, as `addRange` does. */
  addString(key: string, value: number): number {
    return this.#add(hashChars(key, 0, key.length), -1, -1, key, value);
  }

  #add(hash: number, start: number, end: number, key: string, value: number): number {
    const text = this.#text;
    const slots = this.#slots;
    const entries = this.#entries;
    const mask = this.#mask;
    let i = hash & mask;
    for (; ; i = (i + 1) & mask) {
      const e = (slots[i]! - 1) * FIELDS;
      if (e < 0) break;
      if (entries[e] !== hash) continue;
      const s = entries[e + 1]!;
      let same: boolean;
      if (s >= 0 && start >= 0) {
        const len = end - start;
        same = entries[e + 2]! - s === len;
        for (let k = 0; same && k < len; k++) same = text.charCodeAt(s + k) === text.charCodeAt(start + k);
      } else if (s >= 0) same = entries[e + 2]! - s === key.length && text.startsWith(key, s);
      else {
        const other = this.#strings[-1 - s]!;
        same = start >= 0 ? other.length === end - start && text.startsWith(other, start) : other === key;
      }
      if (same) return entries[e + 3]!;
    }
    if (this.#count * FIELDS >= entries.length) throw new RangeError('NameIndex: more names than its capacity');
    const e = this.#count++ * FIELDS;
    entries[e] = hash;
    if (start >= 0) { entries[e + 1] = start; entries[e + 2] = end; }
    else { this.#strings.push(key); entries[e + 1] = -this.#strings.length; entries[e + 2] = 0; }
    entries[e + 3] = value;
    slots[i] = this.#count;
    return -1;
  }
}
