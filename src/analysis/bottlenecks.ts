// Bottlenecks: components much of the map depends on that are less evolved than what depends on them.
import type { Finding } from './finding.js';
import { along, evo, makeFinding } from './finding.js';
import type { ValueChain } from './graph.js';
import type { AnalysisOptions } from './options.js';

/**
 * A supply component (not a user, a need or a pipeline's class; not one being displaced by a new
 * form) that at least `minDirect` supply components use directly (a hub: several flows wait on
 * it, not one chain passing through) and that those direct users are, on average, at least
 * `minLag` ahead of. Score: the share of the map that depends on it (square-rooted, so a hub in a
 * large map is not drowned) times the lag (full at `fullLag`).
 */
export function bottlenecks(
  g: ValueChain,
  o: AnalysisOptions['bottlenecks'],
  displaced: ReadonlySet<number>,
): Finding[] {
  const n = g.nodes.length;
  const out: Finding[] = [];
  for (let v = 0; v < n; v++) {
    const c = g.nodes[v]!;
    if (c.role !== 'supply' || displaced.has(v)) continue;
    const dependents = g.dependentCount[v]!;
    const direct = g.neededBy[v]!.filter((d) => g.nodes[d]!.role === 'supply');
    if (direct.length < o.minDirect) continue;
    let lag = 0;
    for (const d of direct) lag += Math.max(0, g.nodes[d]!.maturity - c.maturity);
    lag /= direct.length;
    if (lag < o.minLag) continue;
    const share = dependents / Math.max(1, n - 1);
    const score = Math.sqrt(share) * Math.min(1, lag / o.fullLag);
    out.push(
      makeFinding(
        'bottleneck',
        'bottleneck/lagging-hub',
        [c.name],
        score,
        `${c.name} holds up what depends on it`,
        `${dependents} of ${n - 1} other components depend on ${c.name} (${direct.length} directly), and those ` +
          `direct users are on average ${along(lag)} ahead of it (it is at ${evo(c.maturity)}).`,
      ),
    );
  }
  return out;
}
