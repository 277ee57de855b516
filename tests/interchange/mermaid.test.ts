// Mermaid `wardley-beta` interchange, checked against the Mermaid library's own parser
// (`@mermaid-js/parser`, the parser `mermaid.render` uses; the rendering itself is checked in
// the browser by tests/e2e/mermaid.spec.ts).
import { parse } from '@mermaid-js/parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateComponentMap, generateMap } from '../../bench/generate.js';
import { exportMermaid, importMermaid, isMermaid, mermaidMarkdown, toMermaid } from '../../src/interchange/mermaid.js';
import { parseMap } from '../../src/model/build/index.js';
import type { MapModel } from '../../src/model/model.js';
import { testMaps } from '../conformance/corpus.js';
import { meaning } from '../helpers.js';

const root = join(import.meta.dirname, '../..');
const fixtures = join(root, 'tests/fixtures/mermaid');
const mermaidTexts = readdirSync(fixtures)
  .filter((f) => f.endsWith('.mmd'))
  .sort()
  .map((f) => [f, readFileSync(join(fixtures, f), 'utf8')] as const);
const evalMaps = readdirSync(join(root, 'tests/eval'))
  .filter((f) => f.endsWith('.owm'))
  .map((f) => readFileSync(join(root, 'tests/eval', f), 'utf8'));

/** What the Mermaid library reads from a text (its parser's tree, reduced to what a map holds). */
interface Read {
  components: string[]; // "name@visibility,evolution"
  children: string[]; // "pipeline/name@evolution"
  links: string[]; // "from->to"
  notes: string[];
  annotations: string[];
  evolves: string[];
}

async function mermaidReads(text: string): Promise<Read> {
  const ast = (await parse('wardley', text)) as unknown as {
    anchors: { name: string; visibility: number; evolution: number }[];
    components: { name: string; visibility: number; evolution: number }[];
    pipelines: { parent: string; components: { name: string; evolution: number }[] }[];
    links: { from: string; to: string }[];
    notes: { text: string }[];
    annotation: { number: number; text?: string }[];
    evolves: { component: string; target: number }[];
  };
  return {
    components: [...ast.anchors, ...ast.components].map((c) => `${c.name}@${c.visibility},${c.evolution}`).sort(),
    children: ast.pipelines.flatMap((p) => p.components.map((c) => `${p.parent}/${c.name}@${c.evolution}`)).sort(),
    links: ast.links.map((l) => `${l.from}->${l.to}`).sort(),
    notes: ast.notes.map((n) => n.text).sort(),
    annotations: ast.annotation.map((a) => `${a.number}:${a.text ?? ''}`).sort(),
    evolves: ast.evolves.map((e) => `${e.component}@${e.target}`).sort(),
  };
}

/** The same, from our model of a map. */
function weRead(m: MapModel): Read {
  const parentOf = new Map(m.pipelines.flatMap((p) => p.children.map((c) => [c, p.name] as const)));
  const top = m.components.filter((c) => c.type === 'component' || c.type === 'anchor' || c.type === 'submap');
  return {
    components: top.map((c) => `${c.name}@${c.visibility},${c.maturity}`).sort(),
    children: m.components
      .filter((c) => c.type === 'pipeline-child')
      .map((c) => `${parentOf.get(c.name) ?? c.parent}/${c.name}@${c.maturity}`)
      .sort(),
    links: m.links.map((l) => `${l.from}->${l.to}`).sort(),
    notes: m.notes.map((n) => n.text).sort(),
    annotations: m.annotations.map((a) => `${a.number}:${a.text}`).sort(),
    evolves: m.evolves.map((e) => `${e.name}@${e.to}`).sort(),
  };
}

/** The meaning of a map without diagnostics and line numbers (a round trip moves lines a little). */
function gist(text: string): unknown {
  const m = meaning(parseMap(text)) as Record<string, unknown>;
  const strip = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(strip)
      : x && typeof x === 'object'
        ? Object.fromEntries(
            Object.entries(x)
              .filter(([k]) => k !== 'line' && k !== 'diagnostics' && k !== 'health' && k !== 'loc')
              .map(([k, v]) => [k, strip(v)]),
          )
        : x;
  return strip(m);
}

const ownMaps = readdirSync(join(root, 'maps'))
  .filter((f) => f.endsWith('.owm'))
  .map((f) => readFileSync(join(root, 'maps', f), 'utf8'));
const allMaps = [...testMaps().texts, ...ownMaps, ...evalMaps, generateMap(120), generateComponentMap(200)];

describe('export to Mermaid', () => {
  it('parses in the Mermaid library for every map (corpus or fixtures, maps/, eval maps, generated maps)', async () => {
    const failures: string[] = [];
    for (const text of allMaps) {
      const out = exportMermaid(text);
      try {
        await parse('wardley', out);
      } catch (e) {
        failures.push(`${(e as Error).message.split('\n')[0]}\n${out.slice(0, 300)}`);
      }
    }
    expect(failures.slice(0, 3)).toEqual([]);
    expect(allMaps.length).toBeGreaterThan(30);
  });

  it('says every component, link, note and evolve Mermaid can say, and lists the lines it left out', async () => {
    for (const text of [...ownMaps, ...evalMaps, ...testMaps().texts]) {
      const model = parseMap(text);
      if (model.diagnostics.some((d) => d.severity === 'error')) continue;
      const { text: out, leftOut } = toMermaid(text);
      const read = await mermaidReads(out);
      const ours = weRead(model);
      const outLines = new Set(leftOut.map((l) => l.line));
      // A component Mermaid does not show is on a line the export reported (and kept as a comment).
      const top = model.components.filter((c) => c.type === 'component' || c.type === 'anchor');
      for (const c of top) {
        if (!read.components.some((r) => r.startsWith(`${c.name}@`)))
          expect(outLines.has(c.line), `${c.name} (line ${c.line}) missing from\n${out}`).toBe(true);
      }
      // Link ends are names as written; ours are the components' keys (a line break is a space).
      expect(
        read.links.map((l) =>
          l
            .split('->')
            .map((end) => end.replace(/\s+/g, ' ').trim())
            .join('->'),
        ),
      ).toEqual(ours.links);
      expect(
        read.notes.length + leftOut.filter((l) => /^note\b/.test(l.text) && !/in part/.test(l.why)).length,
      ).toBeGreaterThanOrEqual(ours.notes.length);
    }
  });

  it('writes numbers the way Mermaid reads them and quotes names it could not read bare', async () => {
    const text =
      'component A.b [1, .5] label [1.5, -2]\ncomponent Cup of Tea [0.5, 0.25]\nA.b->Cup of Tea\nevolve A.b 1\n';
    const out = exportMermaid(text);
    expect(out).toContain('component "A.b" [1.0, 0.5] label [2, -2]');
    expect(out).toContain('%% mapwright, in full: component A.b [1, .5] label [1.5, -2]');
    expect(out).toContain('"A.b" -> Cup of Tea');
    expect(out).toContain('evolve "A.b" 1.0');
    expect(await mermaidReads(out)).toMatchObject({
      components: ['A.b@1,0.5', 'Cup of Tea@0.5,0.25'],
      links: ['A.b->Cup of Tea'],
      evolves: ['A.b@1'],
    });
  });

  it('keeps what Mermaid cannot say as %% comments and reports each line', () => {
    const text =
      'style wardley\ncomponent Governance [0.5, 0.2] (buy, practice, cost 1000)\npipeline Governance [0.3, 0.7]\nbuild Governance\nurl u [https://example.com]\n';
    const { text: out, leftOut } = toMermaid(text);
    expect(out).toBe(
      'wardley-beta\n%% mapwright: style wardley\ncomponent Governance [0.5, 0.2] (buy)\n%% mapwright, in full: component Governance [0.5, 0.2] (buy, practice, cost 1000)\n%% mapwright: pipeline Governance [0.3, 0.7]\n%% mapwright: build Governance\n%% mapwright: url u [https://example.com]\n',
    );
    expect(leftOut.map((l) => l.line)).toEqual([1, 2, 3, 4, 5]);
    const c = parseMap(importMermaid(out)).components[0]!;
    // `build Governance`, the legacy line, comes back too (and, being later, sets the method).
    expect([c.kind, c.method, c.cost]).toEqual(['practice', 'build', 1000]);
  });

  it('writes a pipeline as a Mermaid block, with its span in a comment', async () => {
    const text =
      'component Storage [0.5, 0.5]\npipeline Storage [0.2, 0.8]\n{\n  component Lake [0.3]\n  component Lakehouse [0.2] label [3, 4]\n}\n';
    const out = exportMermaid(text);
    expect(out).toBe(
      'wardley-beta\ncomponent Storage [0.5, 0.5]\npipeline Storage {\n%% mapwright, in full: pipeline Storage [0.2, 0.8]\n  component Lake [0.3]\n  component Lakehouse [0.2] label [3, 4]\n}\n',
    );
    expect((await mermaidReads(out)).children).toEqual(['Storage/Lake@0.3', 'Storage/Lakehouse@0.2']);
    expect(gist(importMermaid(out))).toEqual(gist(text));
  });

  it('escapes what a Mermaid string needs (an annotation ending in a backslash, quotes in a note)', async () => {
    const text = 'note say "hi" [0.3, 0.3]\nannotation 1 [0.6, 0.6] ends with \\\n';
    const out = exportMermaid(text);
    const read = await mermaidReads(out);
    expect(read.notes).toEqual(['say "hi"']);
    expect(read.annotations).toEqual(['1:ends with \\']);
    expect(gist(importMermaid(out))).toEqual(gist(text));
  });

  it('round-trips every map: export then import means the same map', () => {
    let checked = 0;
    for (const text of [...testMaps().texts, ...ownMaps, ...evalMaps]) {
      if (parseMap(text).diagnostics.some((d) => d.severity === 'error')) continue;
      expect(gist(importMermaid(exportMermaid(text))), text.slice(0, 200)).toEqual(gist(text));
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('writes a fenced block for a README', () => {
    expect(mermaidMarkdown('component A [0.5, 0.5]\n')).toBe('```mermaid\nwardley-beta\ncomponent A [0.5, 0.5]\n```\n');
  });
});

describe('import from Mermaid', () => {
  for (const [name, text] of mermaidTexts) {
    it(`reads ${name} as the Mermaid library reads it`, async () => {
      expect(isMermaid(text)).toBe(true);
      const imported = importMermaid(text);
      const model = parseMap(imported);
      expect(
        model.diagnostics.filter((d) => d.severity === 'error'),
        imported,
      ).toEqual([]);
      expect(weRead(model)).toEqual(await mermaidReads(text));
    });

    it(`writes ${name} so that OnlineWardleyMaps reads its pipelines (the brace on a line of its own)`, () => {
      for (const line of importMermaid(text).split('\n')) expect(line).not.toMatch(/^\s*pipeline\b.*\{\s*$/);
    });

    it(`exports ${name} back to a text the library reads the same (import, export, parse)`, async () => {
      const again = exportMermaid(importMermaid(text));
      expect(await mermaidReads(again)).toEqual(await mermaidReads(text));
    });
  }
});
