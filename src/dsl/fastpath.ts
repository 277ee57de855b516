// A fast path for the two line shapes that make up most of a large map: a plain
// `component Name [v, m]` (with label, inertia and decorators) and a plain link `A->B`.
// It builds exactly the node the grammar would build (a property test compares the two on
// every corpus line and on generated lines) and returns null for anything else, which then
// goes to the grammar. The grammar stays the definition of the language; this only makes the
// common case cheap, so that a 10,000-line map parses within a frame budget.
import { parse as grammarParse } from './generated/wardley-parser.js';
import type { KeywordNode, LineDiagnostic, LineResult, LinkStatement, Modifier, NumberNode, Statement } from './syntax.js';

const KEYWORD_START = /^(?:title|anchor|component|submap|evolve|pipeline|note|annotations?|style|size|evolution|valuechain|pioneers|settlers|townplanners|accelerator|deaccelerator|url|market|ecosystem|build|buy|outsource|y-axis|wardley-beta)(?![A-Za-z0-9_-])/;
const NUM = '-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)';
// Names: words of safe characters, no word that the grammar treats specially.
const NAME = '[A-Za-z0-9_&/.,:!?#%@$*=][A-Za-z0-9_&/.,:!?#%@$*= ]*?';
const ELEMENT = new RegExp(`^([ \\t]*)(component|anchor) (${NAME}) \\[(${NUM}), (${NUM})\\]((?: label \\[${NUM}, ${NUM}\\]| inertia| \\([a-z, ]*\\))*)[ \\t]*$`);
const MOD = new RegExp(` label \\[(${NUM}), (${NUM})\\]| inertia| \\(([a-z, ]*)\\)`, 'g');
const LINK = new RegExp(`^([ \\t]*)(${NAME})(->|\\+>|\\+<>|\\+<)(${NAME})[ \\t]*$`);
const SPECIAL_WORD = /(?:^| )(?:label|inertia|url|evolve)(?: |$)/;

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

/** The statement for `code` when it has one of the common shapes, else null. */
export function fastLine(code: string): Statement | null {
  return (mayBeElement(code) ? fastElement(code) : null) ?? fastLink(code);
}

interface ElementMatch { lead: string; keyword: string; name: string; v: string; mat: string; tail: string }

/** `component|anchor Name [v, m] modifiers` with a plain name, or null. */
function matchElement(code: string): ElementMatch | null {
  const m = ELEMENT.exec(code);
  if (!m) return null;
  const [, lead, keyword, name, v, mat, tail] = m as unknown as [string, string, string, string, string, string, string];
  if (name.endsWith(' ') || SPECIAL_WORD.test(name) || name.endsWith(',')) return null;
  return { lead, keyword, name, v, mat, tail };
}

interface LinkMatch { lead: string; from: string; arrow: string; to: string }

/** `A->B` (or a flow without a label) between plain names, or null. */
function matchLink(code: string): LinkMatch | null {
  const m = LINK.exec(code);
  if (!m) return null;
  const [, lead, from, arrow, to] = m as unknown as [string, string, string, string, string];
  if (from.endsWith(' ') || to.endsWith(' ') || KEYWORD_START.test(from)) return null;
  return { lead, from, arrow, to };
}

/** Element lines end with `]`, `)` or `inertia`; anything else can only be a link. */
function mayBeElement(code: string): boolean {
  const t = code.trimEnd();
  const c = t.charCodeAt(t.length - 1);
  return c === 93 /* ] */ || c === 41 /* ) */ || c === 97 /* a (inertia) */;
}

function fastElement(code: string): Statement | null {
  const e = matchElement(code);
  if (!e) return null;
  const { lead, keyword, name, v, mat, tail } = e;
  const k0 = lead.length;
  const n0 = k0 + keyword.length + 1;
  const n1 = n0 + name.length;
  const a0 = n1 + 1;
  const vNode = num(v, a0 + 1);
  const mNode = num(mat, vNode.end + 2);
  const atEnd = mNode.end + 1;
  const mods: Modifier[] = [{ type: 'at', list: { numbers: [vNode, mNode], start: a0, end: atEnd }, start: a0, end: atEnd }];
  let end = atEnd;
  if (tail) {
    MOD.lastIndex = 0;
    let mm: RegExpExecArray | null;
    while ((mm = MOD.exec(tail)) !== null) {
      const s = atEnd + mm.index + 1;
      const e = atEnd + mm.index + mm[0].length;
      if (mm[1] !== undefined && mm[2] !== undefined) {
        const listStart = s + 6;
        const x = num(mm[1], listStart + 1);
        const y = num(mm[2], x.end + 2);
        mods.push({ type: 'label', list: { numbers: [x, y], start: listStart, end: e }, start: s, end: e });
      } else if (mm[3] !== undefined) {
        const inner = mm[3];
        if (inner.trim() === '' || /(^|,)\s*(,|$)|\s\s|^\s|\s$/.test(inner) || / ,/.test(inner)) return null;
        const words = [];
        let p = s + 1;
        for (const w of inner.split(',')) {
          const lead2 = w.length - w.trimStart().length;
          const t = w.trim();
          words.push({ text: t, start: p + lead2, end: p + lead2 + t.length });
          p += w.length + 1;
        }
        mods.push({ type: 'decorators', words, start: s, end: e });
      } else {
        mods.push({ type: 'inertia', start: s, end: e });
      }
      end = e;
    }
  }
  return {
    type: 'element',
    keyword: keywordNode(keyword, k0),
    name: { text: name, quoted: false, start: n0, end: n1 },
    mods,
    start: k0,
    end,
  };
}

const ARROWS: Record<string, LinkStatement['arrow']> = {
  '-': Object.freeze({ flow: null, label: null }),
  '>': Object.freeze({ flow: '>', label: null }),
  '<': Object.freeze({ flow: '<', label: null }),
  '<>': Object.freeze({ flow: '<>', label: null }),
};

function fastLink(code: string): LinkStatement | null {
  const l = matchLink(code);
  if (!l) return null;
  const { lead, from, arrow, to } = l;
  const f0 = lead.length;
  const t0 = f0 + from.length + arrow.length;
  const flow = arrow === '->' ? null : (arrow.slice(1) as '>' | '<' | '<>');
  return {
    type: 'link',
    from: { text: from, quoted: false, start: f0, end: f0 + from.length },
    to: { text: to, quoted: false, start: t0, end: t0 + to.length },
    arrow: ARROWS[flow ?? '-']!,
    context: null,
    start: f0,
    end: t0 + to.length,
  };
}

const NONE: readonly LineDiagnostic[] = Object.freeze([]);

/**
 * The commonest lines of all (`component Name [v, m]` with nothing after, and `A->B`), read into
 * one flat record instead of a syntax tree: a large map is mostly these, and the model needs only
 * these fields. The tree is built (by `fastLine`) the first time anything asks for `stmt`.
 */
export class CompactLine implements LineResult {
  readonly diagnostics = NONE;
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
    readonly end: number,
  ) {}

  get stmt(): Statement | null {
    if (this.#stmt === undefined) this.#stmt = fastLine(this.code) ?? (grammarParse(this.code) as Statement | null);
    return this.#stmt;
  }
}

/** A compact reading of `code` when it is one of the commonest shapes, else null. */
export function compactLine(code: string): CompactLine | null {
  const e = mayBeElement(code) ? matchElement(code) : null;
  if (e) {
    if (e.tail !== '') return null;
    const start = e.lead.length;
    const nameStart = start + e.keyword.length + 1;
    const nameEnd = nameStart + e.name.length;
    const end = nameEnd + 1 + 1 + e.v.length + 2 + e.mat.length + 1;
    return new CompactLine(code, 'element', e.keyword, e.name, start, nameStart, nameEnd, Number(e.v) + 0, Number(e.mat) + 0, '', 0, end);
  }
  const l = matchLink(code);
  if (!l) return null;
  const start = l.lead.length;
  const toStart = start + l.from.length + l.arrow.length;
  return new CompactLine(code, 'link', l.arrow, l.from, start, start, start + l.from.length, 0, 0, l.to, toStart, toStart + l.to.length);
}
