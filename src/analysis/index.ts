// The analysis engine: every analysis over one model, findings sorted by kind then score.
import type { MapModel } from '../model/model.js';
import type { Stage } from '../model/stages.js';
import { bottlenecks } from './bottlenecks.js';
import { criticalPaths } from './critical-paths.js';
import { disruptionRisks } from './disruption.js';
import { evolutionGaps } from './evolution-gaps.js';
import { FINDING_KINDS, type Finding } from './finding.js';
import { buildValueChain, type ValueChain } from './graph.js';
import { misalignments } from './misalignments.js';
import { withOptions, type PartialOptions } from './options.js';
import { recommend } from './recommend.js';
import { spendByStage, spendFindings } from './spend.js';

export type { Finding, FindingKind, Severity } from './finding.js';
export { DEFAULT_OPTIONS, type AnalysisOptions, type PartialOptions } from './options.js';

export interface Analysis {
  readonly map: string | null
  readonly stages: Readonly<Record<string, Stage>>
  readonly findings: readonly Finding[]
  /** Annual spend by stage, when the map carries costs (the `(cost N)` extension). */
  readonly spend?: Readonly<Record<Stage, number>>
}

const KIND_ORDER = new Map(FINDING_KINDS.map((k, i) => [k, i]));

/** Orders findings by kind, then score (highest first), then id. */
export function sortFindings(fs: Finding[]): Finding[] {
  // Each finding's kind and score become one number, computed once per finding rather than read
  // twice per comparison (this runs on every frame of a drag, over hundreds of findings).
  const ranked = fs.map((f) => ({ key: KIND_ORDER.get(f.kind)! * 10 - f.score, id: f.id, f }));
  ranked.sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < ranked.length; i++) fs[i] = ranked[i]!.f;
  return fs;
}

/** The findings of a map before recommendations, in order, with the graph they were read from. */
export interface Diagnosis {
  readonly model: MapModel
  readonly options: PartialOptions | undefined
  readonly graph: ValueChain
  /** Every finding except recommendations, sorted (see `sortFindings`). */
  readonly findings: readonly Finding[]
}

/**
 * Every analysis except the recommendations. The canvas draws these on each frame of a drag;
 * the recommendations, which only the panel lists, can follow (`analyze(model, options, diagnosis)`).
 */
export function diagnose(model: MapModel, options?: PartialOptions): Diagnosis {
  const o = withOptions(options);
  const g = buildValueChain(model);
  const found = [
    ...criticalPaths(g, o.criticalPaths),
    ...bottlenecks(g, o.bottlenecks),
    ...evolutionGaps(g, o.evolutionGaps),
    ...misalignments(g, o.misalignments, o.disruption.window),
    ...disruptionRisks(g, o.disruption),
    ...spendFindings(g, model),
  ];
  return { model, options, graph: g, findings: sortFindings(found) };
}

/**
 * Runs every analysis. Pure and deterministic; never throws on a model the parser built. A
 * `diagnosis` of the same model and options, when there is one, is not computed again.
 */
export function analyze(model: MapModel, options?: PartialOptions, diagnosis?: Diagnosis): Analysis {
  const d = diagnosis && diagnosis.model === model && diagnosis.options === options ? diagnosis : diagnose(model, options);
  const g = d.graph;
  // Recommendations come last in the kind order, so the sorted findings followed by the sorted
  // recommendations are the whole list in order (one sort of each, not a second sort of all).
  const all = d.findings.concat(sortFindings(recommend(g, d.findings)));
  const stages: Record<string, Stage> = Object.create(null) as Record<string, Stage>;
  for (const c of g.nodes) stages[c.name] = c.stage;
  const hasCost = model.components.some((c) => c.cost !== null);
  return hasCost ? { map: model.title, stages, findings: all, spend: spendByStage(model) } : { map: model.title, stages, findings: all };
}
