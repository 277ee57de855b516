// The mapwright command as a user runs it: the built bin, real files, standard input, exit codes.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/mapwright.js');

function run(args: string[], input?: string) {
  if (!existsSync(join(root, 'dist/cli/main.js')))
    throw new Error("the command is not built: run 'npm run build:core' (npm test does)");
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('mapwright lint', () => {
  it('reports all three broken lines with line:col, exits 1, within a second', () => {
    const t0 = Date.now();
    const r = run(['lint', 'tests/fixtures/cli/three-broken.owm']);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(r.code).toBe(1);
    const errors = r.out.split('\n').filter((l) => l.includes(': error: '));
    expect(errors.map((l) => l.split(': error: ')[0])).toEqual([
      'tests/fixtures/cli/three-broken.owm:3:11',
      'tests/fixtures/cli/three-broken.owm:4:1',
      'tests/fixtures/cli/three-broken.owm:7:4',
    ]);
  });

  it('reads standard input with -, lints many files and globs, and speaks JSON', () => {
    expect(run(['lint', '-'], 'component A [0.5, 0.5]\n').code).toBe(0);
    const r = run(['lint', 'maps/*.owm', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { file: string; diagnostics: unknown[] }[];
    expect(report.length).toBeGreaterThanOrEqual(4);
    expect(report.every((f) => f.diagnostics.length === 0)).toBe(true);
  });

  it('exits 2 with one line for usage and I/O errors', () => {
    for (const args of [
      ['lint'],
      ['lint', 'no/such.owm'],
      ['frob'],
      ['lint', 'maps/unified-ai-ops.owm', '--format', 'xml'],
    ]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/at .*\(.*:\d+:\d+\)/); // never a stack trace
    }
  });
});

describe('mapwright fmt', () => {
  it('--check exits 1 on an unformatted file and --write formats it in place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapwright-fmt-'));
    const f = join(dir, 'm.owm');
    writeFileSync(f, 'component  A   [0.5,0.5]\nA->B // keep me\n');
    expect(run(['fmt', '--check', f]).code).toBe(1);
    expect(run(['fmt', '--write', f]).code).toBe(0);
    expect(readFileSync(f, 'utf8')).toBe('component A [0.50, 0.50]\nA->B // keep me\n');
    expect(run(['fmt', '--check', f]).code).toBe(0);
    copyFileSync(join(root, 'maps/unified-ai-ops.owm'), join(dir, 'u.owm'));
    expect(run(['fmt', '--check', join(dir, '*.owm')]).code).toBe(0);
    writeFileSync(f, 'component  A [0.5,0.5]\n');
    const j = run(['fmt', '--check', '--format', 'json', join(dir, '*.owm')]);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out)).toEqual([
      { file: f, formatted: false },
      { file: join(dir, 'u.owm'), formatted: true },
    ]);
  });
});

describe('mapwright fmt on files from other editors', () => {
  it('keeps CRLF line endings and a byte-order mark, and never flattens a file of lone CRs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapwright-eol-'));
    const crlf = join(dir, 'crlf.owm');
    writeFileSync(crlf, 'title  T\r\ncomponent  A [0.5,0.5]\r\nA->B\r\n');
    expect(run(['fmt', '--write', crlf]).code).toBe(0);
    expect(readFileSync(crlf, 'utf8')).toBe('title T\r\ncomponent A [0.50, 0.50]\r\nA->B\r\n');
    const bom = join(dir, 'bom.owm');
    writeFileSync(bom, '\ufeffcomponent First [0.5, 0.5]\ncomponent Second [0.4,0.4]\nFirst->Second\n');
    expect(run(['lint', bom]).out).not.toMatch(/error/);
    expect(run(['fmt', '--write', bom]).code).toBe(0);
    expect(readFileSync(bom, 'utf8')).toBe(
      '\ufeffcomponent First [0.50, 0.50]\ncomponent Second [0.40, 0.40]\nFirst->Second\n',
    );
    const cr = join(dir, 'cr.owm');
    writeFileSync(cr, 'title Old\rcomponent  K [0.4, 0.3]\rcomponent P [0.2, 0.7]\rK->P\r');
    expect(JSON.parse(run(['parse', cr, '--json']).out).components.map((c: { name: string }) => c.name)).toEqual([
      'K',
      'P',
    ]);
    expect(run(['lint', cr]).out).toMatch(/1:1: warning: this file ends its lines with CR alone/);
    expect(run(['fmt', '--write', cr]).code).toBe(0);
    expect(readFileSync(cr, 'utf8')).toBe('title Old\rcomponent K [0.40, 0.30]\rcomponent P [0.20, 0.70]\rK->P\r');
  });

  it('never changes a name OnlineWardleyMaps reads', () => {
    const text =
      'anchor Buyer(Anchor) [0.95, 0.5]\ncomponent Members(*) [0.7,0.45]\ncomponent Storage (battery) [0.2,0.6]\nBuyer(Anchor)->Members(*)\nMembers(*)->Storage (battery)\n';
    expect(run(['fmt', '-'], text).out).toBe(
      'anchor Buyer(Anchor) [0.95, 0.50]\ncomponent Members(*) [0.70, 0.45]\ncomponent Storage (battery) [0.20, 0.60]\nBuyer(Anchor)->Members(*)\nMembers(*)->Storage (battery)\n',
    );
  });
});

describe('mapwright lint --hints', () => {
  it('says which kinds were inferred, with the decorator that declares them, only when asked', () => {
    const text =
      'component Kanban [0.5, 0.3]\ncomponent Training Data [0.4, 0.5]\ncomponent Kettle [0.3, 0.6]\nKanban->Kettle\nKanban->Training Data\n';
    expect(run(['lint', '-'], text).out).not.toMatch(/hint/);
    const out = run(['lint', '--hints', '-'], text).out;
    expect(out).toContain(
      "<stdin>:1:11: hint: 'Kanban' reads as a practice (name: \"kanban\"): write '(practice)' after its coordinates to say so",
    );
    expect(out).toContain("<stdin>:2:11: hint: 'Training Data' reads as data");
    expect(out).not.toContain('Kettle');
  });
});

describe('mapwright parse --json', () => {
  it('prints the documented model shape', () => {
    const r = run(['parse', 'maps/unified-ai-ops.owm', '--json']);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out);
    expect(Object.keys(m)).toEqual(
      expect.arrayContaining([
        'title',
        'components',
        'links',
        'evolves',
        'pipelines',
        'notes',
        'annotations',
        'attitudes',
        'accelerators',
        'diagnostics',
      ]),
    );
    expect(Object.keys(m.components[0])).toEqual(
      expect.arrayContaining(['name', 'type', 'visibility', 'maturity', 'stage', 'kind', 'inertia', 'method', 'line']),
    );
    expect(Object.keys(m.links[0])).toEqual(expect.arrayContaining(['from', 'to', 'flow', 'label', 'context', 'line']));
    expect(m.components.find((c: { name: string }) => c.name === 'Governance & Compliance').kind).toBe('practice');
    expect(Object.keys(m.components[0])).toEqual(expect.arrayContaining(['kindInferred', 'role', 'roleInferred']));
    expect(m.components.find((c: { name: string }) => c.name === 'AI Value')).toMatchObject({
      role: 'user',
      roleInferred: false,
    });
    expect(m.components.find((c: { name: string }) => c.name === 'Centralized Platform')).toMatchObject({
      kind: 'technology',
      kindInferred: true,
      role: 'supply',
    });
    expect(Object.keys(m)).toContain('health');
  });
});

describe('mapwright analyze', () => {
  it('gives byte-identical JSON and Markdown on two runs, with the seed conclusions', () => {
    const a = run(['analyze', 'maps/unified-ai-ops.owm', '--format', 'json']);
    expect(run(['analyze', 'maps/unified-ai-ops.owm', '--format', 'json']).out).toBe(a.out);
    const j = JSON.parse(a.out);
    expect(j.map).toBe('Unified AI Ops');
    expect(j.stages['Model Monitoring']).toBe('product');
    expect(j.findings.map((f: { id: string }) => f.id)).toEqual(
      expect.arrayContaining([
        'critical-path/risk-chain:Data Management>DataOps>Unified AI Ops Framework',
        'critical-path/risk-chain:Model Lifecycle>MLOps>Unified AI Ops Framework',
        'bottleneck/lagging-hub:Collaborative Workflows',
        'bottleneck/lagging-hub:Governance & Compliance',
        'bottleneck/lagging-hub:Change Management',
        'disruption-risk/into-commodity:Data Cataloging',
        'disruption-risk/into-commodity:CI/CD Pipelines',
        'disruption-risk/into-commodity:Model Monitoring',
      ]),
    );
    const md = run(['analyze', 'maps/unified-ai-ops.owm']).out;
    expect(run(['analyze', 'maps/unified-ai-ops.owm']).out).toBe(md);
    for (const h of [
      '## Top moves',
      '## Overview',
      '## Components by evolution stage',
      '## Evolve arrows',
      '## Sourcing',
      '## Critical paths',
      '## Bottlenecks',
      '## Misalignments',
      '## Disruption risks',
      '## Recommendations',
      '### Short-term',
      '### Long-term',
    ])
      expect(md).toContain(h);
    expect(md.indexOf('## Top moves')).toBeLessThan(md.indexOf('## Overview'));
    expect(j.summary.length).toBeGreaterThanOrEqual(1);
    expect(j.summary.length).toBeLessThanOrEqual(7);
    for (const m of j.summary) expect(Object.keys(m).sort()).toEqual(['basedOn', 'components', 'move', 'term']);
    expect(md).not.toContain('## Map health');
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['diagnostics', 'health']));
  });

  it('says first what the map leaves out: links to unknown names, orphans, no user', () => {
    const text = readFileSync(join(root, 'tests/fixtures/owm/map-health.owm'), 'utf8');
    const md = run(['analyze', '-'], text).out;
    expect(md.indexOf('## Map health')).toBeGreaterThan(0);
    expect(md.indexOf('## Map health')).toBeLessThan(md.indexOf('## Overview'));
    expect(md).toContain(
      'Line 9 links to Payment Gateway, which is not on the map (that component is commented out on line 4)',
    );
    const j = JSON.parse(run(['analyze', '-', '--format', 'json'], text).out);
    expect(j.health.unresolvedLinks.map((u: { name: string }) => u.name)).toEqual(['Payment Gateway', 'Deliverie']);
    expect(j.diagnostics.filter((d: { code: string }) => d.code === 'unknown-link')).toHaveLength(2);
  });
});

describe('npx mapwright', () => {
  it('is the package bin', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('mapwright');
    expect(pkg.bin.mapwright).toBe('bin/mapwright.js');
    expect(execFileSync(process.execPath, [bin, 'help'], { encoding: 'utf8' })).toContain('mapwright lint');
  });
});
