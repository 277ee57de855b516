// A fast path for the two line shapes that make up most of a large map: a plain
// `component Name [v, m]` (with label, inertia and decorators) and a plain link `A->B`.
// It builds exactly the node the grammar would build (a property test compares the two on
// every corpus line and on generated lines) and returns null for anything else, which then
// goes to the grammar. The grammar stays the definition of the language; this only makes the
// common case cheap, so that a 10,000-line map parses within a frame budget.
import { parse as grammarParse } from './generated/wardley-parser.js';
import type { EvolveStatement, KeywordNode, LineDiagnostic, LineResult, LinkStatement, Modifier, NoteStatement, NumberNode, Statement } from './syntax.js';

const KEYWORD_START = /^(?:title|anchor|component|submap|evolve|pipeline|note|annotations?|style|size|evolution|valuechain|pioneers|settlers|townplanners|accelerator|deaccelerator|url|market|ecosystem|build|buy|outsource|y-axis|wardley-beta)(?![A-Za-z0-9_-])/;

// Keyword nodes are the same for every line with the same indentation: share them (nodes are immutable).
const keywordNodes = new Map<string, KeywordNode>();
function keywordNode(text: string, start: number): KeywordNode {
  const k = `${start}:${text}`;
  let node = keywordNodes.get(k);
  if (!node) { node = Object.freeze({ text, start, end: start + text.length }); keywordNodes.set(k, node); }
  return node;
}

function num(raw: string, start: number): NumberNode {
  return { value: Number(raw) + 0, raw, start, end: start + raw.length }; // + 0: -0 reads as 0
}

// The lines are read by hand rather than by regular expression: a large map is mostly these
// lines, and a scanner over character codes allocates only the strings it returns.

/** Characters a plain name is made of: letters, digits, space and `_&/.,:!?#%@$*=`. */
const NAME_CHAR = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_&/.,:!?#%@$*= ') NAME_CHAR[ch.charCodeAt(0)] = 1;
const SPACE = 32;
const TAB = 9;
const isNameChar = (c: number): boolean => c < 128 && NAME_CHAR[c] === 1;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** End of the `[ \t]*` run from `i`. */
function skipBlank(code: string, i: number): number {
  let c = code.charCodeAt(i);
  while (c === SPACE || c === TAB) c = code.charCodeAt(++i);
  return i;
}

/**
 * The value of the last number `scanNumber` read. A typed array, not a variable: a double written
 * to a module variable is boxed, one heap number per number read (two per component line).
 */
const scanned = new Float64Array(1);

/**
 * Reads `-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)` at `i`: returns its end (and sets `scanned[0]`), or -1.
 * Up to 15 digits the value is computed exactly as `Number` would (an integer divided by a power
 * of ten, both exact, is correctly rounded); longer numbers go through `Number`.
 */
function scanNumber(code: string, i: number): number {
  const start = i;
  let neg = false;
  if (code.charCodeAt(i) === 45 /* - */) { neg = true; i++; }
  let mant = 0;
  let digits = 0;
  let frac = 0;
  let c = code.charCodeAt(i);
  while (isDigit(c)) { mant = mant * 10 + (c - 48); digits++; c = code.charCodeAt(++i); }
  const intDigits = digits;
  if (c === 46 /* . */) {
    c = code.charCodeAt(++i);
    while (isDigit(c)) { mant = mant * 10 + (c - 48); digits++; frac++; c = code.charCodeAt(++i); }
    if (intDigits === 0 && frac === 0) return -1;
  } else if (intDigits === 0) return -1;
  if (digits <= 15) scanned[0] = (neg ? -mant : mant) / POW10[frac]! + 0; // + 0: -0 reads as 0
  else scanned[0] = Number(code.slice(start, i)) + 0;
  return i;
}
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** Where the parts of a plain element line are, as `scanElement` found them. */
interface ElementScan { keyword: string; start: number; nameStart: number; nameEnd: number; vEnd: number; atEnd: number; tailEnd: number; v: number; m: number }
const elementScan: ElementScan = { keyword: '', start: 0, nameStart: 0, nameEnd: 0, vEnd: 0, atEnd: 0, tailEnd: 0, v: 0, m: 0 };

/**
 * `component|anchor Name [v, m] modifiers` with a plain name (the modifiers being any of
 * ` label [x, y]`, ` inertia`, ` (words)`), then blanks to the end. Fills `elementScan` and
 * returns true, or false when the line has another shape. Allocates nothing.
 */
function scanElement(code: string): boolean {
  const start = skipBlank(code, 0);
  let keyword: string;
  if (code.startsWith('component ', start)) keyword = 'component';
  else if (code.startsWith('anchor ', start)) keyword = 'anchor';
  else return false;
  const nameStart = start + keyword.length + 1;
  let i = nameStart;
  let c = code.charCodeAt(i);
  if (c === SPACE || !isNameChar(c)) return false;
  while (isNameChar(c)) c = code.charCodeAt(++i);
  // A name cannot hold '[': the coordinates start at the first one, after a space.
  if (c !== 91 /* [ */ || code.charCodeAt(i - 1) !== SPACE) return false;
  const nameEnd = i - 1;
  const lastName = code.charCodeAt(nameEnd - 1);
  if (lastName === SPACE || lastName === 44 /* , */) return false;
  i = scanNumber(code, i + 1);
  if (i < 0) return false;
  const v = scanned[0]!;
  const vEnd = i;
  if (code.charCodeAt(i) !== 44 || code.charCodeAt(i + 1) !== SPACE) return false;
  i = scanNumber(code, i + 2);
  if (i < 0 || code.charCodeAt(i) !== 93 /* ] */) return false;
  const m = scanned[0]!;
  const atEnd = i + 1;
  // Modifiers, each starting with a space.
  i = atEnd;
  let tailEnd = atEnd;
  for (;;) {
    if (code.charCodeAt(i) !== SPACE) break;
    if (code.startsWith('inertia', i + 1)) { i += 8; tailEnd = i; continue; }
    if (code.startsWith('label [', i + 1)) {
      let j = scanNumber(code, i + 8);
      if (j < 0 || code.charCodeAt(j) !== 44 || code.charCodeAt(j + 1) !== SPACE) break;
      j = scanNumber(code, j + 2);
      if (j < 0 || code.charCodeAt(j) !== 93) break;
      i = j + 1; tailEnd = i; continue;
    }
    if (code.charCodeAt(i + 1) === 40 /* ( */) {
      // Words of a-z, each one space apart at most, separated by ',' or ', ': the shape the
      // grammar reads as these words; anything else (an empty word, a stray space) goes to it.
      let j = i + 2;
      let prev = 40;
      let d = code.charCodeAt(j);
      for (;; d = code.charCodeAt(++j)) {
        const letter = d >= 97 && d <= 122;
        if (letter) { prev = d; continue; }
        const prevLetter = prev >= 97 && prev <= 122;
        if (d === 44 /* , */ && prevLetter) { prev = d; continue; }
        if (d === SPACE && (prevLetter || prev === 44)) { prev = d; continue; }
        break;
      }
      if (d !== 41 /* ) */ || !(prev >= 97 && prev <= 122)) return false;
      i = j + 1; tailEnd = i; continue;
    }
    break;
  }
  if (skipBlank(code, tailEnd) !== code.length) return false;
  if (hasSpecialWord(code, nameStart, nameEnd)) return false;
  const e = elementScan;
  e.keyword = keyword; e.start = start; e.nameStart = nameStart; e.nameEnd = nameEnd; e.vEnd = vEnd; e.atEnd = atEnd; e.tailEnd = tailEnd; e.v = v; e.m = m;
  return true;
}

/** The words after which the grammar reads something else than a name. */
const MODIFIER_WORDS: readonly string[] = ['label', 'inertia', 'url', 'evolve'];

/**
 * Whether `code[from, to)` holds one of the words after which the grammar reads something else
 * than a name (`label`, `inertia`, `url`, `evolve`), as a whole word between spaces.
 */
function hasSpecialWord(code: string, from: number, to: number): boolean {
  let w = from;
  while (w < to) {
    let e = code.indexOf(' ', w);
    if (e < 0 || e > to) e = to;
    for (let k = 0; k < MODIFIER_WORDS.length; k++) {
      const word = MODIFIER_WORDS[k]!;
      if (word.length === e - w && code.startsWith(word, w)) return true;
    }
    w = e + 1;
  }
  return false;
}

/** Where the parts of a plain link line are, as `scanLink` found them. */
const linkScan = { start: 0, fromEnd: 0, arrow: '', toStart: 0, toEnd: 0 };

/** `A->B` (or a flow without a label: `+>`, `+<`, `+<>`) between plain names. Fills `linkScan` and returns true, or false. */
function scanLink(code: string): boolean {
  const start = skipBlank(code, 0);
  let i = start;
  let c = code.charCodeAt(i);
  if (c === SPACE || !isNameChar(c)) return false;
  while (isNameChar(c)) c = code.charCodeAt(++i);
  const fromEnd = i;
  if (code.charCodeAt(fromEnd - 1) === SPACE) return false;
  let arrow: string;
  if (c === 45 /* - */) { if (code.charCodeAt(i + 1) !== 62) return false; arrow = '->'; }
  else if (c === 43 /* + */) {
    const d = code.charCodeAt(i + 1);
    if (d === 62) arrow = '+>';
    else if (d === 60) arrow = code.charCodeAt(i + 2) === 62 ? '+<>' : '+<';
    else return false;
  } else return false;
  const toStart = i + arrow.length;
  i = toStart;
  c = code.charCodeAt(i);
  if (c === SPACE || !isNameChar(c)) return false;
  let toEnd = i;
  while (isNameChar(c)) { if (c !== SPACE) toEnd = i + 1; c = code.charCodeAt(++i); }
  // After the name only blanks, and the trailing spaces of the name are blanks too.
  if (skipBlank(code, toEnd) !== code.length) return false;
  // Only a name starting with a lowercase letter can be a keyword (most names are capitalised).
  const first = code.charCodeAt(start);
  if (first >= 97 && first <= 122 && KEYWORD_START.test(code.slice(start, fromEnd))) return false;
  const l = linkScan;
  l.start = start; l.fromEnd = fromEnd; l.arrow = arrow; l.toStart = toStart; l.toEnd = toEnd;
  return true;
}

/** The statement for `code` when it has one of the common shapes, else null. */
export function fastLine(code: string): Statement | null {
  return fastElement(code) ?? fastLink(code) ?? fastOther(code);
}

/**
 * The statement for the next commonest lines, `evolve Name 0.8` and `note text [v, m]` with plain
 * words, else null. Each call of the generated parser sets up its rules afresh (about 18 KB of
 * closures and constants), which is most of what a large map's other lines cost.
 */
export function fastOther(code: string): Statement | null {
  const start = skipBlank(code, 0);
  if (code.startsWith('evolve ', start)) return fastEvolve(code, start);
  if (code.startsWith('note ', start)) return fastNote(code, start);
  return null;
}

/** Where the content of `code` ends, before trailing blanks. */
function contentEnd(code: string): number {
  let e = code.length;
  while (e > 0 && (code.charCodeAt(e - 1) === SPACE || code.charCodeAt(e - 1) === TAB)) e--;
  return e;
}

/** Whether `code[from, to)` is words of name characters, one space apart. */
function plainWords(code: string, from: number, to: number): boolean {
  if (from >= to || code.charCodeAt(from) === SPACE || code.charCodeAt(to - 1) === SPACE) return false;
  for (let i = from; i < to; i++) {
    const c = code.charCodeAt(i);
    if (!isNameChar(c) || (c === SPACE && code.charCodeAt(i + 1) === SPACE)) return false;
  }
  return true;
}

/** Whether `code[from, to)` holds a word the grammar may read as a modifier, anywhere. */
function mentionsModifier(code: string, from: number, to: number): boolean {
  for (const w of MODIFIER_WORDS) {
    const at = code.indexOf(w, from);
    if (at >= 0 && at + w.length <= to) return true;
  }
  return false;
}

/** `evolve Name 0.8`: plain name words, then the target alone. */
function fastEvolve(code: string, k0: number): EvolveStatement | null {
  const nameStart = k0 + 7;
  const end = contentEnd(code);
  const lastSpace = code.lastIndexOf(' ', end - 1);
  if (lastSpace <= nameStart) return null;
  if (scanNumber(code, lastSpace + 1) !== end) return null;
  // Any of these words may make the grammar end the name early (`12label`, `inertia`): leave it the line.
  if (!plainWords(code, nameStart, lastSpace) || mentionsModifier(code, nameStart, lastSpace)) return null;
  const target = num(code.slice(lastSpace + 1, end), lastSpace + 1);
  return {
    type: 'evolve',
    keyword: keywordNode('evolve', k0),
    name: { text: code.slice(nameStart, lastSpace), quoted: false, start: nameStart, end: lastSpace },
    newName: null,
    mods: [{ type: 'number', number: target, start: target.start, end: target.end }],
    start: k0,
    end,
  };
}

/** `note text [v, m]`: plain words, then the coordinates. */
function fastNote(code: string, k0: number): NoteStatement | null {
  const textStart = k0 + 5;
  const end = contentEnd(code);
  if (code.charCodeAt(end - 1) !== 93 /* ] */) return null;
  const listStart = code.lastIndexOf('[', end - 1);
  if (listStart <= textStart + 1 || code.charCodeAt(listStart - 1) !== SPACE) return null;
  let i = scanNumber(code, listStart + 1);
  if (i < 0 || code.charCodeAt(i) !== 44 || code.charCodeAt(i + 1) !== SPACE) return null;
  const vEnd = i;
  i = scanNumber(code, i + 2);
  if (i !== end - 1) return null;
  const textEnd = listStart - 1;
  if (!plainWords(code, textStart, textEnd)) return null;
  const v = num(code.slice(listStart + 1, vEnd), listStart + 1);
  const m = num(code.slice(vEnd + 2, end - 1), vEnd + 2);
  return {
    type: 'note',
    keyword: keywordNode('note', k0),
    text: { text: code.slice(textStart, textEnd), quoted: false, start: textStart, end: textEnd },
    mods: [{ type: 'at', list: { numbers: [v, m], start: listStart, end }, start: listStart, end }],
    start: k0,
    end,
  };
}

/**
 * The modifiers in `code[from, to)`, a tail `scanElement` accepted: ` inertia`, ` label [x, y]`
 * and ` (words)`, as the grammar's nodes.
 */
export function readTail(code: string, from: number, to: number): Modifier[] {
  const mods: Modifier[] = [];
  let i = from;
  while (i < to) {
    i = nextTailModifier(code, i);
    const t = tailScan;
    if (t.type === 'inertia') mods.push({ type: 'inertia', start: t.start, end: t.end });
    else if (t.type === 'label') {
      const listStart = t.start + 6;
      const comma = code.indexOf(',', listStart);
      const x = num(code.slice(listStart + 1, comma), listStart + 1);
      const y = num(code.slice(comma + 2, t.end - 1), comma + 2);
      mods.push({ type: 'label', list: { numbers: [x, y], start: listStart, end: t.end }, start: t.start, end: t.end });
    } else mods.push({ type: 'decorators', words: decoratorWords(code, t.start, t.end), start: t.start, end: t.end });
  }
  return mods;
}

/** The modifier `nextTailModifier` read last: its type, span, and for a label its two numbers. */
export const tailScan = { type: 'inertia' as 'inertia' | 'label' | 'decorators', start: 0, end: 0, x: 0, y: 0 };

/**
 * Reads the modifier that follows the space at `i` in a tail `scanElement` accepted, into
 * `tailScan`, without allocating; returns where it ends.
 */
export function nextTailModifier(code: string, i: number): number {
  const s = i + 1;
  const t = tailScan;
  t.start = s;
  if (code.startsWith('inertia', s)) {
    t.type = 'inertia';
    t.end = s + 7;
  } else if (code.startsWith('label [', s)) {
    t.type = 'label';
    const xEnd = scanNumber(code, s + 7);
    t.x = scanned[0]!;
    t.end = scanNumber(code, xEnd + 2) + 1;
    t.y = scanned[0]!;
  } else {
    t.type = 'decorators';
    t.end = code.indexOf(')', s) + 1;
  }
  return t.end;
}

/** The words of a decorator group `(a, b)` at `[start, end)`, as the grammar's nodes. */
export function decoratorWords(code: string, start: number, end: number): { text: string; start: number; end: number }[] {
  const words = [];
  let p = start + 1;
  for (const w of code.slice(start + 1, end - 1).split(',')) {
    const lead = w.charCodeAt(0) === SPACE ? 1 : 0;
    words.push({ text: w.slice(lead), start: p + lead, end: p + w.length });
    p += w.length + 1;
  }
  return words;
}

function fastElement(code: string): Statement | null {
  if (!scanElement(code)) return null;
  const { keyword, start: k0, nameStart: n0, nameEnd: n1, vEnd, atEnd, tailEnd } = elementScan;
  const a0 = n1 + 1;
  const vNode = num(code.slice(a0 + 1, vEnd), a0 + 1);
  const mNode = num(code.slice(vEnd + 2, atEnd - 1), vEnd + 2);
  const mods: Modifier[] = [{ type: 'at', list: { numbers: [vNode, mNode], start: a0, end: atEnd }, start: a0, end: atEnd }];
  for (const m of readTail(code, atEnd, tailEnd)) mods.push(m);
  return {
    type: 'element',
    keyword: keywordNode(keyword, k0),
    name: { text: code.slice(n0, n1), quoted: false, start: n0, end: n1 },
    mods,
    start: k0,
    end: tailEnd,
  };
}

const ARROWS: Record<string, LinkStatement['arrow']> = {
  '-': Object.freeze({ flow: null, label: null }),
  '>': Object.freeze({ flow: '>', label: null }),
  '<': Object.freeze({ flow: '<', label: null }),
  '<>': Object.freeze({ flow: '<>', label: null }),
};

function fastLink(code: string): LinkStatement | null {
  if (!scanLink(code)) return null;
  const { start: f0, fromEnd, arrow, toStart: t0, toEnd } = linkScan;
  const flow = arrow === '->' ? null : (arrow.slice(1) as '>' | '<' | '<>');
  return {
    type: 'link',
    from: { text: code.slice(f0, fromEnd), quoted: false, start: f0, end: fromEnd },
    to: { text: code.slice(t0, toEnd), quoted: false, start: t0, end: toEnd },
    arrow: ARROWS[flow ?? '-']!,
    context: null,
    start: f0,
    end: toEnd,
  };
}

const NONE: readonly LineDiagnostic[] = Object.freeze([]);

/**
 * The commonest lines of all (`component Name [v, m]`, with `inertia`, `label [x, y]` or
 * decorators after it, and `A->B`), read into one flat record instead of a syntax tree: a large
 * map is mostly these, and the model needs only these fields. The tree is built (by `fastLine`)
 * the first time anything asks for `stmt`.
 */
export class CompactLine implements LineResult {
  #stmt: Statement | null | undefined = undefined;
  constructor(
    readonly code: string,
    readonly shape: 'element' | 'link',
    /** element: the keyword; link: the arrow as written. */
    readonly word: string,
    /** element: the name; link: the "from" name. */
    readonly name: string,
    readonly start: number,
    readonly nameStart: number,
    readonly nameEnd: number,
    /** element: visibility and maturity; link: unused. */
    readonly v: number,
    readonly m: number,
    /** link: the "to" name and where it starts. */
    readonly to: string,
    readonly toStart: number,
    /** element: where the coordinates end (modifiers follow up to `end`). */
    readonly atEnd: number,
    readonly end: number,
  ) {}

  get diagnostics(): readonly LineDiagnostic[] { return NONE; }

  get stmt(): Statement | null {
    if (this.#stmt === undefined) this.#stmt = fastLine(this.code) ?? (grammarParse(this.code) as Statement | null);
    return this.#stmt;
  }

  /** An element's modifiers after its coordinates, read afresh on each call (nothing is kept). */
  modifiers(): Modifier[] {
    return this.atEnd < this.end ? readTail(this.code, this.atEnd, this.end) : [];
  }
}

/** Shapes of a row of a `CompactTable` (0: the line is not a compact one). */
const ELEMENT_SHAPES = ['', 'component', 'anchor'] as const;
const LINK_SHAPES: Record<string, number> = { '->': 3, '+>': 4, '+<': 5, '+<>': 6 };
const LINK_ARROWS = ['', '', '', '->', '+>', '+<', '+<>'] as const;
/**
 * Numbers kept per row: shape, start, nameStart, nameEnd, atEnd (element) or toStart (link), end.
 * A row that is not a compact line (shape 0) keeps in its second number where its reading is
 * among the document's other lines.
 */
const ROW = 6;
const SHAPE_MASK = 7;
const BLANKED = 8;

/**
 * The compact readings of a document's lines (`CompactLine`'s fields), one row per line, in typed
 * arrays rather than an object per line: a large map is mostly these lines, and objects are what
 * the garbage collector scans and copies while a parse runs. Offsets are within the line.
 */
export class CompactTable {
  /**
   * Per line: shape (0 when the line is not compact; plus BLANKED when comments were blanked, so
   * that the line's code differs from its text), start, nameStart, nameEnd, atEnd or toStart, end.
   */
  readonly ints: Int32Array
  /** Per line: visibility and maturity (elements). */
  readonly nums: Float64Array
  constructor(readonly length: number) {
    this.ints = new Int32Array(length * ROW);
    this.nums = new Float64Array(length * 2);
  }

  /** Whether line `row` is a compact element (component or anchor line). */
  isElement(row: number): boolean { const k = this.shape(row); return k === 1 || k === 2; }
  /** Whether line `row` is a compact link. */
  isLink(row: number): boolean { return this.shape(row) >= 3; }
  shape(row: number): number { return this.ints[row * ROW]! & SHAPE_MASK; }
  /** Whether line `row`'s text is its code (no comment was blanked): names can be read from the text. */
  plain(row: number): boolean { return (this.ints[row * ROW]! & BLANKED) === 0; }
  start(row: number): number { return this.ints[row * ROW + 1]!; }
  nameStart(row: number): number { return this.ints[row * ROW + 2]!; }
  nameEnd(row: number): number { return this.ints[row * ROW + 3]!; }
  /** element: where the coordinates end; link: where the "to" name starts. */
  mid(row: number): number { return this.ints[row * ROW + 4]!; }
  end(row: number): number { return this.ints[row * ROW + 5]!; }
  v(row: number): number { return this.nums[row * 2]!; }
  m(row: number): number { return this.nums[row * 2 + 1]!; }
  /** The arrow of a compact link as written. */
  arrow(row: number): string { return LINK_ARROWS[this.shape(row)] ?? ''; }
  /** The keyword of a compact element. */
  keyword(row: number): string { return ELEMENT_SHAPES[this.shape(row)] ?? ''; }
  /** For a line that is not compact: where its reading is among the document's other lines. */
  other(row: number): number { return this.ints[row * ROW + 1]!; }
  setOther(row: number, index: number): void { this.ints[row * ROW + 1] = index; }
  /** How many of the rows before `row` are not compact lines. */
  othersBefore(row: number): number {
    for (let r = row - 1; r >= 0; r--) if (this.shape(r) === 0) return this.other(r) + 1;
    return 0;
  }

  /**
   * Reads `code` into row `row` when it is one of the commonest shapes; returns whether it was.
   * `blanked`: the line had comments blanked, so its text is not `code`.
   */
  read(row: number, code: string, blanked = false): boolean {
    const o = row * ROW;
    const ints = this.ints;
    const flag = blanked ? BLANKED : 0;
    if (scanElement(code)) {
      const e = elementScan;
      ints[o] = (e.keyword === 'anchor' ? 2 : 1) | flag; ints[o + 1] = e.start; ints[o + 2] = e.nameStart; ints[o + 3] = e.nameEnd; ints[o + 4] = e.atEnd; ints[o + 5] = e.tailEnd;
      this.nums[row * 2] = e.v; this.nums[row * 2 + 1] = e.m;
      return true;
    }
    if (scanLink(code)) {
      const l = linkScan;
      ints[o] = LINK_SHAPES[l.arrow]! | flag; ints[o + 1] = l.start; ints[o + 2] = l.start; ints[o + 3] = l.fromEnd; ints[o + 4] = l.toStart; ints[o + 5] = l.toEnd;
      this.nums[row * 2] = 0; this.nums[row * 2 + 1] = 0;
      return true;
    }
    ints.fill(0, o, o + ROW);
    this.nums[row * 2] = 0; this.nums[row * 2 + 1] = 0;
    return false;
  }

  /** Copies `count` rows of `from`, starting at `fromRow`, to this table's rows from `toRow`. */
  copy(from: CompactTable, fromRow: number, toRow: number, count: number): void {
    if (count <= 0) return;
    this.ints.set(from.ints.subarray(fromRow * ROW, (fromRow + count) * ROW), toRow * ROW);
    this.nums.set(from.nums.subarray(fromRow * 2, (fromRow + count) * 2), toRow * 2);
  }

  /** Row `row` as a `CompactLine` over `code` (the line with its comments blanked), or null. */
  line(row: number, code: string): CompactLine | null {
    const shape = this.shape(row);
    if (shape === 0) return null;
    if (shape <= 2) {
      return new CompactLine(code, 'element', this.keyword(row), code.slice(this.nameStart(row), this.nameEnd(row)), this.start(row), this.nameStart(row), this.nameEnd(row), this.v(row), this.m(row), '', 0, this.mid(row), this.end(row));
    }
    return new CompactLine(code, 'link', this.arrow(row), code.slice(this.start(row), this.nameEnd(row)), this.start(row), this.start(row), this.nameEnd(row), 0, 0, code.slice(this.mid(row), this.end(row)), this.mid(row), 0, this.end(row));
  }
}

/** A compact reading of `code` when it is one of the commonest shapes, else null. */
export function compactLine(code: string): CompactLine | null {
  return scratchRow.read(0, code) ? scratchRow.line(0, code) : null;
}
const scratchRow = new CompactTable(1);
