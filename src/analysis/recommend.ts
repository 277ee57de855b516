// Recommendations: one per component at most, citing every finding it rests on, and the report's
// summary of the top moves. When findings call for different moves on one component, the move of
// highest priority is recommended and the others are said in its explanation (docs/analysis.md,
// "Recommendations").
import { nameKey } from '../lang/names.js';
import { STAGE_LABELS } from '../model/stages.js';
import type { Finding } from './finding.js';
import { evo, makeFinding, severityOf } from './finding.js';
import { isPractice, type ValueChain } from './graph.js';

/**
 * The moves, highest priority first: a substitution under way decides what to do with both forms
 * (plan the incumbent's replacement, explore the new form) before anything else is said of them.
 */
export const ACTIONS = [
  'plan-substitution',
  'remove-inertia',
  'explore-new-form',
  'co-evolve-practices',
  'use-utility',
  'standardise',
  'build-in-house',
  'invest',
] as const;
export type Action = (typeof ACTIONS)[number];

/** A move of the report's summary. */
export interface Move {
  /** The move, in a sentence. */
  readonly move: string;
  readonly components: readonly string[];
  readonly term: 'short' | 'long';
  /** The ids of the findings it rests on. */
  readonly basedOn: readonly string[];
}

interface Call {
  readonly action: Action;
  readonly finding: Finding;
}

/** Which move a finding calls for, and on which component (null: none, it informs). */
function callsFor(f: Finding, g: ValueChain): { target: string; action: Action } | null {
  const [first] = f.components;
  if (first === undefined) return null;
  // Findings name components as written; the graph is indexed by the compared form.
  const node = (name: string) => g.nodes[g.index.get(nameKey(name)) ?? -1];
  switch (f.rule) {
    case 'critical-path/risk-chain': {
      const weakest = [...f.components].sort(
        (a, b) => (node(a)?.maturity ?? 1) - (node(b)?.maturity ?? 1) || a.localeCompare(b),
      )[0]!;
      return { target: weakest, action: 'invest' };
    }
    case 'bottleneck/lagging-hub': {
      const c = node(first);
      return { target: first, action: c && isPractice(c) ? 'co-evolve-practices' : 'invest' };
    }
    case 'evolution-gap/dependency':
      return f.components.length < 2 ? null : { target: f.components.at(-1)!, action: 'invest' };
    case 'evolution-gap/stage-crossing':
      return { target: first, action: 'standardise' };
    case 'misalignment/practice-lag':
      return { target: first, action: 'co-evolve-practices' };
    case 'misalignment/spend':
      return { target: first, action: 'use-utility' };
    case 'disruption-risk/into-commodity':
      return { target: first, action: 'use-utility' };
    case 'disruption-risk/into-product':
      return { target: first, action: 'standardise' };
    case 'disruption-risk/into-custom-built':
      return { target: first, action: 'invest' };
    case 'substitution/renamed-evolve':
    case 'substitution/new-genesis-form':
    case 'substitution/pipeline-forms':
    case 'substitution/parallel-forms':
      return { target: first, action: 'plan-substitution' };
    case 'inertia/declared':
    case 'inertia/likely':
      return { target: first, action: 'remove-inertia' };
    case 'sourcing/method': {
      const c = node(first);
      if (!c) return null;
      if (c.stage === 'commodity') return { target: first, action: 'use-utility' };
      if (c.stage === 'product') return { target: first, action: 'standardise' };
      return { target: first, action: 'build-in-house' };
    }
    default:
      return null;
  }
}

/** Whether a component is where the user differs: new (genesis or custom-built) and right below a user or a need. */
function isDifferentiator(g: ValueChain, v: number): boolean {
  const c = g.nodes[v]!;
  return (
    c.role === 'supply' &&
    (c.stage === 'genesis' || c.stage === 'custom-built') &&
    g.neededBy[v]!.some((u) => g.nodes[u]!.role === 'user' || g.nodes[u]!.role === 'need')
  );
}

const TITLES: Readonly<Record<Action, (n: string) => string>> = {
  'plan-substitution': (n) => `Plan for ${n} to be replaced`,
  'remove-inertia': (n) => `Remove the inertia around ${n}`,
  'co-evolve-practices': (n) => `Co-evolve ${n} with what it serves`,
  'use-utility': (n) => `Consume ${n} as a utility`,
  standardise: (n) => `Standardise ${n}`,
  'build-in-house': (n) => `Explore ${n} in-house`,
  invest: (n) => `Invest in ${n}`,
  'explore-new-form': (n) => `Explore ${n} as the new form`,
};

const SHORT_TERM: ReadonlySet<Action> = new Set([
  'plan-substitution',
  'remove-inertia',
  'use-utility',
  'build-in-house',
]);

/** The recommendation's main sentence. */
function say(action: Action, where: string, g: ValueChain, v: number | undefined, calls: readonly Call[]): string {
  const diff = v !== undefined && isDifferentiator(g, v);
  const evolving = v !== undefined && (g.evolveTo[v] ?? 0) > g.nodes[v]!.maturity;
  switch (action) {
    case 'plan-substitution':
      return (
        `Plan for ${where} to be replaced by its new form: move what depends on it in steps, and stop ` +
        `investing in it beyond what keeps it running.`
      );
    case 'remove-inertia':
      return (
        `Remove the inertia around ${where}: name what resists its change (past investment, skills, ` +
        `contracts) and address it before the market moves without you.`
      );
    case 'co-evolve-practices':
      return (
        `Co-evolve ${where} with the technology it serves: bring its methods up to the pace of the ` +
        `components around it.`
      );
    case 'use-utility':
      return (
        `Prepare to consume ${where} as a commodity: standardise its interfaces and plan to move to a ` +
        `utility or outsourced service, so that what depends on it is not disrupted.`
      );
    case 'standardise':
      if (diff && evolving)
        return (
          `${where} is where you differ, and the map's evolve arrow says you mean to take it towards a ` +
          `product: standardise it as it goes, and keep what sets you apart in-house.`
        );
      if (diff)
        return `Standardise the parts of ${where} the market now offers, and keep what sets you apart in-house.`;
      return `Standardise ${where} as it matures: adopt or buy a product rather than extending a custom one.`;
    case 'build-in-house':
      return `Explore ${where} in-house with a small team: it is too new (or still being learned) to buy or outsource.`;
    case 'invest':
      if (diff)
        return (
          `Invest in ${where} in-house: it is where you differ, close to the user; evolve it towards a ` +
          `product only if you mean to sell it, or once it no longer sets you apart.`
        );
      if (calls.some((c) => c.finding.rule === 'bottleneck/lagging-hub'))
        return `Invest to evolve ${where} (standardise it or buy a product): the components above it wait on it.`;
      return (
        `Evolve ${where}, or replace it with a product, so that what rests on it no longer carries its ` +
        `uncertainty.`
      );
    case 'explore-new-form':
      return `Explore ${where}, the new form: small bets now, to be ready when it takes over.`;
  }
}

/** One recommendation per component, from the findings of every other rule. */
export function recommend(g: ValueChain, findings: readonly Finding[]): Finding[] {
  const byTarget = new Map<string, Call[]>();
  const add = (target: string, action: Action, finding: Finding) => {
    let calls = byTarget.get(target);
    if (!calls) byTarget.set(target, (calls = []));
    calls.push({ action, finding });
  };
  for (const f of findings) {
    const call = callsFor(f, g);
    if (call) add(call.target, call.action, f);
    // The new forms of a substitution: the opportunity.
    if (f.kind === 'substitution')
      for (const form of f.components.slice(1)) if (g.index.has(nameKey(form))) add(form, 'explore-new-form', f);
  }
  const out: Finding[] = [];
  for (const [target, calls] of byTarget) {
    const v = g.index.get(nameKey(target));
    const c = v === undefined ? undefined : g.nodes[v];
    // Never a move on a user, a need, an adversary or a pipeline's class.
    if (c && c.role !== 'supply') continue;
    const action = ACTIONS.find((a) => calls.some((x) => x.action === a))!;
    const chosen = calls.filter((x) => x.action === action);
    const others = [...new Set(calls.filter((x) => x.action !== action).map((x) => x.finding.title))];
    const where = c ? `${target} (${STAGE_LABELS[c.stage]}, ${evo(c.maturity)})` : target;
    const because = [...new Set(chosen.map((x) => x.finding.title))];
    const also = others.length ? ` This also answers: ${others.join('; ')}.` : '';
    const explanation = `${say(action, where, g, v, chosen)} Because: ${because.join('; ')}.${also}`;
    const score = calls.reduce((m, x) => Math.max(m, x.finding.score), 0);
    const rec = makeFinding(
      'recommendation',
      `recommendation/${action}`,
      [target],
      score,
      TITLES[action](target),
      explanation,
    );
    const basedOn = [...new Set(calls.map((x) => x.finding.id))].sort();
    const short = SHORT_TERM.has(action) || severityOf(score) === 'high';
    out.push({ ...rec, basedOn, term: short ? 'short' : 'long' });
  }
  return out;
}

/** One move for several components called for by the same action (the summary's grouped moves). */
const SAY_MANY: Readonly<Record<Action, (list: string) => string>> = {
  'plan-substitution': (l) =>
    `Plan for ${l} to be replaced by their new forms: move what depends on them in steps, and stop investing in ` +
    `them beyond what keeps them running.`,
  'remove-inertia': (l) =>
    `Remove the inertia around ${l}: name what resists their change (past investment, skills, contracts) and ` +
    `address it before the market moves without you.`,
  'explore-new-form': (l) => `Explore ${l}, the new forms: small bets now, to be ready when they take over.`,
  'co-evolve-practices': (l) =>
    `Co-evolve ${l} with the technology they serve: bring their methods up to the pace of the components around them.`,
  'use-utility': (l) =>
    `Prepare to consume ${l} as commodities: standardise their interfaces and plan the move to utility or ` +
    `outsourced services, so that what depends on them is not disrupted.`,
  standardise: (l) =>
    `Standardise ${l} as they mature: adopt or buy products rather than extend custom ones, and keep in-house ` +
    `what sets you apart.`,
  'build-in-house': (l) =>
    `Explore ${l} in-house with small teams: they are too new (or still being learned) to buy or outsource.`,
  invest: (l) =>
    `Invest in ${l}: evolve them, or replace them with products, so that what rests on them no longer carries ` +
    `their uncertainty.`,
};

const listed = (names: readonly string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * The report's top moves: the recommendations grouped by move (one move may name several
 * components: "co-evolve Governance and Change Management"), ranked by their strongest
 * recommendation's score (a little more when it reaches a user), at most `max`. A map that does
 * not say whom it serves is told so first; a map with no finding at all is told that too, and
 * what to check.
 */
export function summarise(
  g: ValueChain,
  findings: readonly Finding[],
  recommendations: readonly Finding[],
  max: number,
): Move[] {
  const moves: Move[] = [];
  const noUser = findings.find((f) => f.rule === 'doctrine/know-your-users');
  if (noUser)
    moves.push({
      move:
        'Put the user and their need at the top of the map, and link them to what they depend on: the rest ' +
        'of this analysis guesses at them.',
      components: [],
      term: 'short',
      basedOn: [noUser.id],
    });
  const reach = (r: Finding) => (g.servesUser[g.index.get(nameKey(r.components[0]!)) ?? -1] ? 0.05 : 0);
  const ranked = [...recommendations].sort(
    (a, b) => b.score + reach(b) - (a.score + reach(a)) || a.id.localeCompare(b.id),
  );
  const groups = new Map<string, Finding[]>();
  for (const r of ranked) {
    const group = groups.get(r.rule);
    if (group) group.push(r);
    else groups.set(r.rule, [r]);
  }
  for (const group of groups.values()) {
    if (moves.length >= max) break;
    const action = group[0]!.rule.slice('recommendation/'.length) as Action;
    const names = group.map((r) => r.components[0]!);
    moves.push({
      move: group.length === 1 ? group[0]!.explanation.split(' Because: ')[0]! : SAY_MANY[action](listed(names)),
      components: names,
      term: group.some((r) => r.term === 'short') ? 'short' : 'long',
      basedOn: [...new Set(group.flatMap((r) => r.basedOn ?? []))].sort(),
    });
  }
  if (moves.length === 0) {
    const top = [...findings].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))[0];
    if (top)
      moves.push({
        move: `Nothing calls for a move yet; keep an eye on this: ${top.title}.`,
        components: top.components,
        term: 'long',
        basedOn: [top.id],
      });
    else if (g.nodes.length > 0) {
      moves.push({
        move:
          'Nothing on this map calls for a move: no rule found a risk in it. Check that its links say what ' +
          'depends on what, and that each component sits where you mean it on evolution.',
        components: [],
        term: 'long',
        basedOn: [],
      });
    }
  }
  return moves;
}
