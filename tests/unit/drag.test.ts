// What a component's drag redraws, without a browser: the frozen copy taken as the drag starts,
// and how each later frame's scene is split between the layers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/analysis/index.js';
import { dragLayers, freeze } from '../../src/editor/core/drag.js';
import { moveComponent, edited } from '../../src/lang/edit.js';
import { parseMap } from '../../src/model/build/index.js';
import { buildScene, type Shape } from '../../src/render/scene.js';

const FRAME = { width: 1200, height: 800 };
const TEXT = readFileSync('maps/unified-ai-ops.owm', 'utf8');

const joins = (sh: Shape, name: string) => 'ends' in sh && sh.ends !== undefined && sh.ends.includes(name);
const owner = (sh: Shape) => (sh.t === 'badge' ? sh.owner : null);

/** The scene of `text` with its findings, as the canvas draws it. */
function sceneOf(text: string, options: Parameters<typeof buildScene>[2] = {}) {
  const model = parseMap(text);
  return buildScene(model, FRAME, { findings: diagnose(model).findings, ...options });
}

describe('a drag on the canvas', () => {
  const start = sceneOf(TEXT);
  // A component with badges and links: its drag moves both.
  const name = start.components
    .map((c) => c.name)
    .find((n) => start.badges.some((b) => owner(b) === n) && start.links.some((l) => joins(l, n)))!;

  it('without a drag, every layer draws the scene as it is', () => {
    const layers = dragLayers(start, 'T', null);
    expect(layers.base).toEqual({ background: start.background, links: start.links, title: 'T' });
    expect(layers.activeLinks).toEqual([]);
    expect(layers.badges).toEqual({ moving: [], resting: start.badges });
  });

  it("freezes the grid, the links that do not touch the dragged component, and every label's place", () => {
    const frozen = freeze(start, 'T', name);
    expect(name).toBeTruthy();
    expect(frozen.background).toBe(start.background);
    expect(frozen.links.some((l) => joins(l, name))).toBe(false);
    expect(frozen.links.length).toBe(start.links.filter((l) => !joins(l, name)).length);
    expect([...frozen.labels.keys()]).toEqual(
      start.components.map((c) => (c.type === 'evolved' ? `${c.name}\u0000evolved` : c.name)),
    );
  });

  it("redraws, frame by frame, only the dragged component's links and badges over the frozen rest", () => {
    const frozen = freeze(start, 'T', name);
    const moved = edited(TEXT, moveComponent(TEXT, name, { visibility: 0.5, maturity: 0.93 }));
    const frame = sceneOf(moved, { linksOf: name, keepLabels: frozen.labels });
    const layers = dragLayers(frame, 'T', { active: name, frozen });
    expect(layers.base).toBe(frozen);
    expect(layers.activeLinks.length).toBeGreaterThan(0);
    expect(layers.activeLinks.every((l) => joins(l, name))).toBe(true);
    expect(layers.badges.moving.every((b) => owner(b) === name)).toBe(true);
    expect(layers.badges.resting.some((b) => owner(b) === name)).toBe(false);
    expect(layers.badges.moving.length + layers.badges.resting.length).toBe(frame.badges.length);
    // The other labels stay where they were when the drag started.
    for (const c of frame.components.filter((c) => c.name !== name && c.type !== 'evolved')) {
      const was = start.components.find((s) => s.name === c.name && s.type === c.type)!;
      expect([c.label.x, c.label.y]).toEqual([was.label.x, was.label.y]);
    }
  });
});
