// The evaluation set: maps drawn the way practitioners draw them (no kinds, mostly no anchor,
// pipelines, sloppy names), each with what the analysis must and must not say, argued from
// doctrine in a comment beside each expectation:
//
//   // expect must disruption-risk: Identity Verification -- 0.68, and five components rest on it
//   // expect must-not recommendation: Citizen -- a user is served, not sourced
//   // expect must doctrine/know-your-users: (map) -- about the map as a whole, no component
//
// An expectation names a kind (`disruption-risk`) or a rule (`sourcing/method`) and one or more
// components; it is met when a finding of that kind or rule involves every one of them (a
// recommendation: is about it). `evaluate` scores the engine on the set; `npm run eval` prints it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis, type Finding } from '../../src/analysis/index.js';
import { nameKey } from '../../src/lang/names.js';
import { parseMap } from '../../src/model/build/index.js';
import { corpusDir, corpusMaps } from '../conformance/corpus.js';
import type { MapModel } from '../../src/model/model.js';

export interface Expectation {
  readonly must: boolean;
  readonly what: string;
  readonly components: readonly string[];
  readonly why: string;
  readonly line: number;
}

export interface MapResult {
  readonly file: string;
  readonly components: number;
  readonly findings: readonly Finding[];
  readonly summary: Analysis['summary'];
  readonly expectations: readonly (Expectation & { readonly met: boolean })[];
  readonly model: MapModel;
}

const EXPECT = /^\s*\/\/\s*expect\s+(must-not|must)\s+([a-z/-]+):\s*(.+?)\s+--\s+(.+)$/;

export function expectationsOf(text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = EXPECT.exec(line);
    if (m)
      out.push({ must: m[1] === 'must', what: m[2]!, components: m[3]!.split(/\s*,\s*/), why: m[4]!, line: i + 1 });
  });
  return out;
}

/** Whether a finding is what an expectation is about. */
function matches(f: Finding, e: Expectation): boolean {
  if (e.what.includes('/') ? f.rule !== e.what : f.kind !== e.what) return false;
  // `(map)`: a finding about the map as a whole.
  if (e.components.length === 1 && e.components[0] === '(map)') return true;
  const names = new Set(f.components.map(nameKey));
  if (f.kind === 'recommendation') return nameKey(f.components[0] ?? '') === nameKey(e.components[0]!);
  return e.components.every((c) => names.has(nameKey(c)));
}

export const EVAL_DIR = import.meta.dirname;

export function evaluateMap(file: string, text: string): MapResult {
  const model = parseMap(text, file);
  const a = analyze(model);
  const expectations = expectationsOf(text).map((e) => {
    const hit = a.findings.some((f) => matches(f, e));
    return { ...e, met: e.must ? hit : !hit };
  });
  return {
    file,
    components: model.components.filter((c) => c.type !== 'evolved').length,
    findings: a.findings,
    summary: a.summary,
    expectations,
    model,
  };
}

/** The corpus maps of real practitioners (../shared/corpus/owm) with a value chain: 5+ components, 4+ links. */
export function corpusResults(): MapResult[] {
  const dir = corpusDir();
  if (dir === null) return [];
  return corpusMaps(dir)
    .map(([g, f]) => evaluateMap(`${g}/${f}`, readFileSync(join(dir, g, f), 'utf8')))
    .filter((r) => r.components >= 5 && r.model.links.length >= 4);
}

export function evaluateAll(dir = EVAL_DIR): MapResult[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.owm'))
    .sort()
    .map((f) => evaluateMap(f, readFileSync(join(dir, f), 'utf8')));
}

/** Precision and recall by kind and by rule: a met `must` is a true positive, a broken `must-not` a false positive. */
export function scores(results: readonly MapResult[]): Map<string, { tp: number; fn: number; fp: number; tn: number }> {
  const out = new Map<string, { tp: number; fn: number; fp: number; tn: number }>();
  const bump = (key: string, e: Expectation & { met: boolean }) => {
    let s = out.get(key);
    if (!s) out.set(key, (s = { tp: 0, fn: 0, fp: 0, tn: 0 }));
    if (e.must) {
      if (e.met) s.tp++;
      else s.fn++;
    } else if (e.met) s.tn++;
    else s.fp++;
  };
  for (const r of results)
    for (const e of r.expectations) {
      bump(e.what, e);
      bump('(all)', e);
    }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : 0;
};

/** The structural counts the issue sets bars on. */
export function structure(results: readonly MapResult[]) {
  const perComponent = results.map(
    (r) => r.findings.filter((f) => f.kind !== 'recommendation').length / Math.max(1, r.components),
  );
  const allPerComponent = results.map((r) => r.findings.length / Math.max(1, r.components));
  const recsPerComponent = results.map(
    (r) => r.findings.filter((f) => f.kind === 'recommendation').length / Math.max(1, r.components),
  );
  let disruptionBad = 0;
  let twoRecs = 0;
  let contradictions = 0;
  let subChains = 0;
  let summaryBad = 0;
  for (const r of results) {
    const byName = new Map(r.model.components.filter((c) => c.type !== 'evolved').map((c) => [c.key, c]));
    for (const f of r.findings.filter((x) => x.kind === 'disruption-risk')) {
      const c = byName.get(nameKey(f.components[0]!));
      if (!c || c.role !== 'supply' || /\b0 components depend/.test(f.explanation)) disruptionBad++;
    }
    const recs = r.findings.filter((f) => f.kind === 'recommendation').map((f) => nameKey(f.components[0]!));
    twoRecs += recs.length - new Set(recs).size;
    const rules = new Map<string, Set<string>>();
    for (const f of r.findings.filter((x) => x.kind === 'recommendation')) {
      const k = nameKey(f.components[0]!);
      rules.set(k, (rules.get(k) ?? new Set()).add(f.rule));
    }
    for (const set of rules.values())
      if (set.has('recommendation/invest') && set.has('recommendation/use-utility')) contradictions++;
    const paths = r.findings
      .filter((f) => f.kind === 'critical-path')
      .map((f) => `>${f.components.map(nameKey).join('>')}>`);
    for (const p of paths) if (paths.some((q) => q !== p && q.includes(p))) subChains++;
    if (r.components >= 5 && (r.summary.length < 1 || r.summary.length > 7)) summaryBad++;
  }
  return {
    maps: results.length,
    medianFindingsPerComponent: median(perComponent),
    medianRecommendationsPerComponent: median(recsPerComponent),
    medianAllPerComponent: median(allPerComponent),
    disruptionOnNonSupplyOrNoDependents: disruptionBad,
    componentsWithTwoRecommendations: twoRecs,
    contradictoryPairs: contradictions,
    criticalPathsInsideAnother: subChains,
    mapsWithBadSummary: summaryBad,
  };
}
