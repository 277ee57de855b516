// Predict, then reveal: score a learner's guess against the engine's answer, with reasons.
import type { Analysis, Finding } from '../analysis/index.js';
import type { MapModel } from '../model/model.js';
import { STAGE_BOUNDARIES, STAGE_LABELS, STAGES, stageIndex } from '../model/stages.js';

export type PredictKind = 'bottleneck' | 'disruption-risk' | 'critical-path';

export interface Reason {
  readonly name: string;
  readonly why: string;
}

export interface PredictScore {
  readonly kind: PredictKind;
  readonly hits: readonly Reason[];
  /** Components the engine flags that the learner did not pick, with the engine's reasoning. */
  readonly misses: readonly Reason[];
  /** Components the learner picked that the engine does not flag, with why not. */
  readonly falseAlarms: readonly Reason[];
}

/** The components the engine's answer names for a kind (every component on a critical path). */
export function answerOf(analysis: Analysis, kind: PredictKind): Map<string, Finding> {
  const out = new Map<string, Finding>();
  for (const f of analysis.findings) {
    if (f.kind !== kind) continue;
    for (const n of f.components) if (!out.has(n)) out.set(n, f);
  }
  return out;
}

function whyNot(model: MapModel, analysis: Analysis, kind: PredictKind, name: string): string {
  const c = model.components.find((x) => x.name === name && x.type !== 'evolved');
  if (!c) return `${name} is not a component of this map.`;
  const users = model.links.filter((l) => l.to === c.key).length;
  switch (kind) {
    case 'bottleneck':
      return (
        `${name} has ${users} direct user${users === 1 ? '' : 's'}, and is not clearly less evolved than ` +
        `them (it is at evolution ${c.maturity.toFixed(2)}).`
      );
    case 'disruption-risk': {
      const i = stageIndex(c.stage);
      if (i >= 3)
        return (
          `${name} is already a commodity (at evolution ${c.maturity.toFixed(2)}): there is no next stage ` +
          `to cross into.`
        );
      if (c.kind === 'practice' || c.kind === 'capability')
        return `${name} is a ${c.kind}: the engine looks for technology about to commoditise.`;
      return (
        `${name} is ${(STAGE_BOUNDARIES[i]! - c.maturity).toFixed(2)} along evolution short of ` +
        `${STAGE_LABELS[STAGES[i + 1]!]}, too far (or too little depends on it) to count as about to cross.`
      );
    }
    case 'critical-path':
      if (c.kind === 'practice' || c.kind === 'capability')
        return `${name} is a ${c.kind}; critical paths follow the technical value chain.`;
      if (c.maturity >= 0.55)
        return (
          `${name} is evolved enough (at evolution ${c.maturity.toFixed(2)}) to carry little risk to the ` +
          `user need.`
        );
      return (
        `${name} is not on one of the riskiest chains from the user need down ` +
        `(${analysis.findings.filter((f) => f.kind === 'critical-path').length} reported).`
      );
  }
}

export function scorePrediction(
  model: MapModel,
  analysis: Analysis,
  kind: PredictKind,
  picked: readonly string[],
): PredictScore {
  const answer = answerOf(analysis, kind);
  const pickedSet = new Set(picked);
  return {
    kind,
    hits: [...answer].filter(([n]) => pickedSet.has(n)).map(([name, f]) => ({ name, why: f.explanation })),
    misses: [...answer].filter(([n]) => !pickedSet.has(n)).map(([name, f]) => ({ name, why: f.explanation })),
    falseAlarms: picked
      .filter((n) => !answer.has(n))
      .map((name) => ({ name, why: whyNot(model, analysis, kind, name) })),
  };
}
