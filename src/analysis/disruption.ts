// Disruption risks: technical components about to cross into the next stage, with evidence the
// map shows, weighted by what rests on them.
import { STAGE_BOUNDARIES, STAGE_LABELS, STAGES, stageIndex, stageOf, type Stage } from '../model/stages.js';
import type { Finding } from './finding.js';
import { along, evo, makeFinding } from './finding.js';
import { isPractice, type ValueChain } from './graph.js';
import type { AnalysisOptions } from './options.js';

/**
 * A supply component of technology or data below commodity, that something depends on, with one
 * of three signs that it is about to move into commodity: its evolve arrow crosses the boundary
 * (the strongest), a more evolved form of it already exists in its pipeline, or it sits within
 * `window` of the boundary deep in the chain, below `windowBelow` (authors put products anywhere
 * up to 0.7, so only a narrow window counts, more the closer it is, and not near the top of the
 * map, where a product is what the user sees rather than infrastructure about to be a utility). Into product or
 * custom-built, only the pipeline sign counts
 * (a component's own evolve arrow into product is a stage crossing, reported as an evolution
 * gap). Not a user, a need, a pipeline's class, or an incumbent a new form is displacing (that is
 * a substitution). Score: the sign's strength (evolve arrow 1, pipeline 0.8, window 0.4 to 0.6)
 * times the stage it moves into (commodity 1, product 0.7, custom-built 0.5), times exposure: the
 * share of the map resting on it and whether it reaches a user. Below `minScore` a window sign
 * with little resting on it is not reported.
 */
export function disruptionRisks(
  g: ValueChain,
  o: AnalysisOptions['disruption'],
  displaced: ReadonlySet<number>,
  pipelineAhead: ReadonlyMap<number, number>,
): Finding[] {
  const out: Finding[] = [];
  const n = g.nodes.length;
  for (let v = 0; v < n; v++) {
    const c = g.nodes[v]!;
    if (c.role !== 'supply' || isPractice(c) || c.kind === 'knowledge' || displaced.has(v)) continue;
    const deps = g.dependentCount[v]!;
    const i = stageIndex(c.stage);
    if (deps === 0 || i >= 3) continue;
    const boundary = STAGE_BOUNDARIES[i]!;
    const nextStage = STAGES[i + 1]! as Exclude<Stage, 'genesis'>;
    const to = g.evolveTo[v];
    const crossing = to !== null && to !== undefined && stageIndex(stageOf(to)) > i;
    const ahead = pipelineAhead.get(v);
    const distance = boundary - c.maturity;
    let sign: number;
    let how: string;
    // Into product, only a more evolved form of the same class is evidence enough: a custom-built
    // component's own evolve arrow is a stage crossing (evolution-gaps.ts), not a disruption.
    if (nextStage !== 'commodity' && ahead === undefined) continue;
    if (crossing) {
      sign = 1;
      how = `its evolve arrow takes it from ${evo(c.maturity)} to ${evo(to)}`;
    } else if (ahead !== undefined) {
      sign = 0.8;
      how =
        `a more evolved form in its pipeline, ${g.nodes[ahead]!.name}, is already ` +
        `${STAGE_LABELS[g.nodes[ahead]!.stage]}`;
    } else if (distance <= o.window && c.visibility < o.windowBelow) {
      sign = 0.4 + 0.2 * (1 - distance / o.window);
      how =
        `at ${evo(c.maturity)} it is ${along(distance)} short of where ${STAGE_LABELS[nextStage]} begins ` +
        `(${evo(boundary)})`;
    } else continue;
    const weight = nextStage === 'commodity' ? 1 : nextStage === 'product' ? 0.7 : 0.5;
    const exposure = Math.min(1, Math.sqrt(deps / Math.max(1, n - 1)) * 1.5);
    const score = sign * weight * (0.55 + 0.35 * exposure + (g.servesUser[v] ? 0.1 : 0));
    if (score < o.minScore) continue;
    const becomes = nextStage === 'commodity' ? 'a commodity' : nextStage === 'product' ? 'a product' : 'custom-built';
    out.push(
      makeFinding(
        'disruption-risk',
        `disruption-risk/into-${nextStage}`,
        [c.name],
        score,
        `${c.name} is about to become ${becomes}`,
        `${c.name} is about to move into ${STAGE_LABELS[nextStage]}: ${how}, and ${deps} ` +
          `component${deps === 1 ? '' : 's'} depend${deps === 1 ? 's' : ''} on it as it is today.`,
      ),
    );
  }
  return out;
}
