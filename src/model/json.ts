// The model as plain JSON: the documented output of `mapwright parse --json` (see README).
import type { Diagnostic } from '../lang/syntax.js';
import type { MapModel } from './model.js';

/** A diagnostic as JSON: where, how bad, what, and the fix when there is one. */
export function diagnosticToJson(d: Diagnostic): unknown {
  return {
    severity: d.severity,
    line: d.line,
    column: d.column,
    message: d.message,
    ...(d.code !== undefined ? { code: d.code } : {}),
    ...(d.fix !== undefined ? { fix: d.fix } : {}),
  };
}

export function modelToJson(m: MapModel): unknown {
  return {
    title: m.title,
    components: m.components.map((c) => ({
      name: c.name,
      type: c.type,
      visibility: c.visibility,
      maturity: c.maturity,
      stage: c.stage,
      kind: c.kind,
      kindInferred: c.kindInferred,
      kindReason: c.kindReason,
      role: c.role,
      roleInferred: c.roleInferred,
      roleReason: c.roleReason,
      inertia: c.inertia,
      method: c.method,
      market: c.market,
      ecosystem: c.ecosystem,
      label: c.label,
      cost: c.cost,
      positioned: c.positioned,
      parent: c.parent,
      evolveTo: c.evolveTo,
      url: c.url,
      line: c.line,
    })),
    links: m.links.map((l) => ({
      from: l.from,
      to: l.to,
      flow: l.flow,
      direction: l.direction,
      label: l.label,
      context: l.context,
      line: l.line,
    })),
    evolves: m.evolves.map((e) => ({ name: e.name, to: e.to, newName: e.newName, line: e.line })),
    pipelines: m.pipelines.map((p) => ({
      name: p.name,
      visibility: p.visibility,
      maturity1: p.maturity1,
      maturity2: p.maturity2,
      children: p.children,
      line: p.line,
    })),
    notes: m.notes.map(({ loc: _loc, ...n }) => n),
    annotations: m.annotations.map(({ loc: _loc, ...a }) => a),
    attitudes: m.attitudes.map(({ loc: _loc, ...a }) => a),
    accelerators: m.accelerators.map(({ loc: _loc, ...a }) => a),
    urls: m.urls,
    presentation: m.presentation,
    diagnostics: m.diagnostics.map(diagnosticToJson),
    health: m.health,
  };
}
