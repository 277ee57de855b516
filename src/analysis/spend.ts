// FinOps: where the money goes along evolution, from the `(cost N)` extension.
import type { MapModel } from '../model/model.js';
import { STAGE_LABELS, STAGES, type Stage } from '../model/stages.js';
import type { Finding } from './finding.js';
import { evo, makeFinding } from './finding.js';
import type { ValueChain } from './graph.js';

/** Annual spend per evolution stage (only components with a cost count). */
export function spendByStage(model: MapModel): Record<Stage, number> {
  const out = { genesis: 0, 'custom-built': 0, product: 0, commodity: 0 } as Record<Stage, number>;
  for (const c of model.components) if (c.type !== 'evolved' && c.cost !== null) out[c.stage] += c.cost;
  return out;
}

const money = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;

/**
 * `misalignment/spend`: money spent custom-building (method build, or no method) what is already a
 * product or a commodity. Score grows with the share of the map's spend it takes (full at a third).
 */
export function spendFindings(g: ValueChain, model: MapModel): Finding[] {
  const total = STAGES.reduce((s, st) => s + spendByStage(model)[st], 0);
  if (total <= 0) return [];
  const out: Finding[] = [];
  for (const c of g.nodes) {
    if (c.cost === null || c.cost <= 0 || c.method !== 'build' || (c.stage !== 'product' && c.stage !== 'commodity'))
      continue;
    const share = c.cost / total;
    out.push(
      makeFinding(
        'misalignment',
        'misalignment/spend',
        [c.name],
        Math.min(1, 0.3 + share * 2.1),
        `Money spent building ${c.name} in-house`,
        `${money(c.cost)} a year (${(share * 100).toFixed(0)}% of the map's spend) goes to building ${c.name} ` +
          `in-house, though it is already ${STAGE_LABELS[c.stage]} at ${evo(c.maturity)}.`,
      ),
    );
  }
  return out;
}
