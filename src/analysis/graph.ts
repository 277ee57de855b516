// The value chain as a graph the analyses share: nodes are the map's components (evolved copies
// excluded), edges are dependencies and flows (A->B: A needs B). Built once per model.
import type { Component, MapModel } from '../model/model.js';

export interface ValueChain {
  readonly nodes: readonly Component[]
  readonly index: ReadonlyMap<string, number>
  /** What each node needs (outgoing edges), without duplicates or self-links. */
  readonly needs: readonly (readonly number[])[]
  /** What needs each node (incoming edges). */
  readonly neededBy: readonly (readonly number[])[]
  /** How many nodes depend on each node, directly or through paths (cycles counted once). */
  readonly dependentCount: readonly number[]
  /** Where each node's evolve arrow takes it, or null. */
  readonly evolveTo: readonly (number | null)[]
}

/** True for the kinds that are practices or organisational capabilities rather than technology. */
export function isPractice(c: Component): boolean {
  return c.kind === 'practice' || c.kind === 'capability';
}

/** The shape of the last value chain built: components and links without positions. */
let lastShape: { keys: string[]; from: string[]; to: string[]; index: Map<string, number>; needs: number[][]; neededBy: number[][]; dependentCount: number[] } | null = null;

function sameShape(keys: readonly string[], links: MapModel['links']): boolean {
  const s = lastShape;
  if (!s || s.keys.length !== keys.length || s.from.length !== links.length) return false;
  for (let i = 0; i < keys.length; i++) if (s.keys[i] !== keys[i]) return false;
  for (let i = 0; i < links.length; i++) if (s.from[i] !== links[i]!.from || s.to[i] !== links[i]!.to) return false;
  return true;
}

export function buildValueChain(model: MapModel): ValueChain {
  const nodes: Component[] = [];
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const c of model.components) {
    if (c.type === 'evolved' || seen.has(c.key)) continue;
    seen.add(c.key);
    keys.push(c.key);
    nodes.push(c);
  }
  const evolveTo = nodes.map((c) => c.evolveTo);
  // Moving a component (every frame of a drag) changes positions, not who depends on whom: the
  // edges and the dependent counts of the same components and links are kept from last time.
  if (!sameShape(keys, model.links)) {
    const n = nodes.length;
    const index = new Map<string, number>();
    keys.forEach((k, i) => index.set(k, i));
    const needSets: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
    for (const l of model.links) {
      const a = index.get(l.from);
      const b = index.get(l.to);
      if (a === undefined || b === undefined || a === b) continue;
      // A flow A+<B runs from B to A; both still tie A and B in one chain, drawn the same way.
      needSets[a]!.add(b);
    }
    const needs = needSets.map((s) => [...s]);
    const neededBy: number[][] = Array.from({ length: n }, () => []);
    needs.forEach((out, a) => { for (const b of out) neededBy[b]!.push(a); });
    lastShape = { keys, from: model.links.map((l) => l.from), to: model.links.map((l) => l.to), index, needs, neededBy, dependentCount: countDependents(n, neededBy) };
  }
  const s = lastShape!;
  return { nodes, index: s.index, needs: s.needs, neededBy: s.neededBy, dependentCount: s.dependentCount, evolveTo };
}

/**
 * For every node, how many others reach it through `neededBy` edges. Strongly connected
 * components are collapsed (Tarjan), then reach sets are unioned as bitsets in topological
 * order: O(V + E) for the condensation and O(E * V / 32) for the unions.
 */
function countDependents(n: number, up: readonly (readonly number[])[]): number[] {
  const comp = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const num = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const order: number[][] = []; // SCCs in the order Tarjan closes them: every SCC after those it reaches
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (num[root] !== -1) continue;
    // Iterative Tarjan, so deep chains do not overflow the call stack.
    const work: [number, number][] = [[root, 0]];
    num[root] = low[root] = counter++;
    stack.push(root); onStack[root] = 1;
    while (work.length) {
      const top = work[work.length - 1]!;
      const v = top[0];
      const edges = up[v]!;
      if (top[1] < edges.length) {
        const w = edges[top[1]++]!;
        if (num[w] === -1) { num[w] = low[w] = counter++; stack.push(w); onStack[w] = 1; work.push([w, 0]); }
        else if (onStack[w]) low[v] = Math.min(low[v]!, num[w]!);
      } else {
        work.pop();
        if (work.length) { const p = work[work.length - 1]![0]; low[p] = Math.min(low[p]!, low[v]!); }
        if (low[v] === num[v]) {
          const members: number[] = [];
          let w: number;
          do { w = stack.pop()!; onStack[w] = 0; comp[w] = order.length; members.push(w); } while (w !== v);
          order.push(members);
        }
      }
    }
  }
  const words = (n + 31) >>> 5;
  const reach: Uint32Array[] = order.map(() => new Uint32Array(words));
  // Tarjan closes an SCC only after every SCC it reaches: process in closing order.
  for (let c = 0; c < order.length; c++) {
    const bits = reach[c]!;
    for (const v of order[c]!) {
      bits[v >>> 5]! |= 1 << (v & 31);
      for (const w of up[v]!) {
        const cw = comp[w]!;
        if (cw === c) continue;
        const other = reach[cw]!;
        for (let k = 0; k < words; k++) bits[k]! |= other[k]!;
      }
    }
  }
  const counts = new Array<number>(n);
  for (let v = 0; v < n; v++) {
    const bits = reach[comp[v]!]!;
    let total = 0;
    for (let k = 0; k < words; k++) total += popcount(bits[k]!);
    counts[v] = total - 1; // not itself
  }
  return counts;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
