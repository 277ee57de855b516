// What every analysis reports.

export type FindingKind =
  | 'critical-path'
  | 'bottleneck'
  | 'evolution-gap'
  | 'misalignment'
  | 'disruption-risk'
  | 'substitution'
  | 'inertia'
  | 'sourcing'
  | 'doctrine'
  | 'climate'
  | 'gameplay'
  | 'recommendation';

/** The kinds, in the order findings are listed (recommendations last). */
export const FINDING_KINDS: readonly FindingKind[] = [
  'critical-path',
  'bottleneck',
  'evolution-gap',
  'misalignment',
  'disruption-risk',
  'substitution',
  'inertia',
  'sourcing',
  'doctrine',
  'climate',
  'gameplay',
  'recommendation',
];

export type Severity = 'high' | 'medium' | 'low';

export interface Finding {
  readonly kind: FindingKind;
  /** Stable across runs and across unrelated edits: the rule and the components' names. */
  readonly id: string;
  /** The components involved; for a path, in the order value flows (foundation first). */
  readonly components: readonly string[];
  /** 0..1: how strongly the rule fired. */
  readonly score: number;
  readonly severity: Severity;
  /** A short plain-language headline (what the UI lists; no numbers). */
  readonly title: string;
  /** One plain-language sentence with the numbers, each named (`evolution 0.27`, `score 0.69`). */
  readonly explanation: string;
  /** Which definition fired, e.g. `misalignment/method` (see docs/analysis.md). */
  readonly rule: string;
  /** Recommendations only: the findings the action answers, and when to act. */
  readonly basedOn?: readonly string[];
  readonly term?: 'short' | 'long';
}

/**
 * What a severity means (docs/analysis.md, "Severity"): high, act now (a user need is exposed, or
 * much of the map rests on it); medium, plan for it; low, keep an eye on it. Each rule scores
 * 0..1 so that these thresholds read that way.
 */
export function severityOf(score: number): Severity {
  return score >= 0.6 ? 'high' : score >= 0.35 ? 'medium' : 'low';
}

/** Rounds a score for output so that runs compare byte for byte. */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(Math.min(1, Math.max(0, x)) * f) / f;
}

export function makeFinding(
  kind: FindingKind,
  rule: string,
  components: readonly string[],
  score: number,
  title: string,
  explanation: string,
): Finding {
  const s = round(score);
  return {
    kind,
    id: `${rule}:${components.join('>')}`,
    components,
    score: s,
    severity: severityOf(s),
    title,
    explanation,
    rule,
  };
}

/** How each kind of finding is named for people. */
export const KIND_LABELS: Readonly<Record<FindingKind, string>> = {
  'critical-path': 'Critical path',
  bottleneck: 'Bottleneck',
  'evolution-gap': 'Evolution gap',
  misalignment: 'Misalignment',
  'disruption-risk': 'Disruption risk',
  substitution: 'Substitution',
  inertia: 'Inertia',
  sourcing: 'Sourcing',
  doctrine: 'Doctrine',
  climate: 'Climatic pattern',
  gameplay: 'Gameplay',
  recommendation: 'Recommendation',
};

/** The plural headings of the findings panel and the report. */
export const KIND_TITLES: Readonly<Record<FindingKind, string>> = {
  'critical-path': 'Critical paths',
  bottleneck: 'Bottlenecks',
  'evolution-gap': 'Evolution gaps',
  misalignment: 'Misalignments',
  'disruption-risk': 'Disruption risks',
  substitution: 'Substitution and new forms',
  inertia: 'Inertia',
  sourcing: 'Sourcing',
  doctrine: 'Doctrine',
  climate: 'Climatic patterns',
  gameplay: 'Gameplay',
  recommendation: 'Recommendations',
};

/** How a severity reads on screen. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  high: 'High priority',
  medium: 'Medium priority',
  low: 'Low priority',
};

/** What a score means, in one line (shown beside it). */
export const SCORE_MEANING =
  'how strongly the rule fired, from 0 (barely) to 1 (fully); high from 0.6, medium from 0.35';

/** A position on the evolution axis as people read it: `evolution 0.27`. */
export function evo(x: number): string {
  return `evolution ${fmt(x)}`;
}

/** A distance along the evolution axis: `0.15 along evolution`. */
export function along(x: number): string {
  return `${fmt(x)} along evolution`;
}

/** A maturity as people read it: two decimals. */
export function fmt(x: number): string {
  return x.toFixed(2);
}
