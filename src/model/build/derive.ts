// Pass 3, derive: what the map implies but does not write. Each component's kind and role (see
// ../infer.ts); evolved copies take their source's role, and its kind unless they declare one.
import { nameKey } from '../../lang/names.js';
import { inferKind, inferRoles, kindOfLabels } from '../infer.js';
import type { Component } from '../model.js';
import type { Declared } from './declare.js';
import type { DraftComponent } from './drafts.js';

export function derive(d: Declared): Component[] {
  const mapKind = kindOfLabels(d.presentation.evolutionLabels);
  const needs = new Map<string, string[]>();
  for (const l of d.links) {
    const list = needs.get(l.from);
    if (list) list.push(l.to);
    else needs.set(l.from, [l.to]);
  }
  const sources: DraftComponent[] = [];
  const bySource = new Map<string, DraftComponent>();
  for (const c of d.components) {
    if (c.type === 'evolved') continue;
    sources.push(c);
    if (!bySource.has(c.key)) bySource.set(c.key, c);
  }
  const moved = new Set(d.evolves.map((e) => nameKey(e.name.text)));
  const roleInputs = sources.map((c) => ({
    key: c.key,
    name: c.name,
    type: c.type,
    visibility: c.visibility,
    sourced: c.method !== null || c.inertia || moved.has(c.key),
  }));
  const roles = inferRoles({
    components: roleInputs,
    pipelines: new Set(d.pipelines.map((p) => nameKey(p.name))),
    needs,
  });
  for (const c of d.components) {
    const source = c.type === 'evolved' && c.parent !== null ? (bySource.get(c.parent) ?? c) : c;
    const kind = inferKind(source.name, d.declaredKinds.get(c) ?? d.declaredKinds.get(source) ?? null, mapKind);
    c.kind = kind.value;
    c.kindInferred = kind.inferred;
    c.kindReason = kind.reason;
    const role = roles.get(source.key);
    if (role) {
      c.role = role.value;
      c.roleInferred = role.inferred;
      c.roleReason = role.reason;
    } else c.roleReason = SUPPLY_REASON;
  }
  return d.components;
}

const SUPPLY_REASON = 'the default: part of the value chain';
