import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addComponent,
  addLink,
  applyChanges,
  deleteComponent,
  formatCoordinate,
  moveComponent,
  renameComponent,
  setLabel,
  setMethod,
  toggleInertia,
  type TextChange,
} from '../../src/lang/edit.js';
import { parseMap } from '../../src/model/build/index.js';
import { nameKey } from '../../src/lang/names.js';
import { componentName, corpus, mapText } from './arbitraries.js';

/** Every byte outside the changed spans is unchanged. */
function onlyChangedSpans(before: string, after: string, changes: readonly TextChange[]): void {
  const sorted = [...changes].sort((a, b) => a.from - b.from);
  let pb = 0;
  let pa = 0;
  for (const c of sorted) {
    expect(after.slice(pa, pa + (c.from - pb))).toBe(before.slice(pb, c.from));
    pa += c.from - pb + c.insert.length;
    pb = c.to;
  }
  expect(after.slice(pa)).toBe(before.slice(pb));
}

const plainComponents = (text: string) =>
  parseMap(text).components.filter((c) => c.type === 'component' || c.type === 'anchor');
const point = fc
  .record({ visibility: fc.integer({ min: 0, max: 100 }), maturity: fc.integer({ min: 0, max: 100 }) })
  .map((p) => ({ visibility: p.visibility / 100, maturity: p.maturity / 100 }));
const anyMap = fc.oneof(
  mapText,
  fc.nat().map((k) => corpus()[k % corpus().length]!),
);

describe('lossless edits', () => {
  it('moving a component changes only its coordinates and re-parses to the new position', () => {
    fc.assert(
      fc.property(anyMap, fc.nat(), point, (text, k, to) => {
        const comps = plainComponents(text);
        fc.pre(comps.length > 0);
        const target = comps[k % comps.length]!;
        const changes = moveComponent(text, target.name, to);
        fc.pre(changes !== null);
        const after = applyChanges(text, changes);
        onlyChangedSpans(text, after, changes);
        const moved = parseMap(after).components.find((c) => c.key === target.key && c.type === target.type)!;
        expect(moved.maturity).toBe(Number(formatCoordinate(to.maturity)));
        expect(moved.visibility).toBe(Number(formatCoordinate(to.visibility)));
        // One line at most changes.
        const changedLines = after.split('\n').filter((l, i) => l !== text.split('\n')[i]);
        expect(changedLines.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });

  it('renaming renames every reference and nothing else', () => {
    fc.assert(
      fc.property(mapText, fc.nat(), componentName, (text, k, newName) => {
        const before = parseMap(text);
        const comps = plainComponents(text);
        const target = comps[k % comps.length]!;
        fc.pre(!before.components.some((c) => c.key === nameKey(newName)) && nameKey(newName) !== '');
        const changes = renameComponent(text, target.name, newName)!;
        const after = applyChanges(text, changes);
        onlyChangedSpans(text, after, changes);
        const m = parseMap(after);
        const rename = (n: string) => (n === target.key ? nameKey(newName) : n);
        expect(m.links.map((l) => [l.from, l.to])).toEqual(before.links.map((l) => [rename(l.from), rename(l.to)]));
        expect(m.components.map((c) => c.key)).toEqual(before.components.map((c) => rename(c.key)));
      }),
      { numRuns: 300 },
    );
  });

  it('deleting removes the component, its links and evolves, and keeps every other line', () => {
    fc.assert(
      fc.property(mapText, fc.nat(), (text, k) => {
        const before = parseMap(text);
        const comps = plainComponents(text);
        const target = comps[k % comps.length]!;
        const changes = deleteComponent(text, target.name)!;
        const after = applyChanges(text, changes);
        onlyChangedSpans(text, after, changes);
        const m = parseMap(after);
        expect(m.components.some((c) => c.key === target.key)).toBe(false);
        expect(m.links).toHaveLength(before.links.filter((l) => l.from !== target.key && l.to !== target.key).length);
      }),
      { numRuns: 300 },
    );
  });

  it('adding a component and a link, setting a label, a method and inertia each do what they say', () => {
    fc.assert(
      fc.property(mapText, fc.nat(), point, (text, k, at) => {
        const comps = plainComponents(text);
        const target = comps[k % comps.length]!;
        let t = applyChanges(text, addComponent(text, 'Brand New', at));
        expect(parseMap(t).components.some((c) => c.name === 'Brand New')).toBe(true);
        const link = addLink(t, target.name, 'Brand New');
        if (link) t = applyChanges(t, link);
        expect(parseMap(t).links.some((l) => l.from === target.key && l.to === 'Brand New')).toBe(true);
        for (const step of [
          (s: string) => setLabel(s, target.name, { x: 12, y: -7 }),
          (s: string) => setMethod(s, target.name, 'outsource'),
          (s: string) => toggleInertia(s, target.name),
        ]) {
          const changes = step(t)!;
          const next = applyChanges(t, changes);
          onlyChangedSpans(t, next, changes);
          t = next;
        }
        const c = parseMap(t).components.find((x) => x.key === target.key)!;
        expect(c.label).toEqual({ x: 12, y: -7 });
        expect(c.method).toBe('outsource');
        expect(c.inertia).toBe(!target.inertia);
        expect(parseMap(t).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
