// Every threshold the analyses use, in one place. docs/analysis.md says why each value.

export interface AnalysisOptions {
  readonly criticalPaths: {
    /** Components at or past this maturity carry little delivery risk and end a critical path. */
    readonly maxMaturity: number;
    /** A component's risk is weight x (1 - maturity)^2: genesis is much riskier than late custom-built. */
    readonly riskWeight: number;
    /** Paths scoring below this are not reported. */
    readonly minScore: number;
    /** At most this many paths are reported. */
    readonly max: number;
  };
  readonly bottlenecks: {
    /** A bottleneck is used directly by at least this many supply components: a hub. */
    readonly minDirect: number;
    /** ...and lags its direct dependents by at least this much maturity on average. */
    readonly minLag: number;
    /** The lag at which the lag part of the score is full. */
    readonly fullLag: number;
  };
  readonly evolutionGaps: {
    /** A dependency whose user is at least this much more evolved than what it rests on is a gap. */
    readonly minGap: number;
  };
  readonly misalignments: {
    /** A practice or capability this far behind the technology it governs or enables is lagging. */
    readonly practiceLag: number;
  };
  readonly disruption: {
    /** Within this distance of the next stage's boundary, a component is about to cross it... */
    readonly window: number;
    /**
     * ...when it sits below this visibility: higher up, a product is what the user sees, and closeness alone says
     * nothing.
     */
    readonly windowBelow: number;
    /** Risks scoring below this are not reported. */
    readonly minScore: number;
  };
  readonly inertia: {
    /** An incumbent facing a substitute with at least this many dependents is likely to resist it. */
    readonly minDependents: number;
  };
  readonly summary: {
    /** The report's top moves: at most this many. */
    readonly max: number;
  };
}

export const DEFAULT_OPTIONS: AnalysisOptions = {
  criticalPaths: { maxMaturity: 0.55, riskWeight: 0.7, minScore: 0.35, max: 4 },
  bottlenecks: { minDirect: 2, minLag: 0.1, fullLag: 0.2 },
  evolutionGaps: { minGap: 0.3 },
  misalignments: { practiceLag: 0.12 },
  disruption: { window: 0.08, windowBelow: 0.5, minScore: 0.35 },
  inertia: { minDependents: 2 },
  summary: { max: 7 },
};

export type PartialOptions = { readonly [K in keyof AnalysisOptions]?: Partial<AnalysisOptions[K]> };

/** The defaults with some values overridden. */
export function withOptions(over: PartialOptions = {}): AnalysisOptions {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(DEFAULT_OPTIONS) as (keyof AnalysisOptions)[])
    out[k] = { ...DEFAULT_OPTIONS[k], ...over[k] };
  return out as unknown as AnalysisOptions;
}
