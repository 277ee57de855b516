// Bottlenecks: components much of the map depends on that are less evolved than what depends on them.
import type { Finding } from './finding.js';
import { along, evo, makeFinding } from './finding.js';
import type { ValueChain } from './graph.js';
import type { AnalysisOptions } from './options.js';

/**
 * A component with at least `minDependents` components above it (directly or through paths)
 * whose direct dependents are, on average, at least `minLag` more evolved. Score: the share of
 * the map that depends on it (square-rooted, so a hub in a large map is not drowned) times the
 * lag (full at `fullLag`).
 */
export function bottlenecks(g: ValueChain, o: AnalysisOptions['bottlenecks']): Finding[] {
  const n = g.nodes.length;
  const out: Finding[] = [];
  for (let v = 0; v < n; v++) {
    const c = g.nodes[v]!;
    const dependents = g.dependentCount[v]!;
    const direct = g.neededBy[v]!;
    if (dependents < o.minDependents || direct.length === 0) continue;
    let lag = 0;
    for (const d of direct) lag += Math.max(0, g.nodes[d]!.maturity - c.maturity);
    lag /= direct.length;
    if (lag < o.minLag) continue;
    const share = dependents / Math.max(1, n - 1);
    const score = Math.sqrt(share) * Math.min(1, lag / o.fullLag);
    out.push(makeFinding('bottleneck', 'bottleneck/lagging-hub', [c.name], score,
      `${c.name} holds up what depends on it`,
      `${dependents} of ${n - 1} other components depend on ${c.name} (${direct.length} directly), and those direct users are on average ${along(lag)} ahead of it (it is at ${evo(c.maturity)}).`));
  }
  return out;
}
