// Pass 4, check: what a reader of the map should hear about before trusting an analysis of it. Link
// ends that name nothing (with what was probably meant), components tied to nothing, names given
// twice or in two cases, and a map with no user. Together: the map's health.
import { lineText } from '../../lang/parse.js';
import type { Component, MapHealth } from '../model.js';
import type { BuildContext } from './context.js';
import type { Declared } from './declare.js';
import type { Resolved } from './resolve.js';

/** Suggestions are looked for this many times at most per map (each compares a name with all others). */
const MAX_SUGGESTIONS = 200;

export function check(ctx: BuildContext, d: Declared, r: Resolved, components: readonly Component[]): MapHealth {
  const unresolvedLinks = checkLinks(ctx, d, r, components);
  const orphans = checkOrphans(ctx, d, r, components);
  const caseVariants = checkCase(ctx, components);
  const noUser = !components.some((c) => c.role === 'user');
  if (noUser && components.filter((c) => c.type !== 'evolved').length >= 2) {
    ctx.warn(
      0,
      { start: 0, end: 0 },
      'nothing on this map reads as its user (no anchor, and no component at the top that nothing depends on): ' +
        "add 'anchor User [0.95, 0.50]' and link it to what it needs",
      { code: 'no-user' },
    );
  }
  return { unresolvedLinks, orphans, duplicates: r.duplicates, caseVariants, noUser };
}

/** Links to names no line declares, each with a likely meant name when there is one. */
function checkLinks(
  ctx: BuildContext,
  d: Declared,
  r: Resolved,
  components: readonly Component[],
): MapHealth['unresolvedLinks'] {
  const known = (key: string) => r.byKey.has(key) || r.evolvedKeys.has(key);
  const unresolvedLinks: { name: string; line: number; suggestion: string | null; meant: string | null }[] = [];
  let suggest: ((key: string) => Suggestion | null) | null = null;
  let budget = MAX_SUGGESTIONS;
  for (const l of d.links) {
    if (known(l.from) && known(l.to)) continue;
    // Where the link's ends are written: from its statement (only a link with an unknown end needs it).
    const stmt = ctx.doc.lines[l.line - 1]!.stmt;
    if (stmt?.type !== 'link') continue;
    for (const [key, node, dir] of [
      [l.from, stmt.from, 'from'],
      [l.to, stmt.to, 'to'],
    ] as const) {
      if (known(key)) continue;
      const loc = ctx.span(l.line - 1, node.start, node.end);
      suggest ??= suggester(ctx, components);
      const s = budget-- > 0 ? suggest(key) : null;
      unresolvedLinks.push({ name: key, line: l.line, suggestion: s?.text ?? null, meant: s?.fix ?? null });
      const hint = s ? `: ${s.text}` : '';
      ctx.warnAt(loc, `link ${dir} '${key}', which is not a component of this map${hint}`, {
        code: 'unknown-link',
        ...(s?.fix !== undefined ? { fix: s.fix } : {}),
      });
    }
  }

  return unresolvedLinks;
}

/** Components linked to nothing (on a map that has links). */
function checkOrphans(ctx: BuildContext, d: Declared, r: Resolved, components: readonly Component[]): string[] {
  const linked = new Set<string>();
  for (const l of d.links) {
    linked.add(l.from);
    linked.add(l.to);
  }
  for (const e of r.evolves) {
    linked.add(e.name);
    if (e.newName) linked.add(e.newName);
  }
  const orphans: string[] = [];
  // A map without links is a sketch of positions: its components are not orphans of a value chain.
  for (const c of d.links.length > 0 ? components : []) {
    if (c.type !== 'component' && c.type !== 'submap') continue;
    // Once per name (a duplicate is reported as one), and not a pipeline's own component.
    if (linked.has(c.key) || c.role === 'pipeline' || r.byKey.get(c.key)?.line !== c.line) continue;
    orphans.push(c.name);
    ctx.warnAt(
      c.nameLoc,
      `'${c.name}' is linked to nothing: link it to what needs it and what it needs, or remove it (an untested ` +
        `assumption)`,
      { code: 'orphan' },
    );
  }

  return orphans;
}

/** Names that differ only in case: two components where the user likely meant one. */
function checkCase(ctx: BuildContext, components: readonly Component[]): string[][] {
  const firstByLower = new Map<string, Component>();
  const variants = new Map<string, Component[]>();
  for (const c of components) {
    if (c.type === 'evolved') continue;
    const lower = c.key.toLowerCase();
    const first = firstByLower.get(lower);
    if (!first) {
      firstByLower.set(lower, c);
      continue;
    }
    const list = variants.get(lower) ?? [first];
    if (list.some((x) => x.key === c.key)) continue;
    list.push(c);
    variants.set(lower, list);
    ctx.warnAt(
      c.nameLoc,
      `'${c.name}' differs from '${first.name}' (line ${first.line}) only in case: they are two components, and ` +
        `links to one do not reach the other`,
      { code: 'case-variant' },
    );
  }
  return [...variants.values()].map((list) => list.map((c) => c.name));
}

interface Suggestion {
  readonly text: string;
  readonly fix?: string;
}

/** What an unknown name probably meant: a case-only match, a component commented out, or a near spelling. */
function suggester(ctx: BuildContext, components: readonly Component[]): (key: string) => Suggestion | null {
  const names = components.filter((c) => c.type !== 'evolved').map((c) => c.name);
  const lower = new Map(names.map((n) => [n.toLowerCase(), n]));
  // Components declared inside comments, by name: `// component Payment [0.5, 0.5]`.
  const commented = new Map<string, number>();
  const doc = ctx.doc;
  for (let i = 0; i < doc.lines.length; i++) {
    const raw = lineText(doc, i);
    if (!doc.lines[i]!.commentOpen && !raw.includes('//') && !raw.includes('/*')) continue;
    // Where a comment starts (or the whole line, inside a block comment), a declaration may follow.
    const starts = doc.lines[i]!.commentOpen ? [0] : [];
    for (let at = raw.indexOf('//'); at >= 0; at = raw.indexOf('//', at + 2)) starts.push(at + 2);
    for (let at = raw.indexOf('/*'); at >= 0; at = raw.indexOf('/*', at + 2)) starts.push(at + 2);
    for (const start of starts.slice(0, 4)) {
      const name = commentedName(raw.slice(start));
      if (name && !commented.has(name)) commented.set(name, i + 1);
    }
  }
  // The same unknown name is often linked many times (a hub never declared): asked once. And the
  // near-spelling search compares at most NEAR_BUDGET names per map in all, so a huge map with many
  // unknown names stays linear.
  const memo = new Map<string, Suggestion | null>();
  let budget = NEAR_BUDGET;
  return (key) => {
    if (memo.has(key)) return memo.get(key)!;
    const s = suggest(key);
    memo.set(key, s);
    return s;
  };
  function suggest(key: string): Suggestion | null {
    const exact = lower.get(key.toLowerCase());
    if (exact !== undefined) return { text: `did you mean '${exact}'? (the names differ only in case)`, fix: exact };
    const line = commented.get(key);
    if (line !== undefined) return { text: `that component is commented out on line ${line}` };
    let best: string | null = null;
    let bestDistance = Math.max(2, Math.floor(key.length / 5)) + 1;
    for (const n of names) {
      if (Math.abs(n.length - key.length) >= bestDistance) continue;
      if (budget-- <= 0) break;
      const dist = editDistance(key.toLowerCase(), n.toLowerCase(), bestDistance);
      if (dist < bestDistance) {
        bestDistance = dist;
        best = n;
      }
    }
    return best !== null ? { text: `did you mean '${best}'?`, fix: best } : null;
  }
}

/** The most names compared by spelling in one map (all unknown names together). */
const NEAR_BUDGET = 200_000;

/**
 * The name a commented-out declaration gives (`component Payment [0.5, 0.5]`, `anchor "User"`), read
 * as OnlineWardleyMaps reads a name: up to ` [` or `(`, without a trailing `label` or `inertia`.
 * Linear in the text (no backtracking pattern: a comment may be long).
 */
function commentedName(text: string): string | null {
  const head = /^\s*(?:component|anchor|submap)\s/.exec(text);
  if (!head) return null;
  let rest = text.slice(head[0].length);
  for (const stop of ['[', '(']) {
    const k = rest.indexOf(stop);
    if (k >= 0) rest = rest.slice(0, k);
  }
  const tail = /\s(?:label|inertia)\b/.exec(rest);
  if (tail) rest = rest.slice(0, tail.index);
  const name = rest
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim()
    .replace(/\s+/g, ' ');
  return name === '' ? null : name;
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    prev = cur;
  }
  return prev[b.length]!;
}
