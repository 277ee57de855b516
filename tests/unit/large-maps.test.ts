// Large maps: every component and link kept in text order, and no build depends on the one before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMap } from '../../src/model/build/index.js';
import { corpus, mapText } from '../property/arbitraries.js';

/** A map of `n` components, each linked to the next, with an evolve of the first. */
function chain(n: number, prefix = 'C'): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`component ${prefix}${i} [0.${(i % 90) + 10}, 0.5]`);
  for (let i = 0; i + 1 < n; i++) lines.push(`${prefix}${i}->${prefix}${i + 1}`);
  lines.push(`evolve ${prefix}0 0.9`);
  return `${lines.join('\n')}\n`;
}

describe('a large map', () => {
  it('keeps every component and link, in text order', () => {
    const n = 20_000;
    const m = parseMap(chain(n));
    expect(m.components).toHaveLength(n + 1);
    expect(Array.isArray(m.components) && Array.isArray(m.links)).toBe(true);
    expect(m.components.map((c) => c.name).slice(8190, 8194)).toEqual(['C8190', 'C8191', 'C8192', 'C8193']);
    expect(m.components[16_384]!.line).toBe(16_385);
    expect(m.components[n]).toMatchObject({ name: 'C0', type: 'evolved', maturity: 0.9, line: 2 * n });
    expect(m.links).toHaveLength(n - 1);
    expect(m.links[12_345]).toMatchObject({ from: 'C12345', to: 'C12346', line: n + 12_346 });
    expect(m.links[12_345]!.loc).toEqual({
      line: n + 12_346,
      column: 1,
      offset: expect.any(Number),
      end: expect.any(Number),
    });
    expect(m.diagnostics).toEqual([]);
  });

  it('leaves nothing of one build in the next', () => {
    // A large map whose links are all known, then small ones whose links are not.
    expect(parseMap(chain(30_000)).diagnostics).toEqual([]);
    const small = parseMap('component C1 [0.5, 0.5]\nC1->C2\nC2->C1\n');
    expect(small.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      "2:5 link to 'C2', which is not a component of this map: did you mean 'C1'?",
      "3:1 link from 'C2', which is not a component of this map: did you mean 'C1'?",
    ]);
    const head = 'component X [0.5, 0.5]\ncomponent Y [0.5, 0.5]\n';
    expect(parseMap(`${head}X->Y\n`).diagnostics).toEqual([]);
    expect(
      parseMap(`${head}X->Y2 // a comment\n`)
        .diagnostics.filter((d) => d.code === 'unknown-link')
        .map((d) => d.message),
    ).toEqual(["link to 'Y2', which is not a component of this map: did you mean 'Y'?"]);
    expect(parseMap(chain(30_000, 'D')).components[29_999]!.name).toBe('D29999');
    expect(parseMap('D5->D6\n').diagnostics.filter((d) => d.code === 'unknown-link')).toHaveLength(2);
  });

  it('builds the same model whatever was built before it', () => {
    const maps = corpus();
    const large = chain(12_000);
    fc.assert(
      fc.property(mapText, fc.nat(maps.length - 1), (text, k) => {
        const alone = parseMap(text);
        parseMap(large);
        expect(parseMap(text)).toEqual(alone);
        parseMap(maps[k]!);
        expect(parseMap(text)).toEqual(alone);
      }),
      { numRuns: 40 },
    );
  });
});
