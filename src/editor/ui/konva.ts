// Konva-specific adjustments and tricks, in one place; the prototype patch is checked on the Konva version it names.
import Konva from 'konva/lib/Core.js';

/** The Konva major version the adjustments below were written against and checked on (10.9). */
const CHECKED_MAJOR = '10.';

/**
 * Konva draws a layer (its scene and its hit canvas) the moment it is added to a stage, and
 * react-konva then asks for the whole stage to be drawn at the next animation frame: opening a map
 * drew every layer twice, the first time for nothing, as no frame is painted in between. Here a
 * layer added to a stage is drawn with the others at that next frame only (first render figures
 * in bench/README.md). On another Konva version the stage is left as Konva makes it: slower to
 * open, never wrong.
 */
if (Konva.version.startsWith(CHECKED_MAJOR)) {
  const addLayer = Konva.Stage.prototype.add;
  const skipDraw = function (this: Konva.Layer): Konva.Layer {
    return this;
  };
  Konva.Stage.prototype.add = function add(this: Konva.Stage, ...layers: Konva.Layer[]) {
    for (const layer of layers) {
      layer.draw = skipDraw;
      try {
        addLayer.call(this, layer);
      } finally {
        delete (layer as { draw?: unknown }).draw;
      }
      layer.batchDraw();
    }
    return this;
  };
}

/**
 * While dragged, a node is drawn on the overlays layer (which a drag frame redraws anyway: the
 * findings change), so that a frame redraws one canvas, not the hundreds of components that stay
 * where they are. It goes back to its place among them on drop. The components layer is not
 * hit-tested meanwhile (nothing on it can be hovered or clicked while the pointer carries a node),
 * so that should it be redrawn, its hit canvas of hundreds of components is not; that is redrawn
 * once, on drop.
 */
export class LayerLift {
  private lifted: { node: Konva.Node; index: number; overlaysAt: number } | null = null;

  constructor(
    private readonly components: () => Konva.Layer | null,
    private readonly overlays: () => Konva.Layer | null,
  ) {}

  lift(node: Konva.Node): void {
    const layer = this.components();
    const overlays = this.overlays();
    if (!overlays || !layer || node.getLayer() !== layer) return;
    // The overlays layer rises above the components while the drag lasts, so that the dragged
    // node is drawn over the others, as the one in hand.
    this.lifted = { node, index: node.zIndex(), overlaysAt: overlays.zIndex() };
    node.moveTo(overlays);
    overlays.moveToTop();
    layer.listening(false);
  }

  drop(node: Konva.Node): void {
    const l = this.lifted;
    this.lifted = null;
    const layer = this.components();
    const overlays = this.overlays();
    if (!layer) return;
    if (!layer.listening()) {
      layer.listening(true);
      layer.batchDraw();
    }
    if (l && overlays) overlays.zIndex(l.overlaysAt);
    if (!l || l.node !== node || !node.getParent()) return;
    node.moveTo(layer);
    node.zIndex(Math.min(l.index, layer.getChildren().length - 1));
  }
}

/** A node being dragged by a mouse or pen, and where in it the pointer holds it. */
export interface HeldNode {
  readonly node: Konva.Node;
  readonly offset: { readonly x: number; readonly y: number };
}

/**
 * A pointer move reaches the page at once as `pointerrawupdate`, but as the `pointermove` that
 * Konva's drag follows only at the start of the next frame. While a node is dragged, the raw event
 * moves it (and `moved` edits the map: parse, analysis, scene), so that when the frame comes it
 * only has to draw; Konva's own move then finds everything where it already is.
 *
 * Once the raw events carry the drag, the frame-aligned pointermove and mousemove that follow have
 * nothing left to do, yet Konva would handle each three times (the stage's two listeners and its
 * drag's own), reading the layout each time, on every drag frame: they are stopped before they
 * reach it. The button's release still goes through and ends the drag. A drag by touch (where
 * another finger may be down) keeps to Konva's own moves. Returns what stops following.
 */
export function followRawPointer(
  held: () => HeldNode | null,
  stage: () => Konva.Stage | null,
  moved: (shift: boolean) => void,
): () => void {
  if (!('onpointerrawupdate' in window)) return () => {};
  const carrying = (e: Event) => {
    const h = held();
    return h !== null && h.node.isDragging() && !(e instanceof PointerEvent && e.pointerType === 'touch') ? h : null;
  };
  const onRaw = (event: Event) => {
    const h = carrying(event);
    const s = stage();
    if (!h || !s) return;
    const e = event as PointerEvent;
    s.setPointersPositions(e);
    const p = s.getPointerPosition();
    if (!p) return;
    h.node.setAbsolutePosition({ x: p.x - h.offset.x, y: p.y - h.offset.y });
    moved(e.shiftKey);
  };
  const onMove = (event: Event) => {
    if (carrying(event)) event.stopPropagation();
  };
  window.addEventListener('pointerrawupdate', onRaw);
  window.addEventListener('pointermove', onMove, { capture: true });
  window.addEventListener('mousemove', onMove, { capture: true });
  return () => {
    window.removeEventListener('pointerrawupdate', onRaw);
    window.removeEventListener('pointermove', onMove, { capture: true });
    window.removeEventListener('mousemove', onMove, { capture: true });
  };
}
