// The formatter: canonical spacing and numbers, one statement per line, comments, order and blank
// lines kept. It prints from the syntax tree; a line it cannot read is left exactly as it is.
import { buildModel } from '../model/build.js';
import { lineResult, parseDoc } from './parse.js';
import type { AnyListNode, Modifier, NumberListNode, NumberNode, Statement } from './syntax.js';

/** Coordinates: at least two decimals (as OnlineWardleyMaps writes them), more when the value needs them. */
function unitNumber(n: NumberNode): string {
  const v = n.value;
  const two = v.toFixed(2);
  return Number(two) === v ? two : String(v);
}

/** Pixels and counts: the shortest form of the value. */
function plainNumber(n: NumberNode): string {
  return String(n.value);
}

function list(l: NumberListNode, fmt: (n: NumberNode) => string): string {
  return `[${l.numbers.map(fmt).join(', ')}]`;
}

function anyList(line: string, l: AnyListNode, fmt: (n: NumberNode) => string): string {
  return 'type' in l ? line.slice(l.start, l.end) : list(l, fmt);
}

function modifier(line: string, m: Modifier): string {
  switch (m.type) {
    case 'at': return list(m.list, unitNumber);
    case 'badAt': return line.slice(m.start, m.end);
    case 'label': return `label ${list(m.list, plainNumber)}`;
    case 'inertia': return 'inertia';
    case 'url': return `url(${m.ref})`;
    case 'evolveTo': return `evolve ${unitNumber(m.number)}`;
    case 'decorators': return `(${m.words.map((w) => w.text).join(', ')})`;
    case 'number': return m.number.raw;
  }
}

function withMods(head: string, line: string, mods: readonly Modifier[]): string {
  return [head, ...mods.map((m) => modifier(line, m))].join(' ');
}

/** Prints one statement canonically. `line` is the code it was read from (names are kept byte for byte). */
export function printStatement(s: Statement, line: string): string {
  const raw = (x: { start: number; end: number }): string => line.slice(x.start, x.end);
  switch (s.type) {
    case 'element': return withMods(`${s.keyword.text} ${raw(s.name)}`, line, s.mods);
    case 'legacyMethod': return `${s.keyword.text} ${raw(s.name)}`;
    case 'evolve': return withMods(`evolve ${raw(s.name)}${s.newName ? `->${raw(s.newName)}` : ''}`, line, s.mods);
    case 'pipeline': return withMods(`pipeline ${raw(s.name)}`, line, s.mods) + (s.brace ? ' {' : '');
    case 'note': return withMods(`note ${raw(s.text)}`, line, s.mods);
    case 'annotation': {
      const pts = s.points.length === 1 ? anyList(line, s.points[0]!, unitNumber) : `[${s.points.map((p) => anyList(line, p, unitNumber)).join(', ')}]`;
      return `annotation ${plainNumber(s.number)} ${pts}${s.text ? ` ${s.text}` : ''}`;
    }
    case 'annotations': return `annotations ${anyList(line, s.at, unitNumber)}`;
    case 'title': return s.text === null ? 'title' : `title ${s.text}`;
    case 'style': return s.name === null ? 'style' : `style ${s.name}`;
    case 'size': return `size ${anyList(line, s.dims, plainNumber)}`;
    case 'evolution': return ['evolution', ...(s.hide ? ['--hide'] : []), ...(s.labels.length ? [s.labels.map((l) => l.text).join('->')] : [])].join(' ');
    case 'valuechain': return 'valuechain --hide';
    case 'yaxis': return `y-axis ${s.labels.map((l) => l.text).join('->')}`;
    case 'attitude': {
      const box = s.size ? `${anyList(line, s.box, unitNumber)} ${plainNumber(s.size[0])} ${plainNumber(s.size[1])}` : anyList(line, s.box, unitNumber);
      return `${s.keyword.text} ${box}${s.label ? ` ${s.label}` : ''}`;
    }
    case 'accelerator': return withMods(`${s.keyword.text} ${raw(s.name)}`, line, s.mods);
    case 'url': return `url ${s.name} [${s.address}]`;
    case 'link': {
      const arrow = s.arrow.flow === null ? '->' : `+${s.arrow.label !== null ? `'${s.arrow.label}'` : ''}${s.arrow.flow}`;
      return `${raw(s.from)}${arrow}${raw(s.to)}${s.context !== null ? (s.context === '' ? ';' : `; ${s.context}`) : ''}`;
    }
    case 'blockOpen': return '{';
    case 'blockClose': return '}';
    case 'header': return 'wardley-beta';
  }
}

/** Formats a map text. Idempotent, and the formatted text means the same map. */
export function formatMap(text: string): string {
  const doc = parseDoc(text);
  // A line with an error is left exactly as typed: the user has not finished saying what it means.
  const errorLines = new Set(buildModel(doc).diagnostics.filter((d) => d.severity === 'error').map((d) => d.line - 1));
  const out: string[] = [];
  let depth = 0;
  for (let i = 0; i < doc.lines.length; i++) {
    const original = doc.lines[i]!.replace(/\r$/, '');
    const result = lineResult(doc, i);
    const stmt = result.stmt;
    const touchesBlockComment = doc.commentOpen[i] === 1 || doc.commentOpen[i + 1] === 1 || original.includes('/*');
    if (stmt?.type === 'blockClose' && depth > 0) depth -= 1;
    const indent = '  '.repeat(depth);
    if (stmt?.type === 'blockOpen' || (stmt?.type === 'pipeline' && stmt.brace)) depth += 1;
    if (touchesBlockComment || errorLines.has(i)) { out.push(original); continue; }
    if (!stmt) { out.push(original.trim() === '' ? '' : original.trimEnd()); continue; }
    const commentAt = findLineComment(original, stmt.end);
    const code = original.slice(0, commentAt ?? original.length);
    const printed = indent + printStatement(stmt, code);
    out.push(commentAt === null ? printed : `${printed} ${original.slice(commentAt).trimEnd()}`);
  }
  while (out.length > 1 && out[out.length - 1] === '' && out[out.length - 2] === '') out.pop();
  const joined = out.join('\n');
  return joined.endsWith('\n') || joined === '' ? joined : `${joined}\n`;
}

/** Where a trailing `//` comment starts on a line whose statement ends at `end`, or null. */
function findLineComment(line: string, end: number): number | null {
  const i = line.indexOf('//', end);
  return i >= 0 && line.slice(end, i).trim() === '' ? i : null;
}
