// The formatter: canonical spacing and numbers, comments, order and blank lines kept, the file's
// own line breaks kept. It prints from the syntax tree, never changes a name (they are printed as
// written), and leaves a line it cannot fully read exactly as it is.
import { lineText, type SyntaxDoc } from './parse.js';
import type { AnyListNode, Modifier, NumberListNode, NumberNode, Statement } from './syntax.js';

/**
 * Coordinates: two decimals (as OnlineWardleyMaps writes them) when that is the same value, else as
 * written (toFixed writes 1e+21 and beyond in exponent form, which the language does not read).
 */
function unitNumber(n: NumberNode): string {
  const two = n.value.toFixed(2);
  return Number.isFinite(n.value) && /^-?\d+\.\d\d$/.test(two) && Number(two) === n.value ? two : n.raw;
}

/** Pixels and counts: the shortest form of the value when it reads back the same, else as written. */
function plainNumber(n: NumberNode): string {
  const s = String(n.value);
  return Number.isFinite(n.value) && /^-?\d+(\.\d+)?$/.test(s) ? s : n.raw;
}

function list(l: NumberListNode, fmt: (n: NumberNode) => string): string {
  return `[${l.numbers.map(fmt).join(', ')}]`;
}

function anyList(line: string, l: AnyListNode, fmt: (n: NumberNode) => string): string {
  return 'type' in l ? line.slice(l.start, l.end) : list(l, fmt);
}

function modifier(line: string, m: Modifier): string {
  switch (m.type) {
    case 'at':
      return list(m.list, unitNumber);
    case 'badAt':
      return line.slice(m.start, m.end);
    case 'label':
      return `label ${list(m.list, plainNumber)}`;
    case 'inertia':
      return 'inertia';
    case 'url':
      return `url(${m.ref})`;
    case 'evolveTo':
      return `evolve ${unitNumber(m.number)}`;
    case 'decorators':
      return `(${m.words.map((w) => w.text).join(', ')})`;
    case 'number':
      return m.number.raw;
    case 'junk':
      return m.text;
  }
}

function withMods(head: string, line: string, mods: readonly Modifier[]): string {
  return [head, ...mods.map((m) => modifier(line, m))].join(' ');
}

/** Prints one statement canonically. `line` is the code it was read from (names are kept byte for byte). */
export function printStatement(s: Statement, line: string): string {
  const raw = (x: { start: number; end: number }): string => line.slice(x.start, x.end);
  switch (s.type) {
    case 'element':
      return withMods(`${s.keyword.text} ${raw(s.name)}`, line, s.mods);
    case 'legacyMethod':
      return `${s.keyword.text} ${raw(s.name)}`;
    case 'evolve':
      return withMods(`evolve ${raw(s.name)}${s.newName ? `->${raw(s.newName)}` : ''}`, line, s.mods);
    case 'pipeline':
      return withMods(`pipeline ${raw(s.name)}`, line, s.mods) + (s.brace ? ' {' : '');
    case 'note':
      return withMods(`note ${raw(s.text)}`, line, s.mods);
    case 'annotation': {
      const pts =
        s.points.length === 1
          ? anyList(line, s.points[0]!, unitNumber)
          : `[${s.points.map((p) => anyList(line, p, unitNumber)).join(', ')}]`;
      return `annotation ${plainNumber(s.number)} ${pts}${s.text ? ` ${s.text}` : ''}`;
    }
    case 'annotations':
      return `annotations ${anyList(line, s.at, unitNumber)}`;
    case 'title':
      return s.text === null ? 'title' : `title ${s.text}`;
    case 'style':
      return s.name === null ? 'style' : `style ${s.name}`;
    case 'size':
      return `size ${anyList(line, s.dims, plainNumber)}`;
    case 'evolution':
      return [
        'evolution',
        ...(s.hide ? ['--hide'] : []),
        ...(s.labels.length ? [s.labels.map((l) => l.text).join('->')] : []),
      ].join(' ');
    case 'valuechain':
      return 'valuechain --hide';
    case 'yaxis':
      return `y-axis ${s.labels.map((l) => l.text).join('->')}`;
    case 'attitude': {
      const box = s.size
        ? `${anyList(line, s.box, unitNumber)} ${plainNumber(s.size[0])} ${plainNumber(s.size[1])}`
        : anyList(line, s.box, unitNumber);
      return `${s.keyword.text} ${box}${s.label ? ` ${s.label}` : ''}`;
    }
    case 'accelerator':
      return withMods(`${s.keyword.text} ${raw(s.name)}`, line, s.mods);
    case 'url':
      return `url ${s.name} [${s.address}]`;
    case 'link': {
      const arrow =
        s.arrow.flow === null ? '->' : `+${s.arrow.label !== null ? `'${s.arrow.label}'` : ''}${s.arrow.flow}`;
      const context = s.context === null ? '' : s.context === '' ? ';' : `; ${s.context}`;
      return `${raw(s.from)}${arrow}${raw(s.to)}${context}`;
    }
    case 'blockOpen':
      return '{';
    case 'blockClose':
      return '}';
    case 'header':
      return 'wardley-beta';
  }
}

/**
 * Formats a parsed map. `errorLines` (0-based) are left exactly as typed: the user has not finished
 * saying what they mean. So is a line with text the statement does not read (kept as it stands),
 * and every line inside or beside a block comment.
 */
export function formatDoc(doc: SyntaxDoc, errorLines: ReadonlySet<number> = new Set()): string {
  const out: string[] = [];
  // The line each printed line comes from (its line break goes with it); -1 for one the formatter adds.
  const from: number[] = [];
  const push = (text: string, i: number) => {
    out.push(text);
    from.push(i);
  };
  let depth = 0;
  const n = doc.lines.length;
  for (let i = 0; i < n; i++) {
    const line = doc.lines[i]!;
    const original = lineText(doc, i);
    const stmt = line.stmt;
    const touchesBlockComment =
      line.commentOpen || (i + 1 < n ? doc.lines[i + 1]!.commentOpen : doc.commentOpenAtEnd) || original.includes('/*');
    if (stmt?.type === 'blockClose' && depth > 0) depth -= 1;
    const indent = '  '.repeat(depth);
    if (stmt?.type === 'blockOpen' || (stmt?.type === 'pipeline' && stmt.brace)) depth += 1;
    const hasJunk = stmt !== null && 'mods' in stmt && stmt.mods.some((m) => m.type === 'junk');
    // A keyword's case is the one line problem the printer mends (it prints keywords lowercase).
    const unsure = line.diagnostics.some((d) => d.code !== 'keyword-case');
    if (touchesBlockComment || errorLines.has(i) || hasJunk || unsure) {
      push(original, i);
      continue;
    }
    if (!stmt) {
      push(original.trim() === '' ? '' : original.trimEnd(), i);
      continue;
    }
    const commentAt = findLineComment(original, stmt.end);
    const code = original.slice(0, commentAt ?? original.length);
    // A pipeline's `{` goes on a line of its own: OnlineWardleyMaps reads the block only so.
    const brace = stmt.type === 'pipeline' && stmt.brace !== null;
    const printed = indent + printStatement(brace ? { ...stmt, brace: null } : stmt, code);
    push(commentAt === null ? printed : `${printed} ${original.slice(commentAt).trimEnd()}`, brace ? -1 : i);
    if (brace) push(`${indent}{`, i);
  }
  while (out.length > 1 && out[out.length - 1] === '' && out[out.length - 2] === '') {
    out.pop();
    from.pop();
  }
  // Each line keeps its own break (a line the formatter added takes the file's usual one); the text
  // ends with one break after its last line that is not blank.
  const breakAfter = (k: number): string => {
    const i = from[k] ?? -1;
    return i >= 0 && i < n && doc.lines[i]!.br !== '' ? doc.lines[i]!.br : doc.eol;
  };
  let text = doc.text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  for (let i = 0; i < out.length; i++) {
    const last = i === out.length - 1;
    text += out[i]! + (last && out[i] === '' ? '' : breakAfter(i));
  }
  return text;
}

/** Where a trailing `//` comment starts on a line whose statement ends at `end`, or null. */
function findLineComment(line: string, end: number): number | null {
  const i = line.indexOf('//', end);
  return i >= 0 && line.slice(end, i).trim() === '' ? i : null;
}
