// The canvas's zoom and pan: a map pixel (x, y) is drawn at (x * scale + x0, y * scale + y0).
export interface View {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

/** The view that shows the whole map, as it opens. */
export const FIT: View = { scale: 1, x: 0, y: 0 };

/** How much a zoom button or key zooms in (and out, by its inverse). */
export const ZOOM_STEP = 1.25;

const MIN_SCALE = 0.3;
const MAX_SCALE = 6;

/** Zooms by `factor` keeping the screen point `at` over the same map pixel (between 0.3x and 6x). */
export function zoomAbout(view: View, factor: number, at: { x: number; y: number }): View {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
  const k = scale / view.scale;
  return { scale, x: at.x - (at.x - view.x) * k, y: at.y - (at.y - view.y) * k };
}

/** The map pixel under a screen point. */
export function unzoom(view: View, x: number, y: number): { x: number; y: number } {
  return { x: (x - view.x) / view.scale, y: (y - view.y) / view.scale };
}

/** The screen point of a map pixel. */
export function zoom(view: View, x: number, y: number): { x: number; y: number } {
  return { x: x * view.scale + view.x, y: y * view.scale + view.y };
}
