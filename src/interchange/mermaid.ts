// Mermaid `wardley-beta` interchange. Export writes only what the Mermaid library's own parser
// accepts (checked against `@mermaid-js/parser` and `mermaid.render` in the tests); a line it
// cannot say travels as a `%% mapwright:` comment, and a line it can say only in part is followed
// by `%% mapwright, in full:` with the whole line, so that import gives the map back unchanged.
// Import writes what OnlineWardleyMaps reads (a pipeline's `{` on a line of its own).
import { lineText, parseDoc } from '../lang/parse.js';
import { printStatement } from '../lang/format.js';
import type { SyntaxDoc } from '../lang/parse.js';
import type { AnyListNode, NameNode, NumberListNode, NumberNode, Statement } from '../lang/syntax.js';
import { cleanName } from '../lang/names.js';
import { MERMAID_HEADER } from '../lang/words.js';

/** A line of the map Mermaid cannot say (wholly or in part), and what was left out. */
export interface LeftOut {
  /** 1-based line of the map. */
  readonly line: number;
  readonly text: string;
  readonly why: string;
}

export interface MermaidExport {
  readonly text: string;
  readonly leftOut: readonly LeftOut[];
}

const WHOLE = '%% mapwright:';
const IN_FULL = '%% mapwright, in full:';

/** Decorators `wardley-beta` knows (one per component). */
const MERMAID_STRATEGIES = new Set(['build', 'buy', 'outsource', 'market']);

/** Words of `wardley-beta` that a bare name may not be. */
const MERMAID_WORDS = new Set([
  'wardley-beta',
  'title',
  'size',
  'evolution',
  'anchor',
  'component',
  'label',
  'inertia',
  'evolve',
  'pipeline',
  'note',
  'annotation',
  'annotations',
  'accelerator',
  'deaccelerator',
  'build',
  'buy',
  'outsource',
  'market',
]);

/** True when a text looks like Mermaid (a fence or a `wardley-beta` header before anything else). */
export function isMermaid(text: string): boolean {
  const first = text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('%%')) ?? '';
  return /^\s*(```\s*mermaid|wardley-beta\b)/.test(first);
}

/** A Mermaid string literal. */
function mermaidString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

/** A name as `wardley-beta` reads it: bare when it is plain words, else quoted; without the characters OWM drops. */
function mermaidName(written: string): string {
  const text = cleanName(written);
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*(?: [A-Za-z_][A-Za-z0-9_]*)*$/.test(text) &&
    !text.split(' ').some((w) => MERMAID_WORDS.has(w.toLowerCase()));
  return plain ? text : mermaidString(text);
}

/** A name node's text (a quote that opens and never closes is not part of the name: see the model). */
function nameOf(n: NameNode): string {
  return !n.quoted && n.text.startsWith('"') ? n.text.slice(1) : n.text;
}

/** A coordinate as `wardley-beta` writes one (digits, a point, digits), or null when it has none. */
function decimal(n: NumberNode): string | null {
  if (!Number.isFinite(n.value) || n.value < 0) return null;
  if (/^\d+\.\d+$/.test(n.raw)) return n.raw;
  let s = /e/i.test(String(n.value)) ? n.value.toFixed(6).replace(/0+$/, '') : String(n.value);
  if (!s.includes('.')) s += '.0';
  if (s.endsWith('.')) s += '0';
  return s;
}

function isList(l: AnyListNode): l is NumberListNode {
  return 'numbers' in l;
}

/** `[a, b]` of `count` numbers, or null. */
function pair(l: AnyListNode | undefined, count: number): string | null {
  if (!l || !isList(l) || l.numbers.length !== count) return null;
  const out = l.numbers.map(decimal);
  return out.every((x) => x !== null) ? `[${out.join(', ')}]` : null;
}

/** `label [x, y]` with whole numbers (rounded: `inexact` says so). */
function labelOf(l: AnyListNode): { text: string; exact: boolean } | null {
  if (!isList(l) || l.numbers.length !== 2 || !l.numbers.every((n) => Number.isFinite(n.value))) return null;
  const [x, y] = l.numbers.map((n) => Math.round(n.value));
  return { text: `label [${x}, ${y}]`, exact: l.numbers.every((n) => /^-?\d+$/.test(n.raw)) };
}

/** What one line becomes in Mermaid: its form (null: none), and whether that says all of it. */
interface Form {
  readonly text: string | null;
  readonly exact: boolean;
  readonly why?: string;
}

const none = (why: string): Form => ({ text: null, exact: false, why });

function componentForm(
  keyword: string,
  s: Extract<Statement, { type: 'element' | 'accelerator' }>,
  child: boolean,
): Form {
  const at = s.mods.find((m) => m.type === 'at');
  const coords = at && at.type === 'at' ? pair(at.list, child ? 1 : 2) : null;
  if (!coords)
    return none(
      child
        ? 'a pipeline component needs its evolution as [N.N]'
        : 'a component needs [visibility, evolution] in Mermaid',
    );
  const parts = [`${keyword} ${mermaidName(nameOf(s.name))} ${coords}`];
  let exact =
    (s.keyword.text === keyword || (keyword === 'component' && s.keyword.text === 'market')) &&
    cleanName(s.name.text) === s.name.text;
  let strategy: string | null = s.keyword.text === 'market' ? 'market' : null;
  let inertia = false;
  let label: string | null = null;
  for (const m of s.mods) {
    if (m.type === 'at') continue;
    if (m.type === 'label' && keyword === 'component') {
      const l = labelOf(m.list);
      if (l && label === null) {
        label = l.text;
        exact &&= l.exact;
      } else exact = false;
    } else if (m.type === 'inertia' && keyword === 'component' && !child) inertia = true;
    else if (m.type === 'decorators' && keyword === 'component' && !child) {
      for (const w of m.words) {
        const word = w.text.toLowerCase();
        if (word === 'inertia') inertia = true;
        else if (MERMAID_STRATEGIES.has(word) && strategy === null) strategy = word;
        else exact = false;
      }
    } else exact = false;
  }
  if (label) parts.push(label);
  if (strategy) parts.push(`(${strategy})`);
  if (inertia) parts.push('inertia');
  return { text: parts.join(' '), exact, why: exact ? undefined : 'Mermaid has no place for the rest of this line' };
}

function form(doc: SyntaxDoc, i: number, line: string, s: Statement, child: boolean): Form {
  switch (s.type) {
    case 'element':
      if (child) return componentForm('component', s, true);
      if (s.keyword.text === 'anchor') return componentForm('anchor', s, false);
      return componentForm('component', s, false);
    case 'accelerator':
      return componentForm(s.keyword.text, s, false);
    case 'link': {
      const { flow, label } = s.arrow;
      const canLabel = label !== null && !/['\n]/.test(label);
      const arrow = flow === null ? '->' : `+${canLabel ? `'${label}'` : ''}${flow}`;
      const context = s.context !== null ? `; ${s.context.replace(/%%.*$/, '').trim()}` : '';
      return {
        text: `${mermaidName(nameOf(s.from))} ${arrow} ${mermaidName(nameOf(s.to))}${context}`,
        exact: (label === null || canLabel) && (s.context === null || !s.context.includes('%%')),
      };
    }
    case 'evolve': {
      const target = s.mods.find((m) => m.type === 'number' || m.type === 'evolveTo');
      const n = target && (target.type === 'number' || target.type === 'evolveTo') ? decimal(target.number) : null;
      if (n === null) return none('Mermaid needs the stage to evolve to, as N.N');
      return {
        text: `evolve ${mermaidName(nameOf(s.name))} ${n}`,
        exact: s.newName === null && s.mods.length === 1,
        why: 'Mermaid evolves a component to a number only',
      };
    }
    case 'note': {
      const at = s.mods.find((m) => m.type === 'at');
      const coords = at && at.type === 'at' ? pair(at.list, 2) : null;
      if (!coords) return none('a note needs [visibility, evolution] in Mermaid');
      return {
        text: `note ${mermaidString(s.text.text)} ${coords}`,
        exact: s.mods.length === 1,
        why: 'Mermaid notes have text and a place only',
      };
    }
    case 'annotation': {
      const first = pair(s.points[0], 2);
      if (!first) return none('an annotation needs [visibility, evolution] in Mermaid');
      return {
        text: `annotation ${s.number.value},${first}${s.text !== null ? ` ${mermaidString(s.text)}` : ''}`,
        exact: s.points.length === 1 && /^\d+$/.test(s.number.raw),
        why: 'Mermaid annotations have one point',
      };
    }
    case 'annotations': {
      const at = pair(s.at, 2);
      return at
        ? { text: `annotations ${at}`, exact: true }
        : none('the annotations box needs [visibility, evolution]');
    }
    case 'title':
      return s.text !== null ? { text: `title ${s.text}`, exact: true } : none('an empty title');
    case 'size': {
      if (
        !isList(s.dims) ||
        s.dims.numbers.length !== 2 ||
        !s.dims.numbers.every((n) => Number.isFinite(n.value) && n.value >= 0)
      )
        return none('a size needs [width, height]');
      return {
        text: `size [${s.dims.numbers.map((n) => Math.round(n.value)).join(', ')}]`,
        exact: s.dims.numbers.every((n) => /^\d+$/.test(n.raw)),
        why: 'Mermaid sizes are whole numbers',
      };
    }
    case 'evolution':
      if (s.labels.length < 2) return none('Mermaid needs at least two stages');
      return {
        text: `evolution ${s.labels.map((l) => mermaidName(l.text)).join(' -> ')}`,
        exact: !s.hide,
        why: 'Mermaid always shows the stages',
      };
    case 'pipeline': {
      const block = pipelineBlock(doc, i);
      if (!block || block.children === 0) return none('a Mermaid pipeline is a block with at least one component');
      return {
        text: `pipeline ${mermaidName(nameOf(s.name))} {`,
        exact: s.mods.length === 0,
        why: 'a Mermaid pipeline takes its span from its components',
      };
    }
    case 'style':
      return none('Mermaid has no map styles');
    case 'url':
      return none('Mermaid has no links to addresses');
    case 'legacyMethod':
      return none('Mermaid writes the method as a decorator: (build)');
    case 'attitude':
      return none('Mermaid has no attitude boxes');
    case 'valuechain':
    case 'yaxis':
      return none('Mermaid draws its own axes');
    case 'header':
      return { text: null, exact: true };
    default:
      return none(`Mermaid cannot say: ${printStatement(s, line)}`);
  }
}

/** The `{`...`}` lines of the pipeline on line `i`, and how many components it holds. */
function pipelineBlock(doc: SyntaxDoc, i: number): { open: number; close: number; children: number } | null {
  const s = doc.lines[i]!.stmt;
  if (!s || s.type !== 'pipeline') return null;
  let open = s.brace ? i : -1;
  let j = i + 1;
  if (open < 0) {
    for (; j < doc.lines.length; j++) {
      const t = doc.lines[j]!.stmt;
      if (t?.type === 'blockOpen') {
        open = j;
        j++;
        break;
      }
      if (t || lineText(doc, j).trim() !== '') return null;
    }
    if (open < 0) return null;
  }
  let children = 0;
  for (; j < doc.lines.length; j++) {
    const t = doc.lines[j]!.stmt;
    if (t?.type === 'blockClose') return { open, close: j, children };
    if (t?.type === 'element' && componentForm('component', t, true).text !== null) children++;
    if (t && t.type !== 'element') return null;
  }
  return null;
}

/** Our syntax -> Mermaid `wardley-beta`, with what it had to leave out. */
export function toMermaid(text: string): MermaidExport {
  const doc = parseDoc(text);
  const out = [MERMAID_HEADER];
  const leftOut: LeftOut[] = [];
  // Lines that belong to a pipeline Mermaid can say: its `{` (written on the pipeline's line), its
  // children (written as pipeline components) and its `}`.
  const role = new Map<number, 'open' | 'child' | 'close'>();
  for (let i = 0; i < doc.lines.length; i++) {
    const b = pipelineBlock(doc, i);
    if (!b || b.children === 0) continue;
    if (b.open !== i) role.set(b.open, 'open');
    for (let j = b.open + 1; j < b.close; j++) role.set(j, 'child');
    role.set(b.close, 'close');
  }
  for (let i = 0; i < doc.lines.length; i++) {
    const line = lineText(doc, i);
    const s = doc.lines[i]!.stmt;
    const r = role.get(i);
    const pad = r === 'child' ? '  ' : '';
    if (r === 'open') continue;
    if (r === 'close') {
      out.push('}');
      continue;
    }
    if (!s) {
      const comment = /^\s*\/\/(.*)$/.exec(line);
      if (comment) out.push(`%%${comment[1]}`);
      else if (line.trim() === '') out.push('');
      else {
        out.push(`${pad}${WHOLE} ${line.trim()}`);
        leftOut.push({ line: i + 1, text: line.trim(), why: 'not understood' });
      }
      continue;
    }
    const f = form(doc, i, line, s, r === 'child');
    if (f.text === null) {
      if (s.type === 'header') continue;
      out.push(`${pad}${WHOLE} ${line.trim()}`);
      leftOut.push({ line: i + 1, text: line.trim(), why: f.why ?? 'no Mermaid form' });
      continue;
    }
    out.push(pad + f.text);
    if (!f.exact) {
      out.push(`${pad}${IN_FULL} ${line.trim()}`);
      leftOut.push({ line: i + 1, text: line.trim(), why: f.why ?? 'said in part' });
    }
  }
  return { text: `${out.join('\n').trimEnd()}\n`, leftOut };
}

/** Our syntax -> Mermaid `wardley-beta` (see `toMermaid`). */
export function exportMermaid(text: string): string {
  return toMermaid(text).text;
}

/** A fenced `mermaid` block for a README. */
export function mermaidMarkdown(text: string): string {
  return `\`\`\`mermaid\n${exportMermaid(text)}\`\`\`\n`;
}

// ---- import

/** A Mermaid string literal's text, or null when `s` is not one (the escapes are ours too). */
function unquote(s: string): string | null {
  const m = /^"((?:\\.|[^"\\])*)"$/.exec(s.trim());
  return m ? m[1]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c)) : null;
}

/**
 * A name as OnlineWardleyMaps (and Mapwright) reads it: bare when it reads back the same, else
 * quoted as Mermaid wrote it (Mapwright reads the same escapes).
 */
function ourName(written: string, probe: (name: string) => string | null): string {
  const text = unquote(written) ?? written.trim();
  return probe(text) === text ? text : written.trim();
}

function probeElement(name: string): string | null {
  const s = parseDoc(`component ${name} [0.5, 0.5]`).lines[0]!.stmt;
  return s?.type === 'element' ? s.name.text : null;
}

function probeLinkEnd(name: string): string | null {
  const s = parseDoc(`${name}->B`).lines[0]!.stmt;
  const t = parseDoc(`A->${name}`).lines[0]!.stmt;
  return s?.type === 'link' && t?.type === 'link' && s.from.text === t.to.text ? s.from.text : null;
}

/** A Mermaid name (quoted or bare) at the start of `rest`, and what follows it. */
function takeName(rest: string): { name: string; after: string } | null {
  const q = /^\s*("(?:\\.|[^"\\])*")/.exec(rest);
  if (q) return { name: q[1]!, after: rest.slice(q[0].length) };
  const b = /^\s*([^[\]"]*?)\s*(?=\[|$)/.exec(rest);
  return b && b[1] ? { name: b[1], after: rest.slice(b[0].length) } : null;
}

/** One Mermaid line in our syntax (one or more lines). */
function importLine(line: string): string[] {
  const t = line.trim();
  const indent = /^\s*/.exec(line)![0];
  if (/^```/.test(t) || t === MERMAID_HEADER) return [`// ${t}`];
  if (t.startsWith('%%')) return [`//${t.slice(2)}`];
  let m: RegExpExecArray | null;
  // Lines the two syntaxes write alike pass as they are; a quoted name is written as OWM reads it.
  if ((m = /^(component|anchor|accelerator|deaccelerator)\s+(".*)$/.exec(t))) {
    const n = takeName(m[2]!);
    if (n) return [`${indent}${m[1]} ${ourName(n.name, probeElement)} ${n.after.trim()}`.trimEnd()];
  }
  if ((m = /^pipeline\s+(.*?)\s*\{\s*(?:%%.*)?$/.exec(t))) {
    // OnlineWardleyMaps reads a pipeline's block only with `{` on the next line.
    return [`${indent}pipeline ${ourName(m[1]!, probeElement)}`, `${indent}{`];
  }
  if ((m = /^evolve\s+("(?:\\.|[^"\\])*")\s+(\d+\.\d+)\s*(?:%%.*)?$/.exec(t))) {
    return [`${indent}evolve ${ourName(m[1]!, probeElement)} ${m[2]}`];
  }
  if ((m = /^note\s+("(?:\\.|[^"\\])*")\s*(\[.*)$/.exec(t))) return [`${indent}note ${m[1]} ${m[2]}`];
  if ((m = /^annotation\s+(\d+)\s*,\s*(\[[^\]]*\])\s*("(?:\\.|[^"\\])*")?\s*(?:%%.*)?$/.exec(t))) {
    return [`${indent}annotation ${m[1]} ${m[2]}${m[3] ? ` ${unquote(m[3])}` : ''}`];
  }
  if ((m = /^evolution\s+(.*)$/.exec(t))) {
    // `Genesis@0.2`: Mermaid's stage boundaries; the stage names are what we keep.
    return [
      `${indent}evolution ${m[1]!
        .split('->')
        .map((s) => unquote(s) ?? s.trim().replace(/@[\d.]+$/, ''))
        .join('->')}`,
    ];
  }
  // A link: `A -> B`, `A +'x'> B`, with names bare or quoted.
  const link =
    /^("(?:\\.|[^"\\])*"|.*?)\s*(->|\+'[^']*'(?:<>|<|>)|\+<>|\+<|\+>)\s*("(?:\\.|[^"\\])*"|[^;]*?)\s*(;.*)?$/.exec(t);
  if (
    link &&
    t.includes('"') &&
    !/^(title|size|annotations|note|component|anchor|accelerator|deaccelerator|pipeline|evolve)\b/.test(t)
  ) {
    const context = link[4] ? `; ${link[4].slice(1).replace(/%%.*$/, '').trim()}` : '';
    return [`${indent}${ourName(link[1]!, probeLinkEnd)}${link[2]}${ourName(link[3]!, probeLinkEnd)}${context}`];
  }
  return [line];
}

/** Mermaid -> our syntax. A line never disappears: the fence and header become comments. */
export function importMermaid(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    const indent = /^\s*/.exec(lines[i]!)![0];
    if (t.startsWith(WHOLE)) {
      const rest = t.slice(WHOLE.length).trim();
      // An older export's form: the component above's Mapwright decorators.
      if (/^\(.*\)$/.test(rest) && out.length > 0) {
        out[out.length - 1] = mergeDecorators(out[out.length - 1]!, rest);
        out.push('');
      } else out.push(indent + rest);
      continue;
    }
    const mine = importLine(lines[i]!);
    const next = lines[i + 1]?.trim();
    if (next?.startsWith(IN_FULL)) {
      // The line in full replaces what Mermaid could say of it (a pipeline keeps its `{` line).
      mine[0] = indent + next.slice(IN_FULL.length).trim();
      out.push(...mine, '');
      i++;
      continue;
    }
    out.push(...mine);
  }
  return out.join('\n');
}

function mergeDecorators(line: string, group: string): string {
  const words = group
    .slice(1, -1)
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
  const m = /\(([^()]*)\)\s*$/.exec(line);
  if (m)
    return `${line.slice(0, m.index)}(${[
      ...m[1]!
        .split(',')
        .map((w) => w.trim())
        .filter(Boolean),
      ...words,
    ].join(', ')})`;
  return `${line} (${words.join(', ')})`;
}
