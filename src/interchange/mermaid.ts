// Mermaid `wardley-beta` interchange: import a Mermaid text as a map in our syntax, and export a
// map as Mermaid. Mapwright's extensions (kinds, cost), which Mermaid does not know, travel in a
// `%% mapwright:` comment after their component, so a round trip keeps them.
import { lineText, parseDoc } from '../lang/parse.js';
import { printStatement } from '../lang/format.js';
import type { Modifier, NameNode } from '../lang/syntax.js';

const MERMAID_DECORATORS = new Set(['build', 'buy', 'outsource', 'market', 'ecosystem', 'inertia']);

/** True when a text looks like Mermaid (a fence, a `wardley-beta` header or `%%` comments). */
export function isMermaid(text: string): boolean {
  return /^\s*(```\s*mermaid|wardley-beta\b)/m.test(text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('%%')) ?? '');
}

/**
 * Mermaid -> our syntax. Line for line (a line is never dropped: the fence and header become
 * comments), so positions in diagnostics still point at the Mermaid source.
 */
export function importMermaid(text: string): string {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const t = line.trim();
    const ext = /^%%\s*mapwright:\s*(\(.*\))\s*$/.exec(t);
    if (ext) {
      // Put the extension back into the decorator group of the component above.
      const prev = out.length - 1;
      if (prev >= 0) out[prev] = mergeDecorators(out[prev]!, ext[1]!);
      out.push('');
      continue;
    }
    if (/^```/.test(t) || t === 'wardley-beta') { out.push(`// ${t}`); continue; }
    if (t.startsWith('%%')) { out.push(`//${t.slice(2)}`); continue; }
    let l = line;
    l = l.replace(/^(\s*evolution\s+)(.*)$/, (_, k: string, rest: string) => k + rest.split('->').map((s) => s.trim().replace(/@[\d.]+$/, '')).join('->'));
    l = l.replace(/^(\s*annotation\s+\d+)\s*,\s*\[/, '$1 [');
    l = l.replace(/^(\s*annotation\s+\d+\s+.*?\])\s+"((?:\\.|[^"\\])*)"\s*$/, (_, head: string, body: string) => `${head} ${body.replace(/\\(.)/g, '$1')}`);
    out.push(l);
  }
  return out.join('\n');
}

function mergeDecorators(line: string, group: string): string {
  const words = group.slice(1, -1).split(',').map((w) => w.trim()).filter(Boolean);
  const m = /\(([^()]*)\)\s*$/.exec(line);
  if (m) return `${line.slice(0, m.index)}(${[...m[1]!.split(',').map((w) => w.trim()).filter(Boolean), ...words].join(', ')})`;
  return `${line} (${words.join(', ')})`;
}

function quoted(node: NameNode): string {
  return `"${node.text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** Mermaid writes a name bare only when it is one simple word. */
function mermaidName(written: NameNode): string {
  // A quote that opens and never closes is not part of the name (see the model's reading).
  const node = !written.quoted && written.text.startsWith('"') ? { ...written, text: written.text.slice(1) } : written;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(node.text) ? node.text : quoted(node);
}

/** Our syntax -> Mermaid `wardley-beta`. Comments become `%%` comments. */
export function exportMermaid(text: string): string {
  const doc = parseDoc(text);
  const out = ['wardley-beta'];
  let depth = 0;
  for (let i = 0; i < doc.lines.length; i++) {
    const line = lineText(doc, i);
    const stmt = doc.lines[i]!.stmt;
    const comment = /^\s*\/\/(.*)$/.exec(line);
    if (!stmt) {
      if (comment) out.push(`%%${comment[1]}`);
      else if (line.trim() === '') out.push('');
      else out.push(`%% (not understood) ${line.trim()}`);
      continue;
    }
    const pad = '  '.repeat(depth);
    switch (stmt.type) {
      case 'element': case 'accelerator': {
        const mods: string[] = [];
        const ext: string[] = [];
        for (const m of stmt.mods) {
          if (m.type === 'decorators') {
            const known = m.words.filter((w) => MERMAID_DECORATORS.has(w.text.toLowerCase())).map((w) => w.text);
            for (const w of m.words) if (!MERMAID_DECORATORS.has(w.text.toLowerCase())) ext.push(w.text);
            for (const k of known) mods.push(`(${k})`);
          } else mods.push(modifierText(line, m));
        }
        out.push(`${pad}${stmt.keyword.text} ${mermaidName(stmt.name)}${mods.length ? ` ${mods.join(' ')}` : ''}`);
        if (ext.length) out.push(`${pad}%% mapwright: (${ext.join(', ')})`);
        break;
      }
      case 'link': {
        const arrow = stmt.arrow.flow === null ? '->' : `+${stmt.arrow.label !== null ? `'${stmt.arrow.label}'` : ''}${stmt.arrow.flow}`;
        out.push(`${pad}${mermaidName(stmt.from)} ${arrow} ${mermaidName(stmt.to)}${stmt.context !== null ? `; ${stmt.context}` : ''}`);
        break;
      }
      case 'evolve':
        out.push(`${pad}evolve ${mermaidName(stmt.name)}${stmt.newName ? `->${mermaidName(stmt.newName)}` : ''} ${stmt.mods.map((m) => modifierText(line, m)).join(' ')}`.trimEnd());
        break;
      case 'pipeline':
        out.push(`${pad}pipeline ${mermaidName(stmt.name)}${stmt.mods.length ? ` ${stmt.mods.map((m) => modifierText(line, m)).join(' ')}` : ''}${stmt.brace || nextIsBrace(doc, i) ? ' {' : ''}`);
        if (stmt.brace) depth += 1;
        break;
      case 'blockOpen':
        if (out[out.length - 1]!.endsWith(' {')) { depth += 1; break; }
        out.push(`${pad}{`); depth += 1; break;
      case 'blockClose': depth = Math.max(0, depth - 1); out.push(`${'  '.repeat(depth)}}`); break;
      case 'note': out.push(`${pad}note ${quoted(stmt.text)}${stmt.mods.length ? ` ${stmt.mods.map((m) => modifierText(line, m)).join(' ')}` : ''}`); break;
      case 'annotation': {
        const pts = stmt.points.map((p) => line.slice(p.start, p.end));
        out.push(`${pad}annotation ${stmt.number.raw},${pts.length === 1 ? pts[0] : `[${pts.join(', ')}]`}${stmt.text ? ` "${stmt.text.replace(/"/g, '\\"')}"` : ''}`);
        break;
      }
      case 'evolution':
        out.push(`${pad}evolution ${stmt.hide ? '--hide ' : ''}${stmt.labels.map((l) => l.text).join(' -> ')}`.trimEnd());
        break;
      case 'header': break;
      default: out.push(pad + printStatement(stmt, line));
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function nextIsBrace(doc: ReturnType<typeof parseDoc>, i: number): boolean {
  for (let j = i + 1; j < doc.lines.length; j++) {
    const s = doc.lines[j]!.stmt;
    if (!s) { if (lineText(doc, j).trim() === '') continue; return false; }
    return s.type === 'blockOpen';
  }
  return false;
}

function modifierText(line: string, m: Modifier): string {
  return line.slice(m.start, m.end);
}

/** A fenced `mermaid` block for a README. */
export function mermaidMarkdown(text: string): string {
  return `\`\`\`mermaid\n${exportMermaid(text)}\`\`\`\n`;
}
