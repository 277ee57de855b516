// The evaluation set as a regression guard: every expectation a map states holds, and the
// structural bars of the analysis hold on the set and on the corpus's real maps when present.
import { describe, expect, it } from 'vitest';
import { corpusResults, evaluateAll, structure, type MapResult } from './evaluate.js';

const results = evaluateAll();

function expectStructure(rs: readonly MapResult[]): void {
  const st = structure(rs);
  expect(st.medianFindingsPerComponent).toBeLessThanOrEqual(0.5);
  expect({
    disruption: st.disruptionOnNonSupplyOrNoDependents,
    twoRecs: st.componentsWithTwoRecommendations,
    contradictions: st.contradictoryPairs,
    subPaths: st.criticalPathsInsideAnother,
    badSummaries: st.mapsWithBadSummary,
  }).toEqual({ disruption: 0, twoRecs: 0, contradictions: 0, subPaths: 0, badSummaries: 0 });
}

describe('the evaluation set', () => {
  it('has at least 25 maps, each with must and must-not expectations', () => {
    expect(results.length).toBeGreaterThanOrEqual(25);
    for (const r of results) {
      expect(
        r.expectations.some((e) => e.must),
        r.file,
      ).toBe(true);
      expect(
        r.expectations.some((e) => !e.must),
        r.file,
      ).toBe(true);
    }
  });

  for (const r of results) {
    it(`${r.file}: what the analysis must and must not say`, () => {
      const misses = r.expectations
        .filter((e) => !e.met)
        .map((e) => `line ${e.line}: ${e.must ? 'missing' : 'unwanted'} ${e.what}: ${e.components.join(', ')}`);
      expect(misses).toEqual([]);
    });
  }

  it('meets the structural bars', () => expectStructure(results));

  it('meets the structural bars on the corpus maps too, when the corpus is beside the repository', () => {
    const corpus = corpusResults();
    if (corpus.length) expectStructure(corpus);
  });
});
