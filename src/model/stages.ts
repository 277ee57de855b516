// The evolution stages and their boundaries, defined once and used everywhere (model, analysis, canvas, diff).

/** Evolution stages, left to right on the evolution axis. */
export type Stage = 'genesis' | 'custom-built' | 'product' | 'commodity';

export const STAGES: readonly Stage[] = ['genesis', 'custom-built', 'product', 'commodity'];

/** How each stage is written for people. */
export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  genesis: 'Genesis',
  'custom-built': 'Custom-Built',
  product: 'Product (+rental)',
  commodity: 'Commodity (+utility)',
};

/**
 * Where one stage ends and the next begins on the evolution axis (0..1): the boundaries that
 * OnlineWardleyMaps draws (its `MapGrid`: 0.175, 0.40, 0.70 of the width), so a map looks and
 * reads the same in both tools. Genesis [0, 0.175), Custom-Built [0.175, 0.40),
 * Product [0.40, 0.70), Commodity [0.70, 1].
 */
export const STAGE_BOUNDARIES: readonly [number, number, number] = [0.175, 0.4, 0.7];

/** The stage a maturity falls in. Values outside [0, 1] fall in the first or last stage. */
export function stageOf(maturity: number): Stage {
  if (maturity < STAGE_BOUNDARIES[0]) return 'genesis';
  if (maturity < STAGE_BOUNDARIES[1]) return 'custom-built';
  if (maturity < STAGE_BOUNDARIES[2]) return 'product';
  return 'commodity';
}

/** 0 for genesis up to 3 for commodity. */
export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** The maturity at which `stage` begins (0 for genesis). */
export function stageStart(stage: Stage): number {
  const i = stageIndex(stage);
  return i === 0 ? 0 : STAGE_BOUNDARIES[i - 1]!;
}

/** The maturity at which `stage` ends (1 for commodity). */
export function stageEnd(stage: Stage): number {
  const i = stageIndex(stage);
  return i === 3 ? 1 : STAGE_BOUNDARIES[i]!;
}
