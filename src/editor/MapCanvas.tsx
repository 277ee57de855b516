// The map on a konva canvas: draws the scene, and turns pointer gestures into commands.
import Konva from 'konva/lib/Core.js';
import 'konva/lib/shapes/Arrow.js';
import 'konva/lib/shapes/Circle.js';
import 'konva/lib/shapes/Line.js';
import 'konva/lib/shapes/Rect.js';
import 'konva/lib/shapes/Text.js';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode } from 'react';
import { Arrow, Circle, Group, Layer, Line, Rect, Stage, Text } from 'react-konva/lib/ReactKonvaCore.js';
import type { Finding } from '../analysis/finding.js';
import type { Component } from '../model/model.js';
import { STAGE_LABELS, stageOf } from '../model/stages.js';
import { buildScene, fromPixel, type Scene, type SceneComponent, type Shape } from '../render/scene.js';
import { addAt, link, moveLabel, moveTo, type MoveTarget } from './commands.js';
import type { EditorStore } from './store.js';

Konva.pixelRatio = Math.min(2, window.devicePixelRatio || 1);

export interface CanvasHandle {
  fit(): void
  toPng(pixelRatio: number): string | null
  scene(): Scene | null
}

interface Props {
  store: EditorStore
  version: number
  selection: readonly string[]
  findings: readonly Finding[]
  focus: readonly string[] | null
  onRename(name: string, x: number, y: number): void
  onContextMenu(name: string, x: number, y: number): void
}

function renderShape(s: Shape, key: string | number): ReactNode {
  const common = { key, listening: false, perfectDrawEnabled: false } as const;
  switch (s.t) {
    case 'line': return <Line {...common} points={[...s.points]} stroke={s.stroke} strokeWidth={s.width} dash={s.dash ? [...s.dash] : undefined} opacity={s.opacity ?? 1} name={s.role} />;
    case 'arrow': return <Arrow {...common} points={[...s.points]} stroke={s.stroke} fill={s.stroke} strokeWidth={s.width} dash={s.dash ? [...s.dash] : undefined} pointerLength={8} pointerWidth={7} name={s.role} />;
    case 'circle': return <Circle {...common} x={s.x} y={s.y} radius={s.r} fill={s.fill === 'transparent' ? undefined : s.fill} stroke={s.stroke} strokeWidth={s.width} dash={s.dash ? [...s.dash] : undefined} opacity={s.opacity ?? 1} name={s.role} />;
    case 'rect': return <Rect {...common} x={s.x} y={s.y} width={s.w} height={s.h} fill={s.fill === 'transparent' ? undefined : s.fill} stroke={s.width > 0 ? s.stroke : undefined} strokeWidth={s.width} dash={s.dash ? [...s.dash] : undefined} opacity={s.opacity ?? 1} name={s.role} />;
    case 'text': return <Text {...common} x={s.x} y={s.y} text={s.text} fontSize={s.size} fill={s.fill} fontStyle={`${s.italic ? 'italic ' : ''}${s.bold ? 'bold' : 'normal'}`} align={s.align ?? 'left'} width={s.width} rotation={s.rotation ?? 0} name={s.role} />;
  }
}

/** The component a scene entry draws. */
function componentOf(store: EditorStore, sc: SceneComponent): Component | undefined {
  const comps = store.derived().shown.components;
  return comps.find((c) => c.key === sc.key && c.type === sc.type) ?? comps.find((c) => c.key === sc.key);
}

export const MapCanvas = forwardRef<CanvasHandle, Props>(function MapCanvas({ store, version, selection, findings, focus, onRename, onContextMenu }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const [size, setSize] = useState({ width: 800, height: 600 });
  const [view, setView] = useState({ scale: 1, x: 0, y: 0 });
  const [dragInfo, setDragInfo] = useState<{ x: number; y: number; label: string } | null>(null);
  const [box, setBox] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const [linkFrom, setLinkFrom] = useState<string | null>(null);
  const pending = useRef<{ target: MoveTarget; v: number; m: number } | null>(null);
  const frame = useRef<number | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ width: Math.max(320, el.clientWidth), height: Math.max(240, el.clientHeight) }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const derived = store.derived();
  const scene = useMemo(
    () => buildScene(derived.shown, size, { findings, focus, selected: selection }),
    // The scene depends on the text version, the frame, and what is highlighted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version, size.width, size.height, findings, focus, selection, derived.shown],
  );

  // When the map is first on screen (Konva draws on the next animation frame).
  const firstRender = useRef(true);
  useEffect(() => {
    if (!firstRender.current) return;
    firstRender.current = false;
    requestAnimationFrame(() => performance.mark('mapwright:first-render'));
  });

  useImperativeHandle(ref, () => ({
    fit: () => setView({ scale: 1, x: 0, y: 0 }),
    toPng: (pixelRatio: number) => stageRef.current?.toDataURL({ pixelRatio, mimeType: 'image/png' }) ?? null,
    scene: () => scene,
  }), [scene]);

  /** Map position under a stage-space point (undoing zoom and pan). */
  const mapPoint = useCallback((x: number, y: number) => fromPixel(size, (x - view.x) / view.scale, (y - view.y) / view.scale), [size, view]);

  // At most one edit per animation frame: the first move of a frame is applied at once (so the
  // canvas answers without waiting a frame), later ones in that frame wait for the next.
  const busy = useRef(false);
  const flush = useCallback(() => {
    const p = pending.current;
    if (!p) return;
    pending.current = null;
    moveTo(store, p.target, p.v, p.m);
  }, [store]);

  const nextFrame = useCallback(() => {
    frame.current = null;
    if (pending.current) {
      flush();
      frame.current = requestAnimationFrame(nextFrame);
    } else busy.current = false;
  }, [flush]);

  const schedule = (target: MoveTarget, v: number, m: number) => {
    pending.current = { target, v, m };
    if (busy.current) return;
    busy.current = true;
    flush();
    frame.current = requestAnimationFrame(nextFrame);
  };

  const endDrag = () => {
    if (frame.current !== null) { cancelAnimationFrame(frame.current); frame.current = null; }
    busy.current = false;
    flush();
    store.endGesture();
    setDragInfo(null);
  };

  const onComponentDrag = (sc: SceneComponent, node: Konva.Group, shift: boolean, start: { x: number; y: number }) => {
    const c = componentOf(store, sc);
    if (!c) return;
    // The group sits at the component's centre; evolved targets and pipeline children only move
    // along evolution, and shift constrains any component to it.
    if (shift || c.type === 'evolved' || c.type === 'pipeline-child') node.y(start.y);
    const x = node.x();
    const y = node.y();
    const pos = fromPixel(size, x, y);
    const target: MoveTarget = { kind: 'component', name: c.type === 'evolved' ? (c.parent ?? c.name) : c.name, type: c.type, parent: c.parent };
    schedule(target, pos.visibility, pos.maturity);
    setDragInfo({ x: x + 14, y: y + 14, label: STAGE_LABELS[stageOf(Math.min(1, Math.max(0, pos.maturity)))] });
  };

  const select = (name: string, e: MouseEvent) => {
    if (e.ctrlKey || e.metaKey) {
      if (linkFrom && linkFrom !== name) { link(store, linkFrom, name); setLinkFrom(null); store.select([name]); }
      else { setLinkFrom(name); store.select([name]); }
      return;
    }
    setLinkFrom(null);
    if (e.shiftKey) store.select(selection.includes(name) ? selection.filter((n) => n !== name) : [...selection, name]);
    else store.select([name]);
  };

  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const stage = stageRef.current;
    const pointer = stage?.getPointerPosition();
    if (!pointer) return;
    const factor = e.evt.deltaY > 0 ? 1 / 1.1 : 1.1;
    const scale = Math.min(6, Math.max(0.3, view.scale * factor));
    const k = scale / view.scale;
    setView({ scale, x: pointer.x - (pointer.x - view.x) * k, y: pointer.y - (pointer.y - view.y) * k });
  };

  const onStageMouseDown = (e: Konva.KonvaEventObject<MouseEvent>) => {
    if (e.target !== e.target.getStage() && e.target.name() !== 'stage-band') return;
    if (!e.evt.shiftKey) return;
    const p = stageRef.current?.getPointerPosition();
    if (p) setBox({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
  };
  const onStageMouseMove = () => {
    if (!box) return;
    const p = stageRef.current?.getPointerPosition();
    if (p) setBox({ ...box, x1: p.x, y1: p.y });
  };
  const onStageMouseUp = () => {
    if (!box) return;
    const a = mapPoint(Math.min(box.x0, box.x1), Math.min(box.y0, box.y1));
    const b = mapPoint(Math.max(box.x0, box.x1), Math.max(box.y0, box.y1));
    const inside = store.derived().shown.components.filter((c) => c.type !== 'evolved' && c.maturity >= a.maturity && c.maturity <= b.maturity && c.visibility <= a.visibility && c.visibility >= b.visibility);
    store.select(inside.map((c) => c.name));
    setBox(null);
  };

  const onStageClick = (e: Konva.KonvaEventObject<MouseEvent>) => {
    if (e.target === e.target.getStage() || e.target.name() === 'stage-band') { store.select([]); setLinkFrom(null); }
  };
  const onStageDblClick = (e: Konva.KonvaEventObject<MouseEvent>) => {
    if (e.target !== e.target.getStage() && e.target.name() !== 'stage-band') return;
    const p = stageRef.current?.getPointerPosition();
    if (!p) return;
    const at = mapPoint(p.x, p.y);
    const name = addAt(store, at.visibility, at.maturity);
    onRename(name, p.x, p.y);
  };

  const t = scene.theme;
  return (
    <div className="canvas-host" ref={host} data-testid="canvas" style={{ background: t.background }}>
      {derived.stale && <div className="stale-banner" role="status" data-testid="stale">The text has errors: showing the last good map. Fix the lines marked in the editor.</div>}
      {linkFrom && <div className="link-hint" role="status">Linking from {linkFrom}: ctrl/cmd-click the component it needs (Esc to cancel)</div>}
      <Stage
        ref={stageRef}
        width={size.width}
        height={size.height}
        scaleX={view.scale}
        scaleY={view.scale}
        x={view.x}
        y={view.y}
        draggable={!box}
        onDragEnd={(e) => { if (e.target === stageRef.current) setView((v) => ({ ...v, x: e.target.x(), y: e.target.y() })); }}
        onWheel={onWheel}
        onMouseDown={onStageMouseDown}
        onMouseMove={onStageMouseMove}
        onMouseUp={onStageMouseUp}
        onClick={onStageClick}
        onDblClick={onStageDblClick}
      >
        <Layer>
          <Rect x={-5000} y={-5000} width={10000} height={10000} fill={t.background} listening={false} />
          <Text x={0} y={4} width={size.width} align="center" text={derived.shown.title ?? ''} fontSize={15} fontStyle="bold" fill={t.text} listening={false} />
          {scene.background.map((s, i) => (s.role === 'stage-band'
            ? <Rect key={`b${i}`} name="stage-band" x={(s as Extract<Shape, { t: 'rect' }>).x} y={(s as Extract<Shape, { t: 'rect' }>).y} width={(s as Extract<Shape, { t: 'rect' }>).w} height={(s as Extract<Shape, { t: 'rect' }>).h} fill={(s as Extract<Shape, { t: 'rect' }>).fill} />
            : renderShape(s, `b${i}`)))}
          {scene.links.map((s, i) => renderShape(s, `l${i}`))}
          {scene.overlays.map((s, i) => renderShape(s, `o${i}`))}
        </Layer>
        <Layer>
          {scene.components.map((sc) => {
            let start = { x: sc.x, y: sc.y };
            return (
              <Group
                key={`${sc.type}:${sc.key}`}
                name="component"
                id={`component:${sc.name}`}
                x={sc.x}
                y={sc.y}
                draggable
                opacity={sc.dimmed ? 0.25 : 1}
                onDragStart={(e) => { e.cancelBubble = true; start = { x: sc.x, y: sc.y }; store.beginGesture('move'); store.select([sc.type === 'evolved' ? sc.name : sc.name]); }}
                onDragMove={(e) => { e.cancelBubble = true; onComponentDrag(sc, e.currentTarget as unknown as Konva.Group, e.evt.shiftKey, start); }}
                onDragEnd={(e) => { e.cancelBubble = true; endDrag(); }}
                onClick={(e) => { e.cancelBubble = true; select(sc.name, e.evt); }}
                onDblClick={(e) => { e.cancelBubble = true; const p = stageRef.current?.getPointerPosition(); onRename(sc.type === 'evolved' ? sc.name : sc.name, p?.x ?? sc.x, p?.y ?? sc.y); }}
                onContextMenu={(e) => { e.evt.preventDefault(); e.cancelBubble = true; const p = stageRef.current?.getPointerPosition(); store.select([sc.name]); onContextMenu(sc.name, p?.x ?? sc.x, p?.y ?? sc.y); }}
                onMouseEnter={(e) => { const st = e.target.getStage(); if (st) st.container().style.cursor = 'move'; }}
                onMouseLeave={(e) => { const st = e.target.getStage(); if (st) st.container().style.cursor = 'default'; }}
              >
                <Circle x={0} y={0} radius={sc.r + 6} fill="rgba(0,0,0,0.001)" />
                <Group x={-sc.x} y={-sc.y}>
                {sc.shapes.map((s, i) => renderShape(s, i))}
                <Text
                  name="label"
                  x={sc.label.x}
                  y={sc.label.y}
                  text={sc.label.text}
                  fontSize={12}
                  fontStyle={sc.type === 'anchor' ? 'bold' : 'normal'}
                  fill={sc.type === 'evolved' ? t.evolve : t.text}
                  width={sc.label.width}
                  align={sc.type === 'anchor' ? 'center' : 'left'}
                  draggable={sc.type !== 'evolved'}
                  onDragStart={(e) => { e.cancelBubble = true; }}
                  onDragMove={(e) => { e.cancelBubble = true; }}
                  onDragEnd={(e) => {
                    e.cancelBubble = true;
                    const node = e.target;
                    moveLabel(store, sc.name, node.x() - sc.x, node.y() - sc.y);
                  }}
                />
                </Group>
              </Group>
            );
          })}
          {scene.notes.map((n) => (
            <Text
              key={`note:${n.line}`}
              name="note"
              x={n.x}
              y={n.y}
              text={n.text}
              fontSize={12}
              fontStyle="bold"
              fill={t.note}
              draggable
              onDragStart={(e) => { e.cancelBubble = true; store.beginGesture('move'); }}
              onDragMove={(e) => { e.cancelBubble = true; const pos = fromPixel(size, e.target.x(), e.target.y()); schedule({ kind: 'note', line: n.line }, pos.visibility, pos.maturity); }}
              onDragEnd={(e) => { e.cancelBubble = true; endDrag(); }}
            />
          ))}
          {scene.foreground.map((s, i) => renderShape(s, `f${i}`))}
          {dragInfo && (
            <Group listening={false}>
              <Rect x={dragInfo.x} y={dragInfo.y} width={130} height={20} fill={t.highlight} cornerRadius={4} opacity={0.9} />
              <Text x={dragInfo.x + 6} y={dragInfo.y + 4} text={dragInfo.label} fontSize={12} fill="#ffffff" name="drag-stage" />
            </Group>
          )}
          {box && <Rect x={(Math.min(box.x0, box.x1) - view.x) / view.scale} y={(Math.min(box.y0, box.y1) - view.y) / view.scale} width={Math.abs(box.x1 - box.x0) / view.scale} height={Math.abs(box.y1 - box.y0) / view.scale} stroke={t.highlight} dash={[4, 4]} listening={false} />}
        </Layer>
      </Stage>
      {dragInfo && <div className="drag-stage" data-testid="drag-stage" role="status">{dragInfo.label}</div>}
    </div>
  );
});
