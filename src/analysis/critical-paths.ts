// Critical paths: the chains of not-yet-evolved technical components that a user need rests on.
import type { Finding } from './finding.js';
import { evo, fmt, makeFinding } from './finding.js';
import { isPractice, type ValueChain } from './graph.js';
import type { AnalysisOptions } from './options.js';

/**
 * From each supply component a user (or a user's need) depends on, follow the riskiest chain of
 * technical supply components below `maxMaturity` down to its foundation. A component's risk is
 * `riskWeight * (1 - maturity)^2`; a chain's score is the chance that at least one link fails,
 * `1 - prod(1 - risk)`. One path is taken per branch below the start, so parallel chains (DataOps,
 * MLOps) are reported side by side; a path that is a part of another reported path is not. A
 * single component is a path when its own risk reaches `minScore` (a need resting on genesis).
 */
export function criticalPaths(g: ValueChain, o: AnalysisOptions['criticalPaths']): Finding[] {
  const n = g.nodes.length;
  const risky = g.nodes.map((c) => c.role === 'supply' && !isPractice(c) && c.maturity < o.maxMaturity);
  const risk = g.nodes.map((c) => o.riskWeight * (1 - Math.min(1, Math.max(0, c.maturity))) ** 2);
  // best[v]: the lowest product of (1 - risk) over chains from v down; next[v]: its next node.
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
        if (risky[w] && state[w] === 0) {
          state[w] = 1;
          work.push([w, 0]);
        }
        continue;
      }
      let bestChild = 1;
      let bestNext = -1;
      for (const w of out) {
        if (!risky[w] || state[w] !== 2) continue;
        if (
          best[w]! < bestChild ||
          (best[w] === bestChild && bestNext >= 0 && g.nodes[w]!.name < g.nodes[bestNext]!.name)
        ) {
          bestChild = best[w]!;
          bestNext = w;
        }
      }
      best[v] = (1 - risk[v]!) * bestChild;
      next[v] = bestNext;
      state[v] = 2;
      work.pop();
    }
  };
  for (let v = 0; v < n; v++) if (risky[v] && state[v] === 0) solve(v);

  // Where value enters the chain: what users and their needs depend on.
  const tops: number[] = [];
  for (let v = 0; v < n; v++) if (g.nodes[v]!.role === 'user' || g.nodes[v]!.role === 'need') tops.push(v);
  const starts = new Map<number, number>(); // start -> the top it serves
  for (const t of tops) for (const s of g.needs[t]!) if (risky[s] && !starts.has(s)) starts.set(s, t);

  const candidates: { nodes: number[]; score: number; from: number }[] = [];
  for (const [s, from] of starts) {
    const branches = g.needs[s]!.filter((w) => risky[w]);
    for (const h of branches.length ? branches : [-1]) {
      const chain = [s];
      for (let v = h; v >= 0 && !chain.includes(v); v = next[v]!) chain.push(v);
      // A chain of one counts only when that one is risky enough alone (genesis, in practice).
      if (chain.length < 2 && risk[s]! < o.minScore) continue;
      candidates.push({ nodes: chain, score: 1 - chain.reduce((p, v) => p * (1 - risk[v]!), 1), from });
    }
  }
  // No path that is a part (a prefix or any run) of another: the longer ones are kept first.
  const key = (p: { nodes: number[] }) => `,${p.nodes.join(',')},`;
  candidates.sort((a, b) => b.nodes.length - a.nodes.length || b.score - a.score || key(a).localeCompare(key(b)));
  const kept: typeof candidates = [];
  for (const p of candidates) if (!kept.some((k) => key(k).includes(key(p)))) kept.push(p);
  kept.sort((a, b) => b.score - a.score || key(a).localeCompare(key(b)));
  return kept
    .filter((p) => p.score >= o.minScore)
    .slice(0, o.max)
    .map((p) => {
      const flow = [...p.nodes].reverse().map((v) => g.nodes[v]!);
      const user = g.nodes[p.from]!.name;
      const steps = flow.map((c) => `${c.name} (${evo(c.maturity)})`);
      // The finding's score spreads the reported range [minScore, 1] of chain risk over the
      // severities: a chain just past minScore is one to watch (low), one almost sure to fail some
      // link, to act on now (high).
      const severity = 0.2 + (0.8 * (p.score - o.minScore)) / (1 - o.minScore);
      return makeFinding(
        'critical-path',
        'critical-path/risk-chain',
        flow.map((c) => c.name),
        severity,
        `Critical path from ${flow[0]!.name} up to ${flow[flow.length - 1]!.name}`,
        `${user} rests on a chain of ${flow.length} components not yet past the middle of Product ` +
          `(${evo(o.maxMaturity)}): ${steps.join(', then ')}. Any of them can still fail the need: the chance ` +
          `that one does is ${fmt(p.score)} of 1.`,
      );
    });
}
