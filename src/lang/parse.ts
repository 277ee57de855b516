// Text -> syntax document: every line read on its own (the fast path for the commonest lines, the
// peggy grammar for the rest), so that an edit reads again only the lines it touched.
import { fastLine } from './fastpath.js';
import { parse as parseGrammarLine, SyntaxError as GrammarSyntaxError } from './generated/wardley-parser.js';
import { bomLength, dominantBreak, scanLine, type LineBreak } from './lines.js';
import type { Diagnostic, LineDiagnostic, LineResult, Statement } from './syntax.js';
import { DECORATOR_WORDS, isStatementKeyword, STATEMENT_KEYWORDS } from './words.js';

/** One line of a parsed document: what it reads as, and where it stands. Shared between documents. */
export interface DocLine extends LineResult {
  /** The line's length, without its break. */
  readonly length: number;
  /** The break that ends it ('' for the last line). */
  readonly br: LineBreak;
  /** Whether a block comment is open where the line starts. */
  readonly commentOpen: boolean;
}

/** A parsed map text. */
export interface SyntaxDoc {
  readonly file: string;
  readonly text: string;
  /** Where each line starts in `text` (a byte-order mark and the line breaks belong to no line). */
  readonly starts: readonly number[];
  readonly lines: readonly DocLine[];
  /** Whether a block comment is still open at the end of the text. */
  readonly commentOpenAtEnd: boolean;
  /** The break a line added to this text should end with (the one the text uses most). */
  readonly eol: '\n' | '\r\n' | '\r';
}

const NO_DIAGNOSTICS: readonly LineDiagnostic[] = Object.freeze([]);
const EMPTY: LineResult = Object.freeze({ stmt: null, diagnostics: NO_DIAGNOSTICS });
const CACHE_LIMIT = 100_000;

/** What the grammar asks of its caller: which words are decorators. */
const GRAMMAR_OPTIONS = {
  isDecorator: (w: string): boolean => DECORATOR_WORDS.includes(w.toLowerCase()) || /^cost[ \t]+[0-9.]+$/i.test(w),
};

/**
 * Reads lines. Holds a cache of lines read by the grammar, so that a parser kept by its owner (the
 * editor's store) reads a repeated or re-typed line once; a new parser starts empty.
 */
export class Parser {
  readonly #cache = new Map<string, LineResult>();

  /** Reads one line of code (comments already blanked). Never throws. */
  line(code: string): LineResult {
    const fast = fastLine(code);
    return fast ? { stmt: fast, diagnostics: invisibleCharacters(code) } : this.#grammarLine(code);
  }

  /** Reads one line of a document: what `line` reads, with where the line stands. */
  docLine(code: string, length: number, br: LineBreak, commentOpen: boolean): DocLine {
    const fast = fastLine(code);
    const r = fast ? null : this.#grammarLine(code);
    return {
      stmt: fast ?? r!.stmt,
      diagnostics: fast ? invisibleCharacters(code) : r!.diagnostics,
      length,
      br,
      commentOpen,
    };
  }

  #grammarLine(code: string): LineResult {
    const hit = this.#cache.get(code);
    if (hit) return hit;
    const result = readLine(code);
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
    this.#cache.set(code, result);
    return result;
  }
}

/** Reads one line with a parser of its own (tests, one-off probes). */
export function parseLine(code: string): LineResult {
  return new Parser().line(code);
}

function readLine(code: string): LineResult {
  if (code.trim() === '') return EMPTY;
  let result: LineResult;
  try {
    result = { stmt: parseGrammarLine(code, GRAMMAR_OPTIONS) as Statement | null, diagnostics: NO_DIAGNOSTICS };
  } catch (e) {
    if (!(e instanceof GrammarSyntaxError)) {
      result = {
        stmt: null,
        diagnostics: [
          { severity: 'error', start: 0, end: code.length, message: `cannot read this line (${String(e)})` },
        ],
      };
    } else
      result = recaseKeyword(code) ??
        bareKeyword(code) ?? { stmt: null, diagnostics: [syntaxErrorDiagnostic(code, e)] };
  }
  const odd = invisibleCharacters(code);
  return odd.length ? { stmt: result.stmt, diagnostics: [...result.diagnostics, ...odd] } : result;
}

/** `Component X [..]` is a mistake worth a warning, not a lost line: read it as `component`. */
function recaseKeyword(code: string): LineResult | null {
  const m = /^(\s*)([A-Za-z]+(?:-[A-Za-z]+)?)(?![\w-])/.exec(code);
  if (!m) return null;
  const word = m[2]!;
  const lower = word.toLowerCase();
  if (lower === word || !isStatementKeyword(lower)) return null;
  const start = m[1]!.length;
  try {
    const stmt = parseGrammarLine(
      code.slice(0, start) + lower + code.slice(start + word.length),
      GRAMMAR_OPTIONS,
    ) as Statement | null;
    return {
      stmt,
      diagnostics: [
        {
          severity: 'warning',
          start,
          end: start + word.length,
          message: `keywords are lowercase: write '${lower}' instead of '${word}'`,
          fix: lower,
          code: 'keyword-case',
        },
      ],
    };
  } catch {
    return null;
  }
}

/** A keyword alone (`component`): OnlineWardleyMaps ignores the line; say so, and ignore it too. */
function bareKeyword(code: string): LineResult | null {
  const word = code.trim();
  if (!isStatementKeyword(word)) return null;
  const start = code.indexOf(word);
  const what =
    word === 'component' || word === 'anchor' || word === 'submap' ? 'a name and coordinates' : 'more after it';
  return {
    stmt: null,
    diagnostics: [
      {
        severity: 'warning',
        start,
        end: start + word.length,
        message: `'${word}' needs ${what}: this line is ignored`,
        code: 'bare-keyword',
      },
    ],
  };
}

/** Characters that cannot be seen but make two names differ: zero-width spaces, joiners, direction overrides. */
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\u202a-\u202e\u2066-\u2069\u00ad\ufeff]/g;

function invisibleCharacters(code: string): readonly LineDiagnostic[] {
  if (!INVISIBLE.test(code)) {
    INVISIBLE.lastIndex = 0;
    return NO_DIAGNOSTICS;
  }
  INVISIBLE.lastIndex = 0;
  const out: LineDiagnostic[] = [];
  for (const m of code.matchAll(INVISIBLE)) {
    const hex = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    out.push({
      severity: 'warning',
      start: m.index,
      end: m.index + 1,
      message:
        `an invisible character (U+${hex}) is in this line: a name holding it looks like, but is not, ` +
        `the name without it`,
      fix: '',
      code: 'invisible-character',
    });
  }
  return out;
}

interface Expectation {
  type: string;
  text?: string;
  description?: string;
  parts?: unknown[];
}

function describeExpected(list: readonly Expectation[]): string[] {
  const out = new Set<string>();
  for (const x of list) {
    if (x.type === 'literal') out.add(`'${x.text ?? ''}'`);
    else if (x.type === 'end') out.add('the end of the line');
    else if (x.type === 'other') out.add(x.description ?? '');
    else if (x.type === 'class') {
      const parts = JSON.stringify(x.parts);
      if (parts.includes('"0","9"')) out.add('a number');
      else if (parts.includes('\\t'))
        continue; // whitespace is never what the user needs to hear
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
  if (!isStatementKeyword(firstWord) && !looksLikeLink) {
    const start = code.length - code.trimStart().length;
    return {
      severity: 'error',
      start,
      end: start + firstWord.length,
      code: 'unknown-statement',
      message:
        `unknown statement '${firstWord}': expected a keyword ` +
        `(${STATEMENT_KEYWORDS.slice(0, 6).join(', ')}, ...) or a link such as 'A->B'`,
    };
  }
  let err = e;
  if (isStatementKeyword(firstWord)) {
    // Explain the failure as the keyword's statement, not as a link that also failed.
    try {
      parseGrammarLine(code, { ...GRAMMAR_OPTIONS, startRule: 'KeywordLine' });
    } catch (k) {
      if (k instanceof GrammarSyntaxError) err = k;
    }
  }
  const at = err.location.start.offset;
  const expected = joinAlternatives(describeExpected(err.expected as Expectation[]));
  const found = at >= code.trimEnd().length ? 'the line ends' : `found '${code[at]}'`;
  return {
    severity: 'error',
    start: at,
    end: Math.min(code.length, at + 1),
    message: `expected ${expected} but ${found}`,
    code: 'syntax',
  };
}

/**
 * Reads the lines of `text[from, to)` (which starts a line) from comment state `open`, appending
 * them to `lines` and `starts`; `last`: the region runs to the end of the text, so its last line
 * (even an empty one) is read too. Returns the comment state after.
 */
function readLines(
  parser: Parser,
  text: string,
  from: number,
  to: number,
  last: boolean,
  open: boolean,
  lines: DocLine[],
  starts: number[],
): boolean {
  let state = open;
  let start = from;
  const read = (end: number, br: LineBreak) => {
    const raw = text.slice(start, end);
    const atStart = state;
    let code = raw;
    if (state || raw.indexOf('/') >= 0) {
      const scanned = scanLine(raw, state);
      code = scanned.code;
      state = scanned.open;
    }
    lines.push(parser.docLine(code, end - start, br, atStart));
    starts.push(start);
  };
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    if (c === 13 && i + 1 < to && text.charCodeAt(i + 1) === 10) {
      read(i, '\r\n');
      i += 1;
    } else read(i, c === 10 ? '\n' : '\r');
    start = i + 1;
  }
  if (last) read(to, '');
  return state;
}

/** Parses a whole map text. Never throws. */
export function parseDoc(text: string, file = '<input>', parser = new Parser()): SyntaxDoc {
  const lines: DocLine[] = [];
  const starts: number[] = [];
  const open = readLines(parser, text, bomLength(text), text.length, true, false, lines, starts);
  return { file, text, starts, lines, commentOpenAtEnd: open, eol: dominantBreak(lines) };
}

/** Where line `i` of `doc` ends (before its break). */
export function lineEnd(doc: SyntaxDoc, i: number): number {
  return doc.starts[i]! + doc.lines[i]!.length;
}

/** The text of line `i` of `doc`, without its break. */
export function lineText(doc: SyntaxDoc, i: number): string {
  return doc.text.slice(doc.starts[i]!, lineEnd(doc, i));
}

/** Line `i` of `doc` with its comments blanked: what the grammar read. */
export function lineCode(doc: SyntaxDoc, i: number): string {
  return scanLine(lineText(doc, i), doc.lines[i]!.commentOpen).code;
}

/** The index of the line holding `offset` (an offset at a break belongs to the line it ends). */
export function lineIndexAt(doc: Pick<SyntaxDoc, 'starts'>, offset: number): number {
  const starts = doc.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Re-parses after replacing `[from, to)` of `doc.text` with `insert`. Only the touched lines (and,
 * if a block comment opened or closed, the lines whose comment state changed) are read again; the
 * others are the same line objects.
 */
export function reparse(doc: SyntaxDoc, from: number, to: number, insert: string, parser = new Parser()): SyntaxDoc {
  const text = doc.text.slice(0, from) + insert + doc.text.slice(to);
  const delta = insert.length - (to - from);
  const n = doc.lines.length;
  let first = lineIndexAt(doc, from);
  let last = lineIndexAt(doc, to);
  // A lone `\r` before the region, or after it, may join a `\n` of the edit into one break.
  if (first > 0 && doc.lines[first - 1]!.br === '\r') first -= 1;
  if (last + 1 < n && doc.lines[last]!.br === '\r') last += 1;
  const regionStart = first === 0 ? bomLength(text) : doc.starts[first]!;
  const oldRegionEnd = last + 1 < n ? doc.starts[last + 1]! : doc.text.length;
  const lines: DocLine[] = doc.lines.slice(0, first);
  const starts: number[] = doc.starts.slice(0, first);
  let open = readLines(
    parser,
    text,
    regionStart,
    oldRegionEnd + delta,
    last + 1 === n,
    first > 0 ? doc.lines[first]!.commentOpen : false,
    lines,
    starts,
  );
  // Lines after the edit keep their readings while the comment state reaching them is unchanged.
  let i = last + 1;
  for (; i < n && doc.lines[i]!.commentOpen !== open; i++) {
    const s = doc.starts[i]! + delta;
    const l = doc.lines[i]!;
    open = readLines(parser, text, s, s + l.length + l.br.length, l.br === '', open, lines, starts);
  }
  // The rest reads as before, so the state at the end is what it was.
  const commentOpenAtEnd = i < n ? doc.commentOpenAtEnd : open;
  for (; i < n; i++) {
    lines.push(doc.lines[i]!);
    starts.push(doc.starts[i]! + delta);
  }
  return { file: doc.file, text, starts, lines, commentOpenAtEnd, eol: dominantBreak(lines) };
}

/** Places a line-relative diagnostic in the file. */
export function placeDiagnostic(doc: SyntaxDoc, lineIndex: number, d: LineDiagnostic): Diagnostic {
  const base = doc.starts[lineIndex]!;
  return {
    severity: d.severity,
    line: lineIndex + 1,
    column: d.start + 1,
    offset: base + d.start,
    end: base + d.end,
    message: d.message,
    ...(d.fix !== undefined ? { fix: d.fix } : {}),
    ...(d.code !== undefined ? { code: d.code } : {}),
  };
}

/** Diagnostics of the syntax alone (the model adds its own). */
export function syntaxDiagnostics(doc: SyntaxDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 0; i < doc.lines.length; i++) {
    for (const d of doc.lines[i]!.diagnostics) out.push(placeDiagnostic(doc, i, d));
  }
  if (doc.commentOpenAtEnd) {
    let i = doc.lines.length - 1;
    while (i > 0 && doc.lines[i]!.commentOpen) i -= 1;
    const col = Math.max(0, lineText(doc, i).indexOf('/*'));
    out.push(
      placeDiagnostic(doc, i, {
        severity: 'warning',
        start: col,
        end: col + 2,
        message: "block comment '/*' is never closed with '*/': everything after it is ignored",
      }),
    );
  }
  if (doc.lines.some((l) => l.br === '\r') && !doc.lines.some((l) => l.br === '\n' || l.br === '\r\n')) {
    out.push(
      placeDiagnostic(doc, 0, {
        severity: 'warning',
        start: 0,
        end: 0,
        message:
          'this file ends its lines with CR alone (old Mac editors): OnlineWardleyMaps reads it as one line; ' +
          'save it with LF or CRLF line endings',
        code: 'cr-line-endings',
      }),
    );
  }
  return out;
}
