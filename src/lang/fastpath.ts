// A fast path for the two line shapes that make up most of a large map: a plain
// `component Name [v, m]` (with `label [x, y]`, `inertia` and decorators after it) and a plain
// link `A->B`. It returns exactly the statement the grammar would build (a property test compares
// the two on every corpus line and on generated lines) or null, and the line then goes to the
// grammar, which stays the definition of the language. Each call of the generated parser sets up
// its rules afresh; reading these lines by hand keeps a 10,000-line map within a frame budget.
import type { ElementStatement, LinkStatement, Modifier, NameNode, NumberNode, Statement, WordNode } from './syntax.js';
import { isStatementKeyword, MODIFIER_WORDS } from './words.js';

/** The statement for `code` when it has one of the common shapes, else null. */
export function fastLine(code: string): Statement | null {
  const r = new Reader(code);
  const start = r.blanks();
  if (code.startsWith('component ', start) || code.startsWith('anchor ', start)) return element(r, start);
  return link(r, start);
}

/** The characters a plain name's words are made of: letters, digits and `_&/.,:!?#%@$*=`. */
const NAME_CHARS = (() => {
  const table = new Uint8Array(128);
  for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_&/.,:!?#%@$*=')
    table[ch.charCodeAt(0)] = 1;
  return table;
})();

const isNameChar = (c: number): boolean => c < 128 && NAME_CHARS[c] === 1;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLower = (c: number): boolean => c >= 97 && c <= 122;

/** A position in one line of code, moved forward as parts are read. */
class Reader {
  pos = 0;
  constructor(readonly code: string) {}

  at(k = 0): number {
    return this.code.charCodeAt(this.pos + k);
  }
  /** Skips blanks; returns where they end. */
  blanks(): number {
    while (this.at() === 32 || this.at() === 9) this.pos++;
    return this.pos;
  }
  /** Whether only blanks are left. */
  done(): boolean {
    return this.blanks() === this.code.length;
  }
  eat(s: string): boolean {
    if (!this.code.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }
  /** Words of name characters, one space apart (not ending in a space); null when there is none. */
  name(): NameNode | null {
    const start = this.pos;
    let end = start;
    while (isNameChar(this.at())) {
      while (isNameChar(this.at())) this.pos++;
      end = this.pos;
      if (this.at() !== 32 || !isNameChar(this.at(1))) break;
      this.pos++;
    }
    this.pos = end;
    return end > start ? { text: this.code.slice(start, end), quoted: false, start, end } : null;
  }
  /** `-?(\d+(\.\d*)?|\.\d+)`, or null. */
  number(): NumberNode | null {
    const start = this.pos;
    if (this.at() === 45) this.pos++;
    let digits = 0;
    while (isDigit(this.at())) {
      this.pos++;
      digits++;
    }
    if (this.at() === 46) {
      this.pos++;
      let frac = 0;
      while (isDigit(this.at())) {
        this.pos++;
        frac++;
      }
      if (digits === 0 && frac === 0) {
        this.pos = start;
        return null;
      }
    } else if (digits === 0) {
      this.pos = start;
      return null;
    }
    const raw = this.code.slice(start, this.pos);
    return { value: Number(raw) + 0, raw, start, end: this.pos }; // + 0: -0 reads as 0
  }
  /** `[a, b]` with exactly one space after the comma. */
  pair(): { numbers: NumberNode[]; start: number; end: number } | null {
    const start = this.pos;
    if (!this.eat('[')) return null;
    const a = this.number();
    if (!a || !this.eat(', ')) return null;
    const b = this.number();
    if (!b || !this.eat(']')) return null;
    return { numbers: [a, b], start, end: this.pos };
  }
}

/** Whether a name holds a word after which the grammar reads something other than a name. */
function holdsModifierWord(name: string): boolean {
  for (const w of MODIFIER_WORDS) {
    const at = name.indexOf(w);
    if (at >= 0 && (at === 0 || name[at - 1] === ' ') && (at + w.length === name.length || name[at + w.length] === ' '))
      return true;
  }
  return false;
}

function element(r: Reader, k0: number): ElementStatement | null {
  const keyword = r.code.startsWith('component', k0) ? 'component' : 'anchor';
  r.pos = k0 + keyword.length + 1;
  const name = r.name();
  if (!name || holdsModifierWord(name.text) || !r.eat(' ')) return null;
  const at = r.pair();
  if (!at) return null;
  const mods: Modifier[] = [{ type: 'at', list: at, start: at.start, end: at.end }];
  // Modifiers, each after one space: `inertia`, `label [x, y]`, `(words)`.
  while (r.at() === 32) {
    const s = r.pos + 1;
    r.pos = s;
    if (r.eat('inertia')) {
      mods.push({ type: 'inertia', start: s, end: r.pos });
    } else if (r.eat('label ')) {
      const list = r.pair();
      if (!list) return null;
      mods.push({ type: 'label', list, start: s, end: r.pos });
    } else if (r.eat('(')) {
      const words = decoratorWords(r);
      if (!words) return null;
      mods.push({ type: 'decorators', words, start: s, end: r.pos });
    } else {
      r.pos = s - 1;
      break;
    }
  }
  const end = r.pos;
  if (!r.done()) return null;
  return {
    type: 'element',
    keyword: { text: keyword, start: k0, end: k0 + keyword.length },
    name,
    mods,
    start: k0,
    end,
  };
}

/** `a, b)` after `(`: lowercase words, each comma followed by one space at most. */
function decoratorWords(r: Reader): WordNode[] | null {
  const words: WordNode[] = [];
  for (;;) {
    const s = r.pos;
    while (isLower(r.at())) r.pos++;
    if (r.pos === s) return null;
    words.push({ text: r.code.slice(s, r.pos), start: s, end: r.pos });
    if (r.eat(')')) return words;
    if (!r.eat(',')) return null;
    r.eat(' ');
  }
}

const ARROWS = ['+<>', '->', '+>', '+<'] as const;
/** One arrow node per kind, shared (nodes are never changed). */
const ARROW_NODES: Readonly<Record<(typeof ARROWS)[number], LinkStatement['arrow']>> = {
  '->': Object.freeze({ flow: null, label: null }),
  '+>': Object.freeze({ flow: '>', label: null }),
  '+<': Object.freeze({ flow: '<', label: null }),
  '+<>': Object.freeze({ flow: '<>', label: null }),
};

function link(r: Reader, f0: number): LinkStatement | null {
  const from = r.name();
  if (!from) return null;
  const arrow = ARROWS.find((a) => r.code.startsWith(a, r.pos));
  if (arrow === undefined) return null;
  // A line that starts with a keyword standing alone is that keyword's statement (`note a->b`).
  let w = f0;
  while (isLower(r.code.charCodeAt(w))) w++;
  if (isStatementKeyword(r.code.slice(f0, w)) && !/[A-Za-z0-9_-]/.test(r.code[w] ?? '')) return null;
  r.pos += arrow.length;
  const to = r.name();
  if (!to || !r.done()) return null;
  return {
    type: 'link',
    from,
    to,
    arrow: ARROW_NODES[arrow],
    context: null,
    start: f0,
    end: to.end,
  };
}
