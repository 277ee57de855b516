// Paints scene shapes straight onto a 2D canvas context: one konva node draws many shapes, so a
// map of hundreds of components is a handful of nodes rather than thousands.
import type { Shape } from '../../render/scene.js';

const LINE_HEIGHT = 1.2;

export function paintShapes(ctx: CanvasRenderingContext2D, shapes: readonly Shape[], font: string): void {
  for (const s of shapes) paintShape(ctx, s, font);
}

function stroke(ctx: CanvasRenderingContext2D, color: string, width: number, dash?: readonly number[]): void {
  if (width <= 0 || color === 'transparent') return;
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dash ? [...dash] : []);
  ctx.stroke();
}

/** Badges drawn once as small bitmaps (a circle and a letter), then copied: a map shows hundreds. */
const BADGE_SCALE = 4; // sharp up to a zoom of 4 at the screen's pixel ratio
const sprites = new Map<string, HTMLCanvasElement>();
function paintBadge(ctx: CanvasRenderingContext2D, s: Extract<Shape, { t: 'badge' }>, font: string): void {
  const ratio = Math.max(1, Math.ceil((globalThis.devicePixelRatio || 1) * BADGE_SCALE));
  const key = `${s.fill}|${s.letter}|${ratio}|${font}`;
  let sprite = sprites.get(key);
  if (!sprite) {
    sprite = document.createElement('canvas');
    sprite.width = sprite.height = 14 * ratio;
    const c = sprite.getContext('2d')!;
    c.scale(ratio, ratio);
    c.beginPath();
    c.arc(7, 7, 6, 0, Math.PI * 2);
    c.fillStyle = s.fill;
    c.fill();
    c.fillStyle = '#ffffff';
    c.font = `bold 9px ${font}`;
    c.textAlign = 'center';
    c.textBaseline = 'middle';
    c.fillText(s.letter, 7, 7.5);
    sprites.set(key, sprite);
  }
  ctx.globalAlpha = s.opacity ?? 1;
  ctx.drawImage(sprite, s.x - 7, s.y - 7, 14, 14);
}

/** The canvas font a text shape is painted in. */
function textFont(s: Extract<Shape, { t: 'text' }>, font: string): string {
  return `${s.italic ? 'italic ' : ''}${s.bold ? 'bold ' : ''}${s.size}px ${font}`;
}

export function paintShape(ctx: CanvasRenderingContext2D, s: Shape, font: string): void {
  ctx.save();
  switch (s.t) {
    case 'line': {
      ctx.globalAlpha = s.opacity ?? 1;
      ctx.beginPath();
      ctx.moveTo(s.points[0]!, s.points[1]!);
      for (let i = 2; i + 1 < s.points.length; i += 2) ctx.lineTo(s.points[i]!, s.points[i + 1]!);
      stroke(ctx, s.stroke, s.width, s.dash);
      break;
    }
    case 'arrow': {
      const n = s.points.length;
      const x1 = s.points[n - 2]!;
      const y1 = s.points[n - 1]!;
      const x0 = s.points[n - 4]!;
      const y0 = s.points[n - 3]!;
      ctx.beginPath();
      ctx.moveTo(s.points[0]!, s.points[1]!);
      for (let i = 2; i + 1 < n; i += 2) ctx.lineTo(s.points[i]!, s.points[i + 1]!);
      stroke(ctx, s.stroke, s.width, s.dash);
      const a = Math.atan2(y1 - y0, x1 - x0);
      const len = 8 + s.width;
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x1 - len * Math.cos(a - 0.45), y1 - len * Math.sin(a - 0.45));
      ctx.lineTo(x1 - len * Math.cos(a + 0.45), y1 - len * Math.sin(a + 0.45));
      ctx.closePath();
      ctx.fillStyle = s.stroke;
      ctx.fill();
      break;
    }
    case 'circle':
      ctx.globalAlpha = s.opacity ?? 1;
      ctx.beginPath();
      ctx.arc(s.x, s.y, Math.max(0, s.r), 0, Math.PI * 2);
      if (s.fill !== 'transparent') {
        ctx.fillStyle = s.fill;
        ctx.fill();
      }
      stroke(ctx, s.stroke, s.width, s.dash);
      break;
    case 'rect':
      ctx.globalAlpha = s.opacity ?? 1;
      ctx.beginPath();
      ctx.rect(s.x, s.y, s.w, s.h);
      if (s.fill !== 'transparent') {
        ctx.fillStyle = s.fill;
        ctx.fill();
      }
      stroke(ctx, s.stroke, s.width, s.dash);
      break;
    case 'badge':
      paintBadge(ctx, s, font);
      break;
    case 'text': {
      ctx.fillStyle = s.fill;
      ctx.font = textFont(s, font);
      ctx.textBaseline = 'top';
      const align = s.align ?? 'left';
      ctx.textAlign = align;
      ctx.translate(s.x, s.y);
      if (s.rotation) ctx.rotate((s.rotation * Math.PI) / 180);
      const x =
        align === 'center' && s.width !== undefined
          ? s.width / 2
          : align === 'right' && s.width !== undefined
            ? s.width
            : 0;
      s.text.split('\n').forEach((line, i) => ctx.fillText(line, x, i * s.size * LINE_HEIGHT));
      break;
    }
  }
  ctx.restore();
}

/**
 * The box the glyphs of a text cover, relative to its (x, y), measured with the font it is painted
 * in (a label laid out in a 130-pixel column covers only its words, not the column).
 */
export function textBox(
  ctx: CanvasRenderingContext2D,
  s: Extract<Shape, { t: 'text' }>,
  font: string,
): { x: number; y: number; w: number; h: number } {
  const lines = s.text.split('\n');
  ctx.font = textFont(s, font);
  let w = 0;
  for (const l of lines) w = Math.max(w, ctx.measureText(l).width);
  const align = s.align ?? 'left';
  const column = s.width;
  const x =
    column === undefined
      ? align === 'left'
        ? 0
        : align === 'center'
          ? -w / 2
          : -w
      : align === 'left'
        ? 0
        : align === 'center'
          ? (column - w) / 2
          : column - w;
  return { x, y: 0, w, h: lines.length * s.size * LINE_HEIGHT };
}

/** A box around the shapes (text measured roughly), so a cached group keeps all of them. */
export function boundsOf(shapes: readonly Shape[]): { x: number; y: number; width: number; height: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const add = (x: number, y: number) => {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  };
  for (const s of shapes) {
    switch (s.t) {
      case 'line':
      case 'arrow':
        for (let i = 0; i + 1 < s.points.length; i += 2) add(s.points[i]!, s.points[i + 1]!);
        break;
      case 'circle':
        add(s.x - s.r, s.y - s.r);
        add(s.x + s.r, s.y + s.r);
        break;
      case 'badge':
        add(s.x - 7, s.y - 7);
        add(s.x + 7, s.y + 7);
        break;
      case 'rect':
        add(s.x, s.y);
        add(s.x + s.w, s.y + s.h);
        break;
      case 'text': {
        const lines = s.text.split('\n');
        const w = s.width ?? lines.reduce((m, l) => Math.max(m, l.length), 0) * s.size * 0.62;
        const h = lines.length * s.size * LINE_HEIGHT;
        if (s.rotation) {
          add(s.x - h, s.y - w);
          add(s.x + h, s.y + w);
        } else {
          add(s.x, s.y);
          add(s.x + w, s.y + h);
        }
        break;
      }
    }
  }
  if (x0 === Infinity) return { x: 0, y: 0, width: 0, height: 0 };
  const pad = 8; // stroke widths and arrow heads
  return { x: x0 - pad, y: y0 - pad, width: x1 - x0 + 2 * pad, height: y1 - y0 + 2 * pad };
}
