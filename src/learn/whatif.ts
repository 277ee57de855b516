// "What if it commoditises?": the map with one component moved into commodity, on a copy, and
// which findings that makes appear or disappear. The map text is not touched.
import { analyze, type Finding } from '../analysis/index.js';
import { withChanges, type MapModel } from '../model/model.js';
import { STAGE_BOUNDARIES, stageOf } from '../model/stages.js';

/** Where a commoditised component is put: a little past the commodity boundary. */
export const COMMODITY_AT = STAGE_BOUNDARIES[2] + 0.05;

export interface WhatIf {
  readonly model: MapModel;
  /** Every finding of the changed copy. */
  readonly findings: readonly Finding[];
  readonly appeared: readonly Finding[];
  readonly disappeared: readonly Finding[];
  /**
   * For each component that depends on the one commoditised (directly first, then through paths),
   * the findings about it that appear and disappear: what commoditising does to what rests on it.
   */
  readonly dependents: readonly {
    readonly name: string;
    readonly appeared: readonly Finding[];
    readonly disappeared: readonly Finding[];
  }[];
}

/** The model with `name` moved to commodity (if it is not already there). */
export function commoditise(model: MapModel, name: string): MapModel {
  const components = model.components.map((c) =>
    c.name === name && c.type !== 'evolved' && c.maturity < COMMODITY_AT
      ? withChanges(c, { maturity: COMMODITY_AT, stage: stageOf(COMMODITY_AT), evolveTo: null })
      : c,
  );
  return { ...model, components };
}

export function whatIfCommoditises(model: MapModel, name: string, before?: readonly Finding[]): WhatIf {
  const was = (before ?? analyze(model).findings).filter((f) => f.kind !== 'recommendation');
  const copy = commoditise(model, name);
  const findings = analyze(copy).findings;
  const now = findings.filter((f) => f.kind !== 'recommendation');
  const wasIds = new Set(was.map((f) => f.id));
  const nowIds = new Set(now.map((f) => f.id));
  const appeared = now.filter((f) => !wasIds.has(f.id));
  const disappeared = was.filter((f) => !nowIds.has(f.id));
  const about = (fs: readonly Finding[], n: string) => fs.filter((f) => f.components.includes(n));
  const dependents = dependentsOf(model, name).map((d) => {
    const shown = model.components.find((c) => c.key === d && c.type !== 'evolved')?.name ?? d;
    return { name: shown, appeared: about(appeared, shown), disappeared: about(disappeared, shown) };
  });
  return { model: copy, findings, appeared, disappeared, dependents };
}

/** Every component that depends on `name`, directly or through paths, in the order found. */
export function dependentsOf(model: MapModel, name: string): string[] {
  const start = model.components.find((c) => c.name === name && c.type !== 'evolved')?.key;
  if (start === undefined) return [];
  const users = new Map<string, string[]>();
  for (const l of model.links) users.set(l.to, [...(users.get(l.to) ?? []), l.from]);
  const seen = new Set<string>([start]);
  const out: string[] = [];
  const queue = [start];
  while (queue.length) {
    for (const u of users.get(queue.shift()!) ?? []) {
      if (seen.has(u)) continue;
      seen.add(u);
      out.push(u);
      queue.push(u);
    }
  }
  return out;
}
