// Substitution: a new form meets the same need as an old one. The incumbent form, and whoever
// built on it, carries the risk; the new form is the opportunity. Four signs a map can show.
import type { MapModel } from '../model/model.js';
import { wordsOf } from '../model/infer.js';
import { STAGE_LABELS, stageIndex, stageOf } from '../model/stages.js';
import type { Finding } from './finding.js';
import { evo, makeFinding } from './finding.js';
import type { ValueChain } from './graph.js';

/** Head nouns too general to say two components are forms of one thing. */
const GENERIC_HEADS = new Set(
  `management system systems platform platforms service services process processes data tool tools tooling
  app apps application applications team teams support layer model models api apis infrastructure software operations
  ops policy
  policies review design workflow workflows strategy programme program project projects`
    .split(/\s+/)
    .filter(Boolean),
);

/** A compound head (`lakehouse`) counts as a form of a head (`lake`) it starts with of at least this many letters. */
const MIN_COMPOUND = 4;

/** One substitution: the incumbent form (a node) and what displaces it. */
export interface Substitution {
  readonly rule:
    | 'substitution/renamed-evolve'
    | 'substitution/new-genesis-form'
    | 'substitution/pipeline-forms'
    | 'substitution/parallel-forms';
  readonly incumbent: number;
  /** The new forms (nodes; a renamed evolve's new form is not a node and is named in `newName`). */
  readonly forms: readonly number[];
  readonly newName: string | null;
}

/** The substitutions a map shows, in a stable order. */
export function findSubstitutions(g: ValueChain, model: MapModel): Substitution[] {
  const out: Substitution[] = [];
  const n = g.nodes.length;
  // `evolve X->Y 0.8`: X evolves into a new form with a new name.
  for (const e of model.evolves) {
    const v = g.index.get(e.name);
    if (v === undefined) continue;
    const c = g.nodes[v]!;
    if (e.newName !== null && e.newName !== c.key)
      out.push({ rule: 'substitution/renamed-evolve', incumbent: v, forms: [], newName: e.newName });
    else if (e.to < c.maturity - 0.05)
      out.push({ rule: 'substitution/new-genesis-form', incumbent: v, forms: [], newName: null });
  }
  // A pipeline's forms spread across stages: the form the map depends on most is the incumbent.
  for (const p of model.pipelines) {
    const forms = p.children.map((name) => g.index.get(name)).filter((v): v is number => v !== undefined);
    if (new Set(forms.map((v) => g.nodes[v]!.stage)).size < 2) continue;
    const incumbent = [...forms].sort(
      (a, b) => g.dependentCount[b]! - g.dependentCount[a]! || g.nodes[b]!.maturity - g.nodes[a]!.maturity,
    )[0]!;
    out.push({
      rule: 'substitution/pipeline-forms',
      incumbent,
      forms: forms.filter((v) => v !== incumbent),
      newName: null,
    });
  }
  // Two forms of one thing serving the same components at different stages: names with the same
  // head noun (`Classic Crypto`, `Post-Quantum Crypto`), or one head a compound of the other
  // (`Data Lake`, `Lakehouse`). Generic heads (`management`, `platform`) say nothing of the form.
  const heads = new Map<string, number[]>();
  const headOf: (string | undefined)[] = [];
  for (let v = 0; v < n; v++) {
    const c = g.nodes[v]!;
    if (c.role !== 'supply' || c.type === 'pipeline-child' || g.neededBy[v]!.length === 0) continue;
    const head = wordsOf(c.name).at(-1);
    if (head === undefined || GENERIC_HEADS.has(head)) continue;
    headOf[v] = head;
    let list = heads.get(head);
    if (!list) heads.set(head, (list = []));
    list.push(v);
  }
  const pairs: [number, number][] = [];
  for (const group of heads.values())
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) pairs.push([group[i]!, group[j]!]);
  for (let v = 0; v < n; v++) {
    const head = headOf[v];
    if (head === undefined) continue;
    for (let k = MIN_COMPOUND; k <= head.length - MIN_COMPOUND; k++)
      for (const w of heads.get(head.slice(0, k)) ?? []) pairs.push([w, v]);
  }
  for (const [a, b] of pairs) {
    const [x, y] = [g.nodes[a]!, g.nodes[b]!];
    if (x.stage === y.stage || x.kind !== y.kind) continue;
    const users = new Set(g.neededBy[a]);
    if (!g.neededBy[b]!.some((u) => users.has(u))) continue;
    // The incumbent is what more of the map rests on (on a tie, the more evolved one).
    const bFirst =
      g.dependentCount[b]! > g.dependentCount[a]! ||
      (g.dependentCount[b] === g.dependentCount[a] && y.maturity > x.maturity);
    const [incumbent, form] = bFirst ? [b, a] : [a, b];
    out.push({ rule: 'substitution/parallel-forms', incumbent, forms: [form], newName: null });
  }
  return out;
}

export function substitutionFindings(g: ValueChain, subs: readonly Substitution[]): Finding[] {
  return subs.map((s) => {
    const old = g.nodes[s.incumbent]!;
    const deps = g.dependentCount[s.incumbent]!;
    const exposure = Math.min(1, Math.sqrt(deps / Math.max(1, g.nodes.length - 1)) * 1.5);
    const score = 0.35 + 0.4 * exposure + (g.servesUser[s.incumbent] ? 0.1 : 0);
    const forms = s.forms.map((v) => g.nodes[v]!);
    const rest =
      `${deps} component${deps === 1 ? '' : 's'} rest${deps === 1 ? 's' : ''} on ${old.name} as it ` +
      `is today: they carry the risk; the new form is the opportunity.`;
    switch (s.rule) {
      case 'substitution/renamed-evolve':
        return makeFinding(
          'substitution',
          s.rule,
          [old.name, s.newName!],
          score,
          `${s.newName} is set to replace ${old.name}`,
          `The map evolves ${old.name} (${STAGE_LABELS[old.stage]}, ${evo(old.maturity)}) into a new form, ` +
            `${s.newName}, at ${evo(old.evolveTo ?? old.maturity)}. ${rest}`,
        );
      case 'substitution/new-genesis-form':
        return makeFinding(
          'substitution',
          s.rule,
          [old.name],
          score,
          `A new form of ${old.name} is emerging`,
          `${old.name}'s evolve arrow points left, to ${evo(old.evolveTo ?? old.maturity)} ` +
            `(${STAGE_LABELS[stageOf(old.evolveTo ?? old.maturity)]}): a new, uncertain form of it. ${rest}`,
        );
      case 'substitution/pipeline-forms':
        return makeFinding(
          'substitution',
          s.rule,
          [old.name, ...forms.map((f) => f.name)],
          score,
          `${old.name} faces other forms of its kind`,
          `${old.name} (${STAGE_LABELS[old.stage]}) is one of several forms in its pipeline, spread across ` +
            `stages: ${forms.map((f) => `${f.name} (${STAGE_LABELS[f.stage]})`).join(', ')}. ${rest}`,
        );
      case 'substitution/parallel-forms': {
        const f = forms[0]!;
        const direction =
          stageIndex(f.stage) < stageIndex(old.stage) ? 'a newer, less evolved form' : 'a more evolved form';
        return makeFinding(
          'substitution',
          s.rule,
          [old.name, f.name],
          score,
          `${f.name} can replace ${old.name}`,
          `${f.name} (${STAGE_LABELS[f.stage]}) serves what ${old.name} (${STAGE_LABELS[old.stage]}) serves: ` +
            `${direction} of the same thing. ${rest}`,
        );
      }
    }
  });
}
