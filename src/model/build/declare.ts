// Pass 1, declare: every line's statement becomes the record it declares (a component, a link, an
// evolve, a pipeline, a note, ...), in text order. Names are not resolved yet.
import { cleanName, nameKey } from '../../lang/names.js';
import type {
  AcceleratorStatement,
  AnnotationStatement,
  AttitudeStatement,
  ElementStatement,
  EvolveStatement,
  LinkStatement,
  NameNode,
  NoteStatement,
  PipelineStatement,
  Statement,
} from '../../lang/syntax.js';
import { isDecoratorWord, STYLES, type ComponentKind, type Method } from '../../lang/words.js';
import {
  DEFAULT_EVOLUTION_LABELS,
  type Accelerator,
  type Link,
  type Annotation,
  type Attitude,
  type AttitudeName,
  type Note,
  type Presentation,
  type StyleName,
  type UrlRef,
} from '../model.js';
import { stageOf } from '../stages.js';
import type { BuildContext } from './context.js';
import type { DraftComponent, DraftEvolve, DraftPipeline, LegacyMethod } from './drafts.js';
import { applyDecorators, readList, reportJunk, UNPOSITIONED, type Decorations } from './modifiers.js';

/** Where OnlineWardleyMaps evolves a component when the evolve line gives no number. */
export const DEFAULT_EVOLVE_TARGET = 0.85;

export interface Declared {
  title: string | null;
  components: DraftComponent[];
  /** The kinds the map declares (`(practice)`), by component. */
  declaredKinds: Map<DraftComponent, ComponentKind>;
  links: Link[];
  evolves: DraftEvolve[];
  pipelines: DraftPipeline[];
  notes: Note[];
  annotations: Annotation[];
  attitudes: Attitude[];
  accelerators: Accelerator[];
  urls: UrlRef[];
  legacyMethods: LegacyMethod[];
  presentation: { -readonly [K in keyof Presentation]: Presentation[K] };
}

const STYLE_NAMES: Readonly<Record<string, StyleName>> = {
  plain: 'plain',
  wardley: 'wardley',
  colour: 'colour',
  color: 'colour',
  handwritten: 'handwritten',
  dark: 'dark',
};

interface OpenPipeline {
  readonly index: number;
  readonly i: number;
  readonly stmtEnd: number;
}

export function declare(ctx: BuildContext): Declared {
  const out = nothingDeclared();
  const blocks = new PipelineBlocks(ctx);
  const lines = ctx.doc.lines;
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i]!.stmt;
    if (!s) continue;
    blocks.next(s);
    switch (s.type) {
      case 'element':
        out.components.push(element(ctx, i, s, blocks.open === null ? null : out.pipelines[blocks.open]!, out));
        break;
      case 'legacyMethod':
        ctx.warn(
          i,
          s.keyword,
          `'${s.keyword.text} X' is a deprecated form: add '(${s.keyword.text})' after the component's ` +
            `coordinates instead`,
          { code: 'deprecated' },
        );
        out.legacyMethods.push({ name: s.name, method: s.keyword.text as Method, i });
        break;
      case 'evolve':
        out.evolves.push(evolve(ctx, i, s));
        break;
      case 'pipeline':
        out.pipelines.push(pipeline(ctx, i, s));
        blocks.pipeline(i, s, out.pipelines.length - 1);
        break;
      case 'blockOpen':
      case 'blockClose':
        blocks.brace(i, s);
        break;
      case 'note':
        out.notes.push(note(ctx, i, s));
        break;
      case 'annotation':
        out.annotations.push(annotation(ctx, i, s));
        break;
      case 'attitude':
        out.attitudes.push(attitude(ctx, i, s));
        break;
      case 'accelerator':
        out.accelerators.push(accelerator(ctx, i, s));
        break;
      case 'url':
        out.urls.push({ name: s.name, address: s.address, line: i + 1 });
        break;
      case 'link':
        out.links.push(link(ctx, i, s));
        break;
      default:
        presentation(ctx, i, s, out);
    }
  }
  blocks.end();
  return out;
}

/** What an empty map declares. */
function nothingDeclared(): Declared {
  return {
    title: null,
    components: [],
    declaredKinds: new Map(),
    links: [],
    evolves: [],
    pipelines: [],
    notes: [],
    annotations: [],
    attitudes: [],
    accelerators: [],
    urls: [],
    legacyMethods: [],
    presentation: {
      style: 'plain',
      size: null,
      evolutionLabels: DEFAULT_EVOLUTION_LABELS,
      valueChainLabels: null,
      showEvolutionAxis: true,
      showValueChainAxis: true,
      annotationsAt: null,
    },
  };
}

/** Which pipeline's `{ ... }` block the lines are in, and what is wrong with the braces. */
class PipelineBlocks {
  /** The index (in the declared pipelines) of the pipeline whose block is open, or null. */
  open: number | null = null;
  private block: OpenPipeline | null = null;
  /** A `pipeline X` line whose `{` may come on the next line. */
  private pending: OpenPipeline | null = null;

  constructor(private readonly ctx: BuildContext) {}

  /** Every statement, first: a pending pipeline waits for its `{` on the very next one. */
  next(s: Statement): void {
    if (this.pending && s.type !== 'blockOpen') this.pending = null;
  }

  pipeline(i: number, s: PipelineStatement, index: number): void {
    const open: OpenPipeline = { index, i, stmtEnd: s.end };
    if (!s.brace) this.pending = open;
    else if (this.block) this.ctx.error(i, s.brace, 'pipelines cannot be nested');
    else this.set(open);
  }

  brace(i: number, s: Statement): void {
    if (s.type === 'blockClose') {
      if (this.block) this.set(null);
      else this.ctx.error(i, s, "'}' closes nothing: no pipeline block is open");
    } else if (this.pending && !this.block) {
      this.set(this.pending);
      this.pending = null;
    } else {
      const why = this.block ? 'pipelines cannot be nested' : "'{' must follow a 'pipeline X' line";
      this.ctx.error(i, s, why);
    }
  }

  end(): void {
    if (!this.block) return;
    const why = "this pipeline's block is never closed with '}': it runs to the end of the map";
    this.ctx.warn(this.block.i, { start: 0, end: this.block.stmtEnd }, why);
  }

  private set(block: OpenPipeline | null): void {
    this.block = block;
    this.open = block?.index ?? null;
  }
}

/** The statements that say how the map is drawn: title, style, size, axes, the legend's place. */
function presentation(ctx: BuildContext, i: number, s: Statement, out: Declared): void {
  const p = out.presentation;
  const styles = STYLES.filter((x) => x !== 'color').join(', ');
  switch (s.type) {
    case 'title':
      if (s.text === null) ctx.warn(i, s, "'title' needs the map's title after it");
      else out.title = s.text;
      break;
    case 'annotations': {
      const at = [UNPOSITIONED.visibility, UNPOSITIONED.maturity];
      const v = readList(ctx, i, s.at, 'the legend position [visibility, maturity]', at);
      if (v) p.annotationsAt = { visibility: v[0]!, maturity: v[1]! };
      break;
    }
    case 'style':
      if (s.name === null) ctx.warn(i, s, `'style' needs a name: ${styles}`);
      else if (!Object.hasOwn(STYLE_NAMES, s.name)) ctx.warn(i, s, `unknown style '${s.name}': expected ${styles}`);
      else p.style = STYLE_NAMES[s.name]!;
      break;
    case 'size': {
      const v = readList(ctx, i, s.dims, 'a size [width, height]', [0, 0], false);
      if (v && v[0]! > 0 && v[1]! > 0) p.size = { width: v[0]!, height: v[1]! };
      break;
    }
    case 'evolution': {
      if (s.hide) p.showEvolutionAxis = false;
      if (s.labels.some((l) => l.text === '')) ctx.warn(i, s, 'an evolution-axis label is empty');
      if (s.labels.length === 0) break;
      const n = s.labels.length;
      if (n !== 4)
        ctx.warn(i, s, `the evolution axis has four stages but ${n} label${n === 1 ? ' is' : 's are'} given`);
      p.evolutionLabels = DEFAULT_EVOLUTION_LABELS.map((d, k) => s.labels[k]?.text ?? d);
      break;
    }
    case 'valuechain':
      p.showValueChainAxis = false;
      break;
    case 'yaxis':
      p.valueChainLabels = s.labels.map((l) => l.text);
      break;
  }
}

/**
 * A name as OnlineWardleyMaps takes it: without the control and direction characters it drops,
 * and without a quote that opens but never closes (`"First Unclosed [..]`), which is reported.
 * Returns the name and where it starts in the line.
 */
function nameOf(ctx: BuildContext, i: number, node: NameNode): { text: string; start: number; end: number } {
  if (!node.quoted && node.text.startsWith('"')) {
    ctx.warn(
      i,
      { start: node.start, end: node.start + 1 },
      `the quote before '${node.text.slice(1, 21)}' is never closed: the name is read without it`,
      { code: 'unclosed-quote', fix: '' },
    );
    return { text: cleanName(node.text.slice(1)), start: node.start + 1, end: node.end };
  }
  return { text: cleanName(node.text), start: node.start, end: node.end };
}

/**
 * On a line without coordinates the name runs to the end of the line, as OnlineWardleyMaps reads
 * it: say so when that takes in words meant as decorators or modifiers (`component X (build)`).
 */
function heldWords(ctx: BuildContext, i: number, node: NameNode): void {
  const m = /\s(\([^()]*\)|inertia|label\b.*|url\(.*\)|evolve\s+[\d.]+)\s*$/.exec(node.text);
  if (!m) return;
  const words = m[1]!;
  const group = /^\((.*)\)$/.exec(words);
  if (group && !group[1]!.split(',').every((w) => isDecoratorWord(w.trim()) || /^cost\s+[\d.]+$/i.test(w.trim())))
    return;
  const at = node.start + m.index + 1;
  ctx.warn(
    i,
    { start: at, end: node.end },
    `'${words}' is read as part of the name '${node.text}', because the line has no coordinates ` +
      `(OnlineWardleyMaps reads it the same way): put coordinates before it to make it ` +
      `${group ? 'a decorator' : 'a modifier'}`,
    { code: 'name-holds-modifier' },
  );
}

/** Whether a coordinate lies on the map, [0, 1] (the usual case, read without warnings). */
const onMap = (x: number): boolean => x >= 0 && x <= 1;

/** A component with every field at its default (unpositioned, no decorations; kind and role set by derive). */
function draft(
  ctx: BuildContext,
  i: number,
  name: string,
  type: DraftComponent['type'],
  loc: { start: number; end: number },
  nameLoc: { start: number; end: number },
): DraftComponent {
  return {
    name,
    key: nameKey(name),
    type,
    visibility: UNPOSITIONED.visibility,
    maturity: UNPOSITIONED.maturity,
    stage: stageOf(UNPOSITIONED.maturity),
    kind: 'technology',
    kindInferred: true,
    kindReason: '',
    role: 'supply',
    roleInferred: true,
    roleReason: '',
    inertia: false,
    method: null,
    market: false,
    ecosystem: false,
    label: null,
    cost: null,
    positioned: false,
    parent: null,
    evolveTo: null,
    url: null,
    line: i + 1,
    loc: ctx.span(i, loc.start, loc.end),
    nameLoc: ctx.span(i, nameLoc.start, nameLoc.end),
  };
}

function element(
  ctx: BuildContext,
  i: number,
  s: ElementStatement,
  pipeline: DraftPipeline | null,
  out: Declared,
): DraftComponent {
  const keyword = s.keyword.text;
  const inBlock = pipeline !== null && keyword === 'component';
  const type = inBlock
    ? 'pipeline-child'
    : keyword === 'anchor'
      ? 'anchor'
      : keyword === 'submap'
        ? 'submap'
        : 'component';
  if (keyword === 'market' || keyword === 'ecosystem') {
    ctx.warn(i, s.keyword, `'${keyword} X [..]' is a deprecated form: write 'component X [..] (${keyword})'`, {
      code: 'deprecated',
    });
  }
  const name = nameOf(ctx, i, s.name);
  const c = draft(ctx, i, name.text, type, s, name);
  if (c.key === '') ctx.error(i, s.name, 'a component needs a name');
  if (!s.name.quoted && !s.mods.some((m) => m.type === 'at' || m.type === 'badAt')) heldWords(ctx, i, s.name);
  c.market = keyword === 'market';
  c.ecosystem = keyword === 'ecosystem';
  const d = modifiers(ctx, i, s, c, type === 'submap', inBlock, out);
  reportJunk(ctx, i, s.mods, `a ${keyword} line`);
  if (d) {
    c.method = d.method;
    c.market ||= d.market;
    c.ecosystem ||= d.ecosystem;
    c.inertia ||= d.inertia;
    c.cost = d.cost;
    if (d.kind) out.declaredKinds.set(c, d.kind);
  }
  c.stage = stageOf(c.maturity);
  if (inBlock) {
    c.parent = pipeline.name;
    (pipeline.children as string[]).push(c.name);
  }
  return c;
}

/** What follows a component's name: coordinates, label, inertia, decorators, url, an inline evolve. */
function modifiers(
  ctx: BuildContext,
  i: number,
  s: ElementStatement,
  c: DraftComponent,
  submap: boolean,
  inBlock: boolean,
  out: Declared,
): Decorations | null {
  let d: Decorations | null = null;
  let seenAt = false;
  for (const m of s.mods) {
    switch (m.type) {
      case 'badAt':
      case 'at':
        if (seenAt)
          ctx.warn(i, m, 'coordinates are given twice: the first are used', {
            code: 'twice',
          });
        else place(ctx, i, c, m, inBlock);
        seenAt = true;
        break;
      case 'label': {
        const v = readList(ctx, i, m.list, 'a label offset [x, y]', [0, 0], false);
        if (v) c.label = { x: v[0]!, y: v[1]! };
        break;
      }
      case 'inertia':
        c.inertia = true;
        break;
      case 'decorators':
        d ??= { method: null, market: false, ecosystem: false, inertia: false, kind: null, cost: null };
        applyDecorators(ctx, i, m.words, d);
        break;
      case 'url':
        if (submap) c.url = m.ref;
        else ctx.warn(i, m, 'only a submap links to a url: ignored');
        break;
      case 'evolveTo':
        ctx.warn(
          i,
          m,
          `write the evolve on its own line: 'evolve ${c.name} ${m.number.value}' (OnlineWardleyMaps cannot ` +
            `draw it inline)`,
          { code: 'inline-evolve' },
        );
        out.evolves.push({
          i,
          name: s.name,
          newName: null,
          target: m.number.value,
          targetStart: m.number.start,
          targetEnd: m.number.end,
          mods: [],
        });
        break;
      case 'number':
      case 'junk':
        break;
    }
  }
  return d;
}

/** A component's coordinates: `[visibility, maturity]`, or `[maturity]` in a pipeline's block. */
function place(
  ctx: BuildContext,
  i: number,
  c: DraftComponent,
  m: Extract<ElementStatement['mods'][number], { type: 'at' | 'badAt' }>,
  inBlock: boolean,
): void {
  let v: number[] | null;
  if (m.type === 'at' && inBlock && m.list.numbers.length === 1) {
    // At the pipeline's visibility, once known.
    v = readList(ctx, i, m.list, 'the maturity of a pipeline component [maturity]', [UNPOSITIONED.maturity]);
    if (v) v = [NaN, v[0]!];
  } else if (m.type === 'at' && m.list.numbers.length === 2 && m.list.numbers.every((n) => onMap(n.value))) {
    v = [m.list.numbers[0]!.value, m.list.numbers[1]!.value];
  } else {
    const defaults = [UNPOSITIONED.visibility, UNPOSITIONED.maturity];
    v = readList(ctx, i, m.type === 'at' ? m.list : m, 'coordinates [visibility, maturity]', defaults);
  }
  if (!v) return;
  c.visibility = v[0]!;
  c.maturity = v[1]!;
  c.positioned = true;
}

function evolve(ctx: BuildContext, i: number, s: EvolveStatement): DraftEvolve {
  let target: { value: number; start: number; end: number } | null = null;
  for (const m of s.mods) {
    if (m.type === 'number' || m.type === 'evolveTo') {
      if (target)
        ctx.warn(i, m, `the evolve target is given twice (${m.number.raw}): the first is used`, { code: 'twice' });
      else target = m.number;
      if (m.type === 'evolveTo') ctx.warn(i, m, `write the target alone: 'evolve ${s.name.text} ${m.number.value}'`);
    } else if (m.type === 'at' || m.type === 'badAt' || m.type === 'url') {
      ctx.warn(i, m, "an evolve takes one number, the target maturity ('evolve X 0.8'): this is ignored", {
        code: 'unread-text',
        fix: '',
      });
    }
  }
  reportJunk(ctx, i, s.mods, 'an evolve line');
  if (target && !Number.isFinite(target.value)) {
    ctx.warn(
      i,
      target,
      `the evolve target '${target.value}' is not a number that can be drawn: ${DEFAULT_EVOLVE_TARGET} is used`,
      { code: 'bad-number' },
    );
    target = { value: DEFAULT_EVOLVE_TARGET, start: target.start, end: target.end };
  }
  if (!target) {
    ctx.warn(
      i,
      s,
      `an evolve needs a target maturity ('evolve ${s.name.text} 0.8'): OnlineWardleyMaps draws it at ` +
        `${DEFAULT_EVOLVE_TARGET}, and so does Mapwright`,
      { code: 'evolve-default' },
    );
    target = { value: DEFAULT_EVOLVE_TARGET, start: s.end, end: s.end };
  } else if (target.value < 0 || target.value > 1) {
    ctx.warn(i, target, `evolve target ${target.value} is outside [0, 1]`, {
      code: 'off-map',
    });
  }
  return {
    i,
    name: s.name,
    newName: s.newName,
    target: target.value,
    targetStart: target.start,
    targetEnd: target.end,
    mods: s.mods,
  };
}

function pipeline(ctx: BuildContext, i: number, s: PipelineStatement): DraftPipeline {
  let m1 = NaN;
  let m2 = NaN;
  for (const m of s.mods) {
    if (m.type === 'at' || m.type === 'badAt') {
      const v = readList(
        ctx,
        i,
        m.type === 'at' ? m.list : m,
        'the pipeline extent [maturity1, maturity2]',
        [0.2, 0.8],
      );
      if (v && Number.isNaN(m1)) {
        m1 = v[0]!;
        m2 = v[1]!;
      }
    } else if (m.type !== 'decorators' && m.type !== 'junk') {
      ctx.warn(
        i,
        m,
        "a pipeline takes its extent only ('pipeline X [0.2, 0.7]'): this is ignored, as OnlineWardleyMaps ignores it",
        { code: 'unread-text', fix: '' },
      );
    }
  }
  reportJunk(ctx, i, s.mods, 'a pipeline line');
  return {
    name: nameOf(ctx, i, s.name).text,
    visibility: NaN,
    maturity1: m1,
    maturity2: m2,
    children: [],
    line: i + 1,
    loc: ctx.span(i, s.start, s.end),
  };
}

function note(ctx: BuildContext, i: number, s: NoteStatement): Note {
  let v: number[] = [UNPOSITIONED.visibility, UNPOSITIONED.maturity];
  let seenAt = false;
  for (const m of s.mods) {
    if ((m.type === 'at' || m.type === 'badAt') && !seenAt) {
      seenAt = true;
      v = readList(ctx, i, m.type === 'at' ? m.list : m, 'coordinates [visibility, maturity]', v) ?? v;
    } else if (m.type !== 'junk') {
      ctx.warn(i, m, "a note takes its text and coordinates ('note text [0.5, 0.5]'): this is ignored", {
        code: 'unread-text',
        fix: '',
      });
    }
  }
  reportJunk(ctx, i, s.mods, 'a note');
  return { text: s.text.text, visibility: v[0]!, maturity: v[1]!, line: i + 1, loc: ctx.span(i, s.start, s.end) };
}

function annotation(ctx: BuildContext, i: number, s: AnnotationStatement): Annotation {
  const points: { visibility: number; maturity: number }[] = [];
  for (const list of s.points) {
    const p = readList(ctx, i, list, 'a point [visibility, maturity]', [
      UNPOSITIONED.visibility,
      UNPOSITIONED.maturity,
    ]);
    if (p) points.push({ visibility: p[0]!, maturity: p[1]! });
  }
  return { number: s.number.value, points, text: s.text ?? '', line: i + 1, loc: ctx.span(i, s.start, s.end) };
}

function attitude(ctx: BuildContext, i: number, s: AttitudeStatement): Attitude {
  const base = {
    attitude: s.keyword.text as AttitudeName,
    label: s.label,
    line: i + 1,
    loc: ctx.span(i, s.start, s.end),
  };
  if (s.size) {
    // The older form: [visibility, maturity] width height (pixels).
    const v = readList(ctx, i, s.box, 'a position [visibility, maturity] before width and height', [
      UNPOSITIONED.visibility,
      UNPOSITIONED.maturity,
    ]) ?? [UNPOSITIONED.visibility, UNPOSITIONED.maturity];
    return {
      ...base,
      visibility: v[0]!,
      maturity: v[1]!,
      visibility2: v[0]!,
      maturity2: v[1]!,
      width: s.size[0].value,
      height: s.size[1].value,
    };
  }
  const v = readList(ctx, i, s.box, 'a box [visibility1, maturity1, visibility2, maturity2]', [0.9, 0.1, 0.8, 0.2]) ?? [
    0.9, 0.1, 0.8, 0.2,
  ];
  return {
    ...base,
    visibility: v[0]!,
    maturity: v[1]!,
    visibility2: v[2]!,
    maturity2: v[3]!,
    width: null,
    height: null,
  };
}

function accelerator(ctx: BuildContext, i: number, s: AcceleratorStatement): Accelerator {
  let v: number[] = [UNPOSITIONED.visibility, UNPOSITIONED.maturity];
  for (const m of s.mods) {
    if (m.type === 'at' || m.type === 'badAt')
      v = readList(ctx, i, m.type === 'at' ? m.list : m, 'coordinates [visibility, maturity]', v) ?? v;
    else if (m.type !== 'junk')
      ctx.warn(i, m, `an ${s.keyword.text} takes a name and coordinates: this is ignored`, {
        code: 'unread-text',
        fix: '',
      });
  }
  reportJunk(ctx, i, s.mods, `an ${s.keyword.text} line`);
  return {
    name: s.name.text,
    deaccelerator: s.keyword.text === 'deaccelerator',
    visibility: v[0]!,
    maturity: v[1]!,
    line: i + 1,
    loc: ctx.span(i, s.start, s.end),
  };
}

function link(ctx: BuildContext, i: number, s: LinkStatement): Link {
  const direction =
    s.arrow.flow === null ? null : s.arrow.flow === '>' ? 'forward' : s.arrow.flow === '<' ? 'backward' : 'both';
  return {
    from: nameKey(s.from.text),
    to: nameKey(s.to.text),
    flow: s.arrow.flow !== null,
    direction,
    label: s.arrow.label,
    context: s.context,
    line: i + 1,
    loc: ctx.span(i, s.start, s.end),
  };
}
