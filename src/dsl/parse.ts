// Text -> syntax document: every line parsed on its own by the peggy grammar, results cached by
// the line's code so an edit re-parses only the lines it touched.
import { parse as parseGrammarLine, SyntaxError as GrammarSyntaxError } from './generated/wardley-parser.js';
import { CompactTable, compactLine, fastOther } from './fastpath.js';
import { commentOpenAfterScan, lineStartsOf, scanLine } from './lines.js';
import type { Diagnostic, LineDiagnostic, LineResult, Statement } from './syntax.js';

/** The keywords of the language (statements and modifiers). */
export const KEYWORDS: readonly string[] = [
  'title', 'anchor', 'component', 'submap', 'evolve', 'pipeline', 'note', 'annotation', 'annotations',
  'style', 'size', 'evolution', 'valuechain', 'pioneers', 'settlers', 'townplanners', 'accelerator',
  'deaccelerator', 'url', 'market', 'ecosystem', 'build', 'buy', 'outsource', 'y-axis', 'label', 'inertia',
];
const STATEMENT_KEYWORDS = new Set(KEYWORDS.filter((k) => k !== 'label' && k !== 'inertia'));

/** A parsed map text. Lines are kept apart so that an edit can reuse what did not change. */
export interface SyntaxDoc {
  readonly file: string
  readonly text: string
  /**
   * The text of each line, without its `\n`. A freshly parsed document makes this array when it is
   * first read (a cold parse of a large map does not need it); `lineText` reads one line.
   */
  readonly lines: readonly string[]
  /** Offset of each line's first character in `text` (not to be written to). */
  readonly lineStarts: Int32Array
  /** How many lines the text has (one more than it has `\n`s). */
  readonly lineCount: number
  /**
   * 1 where a block comment is open at the start of a line, else 0 (one more entry than lines:
   * the end). Bytes, not an array of booleans: at 50,000 lines such an array is a 400 KB object,
   * which the engine maps afresh for every parse (page faults that cost more than reading the lines).
   */
  readonly commentOpen: Uint8Array
  /**
   * What each line that is not one of the commonest (a plain component or link, kept in `compact`)
   * reads as, in line order; such a line's row in `compact` says where (`compact.other(i)`). Read
   * a line's result with `lineResult(doc, i)`.
   */
  readonly others: readonly LineResult[]
  readonly compact: CompactTable
}

/** Where line `i` of `doc` ends (the offset of its `\n`, or the end of the text). */
export function lineEnd(doc: Pick<SyntaxDoc, 'lineStarts' | 'text'>, i: number): number {
  return i + 1 < doc.lineStarts.length ? doc.lineStarts[i + 1]! - 1 : doc.text.length;
}

/** The text of line `i` of `doc`, without its `\n`. */
export function lineText(doc: Pick<SyntaxDoc, 'lineStarts' | 'text'>, i: number): string {
  return doc.text.slice(doc.lineStarts[i]!, lineEnd(doc, i));
}

/** Line `i` of `doc` with its comments blanked: what the grammar reads. */
export function lineCode(doc: SyntaxDoc, i: number): string {
  return scanLine(lineText(doc, i), doc.commentOpen[i] === 1);
}

/** What line `i` of `doc` parsed to, or null when it is a compact line (see `lineResult`). */
export function parsedLine(doc: SyntaxDoc, i: number): LineResult | null {
  return doc.compact.shape(i) === 0 ? doc.others[doc.compact.other(i)]! : null;
}

/** What line `i` of `doc` reads as (a compact line's reading is made afresh on each call). */
export function lineResult(doc: SyntaxDoc, i: number): LineResult {
  return parsedLine(doc, i) ?? doc.compact.line(i, lineCode(doc, i)) ?? EMPTY;
}

const cache = new Map<string, LineResult>();
const CACHE_LIMIT = 200_000;

/** Parses one line of code (comments already blanked). Never throws. */
export function parseLine(code: string): LineResult {
  // The common shapes are cheaper to read than to look up; only grammar results are cached.
  return compactLine(code) ?? parseOtherLine(code);
}

/** Parses a line that is not one of the compact shapes. */
function parseOtherLine(code: string): LineResult {
  const fast = fastOther(code);
  if (fast) return { stmt: fast, diagnostics: NO_DIAGNOSTICS };
  const hit = cache.get(code);
  if (hit) return hit;
  const result = parseLineUncached(code);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(code, result);
  return result;
}

function parseLineUncached(code: string): LineResult {
  if (code.trim() === '') return EMPTY;
  try {
    return { stmt: parseGrammarLine(code) as Statement | null, diagnostics: NO_DIAGNOSTICS };
  } catch (e) {
    if (!(e instanceof GrammarSyntaxError)) {
      return { stmt: null, diagnostics: [{ severity: 'error', start: 0, end: code.length, message: `cannot read this line (${String(e)})` }] };
    }
    const recased = retryLowercaseKeyword(code);
    if (recased) return recased;
    return { stmt: null, diagnostics: [syntaxErrorDiagnostic(code, e)] };
  }
}

const NO_DIAGNOSTICS: readonly LineDiagnostic[] = Object.freeze([]);
const EMPTY: LineResult = { stmt: null, diagnostics: NO_DIAGNOSTICS };

/** `Component X [..]` is a mistake worth a warning, not a lost line: read it as `component`. */
function retryLowercaseKeyword(code: string): LineResult | null {
  const m = /^(\s*)([A-Za-z]+)(?![\w-])/.exec(code);
  if (!m) return null;
  const word = m[2]!;
  const lower = word.toLowerCase();
  if (lower === word || !STATEMENT_KEYWORDS.has(lower)) return null;
  const start = m[1]!.length;
  try {
    const stmt = parseGrammarLine(code.slice(0, start) + lower + code.slice(start + word.length)) as Statement | null;
    return {
      stmt,
      diagnostics: [{ severity: 'warning', start, end: start + word.length, message: `keywords are lowercase: write '${lower}' instead of '${word}'`, fix: lower }],
    };
  } catch {
    return null;
  }
}

interface Expectation { type: string; text?: string; description?: string; parts?: unknown[]; inverted?: boolean }

function describeExpected(list: readonly Expectation[]): string[] {
  const out = new Set<string>();
  for (const x of list) {
    if (x.type === 'literal') out.add(`'${x.text ?? ''}'`);
    else if (x.type === 'end') out.add('the end of the line');
    else if (x.type === 'other') out.add(x.description ?? '');
    else if (x.type === 'class') {
      const parts = JSON.stringify(x.parts);
      if (parts.includes('"0","9"')) out.add('a number');
      else if (parts.includes('\\t')) continue; // whitespace is never what the user needs to hear
      else out.add('a character');
    }
  }
  return [...out].filter((s) => s !== '');
}

function joinAlternatives(items: string[]): string {
  if (items.length <= 1) return items[0] ?? 'something else';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function syntaxErrorDiagnostic(code: string, e: GrammarSyntaxError): LineDiagnostic {
  const firstWord = /^\s*([^\s[(]+)/.exec(code)?.[1] ?? '';
  const looksLikeLink = /->|\+'|\+<|\+>/.test(code);
  if (!STATEMENT_KEYWORDS.has(firstWord) && !looksLikeLink) {
    const start = code.length - code.trimStart().length;
    return {
      severity: 'error', start, end: start + firstWord.length,
      message: `unknown statement '${firstWord}': expected a keyword (component, anchor, evolve, pipeline, note, ...) or a link such as 'A->B'`,
    };
  }
  let err = e;
  if (STATEMENT_KEYWORDS.has(firstWord)) {
    // Explain the failure as the keyword's statement, not as a link that also failed.
    try { parseGrammarLine(code, { startRule: 'KeywordLine' }); } catch (k) { if (k instanceof GrammarSyntaxError) err = k; }
  }
  const at = err.location.start.offset;
  const expected = joinAlternatives(describeExpected(err.expected as Expectation[]));
  const found = at >= code.trimEnd().length ? 'the line ends' : `found '${code[at]}'`;
  return { severity: 'error', start: at, end: Math.max(at + 1, Math.min(code.length, at + 1)), message: `expected ${expected} but ${found}` };
}

/** Parses a whole map text. Never throws. */
export function parseDoc(text: string, file = '<input>'): SyntaxDoc {
  const starts = lineStartsOf(text);
  const n = starts.length;
  const commentOpen = new Uint8Array(n + 1);
  const others: LineResult[] = [];
  const compact = new CompactTable(n);
  const lineAt = (i: number): string => text.slice(starts[i]!, i + 1 < n ? starts[i + 1]! - 1 : text.length);
  let open = false;
  // Each line's text is read and let go: the document keeps no string per line (see `lines`).
  for (let i = 0; i < n; i++) {
    if (open) commentOpen[i] = 1;
    const line = lineAt(i);
    const code = scanLine(line, open);
    open = commentOpenAfterScan();
    if (!compact.read(i, code, code !== line)) { compact.setOther(i, others.length); others.push(parseOtherLine(code)); }
  }
  if (open) commentOpen[n] = 1;
  let lines: string[] | null = null;
  return {
    file, text,
    get lines(): readonly string[] {
      if (lines === null) {
        lines = new Array<string>(n);
        for (let i = 0; i < n; i++) lines[i] = lineAt(i);
      }
      return lines;
    },
    lineStarts: starts, lineCount: n, commentOpen, others, compact,
  };
}

/**
 * Re-parses after replacing `[from, to)` of `doc.text` with `insert`. Only the touched lines
 * (and, if a block comment opened or closed, the lines whose comment state changed) are read again.
 */
export function reparse(doc: SyntaxDoc, from: number, to: number, insert: string): SyntaxDoc {
  const text = doc.text.slice(0, from) + insert + doc.text.slice(to);
  const firstLine = lineIndexAt(doc, from);
  const lastLine = lineIndexAt(doc, to);
  const regionStart = doc.lineStarts[firstLine]!;
  const oldRegionEnd = lastLine + 1 < doc.lines.length ? doc.lineStarts[lastLine + 1]! - 1 : doc.text.length;
  const delta = insert.length - (to - from);
  const regionText = text.slice(regionStart, oldRegionEnd + delta);
  const newLines = regionText.split('\n');

  const keepAfter = lastLine + 1;
  const lines = doc.lines.slice(0, firstLine).concat(newLines, doc.lines.slice(keepAfter));
  const lineStarts = new Int32Array(lines.length);
  lineStarts.set(doc.lineStarts.subarray(0, firstLine + 1));
  let pos = regionStart;
  let n = firstLine + 1;
  for (let k = 0; k < newLines.length; k++) {
    if (k > 0) lineStarts[n++] = pos;
    pos += newLines[k]!.length + 1;
  }
  for (let i = keepAfter; i < doc.lines.length; i++) lineStarts[n++] = doc.lineStarts[i]! + delta;

  const count = lines.length;
  const compact = new CompactTable(count);
  compact.copy(doc.compact, 0, 0, firstLine);
  const others = doc.others.slice(0, doc.compact.othersBefore(firstLine));
  const commentOpen = new Uint8Array(count + 1);
  commentOpen.set(doc.commentOpen.subarray(0, firstLine + 1));
  let open = doc.commentOpen[firstLine] === 1;
  let row = firstLine;
  const readLine = (line: string): void => {
    const code = scanLine(line, open);
    open = commentOpenAfterScan();
    if (!compact.read(row, code, code !== line)) { compact.setOther(row, others.length); others.push(parseOtherLine(code)); }
    row += 1;
    if (open) commentOpen[row] = 1;
  };
  for (let k = 0; k < newLines.length; k++) readLine(newLines[k]!);
  // Lines after the edit keep their results while the comment state reaching them is unchanged.
  const oldCount = doc.lineCount;
  let i = keepAfter;
  while (i < oldCount && (doc.commentOpen[i] === 1) !== open) { readLine(doc.lines[i]!); i += 1; }
  compact.copy(doc.compact, i, row, oldCount - i);
  commentOpen.set(doc.commentOpen.subarray(i + 1, oldCount + 1), row + 1);
  for (; row < count; row++) {
    if (compact.shape(row) !== 0) continue;
    const o = compact.other(row);
    compact.setOther(row, others.length);
    others.push(doc.others[o]!);
  }
  return { file: doc.file, text, lines, lineStarts, lineCount: count, commentOpen, others, compact };
}

/** The index of the line holding `offset` (an offset at a `\n` belongs to the line it ends). */
export function lineIndexAt(doc: Pick<SyntaxDoc, 'lineStarts'>, offset: number): number {
  const starts = doc.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Places a line-relative diagnostic in the file. */
export function placeDiagnostic(doc: SyntaxDoc, lineIndex: number, d: LineDiagnostic): Diagnostic {
  const base = doc.lineStarts[lineIndex]!;
  const out: Diagnostic = { severity: d.severity, line: lineIndex + 1, column: d.start + 1, offset: base + d.start, end: base + d.end, message: d.message };
  return d.fix === undefined ? out : { ...out, fix: d.fix };
}

/** Diagnostics of the syntax alone (the model adds its own). */
export function syntaxDiagnostics(doc: SyntaxDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const n = doc.lineCount;
  for (let i = 0; i < n; i++) {
    const r = parsedLine(doc, i);
    if (r) for (const d of r.diagnostics) out.push(placeDiagnostic(doc, i, d));
  }
  if (doc.commentOpen[n]) {
    let i = n - 1;
    while (i > 0 && doc.commentOpen[i]) i -= 1;
    const col = lineText(doc, i).indexOf('/*');
    out.push(placeDiagnostic(doc, i, { severity: 'warning', start: Math.max(0, col), end: Math.max(0, col) + 2, message: "block comment '/*' is never closed with '*/': everything after it is ignored" }));
  }
  return out;
}

/** Forgets every cached line (for benchmarks that measure a cold parse). */
export function clearLineCache(): void {
  cache.clear();
}
