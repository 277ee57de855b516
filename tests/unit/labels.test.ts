// Label placement: on every shipped map, at the canvas's usual size and the export's, no two labels
// overlap, none leaves the frame or sits on an evolve arrow; a drag moves only the dragged label.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { parseMap } from '../../src/model/build/index.js';
import { labelSize } from '../../src/render/labels.js';
import { badgeTipAt, buildScene, labelsOf, type Scene } from '../../src/render/scene.js';

const dir = join(import.meta.dirname, '../../maps');
const FRAMES = [
  { width: 1000, height: 860 },
  { width: 1200, height: 800 },
];
const boxesOf = (s: Scene) =>
  s.components.map((c) => ({ name: c.name, x: c.label.x, y: c.label.y, ...labelSize(c.label.text) }));
const meet = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('label placement', () => {
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.owm'))
    .sort()) {
    for (const frame of FRAMES) {
      it(`${file} at ${frame.width}x${frame.height}: labels apart, inside, off the evolve arrows`, () => {
        const m = parseMap(readFileSync(join(dir, file), 'utf8'));
        const scene = buildScene(m, frame, { findings: analyze(m).findings });
        const boxes = boxesOf(scene);
        const overlapping: string[] = [];
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++)
            if (meet(boxes[i]!, boxes[j]!)) overlapping.push(`${boxes[i]!.name} / ${boxes[j]!.name}`);
        expect(overlapping).toEqual([]);
        // No badge on a label (the label's own component's, or another's).
        const onLabels = scene.badges.flatMap((b) =>
          b.t === 'badge'
            ? boxes
                .filter((l) => meet({ x: b.x - 6, y: b.y - 6, w: 12, h: 12 }, l))
                .map((l) => `${b.owner}'s ${b.letter} on ${l.name}`)
            : [],
        );
        expect(onLabels).toEqual([]);
        expect(
          boxes
            .filter((b) => b.x < 0 || b.y < 0 || b.x + b.w > frame.width || b.y + b.h > frame.height)
            .map((b) => b.name),
        ).toEqual([]);
        const arrows = scene.links.filter((s) => s.t === 'arrow' && s.role === 'evolve');
        for (const a of arrows) {
          if (a.t !== 'arrow') continue;
          const [x0, y0, x1, y1] = a.points as [number, number, number, number];
          // Sample the arrow: no point of it inside a label box.
          for (let k = 0; k <= 20; k++) {
            const p = { x: x0 + ((x1 - x0) * k) / 20, y: y0 + ((y1 - y0) * k) / 20, w: 0.01, h: 0.01 };
            expect(
              boxes.filter((b) => meet(p, b)).map((b) => b.name),
              `evolve arrow of ${a.ends?.[0]}`,
            ).toEqual([]);
          }
        }
      });
    }
  }

  it('keeps every other label where it was while one component is dragged', () => {
    const m = parseMap(readFileSync(join(dir, 'unified-ai-ops.owm'), 'utf8'));
    const frame = FRAMES[0]!;
    const before = buildScene(m, frame);
    const keep = labelsOf(before);
    const moved = parseMap(
      readFileSync(join(dir, 'unified-ai-ops.owm'), 'utf8').replace(
        'component Data Cataloging [0.34, 0.66]',
        'component Data Cataloging [0.34, 0.10]',
      ),
    );
    const during = buildScene(moved, frame, { keepLabels: keep });
    for (const c of during.components) {
      if (c.name === 'Data Cataloging') continue;
      const b = before.components.find((x) => x.name === c.name && x.type === c.type)!;
      expect([c.name, c.label.x, c.label.y]).toEqual([c.name, b.label.x, b.label.y]);
    }
  });

  it('says what a badge under the pointer stands for, and nothing beside it', () => {
    const m = parseMap(readFileSync(join(dir, 'unified-ai-ops.owm'), 'utf8'));
    const scene = buildScene(m, FRAMES[0]!, { findings: analyze(m).findings });
    const b = scene.badges.find((x) => x.t === 'badge' && x.title)!;
    if (b.t !== 'badge') throw new Error('no badge');
    expect(badgeTipAt(scene, b.x + 3, b.y - 3)).toBe(`${b.owner}. ${b.title}`);
    expect(badgeTipAt(scene, -50, -50)).toBeNull();
  });
});
