// What every analysis reports.

export type FindingKind = 'critical-path' | 'bottleneck' | 'evolution-gap' | 'misalignment' | 'disruption-risk' | 'recommendation';

export const FINDING_KINDS: readonly FindingKind[] = ['critical-path', 'bottleneck', 'evolution-gap', 'misalignment', 'disruption-risk', 'recommendation'];

export type Severity = 'high' | 'medium' | 'low';

export interface Finding {
  readonly kind: FindingKind
  /** Stable across runs and across unrelated edits: the rule and the components' names. */
  readonly id: string
  /** The components involved; for a path, in the order value flows (foundation first). */
  readonly components: readonly string[]
  /** 0..1: how strongly the rule fired. */
  readonly score: number
  readonly severity: Severity
  /** One plain-language sentence with the numbers. */
  readonly explanation: string
  /** Which definition fired, e.g. `misalignment/method` (see docs/analysis.md). */
  readonly rule: string
  /** Recommendations only: the findings the action answers, and when to act. */
  readonly basedOn?: readonly string[]
  readonly term?: 'short' | 'long'
}

export function severityOf(score: number): Severity {
  return score >= 0.6 ? 'high' : score >= 0.35 ? 'medium' : 'low';
}

/** Rounds a score for output so that runs compare byte for byte. */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(Math.min(1, Math.max(0, x)) * f) / f;
}

export function makeFinding(kind: FindingKind, rule: string, components: readonly string[], score: number, explanation: string): Finding {
  const s = round(score);
  return { kind, id: `${rule}:${components.join('>')}`, components, score: s, severity: severityOf(s), explanation, rule };
}

const formatted = new Map<number, string>();

/** A maturity as people read it: two decimals. */
export function fmt(x: number): string {
  // A map's few hundred coordinates are formatted again on every frame of a drag; toFixed is slow.
  let s = formatted.get(x);
  if (s === undefined) {
    if (formatted.size >= 10_000) formatted.clear();
    s = x.toFixed(2);
    formatted.set(x, s);
  }
  return s;
}
