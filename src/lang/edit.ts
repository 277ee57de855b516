// Lossless edits: pure functions from a map's text to a new text that differs only where it must.
// Each returns the changes it makes (so an editor can re-parse just those lines) or null when the
// target is not in the map; `applyChanges` turns changes into text.
import { nameKey } from './names.js';
import { lineText, parseDoc, parseLine, type SyntaxDoc } from './parse.js';
import type { ElementStatement, Modifier, NameNode, NumberNode, Statement } from './syntax.js';
import { ELEMENT_KEYWORDS, KIND_SET, METHOD_SET, type ComponentKind, type Method } from './words.js';

/** Replace `[from, to)` of the text with `insert`. */
export interface TextChange {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** Applies non-overlapping changes (in any order) to a text. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  const sorted = [...changes].sort((a, b) => a.from - b.from);
  let out = '';
  let pos = 0;
  for (const c of sorted) {
    out += text.slice(pos, c.from) + c.insert;
    pos = c.to;
  }
  return out + text.slice(pos);
}

/**
 * What an edit reads: the map's text, or its parsed document when the caller has one (the editor
 * does: it keeps the document up to date, so an edit on every frame of a drag parses nothing).
 */
export type MapSource = string | SyntaxDoc;

function docOf(source: MapSource): SyntaxDoc {
  return typeof source === 'string' ? parseDoc(source) : source;
}

/** A position on the map: visibility (0 bottom .. 1 top) and maturity (0 genesis .. 1 commodity). */
export interface MapPoint {
  readonly visibility: number;
  readonly maturity: number;
}

/** How coordinates are written by edits: two decimals, as OnlineWardleyMaps writes them. */
export function formatCoordinate(value: number): string {
  const v = Math.round(value * 100) / 100;
  return (Object.is(v, -0) ? 0 : v).toFixed(2);
}

/** How label offsets are written: whole pixels. */
function formatOffset(value: number): string {
  const v = Math.round(value);
  return String(Object.is(v, -0) ? 0 : v);
}

interface Located<S extends Statement = Statement> {
  readonly line: number;
  readonly base: number;
  readonly stmt: S;
}

/** The statements of `doc`, in order, with their line and where it starts. */
function statements(doc: SyntaxDoc): Located[] {
  const out: Located[] = [];
  for (let i = 0; i < doc.lines.length; i++) {
    const stmt = doc.lines[i]!.stmt;
    if (stmt) out.push({ line: i, base: doc.starts[i]!, stmt });
  }
  return out;
}

const ELEMENTS: ReadonlySet<string> = new Set(ELEMENT_KEYWORDS);

/** The line that declares the component (component, anchor, submap, pipeline child) named `name`. */
function findElement(doc: SyntaxDoc, name: string): Located<ElementStatement> | null {
  const key = nameKey(name);
  for (let i = 0; i < doc.lines.length; i++) {
    const stmt = doc.lines[i]!.stmt;
    if (stmt?.type === 'element' && ELEMENTS.has(stmt.keyword.text) && nameKey(stmt.name.text) === key) {
      return { line: i, base: doc.starts[i]!, stmt };
    }
  }
  return null;
}

function replaceNumber(base: number, n: NumberNode, value: string): TextChange | null {
  return n.raw === value || Number(n.raw) === Number(value)
    ? null
    : { from: base + n.start, to: base + n.end, insert: value };
}

function nonNull<T>(xs: (T | null)[]): T[] {
  return xs.filter((x): x is T => x !== null);
}

/** Rewrites the two numbers of a list such as `[v, m]` or `label [x, y]` (those that change). */
function replacePair(base: number, nums: readonly NumberNode[], a: string, b: string): TextChange[] {
  return nonNull([replaceNumber(base, nums[0]!, a), replaceNumber(base, nums[1]!, b)]);
}

/** The first modifier of a type on a statement. */
function modifier<T extends Modifier['type']>(
  mods: readonly Modifier[],
  type: T,
): Extract<Modifier, { type: T }> | undefined {
  return mods.find((m): m is Extract<Modifier, { type: T }> => m.type === type);
}

/** Where the statement's reading ends: after its last modifier that is not ignored text. */
function readEnd(s: Located<ElementStatement>): number {
  let end = s.stmt.name.end;
  for (const m of s.stmt.mods) if (m.type !== 'junk') end = Math.max(end, m.end);
  return s.base + end;
}

/**
 * Moves a component, anchor or submap to `to`. Only the coordinate numbers that change are
 * rewritten; a line without coordinates gets them after its name. A pipeline child written
 * `[maturity]` keeps its pipeline's visibility.
 */
export function moveComponent(source: MapSource, name: string, to: MapPoint): TextChange[] | null {
  const doc = docOf(source);
  const el = findElement(doc, name);
  if (!el) return null;
  const at = modifier(el.stmt.mods, 'at');
  const v = formatCoordinate(to.visibility);
  const m = formatCoordinate(to.maturity);
  if (!at) return [{ from: el.base + el.stmt.name.end, to: el.base + el.stmt.name.end, insert: ` [${v}, ${m}]` }];
  const nums = at.list.numbers;
  if (nums.length === 2) return replacePair(el.base, nums, v, m);
  // `[maturity]` in a pipeline block; anything else is written anew as `[visibility, maturity]`.
  if (nums.length === 1 && insidePipelineBlock(doc, el.line)) return nonNull([replaceNumber(el.base, nums[0]!, m)]);
  return [{ from: el.base + at.start, to: el.base + at.end, insert: `[${v}, ${m}]` }];
}

/** Whether line `i` is inside a `pipeline X { ... }` block. */
function insidePipelineBlock(doc: SyntaxDoc, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const s = doc.lines[j]!.stmt;
    if (s?.type === 'blockClose') return false;
    if (s?.type === 'blockOpen' || (s?.type === 'pipeline' && s.brace)) return true;
  }
  return false;
}

/** Moves the note on `line` (1-based). */
export function moveNote(source: MapSource, line: number, to: MapPoint): TextChange[] | null {
  const doc = docOf(source);
  const stmt = line >= 1 && line <= doc.lines.length ? doc.lines[line - 1]!.stmt : undefined;
  if (!stmt || stmt.type !== 'note') return null;
  const base = doc.starts[line - 1]!;
  const at = modifier(stmt.mods, 'at');
  const v = formatCoordinate(to.visibility);
  const m = formatCoordinate(to.maturity);
  if (!at || at.list.numbers.length !== 2)
    return at ? null : [{ from: base + stmt.text.end, to: base + stmt.text.end, insert: ` [${v}, ${m}]` }];
  return replacePair(base, at.list.numbers, v, m);
}

/** Moves the target of the evolve arrow of component `name` (or of the component evolved as `name`). */
export function moveEvolveTarget(source: MapSource, name: string, maturity: number): TextChange[] | null {
  const doc = docOf(source);
  const key = nameKey(name);
  for (const s of statements(doc)) {
    if (s.stmt.type !== 'evolve') continue;
    if (nameKey(s.stmt.name.text) !== key && (s.stmt.newName === null || nameKey(s.stmt.newName.text) !== key))
      continue;
    const target = modifier(s.stmt.mods, 'number');
    if (!target) return null;
    return nonNull([replaceNumber(s.base, target.number, formatCoordinate(maturity))]);
  }
  return null;
}

/** Sets the label offset `label [x, y]` of a component (inserted after its coordinates when absent). */
export function setLabel(source: MapSource, name: string, offset: { x: number; y: number }): TextChange[] | null {
  const doc = docOf(source);
  const el = findElement(doc, name);
  if (!el) return null;
  const label = modifier(el.stmt.mods, 'label');
  const x = formatOffset(offset.x);
  const y = formatOffset(offset.y);
  if (label) {
    const nums = label.list.numbers;
    if (nums.length !== 2) return null;
    return replacePair(el.base, nums, x, y);
  }
  const at = el.stmt.mods.find((m) => m.type === 'at');
  const after = el.base + (at ? at.end : el.stmt.name.end);
  return [{ from: after, to: after, insert: ` label [${x}, ${y}]` }];
}

/**
 * Writes a name so that it reads back as itself where `context` puts it: unquoted when that
 * round-trips, otherwise quoted with `\"`, `\\` and `\n` escaped.
 */
export function writeName(name: string, context: 'element' | 'link-from' | 'link-to' | 'evolve' = 'element'): string {
  const plain = name;
  const probe = (written: string): string =>
    context === 'element'
      ? `component ${written} [0.5, 0.5]`
      : context === 'link-from'
        ? `${written}->X`
        : context === 'link-to'
          ? `X->${written}`
          : `evolve ${written} 0.5`;
  const read = (line: string): NameNode | null => {
    const stmt = parseLine(line).stmt;
    if (!stmt) return null;
    if (stmt.type === 'element' || stmt.type === 'evolve')
      return stmt.mods.length === 1 || context === 'evolve' ? stmt.name : null;
    if (stmt.type === 'link') return context === 'link-from' ? stmt.from : stmt.to;
    return null;
  };
  if (
    plain.trim() === plain &&
    plain !== '' &&
    !/[\n"\\]/.test(plain) &&
    !plain.includes('/*') &&
    !plain.includes('//')
  ) {
    const got = read(probe(plain));
    if (got && !got.quoted && got.text === plain) return plain;
  }
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function nameChange(
  base: number,
  node: NameNode,
  newName: string,
  context: Parameters<typeof writeName>[1],
): TextChange {
  return { from: base + node.start, to: base + node.end, insert: writeName(newName, context) };
}

/** Renames a component everywhere it is named: its line, links, evolves, pipelines, legacy method lines. */
export function renameComponent(source: MapSource, oldName: string, newName: string): TextChange[] | null {
  const doc = docOf(source);
  const key = nameKey(oldName);
  if (!findElement(doc, oldName)) return null;
  const changes: TextChange[] = [];
  for (const s of statements(doc)) {
    const st = s.stmt;
    switch (st.type) {
      case 'element':
      case 'pipeline':
      case 'legacyMethod':
        if (nameKey(st.name.text) === key) changes.push(nameChange(s.base, st.name, newName, 'element'));
        break;
      case 'evolve':
        if (nameKey(st.name.text) === key) changes.push(nameChange(s.base, st.name, newName, 'evolve'));
        if (st.newName && nameKey(st.newName.text) === key)
          changes.push(nameChange(s.base, st.newName, newName, 'evolve'));
        break;
      case 'link':
        if (nameKey(st.from.text) === key) changes.push(nameChange(s.base, st.from, newName, 'link-from'));
        if (nameKey(st.to.text) === key) changes.push(nameChange(s.base, st.to, newName, 'link-to'));
        break;
      default:
        break;
    }
  }
  return changes;
}

/** Where a new line goes: after the last line, with the text's own line break. */
function appendLine(doc: SyntaxDoc, line: string): TextChange {
  const text = doc.text;
  const br = doc.eol;
  const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
  return { from: text.length, to: text.length, insert: `${needsBreak ? br : ''}${line}${br}` };
}

/**
 * Sets the map's `style` line: the last one is rewritten (it is the one that counts), or one is
 * added after the title (first line when there is none). Null when the map already says it.
 */
export function setStyle(source: MapSource, style: string): TextChange[] | null {
  const doc = docOf(source);
  let last: Located | null = null;
  let title: Located | null = null;
  for (const s of statements(doc)) {
    if (s.stmt.type === 'style') last = s;
    else if (s.stmt.type === 'title' && title === null) title = s;
  }
  if (last && last.stmt.type === 'style') {
    if (last.stmt.name === style) return null;
    // The statement only: a comment after it stays.
    return [{ from: last.base + last.stmt.start, to: last.base + last.stmt.end, insert: `style ${style}` }];
  }
  const br = doc.eol;
  if (title) {
    const at = title.base + lineText(doc, title.line).length; // after the title line, comment and all
    return [{ from: at, to: at, insert: `${br}style ${style}` }];
  }
  return [{ from: 0, to: 0, insert: `style ${style}${br}` }];
}

/** Adds `component Name [v, m]` (or an anchor) as a new last line. */
export function addComponent(
  source: MapSource,
  name: string,
  at: MapPoint,
  type: 'component' | 'anchor' = 'component',
): TextChange[] {
  return [
    appendLine(
      docOf(source),
      `${type} ${writeName(name)} [${formatCoordinate(at.visibility)}, ${formatCoordinate(at.maturity)}]`,
    ),
  ];
}

/** Adds the dependency `From->To` as a new last line (null when it is already there). */
export function addLink(source: MapSource, from: string, to: string): TextChange[] | null {
  const doc = docOf(source);
  const f = nameKey(from);
  const t = nameKey(to);
  for (const s of statements(doc)) {
    if (
      s.stmt.type === 'link' &&
      s.stmt.arrow.flow === null &&
      nameKey(s.stmt.from.text) === f &&
      nameKey(s.stmt.to.text) === t
    )
      return null;
  }
  return [appendLine(doc, `${writeName(from, 'link-from')}->${writeName(to, 'link-to')}`)];
}

/** The change that removes line `i` with its line break. */
function removeLine(doc: SyntaxDoc, i: number): TextChange {
  const from = doc.starts[i]!;
  if (i + 1 < doc.lines.length) return { from, to: doc.starts[i + 1]!, insert: '' };
  // The last line: take the break before it instead, if there is one.
  return { from: i > 0 ? from - doc.lines[i - 1]!.br.length : from, to: doc.text.length, insert: '' };
}

/** Removes every link line between `from` and `to` (dependencies and flows). */
export function removeLink(source: MapSource, from: string, to: string): TextChange[] | null {
  const doc = docOf(source);
  const f = nameKey(from);
  const t = nameKey(to);
  const changes = statements(doc)
    .filter((s) => s.stmt.type === 'link' && nameKey(s.stmt.from.text) === f && nameKey(s.stmt.to.text) === t)
    .map((s) => removeLine(doc, s.line));
  return changes.length ? changes : null;
}

/** Deletes a component's line with every link to or from it, its evolve lines and legacy method lines. */
export function deleteComponent(source: MapSource, name: string): TextChange[] | null {
  const doc = docOf(source);
  const key = nameKey(name);
  if (!findElement(doc, name)) return null;
  const evolvedNames = new Set<string>();
  for (const s of statements(doc)) {
    if (s.stmt.type === 'evolve' && nameKey(s.stmt.name.text) === key && s.stmt.newName)
      evolvedNames.add(nameKey(s.stmt.newName.text));
  }
  const lines = new Set<number>();
  for (const s of statements(doc)) {
    const st = s.stmt;
    if ((st.type === 'element' || st.type === 'legacyMethod') && nameKey(st.name.text) === key) lines.add(s.line);
    if (st.type === 'evolve' && nameKey(st.name.text) === key) lines.add(s.line);
    if (st.type === 'link') {
      const f = nameKey(st.from.text);
      const t = nameKey(st.to.text);
      if (f === key || t === key || evolvedNames.has(f) || evolvedNames.has(t)) lines.add(s.line);
    }
  }
  return mergeLineRemovals(
    doc,
    [...lines].sort((a, b) => a - b),
  );
}

/** Removes several lines; adjacent removals are merged so that the changes never overlap. */
function mergeLineRemovals(doc: SyntaxDoc, lines: number[]): TextChange[] {
  const changes: TextChange[] = [];
  for (const i of lines) {
    const c = removeLine(doc, i);
    const last = changes[changes.length - 1];
    if (last && last.to >= c.from)
      changes[changes.length - 1] = { from: last.from, to: Math.max(last.to, c.to), insert: '' };
    else changes.push(c);
  }
  return changes;
}

/** Turns inertia on or off for a component (the `inertia` word, or `inertia` in its decorator group). */
export function toggleInertia(source: MapSource, name: string): TextChange[] | null {
  const doc = docOf(source);
  const el = findElement(doc, name);
  if (!el) return null;
  const line = lineText(doc, el.line);
  for (const m of el.stmt.mods) {
    if (m.type === 'inertia') return [removeWithSpace(el.base, line, m.start, m.end)];
    if (m.type === 'decorators') {
      const w = m.words.findIndex((x) => x.text.toLowerCase() === 'inertia');
      if (w >= 0) return [removeDecorator(el.base, line, m, w)];
    }
  }
  const at = el.stmt.mods.find((m) => m.type === 'at');
  const after = el.base + (at ? at.end : el.stmt.name.end);
  return [{ from: after, to: after, insert: ' inertia' }];
}

function removeWithSpace(base: number, line: string, start: number, end: number): TextChange {
  let s = start;
  while (s > 0 && (line[s - 1] === ' ' || line[s - 1] === '\t')) s -= 1;
  return { from: base + s, to: base + end, insert: '' };
}

/** Removes word `w` of a decorator group (the whole group when it is the only word). */
function removeDecorator(
  base: number,
  line: string,
  group: Extract<Modifier, { type: 'decorators' }>,
  w: number,
): TextChange {
  const words = group.words;
  if (words.length === 1) return removeWithSpace(base, line, group.start, group.end);
  const word = words[w]!;
  if (w < words.length - 1) return { from: base + word.start, to: base + words[w + 1]!.start, insert: '' };
  return { from: base + words[w - 1]!.end, to: base + word.end, insert: '' };
}

export type MethodDecorator = Method;

/** Sets (or, with null, removes) a component's method decorator: `(build)`, `(buy)`, `(outsource)`. */
export function setMethod(source: MapSource, name: string, method: MethodDecorator | null): TextChange[] | null {
  return setDecoratorFrom(source, name, METHOD_SET, method);
}

/** Declares a component's kind (`(practice)`), replacing a kind it declares already; null removes it. */
export function setKind(source: MapSource, name: string, kind: ComponentKind | null): TextChange[] | null {
  return setDecoratorFrom(source, name, KIND_SET, kind);
}

/** Turns a flag decorator on or off: market, ecosystem, or one of the kinds. */
export function toggleDecorator(source: MapSource, name: string, word: string): TextChange[] | null {
  const doc = docOf(source);
  const el = findElement(doc, name);
  if (!el) return null;
  const group = modifier(el.stmt.mods, 'decorators');
  const has = group?.words.some((x) => x.text.toLowerCase() === word) ?? false;
  return setDecoratorFrom(doc, name, new Set([word]), has ? null : word);
}

/** Replaces whichever word of `family` the group holds with `word` (or removes it for null). */
function setDecoratorFrom(
  source: MapSource,
  name: string,
  family: ReadonlySet<string>,
  word: string | null,
): TextChange[] | null {
  const doc = docOf(source);
  const el = findElement(doc, name);
  if (!el) return null;
  const line = lineText(doc, el.line);
  const group = modifier(el.stmt.mods, 'decorators');
  if (group) {
    const w = group.words.findIndex((x) => family.has(x.text.toLowerCase()));
    if (w >= 0) {
      const old = group.words[w]!;
      if (word === null) return [removeDecorator(el.base, line, group, w)];
      return old.text === word ? [] : [{ from: el.base + old.start, to: el.base + old.end, insert: word }];
    }
    if (word === null) return [];
    const last = group.words[group.words.length - 1];
    if (!last) return [{ from: el.base + group.start + 1, to: el.base + group.end - 1, insert: word }];
    return [{ from: el.base + last.end, to: el.base + last.end, insert: `, ${word}` }];
  }
  if (word === null) return [];
  // Decorators follow the coordinates (where OnlineWardleyMaps reads them).
  return [{ from: readEnd(el), to: readEnd(el), insert: ` (${word})` }];
}

/** Applies an edit's changes, or returns the text unchanged when the edit found no target. */
export function edited(text: string, changes: readonly TextChange[] | null): string {
  return changes ? applyChanges(text, changes) : text;
}
