import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashChars, NameIndex } from '../../src/model/nameindex.js';
import { parseMap } from '../../src/model/build.js';

describe('the name index', () => {
  it('hashes a range of a text as it hashes an equal string', () => {
    const text = 'component Tea Shop [0.5, 0.5]';
    expect(hashChars(text, 10, 18)).toBe(hashChars('Tea Shop', 0, 8));
    expect(hashChars(text, 10, 18)).not.toBe(hashChars('Tea Shoq', 0, 8));
  });

  it('tells apart two names with the same hash', () => {
    expect(hashChars('N1ya8', 0, 5)).toBe(hashChars('Nyki6', 0, 5));
    const text = 'N1ya8 Nyki6';
    const index = new NameIndex(text, 2);
    expect(index.addRange(0, 5, 0)).toBe(-1);
    expect(index.addString('Nyki6', 1)).toBe(-1);
    expect([index.find('N1ya8'), index.find('Nyki6'), index.findRange(hashChars(text, 6, 11), 6, 11)]).toEqual([0, 1, 1]);
    const strings = new NameIndex(text, 2);
    strings.addString('Nyki6', 1);
    expect([strings.findRange(hashChars(text, 0, 5), 0, 5), strings.addRange(0, 5, 0), strings.addRange(6, 11, 2)]).toEqual([-1, -1, 1]);
  });

  it('finds what a Map finds, whether names were added as ranges of the text or as strings', () => {
    // One index reset for each case, beside a new one: what an earlier, larger or smaller, case
    // left in its arrays must not be found.
    const reused = new NameIndex('', 0);
    const name = fc.string({ unit: fc.constantFrom('a', 'b', 'A', ' ', '1', 'é', '→'), minLength: 1, maxLength: 5 });
    fc.assert(fc.property(fc.array(fc.tuple(name, fc.boolean()), { maxLength: 40 }), fc.array(name, { maxLength: 20 }), (added, probes) => {
      // The names one after another in a text, so that each can be added as its range.
      let text = '';
      const at: [number, number][] = [];
      for (const [n] of added) { at.push([text.length, text.length + n.length]); text += n + '\n'; }
      const index = new NameIndex(text, added.length);
      reused.reset(text, added.length, added.length % 3);
      const map = new Map<string, number>();
      added.forEach(([n, asRange], k) => {
        const first = asRange ? index.addRange(at[k]![0], at[k]![1], k) : index.addString(n, k);
        expect(first).toBe(map.get(n) ?? -1);
        expect(asRange ? reused.addRange(at[k]![0], at[k]![1], k) : reused.addString(n, k)).toBe(first);
        if (!map.has(n)) map.set(n, k);
      });
      expect(index.size).toBe(map.size);
      expect(reused.size).toBe(map.size);
      for (const n of [...probes, ...added.map(([n]) => n)]) {
        expect(index.find(n)).toBe(map.get(n) ?? -1);
        expect(reused.find(n)).toBe(map.get(n) ?? -1);
        // As a range of another text holding the name.
        const other = `x${n}y`;
        const probeText = text + other;
        const inText = new NameIndex(probeText, added.length);
        added.forEach(([a, asRange], k) => { if (asRange) inText.addRange(at[k]![0], at[k]![1], k); else inText.addString(a, k); });
        const s = text.length + 1;
        expect(inText.findRange(hashChars(probeText, s, s + n.length), s, s + n.length)).toBe(map.get(n) ?? -1);
      }
    }), { numRuns: 300 });
  });

  it('keeps link warnings and duplicate warnings the same in a large map', () => {
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) lines.push(`component C${i} [0.5, 0.5]`);
    lines.push('component C7 [0.1, 0.1]', 'component  C8 [0.1, 0.1]', 'component "C9" [0.1, 0.1]');
    for (let i = 0; i < 3000; i++) lines.push(`C${i}->C${(i * 7) % 3001}`);
    lines.push('C1->C 2', 'C1->C  2', 'C1->"C3"', 'evolve C5->C5 New 0.9', 'C5 New->C1');
    const m = parseMap(lines.join('\n'));
    const warnings = m.diagnostics.map((d) => `${d.line}: ${d.message}`);
    expect(warnings).toEqual([
      "3001: duplicate component name 'C7' (first on line 8): links to it are ambiguous",
      "3002: duplicate component name 'C8' (first on line 9): links to it are ambiguous",
      "3003: duplicate component name 'C9' (first on line 10): links to it are ambiguous",
      "4290: link to 'C3000', which is not a component of this map",
      "6004: link to 'C 2', which is not a component of this map",
      "6005: link to 'C 2', which is not a component of this map",
    ]);
  });
});
