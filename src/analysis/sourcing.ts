// Sourcing: the method that suits each stage (doctrine: use appropriate methods). Genesis is
// built in-house by small agile teams; custom-built is built, or bought from a specialist;
// products are bought or rented; commodities are consumed as utilities or outsourced.
import { wordsOf } from '../model/infer.js';
import type { Component } from '../model/model.js';
import { STAGE_LABELS, type Stage } from '../model/stages.js';
import type { Finding } from './finding.js';
import { evo, makeFinding } from './finding.js';
import type { ValueChain } from './graph.js';

/** The methods that suit each stage, as the report's sourcing table says them. */
export const SOURCING: Readonly<Record<Stage, string>> = {
  genesis: 'build in-house, agile, small teams',
  'custom-built': 'build, or buy from a specialist',
  product: 'buy or rent a product',
  commodity: 'consume as a utility, or outsource',
};

type Method = 'build' | 'buy' | 'outsource';

const BUILD_WORDS = new Set([
  'in-house',
  'inhouse',
  'bespoke',
  'homegrown',
  'home-grown',
  'handmade',
  'hand-built',
  'diy',
]);
const BUY_WORDS = new Set(['outsourced', 'vendor', 'third-party', 'saas', 'managed', 'off-the-shelf', 'cots']);

/** The method a component is sourced by: declared, or implied by a word of its name (`Bespoke CRM`, `SaaS CRM`). */
export function methodOf(c: Component): { method: Method; implied: string | null } | null {
  if (c.method) return { method: c.method, implied: null };
  const words = wordsOf(c.name);
  const b = words.find((w) => BUILD_WORDS.has(w));
  if (b) return { method: 'build', implied: b };
  const o = words.find((w) => BUY_WORDS.has(w));
  if (o) return { method: 'buy', implied: o };
  return null;
}

export function sourcingFindings(g: ValueChain): Finding[] {
  const out: Finding[] = [];
  for (const c of g.nodes) {
    // Users, needs, adversaries and pipeline classes are not sourced (nor carry a supply's inertia).
    if (c.role !== 'supply') continue;
    const m = methodOf(c);
    if (!m) continue;
    const said = m.implied
      ? `its name says ${m.method === 'build' ? 'it is built in-house' : 'it is bought'} ('${m.implied}')`
      : `it is marked (${m.method})`;
    let score: number;
    let title: string;
    let why: string;
    if (m.method === 'build' && c.stage === 'commodity') {
      score = 0.6 + 0.4 * Math.min(1, (c.maturity - 0.7) / 0.3);
      title = `${c.name} is built in-house but is a commodity`;
      why = 'building in-house what the market offers as a utility wastes effort';
    } else if (m.method === 'build' && c.stage === 'product' && c.maturity >= 0.55) {
      score = 0.4;
      title = `${c.name} is built in-house though products exist`;
      why = 'off-the-shelf products exist';
    } else if (m.method !== 'build' && c.stage === 'genesis') {
      score = m.method === 'outsource' ? 0.8 : 0.65;
      title = `${c.name} is ${m.method === 'buy' ? 'bought' : 'outsourced'} but is still new`;
      why = `nothing stable exists to ${m.method} yet: explore it in-house`;
    } else if (m.method === 'outsource' && c.stage === 'custom-built') {
      score = 0.45;
      title = `${c.name} is outsourced while still custom-built`;
      why = 'it is still being learned: buy from a specialist at most, and keep the learning';
    } else continue;
    out.push(
      makeFinding(
        'sourcing',
        'sourcing/method',
        [c.name],
        score,
        title,
        `${c.name} sits at ${evo(c.maturity)}, in ${STAGE_LABELS[c.stage]}, and ${said}: ${why}. ` +
          `${STAGE_LABELS[c.stage]} suits: ${SOURCING[c.stage]}.`,
      ),
    );
  }
  return out;
}
