// A scene as SVG text: deterministic bytes, every string escaped.
import type { Scene, Shape } from './scene.js';
import { LABEL_FONT_SIZE } from './scene.js';

/** Escapes text for XML content and attribute values. */
export function escapeXml(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Characters XML 1.0 cannot hold at all.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  );
}

const n = (x: number) => (Math.round(x * 100) / 100).toString();

function dash(d?: readonly number[]): string {
  return d && d.length ? ` stroke-dasharray="${d.map(n).join(' ')}"` : '';
}

function textLines(
  x: number,
  y: number,
  text: string,
  size: number,
  extra: string,
  fill: string,
  anchor: string,
): string {
  const lines = text.split('\n');
  const tspans = lines
    .map((l, i) => `<tspan x="${n(x)}" dy="${i === 0 ? n(size) : n(size * 1.2)}">${escapeXml(l)}</tspan>`)
    .join('');
  return (
    `<text x="${n(x)}" y="${n(y)}" font-size="${n(size)}" fill="${escapeXml(fill)}" ` +
    `text-anchor="${anchor}"${extra}>${tspans}</text>`
  );
}

function shape(s: Shape): string {
  const role = s.role ? ` class="${escapeXml(s.role)}"` : '';
  switch (s.t) {
    case 'line':
      return (
        `<polyline${role} points="${pairs(s.points)}" fill="none" stroke="${escapeXml(s.stroke)}" ` +
        `stroke-width="${n(s.width)}"${dash(s.dash)}${s.opacity !== undefined ? ` opacity="${n(s.opacity)}"` : ''}/>`
      );
    case 'arrow':
      return (
        `<polyline${role} points="${pairs(s.points)}" fill="none" stroke="${escapeXml(s.stroke)}" ` +
        `stroke-width="${n(s.width)}"${dash(s.dash)} marker-end="url(#arrow)"/>`
      );
    case 'circle':
      return (
        `<circle${role} cx="${n(s.x)}" cy="${n(s.y)}" r="${n(s.r)}" fill="${fillOf(s.fill)}" ` +
        `stroke="${escapeXml(s.stroke)}" ` +
        `stroke-width="${n(s.width)}"${dash(s.dash)}${s.opacity !== undefined ? ` opacity="${n(s.opacity)}"` : ''}/>`
      );
    case 'rect':
      return (
        `<rect${role} x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" ` +
        `fill="${fillOf(s.fill)}" stroke="${escapeXml(s.stroke)}" ` +
        `stroke-width="${n(s.width)}"${dash(s.dash)}${s.opacity !== undefined ? ` opacity="${n(s.opacity)}"` : ''}/>`
      );
    case 'badge': {
      const op = s.opacity !== undefined ? ` opacity="${n(s.opacity)}"` : '';
      const title = s.title ? `<title>${escapeXml(s.title)}</title>` : '';
      return (
        `<g${role}${op}>${title}<circle cx="${n(s.x)}" cy="${n(s.y)}" r="6" fill="${fillOf(s.fill)}"/>` +
        `${textLines(s.x, s.y - 5, s.letter, 9, ' font-weight="bold"', '#ffffff', 'middle')}</g>`
      );
    }
    case 'text': {
      const anchor = s.align === 'center' ? 'middle' : s.align === 'right' ? 'end' : 'start';
      const x =
        s.align === 'center' && s.width !== undefined
          ? s.x + s.width / 2
          : s.align === 'right' && s.width !== undefined
            ? s.x + s.width
            : s.x;
      const rotate = s.rotation ? ` transform="rotate(${n(s.rotation)} ${n(s.x)} ${n(s.y)})"` : '';
      const extra = `${role}${s.bold ? ' font-weight="bold"' : ''}${s.italic ? ' font-style="italic"' : ''}${rotate}`;
      return textLines(x, s.y, s.text, s.size, extra, s.fill, anchor);
    }
  }
}

function fillOf(f: string): string {
  return f === 'transparent' ? 'none' : escapeXml(f);
}

function pairs(pts: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i + 1 < pts.length; i += 2) out.push(`${n(pts[i]!)},${n(pts[i + 1]!)}`);
  return out.join(' ');
}

/** The scene as a standalone SVG document. */
export function sceneToSvg(scene: Scene, title: string | null): string {
  const { width, height } = scene.frame;
  const t = scene.theme;
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ` +
      `${n(height)}" font-family="${escapeXml(t.font)}">`,
    `<title>${escapeXml(title ?? 'Wardley map')}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" ` +
      `orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${escapeXml(t.evolve)}"/></marker></defs>`,
    `<rect width="${n(width)}" height="${n(height)}" fill="${escapeXml(t.background)}"/>`,
  ];
  if (title) parts.push(textLines(width / 2, 2, title, 14, ' font-weight="bold" class="map-title"', t.text, 'middle'));
  // One push per shape: a spread would pass every shape as an argument, past what a call can take
  // on a large map.
  const group = (cls: string, shapes: readonly Shape[]) => {
    parts.push(`<g class="${cls}">`);
    for (const s of shapes) parts.push(shape(s));
    parts.push('</g>');
  };
  group('grid', scene.background);
  group('links', scene.links);
  group('overlays', scene.overlays);
  parts.push('<g class="components">');
  for (const c of scene.components) {
    const op = c.dimmed ? ' opacity="0.25"' : '';
    parts.push(`<g class="component" data-name="${escapeXml(c.name)}"${op}>`);
    for (const s of c.shapes) parts.push(shape(s));
    parts.push(
      textLines(
        c.label.x,
        c.label.y,
        c.label.text,
        LABEL_FONT_SIZE,
        ` class="label"${c.type === 'anchor' ? ' font-weight="bold"' : ''}`,
        c.type === 'evolved' ? t.evolve : t.text,
        'start',
      ),
    );
    parts.push('</g>');
  }
  parts.push('</g>');
  group('badges', scene.badges);
  parts.push('<g class="notes">');
  for (const note of scene.notes)
    parts.push(textLines(note.x, note.y, note.text, 12, ' class="note" font-weight="bold"', t.note, 'start'));
  parts.push('</g>');
  group('foreground', scene.foreground);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
