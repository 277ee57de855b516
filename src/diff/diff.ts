// The semantic diff of two versions of a map: what a reviewer wants to read instead of "0.32
// became 0.47". Pure.
import { analyze } from '../analysis/index.js';
import type { Finding } from '../analysis/finding.js';
import { markdownText, oneLine } from '../lang/escape.js';
import type { Component, MapModel } from '../model/model.js';
import { STAGE_LABELS, type Stage } from '../model/stages.js';

export interface Position {
  readonly visibility: number;
  readonly maturity: number;
  readonly stage: Stage;
}
export interface Move {
  readonly name: string;
  readonly from: Position;
  readonly to: Position;
}
export interface LinkRef {
  readonly from: string;
  readonly to: string;
  readonly flow: boolean;
}
export interface FindingRef {
  readonly id: string;
  readonly kind: string;
  readonly rule: string;
  readonly components: readonly string[];
  readonly title: string;
  readonly explanation: string;
}

export interface MapDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  readonly moved: readonly Move[];
  readonly links: { readonly added: readonly LinkRef[]; readonly removed: readonly LinkRef[] };
  readonly evolves: {
    readonly added: readonly { name: string; to: number }[];
    readonly removed: readonly { name: string; to: number }[];
    readonly changed: readonly { name: string; from: number; to: number }[];
  };
  readonly inertia: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly methods: readonly { readonly name: string; readonly from: string | null; readonly to: string | null }[];
  readonly kinds: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  readonly findings: { readonly appeared: readonly FindingRef[]; readonly disappeared: readonly FindingRef[] };
}

const nodes = (m: MapModel) => {
  const out = new Map<string, Component>();
  for (const c of m.components) if (c.type !== 'evolved' && !out.has(c.key)) out.set(c.key, c);
  return out;
};

const pos = (c: Component): Position => ({ visibility: c.visibility, maturity: c.maturity, stage: c.stage });

/** For each component, the others it is linked with, as `>name` (needs) and `<name` (needed by), sorted. */
function neighbourSignatures(m: MapModel): Map<string, string> {
  const lists = new Map<string, string[]>();
  const add = (k: string, v: string) => {
    const l = lists.get(k);
    if (l) l.push(v);
    else lists.set(k, [v]);
  };
  for (const l of m.links) {
    if (l.from === l.to) continue;
    add(l.from, `>${l.to}`);
    add(l.to, `<${l.from}`);
  }
  const out = new Map<string, string>();
  for (const [k, l] of lists) out.set(k, l.sort().join('\u0000'));
  return out;
}

/**
 * Renames: a component that disappears while exactly one appears with the same links (or, with no
 * links, at the same position), and no other that disappears shares them. Linear in the maps'
 * size: both sides are grouped by that signature, and only groups of one on each side pair up.
 */
function findRenames(
  before: MapModel,
  after: MapModel,
  removed: readonly string[],
  added: readonly string[],
  a: ReadonlyMap<string, Component>,
  b: ReadonlyMap<string, Component>,
): { from: string; to: string }[] {
  const sigA = neighbourSignatures(before);
  const sigB = neighbourSignatures(after);
  const signature = (c: Component, sigs: ReadonlyMap<string, string>) => {
    const s = sigs.get(c.key);
    return s !== undefined ? `L${s}` : `P${c.visibility},${c.maturity}`;
  };
  const group = (keys: readonly string[], m: ReadonlyMap<string, Component>, sigs: ReadonlyMap<string, string>) => {
    const out = new Map<string, string[]>();
    for (const k of keys) {
      const s = signature(m.get(k)!, sigs);
      const l = out.get(s);
      if (l) l.push(k);
      else out.set(s, [k]);
    }
    return out;
  };
  const gone = group(removed, a, sigA);
  const come = group(added, b, sigB);
  const renamed: { from: string; to: string }[] = [];
  for (const [s, from] of gone) {
    const to = come.get(s);
    if (from.length === 1 && to?.length === 1) renamed.push({ from: from[0]!, to: to[0]! });
  }
  return renamed;
}

/** Compares two maps. `before`/`after` analyses may be passed in when already computed. */
export function diffMaps(
  before: MapModel,
  after: MapModel,
  analyses?: { before: readonly Finding[]; after: readonly Finding[] },
): MapDiff {
  const a = nodes(before);
  const b = nodes(after);
  let removed = [...a.keys()].filter((k) => !b.has(k));
  let added = [...b.keys()].filter((k) => !a.has(k));

  // A rename: a component disappears and another with the same links appears.
  const renamed = findRenames(before, after, removed, added, a, b);
  const renamedFrom = new Set(renamed.map((x) => x.from));
  const renamedTo = new Set(renamed.map((x) => x.to));
  removed = removed.filter((k) => !renamedFrom.has(k));
  added = added.filter((k) => !renamedTo.has(k));
  const toNew = new Map(renamed.map((x) => [x.from, x.to]));
  const newName = (k: string) => toNew.get(k) ?? k;

  const moved: Move[] = [];
  const inertiaAdded: string[] = [];
  const inertiaRemoved: string[] = [];
  const methods: { name: string; from: string | null; to: string | null }[] = [];
  const kinds: { name: string; from: string; to: string }[] = [];
  for (const [k, ca] of a) {
    const cb = b.get(newName(k));
    if (!cb) continue;
    if (ca.visibility !== cb.visibility || ca.maturity !== cb.maturity)
      moved.push({ name: cb.name, from: pos(ca), to: pos(cb) });
    if (ca.inertia !== cb.inertia) (cb.inertia ? inertiaAdded : inertiaRemoved).push(cb.name);
    if (ca.method !== cb.method) methods.push({ name: cb.name, from: ca.method, to: cb.method });
    if (ca.kind !== cb.kind) kinds.push({ name: cb.name, from: ca.kind, to: cb.kind });
  }

  const linkKey = (l: LinkRef) => `${l.from}\u0000${l.to}\u0000${l.flow}`;
  const linksA = new Map<string, LinkRef>();
  for (const l of before.links) {
    const r = { from: newName(l.from), to: newName(l.to), flow: l.flow };
    linksA.set(linkKey(r), r);
  }
  const linksB = new Map<string, LinkRef>();
  for (const l of after.links) {
    const r = { from: l.from, to: l.to, flow: l.flow };
    linksB.set(linkKey(r), r);
  }

  const evA = new Map(before.evolves.map((e) => [newName(e.name), e.to]));
  const evB = new Map(after.evolves.map((e) => [e.name, e.to]));

  const fa = analyses?.before ?? analyze(before).findings;
  const fb = analyses?.after ?? analyze(after).findings;
  const ref = (f: Finding): FindingRef => ({
    id: f.id,
    kind: f.kind,
    rule: f.rule,
    components: f.components,
    title: f.title,
    explanation: f.explanation,
  });
  const renameId = (f: Finding) => `${f.rule}:${f.components.map(newName).join('>')}`;
  const idsA = new Set(fa.filter((f) => f.kind !== 'recommendation').map(renameId));
  const idsB = new Set(fb.filter((f) => f.kind !== 'recommendation').map((f) => f.id));

  return {
    added: added.map((k) => b.get(k)!.name),
    removed: removed.map((k) => a.get(k)!.name),
    renamed: renamed.map((x) => ({ from: a.get(x.from)!.name, to: b.get(x.to)!.name })),
    moved,
    links: {
      added: [...linksB].filter(([k]) => !linksA.has(k)).map(([, l]) => l),
      removed: [...linksA].filter(([k]) => !linksB.has(k)).map(([, l]) => l),
    },
    evolves: {
      added: [...evB].filter(([n]) => !evA.has(n)).map(([name, to]) => ({ name, to })),
      removed: [...evA].filter(([n]) => !evB.has(n)).map(([name, to]) => ({ name, to })),
      changed: [...evB]
        .filter(([n, t]) => evA.has(n) && evA.get(n) !== t)
        .map(([name, to]) => ({ name, from: evA.get(name)!, to })),
    },
    inertia: { added: inertiaAdded, removed: inertiaRemoved },
    methods,
    kinds,
    findings: {
      appeared: fb.filter((f) => f.kind !== 'recommendation' && !idsA.has(f.id)).map(ref),
      disappeared: fa.filter((f) => f.kind !== 'recommendation' && !idsB.has(renameId(f))).map(ref),
    },
  };
}

/** True when the two maps mean the same. */
export function isEmptyDiff(d: MapDiff): boolean {
  return (
    !d.added.length &&
    !d.removed.length &&
    !d.renamed.length &&
    !d.moved.length &&
    !d.links.added.length &&
    !d.links.removed.length &&
    !d.evolves.added.length &&
    !d.evolves.removed.length &&
    !d.evolves.changed.length &&
    !d.inertia.added.length &&
    !d.inertia.removed.length &&
    !d.methods.length &&
    !d.kinds.length &&
    !d.findings.appeared.length &&
    !d.findings.disappeared.length
  );
}

const signed = (x: number) => `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(2)}`;

/** The diff as sentences, one per line (`md` adds Markdown list marks and headings). */
export function diffToText(d: MapDiff, format: 'text' | 'md' = 'text'): string {
  const lines: string[] = [];
  // Names and headlines are data: escaped for Markdown, or kept to one line in text.
  const t = format === 'md' ? markdownText : oneLine;
  const arrow = (l: LinkRef) => `${t(l.from)}${l.flow ? '+>' : '->'}${t(l.to)}`;
  const item = (s: string) => lines.push(format === 'md' ? `- ${s}` : s);
  const heading = (s: string) => {
    if (format === 'md') lines.push('', `### ${s}`, '');
  };
  const about = (name: string, list: readonly FindingRef[]) => list.filter((f) => f.components[0] === name);
  // Each finding once, by its headline (two findings of one kind read as two different things).
  const titles = (list: readonly FindingRef[]) => [
    ...new Set(
      list.map((f) => {
        told.add(f.id);
        return f.title;
      }),
    ),
  ];
  const told = new Set<string>();
  if (d.added.length || d.removed.length || d.renamed.length || d.moved.length) heading('Components');
  for (const n of d.added) item(`added ${t(n)}`);
  for (const n of d.removed) item(`removed ${t(n)}`);
  for (const r of d.renamed) item(`renamed ${t(r.from)} to ${t(r.to)}`);
  for (const m of d.moved) {
    const dm = m.to.maturity - m.from.maturity;
    const dv = m.to.visibility - m.from.visibility;
    const stage =
      m.from.stage !== m.to.stage
        ? `from ${STAGE_LABELS[m.from.stage]} to ${STAGE_LABELS[m.to.stage]} (evolution ${signed(dm)})`
        : `within ${STAGE_LABELS[m.to.stage]} (evolution ${signed(dm)})`;
    const vis = dv !== 0 ? `, visibility ${signed(dv)}` : '';
    // A finding that only changed its details (the same headline on both sides) is neither new nor resolved.
    const appeared = titles(about(m.name, d.findings.appeared));
    const disappeared = titles(about(m.name, d.findings.disappeared));
    const now = appeared.filter((t) => !disappeared.includes(t));
    const gone = disappeared.filter((t) => !appeared.includes(t));
    const tail = [
      ...(now.length ? [`new: ${now.map(t).join('; ')}`] : []),
      ...(gone.length ? [`resolved: ${gone.map(t).join('; ')}`] : []),
    ];
    item(`${t(m.name)} moved ${stage}${vis}${tail.length ? ` (${tail.join('. ')})` : ''}`);
  }
  if (d.links.added.length || d.links.removed.length) heading('Links');
  for (const l of d.links.added) item(`added link ${arrow(l)}`);
  for (const l of d.links.removed) item(`removed link ${arrow(l)}`);
  if (
    d.evolves.added.length ||
    d.evolves.removed.length ||
    d.evolves.changed.length ||
    d.inertia.added.length ||
    d.inertia.removed.length ||
    d.methods.length ||
    d.kinds.length
  )
    heading('Evolution and methods');
  for (const e of d.evolves.added) item(`${t(e.name)} now evolves to ${e.to.toFixed(2)}`);
  for (const e of d.evolves.removed) item(`${t(e.name)} no longer evolves (was to ${e.to.toFixed(2)})`);
  for (const e of d.evolves.changed) item(`${t(e.name)} evolves to ${e.to.toFixed(2)} instead of ${e.from.toFixed(2)}`);
  for (const n of d.inertia.added) item(`${t(n)} now has inertia`);
  for (const n of d.inertia.removed) item(`${t(n)} no longer has inertia`);
  for (const m of d.methods) item(`${t(m.name)} method ${m.from ?? 'none'} -> ${m.to ?? 'none'}`);
  for (const k of d.kinds) item(`${t(k.name)} kind ${k.from} -> ${k.to}`);
  const restA = d.findings.appeared.filter((f) => !told.has(f.id));
  const restD = d.findings.disappeared.filter((f) => !told.has(f.id));
  if (restA.length || restD.length) heading('Analysis');
  const restNew = titles(restA);
  const restGone = titles(restD);
  for (const title of restNew) if (!restGone.includes(title)) item(`new finding: ${t(title)}`);
  for (const title of restGone) if (!restNew.includes(title)) item(`finding resolved: ${t(title)}`);
  if (!lines.length) return 'no changes to the map\n';
  return `${lines.join('\n').trim()}\n`;
}
