// What the canvas's pointer and key gestures mean, as a small state machine with no React, Konva
// or DOM: fed pointer samples (positions in map pixels, modifier keys), it answers with effects
// (select these, link those, move this to there, ...) that the canvas carries out. The canvas keeps
// the mechanics (hit testing, moving the Konva node); the decisions are here, tested in Node.
import type { Component, ComponentType } from '../../model/model.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Modifier keys of a pointer sample: `ctrl` is Ctrl or Cmd. */
export interface Modifiers {
  readonly shift: boolean;
  readonly ctrl: boolean;
}

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export type Effect =
  /** The selection becomes these components. */
  | { readonly type: 'select'; readonly names: readonly string[] }
  /** Link mode starts from a component (or ends: null). */
  | { readonly type: 'link-mode'; readonly from: string | null }
  /** Add the link `from->to`. */
  | { readonly type: 'link'; readonly from: string; readonly to: string }
  /** A drag begins: what follows, to `end`, is one undo step. */
  | { readonly type: 'begin'; readonly name: string }
  /** Put the dragged component's centre at `at` (map pixels, constrained). */
  | { readonly type: 'move'; readonly name: string; readonly type_: ComponentType; readonly at: Point }
  | { readonly type: 'end' }
  /** The selection box as drawn now (null: none). */
  | { readonly type: 'box'; readonly box: Box | null }
  /** Select what lies in the box (map pixels). */
  | { readonly type: 'select-box'; readonly box: Box }
  /** A component's label is put at this offset from its centre. */
  | { readonly type: 'label'; readonly name: string; readonly offset: Point };

type Mode =
  | { readonly kind: 'idle' }
  | { readonly kind: 'dragging'; readonly name: string; readonly type: ComponentType; readonly start: Point }
  | { readonly kind: 'boxing'; readonly box: Box };

/** A nudge's step along an axis: small, and large with shift. */
export const NUDGE = { step: 0.01, far: 0.05 } as const;

/** What an arrow key moves a component by (null: not an arrow key). */
export function nudgeOf(key: string, shift: boolean): { dVisibility: number; dMaturity: number } | null {
  const step = shift ? NUDGE.far : NUDGE.step;
  const dMaturity = key === 'ArrowRight' ? step : key === 'ArrowLeft' ? -step : 0;
  const dVisibility = key === 'ArrowUp' ? step : key === 'ArrowDown' ? -step : 0;
  return dMaturity === 0 && dVisibility === 0 ? null : { dVisibility, dMaturity };
}

export class CanvasGestures {
  private mode: Mode = { kind: 'idle' };
  /** The selection, as the canvas last showed it. */
  selection: readonly string[] = [];
  /** The component a link starts from, in link mode. */
  linkFrom: string | null = null;
  /** A box was just drawn: the click its release makes is not a click on the background. */
  private boxJustEnded = false;

  /** Whether a drag or a box is under way. */
  get busy(): boolean {
    return this.mode.kind !== 'idle';
  }

  /** A click on a component: select it (shift: add or remove it); ctrl: link mode. */
  click(name: string, mods: Modifiers): Effect[] {
    if (mods.ctrl) {
      if (this.linkFrom !== null && this.linkFrom !== name) {
        const from = this.linkFrom;
        return this.apply([{ type: 'link', from, to: name }, { type: 'link-mode', from: null }, this.only(name)]);
      }
      return this.apply([{ type: 'link-mode', from: name }, this.only(name)]);
    }
    const out: Effect[] = this.linkFrom !== null ? [{ type: 'link-mode', from: null }] : [];
    if (mods.shift) {
      const names = this.selection.includes(name)
        ? this.selection.filter((n) => n !== name)
        : [...this.selection, name];
      out.push({ type: 'select', names });
    } else out.push(this.only(name));
    return this.apply(out);
  }

  /** A click on the empty canvas: nothing selected, link mode over (not the click that ends a box). */
  clickBackground(): Effect[] {
    if (this.boxJustEnded) {
      this.boxJustEnded = false;
      return [];
    }
    return this.apply([
      { type: 'select', names: [] },
      { type: 'link-mode', from: null },
    ]);
  }

  /** Escape: link mode over (the selection stays). */
  cancel(): Effect[] {
    return this.linkFrom === null ? [] : this.apply([{ type: 'link-mode', from: null }]);
  }

  /** A component starts moving with the pointer, from its centre `start`: it is selected alone. */
  dragStart(name: string, type: ComponentType, start: Point): Effect[] {
    this.mode = { kind: 'dragging', name, type, start };
    return this.apply([{ type: 'begin', name }, this.only(name)]);
  }

  /**
   * The pointer carries the dragged component's centre to `at`. Evolved targets and pipeline
   * components move along evolution only, and shift holds any component to its evolution line.
   */
  dragMove(at: Point, mods: Modifiers): Effect[] {
    const m = this.mode;
    if (m.kind !== 'dragging') return [];
    const level = mods.shift || m.type === 'evolved' || m.type === 'pipeline-child';
    return [{ type: 'move', name: m.name, type_: m.type, at: { x: at.x, y: level ? m.start.y : at.y } }];
  }

  dragEnd(): Effect[] {
    if (this.mode.kind !== 'dragging') return [];
    this.mode = { kind: 'idle' };
    return [{ type: 'end' }];
  }

  /** A press on the empty canvas: with shift, a selection box starts (without, the view pans). */
  backgroundDown(at: Point, mods: Modifiers): Effect[] {
    this.boxJustEnded = false;
    if (!mods.shift || this.mode.kind !== 'idle') return [];
    const box = { x0: at.x, y0: at.y, x1: at.x, y1: at.y };
    this.mode = { kind: 'boxing', box };
    return [{ type: 'box', box }];
  }

  pointerMove(at: Point): Effect[] {
    const m = this.mode;
    if (m.kind !== 'boxing') return [];
    const box = { ...m.box, x1: at.x, y1: at.y };
    this.mode = { kind: 'boxing', box };
    return [{ type: 'box', box }];
  }

  pointerUp(): Effect[] {
    const m = this.mode;
    if (m.kind !== 'boxing') return [];
    this.mode = { kind: 'idle' };
    this.boxJustEnded = true;
    const box = {
      x0: Math.min(m.box.x0, m.box.x1),
      y0: Math.min(m.box.y0, m.box.y1),
      x1: Math.max(m.box.x0, m.box.x1),
      y1: Math.max(m.box.y0, m.box.y1),
    };
    return [
      { type: 'box', box: null },
      { type: 'select-box', box },
    ];
  }

  /** A selected component's label dropped with its top-left at `label`: an offset from the centre. */
  labelDrop(name: string, centre: Point, label: Point): Effect[] {
    return [{ type: 'label', name, offset: { x: label.x - centre.x, y: label.y - centre.y } }];
  }

  private only(name: string): Effect {
    return { type: 'select', names: [name] };
  }

  /** Keeps the machine's own view of the selection and link mode in step with what it says. */
  private apply(effects: Effect[]): Effect[] {
    for (const e of effects) {
      if (e.type === 'select') this.selection = e.names;
      else if (e.type === 'link-mode') this.linkFrom = e.from;
    }
    return effects;
  }
}

/**
 * The components a selection box holds: the box from its top-left corner `a` to its bottom-right
 * `b`, as map positions (visibility falls downwards). Evolved copies are not selected.
 */
export function componentsInBox(
  components: readonly Component[],
  a: { visibility: number; maturity: number },
  b: { visibility: number; maturity: number },
): string[] {
  const inside = (c: Component) =>
    c.type !== 'evolved' &&
    c.maturity >= a.maturity &&
    c.maturity <= b.maturity &&
    c.visibility <= a.visibility &&
    c.visibility >= b.visibility;
  return components.filter(inside).map((c) => c.name);
}
