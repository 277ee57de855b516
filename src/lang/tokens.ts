// What each part of a line is, for highlighting: read from the parser's own reading of the line
// (its statement's nodes), so that the colours always agree with how the line is read.
import { Parser } from './parse.js';
import { scanLine } from './lines.js';
import type { Statement } from './syntax.js';

export type TokenKind = 'keyword' | 'number' | 'comment' | 'string' | 'arrow' | 'decorator';

export interface Token {
  readonly from: number;
  readonly to: number;
  readonly kind: TokenKind;
}

/** Modifiers that start with a word (`label [x, y]`, `inertia`, `url(ref)`, `evolve 0.8`). */
const MODIFIER_WORD: Readonly<Record<string, number>> = { label: 5, inertia: 7, url: 3, evolveTo: 6 };

const ARROW = /->|\+'[^']*'(?:<>|<|>)|\+<>|\+<|\+>/;

/**
 * The tokens of one line, in order and not overlapping, and whether a block comment is open at its
 * end. `inComment`: one is open at its start.
 */
export function lineTokens(text: string, inComment: boolean, parser: Parser): { tokens: Token[]; open: boolean } {
  const { code, open } = scanLine(text, inComment);
  const tokens: Token[] = [];
  // Comments: what the scan blanked (with the blanks between).
  for (let i = 0; i < text.length; i++) {
    if (text[i] === code[i]) continue;
    let end = i + 1;
    for (let j = i + 1; j < text.length && /\s/.test(code[j]!); j++) if (text[j] !== code[j]) end = j + 1;
    tokens.push({ from: i, to: end, kind: 'comment' });
    i = end - 1;
  }
  const stmt = parser.line(code).stmt;
  if (stmt) statementTokens(stmt, code, tokens);
  tokens.sort((a, b) => a.from - b.from || b.to - a.to);
  const out: Token[] = [];
  for (const t of tokens) if (t.to > t.from && (out.length === 0 || t.from >= out[out.length - 1]!.to)) out.push(t);
  return { tokens: out, open };
}

function statementTokens(stmt: Statement, code: string, out: Token[]): void {
  if (stmt.type === 'link') {
    const between = code.slice(stmt.from.end, stmt.to.start);
    const m = ARROW.exec(between);
    if (m) out.push({ from: stmt.from.end + m.index, to: stmt.from.end + m.index + m[0].length, kind: 'arrow' });
  }
  if (stmt.type === 'evolve' && stmt.newName) {
    const between = code.slice(stmt.name.end, stmt.newName.start);
    const at = between.indexOf('->');
    if (at >= 0) out.push({ from: stmt.name.end + at, to: stmt.name.end + at + 2, kind: 'arrow' });
  }
  walk(stmt, out);
}

/** Every node of a statement that has a colour: keywords, numbers, quoted names, decorators. */
function walk(node: unknown, out: Token[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) walk(n, out);
    return;
  }
  const n = node as Record<string, unknown> & { start?: number; end?: number; type?: string };
  if (typeof n.start !== 'number' || typeof n.end !== 'number') {
    for (const v of Object.values(n)) walk(v, out);
    return;
  }
  if (n.type === 'decorators') {
    out.push({ from: n.start, to: n.end, kind: 'decorator' });
    return;
  }
  if (typeof n.value === 'number' && typeof n.raw === 'string') {
    out.push({ from: n.start, to: n.end, kind: 'number' });
    return;
  }
  if (n.quoted === true) {
    out.push({ from: n.start, to: n.end, kind: 'string' });
    return;
  }
  const word = typeof n.type === 'string' ? MODIFIER_WORD[n.type] : undefined;
  if (word !== undefined) out.push({ from: n.start, to: n.start + word, kind: 'keyword' });
  for (const [k, v] of Object.entries(n)) {
    if (k === 'keyword' && v && typeof v === 'object') {
      const kw = v as { start: number; end: number };
      out.push({ from: kw.start, to: kw.end, kind: 'keyword' });
    } else walk(v, out);
  }
}
