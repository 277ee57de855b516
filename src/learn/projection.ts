// Evolution projection: "everything evolves". Where each component would be after a while, as a
// pure function of the model and a time t in [0, 1] (0 = the map as drawn, 1 = the horizon).
import { moveComponent, type MapSource, type TextChange } from '../lang/edit.js';
import { parseDoc } from '../lang/parse.js';
import { withChanges, type Component, type MapModel } from '../model/model.js';
import { stageOf, type Stage } from '../model/stages.js';

/**
 * How far a component drifts right over the whole horizon, by stage (see docs/analysis.md):
 * custom-built and product components evolve fastest (competition is strongest there), genesis
 * components are slower to be copied, commodities barely move.
 */
export const DRIFT: Readonly<Record<Stage, number>> = {
  genesis: 0.12,
  'custom-built': 0.2,
  product: 0.15,
  commodity: 0.04,
};

/**
 * What the slider's horizon (t = 1) stands for, in years, so a learner can read it: rough, by
 * design. A component typically takes one to two decades from genesis to commodity, crossing a
 * stage in several years (docs/analysis.md, "Evolution projection"); DRIFT is the distance of
 * one horizon.
 */
export const HORIZON_YEARS = 10;

/** Inertia halves a component's drift (and slows its evolve arrow the same way). */
export const INERTIA_FACTOR = 0.5;

/** Evolution never quite reaches 1. */
const CEILING = 0.98;

/** A component's projected maturity at time t. */
export function projectMaturity(c: Component, t: number): number {
  if (t <= 0) return c.maturity;
  const slow = c.inertia ? INERTIA_FACTOR : 1;
  if (c.evolveTo !== null && c.evolveTo > c.maturity) {
    return c.maturity + (c.evolveTo - c.maturity) * Math.min(1, t * slow);
  }
  // Users and their needs are not supplied: they do not drift (an anchor, or one inferred).
  if (c.type === 'anchor' || c.role === 'user' || c.role === 'need') return c.maturity;
  const rate = DRIFT[stageOf(c.maturity)] * slow;
  return Math.min(Math.max(c.maturity, CEILING), c.maturity + rate * t);
}

/** The model with every component at its projected maturity (t = 0 returns the model itself). */
export function projectModel(model: MapModel, t: number): MapModel {
  if (t <= 0) return model;
  const components = model.components.map((c) => {
    if (c.type === 'evolved') return c;
    const maturity = Math.round(projectMaturity(c, t) * 100) / 100;
    return maturity === c.maturity ? c : withChanges(c, { maturity, stage: stageOf(maturity) });
  });
  return { ...model, components };
}

/**
 * The text edits that write a projection into the map: the coordinates of the components that
 * moved, nothing else. Every edit is computed on the original text (they touch different lines),
 * so they apply together as one change set.
 */
export function projectionEdits(source: MapSource, model: MapModel, t: number): TextChange[] {
  const doc = typeof source === 'string' ? parseDoc(source) : source; // parsed once for every move
  const changes: TextChange[] = [];
  for (const c of projectModel(model, t).components) {
    if (c.type === 'evolved' || c.type === 'anchor') continue;
    const before = model.components.find((x) => x.key === c.key && x.type === c.type);
    if (!before || before.maturity === c.maturity) continue;
    const edit = moveComponent(doc, c.name, { visibility: c.visibility, maturity: c.maturity });
    if (edit) changes.push(...edit);
  }
  return changes;
}
