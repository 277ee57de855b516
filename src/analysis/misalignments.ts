// Misalignments: lagging components, practices behind their technology, wrong methods, inertia where change is due.
import { STAGE_LABELS } from '../model/stages.js';
import type { Finding } from './finding.js';
import { along, evo, makeFinding } from './finding.js';
import { isPractice, type ValueChain } from './graph.js';
import type { AnalysisOptions } from './options.js';

export function misalignments(g: ValueChain, o: AnalysisOptions['misalignments'], disruptionWindow: number): Finding[] {
  const out: Finding[] = [];
  const n = g.nodes.length;
  for (let v = 0; v < n; v++) {
    const c = g.nodes[v]!;
    if (c.type === 'anchor') continue;
    if (isPractice(c)) {
      // What a practice governs or enables: the technical components that use it directly; a
      // practice that only supports other practices is compared with those it supports.
      const users = g.neededBy[v]!.filter((u) => g.nodes[u]!.type !== 'anchor');
      const techUsers = users.filter((u) => !isPractice(g.nodes[u]!));
      const tech = techUsers.length ? techUsers : users;
      if (tech.length === 0) continue;
      const mean = tech.reduce((s, u) => s + g.nodes[u]!.maturity, 0) / tech.length;
      const lag = mean - c.maturity;
      if (lag >= o.practiceLag) {
        // In the order the map links them: stable when a component is renamed or another added.
        const names = tech.map((u) => g.nodes[u]!.name);
        out.push(makeFinding('misalignment', 'misalignment/practice-lag', [c.name, ...names], Math.min(1, lag / (2 * o.practiceLag)),
          `${c.name} lags the technology it serves`,
          `${c.name} (a ${c.kind}, at ${evo(c.maturity)}) is ${along(lag)} behind the technology it serves (${names.join(', ')}; on average at ${evo(mean)}): practices must co-evolve with what they govern.`));
      }
    } else {
      // Resting on more evolved components is the normal shape of a value chain; lagging the
      // components that use it is not.
      const tech = g.neededBy[v]!.filter((u) => !isPractice(g.nodes[u]!) && g.nodes[u]!.type !== 'anchor');
      if (tech.length >= 1) {
        const mean = tech.reduce((s, u) => s + g.nodes[u]!.maturity, 0) / tech.length;
        const lag = mean - c.maturity;
        if (lag >= o.componentLag) {
          out.push(makeFinding('misalignment', 'misalignment/component-lag', [c.name], Math.min(1, lag / (2 * o.componentLag)),
            `${c.name} lags the components that use it`,
            `${c.name} (at ${evo(c.maturity)}) is ${along(lag)} behind the ${tech.length} component${tech.length === 1 ? '' : 's'} that use${tech.length === 1 ? 's' : ''} it (on average at ${evo(mean)}).`));
        }
      }
    }
    if (c.method === 'build' && c.stage === 'commodity') {
      out.push(makeFinding('misalignment', 'misalignment/method', [c.name], 0.5 + 0.5 * Math.min(1, (c.maturity - 0.7) / 0.3 + 0.5),
        `${c.name} is built in-house but is a commodity`,
        `${c.name} is marked (build) but sits at ${evo(c.maturity)}, in ${STAGE_LABELS.commodity}: building in-house what the market offers as a utility wastes effort.`));
    } else if ((c.method === 'outsource' || c.method === 'buy') && c.stage === 'genesis') {
      out.push(makeFinding('misalignment', 'misalignment/method', [c.name], c.method === 'outsource' ? 0.8 : 0.6,
        `${c.name} is ${c.method === 'buy' ? 'bought' : 'outsourced'} but is still new`,
        `${c.name} is marked (${c.method}) but sits at ${evo(c.maturity)}, in Genesis: nothing stable exists to ${c.method === 'buy' ? 'buy' : 'outsource'} yet; explore it in-house.`));
    } else if (c.method === 'build' && c.stage === 'product' && c.maturity >= 0.55) {
      out.push(makeFinding('misalignment', 'misalignment/method', [c.name], 0.35,
        `${c.name} is built in-house though products exist`,
        `${c.name} is marked (build) at ${evo(c.maturity)}, well into ${STAGE_LABELS.product}: off-the-shelf products exist.`));
    }
    if (c.inertia) {
      const to = g.evolveTo[v];
      const boundary = [0.175, 0.4, 0.7].find((b) => b > c.maturity);
      const nearBoundary = boundary !== undefined && boundary - c.maturity <= disruptionWindow;
      if ((to !== null && to !== undefined && to > c.maturity) || nearBoundary) {
        const why = to !== null && to !== undefined && to > c.maturity
          ? `its evolve arrow says it must move to ${evo(to)}`
          : `it is within ${along(boundary! - c.maturity)} of the next stage`;
        out.push(makeFinding('misalignment', 'misalignment/inertia', [c.name], 0.5 + 0.5 * Math.min(1, g.dependentCount[v]! / Math.max(1, n - 1) * 2),
          `${c.name} resists a change that is due`,
          `${c.name} carries inertia but ${why}; ${g.dependentCount[v]} components depend on it.`));
      }
    }
  }
  return out;
}
