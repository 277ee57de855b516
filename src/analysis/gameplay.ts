// Gameplay hints: a few plays, each offered only when the map shows its trigger, each with the
// risk of playing it. They are hints for a strategist to weigh, not moves the engine recommends.
import { STAGE_BOUNDARIES } from '../model/stages.js';
import type { Finding } from './finding.js';
import { evo, makeFinding } from './finding.js';
import { isPractice, type ValueChain } from './graph.js';

/** How many steps below the nearest user a node is (users and needs at 0; unreachable: Infinity). */
function depths(g: ValueChain): number[] {
  const depth = new Array<number>(g.nodes.length).fill(Infinity);
  const queue: number[] = [];
  g.nodes.forEach((c, v) => {
    if (c.role === 'user' || c.role === 'need') {
      depth[v] = 0;
      queue.push(v);
    }
  });
  for (let k = 0; k < queue.length; k++) {
    const v = queue[k]!;
    for (const w of g.needs[v]!)
      if (depth[w] === Infinity) {
        depth[w] = depth[v]! + 1;
        queue.push(w);
      }
  }
  return depth;
}

export function gameplayFindings(g: ValueChain, displaced: ReadonlySet<number>): Finding[] {
  const out: Finding[] = [];
  const depth = depths(g);
  let foolsMate: Finding | null = null;
  const differentiator = (u: number) =>
    g.nodes[u]!.role === 'supply' && (g.nodes[u]!.stage === 'genesis' || g.nodes[u]!.stage === 'custom-built');
  g.nodes.forEach((c, v) => {
    if (c.role !== 'supply' || isPractice(c)) return;
    const above = g.neededBy[v]!;
    // Open approaches: a product bought from a vendor under the user's own differentiator.
    if (c.stage === 'product' && c.method === 'buy') {
      const diff = above.filter(differentiator).map((u) => g.nodes[u]!.name);
      if (diff.length) {
        out.push(
          makeFinding(
            'gameplay',
            'gameplay/open-approaches',
            [c.name, ...diff],
            0.4,
            `Open approaches could commoditise ${c.name}`,
            `You buy ${c.name}, a product (${evo(c.maturity)}), and your differentiator ${diff.join(', ')} ` +
              `rests on it. Trigger for open approaches: open-source or standardise an alternative to turn it ` +
              `into a commodity and remove a rival's margin. Risk: the cost of running a community, and helping ` +
              `competitors too.`,
          ),
        );
      }
    }
    // ILC: an ecosystem the user provides, on a commodity.
    if (c.ecosystem && c.stage === 'commodity') {
      out.push(
        makeFinding(
          'gameplay',
          'gameplay/ilc',
          [c.name],
          0.45,
          `Innovate, leverage, commoditise around ${c.name}`,
          `${c.name} is a commodity you provide to an ecosystem (${above.length} ` +
            `component${above.length === 1 ? '' : 's'} build on it here). Trigger for ILC: let others build new ` +
            `things on it, watch what spreads by their consumption, then commoditise that. Risk: the ecosystem ` +
            `sees it coming, and you must keep ${c.name} trusted and cheap.`,
        ),
      );
    }
    // Tower and moat: a commodity the user runs themselves, with their own new work above it.
    if (c.stage === 'commodity' && c.method === 'build' && !c.ecosystem) {
      const own = above.filter((u) => differentiator(u) && g.nodes[u]!.method === 'build').map((u) => g.nodes[u]!.name);
      if (own.length) {
        out.push(
          makeFinding(
            'gameplay',
            'gameplay/tower-and-moat',
            [c.name, ...own],
            0.4,
            `Tower and moat on ${c.name}`,
            `You run ${c.name}, a commodity, yourself, and build ${own.join(', ')} on it. Trigger for tower and ` +
              `moat: provide ${c.name} to others as a utility while you build the higher-order systems above ` +
              `it. Risk: running a utility is a business of its own, and others may supply it cheaper.`,
          ),
        );
      }
    }
    // Fool's mate: a custom-built constraint deep in the chain, that many components rest on, with
    // a sign on the map that it can be industrialised now (an evolve arrow into commodity), and
    // not a form being displaced (that is a substitution to plan for, not a play to make).
    const to = g.evolveTo[v];
    if (
      c.stage === 'custom-built' &&
      !c.inertia &&
      !displaced.has(v) &&
      depth[v]! >= 2 &&
      g.dependentCount[v]! >= 3 &&
      to !== null &&
      to !== undefined &&
      to >= STAGE_BOUNDARIES[2]
    ) {
      const candidate = makeFinding(
        'gameplay',
        'gameplay/fools-mate',
        [c.name],
        0.35 + 0.2 * Math.min(1, g.dependentCount[v]! / Math.max(1, g.nodes.length - 1)),
        `Industrialise ${c.name} before a rival does`,
        `${c.name} is custom-built (${evo(c.maturity)}), ${depth[v]} steps below the user, ` +
          `${g.dependentCount[v]} components rest on it, and the map evolves it to ${evo(to)}. Trigger for ` +
          `fool's mate: industrialise it first (a utility, a standard) and those who still run it custom lose ` +
          `the ground they stand on. Risk: it must be ready to be a commodity, or the attempt fails expensively.`,
      );
      if (!foolsMate || candidate.score > foolsMate.score) foolsMate = candidate;
    }
  });
  // One fool's mate at most: the play is one bold move, not a list.
  if (foolsMate) out.push(foolsMate);
  return out;
}
