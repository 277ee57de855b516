// Evolution gaps: an evolved component resting on an uncertain one, and evolve arrows that cross a stage.
import { STAGE_LABELS, stageIndex, stageOf } from '../model/stages.js';
import type { Finding } from './finding.js';
import { along, evo, makeFinding } from './finding.js';
import type { ValueChain } from './graph.js';
import type { AnalysisOptions } from './options.js';

/**
 * `evolution-gap/dependency`: a genesis or custom-built supply component that more evolved supply
 * components rest on, each at least `minGap` ahead of it; one finding per such component, naming
 * every one of them (a hub several wait on is a bottleneck instead, `hubs`).
 * `evolution-gap/stage-crossing`: an evolve arrow that crosses a stage boundary (unless a
 * disruption risk already says so: `crossingsCovered`).
 */
export function evolutionGaps(
  g: ValueChain,
  o: AnalysisOptions['evolutionGaps'],
  hubs: ReadonlySet<number>,
  crossingsCovered: ReadonlySet<number>,
): Finding[] {
  const out: Finding[] = [];
  g.nodes.forEach((b, j) => {
    if (b.role !== 'supply' || stageIndex(b.stage) > 1 || hubs.has(j)) return;
    // A user or a need at the top rests on whatever it rests on: gaps are within the supply chain.
    const above = g.neededBy[j]!.filter(
      (i) => g.nodes[i]!.role === 'supply' && g.nodes[i]!.maturity - b.maturity >= o.minGap,
    );
    if (above.length === 0) return;
    const gap = above.reduce((m, i) => Math.max(m, g.nodes[i]!.maturity - b.maturity), 0);
    const names = above.map((i) => g.nodes[i]!.name);
    const who = above
      .map((i) => `${g.nodes[i]!.name} (${STAGE_LABELS[g.nodes[i]!.stage]}, ${evo(g.nodes[i]!.maturity)})`)
      .join(', ');
    // Full score when a commodity rests on genesis (a gap of about 0.7).
    out.push(
      makeFinding(
        'evolution-gap',
        'evolution-gap/dependency',
        [...names, b.name],
        Math.min(1, gap / 0.7),
        `${names.length === 1 ? names[0] : `${names.length} components`} rest${names.length === 1 ? 's' : ''} ` +
          `on the less evolved ${b.name}`,
        `${who} depend${names.length === 1 ? 's' : ''} on ${b.name} (${STAGE_LABELS[b.stage]}, ` +
          `${evo(b.maturity)}): a gap of up to ${along(gap)} through which ${b.name}'s uncertainty reaches what ` +
          `rests on it.`,
      ),
    );
  });
  g.nodes.forEach((c, i) => {
    const to = g.evolveTo[i];
    if (to === null || to === undefined || c.role !== 'supply' || crossingsCovered.has(i)) return;
    const crossed = stageIndex(stageOf(to)) - stageIndex(c.stage);
    if (crossed <= 0) return;
    const target = stageOf(to);
    // The author drew the arrow: a plan to carry out (medium for one boundary), not a risk found.
    out.push(
      makeFinding(
        'evolution-gap',
        'evolution-gap/stage-crossing',
        [c.name],
        Math.min(1, 0.25 + 0.15 * crossed),
        `${c.name} is set to cross into ${STAGE_LABELS[target]}`,
        `${c.name} is set to evolve from ${evo(c.maturity)} (${STAGE_LABELS[c.stage]}) to ${evo(to)} ` +
          `(${STAGE_LABELS[target]}), crossing ${crossed} stage boundar${crossed === 1 ? 'y' : 'ies'}: its ` +
          `methods and practices must change with it.`,
      ),
    );
  });
  return out;
}
