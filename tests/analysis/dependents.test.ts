// The two ways of counting dependents agree: exactly (bitsets) on small maps, and walking with a
// cap (and the shortcut along chains) on maps too large for bitsets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cappedDependents, countDependents } from '../../src/analysis/graph.js';

const graph = fc
  .integer({ min: 1, max: 40 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 80 })));

describe('dependents', () => {
  it('the capped walk counts what the exact count does, below the cap (chains, trees, cycles, DAGs)', () => {
    fc.assert(
      fc.property(graph, ([n, edges]) => {
        const needs: number[][] = Array.from({ length: n }, () => []);
        for (const [a, b] of edges) if (a !== b && !needs[a]!.includes(b)) needs[a]!.push(b);
        const up: number[][] = Array.from({ length: n }, () => []);
        needs.forEach((out, a) => {
          for (const b of out) up[b]!.push(a);
        });
        expect(cappedDependents(n, up)).toEqual(countDependents(n, needs, up));
      }),
      { numRuns: 500 },
    );
  });

  it('counts a long chain in one pass, capped', () => {
    const n = 100_000;
    const up = Array.from({ length: n }, (_, i) => (i === 0 ? [] : [i - 1]));
    const counts = cappedDependents(n, up);
    expect([counts[0], counts[1], counts[2047], counts[2048], counts[n - 1]]).toEqual([0, 1, 2047, 2048, 2048]);
  });
});
