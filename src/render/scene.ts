// The picture of a map as plain shapes in pixels: one description drawn by both the canvas
// (react-konva) and the SVG exporter, so the two always look alike. Pure: no DOM, no Konva.
import type { Finding, FindingKind } from '../analysis/finding.js';
import type { Component, MapModel } from '../model/model.js';
import { STAGE_BOUNDARIES } from '../model/stages.js';
import { FLAT_BELOW, Grid, labelSize, placeLabels, type Box, type LabelItem } from './labels.js';
import { THEMES, type Theme } from './theme.js';

/**
 * The badges a component shows for its findings, in the order they are drawn (right to left):
 * a letter per family of findings (the legend says what each means).
 */
export const BADGES: readonly {
  readonly letter: string;
  readonly word: string;
  readonly kinds: readonly FindingKind[];
  readonly meaning: string;
}[] = [
  {
    letter: 'B',
    word: 'Bottleneck',
    kinds: ['bottleneck'],
    meaning: 'a bottleneck: several components wait on it, and it lags them',
  },
  {
    letter: 'D',
    word: 'Disruption',
    kinds: ['disruption-risk'],
    meaning: 'a disruption risk: about to move into the next stage',
  },
  { letter: 'S', word: 'Substitution', kinds: ['substitution'], meaning: 'being replaced by a new form' },
  { letter: 'I', word: 'Inertia', kinds: ['inertia'], meaning: 'inertia: resists a change that is due' },
  {
    letter: 'M',
    word: 'Misaligned',
    kinds: ['misalignment', 'sourcing'],
    meaning: 'misaligned: a practice behind its technology, or the wrong sourcing method',
  },
  {
    letter: 'G',
    word: 'Gap',
    kinds: ['evolution-gap'],
    meaning: 'an evolution gap: rests on something less evolved, or crosses a stage',
  },
];
/** Which badge a kind of finding shows as, and whether it marks every component of the finding or the first only. */
const BADGE_OF = new Map<FindingKind, number>(
  BADGES.flatMap((b, i) => b.kinds.map((k) => [k, i] as [FindingKind, number])),
);
const MARKS_ALL: ReadonlySet<FindingKind> = new Set(['bottleneck', 'disruption-risk']);

export interface Frame {
  readonly width: number;
  readonly height: number;
}

/** Where the map's drawing area sits inside the frame. */
export const MARGIN = { left: 48, right: 24, top: 28, bottom: 44 } as const;

/** Pixel position of a map point. */
export function toPixel(frame: Frame, visibility: number, maturity: number): { x: number; y: number } {
  const w = frame.width - MARGIN.left - MARGIN.right;
  const h = frame.height - MARGIN.top - MARGIN.bottom;
  return { x: MARGIN.left + maturity * w, y: MARGIN.top + (1 - visibility) * h };
}

/** Map point of a pixel position (not clamped). */
export function fromPixel(frame: Frame, x: number, y: number): { visibility: number; maturity: number } {
  const w = frame.width - MARGIN.left - MARGIN.right;
  const h = frame.height - MARGIN.top - MARGIN.bottom;
  return { maturity: (x - MARGIN.left) / w, visibility: 1 - (y - MARGIN.top) / h };
}

export type Shape =
  | {
      readonly t: 'line';
      readonly points: readonly number[];
      readonly stroke: string;
      readonly width: number;
      readonly dash?: readonly number[];
      readonly opacity?: number;
      readonly role?: string;
      readonly ends?: readonly [string, string];
    }
  | {
      readonly t: 'arrow';
      readonly points: readonly number[];
      readonly stroke: string;
      readonly width: number;
      readonly dash?: readonly number[];
      readonly role?: string;
      readonly ends?: readonly [string, string];
    }
  | {
      readonly t: 'circle';
      readonly x: number;
      readonly y: number;
      readonly r: number;
      readonly fill: string;
      readonly stroke: string;
      readonly width: number;
      readonly dash?: readonly number[];
      readonly opacity?: number;
      readonly role?: string;
    }
  | {
      readonly t: 'rect';
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
      readonly fill: string;
      readonly stroke: string;
      readonly width: number;
      readonly dash?: readonly number[];
      readonly opacity?: number;
      readonly corner?: number;
      readonly role?: string;
    }
  /** A finding's badge on a component: a filled circle of radius 6 at (x, y) with a letter. */
  | {
      readonly t: 'badge';
      readonly x: number;
      readonly y: number;
      readonly letter: string;
      readonly fill: string;
      readonly opacity?: number;
      readonly role?: string;
      readonly owner: string;
      readonly title?: string;
    }
  | {
      readonly t: 'text';
      readonly x: number;
      readonly y: number;
      readonly text: string;
      readonly size: number;
      readonly fill: string;
      readonly bold?: boolean;
      readonly italic?: boolean;
      readonly align?: 'left' | 'center' | 'right';
      readonly width?: number;
      readonly rotation?: number;
      readonly role?: string;
      readonly ends?: readonly [string, string];
    };

/** A component as drawn: the canvas makes these draggable. */
export interface SceneComponent {
  readonly name: string;
  readonly key: string;
  readonly type: Component['type'];
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly label: { readonly x: number; readonly y: number; readonly text: string; readonly width: number };
  readonly shapes: readonly Shape[];
  readonly highlighted: boolean;
  readonly dimmed: boolean;
  /**
   * Equal for two drawings of the component that look the same wherever they stand (lets views
   * skip redrawing it; compare `x` and `y` too to know whether it moved).
   */
  readonly sig: string;
}

/** A note as drawn (the canvas lets it be dragged; `line` identifies it in the text). */
export interface SceneNote {
  readonly line: number;
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

export interface Scene {
  readonly frame: Frame;
  readonly notes: readonly SceneNote[];
  readonly theme: Theme;
  readonly background: readonly Shape[];
  readonly links: readonly Shape[];
  readonly components: readonly SceneComponent[];
  readonly overlays: readonly Shape[];
  /**
   * Findings' badges on components (bottleneck, disruption, misalignment, gap), drawn above the
   * components but apart from them: they change while a component is dragged, its look does not.
   */
  readonly badges: readonly Shape[];
  readonly foreground: readonly Shape[];
}

export interface SceneOptions {
  /** Findings to draw as overlays (badges, highlighted paths, misalignment lines). */
  readonly findings?: readonly Finding[];
  /** Draw only these components at full strength (Explain mode, a selected finding). */
  readonly focus?: readonly string[] | null;
  readonly selected?: readonly string[];
  /** Other participants' selections in a live room: by component, their colours. */
  readonly others?: ReadonlyMap<string, readonly string[]>;
  /** A live poll's votes: by component, how many picked it (drawn beside it). */
  readonly votes?: ReadonlyMap<string, number>;
  readonly style?: MapModel['presentation']['style'];
  /** Fill components by annual cost (the FinOps view): white for none, deeper red for more. */
  readonly costView?: boolean;
  /** Another version of the map (compare view): its positions are drawn as ghosts with arrows to the current ones. */
  readonly compareWith?: MapModel | null;
  /**
   * Only the links of this component (a drag: the canvas draws the others from the frame before it
   * started); the analysis overlays are made for every link all the same.
   */
  readonly linksOf?: string | null;
  /**
   * Label offsets to keep, by `labelKey`, for components still at `at` (a drag keeps every other
   * label where it was: only the moved component's label is placed again).
   */
  readonly keepLabels?: ReadonlyMap<
    string,
    {
      readonly at: { readonly x: number; readonly y: number };
      readonly offset: { readonly x: number; readonly y: number };
    }
  > | null;
}

const FONT = 12;

/** The key of a component's label in `keepLabels`: its name (an evolved copy, which shares it, apart). */
export function labelKey(type: Component['type'], name: string): string {
  return type === 'evolved' ? `${name}\u0000evolved` : name;
}

/** The label offsets of a scene, to keep while one component is dragged (`keepLabels`). */
export function labelsOf(scene: Scene): NonNullable<SceneOptions['keepLabels']> {
  return new Map(
    scene.components.map((c) => [
      labelKey(c.type, c.name),
      { at: { x: c.x, y: c.y }, offset: { x: c.label.x - c.x, y: c.label.y - c.y } },
    ]),
  );
}

/** Splits a long name into lines of at most `max` characters (names may also carry `\n`). */
export function wrapText(text: string, max = 22): string[] {
  return wrap(text, max);
}

/** A component's label as drawn: its name wrapped, lines joined with `\n`. */
/** Other participants' selection rings and a poll's vote count around a component (a live room). */
function peerMarks(
  out: Shape[],
  name: string,
  at: { readonly x: number; readonly y: number },
  opts: SceneOptions,
  theme: Theme,
): void {
  const colors = opts.others?.get(name) ?? [];
  colors.forEach((color, i) =>
    out.push({
      t: 'circle',
      x: at.x,
      y: at.y,
      r: 14 + 3 * i,
      fill: 'transparent',
      stroke: color,
      width: 2,
      role: 'peer-selection',
    }),
  );
  const votes = opts.votes?.get(name);
  if (votes)
    out.push({
      t: 'badge',
      x: at.x + 14,
      y: at.y - 14,
      letter: String(votes),
      fill: theme.highlight,
      role: 'votes',
      owner: name,
      title: `${name}: ${votes} vote${votes === 1 ? '' : 's'}`,
    });
}

function wrappedLabel(name: string): string {
  return name.length <= 22 && !name.includes('\n') ? name : wrapText(name).join('\n');
}

function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/)) {
      if (line && line.length + 1 + word.length > max) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

/**
 * A component's badges sit in a row left of it, above; where its own label lies there (the map
 * places it, `label [x, y]`: the placer keeps other labels off badges), the row goes to the first
 * place around the node that no label near it covers: right above, left below, right below.
 */
function moveBadgesOffLabels(
  pending: readonly { at: { x: number; y: number }; badges: readonly [number, number] }[],
  offsets: readonly { x: number; y: number }[],
  sizes: readonly { w: number; h: number }[],
  badges: Shape[],
): void {
  const boxes = pending.map((q, i) => ({
    x: q.at.x + offsets[i]!.x,
    y: q.at.y + offsets[i]!.y,
    w: sizes[i]!.w,
    h: sizes[i]!.h,
  }));
  // Made when a first row is in the way (few are: the placer keeps labels off badges).
  let grid: Grid | null = null;
  pending.forEach((q, i) => {
    const [from, to] = q.badges;
    if (from === to) return;
    const count = to - from;
    const own = boxes[i]!;
    const hit = (row: { x0: number; dx: number; y: number }, b: Box) => {
      for (let k = 0; k < count; k++) {
        const bx = row.x0 + k * row.dx;
        if (bx + 7 > b.x && bx - 7 < b.x + b.w && row.y + 7 > b.y && row.y - 7 < b.y + b.h) return true;
      }
      return false;
    };
    const rows = [
      { x0: q.at.x - 16, dx: -14, y: q.at.y - 14 },
      { x0: q.at.x + 16, dx: 14, y: q.at.y - 14 },
      { x0: q.at.x - 16, dx: -14, y: q.at.y + 14 },
      { x0: q.at.x + 16, dx: 14, y: q.at.y + 14 },
    ];
    if (!hit(rows[0]!, own)) return;
    // The box a row of badges covers: only the labels that reach into it can be in its way.
    const span = (r: { x0: number; dx: number; y: number }) => {
      const x1 = r.x0 + (count - 1) * r.dx;
      return { x: Math.min(r.x0, x1) - 7, y: r.y - 7, w: Math.abs(x1 - r.x0) + 14, h: 14 };
    };
    if (!grid) {
      grid = new Grid(boxes.length <= FLAT_BELOW);
      for (const b of boxes) grid.add(b);
    }
    const g = grid;
    const row = rows.find((r) => !g.some(span(r), (b) => hit(r, b)));
    if (!row) return;
    for (let k = 0; k < count; k++) {
      const b = badges[from + k]!;
      if (b.t === 'badge') badges[from + k] = { ...b, x: row.x0 + k * row.dx, y: row.y };
    }
  });
}

/** What the parts of a scene are drawn from, and the lists of shapes they add to. */
interface Drawing {
  readonly model: MapModel;
  readonly frame: Frame;
  readonly opts: SceneOptions;
  readonly theme: Theme;
  /** Pixel position of a map point. */
  readonly p: (visibility: number, maturity: number) => { x: number; y: number };
  readonly focus: ReadonlySet<string> | null;
  /** The components drawn as themselves (evolved copies apart), by key. */
  readonly drawn: ReadonlyMap<string, Component>;
  readonly background: Shape[];
  readonly links: Shape[];
  readonly overlays: Shape[];
  readonly badges: Shape[];
  readonly foreground: Shape[];
}

/** A component placed with its shapes and badges, its label still to place. */
interface Placed {
  readonly c: Component;
  readonly at: { x: number; y: number };
  readonly r: number;
  readonly shapes: Shape[];
  readonly highlighted: boolean;
  readonly dimmed: boolean;
  /** Its badges: a range of the scene's badges. */
  readonly badges: readonly [number, number];
}

/** The map's drawing area in the frame. */
const areaOf = (frame: Frame) => ({
  left: MARGIN.left,
  right: frame.width - MARGIN.right,
  top: MARGIN.top,
  bottom: frame.height - MARGIN.bottom,
});

export function buildScene(model: MapModel, frame: Frame, opts: SceneOptions = {}): Scene {
  const drawn = new Map<string, Component>();
  for (const c of model.components) if (c.type !== 'evolved' && !drawn.has(c.key)) drawn.set(c.key, c);
  const d: Drawing = {
    model,
    frame,
    opts,
    theme: THEMES[opts.style ?? model.presentation.style],
    p: (v, m) => toPixel(frame, v, m),
    focus: opts.focus ? new Set(opts.focus) : null,
    drawn,
    background: [],
    links: [],
    overlays: [],
    badges: [],
    foreground: [],
  };
  drawGrid(d);
  drawAttitudesAndPipelines(d);
  const linkSegments = drawLinks(d);
  drawEvolveArrows(d);
  const components = labelComponents(d, placeComponents(d), linkSegments);
  drawMisalignments(d);
  if (opts.compareWith) drawGhosts(d, opts.compareWith);
  const notes = placeNotes(d);
  drawAnnotations(d);
  drawAccelerators(d);
  const { theme, background, links, overlays, badges, foreground } = d;
  return { frame, theme, notes, background, links, components, overlays, badges, foreground };
}

/** The grid: stage bands, boundaries, axes and their labels. */
function drawGrid(d: Drawing): void {
  const { model, frame, theme, p, background } = d;
  const { left, right, top, bottom } = areaOf(frame);
  const edges = [0, ...STAGE_BOUNDARIES, 1];
  for (let i = 0; i < 4; i++) {
    const x0 = p(0, edges[i]!).x;
    const x1 = p(0, edges[i + 1]!).x;
    background.push({
      t: 'rect',
      x: x0,
      y: top,
      w: x1 - x0,
      h: bottom - top,
      fill: theme.stageFill[i]!,
      stroke: theme.stageFill[i]!,
      width: 0,
      role: 'stage-band',
    });
    if (i > 0)
      background.push({
        t: 'line',
        points: [x0, top, x0, bottom],
        stroke: theme.grid,
        width: 1,
        dash: [4, 4],
        role: 'stage-boundary',
      });
  }
  if (model.presentation.showValueChainAxis) {
    background.push({ t: 'line', points: [left, top, left, bottom], stroke: theme.axis, width: 2, role: 'axis' });
    const labels = model.presentation.valueChainLabels;
    background.push({
      t: 'text',
      x: left - 36,
      y: top + 40,
      text: labels?.[2] || 'Visible',
      size: 10,
      fill: theme.muted,
      rotation: -90,
      role: 'axis-label',
    });
    background.push({
      t: 'text',
      x: left - 36,
      y: bottom,
      text: labels?.[1] || 'Invisible',
      size: 10,
      fill: theme.muted,
      rotation: -90,
      role: 'axis-label',
    });
    background.push({
      t: 'text',
      x: left - 22,
      y: (top + bottom) / 2 + 40,
      text: labels?.[0] || 'Value Chain',
      size: 11,
      fill: theme.text,
      bold: true,
      rotation: -90,
      role: 'axis-title',
    });
  }
  if (model.presentation.showEvolutionAxis) {
    background.push({ t: 'arrow', points: [left, bottom, right, bottom], stroke: theme.axis, width: 2, role: 'axis' });
    model.presentation.evolutionLabels.forEach((label, i) => {
      const x0 = p(0, edges[i]!).x;
      const x1 = p(0, edges[i + 1]!).x;
      background.push({
        t: 'text',
        x: x0,
        y: bottom + 8,
        text: label,
        size: 11,
        fill: theme.text,
        align: 'center',
        width: x1 - x0,
        role: 'stage-label',
      });
    });
    background.push({
      t: 'text',
      x: right - 60,
      y: bottom + 26,
      text: 'Evolution',
      size: 11,
      fill: theme.text,
      bold: true,
      role: 'axis-title',
    });
  }
}

/** Attitudes and pipelines, behind the components. */
function drawAttitudesAndPipelines(d: Drawing): void {
  const { model, theme, p, background } = d;
  for (const a of model.attitudes) {
    const a0 = p(a.visibility, a.maturity);
    let a1 = p(a.visibility2, a.maturity2);
    if (a.width !== null && a.height !== null) a1 = { x: a0.x + a.width, y: a0.y + a.height };
    const fill = a.attitude === 'pioneers' ? '#fde4e4' : a.attitude === 'settlers' ? '#e3f1fb' : '#eaf6e4';
    const x = Math.min(a0.x, a1.x);
    const y = Math.min(a0.y, a1.y);
    background.push({
      t: 'rect',
      x,
      y,
      w: Math.abs(a1.x - a0.x),
      h: Math.abs(a1.y - a0.y),
      fill,
      stroke: theme.grid,
      width: 1,
      opacity: 0.8,
      role: 'attitude',
    });
    background.push({
      t: 'text',
      x: x + 4,
      y: y + 4,
      text: a.label ?? a.attitude.replace('townplanners', 'town planners'),
      size: 10,
      fill: theme.muted,
      role: 'attitude-label',
    });
  }
  for (const pl of model.pipelines) {
    const a = p(pl.visibility, Math.min(pl.maturity1, pl.maturity2));
    const b = p(pl.visibility, Math.max(pl.maturity1, pl.maturity2));
    background.push({
      t: 'rect',
      x: a.x - 12,
      y: a.y - 12,
      w: b.x - a.x + 24,
      h: 24,
      fill: 'transparent',
      stroke: theme.pipeline,
      width: 1,
      role: 'pipeline',
    });
  }
}

/** Links and flows, the critical paths over them; returns every link as a segment (labels keep clear of them). */
function drawLinks(d: Drawing): number[][] {
  const { model, opts, theme, p, focus, drawn, links, overlays } = d;
  const evolvedByKey = new Map<string, Component>();
  for (const c of model.components) if (c.type === 'evolved' && !evolvedByKey.has(c.key)) evolvedByKey.set(c.key, c);
  const locate = (key: string) => drawn.get(key) ?? evolvedByKey.get(key) ?? null;
  // Critical-path edges by their upper end (no string built per link: this runs on every drag frame).
  const pathEdges = new Map<string, Set<string>>();
  for (const f of opts.findings ?? []) {
    if (f.kind !== 'critical-path') continue;
    for (let i = 1; i < f.components.length; i++) {
      const from = f.components[i]!;
      let to = pathEdges.get(from);
      if (!to) pathEdges.set(from, (to = new Set()));
      to.add(f.components[i - 1]!);
    }
  }
  const linksOf = opts.linksOf ?? null;
  // Every link as a segment, drawn or not: the labels keep clear of them.
  const linkSegments: number[][] = [];
  for (const l of model.links) {
    const a = locate(l.from);
    const b = locate(l.to);
    if (!a || !b) continue;
    const onPath = pathEdges.get(a.name)?.has(b.name) === true;
    const made = linksOf === null || a.name === linksOf || b.name === linksOf;
    if (!made && !onPath) {
      // Not drawn in this frame, but still in the way of labels: the placement is the same.
      const pa = p(a.visibility, a.maturity);
      const pb = p(b.visibility, b.maturity);
      linkSegments.push([pa.x, pa.y, pb.x, pb.y]);
      continue;
    }
    const pa = p(a.visibility, a.maturity);
    const pb = p(b.visibility, b.maturity);
    linkSegments.push([pa.x, pa.y, pb.x, pb.y]);
    const dim = focus !== null && !(focus.has(a.name) && focus.has(b.name));
    const ends = [a.name, b.name] as const;
    // Analysis overlays are drawn apart from the links, so that they can change on every frame of a drag.
    if (onPath)
      overlays.push({
        t: 'line',
        points: [pa.x, pa.y, pb.x, pb.y],
        stroke: theme.highlight,
        width: 3,
        opacity: dim ? 0.2 : 1,
        role: 'critical-path-edge',
        ends,
      });
    if (!made) continue;
    if (l.flow) {
      links.push({
        t: 'line',
        points: [pa.x, pa.y, pb.x, pb.y],
        stroke: theme.flow,
        width: 4,
        opacity: dim ? 0.15 : 0.35,
        role: 'flow',
        ends,
      });
      if (l.label)
        links.push({
          t: 'text',
          x: (pa.x + pb.x) / 2 + 4,
          y: (pa.y + pb.y) / 2 - 14,
          text: l.label,
          size: 11,
          fill: theme.flow,
          role: 'flow-label',
          ends,
        });
    }
    links.push({
      t: 'line',
      points: [pa.x, pa.y, pb.x, pb.y],
      stroke: theme.link,
      width: 1,
      opacity: dim ? 0.2 : 1,
      role: 'link',
      ends,
    });
    if (l.context)
      links.push({
        t: 'text',
        x: (pa.x + pb.x) / 2 + 4,
        y: (pa.y + pb.y) / 2 + 2,
        text: l.context,
        size: 10,
        fill: theme.muted,
        italic: true,
        role: 'link-context',
        ends,
      });
  }
  return linkSegments;
}

/** Evolve arrows, from a component to its evolved copy. */
function drawEvolveArrows(d: Drawing): void {
  const { model, theme, p, drawn, links } = d;
  for (const e of model.components) {
    if (e.type !== 'evolved' || e.parent === null) continue;
    const src = drawn.get(e.parent);
    if (!src) continue;
    const a = p(src.visibility, src.maturity);
    const b = p(e.visibility, e.maturity);
    const dx = b.x - a.x;
    const shorten = dx > 0 ? 10 : -10;
    links.push({
      t: 'arrow',
      points: [a.x + shorten, a.y, b.x - shorten, b.y],
      stroke: theme.evolve,
      width: 1.5,
      dash: [5, 4],
      role: 'evolve',
      ends: [src.name, e.name],
    });
  }
}

/** Every component's shapes and badges, where it stands. */
function placeComponents(d: Drawing): Placed[] {
  const { model, opts, theme, p, focus, drawn, overlays, badges } = d;
  const selected = new Set(opts.selected ?? []);
  const badgeFindings = badgeFindingsOf(opts.findings ?? []);
  const costFill = costFillOf(model, opts, theme);
  const place = (c: Component): void => {
    const at = p(c.visibility, c.maturity);
    const isEvolved = c.type === 'evolved';
    const r = c.type === 'anchor' ? 0 : c.type === 'submap' ? 7 : 6;
    const shapes = componentShapes(d, c, at, r, costFill);
    if (!isEvolved) peerMarks(overlays, c.name, at, opts, theme);
    if (selected.has(c.name))
      shapes.push({
        t: 'circle',
        x: at.x,
        y: at.y,
        r: 11,
        fill: 'transparent',
        stroke: theme.highlight,
        width: 2,
        role: 'selection',
      });
    const highlighted = focus !== null && focus.has(c.name);
    const dimmed = focus !== null && !focus.has(c.name);
    const mine = isEvolved ? undefined : badgeFindings.get(c.name);
    let badgeX = at.x - 16;
    const firstBadge = badges.length;
    for (let slot = 0; mine && slot < BADGES.length; slot++) {
      const f = mine[slot];
      if (!f) continue;
      const letter = BADGES[slot]!.letter;
      const fill = f.severity === 'high' ? theme.danger : f.severity === 'medium' ? theme.warning : theme.muted;
      const role = `badge-${f.kind}`;
      // The title says what the badge stands for on hover (the canvas's tooltip, the SVG's <title>).
      const title = `${BADGES[slot]!.word}: ${f.title} (${f.severity})`;
      badges.push(
        dimmed
          ? { t: 'badge', x: badgeX, y: at.y - 14, letter, fill, opacity: 0.25, role, owner: c.name, title }
          : { t: 'badge', x: badgeX, y: at.y - 14, letter, fill, role, owner: c.name, title },
      );
      badgeX -= 14;
    }
    pending.push({ c, at, r, shapes, highlighted, dimmed, badges: [firstBadge, badges.length] });
  };
  const pending: Placed[] = [];
  for (const c of drawn.values()) place(c);
  for (const c of model.components) if (c.type === 'evolved') place(c);
  return pending;
}

/**
 * Each component's badges: the first (highest-scoring: findings come sorted) finding of each
 * badge kind that names it (misalignments and gaps name it first; bottlenecks and disruption
 * risks anywhere). Built without a list per component: this runs on every frame of a drag.
 */
function badgeFindingsOf(findings: readonly Finding[]): Map<string, (Finding | undefined)[]> {
  const badgeFindings = new Map<string, (Finding | undefined)[]>();
  for (const f of findings) {
    const slot = BADGE_OF.get(f.kind);
    if (slot === undefined) continue;
    const n = MARKS_ALL.has(f.kind) ? f.components.length : Math.min(1, f.components.length);
    for (let i = 0; i < n; i++) {
      const name = f.components[i]!;
      let slots = badgeFindings.get(name);
      if (!slots) badgeFindings.set(name, (slots = BADGES.map(() => undefined)));
      slots[slot] ??= f;
    }
  }
  return badgeFindings;
}

/** A component's fill: by its share of the highest cost in the cost view, else the theme's. */
function costFillOf(model: MapModel, opts: SceneOptions, theme: Theme): (c: Component) => string {
  let maxCost = 0;
  for (const c of model.components) if (c.cost !== null && c.cost > maxCost) maxCost = c.cost;
  return (c: Component): string => {
    if (!opts.costView || !c.cost || maxCost <= 0) return theme.componentFill;
    const k = Math.sqrt(c.cost / maxCost);
    const ch = (from: number, to: number) =>
      Math.round(from + (to - from) * k)
        .toString(16)
        .padStart(2, '0');
    return `#${ch(0xff, 0xc6)}${ch(0xf0, 0x28)}${ch(0xe0, 0x28)}`;
  };
}

/** A component's own shapes: market, ecosystem, method, its circle (or square), data dot, inertia bar. */
function componentShapes(
  d: Drawing,
  c: Component,
  at: { x: number; y: number },
  r: number,
  costFill: (c: Component) => string,
): Shape[] {
  const { opts, theme } = d;
  const isAnchor = c.type === 'anchor';
  const isEvolved = c.type === 'evolved';
  const shapes: Shape[] = [];
  const stroke = isEvolved
    ? theme.evolve
    : c.kind === 'practice' || c.kind === 'capability'
      ? theme.practice
      : theme.componentStroke;
  if (c.market || c.ecosystem) {
    shapes.push({
      t: 'circle',
      x: at.x,
      y: at.y,
      r: 12,
      fill: theme.componentFill,
      stroke,
      width: 1,
      role: c.market ? 'market' : 'ecosystem',
    });
    if (c.ecosystem)
      shapes.push({
        t: 'circle',
        x: at.x,
        y: at.y,
        r: 9,
        fill: 'transparent',
        stroke,
        width: 1,
        dash: [2, 2],
        role: 'ecosystem',
      });
  }
  if (c.method) {
    const fill = c.method === 'build' ? theme.build : c.method === 'buy' ? theme.buy : theme.outsource;
    shapes.push({
      t: 'circle',
      x: at.x,
      y: at.y,
      r: 14,
      fill,
      stroke: fill,
      width: 1,
      opacity: c.method === 'buy' ? 0.35 : 0.25,
      role: `method-${c.method}`,
    });
  }
  if (!isAnchor) {
    if (c.type === 'submap')
      shapes.push({
        t: 'rect',
        x: at.x - r,
        y: at.y - r,
        w: 2 * r,
        h: 2 * r,
        fill: theme.componentFill,
        stroke,
        width: 1.5,
        role: 'submap',
      });
    else
      shapes.push({
        t: 'circle',
        x: at.x,
        y: at.y,
        r: opts.costView && c.cost ? r + 3 : r,
        fill: isEvolved ? theme.componentFill : costFill(c),
        stroke,
        width: 1.5,
        dash: isEvolved ? [2, 2] : undefined,
        role: 'component',
      });
    if (c.kind === 'data')
      shapes.push({ t: 'circle', x: at.x, y: at.y, r: 2.5, fill: stroke, stroke, width: 0, role: 'kind-data' });
  }
  if (c.inertia)
    shapes.push({
      t: 'line',
      points: [at.x + 16, at.y - 10, at.x + 16, at.y + 10],
      stroke: theme.inertia,
      width: 5,
      role: 'inertia',
    });
  return shapes;
}

/**
 * Labels placed around their nodes, clear of each other, of nodes, badges and arrows, and inside
 * the frame (labels.ts); a `label [x, y]` on the map, or one kept during a drag, stays.
 */
function labelComponents(d: Drawing, pending: readonly Placed[], linkSegments: number[][]): SceneComponent[] {
  const { frame, opts, theme, links, badges } = d;
  const components: SceneComponent[] = [];
  const keep = opts.keepLabels ?? null;
  const texts = pending.map((q) => wrappedLabel(q.c.name));
  const sizes = texts.map(labelSize);
  const order = pending
    .map((_, i) => i)
    .sort((a, b) => pending[a]!.at.y - pending[b]!.at.y || pending[a]!.at.x - pending[b]!.at.x || a - b);
  const items: LabelItem[] = order.map((i) => {
    const q = pending[i]!;
    const size = sizes[i]!;
    const kept = keep?.get(labelKey(q.c.type, q.c.name));
    const fixed = q.c.label ?? (kept && kept.at.x === q.at.x && kept.at.y === q.at.y ? kept.offset : null);
    return {
      name: q.c.name,
      x: q.at.x,
      y: q.at.y,
      r: q.r || 4,
      w: size.w,
      h: size.h,
      fixed,
      anchor: q.c.type === 'anchor',
    };
  });
  const arrows: number[][] = [];
  for (const sh of links) if (sh.t === 'arrow' && sh.role === 'evolve') arrows.push([...sh.points]);
  const marks: Box[] = [];
  for (const b of badges) if (b.t === 'badge') marks.push({ x: b.x - 7, y: b.y - 7, w: 14, h: 14 });
  for (const q of pending) if (q.c.inertia) marks.push({ x: q.at.x + 13, y: q.at.y - 10, w: 6, h: 20 });
  const offsets = placeLabels(items, { boxes: marks, arrows, links: linkSegments }, frame);
  const offsetOf = new Array<{ x: number; y: number }>(pending.length);
  order.forEach((i, k) => {
    offsetOf[i] = offsets[k]!;
  });
  moveBadgesOffLabels(pending, offsetOf, sizes, badges);
  pending.forEach((q, i) => {
    const { c, at, shapes, highlighted, dimmed } = q;
    const off = offsetOf[i]!;
    // What the component looks like where it stands (its position is compared apart: numbers
    // are costly to turn into text, and a move alone does not change the look).
    let sig = `${off.x},${off.y},${highlighted},${dimmed},${theme.font}`;
    for (const sh of shapes) sig += `|${sh.role}:${sh.t === 'circle' || sh.t === 'rect' ? sh.fill : ''}`;
    components.push({
      name: c.name,
      key: c.key,
      type: c.type,
      x: at.x,
      y: at.y,
      r: Math.max(q.r, 8),
      label: { x: at.x + off.x, y: at.y + off.y, text: texts[i]!, width: sizes[i]!.w },
      shapes,
      highlighted,
      dimmed,
      sig,
    });
  });
  return components;
}

/** Misalignment lines: from a lagging practice to the technology it serves. */
function drawMisalignments(d: Drawing): void {
  const { opts, theme, p, focus, drawn, overlays } = d;
  for (const f of opts.findings ?? []) {
    if (f.rule !== 'misalignment/practice-lag') continue;
    const a = drawn.get(f.components[0]!);
    if (!a) continue;
    for (const other of f.components.slice(1)) {
      const b = drawn.get(other);
      if (!b) continue;
      const pa = p(a.visibility, a.maturity);
      const pb = p(b.visibility, b.maturity);
      const lit = focus === null || (focus.has(a.name) && focus.has(b.name));
      overlays.push({
        t: 'line',
        points: [pa.x, pa.y, pb.x, pb.y],
        stroke: theme.warning,
        width: 1.5,
        dash: [2, 5],
        opacity: lit ? 0.9 : 0.12,
        role: 'misalignment-line',
        ends: [a.name, b.name],
      });
    }
  }
}

/** The compare view: where components were in the other version, and what it had that this one has not. */
function drawGhosts(d: Drawing, other: MapModel): void {
  const { theme, p, drawn, overlays } = d;
  const old = new Map<string, Component>();
  for (const c of other.components) if (c.type !== 'evolved' && !old.has(c.key)) old.set(c.key, c);
  for (const c of drawn.values()) {
    const o = old.get(c.key);
    if (!o || (o.visibility === c.visibility && o.maturity === c.maturity)) continue;
    const a = p(o.visibility, o.maturity);
    const b = p(c.visibility, c.maturity);
    overlays.push({
      t: 'circle',
      x: a.x,
      y: a.y,
      r: 6,
      fill: 'transparent',
      stroke: theme.muted,
      width: 1.5,
      dash: [2, 2],
      opacity: 0.8,
      role: 'ghost',
    });
    overlays.push({
      t: 'arrow',
      points: [a.x, a.y, b.x, b.y],
      stroke: theme.highlight,
      width: 1.5,
      dash: [4, 3],
      role: 'ghost-move',
      ends: [c.name, c.name],
    });
  }
  for (const [key, o] of old) {
    if (drawn.has(key)) continue;
    const a = p(o.visibility, o.maturity);
    overlays.push({
      t: 'circle',
      x: a.x,
      y: a.y,
      r: 6,
      fill: 'transparent',
      stroke: theme.danger,
      width: 1.5,
      dash: [2, 2],
      role: 'ghost-removed',
    });
    overlays.push({
      t: 'text',
      x: a.x + 9,
      y: a.y - 6,
      text: `${o.name} (removed)`,
      size: 10,
      fill: theme.danger,
      italic: true,
      role: 'ghost-label',
    });
  }
}

/** Notes, wrapped (the canvas lets them be dragged). */
function placeNotes(d: Drawing): SceneNote[] {
  const { model, p } = d;
  return model.notes.map((n) => {
    const at = p(n.visibility, n.maturity);
    return { line: n.line, x: at.x, y: at.y, text: wrapText(n.text, 40).join('\n') };
  });
}

/** Annotation markers and their legend. */
function drawAnnotations(d: Drawing): void {
  const { model, theme, p, foreground } = d;
  const { right, top } = areaOf(d.frame);
  for (const a of model.annotations) {
    for (const pt of a.points) {
      const at = p(pt.visibility, pt.maturity);
      foreground.push({
        t: 'circle',
        x: at.x,
        y: at.y,
        r: 9,
        fill: theme.background,
        stroke: theme.text,
        width: 1.5,
        role: 'annotation',
      });
      foreground.push({
        t: 'text',
        x: at.x - 9,
        y: at.y - 6,
        text: String(a.number),
        size: 11,
        fill: theme.text,
        align: 'center',
        width: 18,
        bold: true,
        role: 'annotation-number',
      });
    }
  }
  if (model.annotations.length) {
    const at = model.presentation.annotationsAt
      ? p(model.presentation.annotationsAt.visibility, model.presentation.annotationsAt.maturity)
      : { x: right - 220, y: top + 8 };
    const lines = model.annotations.map((a) => `${a.number}. ${a.text}`);
    foreground.push({
      t: 'rect',
      x: at.x,
      y: at.y,
      w: 220,
      h: 20 + lines.length * 15,
      fill: theme.background,
      stroke: theme.grid,
      width: 1,
      role: 'annotations-legend',
    });
    foreground.push({
      t: 'text',
      x: at.x + 6,
      y: at.y + 5,
      text: 'Annotations',
      size: 11,
      fill: theme.text,
      bold: true,
      role: 'annotations-title',
    });
    lines.forEach((l, i) =>
      foreground.push({
        t: 'text',
        x: at.x + 6,
        y: at.y + 20 + i * 15,
        text: l,
        size: 10,
        fill: theme.text,
        width: 208,
        role: 'annotations-entry',
      }),
    );
  }
}

/** Accelerators and deaccelerators. */
function drawAccelerators(d: Drawing): void {
  const { model, theme, p, foreground } = d;
  for (const a of model.accelerators) {
    const at = p(a.visibility, a.maturity);
    const dir = a.deaccelerator ? -1 : 1;
    foreground.push({
      t: 'arrow',
      points: [at.x - 25 * dir, at.y, at.x + 25 * dir, at.y],
      stroke: a.deaccelerator ? theme.danger : theme.flow,
      width: 6,
      role: a.deaccelerator ? 'deaccelerator' : 'accelerator',
    });
    foreground.push({
      t: 'text',
      x: at.x - 40,
      y: at.y + 8,
      text: a.name,
      size: 10,
      fill: theme.text,
      align: 'center',
      width: 80,
      role: 'accelerator-label',
    });
  }
}

/** What a badge under a point of the map (map pixels) stands for, for its tooltip; null: none there. */
export function badgeTipAt(scene: Scene, x: number, y: number): string | null {
  for (const b of scene.badges)
    if (b.t === 'badge' && b.title && (b.x - x) ** 2 + (b.y - y) ** 2 <= 64) return `${b.owner}. ${b.title}`;
  return null;
}

export { FONT as LABEL_FONT_SIZE };
