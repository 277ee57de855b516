// Evolution gaps: an evolved component resting on an uncertain one, and evolve arrows that cross a stage.
import { STAGE_LABELS, stageIndex, stageOf } from '../model/stages.js';
import type { Finding } from './finding.js';
import { along, evo, makeFinding } from './finding.js';
import type { ValueChain } from './graph.js';
import type { AnalysisOptions } from './options.js';

export function evolutionGaps(g: ValueChain, o: AnalysisOptions['evolutionGaps']): Finding[] {
  const out: Finding[] = [];
  g.nodes.forEach((a, i) => {
    if (a.type === 'anchor') return; // an anchor is a need, not a component that can rest on uncertainty
    for (const j of g.needs[i]!) {
      const b = g.nodes[j]!;
      const gap = a.maturity - b.maturity;
      if (gap < o.minGap || stageIndex(b.stage) > 1) continue;
      // Full score when a commodity rests on genesis (a gap of about 0.7).
      out.push(makeFinding('evolution-gap', 'evolution-gap/dependency', [a.name, b.name], Math.min(1, gap / 0.7),
        `${a.name} rests on the less evolved ${b.name}`,
        `${a.name} (${STAGE_LABELS[a.stage]}, ${evo(a.maturity)}) depends on ${b.name} (${STAGE_LABELS[b.stage]}, ${evo(b.maturity)}): a gap of ${along(gap)} through which ${b.name}'s uncertainty reaches ${a.name}.`));
    }
  });
  g.nodes.forEach((c, i) => {
    const to = g.evolveTo[i];
    if (to === null || to === undefined) return;
    const from = stageIndex(c.stage);
    const target = stageOf(to);
    const crossed = stageIndex(target) - from;
    if (crossed <= 0) return;
    out.push(makeFinding('evolution-gap', 'evolution-gap/stage-crossing', [c.name], Math.min(1, 0.25 + 0.25 * crossed),
      `${c.name} is set to cross into ${STAGE_LABELS[target]}`,
      `${c.name} is set to evolve from ${evo(c.maturity)} (${STAGE_LABELS[c.stage]}) to ${evo(to)} (${STAGE_LABELS[target]}), crossing ${crossed} stage boundar${crossed === 1 ? 'y' : 'ies'}: its methods and practices must change with it.`));
  });
  return out;
}
