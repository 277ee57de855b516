// The value chain as a graph the analyses share: nodes are the map's components (evolved copies
// excluded), edges are dependencies and flows (A->B: A needs B). Links from an adversary
// (`actor-against`) are not dependencies to serve: they are kept apart as threats.
import type { Component, MapModel } from '../model/model.js';

export interface ValueChain {
  readonly nodes: readonly Component[];
  readonly index: ReadonlyMap<string, number>;
  /** What each node needs (outgoing edges), without duplicates or self-links. */
  readonly needs: readonly (readonly number[])[];
  /** What needs each node (incoming edges). */
  readonly neededBy: readonly (readonly number[])[];
  /** How many nodes depend on each node, directly or through paths (cycles counted once). */
  readonly dependentCount: readonly number[];
  /** Whether a user (an anchor or an inferred user) depends on each node, directly or through paths. */
  readonly servesUser: readonly boolean[];
  /** Where each node's evolve arrow takes it, or null. */
  readonly evolveTo: readonly (number | null)[];
  /** Links from an adversary: what it targets, by node. */
  readonly threats: readonly (readonly [number, number])[];
}

/** True for the kinds that are practices or organisational capabilities rather than technology. */
export function isPractice(c: Component): boolean {
  return c.kind === 'practice' || c.kind === 'capability';
}

/**
 * True for a component of the value chain that meets needs (not a user, a need, an adversary or a pipeline's class).
 */
export function isSupply(c: Component): boolean {
  return c.role === 'supply';
}

export function buildValueChain(model: MapModel): ValueChain {
  const nodes: Component[] = [];
  const index = new Map<string, number>();
  for (const c of model.components) {
    if (c.type === 'evolved' || index.has(c.key)) continue;
    index.set(c.key, nodes.length);
    nodes.push(c);
  }
  const n = nodes.length;
  const needSets: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const threats: [number, number][] = [];
  for (const l of model.links) {
    const a = index.get(l.from);
    const b = index.get(l.to);
    if (a === undefined || b === undefined || a === b) continue;
    if (nodes[a]!.role === 'actor-against') {
      threats.push([a, b]);
      continue;
    }
    // A flow A+<B runs from B to A; both still tie A and B in one chain, drawn the same way.
    needSets[a]!.add(b);
  }
  const needs = needSets.map((s) => [...s]);
  const neededBy: number[][] = Array.from({ length: n }, () => []);
  needs.forEach((out, a) => {
    for (const b of out) neededBy[b]!.push(a);
  });
  const users = nodes.map((c, i) => (c.role === 'user' ? i : -1)).filter((i) => i >= 0);
  return {
    nodes,
    index,
    needs,
    neededBy,
    dependentCount: countDependents(n, needs, neededBy),
    servesUser: reachedFrom(n, users, needs),
    evolveTo: nodes.map((c) => c.evolveTo),
    threats,
  };
}

/** Which nodes can be reached from `starts` along `edges` (a start only if a path leads back to it). */
function reachedFrom(n: number, starts: readonly number[], edges: readonly (readonly number[])[]): boolean[] {
  const seen = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  for (const s of starts)
    for (const w of edges[s]!)
      if (!seen[w]) {
        seen[w] = true;
        stack.push(w);
      }
  while (stack.length) {
    const v = stack.pop()!;
    for (const w of edges[v]!)
      if (!seen[w]) {
        seen[w] = true;
        stack.push(w);
      }
  }
  return seen;
}

/** Above this many components that need something, dependents are counted up to DEPENDENTS_CAP. */
const EXACT_LIMIT = 8192;
/** The most dependents counted on a map too large to count them exactly. */
export const DEPENDENTS_CAP = 2048;

/**
 * For every node, how many others reach it through `neededBy` edges (its dependents). A
 * dependent needs something, so only nodes with an outgoing edge are counted. Up to EXACT_LIMIT
 * of those, exactly: strongly connected components are collapsed (Tarjan) and the sets of
 * dependents unioned as bitsets in topological order (at most 8 MB). Beyond, each node's
 * dependents are walked up to DEPENDENTS_CAP: time and memory stay linear in the map's size.
 */
export function countDependents(
  n: number,
  needs: readonly (readonly number[])[],
  up: readonly (readonly number[])[],
): number[] {
  const bit = new Int32Array(n).fill(-1);
  let bits = 0;
  for (let v = 0; v < n; v++) if (needs[v]!.length > 0) bit[v] = bits++;
  const counts = new Array<number>(n).fill(0);
  if (bits === 0) return counts;
  if (bits > EXACT_LIMIT) return cappedDependents(n, up, stronglyConnected(n, up).comp);
  const { comp, order } = stronglyConnected(n, up);
  const words = (bits + 31) >>> 5;
  const reach: (Uint32Array | null)[] = new Array(order.length).fill(null);
  // Tarjan closes an SCC only after every SCC it reaches: process in closing order.
  for (let c = 0; c < order.length; c++) {
    let set: Uint32Array | null = null;
    for (const v of order[c]!) {
      if (bit[v]! >= 0) {
        set ??= new Uint32Array(words);
        set[bit[v]! >>> 5]! |= 1 << (bit[v]! & 31);
      }
      for (const w of up[v]!) {
        const other = reach[comp[w]!];
        if (comp[w] === c || !other) continue;
        set ??= new Uint32Array(words);
        for (let k = 0; k < words; k++) set[k]! |= other[k]!;
      }
    }
    reach[c] = set;
  }
  for (let v = 0; v < n; v++) {
    const set = reach[comp[v]!];
    if (!set) continue;
    let total = 0;
    for (let k = 0; k < words; k++) total += popcount(set[k]!);
    counts[v] = total - (bit[v]! >= 0 ? 1 : 0); // not itself
  }
  return counts;
}

/**
 * The strongly connected components of the graph `edges` (Tarjan, iterative so deep chains do not
 * overflow the call stack): each node's component, and the components in the order Tarjan closes
 * them (every component after those it reaches).
 */
function stronglyConnected(n: number, up: readonly (readonly number[])[]): { comp: Int32Array; order: number[][] } {
  const comp = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const num = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const order: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (num[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    num[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const top = work[work.length - 1]!;
      const v = top[0];
      const edges = up[v]!;
      if (top[1] < edges.length) {
        const w = edges[top[1]++]!;
        if (num[w] === -1) {
          num[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, num[w]!);
      } else {
        work.pop();
        if (work.length) {
          const p = work[work.length - 1]![0];
          low[p] = Math.min(low[p]!, low[v]!);
        }
        if (low[v] === num[v]) {
          const members: number[] = [];
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = 0;
            comp[w] = order.length;
            members.push(w);
          } while (w !== v);
          order.push(members);
        }
      }
    }
  }
  return { comp, order };
}

/**
 * Dependents walked breadth-first from each node, up to DEPENDENTS_CAP. A node with exactly one
 * dependent directly (a chain, a tree: the common shapes) has that one's count plus one, so runs
 * of such nodes are counted in one pass upwards instead of one walk each. Not inside a cycle
 * (`comp`, the strongly connected components): there a node's dependent also depends on it.
 */
export function cappedDependents(
  n: number,
  up: readonly (readonly number[])[],
  comp = stronglyConnected(n, up).comp,
): number[] {
  const counts = new Array<number>(n).fill(-1);
  const mark = new Int32Array(n).fill(-1);
  const queue = new Int32Array(DEPENDENTS_CAP + 1);
  const walk = (v: number): number => {
    let head = 0;
    let tail = 0;
    mark[v] = v;
    queue[tail++] = v;
    let found = 0;
    while (head < tail && found < DEPENDENTS_CAP) {
      for (const w of up[queue[head++]!]!) {
        if (mark[w] === v) continue;
        mark[w] = v;
        found++;
        if (tail <= DEPENDENTS_CAP) queue[tail++] = w;
        if (found >= DEPENDENTS_CAP) break;
      }
    }
    return found;
  };
  const IN_PROGRESS = -2; // on the current path: never met again on it, as the path leaves no cycle
  const path: number[] = [];
  for (let v = 0; v < n; v++) {
    if (counts[v]! >= 0) continue;
    path.length = 0;
    let u = v;
    while (counts[u] === -1 && up[u]!.length === 1 && comp[u] !== comp[up[u]![0]!]) {
      counts[u] = IN_PROGRESS;
      path.push(u);
      u = up[u]![0]!;
    }
    let base = counts[u]! >= 0 ? counts[u]! : (counts[u] = walk(u));
    for (let i = path.length - 1; i >= 0; i--) counts[path[i]!] = base = Math.min(DEPENDENTS_CAP, base + 1);
  }
  return counts;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
