// The published package: `npm pack`, installed into a new project, used from ESM JavaScript and
// type-checked from TypeScript, as another program would use it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let dir = '';

const MAP =
  'title Tea\nanchor Business [0.95, 0.63]\ncomponent Cup of Tea [0.79, 0.61]\ncomponent Kettle [0.43, 0.35] (build)\nBusiness->Cup of Tea\nCup of Tea->Kettle\nevolve Kettle 0.62\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mapwright-pack-'));
  // `prepare` builds the core before packing; the build is already there, so skip it.
  execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: root, stdio: 'pipe' });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'uses-mapwright', private: true, type: 'module' }));
  // Its runtime dependencies mostly come from npm's cache after `npm ci`. Without install
  // scripts: the live-room server's SQLite addon (compiled on install) is not what this tests.
  execFileSync(npm, ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', `./${tarball}`], {
    cwd: dir,
    stdio: 'pipe',
  });
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('is used from ESM JavaScript', () => {
    writeFileSync(
      join(dir, 'use.js'),
      `
import { parseMap, analyze, formatMap, diffMaps, diffText, renderSvg, toMermaid, fromMermaid } from 'mapwright';
const text = ${JSON.stringify(MAP)};
const map = parseMap(text, 'tea.owm');
const analysis = analyze(map);
const later = text.replace('[0.43, 0.35]', '[0.43, 0.70]');
const mermaid = toMermaid(text);
console.log(JSON.stringify({
  components: map.components.filter((c) => c.type !== 'evolved').map((c) => c.name),
  errors: map.diagnostics.filter((d) => d.severity === 'error').length,
  findings: analysis.findings.length,
  formatted: formatMap('component  A [0.5,0.5]\\n'),
  moved: diffMaps(text, later).moved.map((m) => m.name),
  diff: diffText(diffMaps(text, later)).split('\\n')[0],
  svg: /<svg[^>]*>[\\s\\S]*Cup of Tea[\\s\\S]*<\\/svg>/.test(renderSvg(map)),
  mermaid: mermaid.text.split('\\n')[0],
  back: parseMap(fromMermaid(mermaid.text)).components.length === map.components.length,
}));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ['use.js'], { cwd: dir, encoding: 'utf8' }));
    expect(out).toMatchObject({
      components: ['Business', 'Cup of Tea', 'Kettle'],
      errors: 0,
      formatted: 'component A [0.50, 0.50]\n',
      moved: ['Kettle'],
      svg: true,
      mermaid: 'wardley-beta',
      back: true,
    });
    expect(out.findings).toBeGreaterThan(0);
    expect(out.diff).toContain('Kettle');
  });

  it('runs its command line from the project', () => {
    writeFileSync(join(dir, 'tea.owm'), MAP);
    const out = execFileSync(join(dir, 'node_modules/.bin/mapwright'), ['export', 'tea.owm', '--to', 'mermaid'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(out).toContain('component Kettle [0.43, 0.35] (build)');
  });

  it('type-checks from TypeScript (strict, NodeNext) with its own types', () => {
    writeFileSync(
      join(dir, 'use.ts'),
      `
import { analyze, parseMap, renderSvg, toMermaid, type Component, type Finding, type MapModel, type MermaidExport } from 'mapwright';
const map: MapModel = parseMap('component A [0.5, 0.5]');
const first: Component | undefined = map.components[0];
const findings: readonly Finding[] = analyze(map).findings;
const out: MermaidExport = toMermaid('component A [0.5, 0.5]');
const svg: string = renderSvg(map, { width: 800, height: 600, findings: true, style: 'plain' });
// @ts-expect-error: a model is not a string
const wrong: string = map;
export { first, findings, out, svg, wrong };
`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['use.ts'],
      }),
    );
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], {
      cwd: dir,
      stdio: 'pipe',
    });
  });
});
