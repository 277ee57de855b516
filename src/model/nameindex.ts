// Component look-up by name for a large map: an open-addressing table in a typed array.
//
// A model build looks up both ends of every link among the components' names. With a Map keyed
// by strings each look-up reads a bucket, an entry, the key's string and the characters it points
// into, each at a random place in memory: at 50,000 lines (52,000 look-ups among 22,000 names)
// the look-ups cost ten times what they cost at 10,000 lines, where all of that stays in the
// processor's cache. Here a name is a range of the map's text (a plain line's name) or a string,
// and a look-up reads one slot (hash, where the name is, its length and its value side by side)
// and the characters of one name.

/** FNV-1a over `s[from, to)`: a range of the text and an equal string hash alike. */
export function hashChars(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

const HASH = 0;
const START = 1; // where the name starts in the text, or -1 - its index in the strings
const LENGTH = 2;
const VALUE = 3; // value + 1; 0: the slot is empty
const SLOT = 4;

/**
 * Names mapped to numbers. A name is added either as a range of `text` (which must already be a
 * normalised name: what `nameKey` returns unchanged) or as a string; the first of equal names
 * keeps its value.
 */
export class NameIndex {
  #text = '';
  #slots = new Int32Array(0);
  #mask = 0;
  #capacity = 0;
  readonly #strings: string[] = [];
  /** The characters of the names added as ranges, one after another (START points here). */
  #chars = new Uint16Array(0);
  #used = 0;
  #count = 0;

  /**
   * Room for `capacity` names (the table is at most three quarters full); `chars`: how many
   * characters the names added as ranges are expected to have in all (the store grows past it).
   */
  constructor(text: string, capacity: number, chars = 0) {
    this.reset(text, capacity, chars);
  }

  /**
   * Empties the index and makes it ready for names of `text`, as the constructor does, but keeps
   * its arrays when they are large enough. A model build uses one index after another: at 50,000
   * lines new arrays are over a megabyte, which the system hands out as fresh pages, and the page
   * faults on them cost more than the look-ups.
   */
  reset(text: string, capacity: number, chars = 0): this {
    let size = 16;
    while (size * 3 < capacity * 4) size *= 2;
    if (this.#slots.length < size * SLOT) this.#slots = new Int32Array(size * SLOT);
    else this.#slots.fill(0, 0, size * SLOT);
    if (this.#chars.length < chars || this.#chars.length === 0) this.#chars = new Uint16Array(Math.max(64, chars));
    this.#text = text;
    this.#mask = size - 1;
    this.#capacity = capacity;
    this.#strings.length = 0;
    this.#used = 0;
    this.#count = 0;
    return this;
  }

  get size(): number { return this.#count; }

  /** The value of `key` (a normalised name), or -1. */
  find(key: string): number {
    const i = this.#slot(hashChars(key, 0, key.length), key, 0, key.length);
    return this.#slots[i * SLOT + VALUE]! - 1;
  }

  /** The value of the name `text[start, end)` (normalised), whose hash is `hash`, or -1. */
  findRange(hash: number, start: number, end: number): number {
    const i = this.#slot(hash, this.#text, start, end);
    return this.#slots[i * SLOT + VALUE]! - 1;
  }

  /**
   * Adds the name `text[start, end)` with `value`, unless an equal name is there: returns -1 when
   * added, else the value of the name already there.
   */
  addRange(start: number, end: number, value: number): number {
    return this.#add(hashChars(this.#text, start, end), this.#text, start, end, value, start);
  }

  /** Adds the name `key` (normalised) with `value`, as `addRange` does. */
  addString(key: string, value: number): number {
    return this.#add(hashChars(key, 0, key.length), key, 0, key.length, value, -1 - this.#strings.length);
  }

  /** The slot holding the name `s[start, end)`, or the empty slot where it would go. */
  #slot(hash: number, s: string, start: number, end: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    const len = end - start;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const o = i * SLOT;
      if (slots[o + VALUE] === 0) return i;
      if (slots[o + HASH] !== hash || slots[o + LENGTH] !== len) continue;
      const at = slots[o + START]!;
      if (at >= 0 ? sameStored(this.#chars, at, s, start, len) : sameChars(this.#strings[-1 - at]!, 0, s, start, len)) return i;
    }
  }

  #add(hash: number, s: string, start: number, end: number, value: number, at: number): number {
    const i = this.#slot(hash, s, start, end);
    const o = i * SLOT;
    const slots = this.#slots;
    if (slots[o + VALUE] !== 0) return slots[o + VALUE]! - 1;
    if (this.#count >= this.#capacity) throw new RangeError('NameIndex: more names than its capacity');
    this.#count++;
    if (at < 0) this.#strings.push(s);
    else {
      // The name's characters next to the others': a look-up compares with them there, a few
      // hundred kilobytes for a large map, instead of at a random place in all of its text.
      const len = end - start;
      if (this.#used + len > this.#chars.length) {
        const grown = new Uint16Array(Math.max(2 * this.#chars.length, this.#used + len));
        grown.set(this.#chars.subarray(0, this.#used));
        this.#chars = grown;
      }
      const chars = this.#chars;
      for (let k = 0; k < len; k++) chars[this.#used + k] = s.charCodeAt(start + k);
      at = this.#used;
      this.#used += len;
    }
    slots[o + HASH] = hash;
    slots[o + START] = at;
    slots[o + LENGTH] = end - start;
    slots[o + VALUE] = value + 1;
    return -1;
  }
}

function sameStored(chars: Uint16Array, at: number, s: string, start: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (chars[at + k] !== s.charCodeAt(start + k)) return false;
  return true;
}

function sameChars(a: string, aStart: number, b: string, bStart: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (a.charCodeAt(aStart + k) !== b.charCodeAt(bStart + k)) return false;
  return true;
}
