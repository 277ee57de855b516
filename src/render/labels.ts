// Where each component's name goes: a small deterministic placer. For every component without an
// explicit `label [x, y]`, in order from the top of the map down, it tries a few places around the
// node and takes the first with the least in its way: other labels, nodes, badges, evolve arrows,
// links (lightly), and the edge of the frame. Obstacles are kept in a grid of cells, so placing
// n labels costs about n times the candidates. The canvas and the SVG export draw the same result.

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A component whose label is to be placed. */
export interface LabelItem {
  readonly name: string;
  /** The node's centre and radius. */
  readonly x: number;
  readonly y: number;
  readonly r: number;
  /** The label's size (see `labelSize`). */
  readonly w: number;
  readonly h: number;
  /** An offset the map gives (`label [x, y]`), or one kept from an earlier frame: not moved. */
  readonly fixed: { readonly x: number; readonly y: number } | null;
  /** Anchors (users) are written centred above their point. */
  readonly anchor: boolean;
}

export interface Obstacles {
  /** Badge circles and other small marks, as boxes. */
  readonly boxes: readonly Box[];
  /** Evolve arrows: a label must not sit on one. */
  readonly arrows: readonly (readonly number[])[];
  /** Links: better avoided, but a crowded map cannot avoid them all. */
  readonly links: readonly (readonly number[])[];
}

/** Width of one character and height of one line of a 12 px label, as drawn (measured in Chromium, rounded up). */
const CHAR_W = 6.6;
const LINE_H = 14;

/** The box a label of these lines takes. */
export function labelSize(text: string): { readonly w: number; readonly h: number } {
  let longest = 0;
  let lines = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) !== 10) continue;
    if (i - start > longest) longest = i - start;
    if (i < text.length) lines++;
    start = i + 1;
  }
  return { w: Math.ceil(longest * CHAR_W) + 2, h: lines * LINE_H };
}

/** Offsets from the node's centre to the label box's top-left corner, best first. */
function candidates(it: LabelItem): { x: number; y: number }[] {
  const { w, h, r } = it;
  const g = r + 4;
  if (it.anchor)
    return [
      { x: -w / 2, y: -6 },
      { x: -w / 2, y: -h - 8 },
      { x: g, y: -h / 2 },
      { x: -w - g, y: -h / 2 },
    ];
  return [
    { x: g, y: -10 }, // right, level with the node's top: the usual place
    { x: g, y: -h - 2 }, // right, above
    { x: g, y: 4 }, // right, below
    { x: -w - g, y: -10 }, // left
    { x: -w - g, y: -h - 2 },
    { x: -w - g, y: 4 },
    { x: -w / 2, y: -h - g - 6 }, // above (over the badges)
    { x: -w / 2, y: g + 2 }, // below
  ];
}

const CELL = 48;
/** With fewer labels than this to place, obstacles are scanned in a list rather than put in cells. */
export const FLAT_BELOW = 16;

const cellKey = (cx: number, cy: number) => (cy + 4096) * 8192 + (cx + 4096);

/**
 * Boxes by the cells they touch; or, when only a few labels are to be placed (a drag: one), in one
 * list scanned whole, which is cheaper than filling cells with everything on the map each frame.
 */
export class Grid {
  private readonly cells = new Map<number, number[]>();
  private readonly boxes: Box[] = [];
  private seen = new Int32Array(64);
  private stamp = 0;
  constructor(private readonly flat: boolean) {}
  add(b: Box): void {
    const i = this.boxes.length;
    this.boxes.push(b);
    if (this.flat) return;
    for (let cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.h) / CELL); cy++) {
      for (let cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.w) / CELL); cx++) {
        const k = cellKey(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(i);
        else this.cells.set(k, [i]);
      }
    }
  }
  /** Total area of overlap with what is in the grid (each stored box counted once). */
  overlap(b: Box): number {
    let area = 0;
    this.find(b, (o) => {
      const dx = Math.min(b.x + b.w, o.x + o.w) - Math.max(b.x, o.x);
      const dy = Math.min(b.y + b.h, o.y + o.h) - Math.max(b.y, o.y);
      if (dx > 0 && dy > 0) area += dx * dy;
      return false;
    });
    return area;
  }
  /** Whether some stored box overlaps `b` and passes `test`. */
  some(b: Box, test: (o: Box) => boolean): boolean {
    return this.find(b, (o) => o.x < b.x + b.w && o.x + o.w > b.x && o.y < b.y + b.h && o.y + o.h > b.y && test(o));
  }
  /** Visits each stored box that may overlap `b` (every one in flat mode) until `f` says stop. */
  private find(b: Box, f: (o: Box) => boolean): boolean {
    if (this.flat) return this.boxes.some(f);
    if (this.seen.length < this.boxes.length) this.seen = new Int32Array(this.boxes.length * 2);
    return visitCells(this.cells, this.seen, ++this.stamp, b, (i) => f(this.boxes[i]!));
  }
}

/**
 * Visits, once each, the entries stored in the cells that `b` touches (`seen` marks those visited
 * under `stamp`), until `visit` returns true; returns whether it did.
 */
function visitCells(
  cells: ReadonlyMap<number, readonly number[]>,
  seen: Int32Array,
  stamp: number,
  b: Box,
  visit: (i: number) => boolean,
): boolean {
  for (let cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.h) / CELL); cy++) {
    for (let cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.w) / CELL); cx++) {
      const list = cells.get(cellKey(cx, cy));
      if (!list) continue;
      for (const i of list) {
        if (seen[i] === stamp) continue;
        seen[i] = stamp;
        if (visit(i)) return true;
      }
    }
  }
  return false;
}

/** Whether the segment (x0, y0)-(x1, y1) crosses the box (Liang-Barsky clipping; no allocation). */
function crosses(x0: number, y0: number, x1: number, y1: number, b: Box): boolean {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  for (let side = 0; side < 4; side++) {
    const p = side === 0 ? -dx : side === 1 ? dx : side === 2 ? -dy : dy;
    const q = side === 0 ? x0 - b.x : side === 1 ? b.x + b.w - x0 : side === 2 ? y0 - b.y : b.y + b.h - y0;
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  return t0 <= t1;
}

/** Segments by the grid cells they pass through (walked cell by cell), or in one list (`flat`). */
class SegmentGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly seen: Int32Array;
  private stamp = 0;
  constructor(
    private readonly segments: readonly (readonly number[])[],
    private readonly flat: boolean,
  ) {
    this.seen = new Int32Array(segments.length);
    if (flat) return;
    segments.forEach((s, i) => this.walk(s, i));
  }
  private add(k: number, i: number): void {
    const l = this.cells.get(k);
    if (l) {
      if (l[l.length - 1] !== i) l.push(i);
    } else this.cells.set(k, [i]);
  }
  /** Every cell the segment passes through (Amanatides and Woo's traversal). */
  private walk(s: readonly number[], i: number): void {
    const [x0, y0, x1, y1] = s as [number, number, number, number];
    let cx = Math.floor(x0 / CELL);
    let cy = Math.floor(y0 / CELL);
    const ex = Math.floor(x1 / CELL);
    const ey = Math.floor(y1 / CELL);
    const dx = x1 - x0;
    const dy = y1 - y0;
    const sx = dx > 0 ? 1 : -1;
    const sy = dy > 0 ? 1 : -1;
    const tdx = dx === 0 ? Infinity : Math.abs(CELL / dx);
    const tdy = dy === 0 ? Infinity : Math.abs(CELL / dy);
    let tx = dx === 0 ? Infinity : (sx > 0 ? (cx + 1) * CELL - x0 : x0 - cx * CELL) / Math.abs(dx);
    let ty = dy === 0 ? Infinity : (sy > 0 ? (cy + 1) * CELL - y0 : y0 - cy * CELL) / Math.abs(dy);
    this.add(cellKey(cx, cy), i);
    for (let n = Math.abs(ex - cx) + Math.abs(ey - cy); n > 0; n--) {
      if (tx < ty) {
        cx += sx;
        tx += tdx;
      } else {
        cy += sy;
        ty += tdy;
      }
      this.add(cellKey(cx, cy), i);
    }
  }
  /** How many segments cross the box, counting no further than `limit`. */
  count(b: Box, limit = Infinity): number {
    let n = 0;
    if (this.flat) {
      for (const s of this.segments) if (crosses(s[0]!, s[1]!, s[2]!, s[3]!, b) && ++n >= limit) return n;
      return n;
    }
    visitCells(this.cells, this.seen, ++this.stamp, b, (i) => {
      const s = this.segments[i]!;
      return crosses(s[0]!, s[1]!, s[2]!, s[3]!, b) && ++n >= limit;
    });
    return n;
  }
}

/**
 * The label offset of every item (by index), placed in the order given (callers give the top of
 * the map first). `frame`: labels are kept inside it.
 */
export function placeLabels(
  items: readonly LabelItem[],
  obstacles: Obstacles,
  frame: { width: number; height: number },
): { x: number; y: number }[] {
  let free = 0;
  for (const it of items) if (!it.fixed) free++;
  const flat = free <= FLAT_BELOW;
  const labels = new Grid(flat);
  const marks = new Grid(flat);
  for (const it of items) marks.add({ x: it.x - it.r, y: it.y - it.r, w: 2 * it.r, h: 2 * it.r });
  for (const b of obstacles.boxes) marks.add(b);
  const arrows = new SegmentGrid(obstacles.arrows, flat);
  const links = new SegmentGrid(obstacles.links, flat);
  const out: { x: number; y: number }[] = new Array(items.length);
  // The fixed ones first: they are where they are, and the others avoid them.
  items.forEach((it, i) => {
    if (!it.fixed) return;
    out[i] = it.fixed;
    labels.add({ x: it.x + it.fixed.x, y: it.y + it.fixed.y, w: it.w, h: it.h });
  });
  items.forEach((it, i) => {
    if (it.fixed) return;
    let best: { x: number; y: number } | null = null;
    let bestCost = Infinity;
    for (const c of candidates(it)) {
      const b = { x: it.x + c.x, y: it.y + c.y, w: it.w, h: it.h };
      const outside =
        Math.max(0, -b.x) +
        Math.max(0, b.x + b.w - frame.width) +
        Math.max(0, -b.y) +
        Math.max(0, b.y + b.h - frame.height);
      // The node's own circle is never in the way of its label's candidates; the others' are.
      const own = { x: it.x - it.r, y: it.y - it.r, w: 2 * it.r, h: 2 * it.r };
      const ownOverlap =
        Math.max(0, Math.min(b.x + b.w, own.x + own.w) - Math.max(b.x, own.x)) *
        Math.max(0, Math.min(b.y + b.h, own.y + own.h) - Math.max(b.y, own.y));
      // The cheap terms first; what is counted next stops once this place cannot win.
      let cost = outside * 1000 + labels.overlap(b) * 10 + (marks.overlap(b) - ownOverlap) * 6;
      if (cost < bestCost) cost += arrows.count(b, Math.ceil((bestCost - cost) / 400)) * 400;
      if (cost < bestCost) cost += links.count(b, Math.ceil((bestCost - cost) / 30)) * 30;
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
      if (cost === 0) break;
    }
    out[i] = best!;
    labels.add({ x: it.x + best!.x, y: it.y + best!.y, w: it.w, h: it.h });
  });
  return out;
}
