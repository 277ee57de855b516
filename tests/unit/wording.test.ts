// Every sentence the editor shows about the analysis is plain language: no finding id or rule
// name, no arrow chain that reads like a dependency path, and every number says what it is.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { KIND_LABELS } from '../../src/analysis/finding.js';
import { diffMaps, diffToText } from '../../src/diff/diff.js';
import { recommendedMoves, whyItMatters } from '../../src/learn/explain.js';
import { scorePrediction, type PredictKind } from '../../src/learn/predict.js';
import { whatIfCommoditises } from '../../src/learn/whatif.js';
import { parseMap } from '../../src/model/build/index.js';
import { withChanges } from '../../src/model/model.js';

const MAPS = readdirSync('maps').filter((f) => f.endsWith('.owm'));

/** What the findings panel, Explain mode, Predict, the what-if view and Compare show for a map. */
function sentencesOf(text: string): string[] {
  const model = parseMap(text);
  const a = analyze(model);
  const out: string[] = [];
  for (const f of a.findings) {
    out.push(f.title, f.explanation, whyItMatters(f));
    for (const m of recommendedMoves(f, a.findings)) out.push(m.title, m.explanation);
  }
  for (const f of a.findings.filter((x) => x.kind === 'disruption-risk')) {
    const w = whatIfCommoditises(model, f.components[0]!, a.findings);
    for (const g of [...w.appeared, ...w.disappeared]) out.push(`${KIND_LABELS[g.kind]}: ${g.title}`);
  }
  const names = model.components.filter((c) => c.type !== 'evolved').map((c) => c.name);
  for (const kind of ['bottleneck', 'disruption-risk', 'critical-path'] as PredictKind[]) {
    const s = scorePrediction(
      model,
      a,
      kind,
      names.filter((_, i) => i % 2 === 0),
    );
    for (const r of [...s.hits, ...s.misses, ...s.falseAlarms]) out.push(r.why);
  }
  // Compare with a version where every component moved a little right.
  const moved = {
    ...model,
    components: model.components.map((c) => withChanges(c, { maturity: Math.min(1, c.maturity + 0.12) })),
  };
  out.push(
    ...diffToText(diffMaps(moved, model)).trim().split('\n'),
    ...diffToText(diffMaps(model, moved)).trim().split('\n'),
  );
  return out;
}

/** Numbers that are not said to be a position, a distance or a score. */
function unlabelledNumbers(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/[+-]?\d+\.\d+/g)) {
    const before = s.slice(0, m.index);
    const after = s.slice(m.index + m[0].length);
    const labelled = /(evolution|visibility|score) $/.test(before) || /^ (along evolution|of 1)/.test(after);
    if (!labelled) out.push(`${m[0]} in "${s}"`);
  }
  return out;
}

describe('on-screen wording of the analysis', () => {
  for (const file of MAPS) {
    it(`${file}: no finding ids, rule names or unlabelled numbers`, () => {
      const sentences = sentencesOf(readFileSync(`maps/${file}`, 'utf8'));
      expect(sentences.length).toBeGreaterThan(10);
      const ids = sentences.filter((s) =>
        /\b(critical-path|bottleneck|evolution-gap|misalignment|disruption-risk|recommendation)\/|\b(critical-path|evolution-gap|disruption-risk)\b/.test(
          s,
        ),
      );
      expect(ids).toEqual([]);
      expect(sentences.flatMap(unlabelledNumbers)).toEqual([]);
    });
  }

  it('titles are not arrow chains', () => {
    const titles = MAPS.flatMap((f) =>
      analyze(parseMap(readFileSync(`maps/${f}`, 'utf8'))).findings.map((x) => x.title),
    );
    expect(titles.filter((t) => /->|→|←/.test(t))).toEqual([]);
  });

  it('a compare line names each change once and never contradicts itself', () => {
    const text = readFileSync('maps/unified-ai-ops.owm', 'utf8');
    const model = parseMap(text);
    const other = parseMap(
      text.replace('component Centralized Platform [0.74, 0.33]', 'component Centralized Platform [0.74, 0.12]'),
    );
    const second = parseMap(readFileSync('tests/fixtures/analysis/unified-ai-ops-second-drawing.owm', 'utf8'));
    for (const line of [
      ...diffToText(diffMaps(model, other)).split('\n'),
      ...diffToText(diffMaps(model, second)).split('\n'),
    ]) {
      const parts = line
        .split(/[;.(]|new:|resolved:/)
        .map((p) => p.trim().replace(/\)$/, ''))
        .filter(Boolean);
      expect(new Set(parts).size, line).toBe(parts.length);
    }
  });
});
