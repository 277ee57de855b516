// The konva nodes the map canvas draws (MapCanvas.tsx holds what they do): components, texts,
// shapes painted in bulk, the layer that does not move during a drag, and how a frame keeps the
// previous frame's nodes where they look the same.
import Konva from 'konva/lib/Core.js';
import 'konva/lib/shapes/Circle.js';
import 'konva/lib/shapes/Rect.js';
import { memo, useEffect, useMemo, useRef } from 'react';
import { Circle, Group, Layer, Rect, Shape as KonvaShape } from 'react-konva/lib/ReactKonvaCore.js';
import { boundsOf, paintShapes, textBox } from './paint.js';
import type { Scene, SceneComponent, Shape } from '../../render/scene.js';

export interface NodeHandlers {
  dragStart(sc: SceneComponent, node: Konva.Node, start: { x: number; y: number }): void;
  dragMove(sc: SceneComponent, node: Konva.Group, shift: boolean): void;
  dragEnd(sc: SceneComponent, node: Konva.Node): void;
  click(sc: SceneComponent, e: MouseEvent): void;
  dblClick(sc: SceneComponent): void;
  contextMenu(sc: SceneComponent): void;
  labelMoved(sc: SceneComponent, x: number, y: number): void;
}

/**
 * Groups waiting to be drawn into a bitmap (Konva `cache()`), done in idle time so that opening a
 * large map is not held up; once cached, a redraw of the layer is one image per component.
 */
const cacheQueue = new Map<Konva.Group, number>();
let cacheScheduled = false;
function cacheWhenIdle(g: Konva.Group, pixelRatio: number): void {
  cacheQueue.set(g, pixelRatio);
  if (cacheScheduled) return;
  cacheScheduled = true;
  const idle = (cb: (d: { timeRemaining(): number }) => void) =>
    'requestIdleCallback' in window
      ? window.requestIdleCallback(cb, { timeout: 500 })
      : setTimeout(() => cb({ timeRemaining: () => 8 }), 16);
  const work = (deadline: { timeRemaining(): number }) => {
    // Not while something is dragged: caching redraws the layer of all the components, which a
    // drag frame is arranged not to do. The bitmaps are made once the drag is over.
    if (Konva.isDragging()) {
      setTimeout(() => idle(work), 250);
      return;
    }
    for (const [node, ratio] of cacheQueue) {
      if (deadline.timeRemaining() <= 1) break;
      cacheQueue.delete(node);
      if (node.getStage() && !node.isDragging()) {
        node.cache({ pixelRatio: ratio });
        node.getLayer()?.batchDraw();
      }
    }
    if (cacheQueue.size) idle(work);
    else cacheScheduled = false;
  };
  idle(work);
}

/** Many shapes in one konva node (drawn by paint.ts); not hit-tested. */
export const Painted = memo(
  function Painted({ shapes, font }: { shapes: readonly Shape[]; font: string }) {
    // The node sits at the shapes' box (so caches and bounds include them) and paints in map pixels.
    const box = boundsOf(shapes);
    return (
      <KonvaShape
        x={box.x}
        y={box.y}
        width={box.width}
        height={box.height}
        listening={false}
        perfectDrawEnabled={false}
        sceneFunc={(ctx) => {
          const c = ctx._context;
          c.translate(-box.x, -box.y);
          paintShapes(c, shapes, font);
          c.translate(box.x, box.y);
        }}
      />
    );
  },
  (a, b) => a.font === b.font && sameShapes(a.shapes, b.shapes),
);

type TextShape = Extract<Shape, { t: 'text' }>;

/**
 * A text that can be dragged (a note, a selected component's label): painted like every other text
 * of the map, hit-tested on its box. Konva's own Text is not used: its module sets up a grapheme
 * segmenter as it loads, which delays the first render (bench/README.md).
 */
export function TextNode({
  shape,
  font,
  name,
  draggable = true,
  onDragStart,
  onDragMove,
  onDragEnd,
}: {
  shape: TextShape;
  font: string;
  name: string;
  draggable?: boolean;
  onDragStart(e: Konva.KonvaEventObject<DragEvent>): void;
  onDragMove(e: Konva.KonvaEventObject<DragEvent>): void;
  onDragEnd(e: Konva.KonvaEventObject<DragEvent>): void;
}) {
  const local = useMemo<TextShape>(() => ({ ...shape, x: 0, y: 0 }), [shape]);
  return (
    <KonvaShape
      name={name}
      x={shape.x}
      y={shape.y}
      perfectDrawEnabled={false}
      draggable={draggable}
      sceneFunc={(ctx) => paintShapes(ctx._context, [local], font)}
      hitFunc={(ctx, node) => {
        const b = textBox(ctx._context, local, font);
        ctx.beginPath();
        ctx.rect(b.x, b.y, b.w, b.h);
        ctx.closePath();
        ctx.fillStrokeShape(node);
      }}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
    />
  );
}

/**
 * Whether two shape lists draw the same: the scene is rebuilt on every frame of a drag, and a
 * layer whose shapes did not change must not be redrawn.
 */
export function sameShapes(a: readonly Shape[], b: readonly Shape[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    // Badges are most of the shapes compared (hundreds): their fields directly.
    if (x.t === 'badge' && y.t === 'badge') {
      if (
        x.x !== y.x ||
        x.y !== y.y ||
        x.letter !== y.letter ||
        x.fill !== y.fill ||
        x.opacity !== y.opacity ||
        x.owner !== y.owner ||
        x.role !== y.role
      )
        return false;
    } else if (!sameRecord(x as unknown as Record<string, unknown>, y as unknown as Record<string, unknown>))
      return false;
  }
  return true;
}

/** Field by field, arrays by their items; no allocation (this compares hundreds of shapes a frame). */
function sameRecord(x: Record<string, unknown>, y: Record<string, unknown>): boolean {
  let n = 0;
  for (const k in x) {
    n += 1;
    const u = x[k];
    const v = y[k];
    if (u === v) continue;
    if (!Array.isArray(u) || !Array.isArray(v) || u.length !== v.length) return false;
    for (let j = 0; j < u.length; j++) if (u[j] !== v[j]) return false;
  }
  for (const k in y) if (Object.hasOwn(y, k)) n -= 1;
  return n === 0;
}

/** The grid and the links that do not move in this frame. Redrawn only when they change. */
export const BaseLayer = memo(function BaseLayer({
  background,
  links,
  title,
  width,
  theme,
}: {
  background: readonly Shape[];
  links: readonly Shape[];
  title: string;
  width: number;
  theme: Scene['theme'];
}) {
  const titleShapes = useMemo<readonly Shape[]>(
    () => [
      {
        t: 'text',
        x: 0,
        y: 4,
        width,
        align: 'center',
        text: title,
        size: 15,
        bold: true,
        fill: theme.text,
        role: 'title',
      },
    ],
    [title, width, theme.text],
  );
  return (
    // Not hit-tested: a press on the grid is a press on the stage (pan, box select, add), and a
    // layer that is not listening has no stage-sized hit canvas to allocate and redraw.
    <Layer listening={false}>
      <Rect x={-5000} y={-5000} width={10000} height={10000} fill={theme.background} listening={false} />
      <Painted shapes={titleShapes} font={theme.font} />
      <Painted shapes={background} font={theme.font} />
      <Painted shapes={links} font={theme.font} />
    </Layer>
  );
});

/**
 * One component: a draggable group at its centre. Drawn from a bitmap cache (Konva `cache()`)
 * unless selected, and redrawn only when it looks different (`sig`).
 */
export const ComponentNode = memo(
  function ComponentNode({
    sc,
    selected,
    textColor,
    evolveColor,
    fontFamily,
    fontEpoch,
    scale,
    handlers,
    editable,
  }: {
    sc: SceneComponent;
    selected: boolean;
    textColor: string;
    evolveColor: string;
    fontFamily: string;
    fontEpoch: number;
    scale: number;
    handlers: NodeHandlers;
    editable: boolean;
  }) {
    const group = useRef<Konva.Group>(null);
    // Whole pixels: a component's bitmap drawn at a fractional position is filtered pixel by pixel,
    // which made redrawing a large layer several times slower (bench/README.md).
    const x = Math.round(sc.x);
    const y = Math.round(sc.y);
    const label = useMemo<TextShape>(
      () => ({
        t: 'text',
        x: sc.label.x,
        y: sc.label.y,
        text: sc.label.text,
        size: 12,
        fill: sc.type === 'evolved' ? evolveColor : textColor,
        bold: sc.type === 'anchor',
        align: 'left',
        width: sc.label.width,
        role: 'label',
      }),
      [sc.label, sc.type, evolveColor, textColor],
    );
    // A selected component's label is a node of its own, so that it can be dragged.
    const labelled = useMemo<readonly Shape[]>(
      () => (selected && sc.type !== 'evolved' ? sc.shapes : [...sc.shapes, label]),
      [sc, selected, label],
    );
    useEffect(() => {
      const g = group.current;
      if (!g) return;
      // A stale bitmap must never be drawn: drop it now, make a new one when the browser is idle.
      g.clearCache();
      if (!selected) cacheWhenIdle(g, Konva.pixelRatio * scale);
    }, [sc.sig, sc.label.text, selected, scale, fontEpoch]);
    return (
      <Group
        ref={group}
        name="component"
        id={`component:${sc.name}`}
        x={x}
        y={y}
        draggable={editable}
        opacity={sc.dimmed ? 0.25 : 1}
        onDragStart={(e) => {
          e.cancelBubble = true;
          group.current?.clearCache();
          handlers.dragStart(sc, e.currentTarget, { x, y });
        }}
        onDragMove={(e) => {
          e.cancelBubble = true;
          handlers.dragMove(sc, e.currentTarget as unknown as Konva.Group, e.evt.shiftKey);
        }}
        onDragEnd={(e) => {
          e.cancelBubble = true;
          handlers.dragEnd(sc, e.currentTarget);
        }}
        onClick={(e) => {
          e.cancelBubble = true;
          handlers.click(sc, e.evt);
        }}
        onDblClick={(e) => {
          e.cancelBubble = true;
          handlers.dblClick(sc);
        }}
        onContextMenu={(e) => {
          e.evt.preventDefault();
          e.cancelBubble = true;
          handlers.contextMenu(sc);
        }}
        onMouseEnter={(e) => {
          const st = e.target.getStage();
          if (st) st.container().style.cursor = 'move';
        }}
        onMouseLeave={(e) => {
          const st = e.target.getStage();
          if (st) st.container().style.cursor = 'default';
        }}
      >
        <Group x={-x} y={-y}>
          {/* The label is painted with the shapes; only a selected component's label is a konva
            node of its own, so that it can be dragged. */}
          <Painted shapes={labelled} font={fontFamily} />
          {selected && sc.type !== 'evolved' && (
            <TextNode
              name="label"
              draggable={editable}
              shape={label}
              font={fontFamily}
              onDragStart={(e) => {
                e.cancelBubble = true;
              }}
              onDragMove={(e) => {
                e.cancelBubble = true;
              }}
              onDragEnd={(e) => {
                e.cancelBubble = true;
                handlers.labelMoved(sc, e.target.x(), e.target.y());
              }}
            />
          )}
        </Group>
        {/* Last, so on top: a press on the component's circle always moves the component, even where
          its label (a selected component's label can be dragged) lies under it. */}
        <Circle x={0} y={0} radius={sc.r + 6} fill="rgba(0,0,0,0.001)" perfectDrawEnabled={false} />
      </Group>
    );
  },
  (a, b) =>
    a.sc.x === b.sc.x &&
    a.sc.y === b.sc.y &&
    a.sc.sig === b.sc.sig &&
    a.sc.label.text === b.sc.label.text &&
    a.selected === b.selected &&
    a.textColor === b.textColor &&
    a.fontFamily === b.fontFamily &&
    a.fontEpoch === b.fontEpoch &&
    a.scale === b.scale &&
    a.handlers === b.handlers &&
    a.editable === b.editable,
);

/** What the components layer draws; kept from frame to frame while it looks the same. */
export interface Kept {
  readonly components: readonly SceneComponent[];
  readonly notes: Scene['notes'];
  readonly foreground: readonly Shape[];
}

/** Whether a component looks the same (its position ignored while it is dragged: Konva moves it). */
function sameComponent(a: SceneComponent, b: SceneComponent, dragged: string | null): boolean {
  return (
    a.type === b.type &&
    a.key === b.key &&
    a.name === b.name &&
    a.sig === b.sig &&
    a.label.text === b.label.text &&
    ((a.x === b.x && a.y === b.y) || a.name === dragged)
  );
}

/** The previous frame's lists where they draw the same as this frame's. */
export function keepUnchanged(prev: Kept | null, scene: Scene, dragged: string | null): Kept {
  const next: Kept = { components: scene.components, notes: scene.notes, foreground: scene.foreground };
  if (!prev) return next;
  const components =
    prev.components.length === next.components.length &&
    next.components.every((c, i) => sameComponent(prev.components[i]!, c, dragged))
      ? prev.components
      : next.components;
  const notes =
    prev.notes.length === next.notes.length &&
    next.notes.every((n, i) => {
      const o = prev.notes[i]!;
      return o.line === n.line && o.x === n.x && o.y === n.y && o.text === n.text;
    })
      ? prev.notes
      : next.notes;
  const foreground = sameShapes(prev.foreground, next.foreground) ? prev.foreground : next.foreground;
  return components === prev.components && notes === prev.notes && foreground === prev.foreground
    ? prev
    : { components, notes, foreground };
}
