// The analysis engine: every rule over one model, findings sorted by kind then score, then one
// recommendation per component and a summary of the top moves. Pure and deterministic.
import { nameKey } from '../lang/names.js';
import type { MapModel } from '../model/model.js';
import { stageIndex, type Stage } from '../model/stages.js';
import { bottlenecks } from './bottlenecks.js';
import { climateFindings } from './climate.js';
import { criticalPaths } from './critical-paths.js';
import { disruptionRisks } from './disruption.js';
import { doctrineFindings } from './doctrine.js';
import { evolutionGaps } from './evolution-gaps.js';
import { FINDING_KINDS, type Finding } from './finding.js';
import { gameplayFindings } from './gameplay.js';
import { buildValueChain, type ValueChain } from './graph.js';
import { inertiaFindings } from './inertia.js';
import { misalignments } from './misalignments.js';
import { withOptions, type PartialOptions } from './options.js';
import { recommend, summarise, type Move } from './recommend.js';
import { sourcingFindings } from './sourcing.js';
import { spendByStage, spendFindings } from './spend.js';
import { findSubstitutions, substitutionFindings } from './substitution.js';

export type { Finding, FindingKind, Severity } from './finding.js';
export type { Move } from './recommend.js';
export { DEFAULT_OPTIONS, type AnalysisOptions, type PartialOptions } from './options.js';

export interface Analysis {
  readonly map: string | null;
  readonly stages: Readonly<Record<string, Stage>>;
  /** The top moves, first in the report and in Explain mode. */
  readonly summary: readonly Move[];
  readonly findings: readonly Finding[];
  /** Annual spend by stage, when the map carries costs (the `(cost N)` extension). */
  readonly spend?: Readonly<Record<Stage, number>>;
}

const KIND_ORDER = new Map(FINDING_KINDS.map((k, i) => [k, i]));

/** Orders findings by kind, then score (highest first), then id. */
export function sortFindings(fs: Finding[]): Finding[] {
  return fs.sort(
    (a, b) =>
      KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
      b.score - a.score ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The findings of a map before recommendations, in order, with the graph they were read from. */
export interface Diagnosis {
  readonly model: MapModel;
  readonly options: PartialOptions | undefined;
  readonly graph: ValueChain;
  /** Every finding except recommendations, sorted (see `sortFindings`). */
  readonly findings: readonly Finding[];
}

/** Pipeline forms with a more evolved form of the same class, and that form. */
function formsAhead(g: ValueChain, model: MapModel): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of model.pipelines) {
    const forms = p.children.map((n) => g.index.get(n)).filter((v): v is number => v !== undefined);
    for (const v of forms) {
      const ahead = forms
        .filter((w) => stageIndex(g.nodes[w]!.stage) > stageIndex(g.nodes[v]!.stage))
        .sort((a, b) => g.nodes[b]!.maturity - g.nodes[a]!.maturity)[0];
      if (ahead !== undefined) out.set(v, ahead);
    }
  }
  return out;
}

/**
 * Every rule except the recommendations. The canvas draws these on each frame of a drag; the
 * recommendations, which only the panel lists, can follow (`analyze(model, options, diagnosis)`).
 */
export function diagnose(model: MapModel, options?: PartialOptions): Diagnosis {
  const o = withOptions(options);
  const g = buildValueChain(model);
  const subs = findSubstitutions(g, model);
  const displaced = new Set(subs.map((s) => s.incumbent));
  const hubs = bottlenecks(g, o.bottlenecks, displaced);
  const risks = disruptionRisks(g, o.disruption, displaced, formsAhead(g, model));
  const inertia = inertiaFindings(g, o.inertia, o.disruption.window, subs);
  // One observation, one finding: a hub is not also an evolution gap, and an evolve arrow that a
  // disruption risk, a declared inertia or a substitution already reads is not also a stage crossing.
  const nodesOf = (fs: readonly Finding[]) => new Set(fs.map((f) => g.index.get(nameKey(f.components[0]!))!));
  const arrowsRead = new Set([...nodesOf(risks), ...nodesOf(inertia), ...displaced]);
  const found = [
    ...criticalPaths(g, o.criticalPaths),
    ...hubs,
    ...evolutionGaps(g, o.evolutionGaps, nodesOf(hubs), arrowsRead),
    ...misalignments(g, o.misalignments),
    ...spendFindings(g, model),
    ...risks,
    ...substitutionFindings(g, subs),
    ...inertia,
    ...sourcingFindings(g),
    ...doctrineFindings(model),
    ...climateFindings(g),
    ...gameplayFindings(g, displaced),
  ];
  return { model, options, graph: g, findings: sortFindings(found) };
}

/**
 * Runs every analysis. Pure and deterministic; never throws on a model the parser built. A
 * `diagnosis` of the same model and options, when there is one, is not computed again.
 */
export function analyze(model: MapModel, options?: PartialOptions, diagnosis?: Diagnosis): Analysis {
  const d =
    diagnosis && diagnosis.model === model && diagnosis.options === options ? diagnosis : diagnose(model, options);
  const g = d.graph;
  const recs = sortFindings(recommend(g, d.findings));
  const stages: Record<string, Stage> = Object.create(null) as Record<string, Stage>;
  for (const c of g.nodes) stages[c.name] = c.stage;
  const summary = summarise(g, d.findings, recs, withOptions(options).summary.max);
  const base = { map: model.title, stages, summary, findings: d.findings.concat(recs) };
  return model.components.some((c) => c.cost !== null) ? { ...base, spend: spendByStage(model) } : base;
}
