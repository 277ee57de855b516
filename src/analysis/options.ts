// Every threshold the analyses use, in one place. See docs/analysis.md for why each value.

export interface AnalysisOptions {
  readonly criticalPaths: {
    /** Components at or past this maturity carry little delivery risk and end a critical path. */
    readonly maxMaturity: number
    /** How much of a component's uncertainty (1 - maturity) counts as risk to the chain. */
    readonly riskWeight: number
    /** Paths scoring below this are not reported. */
    readonly minScore: number
    /** At most this many paths are reported. */
    readonly max: number
  }
  readonly bottlenecks: {
    /** A bottleneck has at least this many components depending on it, directly or through paths. */
    readonly minDependents: number
    /** ...and lags its direct dependents by at least this much maturity on average. */
    readonly minLag: number
    /** The lag at which the lag part of the score is full. */
    readonly fullLag: number
  }
  readonly evolutionGaps: {
    /** A dependency whose user is at least this much more evolved than what it rests on is a gap... */
    readonly minGap: number
  }
  readonly misalignments: {
    /** A practice or capability this far behind the technology it governs or enables is lagging. */
    readonly practiceLag: number
    /** A technical component this far behind the components it works with is lagging. */
    readonly componentLag: number
  }
  readonly disruption: {
    /** A component within this maturity of the next stage boundary is close to crossing it. */
    readonly window: number
    /** How much crossing into each stage matters (commodity disrupts most). */
    readonly stageWeight: { readonly 'custom-built': number; readonly product: number; readonly commodity: number }
    /** Risks scoring below this are not reported. */
    readonly minScore: number
  }
}

export const DEFAULT_OPTIONS: AnalysisOptions = {
  criticalPaths: { maxMaturity: 0.55, riskWeight: 0.5, minScore: 0.6, max: 4 },
  bottlenecks: { minDependents: 2, minLag: 0.1, fullLag: 0.2 },
  evolutionGaps: { minGap: 0.3 },
  misalignments: { practiceLag: 0.12, componentLag: 0.25 },
  disruption: { window: 0.15, stageWeight: { 'custom-built': 0.3, product: 0.5, commodity: 1 }, minScore: 0.35 },
};

export type PartialOptions = { readonly [K in keyof AnalysisOptions]?: Partial<AnalysisOptions[K]> };

/** The defaults with some values overridden. */
export function withOptions(over: PartialOptions = {}): AnalysisOptions {
  return {
    criticalPaths: { ...DEFAULT_OPTIONS.criticalPaths, ...over.criticalPaths },
    bottlenecks: { ...DEFAULT_OPTIONS.bottlenecks, ...over.bottlenecks },
    evolutionGaps: { ...DEFAULT_OPTIONS.evolutionGaps, ...over.evolutionGaps },
    misalignments: { ...DEFAULT_OPTIONS.misalignments, ...over.misalignments },
    disruption: {
      ...DEFAULT_OPTIONS.disruption, ...over.disruption,
      stageWeight: { ...DEFAULT_OPTIONS.disruption.stageWeight, ...over.disruption?.stageWeight },
    },
  };
}
