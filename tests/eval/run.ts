// `npm run eval`: the analysis scored on the evaluation set (tests/eval/*.owm).
import { corpusResults, evaluateAll, scores, structure, type MapResult } from './evaluate.js';

const results = evaluateAll();
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
console.log(
  `# Evaluation set: ${results.length} maps, ${results.reduce((n, r) => n + r.expectations.length, 0)} expectations\n`,
);
console.log('kind or rule                         musts  recall   must-nots  precision');
for (const [key, s] of [...scores(results)].sort(([a], [b]) =>
  a === '(all)' ? 1 : b === '(all)' ? -1 : a.localeCompare(b),
)) {
  const recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : NaN;
  const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : NaN;
  console.log(
    `${key.padEnd(36)} ${String(s.tp + s.fn).padStart(5)}  ${(Number.isNaN(recall) ? '-' : pct(recall)).padStart(6)}   ${String(s.tn + s.fp).padStart(9)}  ${(Number.isNaN(precision) ? '-' : pct(precision)).padStart(9)}`,
  );
}
function printStructure(title: string, rs: readonly MapResult[]): void {
  console.log(`\n# Structure, ${title} (bars in parentheses)`);
  const st = structure(rs);
  console.log(
    `median findings per component: ${st.medianFindingsPerComponent.toFixed(2)} (<= 0.5); with recommendations: ${st.medianAllPerComponent.toFixed(2)}; recommendations alone: ${st.medianRecommendationsPerComponent.toFixed(2)}`,
  );
  console.log(
    `disruption findings on a user, need or pipeline, or with no dependents: ${st.disruptionOnNonSupplyOrNoDependents} (0)`,
  );
  console.log(
    `components with two recommendations: ${st.componentsWithTwoRecommendations} (0); contradictory pairs: ${st.contradictoryPairs} (0)`,
  );
  console.log(
    `critical paths inside another: ${st.criticalPathsInsideAnother} (0); maps of 5+ components without 1-7 top moves: ${st.mapsWithBadSummary} (0)`,
  );
}
printStructure(`the evaluation set (${results.length} maps)`, results);
const corpus = corpusResults();
if (corpus.length)
  printStructure(
    `the OnlineWardleyMaps corpus maps with a value chain (${corpus.length} maps, no expectations)`,
    corpus,
  );
else console.log('\n(no corpus beside the repository: the structural counts on its maps are skipped)');
const misses = results.flatMap((r) =>
  r.expectations
    .filter((e) => !e.met)
    .map(
      (e) =>
        `${r.file}:${e.line}: ${e.must ? 'missing' : 'unwanted'} ${e.what}: ${e.components.join(', ')} -- ${e.why}`,
    ),
);
console.log(`\n# Expectations not met: ${misses.length}`);
for (const m of misses) console.log(`  ${m}`);
