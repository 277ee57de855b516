import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { diffMaps, diffToText, isEmptyDiff } from '../../src/diff/diff.js';
import { parseMap } from '../../src/model/build/index.js';

const root = join(import.meta.dirname, '../..');
const seed = readFileSync(join(root, 'maps/unified-ai-ops.owm'), 'utf8');

async function cli(args: string[], cwd?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const prev = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    process.chdir(prev);
  }
}

describe('semantic diff', () => {
  it('names a component moved across a stage boundary, both stages and the delta, and nothing else', () => {
    const moved = seed.replace(
      'component Centralized Platform [0.74, 0.33]',
      'component Centralized Platform [0.74, 0.45]',
    );
    const d = diffMaps(parseMap(seed), parseMap(moved));
    expect(d.moved).toEqual([
      {
        name: 'Centralized Platform',
        from: { visibility: 0.74, maturity: 0.33, stage: 'custom-built' },
        to: { visibility: 0.74, maturity: 0.45, stage: 'product' },
      },
    ]);
    expect([d.added, d.removed, d.renamed, d.links.added, d.links.removed, d.inertia.added, d.methods]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
    const text = diffToText(d);
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toMatch(/^Centralized Platform moved from Custom-Built to Product \(\+rental\) \(evolution \+0\.12\)/);
  });

  it('tells when a move makes a component a disruption risk', () => {
    const before = parseMap('anchor U [0.9, 0.5]\ncomponent A [0.6, 0.5]\ncomponent M [0.4, 0.45]\nU->A\nA->M');
    const after = parseMap('anchor U [0.9, 0.5]\ncomponent A [0.6, 0.5]\ncomponent M [0.4, 0.66]\nU->A\nA->M');
    expect(diffToText(diffMaps(before, after))).toMatch(
      /^M moved within Product \(\+rental\) \(evolution \+0\.21\) \(new: M is about to become a commodity/m,
    );
  });

  it('detects a rename: a component disappears and another with the same links appears', () => {
    const renamed = seed
      .replaceAll('FinOps', 'Cloud FinOps')
      .replace('integrating DataOps, MLOps and Cloud FinOps', 'integrating DataOps, MLOps and FinOps');
    const d = diffMaps(parseMap(seed), parseMap(renamed));
    expect(d.renamed).toEqual([{ from: 'FinOps', to: 'Cloud FinOps' }]);
    expect([d.added, d.removed, d.links.added, d.links.removed, d.findings.appeared, d.findings.disappeared]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
  });

  it('reports added and removed components, links, evolves and inertia', () => {
    const a = parseMap('component A [0.5, 0.5]\ncomponent B [0.3, 0.3]\nA->B\nevolve B 0.6');
    const b = parseMap(
      'component A [0.5, 0.5] inertia\ncomponent C [0.2, 0.2]\ncomponent D [0.1, 0.1]\nA->C\nC->D\nA+>A',
    );
    const d = diffMaps(a, b);
    expect(d.removed).toEqual(['B']);
    expect(d.added).toEqual(['C', 'D']);
    expect(d.links.removed).toEqual([{ from: 'A', to: 'B', flow: false }]);
    expect(d.links.added).toEqual([
      { from: 'A', to: 'C', flow: false },
      { from: 'C', to: 'D', flow: false },
      { from: 'A', to: 'A', flow: true },
    ]);
    expect(d.evolves.removed).toEqual([{ name: 'B', to: 0.6 }]);
    expect(d.inertia.added).toEqual(['A']);
  });

  it('between the two drawings of the seed map: the same components, only moves', () => {
    const second = readFileSync(join(root, 'tests/fixtures/analysis/unified-ai-ops-second-drawing.owm'), 'utf8');
    const d = diffMaps(parseMap(seed), parseMap(second));
    expect([d.added, d.removed, d.renamed]).toEqual([[], [], []]);
    expect(d.moved.length).toBeGreaterThan(10);
    expect(d.links.removed.map((l) => `${l.from}->${l.to}`)).toEqual([
      'DataOps->Common Metrics & KPIs',
      'MLOps->Common Metrics & KPIs',
    ]);
    const text = diffToText(d);
    expect(text).toContain('Cloud Cost Management moved within Product (+rental) (evolution +0.03), visibility +0.03');
    expect(text).toContain(
      'Governance & Compliance moved from Genesis to Custom-Built (evolution +0.03), visibility +0.02',
    );
  });

  it('finds nothing between a map and its formatted self', async () => {
    const { formatMap } = await import('../../src/model/format.js');
    expect(isEmptyDiff(diffMaps(parseMap(seed), parseMap(formatMap(seed))))).toBe(true);
  });

  it('reads either side from a git revision, and works as a git diff driver', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapwright-git-'));
    const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.email', 't@example.org');
    git('config', 'user.name', 'T');
    writeFileSync(join(dir, 'map.owm'), seed);
    git('add', '.');
    git('commit', '-qm', 'one');
    writeFileSync(join(dir, 'map.owm'), seed.replace('[0.22, 0.65]', '[0.22, 0.72]'));
    const r = await cli(['diff', 'HEAD:map.owm', 'map.owm', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['added', 'removed', 'renamed', 'moved', 'links', 'findings']),
    );
    expect(json.moved.map((m: { name: string }) => m.name)).toEqual(['Model Monitoring']);
    const bin = join(root, 'bin/mapwright.js');
    writeFileSync(join(dir, '.gitattributes'), '*.owm diff=wardley\n');
    git('config', 'diff.wardley.command', `node ${bin} git-diff`);
    const out = git('diff', 'map.owm');
    expect(out).toContain('Model Monitoring moved from Product (+rental) to Commodity (+utility) (evolution +0.07)');
  });

  it('fails with exit code 2 and one line for a missing file', async () => {
    const r = await cli(['diff', 'nope.owm', 'maps/unified-ai-ops.owm']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
  });
});
