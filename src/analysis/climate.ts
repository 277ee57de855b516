// Climatic patterns the map shows (besides co-evolution of practice, which misalignments.ts
// reads): efficiency enables innovation. A commodity that new, genesis components are built on is
// what lets them be built: it frees the user to explore above it.
import { STAGE_LABELS } from '../model/stages.js';
import type { Finding } from './finding.js';
import { evo, makeFinding } from './finding.js';
import type { ValueChain } from './graph.js';

export function climateFindings(g: ValueChain): Finding[] {
  const out: Finding[] = [];
  g.nodes.forEach((c, v) => {
    if (c.stage !== 'commodity' || c.role !== 'supply') return;
    const novel = g.neededBy[v]!.filter((u) => g.nodes[u]!.role === 'supply' && g.nodes[u]!.stage === 'genesis').map(
      (u) => g.nodes[u]!.name,
    );
    if (novel.length === 0) return;
    out.push(
      makeFinding(
        'climate',
        'climate/efficiency-enables-innovation',
        [c.name, ...novel],
        Math.min(0.55, 0.3 + 0.1 * novel.length),
        `${c.name} lets new things be built on it`,
        `${c.name} is a commodity (${evo(c.maturity)}) and ${novel.join(', ')} (${STAGE_LABELS.genesis}) ` +
          `${novel.length === 1 ? 'is' : 'are'} built on it: efficiency enables innovation. Keep ${c.name} ` +
          `cheap and reliable, and watch what grows on it.`,
      ),
    );
  });
  return out;
}
