// Recommendations: the moves the findings call for, each citing the findings it answers.
import { nameKey } from '../lang/names.js';
import { STAGE_LABELS } from '../model/stages.js';
import type { Finding } from './finding.js';
import { evo, makeFinding } from './finding.js';
import type { ValueChain } from './graph.js';

interface Draft { rule: string; target: string; term: 'short' | 'long'; because: Finding[]; say: (at: string) => string }

/** The headline of each recommendation rule, for its target component. */
const TITLES: Readonly<Record<string, (name: string) => string>> = {
  'recommendation/use-utility': (n) => `Consume ${n} as a utility`,
  'recommendation/standardise': (n) => `Standardise ${n}`,
  'recommendation/co-evolve-practices': (n) => `Co-evolve ${n} with what it serves`,
  'recommendation/invest': (n) => `Invest to evolve ${n}`,
  'recommendation/build-in-house': (n) => `Explore ${n} in-house`,
  'recommendation/remove-inertia': (n) => `Remove the inertia around ${n}`,
};

/** Derives recommendations from the other findings (one per action and component). */
export function recommend(g: ValueChain, findings: readonly Finding[]): Finding[] {
  const drafts = new Map<string, Draft>();
  const add = (rule: string, target: string, term: 'short' | 'long', f: Finding, say: (at: string) => string): void => {
    const key = `${rule}:${target}`;
    const d = drafts.get(key);
    if (d) d.because.push(f);
    else drafts.set(key, { rule, target, term, because: [f], say });
  };
  // Findings name components as written; the graph is indexed by the compared form.
  const node = (name: string) => g.nodes[g.index.get(nameKey(name)) ?? -1];
  for (const f of findings) {
    const [first] = f.components;
    if (first === undefined) continue;
    switch (f.rule) {
      case 'disruption-risk/into-commodity':
        add('recommendation/use-utility', first, 'short', f, (at) => `Prepare to consume ${at} as a commodity: standardise its interfaces now and plan to move to a utility or outsourced service, so that what depends on it is not disrupted.`);
        break;
      case 'disruption-risk/into-product':
      case 'disruption-risk/into-custom-built':
        add('recommendation/standardise', first, 'long', f, (at) => `Standardise ${at} as it matures: adopt or buy a product rather than extending a custom one.`);
        break;
      case 'bottleneck/lagging-hub': {
        const c = node(first);
        if (c && (c.kind === 'practice' || c.kind === 'capability')) {
          const users = g.dependentCount[g.index.get(c.key)!]!;
          add('recommendation/co-evolve-practices', first, 'short', f, (at) => `Invest in ${at} now: ${users} components depend on this ${c.kind}, and it is less evolved than what uses it.`);
        } else {
          add('recommendation/invest', first, 'short', f, (at) => `Invest to evolve ${at} (standardise it or buy a product): the components above it wait on it.`);
        }
        break;
      }
      case 'critical-path/risk-chain': {
        const weakest = [...f.components].sort((a, b) => (node(a)?.maturity ?? 1) - (node(b)?.maturity ?? 1) || a.localeCompare(b))[0]!;
        add('recommendation/invest', weakest, 'long', f, (at) => `De-risk the critical path from ${f.components[0]} up to ${f.components[f.components.length - 1]} by evolving its least evolved link, ${at}, towards a product.`);
        break;
      }
      case 'evolution-gap/dependency':
        add('recommendation/invest', f.components[1]!, 'long', f, (at) => `Evolve ${at} (or replace it with a product) so that more evolved components no longer rest on its uncertainty.`);
        break;
      case 'evolution-gap/stage-crossing':
      case 'misalignment/practice-lag':
        add('recommendation/co-evolve-practices', first, 'long', f, (at) => f.rule === 'misalignment/practice-lag'
          ? `Co-evolve ${at} with the technology it serves: bring its methods up to the pace of the components around it.`
          : `Plan the move of ${at} across its stage boundary: change how it is built, bought and run as it evolves.`);
        break;
      case 'misalignment/component-lag':
        add('recommendation/invest', first, 'short', f, (at) => `Invest in ${at}: it lags the components it works with.`);
        break;
      case 'misalignment/method': {
        const c = node(first);
        if (c && c.method === 'build') add('recommendation/use-utility', first, 'short', f, (at) => `Stop building ${at}: buy it or use it as a utility.`);
        else add('recommendation/build-in-house', first, 'short', f, (at) => `Explore ${at} in-house with a small team: it is too new to buy or outsource.`);
        break;
      }
      case 'misalignment/spend':
        add('recommendation/use-utility', first, 'short', f, (at) => `Stop paying to build ${at}: buy it or use it as a service, and move that budget up the value chain.`);
        break;
      case 'misalignment/inertia':
        add('recommendation/remove-inertia', first, 'short', f, (at) => `Remove the inertia around ${at}: name what resists its change (past investment, skills, contracts) and address it before the market moves without you.`);
        break;
      default: break;
    }
  }
  // A plain loop and an object literal of a fixed shape: this runs on every frame of a drag, for
  // hundreds of recommendations.
  const out: Finding[] = [];
  for (const d of drafts.values()) {
    let score = -Infinity;
    for (const f of d.because) if (f.score > score) score = f.score;
    const c = node(d.target);
    const title = (TITLES[d.rule] ?? ((n: string) => n))(d.target);
    const rec = makeFinding('recommendation', d.rule, [d.target], score, title, d.say(c ? `${d.target} (${STAGE_LABELS[c.stage]}, ${evo(c.maturity)})` : d.target));
    const basedOn = d.because.length === 1 ? [d.because[0]!.id] : d.because.map((f) => f.id).sort();
    out.push({ kind: rec.kind, id: rec.id, components: rec.components, score: rec.score, severity: rec.severity, title: rec.title, explanation: rec.explanation, rule: rec.rule, basedOn, term: d.term });
  }
  return out;
}
