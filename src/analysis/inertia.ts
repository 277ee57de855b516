// Inertia: resistance to change born of past success. Declared (`inertia`) where change is due,
// and likely but undeclared: a product or commodity incumbent that much rests on, facing a
// substitute. Each names the kind of inertia the map suggests.
import { wordsOf } from '../model/infer.js';
import type { Component } from '../model/model.js';
import { STAGE_BOUNDARIES, stageIndex } from '../model/stages.js';
import type { Finding } from './finding.js';
import { along, evo, makeFinding } from './finding.js';
import { isPractice, type ValueChain } from './graph.js';
import type { AnalysisOptions } from './options.js';
import type { Substitution } from './substitution.js';

const REGULATION = new Set([
  'regulation',
  'regulations',
  'regulatory',
  'compliance',
  'law',
  'laws',
  'legislation',
  'licence',
  'license',
  'licensing',
  'standard',
  'standards',
  'certification',
]);

/** The kind of inertia a component's place on the map suggests (Wardley's sources of inertia). */
export function inertiaKind(c: Component, dependents: number): string {
  if (wordsOf(c.name).some((w) => REGULATION.has(w))) return 'regulation';
  if (isPractice(c)) return 'skills and culture';
  if (c.method === 'buy' || c.method === 'outsource') return 'contracts and suppliers';
  if (c.method === 'build' || dependents >= 3) return 'sunk capital';
  return 'past success';
}

export function inertiaFindings(
  g: ValueChain,
  o: AnalysisOptions['inertia'],
  window: number,
  subs: readonly Substitution[],
): Finding[] {
  const out: Finding[] = [];
  const displacedBy = new Map<number, Substitution>();
  for (const s of subs) if (!displacedBy.has(s.incumbent)) displacedBy.set(s.incumbent, s);
  const n = g.nodes.length;
  for (let v = 0; v < n; v++) {
    const c = g.nodes[v]!;
    // Users, needs, adversaries and pipeline classes are not sourced (nor carry a supply's inertia).
    if (c.role !== 'supply') continue;
    const deps = g.dependentCount[v]!;
    const sub = displacedBy.get(v);
    const kind = inertiaKind(c, deps);
    if (c.inertia) {
      const to = g.evolveTo[v];
      const boundary = STAGE_BOUNDARIES.find((b) => b > c.maturity);
      const why =
        to !== null && to !== undefined && to > c.maturity
          ? `its evolve arrow says it must move to ${evo(to)}`
          : sub
            ? 'a new form of it is on the map'
            : boundary !== undefined && boundary - c.maturity <= window * 2
              ? `it is within ${along(boundary - c.maturity)} of the next stage`
              : null;
      if (why === null) continue;
      out.push(
        makeFinding(
          'inertia',
          'inertia/declared',
          [c.name],
          0.3 + 0.6 * Math.min(1, (deps / Math.max(1, n - 1)) * 2),
          `${c.name} resists a change that is due`,
          `${c.name} carries inertia (most likely ${kind}) but ${why}; ${deps} ` +
            `component${deps === 1 ? '' : 's'} depend${deps === 1 ? 's' : ''} on it.`,
        ),
      );
    } else if (sub && stageIndex(c.stage) >= 2 && deps >= o.minDependents) {
      out.push(
        makeFinding(
          'inertia',
          'inertia/likely',
          [c.name],
          0.35 + 0.4 * Math.min(1, Math.sqrt(deps / Math.max(1, n - 1)) * 1.5),
          `${c.name} is likely to resist its substitute`,
          `${c.name} is an established ${c.stage === 'commodity' ? 'commodity' : 'product'} that ${deps} ` +
            `components rest on, and a new form of it is on the map: expect inertia from ${kind}, though the ` +
            `map does not mark it.`,
        ),
      );
    }
  }
  return out;
}
