import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { applyChanges } from '../../src/lang/edit.js';
import { recommendedMoves, whyItMatters } from '../../src/learn/explain.js';
import { scorePrediction } from '../../src/learn/predict.js';
import { projectionEdits, projectModel } from '../../src/learn/projection.js';
import { dependentsOf, whatIfCommoditises } from '../../src/learn/whatif.js';
import { parseMap } from '../../src/model/build/index.js';
import { labelSize } from '../../src/render/labels.js';
import { buildScene } from '../../src/render/scene.js';

const root = join(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const seed = read('maps/unified-ai-ops.owm');

describe('evolution projection', () => {
  it('at time 0 is the map itself', () => {
    const m = parseMap(seed);
    expect(projectModel(m, 0)).toBe(m);
    expect(projectionEdits(seed, m, 0)).toEqual([]);
  });

  it('moves evolve arrows to their targets at the horizon, drifts the rest right, slower with inertia', () => {
    const m = parseMap(
      'component A [0.5, 0.3]\nevolve A 0.6\ncomponent B [0.5, 0.3]\ncomponent C [0.5, 0.3] inertia\ncomponent D [0.5, 0.9]',
    );
    const p = projectModel(m, 1);
    const at = (n: string) => p.components.find((c) => c.name === n && c.type !== 'evolved')!.maturity;
    expect(at('A')).toBe(0.6);
    expect(at('B')).toBeCloseTo(0.5, 5);
    expect(at('C')).toBeCloseTo(0.4, 5);
    expect(at('D')).toBeCloseTo(0.94, 5);
  });

  it('writes only coordinate changes, and the text re-parses to the projection', () => {
    const m = parseMap(seed);
    const changes = projectionEdits(seed, m, 0.5);
    const after = applyChanges(seed, changes);
    const a = seed.split('\n');
    const b = after.split('\n');
    expect(b).toHaveLength(a.length);
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) expect(a[i]!.replace(/[\d.]+/g, '#')).toBe(b[i]!.replace(/[\d.]+/g, '#'));
    }
    const projected = projectModel(m, 0.5);
    for (const c of parseMap(after).components.filter((x) => x.type !== 'evolved')) {
      expect(c.maturity).toBe(projected.components.find((x) => x.key === c.key && x.type === c.type)!.maturity);
    }
  });
});

describe('projection and the labels', () => {
  it("never prints a moved component's label on its evolve ghost's, nor on another, at any time", () => {
    for (const f of readdirSync(join(root, 'maps')).filter((x) => x.endsWith('.owm'))) {
      const m = parseMap(read(`maps/${f}`));
      for (const t of [0.25, 0.5, 0.75, 1]) {
        const s = buildScene(projectModel(m, t), { width: 1000, height: 860 });
        const b = s.components.map((c) => ({ n: c.name, x: c.label.x, y: c.label.y, ...labelSize(c.label.text) }));
        const bad: string[] = [];
        for (let i = 0; i < b.length; i++)
          for (let j = i + 1; j < b.length; j++) {
            const p = b[i]!;
            const q = b[j]!;
            if (p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h) bad.push(`${p.n} / ${q.n}`);
          }
        expect(bad, `${f} at ${t}`).toEqual([]);
      }
    }
  });

  it('keeps users and needs where they are: they are not supplied, they do not drift', () => {
    const m = parseMap(
      'component Customer [0.95, 0.5]\ncomponent Buy online [0.85, 0.4]\ncomponent Shop [0.6, 0.3]\nCustomer->Buy online\nBuy online->Shop',
    );
    const p = projectModel(m, 1);
    expect(p.components.map((c) => c.maturity)).toEqual([0.5, 0.4, 0.5]);
  });
});

describe('what if it commoditises', () => {
  it('moves the component on a copy and lists the findings that change', () => {
    const m = parseMap(seed);
    const w = whatIfCommoditises(m, 'Model Monitoring');
    expect(w.model.components.find((c) => c.name === 'Model Monitoring')!.stage).toBe('commodity');
    expect(m.components.find((c) => c.name === 'Model Monitoring')!.stage).toBe('product');
    expect(w.disappeared.map((f) => f.id)).toContain('disruption-risk/into-commodity:Model Monitoring');
  });
  it('says what commoditising does to what rests on it, component by component', () => {
    const w = whatIfCommoditises(parseMap(seed), 'Data Management');
    expect(w.dependents.map((d) => d.name)).toEqual(['DataOps', 'Unified AI Ops Framework', 'AI Value']);
    // The critical path through it is gone for DataOps, which rested on it.
    const dataOps = w.dependents.find((d) => d.name === 'DataOps')!;
    expect(dataOps.disappeared.map((f) => f.rule)).toContain('critical-path/risk-chain');
  });

  it('lists what depends on a component, directly or through paths', () => {
    expect(dependentsOf(parseMap(seed), 'Model Monitoring')).toEqual([
      'Model Lifecycle',
      'MLOps',
      'Unified AI Ops Framework',
      'AI Value',
    ]);
  });
});

describe('explain and predict', () => {
  it('has a reason in Wardley terms for every rule the seed map fires, and a recommended move for most', () => {
    const a = analyze(parseMap(seed));
    for (const f of a.findings) expect(whyItMatters(f)).not.toMatch(/See docs/);
    const withMoves = a.findings.filter(
      (f) => f.kind !== 'recommendation' && recommendedMoves(f, a.findings).length > 0,
    );
    expect(withMoves.length).toBeGreaterThan(a.findings.filter((f) => f.kind !== 'recommendation').length / 2);
  });

  it("scores a guess: hits, misses with the engine's reasons, false alarms with why not", () => {
    const m = parseMap(seed);
    const s = scorePrediction(m, analyze(m), 'bottleneck', ['Governance & Compliance', 'Cloud Infrastructure']);
    expect(s.hits.map((h) => h.name)).toEqual(['Governance & Compliance']);
    expect(s.misses.map((h) => h.name).sort()).toEqual(['Change Management', 'Collaborative Workflows']);
    expect(s.misses[0]!.why).toMatch(/depend on/);
    expect(s.falseAlarms.map((h) => h.name)).toEqual(['Cloud Infrastructure']);
    expect(s.falseAlarms[0]!.why).toMatch(/direct user/);
  });
});

describe('FinOps', () => {
  it('reports spend by stage and flags building what is already a product', () => {
    const a = analyze(parseMap('component A [0.5, 0.5] (build, cost 900)\ncomponent B [0.4, 0.2] (build, cost 100)'));
    expect(a.spend).toEqual({ genesis: 0, 'custom-built': 100, product: 900, commodity: 0 });
    expect(a.findings.filter((f) => f.rule === 'misalignment/spend').map((f) => f.components)).toEqual([['A']]);
  });
  it('leaves maps without costs as they were', () => {
    expect(analyze(parseMap(seed)).spend).toBeUndefined();
  });
});

describe('the seed maps', () => {
  for (const f of readdirSync(join(root, 'maps')).filter((x) => x.endsWith('.owm'))) {
    it(`${f} is lint-clean, formatted, and starts with a comment saying what it shows`, async () => {
      const text = read(`maps/${f}`);
      expect(parseMap(text).diagnostics).toEqual([]);
      const { formatMap } = await import('../../src/model/format.js');
      expect(formatMap(text)).toBe(text);
      expect(text.startsWith('// ')).toBe(true);
    });
  }
});
