// What a component's drag redraws. While a component is dragged, what does not touch it is drawn
// from a copy frozen when the drag started (the grid, the other links, the title, where every
// label was), so that a frame redraws only the dragged component, its links and the overlays.
import { labelsOf, type Scene, type SceneOptions, type Shape } from '../../render/scene.js';

/** What a drag leaves as it was when it started. */
export interface Frozen {
  readonly background: readonly Shape[];
  /** The links that do not touch the dragged component. */
  readonly links: readonly Shape[];
  readonly title: string;
  /** Where every label was (`SceneOptions.keepLabels`). */
  readonly labels: NonNullable<SceneOptions['keepLabels']>;
}

/** What the canvas's layers draw. */
export interface DragLayers {
  /** The layer that does not move during a drag: grid, resting links, title. */
  readonly base: { readonly background: readonly Shape[]; readonly links: readonly Shape[]; readonly title: string };
  /** The dragged component's links, redrawn each frame. */
  readonly activeLinks: readonly Shape[];
  /** The dragged component's badges (they move with it) and everyone else's (they rest). */
  readonly badges: { readonly moving: readonly Shape[]; readonly resting: readonly Shape[] };
}

/** Whether a line, arrow or link label joins `name` to something. */
function touches(sh: Shape, name: string): boolean {
  return (
    (sh.t === 'line' || sh.t === 'arrow' || sh.t === 'text') &&
    sh.ends !== undefined &&
    (sh.ends[0] === name || sh.ends[1] === name)
  );
}

/** What to freeze of `scene` as the component `name` starts to be dragged. */
export function freeze(scene: Scene, title: string, name: string): Frozen {
  return {
    background: scene.background,
    links: scene.links.filter((sh) => !touches(sh, name)),
    title,
    labels: labelsOf(scene),
  };
}

/** What each layer draws of `scene`: all of it, or during the drag of `active`, around `frozen`. */
export function dragLayers(scene: Scene, title: string, drag: { active: string; frozen: Frozen } | null): DragLayers {
  if (!drag)
    return {
      base: { background: scene.background, links: scene.links, title },
      activeLinks: [],
      badges: { moving: [], resting: scene.badges },
    };
  const { active, frozen } = drag;
  const mine = (b: Shape) => b.t === 'badge' && b.owner === active;
  const moving = scene.badges.filter(mine);
  return {
    base: frozen,
    activeLinks: scene.links.filter((sh) => touches(sh, active)),
    badges: { moving, resting: moving.length ? scene.badges.filter((b) => !mine(b)) : scene.badges },
  };
}
