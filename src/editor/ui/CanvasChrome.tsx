// What sits over the canvas and is not the map: the badges' legend, a badge's tooltip, the zoom
// controls, and the axes kept in view while zoomed. DOM elements: moving or changing them redraws
// no canvas.
import { memo, useState } from 'react';
import type { MapModel } from '../../model/model.js';
import { STAGE_BOUNDARIES } from '../../model/stages.js';
import { BADGES, toPixel, type Frame } from '../../render/scene.js';
import type { Theme } from '../../render/theme.js';
import { actionById, tooltipOf } from '../core/actions.js';
import { ZOOM_STEP, type View } from '../core/viewport.js';

/** The letters the canvas draws on components, and what their colours mean. */
export const Legend = memo(function Legend({ theme }: { theme: Theme }) {
  const [open, setOpen] = useState(true);
  return (
    <div
      className="canvas-legend"
      data-testid="legend"
      style={{ color: theme.text, background: theme.background, borderColor: theme.grid }}
    >
      <button
        type="button"
        className="legend-toggle"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        title="What the letters on the components mean"
      >
        {open ? 'Legend ▾' : 'Legend ▸'}
      </button>
      {open && (
        <ul>
          {BADGES.map((b) => (
            <li key={b.letter} title={b.meaning}>
              <span className="legend-badge" style={{ background: theme.warning }}>
                {b.letter}
              </span>{' '}
              {b.word}
            </li>
          ))}
          <li className="legend-severity">
            <span className="legend-badge" style={{ background: theme.danger }} /> high
            <span className="legend-badge" style={{ background: theme.warning }} /> medium
            <span className="legend-badge" style={{ background: theme.muted }} /> low
          </li>
        </ul>
      )}
    </div>
  );
});

/** A badge's finding, beside the pointer (or the focused badge). */
export function BadgeTip({
  tip,
  width,
  height,
}: {
  tip: { x: number; y: number; text: string } | null;
  width: number;
  height: number;
}) {
  if (!tip) return null;
  const x = Math.min(width - 260, Math.max(0, tip.x + 12));
  const y = Math.min(height - 40, Math.max(0, tip.y + 12));
  return (
    <div
      className="badge-tip"
      role="tooltip"
      data-testid="badge-tip"
      style={{ transform: `translate(${Math.round(x)}px, ${Math.round(y)}px)` }}
    >
      {tip.text}
    </div>
  );
}

/** Zoom out, the zoom level, zoom in, and fit. */
export function ZoomControls({ view, onZoom, onFit }: { view: View; onZoom(factor: number): void; onFit(): void }) {
  const [zoomIn, zoomOut, fit] = (['zoom-in', 'zoom-out', 'fit'] as const).map(actionById);
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom" data-testid="zoom">
      <button
        type="button"
        onClick={() => onZoom(1 / ZOOM_STEP)}
        aria-label={zoomOut!.label}
        title={tooltipOf(zoomOut!)}
      >
        −
      </button>
      <span className="zoom-level" data-testid="zoom-level" aria-live="polite">
        {Math.round(view.scale * 100)}%
      </span>
      <button type="button" onClick={() => onZoom(ZOOM_STEP)} aria-label={zoomIn!.label} title={tooltipOf(zoomIn!)}>
        +
      </button>
      <button type="button" onClick={onFit} title={tooltipOf(fit!)}>
        {fit!.label}
      </button>
    </div>
  );
}

/**
 * The evolution stages along the bottom and the value chain along the left, kept in view when the
 * map is zoomed or panned (the axes drawn on the map then leave the screen).
 */
export function AxisStrip({ model, frame, view, theme }: { model: MapModel; frame: Frame; view: View; theme: Theme }) {
  if (view.scale === 1 && view.x === 0 && view.y === 0) return null;
  const edges = [0, ...STAGE_BOUNDARIES, 1];
  const labels = model.presentation.evolutionLabels;
  const screenX = (m: number) => view.x + toPixel(frame, 0, m).x * view.scale;
  return (
    <div className="axis-strip" aria-hidden="true" data-testid="axis-strip" style={{ color: theme.text }}>
      {labels.slice(0, 4).map((label, i) => {
        const x0 = Math.max(0, screenX(edges[i]!));
        const x1 = Math.min(frame.width, screenX(edges[i + 1]!));
        if (x1 - x0 < 30) return null;
        return (
          <span
            key={i}
            className="axis-stage"
            style={{ left: x0, width: x1 - x0, background: theme.background, borderColor: theme.grid }}
          >
            {label}
          </span>
        );
      })}
      <span className="axis-value-chain" style={{ background: theme.background, borderColor: theme.grid }}>
        ↑ Visible · Value chain · Invisible ↓
      </span>
    </div>
  );
}
