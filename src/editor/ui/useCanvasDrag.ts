// A drag on the map canvas: what stays frozen while it runs, the edits it makes (at most one per
// frame), the stage read-out beside the pointer, and the raw pointer events that carry it.
import type Konva from 'konva/lib/Core.js';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Component } from '../../model/model.js';
import { STAGE_LABELS, stageOf } from '../../model/stages.js';
import { fromPixel, type Frame, type Scene, type SceneComponent } from '../../render/scene.js';
import type { MoveTarget } from '../core/commands.js';
import { freeze, type Frozen } from '../core/drag.js';
import { FrameEdits } from '../core/frames.js';
import type { CanvasGestures } from '../core/gestures.js';
import type { EditorStore } from '../core/store.js';
import { followRawPointer, type HeldNode } from './konva.js';

/** The stage a dragged component is in, by the pointer (canvas pixels before zoom). */
export interface DragInfo {
  readonly x: number;
  readonly y: number;
  readonly label: string;
}

/** The model component a scene entry draws. */
export function componentOf(store: EditorStore, sc: SceneComponent): Component | undefined {
  const comps = store.derived().shown.components;
  return comps.find((c) => c.key === sc.key && c.type === sc.type) ?? comps.find((c) => c.key === sc.key);
}

/**
 * While a component is dragged, what does not touch it is drawn from a frozen copy, so that only
 * the dragged component, its links and the analysis overlays are redrawn each frame; every other
 * label stays where it was. Edits are applied at most once per animation frame (`FrameEdits`).
 */
export function useCanvasDrag(
  store: EditorStore,
  gestures: CanvasGestures,
  size: Frame,
  stage: RefObject<Konva.Stage | null>,
) {
  // The dragged component and what its drag froze, or null.
  const [dragging, setDragging] = useState<{ readonly active: string; readonly frozen: Frozen } | null>(null);
  const [info, setInfo] = useState<DragInfo | null>(null);
  const edits = useMemo(
    () =>
      new FrameEdits(store, {
        request: (f) => requestAnimationFrame(f),
        cancel: (h) => cancelAnimationFrame(h),
      }),
    [store],
  );

  /** The pointer carried a component's node: move it to where the gestures say, and edit the map. */
  const follow = (sc: SceneComponent, node: Konva.Group, shift: boolean) => {
    const c = componentOf(store, sc);
    if (!c) return;
    for (const e of gestures.dragMove({ x: node.x(), y: node.y() }, { shift, ctrl: false })) {
      if (e.type !== 'move') continue;
      const { x, y } = e.at;
      node.position(e.at);
      const pos = fromPixel(size, x, y);
      const target: MoveTarget = {
        kind: 'component',
        name: c.type === 'evolved' ? (c.parent ?? c.name) : c.name,
        type: c.type,
        parent: c.parent,
      };
      edits.move(target, pos.visibility, pos.maturity);
      const label = STAGE_LABELS[stageOf(Math.min(1, Math.max(0, pos.maturity)))];
      setInfo((d) =>
        d && d.x === x + 14 && d.y === y + 14 && d.label === label ? d : { x: x + 14, y: y + 14, label },
      );
    }
  };

  // The raw pointer events carry a drag (konva.ts).
  const followLatest = useRef(follow);
  followLatest.current = follow;
  const held = useRef<(HeldNode & { sc: SceneComponent; node: Konva.Group }) | null>(null);
  useEffect(
    () =>
      followRawPointer(
        () => held.current,
        () => stage.current,
        (shift) => {
          const h = held.current;
          if (h) followLatest.current(h.sc, h.node, shift);
        },
      ),
    [stage],
  );

  return {
    /** The dragged component and what its drag froze (see `dragLayers`), or null. */
    dragging,
    /** The stage read-out, while a component is dragged. */
    info,
    /** The labels to keep where they are (SceneOptions.keepLabels). */
    keepLabels: dragging?.frozen.labels ?? null,
    /** A component's drag starts: freeze what does not touch it. */
    begin(scene: Scene, title: string, name: string) {
      setDragging({ active: name, frozen: freeze(scene, title, name) });
    },
    follow,
    /** Konva moved the node to the pointer: remember how far from the pointer it is held. */
    hold(sc: SceneComponent, node: Konva.Group) {
      const p = stage.current?.getPointerPosition();
      if (!p) return;
      const a = node.getAbsolutePosition();
      held.current = { sc, node, offset: { x: p.x - a.x, y: p.y - a.y } };
    },
    /** The button is released: the raw events stop carrying the node. */
    release() {
      held.current = null;
    },
    /** A note is carried to a canvas position. */
    moveNote(line: number, x: number, y: number) {
      const pos = fromPixel(size, x, y);
      edits.move({ kind: 'note', line }, pos.visibility, pos.maturity);
    },
    /** The drag ends: its last edit is applied and the undo step closed. */
    end() {
      edits.end();
      setInfo(null);
      setDragging(null);
    },
  };
}
