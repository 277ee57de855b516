// The map on a konva canvas: draws the scene, and turns pointer gestures into commands.
import Konva from 'konva/lib/Core.js';
import { LayerLift } from './konva.js'; // also: layers drawn once as a map opens
import 'konva/lib/shapes/Rect.js';
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Layer, Rect, Stage } from 'react-konva/lib/ReactKonvaCore.js';
import type { Finding } from '../../analysis/finding.js';
import type { MapModel } from '../../model/model.js';
import { AxisStrip, BadgeTip, ZoomControls } from './CanvasChrome.js';
import { badgeTipAt, buildScene, fromPixel, type Scene } from '../../render/scene.js';
import { addAt, link, moveLabel } from '../core/commands.js';
import { FIT, unzoom, zoom, zoomAbout, type View } from '../core/viewport.js';
import { dragLayers } from '../core/drag.js';
import { CanvasGestures, componentsInBox, type Effect } from '../core/gestures.js';
import type { Derived, EditorStore } from '../core/store.js';
import { componentOf, useCanvasDrag } from './useCanvasDrag.js';
import { useStore } from './useStore.js';
import {
  BaseLayer,
  ComponentNode,
  keepUnchanged,
  Painted,
  TextNode,
  type Kept,
  type NodeHandlers,
} from './CanvasNodes.js';

Konva.pixelRatio = Math.min(2, window.devicePixelRatio || 1);

export interface CanvasHandle {
  fit(): void;
  /** Zooms about the canvas's centre by `factor`. */
  zoom(factor: number): void;
  toPng(pixelRatio: number): string | null;
  scene(): Scene | null;
  /** The zoom and pan: a map pixel (x, y) is at (view.x + x * scale, view.y + y * scale) on the canvas. */
  view(): View;
  /** Escape: ends link mode. */
  cancel(): void;
}

interface Props {
  /** The canvas follows the store's text, selection and typing line itself (not through its parent). */
  store: EditorStore;
  /** The findings to draw, of the text's derived values (stable unless what is shown changes). */
  findingsOf(derived: Derived): readonly Finding[];
  focus: readonly string[] | null;
  /** A model to show instead of the text's (a projection, a what-if): drawn, not editable. */
  preview: MapModel | null;
  costView: boolean;
  compareWith: MapModel | null;
  /** A live room: other participants' selections (by component, their colours) and a poll's votes. */
  others?: ReadonlyMap<string, readonly string[]>;
  votes?: ReadonlyMap<string, number>;
  /** A view-only live map: nothing can be dragged. */
  readOnly?: boolean;
  onRename(name: string, x: number, y: number): void;
  onContextMenu(name: string, x: number, y: number): void;
}

/**
 * The model without the components declared on the line being typed that have no coordinates yet:
 * `component Model Registry` parses before its coordinates are typed, and would jump onto the map
 * at the default position mid-word. It appears when the user leaves the line or pauses.
 */
export function withoutUnsettled(model: MapModel, typingLine: number | null): MapModel {
  if (typingLine === null) return model;
  const components = model.components.filter((c) => c.positioned || c.line !== typingLine || c.type === 'evolved');
  return components.length === model.components.length ? model : { ...model, components };
}

export const MapCanvas = forwardRef<CanvasHandle, Props>(function MapCanvas(
  {
    store,
    findingsOf,
    focus,
    preview,
    costView,
    compareWith,
    others,
    votes,
    readOnly = false,
    onRename,
    onContextMenu,
  },
  ref,
) {
  const version = useStore(store, (s) => s.version);
  const selection = useStore(store, (s) => s.selection);
  const typingLine = useStore(store, (s) => s.typingLine);
  const host = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  // The canvas is created once its box is known, so the first frame is drawn once, at the right size.
  const [measured, setMeasured] = useState<{ width: number; height: number } | null>(null);
  const size = useMemo(() => measured ?? { width: 800, height: 600 }, [measured]);
  const setSize = setMeasured;
  const [view, setView] = useState<View>(FIT);
  const [tip, setTip] = useState<{ x: number; y: number; text: string } | null>(null);
  const zoomRef = useRef<(factor: number) => void>(() => {});
  // A font that arrives after the map was drawn (the handwritten style's) redraws the names.
  const [fontEpoch, setFontEpoch] = useState(0);
  useEffect(() => {
    const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
    if (!fonts) return undefined;
    const again = () => setFontEpoch((n) => n + 1);
    fonts.addEventListener('loadingdone', again);
    return () => fonts.removeEventListener('loadingdone', again);
  }, []);
  const [box, setBox] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const [linkFrom, setLinkFrom] = useState<string | null>(null);
  // What the pointer's gestures mean (gestures.ts, tested without a browser); the canvas carries
  // out what it answers.
  const gestures = useMemo(() => new CanvasGestures(), []);
  gestures.selection = selection;
  const run = (effects: readonly Effect[]) => {
    for (const e of effects) {
      switch (e.type) {
        case 'select':
          store.select([...e.names]);
          break;
        case 'link-mode':
          setLinkFrom(e.from);
          break;
        case 'link':
          link(store, e.from, e.to);
          break;
        case 'begin':
          store.beginGesture('move');
          break;
        case 'end':
          drag.end();
          break;
        case 'box':
          setBox(e.box);
          break;
        case 'select-box':
          selectInside(e.box);
          break;
        case 'label':
          moveLabel(store, e.name, e.offset.x, e.offset.y);
          break;
        case 'move': // the drag handler moves the node and edits the map (onComponentDrag)
          break;
      }
    }
  };
  const runLatest = useRef(run);
  runLatest.current = run;
  const drag = useCanvasDrag(store, gestures, size, stageRef);
  const active = drag.dragging?.active ?? null;
  const keptRef = useRef<Kept | null>(null);

  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const measure = () => setSize({ width: Math.max(320, el.clientWidth), height: Math.max(240, el.clientHeight) });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [setSize]);

  const derived = store.derived();
  const findings = useMemo(() => findingsOf(derived), [findingsOf, derived]);
  const settled = useMemo(() => withoutUnsettled(derived.shown, typingLine), [derived.shown, typingLine]);
  const shownModel = preview ?? settled;
  const scene = useMemo(
    // While a component is dragged, the scene makes only its links (the others are frozen), and
    // every other label stays where it was: only the dragged component's is placed.
    () =>
      buildScene(shownModel, size, {
        findings,
        focus,
        selected: selection,
        others,
        votes,
        costView,
        compareWith,
        linksOf: active,
        keepLabels: drag.keepLabels,
      }),
    // The scene depends on the text version, the frame, and what is highlighted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      version,
      size.width,
      size.height,
      findings,
      focus,
      selection,
      shownModel,
      costView,
      compareWith,
      active,
      others,
      votes,
    ],
  );

  // When the map is first on screen (Konva draws on the next animation frame). The first frame
  // draws the map alone (no findings yet): the layers of overlays and badges, each a stage-sized
  // canvas, are made after it.
  const firstRender = useRef(true);
  const [decorated, setDecorated] = useState(false);
  // A layout effect: it runs as the stage is committed, so the frame asked for is the one in which
  // Konva draws it (a passive effect may run only after that frame).
  useLayoutEffect(() => {
    if (!firstRender.current || !measured) return;
    firstRender.current = false;
    requestAnimationFrame(() => {
      performance.mark('mapwright:first-render');
      setDecorated(true);
    });
  });

  const title = derived.shown.title ?? '';
  const { base, activeLinks, badges } = useMemo(
    () => dragLayers(scene, title, drag.dragging),
    [scene, title, drag.dragging],
  );

  useImperativeHandle(
    ref,
    () => ({
      fit: () => setView(FIT),
      zoom: (factor: number) => zoomRef.current(factor),
      cancel: () => runLatest.current(gestures.cancel()),
      toPng: (pixelRatio: number) => stageRef.current?.toDataURL({ pixelRatio, mimeType: 'image/png' }) ?? null,
      scene: () => scene,
      view: () => view,
    }),
    [scene, view, gestures],
  );

  /** Map position under a stage-space point (undoing zoom and pan). */
  const mapPoint = useCallback(
    (x: number, y: number) => {
      const at = unzoom(view, x, y);
      return fromPixel(size, at.x, at.y);
    },
    [size, view],
  );

  const componentsLayer = useRef<Konva.Layer>(null);
  const overlaysLayer = useRef<Konva.Layer>(null);
  const layers = useMemo(
    () =>
      new LayerLift(
        () => componentsLayer.current,
        () => overlaysLayer.current,
      ),
    [],
  );

  const latest = useRef<NodeHandlers | null>(null);
  latest.current = {
    dragStart: (sc, node, start) => {
      layers.lift(node);
      drag.begin(scene, title, sc.name);
      run(gestures.dragStart(sc.name, componentOf(store, sc)?.type ?? sc.type, start));
    },
    dragMove: (sc, node, shift) => {
      drag.hold(sc, node);
      drag.follow(sc, node, shift);
    },
    dragEnd: (_sc, node) => {
      drag.release();
      run(gestures.dragEnd());
      layers.drop(node);
    },
    click: (sc, e) => run(gestures.click(sc.name, { shift: e.shiftKey, ctrl: e.ctrlKey || e.metaKey })),
    dblClick: (sc) => {
      const p = stageRef.current?.getPointerPosition();
      onRename(sc.name, p?.x ?? sc.x, p?.y ?? sc.y);
    },
    contextMenu: (sc) => {
      const p = stageRef.current?.getPointerPosition();
      store.select([sc.name]);
      onContextMenu(sc.name, p?.x ?? sc.x, p?.y ?? sc.y);
    },
    labelMoved: (sc, x, y) => run(gestures.labelDrop(sc.name, sc, { x, y })),
  };
  const handlers = useMemo<NodeHandlers>(
    () => ({
      dragStart: (sc, n, st) => latest.current!.dragStart(sc, n, st),
      dragMove: (sc, n, sh) => latest.current!.dragMove(sc, n, sh),
      dragEnd: (sc, n) => latest.current!.dragEnd(sc, n),
      click: (sc, e) => latest.current!.click(sc, e),
      dblClick: (sc) => latest.current!.dblClick(sc),
      contextMenu: (sc) => latest.current!.contextMenu(sc),
      labelMoved: (sc, x, y) => latest.current!.labelMoved(sc, x, y),
    }),
    [],
  );

  /** Zooms about the centre of the canvas (the zoom buttons, the keys). */
  const zoomBy = (factor: number) => setView(zoomAbout(view, factor, { x: size.width / 2, y: size.height / 2 }));
  zoomRef.current = zoomBy;
  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const pointer = stageRef.current?.getPointerPosition();
    if (pointer) setView(zoomAbout(view, e.evt.deltaY > 0 ? 1 / 1.1 : 1.1, pointer));
  };

  const onStageMouseDown = (e: Konva.KonvaEventObject<MouseEvent>) => {
    if (e.target !== e.target.getStage()) return;
    const p = stageRef.current?.getPointerPosition();
    if (p) run(gestures.backgroundDown(p, { shift: e.evt.shiftKey, ctrl: e.evt.ctrlKey || e.evt.metaKey }));
  };
  const onStageMouseMove = () => {
    const p = stageRef.current?.getPointerPosition();
    if (!p) return;
    if (gestures.busy) {
      run(gestures.pointerMove(p));
      return;
    }
    // A badge under the pointer says which finding it stands for.
    const at = unzoom(view, p.x, p.y);
    const text = badgeTipAt(scene, at.x, at.y);
    if (text === null) {
      if (tip) setTip(null);
      return;
    }
    if (!tip || tip.text !== text) setTip({ x: p.x, y: p.y, text });
  };
  const onStageMouseUp = () => run(gestures.pointerUp());

  /** Selects the components inside a box drawn on the canvas (screen pixels). */
  const selectInside = (box: { x0: number; y0: number; x1: number; y1: number }) =>
    store.select(componentsInBox(store.derived().shown.components, mapPoint(box.x0, box.y0), mapPoint(box.x1, box.y1)));

  const onStageClick = (e: Konva.KonvaEventObject<MouseEvent>) => {
    if (e.target === e.target.getStage()) run(gestures.clickBackground());
  };
  const onStageDblClick = (e: Konva.KonvaEventObject<MouseEvent>) => {
    if (e.target !== e.target.getStage()) return;
    const p = stageRef.current?.getPointerPosition();
    if (!p) return;
    const at = mapPoint(p.x, p.y);
    const name = addAt(store, at.visibility, at.maturity);
    if (name !== null) onRename(name, p.x, p.y);
  };

  const t = scene.theme;
  // The components layer is the one React element a drag frame should leave alone: the scene is
  // rebuilt on every frame, but entries that look the same as last frame's are kept (the dragged
  // component's position is Konva's own until the drop), so the element below is the same object
  // and React skips the whole layer instead of comparing hundreds of components.
  const kept = useMemo(() => keepUnchanged(keptRef.current, scene, active), [scene, active]);
  keptRef.current = kept;
  const componentsLayerElement = useMemo(
    () => (
      <Layer ref={componentsLayer}>
        {kept.components.map((sc) => (
          <ComponentNode
            key={`${sc.type}:${sc.key}`}
            sc={sc}
            selected={selection.includes(sc.name)}
            textColor={t.text}
            evolveColor={t.evolve}
            fontFamily={t.font}
            fontEpoch={fontEpoch}
            scale={view.scale}
            handlers={handlers}
            editable={preview === null && !derived.stale && !readOnly}
          />
        ))}
        {kept.notes.map((n) => (
          <TextNode
            key={`note:${n.line}`}
            name="note"
            draggable={preview === null && !derived.stale && !readOnly}
            shape={{ t: 'text', x: n.x, y: n.y, text: n.text, size: 12, bold: true, fill: t.note, role: 'note' }}
            font={t.font}
            onDragStart={(e) => {
              e.cancelBubble = true;
              layers.lift(e.target);
              store.beginGesture('move');
            }}
            onDragMove={(e) => {
              e.cancelBubble = true;
              drag.moveNote(n.line, e.target.x(), e.target.y());
            }}
            onDragEnd={(e) => {
              e.cancelBubble = true;
              drag.end();
              layers.drop(e.target);
            }}
          />
        ))}
        <Painted shapes={kept.foreground} font={t.font} />
      </Layer>
    ),
    // The note handlers read refs and the store, which do not change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [kept, selection, t, view.scale, handlers, preview, size, store, derived.stale, readOnly],
  );

  return (
    <div className="canvas-host" ref={host} data-testid="canvas" style={{ background: t.background }}>
      {preview && (
        <div className="preview-banner" role="status" data-testid="preview">
          A preview: the map text is unchanged until you apply it.
        </div>
      )}
      {derived.stale && (
        <div className="stale-banner" role="status" data-testid="stale">
          The text has errors: showing the last good map, read-only. Fix the lines marked in the editor to edit here
          again.
        </div>
      )}
      {linkFrom && (
        <div className="link-hint" role="status">
          Linking from {linkFrom}: ctrl/cmd-click the component it needs (Esc to cancel)
        </div>
      )}
      {measured && (
        <Stage
          ref={stageRef}
          width={size.width}
          height={size.height}
          scaleX={view.scale}
          scaleY={view.scale}
          x={view.x}
          y={view.y}
          draggable={!box}
          onDragEnd={(e) => {
            if (e.target === stageRef.current) setView((v) => ({ ...v, x: e.target.x(), y: e.target.y() }));
          }}
          onWheel={onWheel}
          onMouseDown={onStageMouseDown}
          onMouseMove={onStageMouseMove}
          onMouseLeave={() => setTip(null)}
          onMouseUp={onStageMouseUp}
          onClick={onStageClick}
          onDblClick={onStageDblClick}
        >
          <BaseLayer background={base.background} links={base.links} title={base.title} width={size.width} theme={t} />
          {/* The analysis overlays change on every frame of a drag, and so do the dragged node and
            its links: they share a layer, under the components, so a drag frame redraws one canvas. */}
          {decorated && (
            <Layer ref={overlaysLayer} listening={false}>
              <Painted shapes={activeLinks} font={t.font} />
              <Painted shapes={scene.overlays} font={t.font} />
              <Painted shapes={badges.moving} font={t.font} />
            </Layer>
          )}
          {componentsLayerElement}
          {decorated && (
            <Layer listening={false}>
              <Painted shapes={badges.resting} font={t.font} />
            </Layer>
          )}
          {/* The selection box, on a layer that exists only while a box is drawn (a layer is a
            stage-sized canvas: allocating it held up the first frame). Not hit-tested. */}
          {box && (
            <Layer listening={false}>
              <Rect
                x={(Math.min(box.x0, box.x1) - view.x) / view.scale}
                y={(Math.min(box.y0, box.y1) - view.y) / view.scale}
                width={Math.abs(box.x1 - box.x0) / view.scale}
                height={Math.abs(box.y1 - box.y0) / view.scale}
                stroke={t.highlight}
                dash={[4, 4]}
                listening={false}
              />
            </Layer>
          )}
        </Stage>
      )}
      <AxisStrip model={shownModel} frame={size} view={view} theme={t} />
      <BadgeTip tip={tip} width={size.width} height={size.height} />
      <ZoomControls view={view} onZoom={zoomBy} onFit={() => setView(FIT)} />
      {/* The stage under the pointer, beside it (a DOM label: moving it redraws no canvas). */}
      {drag.info && (
        <div
          className="drag-stage"
          data-testid="drag-stage"
          role="status"
          style={{ transform: dragStageAt(drag.info, view, size) }}
        >
          {drag.info.label}
        </div>
      )}
    </div>
  );
});

/** Where the stage read-out of a drag sits: by the pointer, inside the canvas. */
function dragStageAt(at: { x: number; y: number }, view: View, size: { width: number; height: number }): string {
  const p = zoom(view, at.x, at.y);
  const x = Math.round(Math.min(size.width - 140, Math.max(0, p.x)));
  const y = Math.round(Math.min(size.height - 24, Math.max(0, p.y)));
  return `translate(${x}px, ${y}px)`;
}
