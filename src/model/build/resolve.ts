// Pass 2, resolve names: every name written in a statement is matched with the component it
// names. Duplicate names, legacy method lines, pipelines and their owners, evolve lines and the
// evolved copies they make.
import { cleanName, nameKey } from '../../lang/names.js';
import type { Evolve } from '../model.js';
import { stageOf } from '../stages.js';
import type { BuildContext } from './context.js';
import type { Declared } from './declare.js';
import type { DraftComponent } from './drafts.js';
import { applyDecorators, UNPOSITIONED, type Decorations } from './modifiers.js';

export interface Resolved {
  /** Components by key: the first declared of each name (evolved copies are not in it). */
  readonly byKey: ReadonlyMap<string, DraftComponent>;
  /** The keys of evolved copies. */
  readonly evolvedKeys: ReadonlySet<string>;
  readonly evolves: Evolve[];
  /** Names declared more than once (as written the first time). */
  readonly duplicates: string[];
}

export function resolve(ctx: BuildContext, d: Declared): Resolved {
  const byKey = new Map<string, DraftComponent>();
  const duplicates: string[] = [];
  for (const c of d.components) {
    const first = byKey.get(c.key);
    if (first === undefined) {
      byKey.set(c.key, c);
      continue;
    }
    if (!duplicates.includes(first.name)) duplicates.push(first.name);
    ctx.warnAt(
      c.nameLoc,
      `duplicate component name '${c.name}' (first on line ${first.line}): links to it are ambiguous`,
      { code: 'duplicate-name' },
    );
  }

  for (const lm of d.legacyMethods) {
    const c = byKey.get(nameKey(lm.name.text));
    if (c) c.method = lm.method;
    else
      ctx.warn(lm.i, lm.name, `'${lm.name.text}' is not a component of this map`, {
        code: 'unknown-name',
      });
  }

  resolvePipelines(ctx, d, byKey);
  const { evolves, evolvedKeys } = resolveEvolves(ctx, d, byKey);
  return { byKey, evolvedKeys, evolves, duplicates };
}

/** A pipeline sits at its owner's visibility and spans its children unless it gives an extent. */
function resolvePipelines(ctx: BuildContext, d: Declared, byKey: ReadonlyMap<string, DraftComponent>): void {
  const visibilityOf = new Map<string, number>();
  for (const p of d.pipelines) {
    const owner = byKey.get(nameKey(p.name));
    if (owner) p.visibility = owner.visibility;
    else {
      p.visibility = UNPOSITIONED.visibility;
      ctx.warnAt(p.loc, `pipeline '${p.name}' has no component of that name to belong to`, {
        code: 'ownerless-pipeline',
      });
    }
    if (!visibilityOf.has(p.name)) visibilityOf.set(p.name, p.visibility);
    if (Number.isNaN(p.maturity1)) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const n of p.children) {
        const m = byKey.get(nameKey(n))?.maturity;
        if (m !== undefined) {
          lo = Math.min(lo, m);
          hi = Math.max(hi, m);
        }
      }
      p.maturity1 = lo <= hi ? lo : (owner?.maturity ?? 0);
      p.maturity2 = lo <= hi ? hi : (owner?.maturity ?? 0);
    }
  }
  // Children written [maturity] sit at their pipeline's visibility (its owner may come after the block).
  for (const c of d.components) {
    if (Number.isNaN(c.visibility) && c.parent !== null)
      c.visibility = visibilityOf.get(c.parent) ?? UNPOSITIONED.visibility;
  }
}

/** The evolved copy an `evolve` line draws: the source at the target, with the line's own decorations. */
function evolvedCopy(
  ctx: BuildContext,
  d: Declared,
  e: Declared['evolves'][number],
  source: DraftComponent,
  newName: string | null,
): DraftComponent {
  const lineEnd = ctx.doc.lines[e.i]!.length;
  const nameNode = e.newName ?? e.name;
  const evolved: DraftComponent = {
    ...source,
    name: newName ?? source.name,
    key: nameKey(newName ?? source.name),
    type: 'evolved',
    maturity: e.target,
    stage: stageOf(e.target),
    evolveTo: null,
    inertia: false,
    label: null,
    parent: source.key,
    line: e.i + 1,
    loc: ctx.span(e.i, 0, lineEnd),
    nameLoc: ctx.span(e.i, nameNode.start, nameNode.end),
  };
  const decorations: Decorations = {
    method: source.method,
    market: source.market,
    ecosystem: source.ecosystem,
    inertia: false,
    kind: d.declaredKinds.get(source) ?? null,
    cost: source.cost,
  };
  for (const m of e.mods) {
    if (m.type === 'label' && m.list.numbers.length === 2)
      evolved.label = { x: m.list.numbers[0]!.value, y: m.list.numbers[1]!.value };
    if (m.type === 'inertia') decorations.inertia = true;
    if (m.type === 'decorators') {
      decorations.method = null;
      applyDecorators(ctx, e.i, m.words, decorations);
    }
  }
  evolved.method = decorations.method;
  evolved.market = decorations.market;
  evolved.ecosystem = decorations.ecosystem;
  evolved.inertia = decorations.inertia;
  if (decorations.kind) d.declaredKinds.set(evolved, decorations.kind);
  evolved.cost = decorations.cost;
  return evolved;
}

/** Each evolve line marks its component's target and adds the evolved copy drawn there. */
function resolveEvolves(
  ctx: BuildContext,
  d: Declared,
  byKey: ReadonlyMap<string, DraftComponent>,
): { evolves: Evolve[]; evolvedKeys: Set<string> } {
  const evolves: Evolve[] = [];
  const evolvedKeys = new Set<string>();
  for (const e of d.evolves) {
    const key = nameKey(e.name.text);
    const newName = e.newName ? cleanName(e.newName.text) : null;
    const lineEnd = ctx.doc.lines[e.i]!.length;
    evolves.push({
      name: key,
      to: e.target,
      newName: newName === null ? null : nameKey(newName),
      line: e.i + 1,
      loc: ctx.span(e.i, 0, lineEnd),
    });
    const source = byKey.get(key);
    if (!source) {
      ctx.warn(e.i, e.name, `evolve of '${e.name.text}', which is not a component of this map`, {
        code: 'unknown-name',
      });
      continue;
    }
    source.evolveTo = e.target;
    if (e.target < source.maturity) {
      ctx.warn(
        e.i,
        { start: e.targetStart, end: e.targetEnd },
        `evolve target ${e.target} is behind '${source.name}' (at ${source.maturity}): evolution moves right (a ` +
          `new form of it is better drawn as a component of its own)`,
        { code: 'evolve-back' },
      );
    }
    const evolved = evolvedCopy(ctx, d, e, source, newName);
    if (newName !== null && byKey.has(evolved.key)) {
      ctx.warn(e.i, e.newName!, `the evolved name '${newName}' is already a component of this map`, {
        code: 'duplicate-name',
      });
    }
    d.components.push(evolved);
    evolvedKeys.add(evolved.key);
  }
  return { evolves, evolvedKeys };
}
