import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, diagnose, type Finding } from '../../src/analysis/index.js';
import { FINDING_KINDS } from '../../src/analysis/finding.js';
import { analysisToJson, analysisToMarkdown } from '../../src/analysis/report.js';
import { parseMap } from '../../src/model/build/index.js';
import { mapText, mutatedCorpusMap } from '../property/arbitraries.js';

const root = join(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const findingsOf = (p: string) => analyze(parseMap(read(p))).findings;
const names = (fs: readonly Finding[], kind: string) => fs.filter((f) => f.kind === kind).map((f) => f.components);

/** The conclusions of the seed analysis (shared/seeds/002) that the engine must reach on its own. */
function expectSeedConclusions(fs: readonly Finding[]): void {
  const paths = names(fs, 'critical-path');
  expect(paths).toContainEqual(['Data Management', 'DataOps', 'Unified AI Ops Framework']);
  expect(paths).toContainEqual(['Model Lifecycle', 'MLOps', 'Unified AI Ops Framework']);
  const bottlenecks = names(fs, 'bottleneck').map((c) => c[0]);
  expect(bottlenecks).toEqual(
    expect.arrayContaining(['Collaborative Workflows', 'Governance & Compliance', 'Change Management']),
  );
  const mis = fs.filter((f) => f.rule === 'misalignment/practice-lag');
  const gov = mis.find((f) => f.components[0] === 'Governance & Compliance');
  expect(gov?.components.slice(1)).toEqual(expect.arrayContaining(['DataOps', 'MLOps', 'FinOps']));
  expect(mis.some((f) => f.components[0] === 'Change Management')).toBe(true);
  const risks = names(fs, 'disruption-risk').map((c) => c[0]);
  expect(risks).toEqual(expect.arrayContaining(['Data Cataloging', 'CI/CD Pipelines', 'Model Monitoring']));
  expect(fs.filter((f) => f.rule === 'disruption-risk/into-commodity').length).toBeGreaterThanOrEqual(3);
}

describe('the Unified AI Ops map', () => {
  it('reaches the seed analysis conclusions on its own', () => {
    expectSeedConclusions(findingsOf('maps/unified-ai-ops.owm'));
  });

  it('reaches the same conclusions from a second drawing with other positions', () => {
    expectSeedConclusions(findingsOf('tests/fixtures/analysis/unified-ai-ops-second-drawing.owm'));
  });

  it('reaches the same conclusions with no kind marked: the practices are inferred', () => {
    const text = read('tests/fixtures/analysis/unified-ai-ops-unmarked.owm');
    expect(text).not.toMatch(/\((practice|capability|data)\)/);
    expectSeedConclusions(findingsOf('tests/fixtures/analysis/unified-ai-ops-unmarked.owm'));
  });

  it('ranks the two seed critical paths first', () => {
    expect(
      names(findingsOf('maps/unified-ai-ops.owm'), 'critical-path')
        .slice(0, 2)
        .map((p) => p[0])
        .sort(),
    ).toEqual(['Data Management', 'Model Lifecycle']);
  });

  it('recommends acting on the bottleneck practices and preparing for commoditisation', () => {
    const recs = findingsOf('maps/unified-ai-ops.owm').filter((f) => f.kind === 'recommendation');
    expect(recs.find((r) => r.components[0] === 'Governance & Compliance')?.rule).toBe(
      'recommendation/co-evolve-practices',
    );
    expect(recs.find((r) => r.components[0] === 'CI/CD Pipelines')?.rule).toBe('recommendation/use-utility');
    const ids = new Set(findingsOf('maps/unified-ai-ops.owm').map((f) => f.id));
    for (const r of recs) for (const b of r.basedOn ?? []) expect(ids.has(b)).toBe(true);
    expect(recs.every((r) => r.term === 'short' || r.term === 'long')).toBe(true);
  });
});

describe('small maps whose answer is obvious', () => {
  const dir = 'tests/fixtures/analysis/small';
  it('a hub everything depends on is the bottleneck', () => {
    const fs = findingsOf(`${dir}/hub.owm`);
    expect(names(fs, 'bottleneck')).toEqual([['Identity Hub']]);
  });
  it('a commodity resting on a genesis component is an evolution gap', () => {
    const fs = findingsOf(`${dir}/commodity-on-genesis.owm`);
    expect(names(fs, 'evolution-gap')).toEqual([['Payments API', 'Novel Fraud Model']]);
    expect(fs.find((f) => f.kind === 'evolution-gap')!.severity).toBe('high');
  });
  it('a (build) component at commodity is a method mismatch with a use-utility recommendation', () => {
    const fs = findingsOf(`${dir}/build-commodity.owm`);
    expect(fs.filter((f) => f.rule === 'sourcing/method').map((f) => f.components)).toEqual([['Compute']]);
    expect(fs.find((f) => f.kind === 'recommendation' && f.components[0] === 'Compute')?.rule).toBe(
      'recommendation/use-utility',
    );
  });
  it('inertia on a component with an evolve arrow is flagged, with a remove-inertia recommendation', () => {
    const fs = findingsOf(`${dir}/inertia-evolve.owm`);
    expect(fs.filter((f) => f.rule === 'inertia/declared').map((f) => f.components)).toEqual([['Data Centre']]);
    expect(fs.some((f) => f.rule === 'recommendation/remove-inertia')).toBe(true);
  });
  it('recommends by the component, however its name is spaced', () => {
    const fs = analyze(
      parseMap('anchor U [0.9, 0.7]\ncomponent Cloud  Compute [0.3, 0.85] (build)\nU->Cloud Compute'),
    ).findings;
    expect(fs.find((f) => f.kind === 'recommendation')?.rule).toBe('recommendation/use-utility');
  });
  it('outsourcing a genesis component is a method mismatch', () => {
    const fs = analyze(
      parseMap('anchor U [0.9, 0.5]\ncomponent New Idea [0.5, 0.05] (outsource)\nU->New Idea'),
    ).findings;
    expect(fs.filter((f) => f.rule === 'sourcing/method').map((f) => f.components)).toEqual([['New Idea']]);
  });
});

describe('every finding', () => {
  it('carries kind, stable id, components, score, severity, explanation and rule', () => {
    for (const f of findingsOf('maps/unified-ai-ops.owm')) {
      expect(f.id).toBe(`${f.rule}:${f.components.join('>')}`);
      expect(f.rule.startsWith(f.kind)).toBe(true);
      expect(f.score).toBeGreaterThanOrEqual(0);
      expect(f.score).toBeLessThanOrEqual(1);
      expect(['high', 'medium', 'low']).toContain(f.severity);
      expect(f.explanation).toMatch(/\d/);
      expect(f.components.length).toBeGreaterThan(0);
    }
  });
});

/** The analysis of `text`, run right after that of `before`. */
function analyzeAfter(before: string, text: string) {
  analyze(parseMap(before));
  return analyze(parseMap(text));
}

describe('determinism', () => {
  it('gives identical bytes on two runs', () => {
    const text = read('maps/unified-ai-ops.owm');
    const a = analysisToJson(analyze(parseMap(text)));
    const b = analysisToJson(analyze(parseMap(text)));
    expect(a).toBe(b);
    expect(analysisToMarkdown(parseMap(text), analyze(parseMap(text)))).toBe(
      analysisToMarkdown(parseMap(text), analyze(parseMap(text))),
    );
  });

  it('keeps finding ids when an unrelated component is added', () => {
    const text = read('maps/unified-ai-ops.owm');
    const before = findingsOf('maps/unified-ai-ops.owm').map((f) => f.id);
    const after = analyze(parseMap(`${text}\ncomponent Office Coffee [0.05, 0.95]\n`)).findings.map((f) => f.id);
    for (const id of before) expect(after).toContain(id);
  });

  it('sorts findings by kind then score', () => {
    const fs = findingsOf('maps/unified-ai-ops.owm');
    const order = ['critical-path', 'bottleneck', 'evolution-gap', 'misalignment', 'disruption-risk', 'recommendation'];
    for (let i = 1; i < fs.length; i++) {
      const a = fs[i - 1]!;
      const b = fs[i]!;
      expect(order.indexOf(a.kind) < order.indexOf(b.kind) || (a.kind === b.kind && a.score >= b.score)).toBe(true);
    }
  });

  it('diagnoses the same findings as the full analysis, less the recommendations, and reuses them', () => {
    fc.assert(
      fc.property(fc.oneof(mapText, mutatedCorpusMap), (text) => {
        const model = parseMap(text);
        const full = analyze(model);
        const d = diagnose(model);
        expect(d.findings).toEqual(full.findings.filter((f) => f.kind !== 'recommendation'));
        expect(analyze(model, undefined, d)).toEqual(full);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a map the same whatever map was analysed before it (moves and link changes included)', () => {
    const moved = (text: string) =>
      text.replace(/\[(0\.\d+), (0\.\d+)\]/, (_m, v: string, m: string) => `[${v}, ${(1 - Number(m)).toFixed(2)}]`);
    const unlinked = (text: string) => text.replace(/^.*->.*$/m, '');
    fc.assert(
      fc.property(mapText, mapText, (a, b) => {
        const fresh = analyzeAfter(b, b);
        for (const before of [a, moved(b), unlinked(b)]) expect(analyzeAfter(before, b)).toEqual(fresh);
        expect(analyzeAfter(b, unlinked(b))).toEqual(analyzeAfter(a, unlinked(b)));
      }),
      { numRuns: 200 },
    );
  });

  it('sorts the findings of any map by kind, then score, then id', () => {
    expect(FINDING_KINDS.at(-1)).toBe('recommendation');
    fc.assert(
      fc.property(fc.oneof(mapText, mutatedCorpusMap), (text) => {
        const fs = analyze(parseMap(text)).findings;
        for (let i = 1; i < fs.length; i++) {
          const a = fs[i - 1]!;
          const b = fs[i]!;
          const ka = FINDING_KINDS.indexOf(a.kind);
          const kb = FINDING_KINDS.indexOf(b.kind);
          expect(ka < kb || (ka === kb && (a.score > b.score || (a.score === b.score && a.id < b.id)))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the analysis never throws', () => {
  for (const [what, text] of [
    ['an empty map', ''],
    ['a cycle', 'component A [0.5, 0.3]\ncomponent B [0.4, 0.2]\nA->B\nB->A'],
    ['a self-link', 'component A [0.5, 0.3]\nA->A'],
    ['links to unknown components', 'component A [0.5, 0.3]\nA->Nowhere\nElsewhere->A'],
    ['no anchor', 'component A [0.9, 0.3]\ncomponent B [0.5, 0.2]\nA->B'],
    ['__proto__ names', 'anchor __proto__ [0.9, 0.5]\ncomponent constructor [0.5, 0.2]\n__proto__->constructor'],
  ] as const) {
    it(`on ${what}`, () => {
      const a = analyze(parseMap(text));
      expect(Array.isArray(a.findings)).toBe(true);
      expect(() => analysisToJson(a)).not.toThrow();
    });
  }

  it('on generated and mutated maps', () => {
    fc.assert(
      fc.property(fc.oneof(mapText, mutatedCorpusMap), (text) => {
        const m = parseMap(text);
        analysisToMarkdown(m, analyze(m));
      }),
      { numRuns: 500 },
    );
  });
});

describe('what the analysis never says, on any map', () => {
  const ACTS_ON_SUPPLY = new Set([
    'critical-path',
    'bottleneck',
    'disruption-risk',
    'sourcing',
    'recommendation',
    'evolution-gap',
  ]);
  it('no move, path, bottleneck or disruption on a user, a need, an adversary or a pipeline class; one recommendation per component', () => {
    fc.assert(
      fc.property(fc.oneof(mapText, mutatedCorpusMap), (text) => {
        const m = parseMap(text);
        const a = analyze(m);
        const role = new Map(m.components.map((c) => [c.name, c.role]));
        for (const f of a.findings) {
          if (!ACTS_ON_SUPPLY.has(f.kind)) continue;
          for (const c of f.kind === 'recommendation' || f.kind === 'disruption-risk' || f.kind === 'bottleneck'
            ? f.components.slice(0, 1)
            : f.components) {
            expect([f.rule, c, role.get(c) ?? 'supply']).toEqual([f.rule, c, 'supply']);
          }
        }
        const recs = a.findings.filter((f) => f.kind === 'recommendation').map((f) => f.components[0]);
        expect(new Set(recs).size).toBe(recs.length);
        const paths = a.findings.filter((f) => f.kind === 'critical-path').map((f) => `>${f.components.join('>')}>`);
        for (const p of paths) expect(paths.filter((q) => q !== p && q.includes(p))).toEqual([]);
        expect(a.summary.length).toBeLessThanOrEqual(7);
        if (m.components.filter((c) => c.type !== 'evolved').length >= 5)
          expect(a.summary.length).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('no disruption risk on what nothing depends on, on a user, a need or a pipeline class', () => {
    const fs = analyze(
      parseMap(
        [
          'component Customer [0.95, 0.5]',
          'component Buy online [0.88, 0.68]',
          'component Shop [0.7, 0.5]',
          'component Payments [0.3, 0.68]',
          'component Spare Server [0.2, 0.69]',
          'component Power [0.25, 0.66]',
          'pipeline Power [0.3, 0.9]',
          'component Coal [0.24, 0.9]',
          'Customer->Buy online',
          'Buy online->Shop',
          'Shop->Payments',
          'Payments->Power',
        ].join('\n'),
      ),
    ).findings;
    expect(fs.filter((f) => f.kind === 'disruption-risk').map((f) => f.components[0])).toEqual(['Payments']);
  });

  it('follows no chain through an adversary: its tooling is not ours to strengthen', () => {
    const fs = analyze(
      parseMap(
        [
          'component Business [0.95, 0.5]',
          'component Threat Actor [0.9, 0.3]',
          'component Email [0.7, 0.8]',
          'component Exploit Kit [0.6, 0.15]',
          'component Malware Dev [0.4, 0.1]',
          'Business->Email',
          'Threat Actor->Exploit Kit',
          'Exploit Kit->Malware Dev',
          'Exploit Kit->Email',
        ].join('\n'),
      ),
    ).findings;
    const named = new Set(fs.flatMap((f) => f.components));
    expect([named.has('Exploit Kit'), named.has('Malware Dev'), named.has('Threat Actor')]).toEqual([
      false,
      false,
      false,
    ]);
  });
});
