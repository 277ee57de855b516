// Disruption risks: components about to cross into the next stage, weighted by what rests on them.
import { STAGE_BOUNDARIES, STAGE_LABELS, STAGES, stageIndex, stageOf } from '../model/stages.js';
import type { Finding } from './finding.js';
import { along, evo, makeFinding } from './finding.js';
import { isPractice, type ValueChain } from './graph.js';
import type { AnalysisOptions } from './options.js';

/**
 * For each technical component below commodity: `proximity` is 1 when an evolve arrow takes it
 * across the next boundary, else `1 - distance / window` when within `window` of it. Score =
 * stage weight of the stage it moves into x (0.6 proximity + 0.4 reach), where reach is the share
 * of the map depending on it (doubled, capped at 1): a widely used component disrupts more.
 */
export function disruptionRisks(g: ValueChain, o: AnalysisOptions['disruption']): Finding[] {
  const out: Finding[] = [];
  const n = g.nodes.length;
  g.nodes.forEach((c, v) => {
    if (c.type === 'anchor' || isPractice(c)) return;
    const i = stageIndex(c.stage);
    if (i >= 3) return;
    const boundary = STAGE_BOUNDARIES[i]!;
    const nextStage = STAGES[i + 1]! as 'custom-built' | 'product' | 'commodity';
    const to = g.evolveTo[v];
    const crossing = to !== null && to !== undefined && stageIndex(stageOf(to)) > i;
    const distance = boundary - c.maturity;
    const proximity = crossing ? 1 : distance <= o.window ? 1 - distance / o.window : 0;
    if (proximity <= 0) return;
    const reach = Math.min(1, (2 * g.dependentCount[v]!) / Math.max(1, n - 1));
    const score = o.stageWeight[nextStage] * (0.6 * proximity + 0.4 * reach);
    if (score < o.minScore) return;
    const how = crossing ? `its evolve arrow takes it from ${evo(c.maturity)} to ${evo(to)}` : `at ${evo(c.maturity)} it is ${along(distance)} short of where ${STAGE_LABELS[nextStage]} begins (${evo(boundary)})`;
    const becomes = nextStage === 'commodity' ? 'a commodity' : nextStage === 'product' ? 'a product' : 'custom-built';
    out.push(makeFinding('disruption-risk', `disruption-risk/into-${nextStage}`, [c.name], score,
      `${c.name} is about to become ${becomes}`,
      `${c.name} is about to move into ${STAGE_LABELS[nextStage]}: ${how}, and ${g.dependentCount[v]} components depend on it as it is today.`));
  });
  return out;
}
