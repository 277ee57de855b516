// Misalignments: practices behind the technology they govern or use (co-evolution of practice, a
// climatic pattern). A technical component behind what uses it is an evolution gap (one user) or
// a bottleneck (several), not a misalignment: one observation, one finding.
import type { Finding } from './finding.js';
import { along, evo, makeFinding } from './finding.js';
import { isPractice, type ValueChain } from './graph.js';
import type { AnalysisOptions } from './options.js';

export function misalignments(g: ValueChain, o: AnalysisOptions['misalignments']): Finding[] {
  const out: Finding[] = [];
  const n = g.nodes.length;
  const inChain = (u: number) => g.nodes[u]!.role === 'supply';
  for (let v = 0; v < n; v++) {
    const c = g.nodes[v]!;
    if (c.role !== 'supply' || !isPractice(c)) continue;
    // What a practice governs or enables: the technical components that use it directly. Maps
    // are drawn both ways, so a practice nothing technical uses is compared with the technology
    // it acts on (below it); one that only supports other practices, with those practices.
    const users = g.neededBy[v]!.filter(inChain);
    const techUsers = users.filter((u) => !isPractice(g.nodes[u]!));
    const techUsed = g.needs[v]!.filter((u) => inChain(u) && !isPractice(g.nodes[u]!));
    const [tech, relation] = techUsers.length
      ? [techUsers, 'serves']
      : techUsed.length
        ? [techUsed, 'acts on']
        : [users, 'serves'];
    if (tech.length === 0) continue;
    const mean = tech.reduce((s, u) => s + g.nodes[u]!.maturity, 0) / tech.length;
    const lag = mean - c.maturity;
    if (lag < o.practiceLag) continue;
    // In the order the map links them: stable when a component is renamed or another added.
    const names = tech.map((u) => g.nodes[u]!.name);
    // Score: how far behind (full at 0.4 along evolution) and how much technology it holds back (full at 3).
    const score = 0.6 * Math.min(1, lag / 0.4) + 0.4 * Math.min(1, tech.length / 3);
    out.push(
      makeFinding(
        'misalignment',
        'misalignment/practice-lag',
        [c.name, ...names],
        score,
        `${c.name} lags the technology it ${relation}`,
        `${c.name} (a ${c.kind}, at ${evo(c.maturity)}) is ${along(lag)} behind the technology it ${relation} ` +
          `(${names.join(', ')}; on average at ${evo(mean)}): practices must co-evolve with what they govern.`,
      ),
    );
  }
  return out;
}
