// Syntax document -> map model, with the diagnostics that need more than one line to see.
import { decoratorWords, nextTailModifier, tailScan } from '../dsl/fastpath.js';
import { lineCode, lineEnd, lineResult, parseDoc, placeDiagnostic, syntaxDiagnostics, type SyntaxDoc } from '../dsl/parse.js';
import type {
  AnyListNode, Diagnostic, ElementStatement, LineDiagnostic, Modifier, NameNode, Severity, Statement,
} from '../dsl/syntax.js';
import {
  COMPONENT_KINDS, DEFAULT_EVOLUTION_LABELS, METHODS,
  type Accelerator, type Annotation, type Attitude, type AttitudeName, type Component, type ComponentKind,
  type ComponentType, type Evolve, type Link, type MapModel, type Method, type Note, type Pipeline,
  type Presentation, type Span, type StyleName, type UrlRef,
} from './model.js';
import { hashChars, NameIndex } from './nameindex.js';
import { nameKey } from './names.js';
import { stageOf } from './stages.js';

/** Where OnlineWardleyMaps puts a component whose line gives no coordinates. */
export const UNPOSITIONED = { visibility: 0.9, maturity: 0.1 } as const;

const STYLES: Record<string, StyleName> = { plain: 'plain', wardley: 'wardley', colour: 'colour', color: 'colour', handwritten: 'handwritten', dark: 'dark' };
const FLAG_DECORATORS = new Set(['market', 'ecosystem', 'inertia']);

/** Parses and builds in one step. */
export function parseMap(text: string, file?: string): MapModel {
  return buildModel(parseDoc(text, file));
}

type MutableComponent = { -readonly [K in keyof Component]: Component[K] };

/** A span on one line: `base` is where the line starts, `start` and `end` are within the line. */
function lineSpan(line: number, base: number, start: number, end: number): Span {
  return { line, column: start + 1, offset: base + start, end: base + end };
}

/**
 * A component as built from its line, with every field at its default (unpositioned, technology,
 * no decorations). Its spans are made when asked for, from its document (few are ever read, and a
 * large map has tens of thousands of components: span objects were a fifth of the model's memory,
 * and the offsets to make them, five numbers a component, were most of the rest).
 */
class BuiltComponent implements MutableComponent {
  key: string;
  visibility: number = UNPOSITIONED.visibility;
  maturity: number = UNPOSITIONED.maturity;
  stage = stageOf(UNPOSITIONED.maturity);
  kind: ComponentKind = 'technology';
  inertia = false;
  method: Method | null = null;
  market = false;
  ecosystem = false;
  label: { readonly x: number; readonly y: number } | null = null;
  cost: number | null = null;
  positioned = false;
  parent: string | null = null;
  evolveTo: number | null = null;
  url: string | null = null;
  line: number;
  readonly #doc: SyntaxDoc;
  constructor(public name: string, public type: ComponentType, lineIndex: number, doc: SyntaxDoc) {
    this.key = nameKey(name);
    this.line = lineIndex + 1;
    this.#doc = doc;
  }
  get loc(): Span { return componentSpan(this.#doc, this.line - 1, this.type, false); }
  get nameLoc(): Span { return componentSpan(this.#doc, this.line - 1, this.type, true); }
}

/**
 * The span of the component read from line `i` of `doc` (`name`: of its name). An evolved copy
 * spans its evolve line and is named by the new name, or the evolved one's; any other component
 * spans its statement, as the line's compact reading or its syntax tree has it (the two agree).
 */
function componentSpan(doc: SyntaxDoc, i: number, type: ComponentType, name: boolean): Span {
  const base = doc.lineStarts[i]!;
  const s = type === 'evolved' || !doc.compact.isElement(i) ? lineResult(doc, i).stmt : null;
  if (type === 'evolved') {
    if (!name) return lineSpan(i + 1, base, 0, lineEnd(doc, i) - base);
    const node = s?.type === 'evolve' ? s.newName ?? s.name : s?.type === 'element' ? s.name : null;
    return lineSpan(i + 1, base, node?.start ?? 0, node?.end ?? 0);
  }
  if (s === null) {
    const t = doc.compact;
    return name ? lineSpan(i + 1, base, t.nameStart(i), t.nameEnd(i)) : lineSpan(i + 1, base, t.start(i), t.end(i));
  }
  const e = s?.type === 'element' ? s : null;
  return name ? lineSpan(i + 1, base, e?.name.start ?? 0, e?.name.end ?? 0) : lineSpan(i + 1, base, e?.start ?? 0, e?.end ?? 0);
}

/** A link as built from its line; its span is made when asked for, from its document. */
class BuiltLink implements Link {
  readonly #doc: SyntaxDoc;
  constructor(
    readonly from: string, readonly to: string, readonly flow: boolean, readonly direction: Link['direction'],
    readonly label: string | null, readonly context: string | null, readonly line: number, doc: SyntaxDoc,
  ) {
    this.#doc = doc;
  }
  get loc(): Span {
    const doc = this.#doc;
    const i = this.line - 1;
    const base = doc.lineStarts[i]!;
    if (doc.compact.isLink(i)) return lineSpan(this.line, base, doc.compact.start(i), doc.compact.end(i));
    const s = lineResult(doc, i).stmt;
    return lineSpan(this.line, base, s?.start ?? 0, s?.end ?? 0);
  }
}

interface OpenPipeline { index: number; line: number; stmtEnd: number }

/** The decorator words a component takes without a warning (lowercase, as the fast path reads them). */
const KNOWN_DECORATORS: readonly string[] = [...METHODS, ...FLAG_DECORATORS, ...COMPONENT_KINDS];

/**
 * Applies the decorator group `(a, b)` at `[start, end)` of `text` to `c` without making a string,
 * when each of its words is a known one and it names one method at most; otherwise returns false,
 * and `applyDecorators` must apply the group (it sets again whatever this set, and warns).
 * The group is one `scanElement` accepted: lowercase words, each comma followed by one space at most.
 */
function applyKnownDecorators(c: MutableComponent, text: string, start: number, end: number): boolean {
  const close = end - 1;
  let method: Method | null = null;
  for (let w = start + 1; w < close;) {
    if (text.charCodeAt(w) === 32) w++;
    let e = w;
    while (e < close && text.charCodeAt(e) !== 44 /* , */) e++;
    let word: string | null = null;
    for (let k = 0; k < KNOWN_DECORATORS.length; k++) {
      const known = KNOWN_DECORATORS[k]!;
      if (known.length === e - w && text.startsWith(known, w)) { word = known; break; }
    }
    if (word === null) return false;
    if ((METHODS as readonly string[]).includes(word)) {
      if (method !== null && method !== word) return false;
      method = word as Method;
      c.method = method;
    } else if (word === 'market') c.market = true;
    else if (word === 'ecosystem') c.ecosystem = true;
    else if (word === 'inertia') c.inertia = true;
    else c.kind = word as ComponentKind;
    w = e + 1;
  }
  return true;
}

const BLOCK = 8192;

/**
 * A list kept in blocks of 8,192 items and made into one array at the end. An array grown by push
 * past about 16,000 items is made again at each step as a large object, which is fresh memory
 * from the system: at 50,000 lines the page faults on the components' and links' arrays took
 * longer than filling them. This makes each large array once, at its length.
 */
class BlockList<T> {
  readonly #full: T[][] = [];
  #last: T[] = [];
  length = 0;
  push(item: T): void {
    if (this.#last.length === BLOCK) { this.#full.push(this.#last); this.#last = []; }
    this.#last.push(item);
    this.length++;
  }
  /** Item `k` (0 <= k < length). */
  at(k: number): T {
    const b = Math.floor(k / BLOCK);
    return (b < this.#full.length ? this.#full[b]! : this.#last)[k % BLOCK]!;
  }
  toArray(): T[] {
    return this.#full.length === 0 ? this.#last : ([] as T[]).concat(...this.#full, this.#last);
  }
}

/**
 * What each build uses and lets go of, kept from one build to the next (a build runs to its end
 * before another starts). At 50,000 lines these arrays are megabytes, and new ones each time came
 * as fresh pages from the system: page faults that took longer than filling them.
 */
const buildNames = new NameIndex('', 0);
let scratch = new Int32Array(0);
/** At least `size` numbers of scratch space (not cleared: a build writes what it reads). */
function scratchInts(size: number): Int32Array {
  if (scratch.length < size) scratch = new Int32Array(size + (size >> 2));
  return scratch;
}

/** Builds the model of a parsed document. Never throws. */
export function buildModel(doc: SyntaxDoc): MapModel {
  const diags: Diagnostic[] = syntaxDiagnostics(doc);
  /**
   * How many diagnostics there are, counted rather than read from the list at the end: reading
   * `diags.length` there deoptimised buildModel on every build of a map without diagnostics (the
   * optimised code expected the list of a map with some), up to 89 times in one bench process.
   */
  let diagCount = diags.length;
  const at = (i: number, start: number, end: number): Span => lineSpan(i + 1, doc.lineStarts[i]!, start, end);
  const report = (i: number, severity: Severity, start: number, end: number, message: string, fix?: string): void => {
    const d: LineDiagnostic = fix === undefined ? { severity, start, end, message } : { severity, start, end, message, fix };
    diags.push(placeDiagnostic(doc, i, d));
    diagCount++;
  };
  /** Reports at a span of the model (which is on one line). */
  const reportSpan = (severity: Severity, span: Span, message: string): void => {
    report(span.line - 1, severity, span.column - 1, span.column - 1 + (span.end - span.offset), message);
  };

  let title: string | null = null;
  // The two lists that grow large are kept in blocks and made into arrays once (see BlockList).
  const components = new BlockList<MutableComponent>();
  /** The components read inside a pipeline's block. */
  const pipelineChildren: MutableComponent[] = [];
  /**
   * Per component read from a line: 1 + where its name starts in the text, and where it ends (0:
   * see its key). Scratch space that still holds the previous build's numbers: the first of each
   * pair is written for every component as it is pushed, as is the first of linkRanges' four.
   */
  const ints = scratchInts(8 * doc.lineCount);
  const nameRanges = ints.subarray(0, 2 * doc.lineCount);
  const links = new BlockList<Link>();
  /** Per link read from a plain line: 1 + where its "from" name starts in the text, where it ends, and the same of its "to" name (0: see its key). */
  const linkRanges = ints.subarray(2 * doc.lineCount, 6 * doc.lineCount);
  const linkHashes = ints.subarray(6 * doc.lineCount, 8 * doc.lineCount);
  const evolves: Evolve[] = [];
  const pipelines: { -readonly [K in keyof Pipeline]: Pipeline[K] }[] = [];
  const notes: Note[] = [];
  const annotations: Annotation[] = [];
  const attitudes: Attitude[] = [];
  const accelerators: Accelerator[] = [];
  const urls: UrlRef[] = [];
  const legacyMethods: { name: NameNode; method: Method; line: number }[] = [];
  const evolveStatements: { i: number; name: NameNode; newName: NameNode | null; target: number; targetStart: number; targetEnd: number; mods: readonly Modifier[] }[] = [];
  let style: StyleName = 'plain';
  let size: Presentation['size'] = null;
  let evolutionLabels: readonly string[] = DEFAULT_EVOLUTION_LABELS;
  let showEvolutionAxis = true;
  let showValueChainAxis = true;
  let annotationsAt: Presentation['annotationsAt'] = null;
  let valueChainLabels: readonly string[] | null = null;

  let block: OpenPipeline | null = null;
  let pending: OpenPipeline | null = null;

  /** Checks a coordinate list has `count` numbers within [0, 1]; reports and returns null when not. */
  const coords = (i: number, list: AnyListNode, count: number, what: string, unit = true): number[] | null => {
    if ('type' in list) {
      if (!list.closed) report(i, 'error', list.start, list.end, `expected ${what} closed with ']'`);
      else report(i, 'warning', list.start, list.end, `expected ${what} but found [${list.raw}]: ${unit ? 'placed at the default position' : 'ignored'}`);
      return null;
    }
    if (list.numbers.length !== count) {
      report(i, 'error', list.start, list.end, `expected ${what} (${count} number${count === 1 ? '' : 's'}) but found ${list.numbers.length}`);
      return null;
    }
    if (unit) {
      for (const n of list.numbers) {
        if (n.value < 0 || n.value > 1) report(i, 'warning', n.start, n.end, `coordinate ${n.value} is outside [0, 1]: it will be drawn off the map`);
      }
    }
    return list.numbers.map((n) => n.value);
  };

  const element = (i: number, s: ElementStatement): void => {
    const keyword = s.keyword.text;
    let type: ComponentType = keyword === 'anchor' ? 'anchor' : keyword === 'submap' ? 'submap' : 'component';
    const inBlock = block !== null && keyword === 'component';
    if (inBlock) type = 'pipeline-child';
    if (keyword === 'market' || keyword === 'ecosystem') {
      report(i, 'warning', s.keyword.start, s.keyword.end, `'${keyword} X [..]' is a deprecated form: write 'component X [..] (${keyword})'`);
    }
    const c = new BuiltComponent(s.name.text, type, i, doc);
    c.market = keyword === 'market';
    c.ecosystem = keyword === 'ecosystem';
    if (c.key === '') report(i, 'error', s.name.start, s.name.end, 'a component needs a name');
    let seenAt = false;
    for (const m of s.mods) {
      switch (m.type) {
        case 'badAt':
          coords(i, m, 2, 'coordinates [visibility, maturity]');
          break;
        case 'at': {
          if (seenAt) { report(i, 'error', m.start, m.end, 'coordinates are given twice'); break; }
          seenAt = true;
          if (inBlock && block) {
            if (m.list.numbers.length === 1) {
              const v = coords(i, m.list, 1, 'the maturity of a pipeline component [maturity]');
              if (v) { c.visibility = NaN; c.maturity = v[0]!; c.positioned = true; } // visibility: the pipeline's, once known
            } else {
              const v = coords(i, m.list, 2, 'coordinates [visibility, maturity] or, in a pipeline, [maturity]');
              if (v) { c.visibility = v[0]!; c.maturity = v[1]!; c.positioned = true; }
            }
          } else {
            const ns = m.list.numbers;
            const v0 = ns[0]?.value;
            const v1 = ns[1]?.value;
            // The common case without an intermediate array: two numbers within [0, 1].
            if (ns.length === 2 && v0! >= 0 && v0! <= 1 && v1! >= 0 && v1! <= 1) { c.visibility = v0!; c.maturity = v1!; c.positioned = true; }
            else {
              const v = coords(i, m.list, 2, 'coordinates [visibility, maturity]');
              if (v) { c.visibility = v[0]!; c.maturity = v[1]!; c.positioned = true; }
            }
          }
          break;
        }
        case 'label': case 'inertia': case 'decorators': tailModifier(i, c, m); break;
        case 'url':
          if (type === 'submap') c.url = m.ref;
          else report(i, 'warning', m.start, m.end, 'only a submap links to a url');
          break;
        case 'evolveTo':
          report(i, 'warning', m.start, m.end, `write the evolve on its own line: 'evolve ${c.name} ${m.number.value}' (OnlineWardleyMaps cannot draw it inline)`);
          evolveStatements.push({ i, name: s.name, newName: null, target: m.number.value, targetStart: m.number.start, targetEnd: m.number.end, mods: [] });
          break;
        case 'number':
          report(i, 'error', m.start, m.end, `unexpected number ${m.number.raw}: coordinates are written [visibility, maturity]`);
          break;
      }
    }
    if (inBlock && block) {
      c.parent = pipelines[block.index]!.name;
      (pipelines[block.index]!.children as string[]).push(c.name);
      pipelineChildren.push(c);
    }
    c.stage = stageOf(c.maturity);
    nameRanges[2 * components.length] = 0;
    components.push(c);
  };

  /** The modifiers a plain component line may have after its coordinates. */
  const tailModifier = (i: number, c: MutableComponent, m: Modifier): void => {
    if (m.type === 'label') {
      const v = coords(i, m.list, 2, 'a label offset [x, y]', false);
      if (v) c.label = { x: v[0]!, y: v[1]! };
    } else if (m.type === 'inertia') c.inertia = true;
    else if (m.type === 'decorators') applyDecorators(i, c, m.words);
  };

  const applyDecorators = (i: number, c: MutableComponent | null, words: readonly { text: string; start: number; end: number }[]): Method | null => {
    let method: Method | null = null;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      const lower = word.text.toLowerCase();
      const cost = /^cost\s+(-?\d+(?:\.\d+)?)$/.exec(lower);
      if ((METHODS as readonly string[]).includes(lower)) {
        if (method && method !== lower) report(i, 'warning', word.start, word.end, `two methods given ('${method}' and '${lower}'): '${lower}' is used`);
        method = lower as Method;
        if (c) c.method = method;
      } else if (FLAG_DECORATORS.has(lower)) {
        if (c) {
          if (lower === 'market') c.market = true;
          else if (lower === 'ecosystem') c.ecosystem = true;
          else c.inertia = true;
        }
      } else if ((COMPONENT_KINDS as readonly string[]).includes(lower)) {
        if (c) c.kind = lower as ComponentKind;
      } else if (cost) {
        if (c) c.cost = Number(cost[1]);
      } else if (lower !== '') {
        report(i, 'warning', word.start, word.end, `unknown decorator '${word.text}': expected build, buy, outsource, market, ecosystem, inertia, a kind (${COMPONENT_KINDS.join(', ')}) or 'cost N'`);
      }
    }
    return method;
  };

  const compact = doc.compact;
  for (let i = 0; i < doc.lineCount; i++) {
    // The commonest lines straight from their compact reading, without building their syntax tree.
    const shape = compact.shape(i);
    if (shape !== 0 && block === null) {
      pending = null;
      const base = doc.lineStarts[i]!;
      // Names are read from the text itself unless a comment on the line was blanked.
      const plain = compact.plain(i);
      const src = plain ? doc.text : lineCode(doc, i);
      const at0 = plain ? base : 0;
      const start = compact.start(i);
      const end = compact.end(i);
      if (compact.isLink(i)) {
        const arrow = compact.arrow(i);
        const flow = arrow !== '->';
        const fromEnd = compact.nameEnd(i);
        const toStart = compact.mid(i);
        const fromName = src.slice(at0 + start, at0 + fromEnd);
        const toName = src.slice(at0 + toStart, at0 + end);
        const from = nameKey(fromName);
        const to = nameKey(toName);
        // Where the ends stand in the text, hashed while the line is at hand, for the check that
        // they name components (unless a name needs normalising: then its key is looked up).
        if (plain && from === fromName && to === toName) {
          const r = links.length * 4;
          linkRanges[r] = base + start + 1; linkRanges[r + 1] = base + fromEnd;
          linkRanges[r + 2] = base + toStart; linkRanges[r + 3] = base + end;
          linkHashes[links.length * 2] = hashChars(src, base + start, base + fromEnd);
          linkHashes[links.length * 2 + 1] = hashChars(src, base + toStart, base + end);
        } else linkRanges[links.length * 4] = 0;
        links.push(new BuiltLink(
          from, to, flow, !flow ? null : arrow === '+>' ? 'forward' : arrow === '+<' ? 'backward' : 'both',
          null, null, i + 1, doc,
        ));
        continue;
      }
      const v = compact.v(i);
      const m = compact.m(i);
      if (v >= 0 && v <= 1 && m >= 0 && m <= 1) {
        const nameStart = compact.nameStart(i);
        const nameEnd = compact.nameEnd(i);
        const c = new BuiltComponent(src.slice(at0 + nameStart, at0 + nameEnd), compact.keyword(i) === 'anchor' ? 'anchor' : 'component', i, doc);
        // Where the name stands in the text, for the name index (unless it needs normalising).
        if (plain && c.key === c.name) { nameRanges[2 * components.length] = base + nameStart + 1; nameRanges[2 * components.length + 1] = base + nameEnd; } else nameRanges[2 * components.length] = 0;
        c.visibility = v;
        c.maturity = m;
        c.stage = stageOf(m);
        c.positioned = true;
        const atEnd = compact.mid(i);
        if (atEnd < end) {
          // The modifiers straight from the line (read where it stands in `src`), as
          // `tailModifier` would apply their nodes.
          for (let p = at0 + atEnd; p < at0 + end;) {
            p = nextTailModifier(src, p);
            const t = tailScan;
            if (t.type === 'inertia') c.inertia = true;
            else if (t.type === 'label') c.label = { x: t.x, y: t.y };
            else if (!applyKnownDecorators(c, src, t.start, t.end)) {
              applyDecorators(i, c, decoratorWords(lineCode(doc, i), t.start - at0, t.end - at0));
            }
          }
        }
        components.push(c);
        continue;
      }
    }
    const s: Statement | null = lineResult(doc, i).stmt;
    if (!s) continue;
    if (pending && s.type !== 'blockOpen') pending = null;
    switch (s.type) {
      case 'header': break;
      case 'title':
        if (s.text === null) report(i, 'warning', s.start, s.end, "'title' needs the map's title after it");
        else title = s.text;
        break;
      case 'element': element(i, s); break;
      case 'legacyMethod':
        report(i, 'warning', s.keyword.start, s.keyword.end, `'${s.keyword.text} X' is a deprecated form: add '(${s.keyword.text})' after the component's coordinates instead`);
        legacyMethods.push({ name: s.name, method: s.keyword.text as Method, line: i });
        break;
      case 'evolve': {
        let target: { value: number; start: number; end: number } | null = null;
        for (const m of s.mods) {
          if (m.type === 'number' || m.type === 'evolveTo') {
            if (target) report(i, 'error', m.start, m.end, `the evolve target is given twice (${m.number.raw})`);
            else target = m.number;
            if (m.type === 'evolveTo') report(i, 'warning', m.start, m.end, `write the target alone: 'evolve ${s.name.text} ${m.number.value}'`);
          } else if (m.type === 'at') {
            report(i, 'error', m.start, m.end, "an evolve takes one number, the target maturity: 'evolve X 0.8'");
          } else if (m.type === 'url' || m.type === 'badAt') {
            report(i, 'error', m.start, m.end, 'not allowed in an evolve line');
          }
        }
        if (!target) { report(i, 'error', s.start, s.end, `an evolve needs a target maturity: 'evolve ${s.name.text} 0.8'`); break; }
        if (target.value < 0 || target.value > 1) report(i, 'warning', target.start, target.end, `evolve target ${target.value} is outside [0, 1]`);
        evolveStatements.push({ i, name: s.name, newName: s.newName, target: target.value, targetStart: target.start, targetEnd: target.end, mods: s.mods });
        break;
      }
      case 'pipeline': {
        let m1 = NaN;
        let m2 = NaN;
        for (const m of s.mods) {
          if (m.type === 'at' || m.type === 'badAt') {
            const v = coords(i, m.type === 'at' ? m.list : m, 2, 'the pipeline extent [maturity1, maturity2]');
            if (v) { m1 = v[0]!; m2 = v[1]!; }
          } else if (m.type !== 'decorators') report(i, 'error', m.start, m.end, "a pipeline takes its extent only: 'pipeline X [0.2, 0.7]'");
        }
        const p = { name: s.name.text, visibility: NaN, maturity1: m1, maturity2: m2, children: [] as string[], line: i + 1, loc: at(i, s.start, s.end) };
        pipelines.push(p);
        const open: OpenPipeline = { index: pipelines.length - 1, line: i, stmtEnd: s.end };
        if (s.brace) {
          if (block) report(i, 'error', s.brace.start, s.brace.end, 'pipelines cannot be nested');
          else block = open;
        } else pending = open;
        break;
      }
      case 'blockOpen':
        if (pending && !block) { block = pending; pending = null; }
        else report(i, 'error', s.start, s.end, block ? 'pipelines cannot be nested' : "'{' must follow a 'pipeline X' line");
        break;
      case 'blockClose':
        if (block) block = null;
        else report(i, 'error', s.start, s.end, "'}' closes nothing: no pipeline block is open");
        break;
      case 'note': {
        let v: number[] = [UNPOSITIONED.visibility, UNPOSITIONED.maturity];
        for (const m of s.mods) {
          if (m.type === 'at' || m.type === 'badAt') v = coords(i, m.type === 'at' ? m.list : m, 2, 'coordinates [visibility, maturity]') ?? v;
          else report(i, 'error', m.start, m.end, "a note takes its text and coordinates: 'note text [0.5, 0.5]'");
        }
        notes.push({ text: s.text.text, visibility: v[0]!, maturity: v[1]!, line: i + 1, loc: at(i, s.start, s.end) });
        break;
      }
      case 'annotation': {
        // Loops, not closures: a closure over `i` or `s` here makes every pass of the line loop
        // allocate a context for them (40 bytes a line, on every line of the map).
        const points: { visibility: number; maturity: number }[] = [];
        for (const list of s.points) {
          const p = coords(i, list, 2, 'a point [visibility, maturity]');
          if (p) points.push({ visibility: p[0]!, maturity: p[1]! });
        }
        annotations.push({ number: s.number.value, points, text: s.text ?? '', line: i + 1, loc: at(i, s.start, s.end) });
        break;
      }
      case 'annotations': {
        const v = coords(i, s.at, 2, 'the legend position [visibility, maturity]');
        if (v) annotationsAt = { visibility: v[0]!, maturity: v[1]! };
        break;
      }
      case 'style':
        if (s.name === null) report(i, 'warning', s.start, s.end, "'style' needs a name: plain, wardley, colour, handwritten or dark");
        else if (STYLES[s.name] === undefined || !Object.hasOwn(STYLES, s.name)) report(i, 'warning', s.start, s.end, `unknown style '${s.name}': expected plain, wardley, colour, handwritten or dark`);
        else style = STYLES[s.name]!;
        break;
      case 'size': {
        const v = coords(i, s.dims, 2, 'a size [width, height]', false);
        if (v) size = { width: v[0]!, height: v[1]! };
        break;
      }
      case 'evolution':
        if (s.hide) showEvolutionAxis = false;
        if (s.labels.some((l) => l.text === '')) report(i, 'warning', s.start, s.end, 'an evolution-axis label is empty');
        if (s.labels.length > 0) {
          if (s.labels.length !== 4) report(i, 'warning', s.start, s.end, `the evolution axis has four stages but ${s.labels.length} label${s.labels.length === 1 ? ' is' : 's are'} given`);
          const labels: string[] = [];
          for (let k = 0; k < DEFAULT_EVOLUTION_LABELS.length; k++) labels.push(s.labels[k]?.text ?? DEFAULT_EVOLUTION_LABELS[k]!);
          evolutionLabels = labels;
        }
        break;
      case 'valuechain': showValueChainAxis = false; break;
      case 'attitude': {
        const attitude = s.keyword.text as AttitudeName;
        const base = { attitude, label: s.label, line: i + 1, loc: at(i, s.start, s.end) };
        if (s.size) {
          // The older form: [visibility, maturity] width height (pixels).
          const v = coords(i, s.box, 2, 'a position [visibility, maturity] before width and height') ?? [UNPOSITIONED.visibility, UNPOSITIONED.maturity];
          attitudes.push({ ...base, visibility: v[0]!, maturity: v[1]!, visibility2: v[0]!, maturity2: v[1]!, width: s.size[0].value, height: s.size[1].value });
        } else {
          const v = coords(i, s.box, 4, 'a box [visibility1, maturity1, visibility2, maturity2]');
          if (v) attitudes.push({ ...base, visibility: v[0]!, maturity: v[1]!, visibility2: v[2]!, maturity2: v[3]!, width: null, height: null });
          else attitudes.push({ ...base, visibility: UNPOSITIONED.visibility, maturity: UNPOSITIONED.maturity, visibility2: UNPOSITIONED.visibility, maturity2: UNPOSITIONED.maturity, width: null, height: null });
        }
        break;
      }
      case 'yaxis': valueChainLabels = s.labels.map((l) => l.text); break;
      case 'accelerator': {
        let v: number[] = [UNPOSITIONED.visibility, UNPOSITIONED.maturity];
        for (const m of s.mods) {
          if (m.type === 'at' || m.type === 'badAt') v = coords(i, m.type === 'at' ? m.list : m, 2, 'coordinates [visibility, maturity]') ?? v;
          else report(i, 'error', m.start, m.end, `an ${s.keyword.text} takes a name and coordinates`);
        }
        accelerators.push({ name: s.name.text, deaccelerator: s.keyword.text === 'deaccelerator', visibility: v[0]!, maturity: v[1]!, line: i + 1, loc: at(i, s.start, s.end) });
        break;
      }
      case 'url': urls.push({ name: s.name, address: s.address, line: i + 1 }); break;
      case 'link': {
        const direction = s.arrow.flow === null ? null : s.arrow.flow === '>' ? 'forward' : s.arrow.flow === '<' ? 'backward' : 'both';
        linkRanges[links.length * 4] = 0;
        links.push(new BuiltLink(nameKey(s.from.text), nameKey(s.to.text), s.arrow.flow !== null, direction, s.arrow.label, s.context, i + 1, doc));
        break;
      }
    }
  }
  if (block) report(block.line, 'warning', 0, block.stmtEnd, "this pipeline's block is never closed with '}': it runs to the end of the map");

  // ---- cross-line meaning: evolves, legacy methods, pipelines, names
  // Indexed loops: these run once per component or link of a map that may have tens of thousands.
  // Every component read from a line, by name (the first of a name; evolved copies are not in it).
  let nameChars = 0;
  const read = components.length;
  for (let k = 0; k < read; k++) { const at = nameRanges[2 * k]!; if (at > 0) nameChars += nameRanges[2 * k + 1]! - (at - 1); }
  const names = buildNames.reset(doc.text, read, nameChars);
  for (let k = 0; k < read; k++) {
    const c = components.at(k);
    const at = nameRanges[2 * k]!;
    const first = at > 0 ? names.addRange(at - 1, nameRanges[2 * k + 1]!, k) : names.addString(c.key, k);
    if (first >= 0) reportSpan('warning', c.nameLoc, `duplicate component name '${c.name}' (first on line ${components.at(first).line}): links to it are ambiguous`);
  }
  const byKey = {
    get(key: string): MutableComponent | undefined { const k = names.find(key); return k < 0 ? undefined : components.at(k); },
    has(key: string): boolean { return names.find(key) >= 0; },
  };
  for (const lm of legacyMethods) {
    const c = byKey.get(nameKey(lm.name.text));
    if (c) c.method = lm.method;
    else report(lm.line, 'warning', lm.name.start, lm.name.end, `'${lm.name.text}' is not a component of this map`);
  }
  const pipelineVisibility = new Map<string, number>();
  for (const p of pipelines) {
    const owner = byKey.get(nameKey(p.name));
    if (owner) p.visibility = owner.visibility;
    else {
      p.visibility = UNPOSITIONED.visibility;
      reportSpan('warning', p.loc, `pipeline '${p.name}' has no component of that name to belong to`);
    }
    if (!pipelineVisibility.has(p.name)) pipelineVisibility.set(p.name, p.visibility);
    if (Number.isNaN(p.maturity1)) {
      // The extent its children span. A plain loop: the array that map() and filter() made here
      // changed its elements kind from map to map, which deoptimised this whole function on every
      // map with a pipeline (and left the rest of that build, the link loop included, unoptimised).
      let lo = Infinity;
      let hi = -Infinity;
      for (let k = 0; k < p.children.length; k++) {
        const m = byKey.get(nameKey(p.children[k]!))?.maturity;
        if (m !== undefined) { if (m < lo) lo = m; if (m > hi) hi = m; }
      }
      p.maturity1 = lo <= hi ? lo : owner?.maturity ?? 0;
      p.maturity2 = lo <= hi ? hi : owner?.maturity ?? 0;
    }
  }
  // Children written [maturity] sit at their pipeline's visibility (its owner may come after the block).
  for (let k = 0; k < pipelineChildren.length; k++) {
    const c = pipelineChildren[k]!;
    if (Number.isNaN(c.visibility) && c.parent !== null) c.visibility = pipelineVisibility.get(c.parent) ?? c.visibility;
  }

  // Passes over every component read each one's object, scattered through memory: at 50k lines
  // that costs far more per component than at 10k, so the few evolved copies and pipeline
  // children are kept apart as they are made instead of found by a pass.
  const evolvedKeys = new Set<string>();
  for (const e of evolveStatements) {
    const key = nameKey(e.name.text);
    const source = byKey.get(key);
    const newName = e.newName ? e.newName.text : null;
    evolves.push({ name: key, to: e.target, newName: newName === null ? null : nameKey(newName), line: e.i + 1, loc: at(e.i, 0, lineEnd(doc, e.i) - doc.lineStarts[e.i]!) });
    if (!source) {
      report(e.i, 'warning', e.name.start, e.name.end, `evolve of '${e.name.text}', which is not a component of this map`);
      continue;
    }
    source.evolveTo = e.target;
    if (e.target < source.maturity) {
      report(e.i, 'warning', e.targetStart, e.targetEnd, `evolve target ${e.target} is behind '${source.name}' (at ${source.maturity}): evolution moves right`);
    }
    // The evolved copy: the source's position, kind and decorations, at the target maturity.
    const evolved = new BuiltComponent(newName ?? source.name, 'evolved', e.i, doc);
    evolved.visibility = source.visibility;
    evolved.kind = source.kind;
    evolved.method = source.method;
    evolved.market = source.market;
    evolved.ecosystem = source.ecosystem;
    evolved.cost = source.cost;
    evolved.positioned = source.positioned;
    evolved.url = source.url;
    evolved.maturity = e.target;
    evolved.stage = stageOf(e.target);
    evolved.parent = source.key;
    for (const m of e.mods) {
      if (m.type === 'label') { const v = m.list.numbers; if (v.length === 2) evolved.label = { x: v[0]!.value, y: v[1]!.value }; }
      if (m.type === 'inertia') evolved.inertia = true;
      if (m.type === 'decorators') {
        evolved.method = null;
        applyDecorators(e.i, evolved, m.words);
      }
    }
    if (newName !== null && byKey.has(evolved.key)) {
      report(e.i, 'warning', e.newName!.start, e.newName!.end, `the evolved name '${newName}' is already a component of this map`);
    }
    components.push(evolved);
    evolvedKeys.add(evolved.key);
  }
  const known = (key: string): boolean => byKey.has(key) || evolvedKeys.has(key);
  const linkList = links.toArray();
  for (let k = 0; k < linkList.length; k++) {
    const l = linkList[k]!;
    const r = 4 * k;
    if (linkRanges[r]! > 0) {
      if (names.findRange(linkHashes[2 * k]!, linkRanges[r]! - 1, linkRanges[r + 1]!) >= 0
        && names.findRange(linkHashes[2 * k + 1]!, linkRanges[r + 2]!, linkRanges[r + 3]!) >= 0) continue;
    }
    if (known(l.from) && known(l.to)) continue;
    // Only a link with an unknown end needs its syntax tree (for the span of the name).
    const i = l.line - 1;
    const stmt = lineResult(doc, i).stmt;
    if (!stmt || stmt.type !== 'link') continue;
    if (!known(l.from)) report(i, 'warning', stmt.from.start, stmt.from.end, `link from '${l.from}', which is not a component of this map`);
    if (!known(l.to)) report(i, 'warning', stmt.to.start, stmt.to.end, `link to '${l.to}', which is not a component of this map`);
  }

  names.reset('', 0); // lets go of the map's text
  // Sorted only when there is something to sort: an empty list has another elements kind than a
  // list of diagnostics, and calling sort on both deoptimised buildModel each time a map without
  // diagnostics followed one with them (63 times in one bench process).
  if (diagCount > 1) diags.sort((a, b) => a.offset - b.offset || a.column - b.column);
  return {
    title, components: components.toArray(), links: linkList, evolves, pipelines, notes, annotations, attitudes, accelerators, urls,
    presentation: { style, size, evolutionLabels, valueChainLabels, showEvolutionAxis, showValueChainAxis, annotationsAt },
    diagnostics: diags,
  };
}
