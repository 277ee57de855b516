// Critical paths: the chains of not-yet-evolved technical components that the user need rests on.
import type { Finding } from './finding.js';
import { evo, fmt, makeFinding } from './finding.js';
import { isPractice, type ValueChain } from './graph.js';
import type { AnalysisOptions } from './options.js';

/**
 * From each component an anchor needs (or, in a map without anchors, each component nothing
 * needs), follow the riskiest chain of technical components below `maxMaturity` down to its
 * foundation. A component's risk is `riskWeight * (1 - maturity)`; a chain's score is the
 * chance that at least one link fails, `1 - prod(1 - risk)`. One path is taken per branch
 * below the start, so parallel chains (DataOps, MLOps) are reported side by side.
 */
export function criticalPaths(g: ValueChain, o: AnalysisOptions['criticalPaths']): Finding[] {
  const n = g.nodes.length;
  const risky = g.nodes.map((c) => c.type !== 'anchor' && !isPractice(c) && c.maturity < o.maxMaturity);
  const risk = g.nodes.map((c) => o.riskWeight * (1 - Math.min(1, Math.max(0, c.maturity))));
  // best[v]: the lowest product of (1 - risk) over chains starting at v and its next node.
  const best = new Float64Array(n).fill(NaN);
  const next = new Int32Array(n).fill(-1);
  const state = new Uint8Array(n); // 0 new, 1 on the current path (a cycle), 2 done
  const solve = (root: number): void => {
    const work: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (work.length) {
      const top = work[work.length - 1]!;
      const v = top[0];
      const out = g.needs[v]!;
      if (top[1] < out.length) {
        const w = out[top[1]++]!;
        if (risky[w] && state[w] === 0) { state[w] = 1; work.push([w, 0]); }
        continue;
      }
      let bestChild = 1;
      let bestNext = -1;
      for (const w of out) {
        if (!risky[w] || state[w] !== 2) continue;
        if (best[w]! < bestChild || (best[w] === bestChild && bestNext >= 0 && g.nodes[w]!.name < g.nodes[bestNext]!.name)) { bestChild = best[w]!; bestNext = w; }
      }
      best[v] = (1 - risk[v]!) * bestChild;
      next[v] = bestNext;
      state[v] = 2;
      work.pop();
    }
  };
  for (let v = 0; v < n; v++) if (risky[v] && state[v] === 0) solve(v);

  const anchors = g.nodes.map((c, i) => (c.type === 'anchor' ? i : -1)).filter((i) => i >= 0);
  const tops = anchors.length ? anchors : g.nodes.map((_, i) => i).filter((i) => g.neededBy[i]!.length === 0 && g.needs[i]!.length > 0);
  const starts = new Set<number>();
  for (const t of tops) {
    if (risky[t]) starts.add(t);
    for (const s of g.needs[t]!) if (risky[s]) starts.add(s);
  }
  const seen = new Set<string>();
  const paths: { nodes: number[]; score: number; from: number | null }[] = [];
  for (const s of starts) {
    const branches = g.needs[s]!.filter((w) => risky[w]);
    const heads = branches.length ? branches : [-1];
    for (const h of heads) {
      const chain = [s];
      for (let v = h; v >= 0 && !chain.includes(v); v = next[v]!) chain.push(v);
      const product = chain.reduce((p, v) => p * (1 - risk[v]!), 1);
      const key = chain.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      const from = tops.find((t) => g.needs[t]!.includes(s)) ?? null;
      paths.push({ nodes: chain, score: 1 - product, from });
    }
  }
  paths.sort((a, b) => b.score - a.score || a.nodes.map((v) => g.nodes[v]!.name).join('>').localeCompare(b.nodes.map((v) => g.nodes[v]!.name).join('>')));
  return paths
    .filter((p) => p.score >= o.minScore && p.nodes.length >= 2)
    .slice(0, o.max)
    .map((p) => {
      const flow = [...p.nodes].reverse().map((v) => g.nodes[v]!);
      const user = p.from !== null ? g.nodes[p.from]!.name : 'the top of the map';
      const steps = flow.map((c) => `${c.name} (${evo(c.maturity)})`);
      return makeFinding('critical-path', 'critical-path/risk-chain', flow.map((c) => c.name), p.score,
        `Critical path from ${flow[0]!.name} up to ${flow[flow.length - 1]!.name}`,
        `${user} rests on a chain of ${flow.length} components not yet past the middle of Product (${evo(o.maxMaturity)}): ${steps.join(', then ')}. Any of them can still fail the need; the chance that one does gives the chain a risk score ${fmt(p.score)} of 1.`);
    });
}
