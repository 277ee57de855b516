import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { runCli } from '../../src/cli/main.js';
import { parseMap } from '../../src/model/build/index.js';
import { buildScene } from '../../src/render/scene.js';
import { sceneToSvg } from '../../src/render/svg.js';
import { findAll, parseXml, textOf, type XmlNode } from '../helpers-xml.js';

const root = join(import.meta.dirname, '../..');
const maps = ['unified-ai-ops.owm'];

function render(text: string, findings = false): string {
  const m = parseMap(text);
  return sceneToSvg(
    buildScene(m, { width: 1200, height: 800 }, { findings: findings ? analyze(m).findings : [] }),
    m.title,
  );
}

/** What a rendering shows, as a tree a snapshot can compare: components with their label and place, and counts of each kind of mark. */
function summary(svg: string): unknown {
  const doc = parseXml(svg);
  const comps = findAll(doc, (n) => n.name === 'g' && n.attrs.class === 'component').map((g) => {
    const shape = g.children.find(
      (c): c is XmlNode =>
        typeof c !== 'string' &&
        (c.name === 'circle' || c.name === 'rect') &&
        (c.attrs.class === 'component' || c.attrs.class === 'submap'),
    );
    return {
      name: g.attrs['data-name'],
      label: textOf(
        g.children.find((c): c is XmlNode => typeof c !== 'string' && c.name === 'text' && c.attrs.class === 'label')!,
      ),
      at: shape ? [shape.attrs.cx ?? shape.attrs.x, shape.attrs.cy ?? shape.attrs.y] : null,
    };
  });
  const classes: Record<string, number> = {};
  for (const n of findAll(doc, (x) => typeof x.attrs.class === 'string'))
    classes[n.attrs.class!] = (classes[n.attrs.class!] ?? 0) + 1;
  return { width: doc.attrs.width, height: doc.attrs.height, components: comps, marks: classes };
}

describe('SVG rendering', () => {
  for (const name of maps) {
    const text = readFileSync(join(root, 'maps', name), 'utf8');
    it(`${name}: well-formed, every component named, same bytes twice`, () => {
      const a = render(text, true);
      expect(render(text, true)).toBe(a);
      const doc = parseXml(a);
      const all = textOf(doc);
      for (const c of parseMap(text).components) expect(all).toContain(c.name);
    });
    it(`${name}: matches the snapshot of its parsed SVG`, async () => {
      await expect(JSON.stringify(summary(render(text, true)), null, 2)).toMatchFileSnapshot(
        join(root, 'tests/fixtures/render', `${name}.svg.json`),
      );
    });
  }

  it('makes only the links of a dragged component when asked, and every overlay all the same', () => {
    const text = readFileSync(join(root, 'maps', 'unified-ai-ops.owm'), 'utf8');
    const m = parseMap(text);
    const findings = analyze(m).findings;
    const frame = { width: 1200, height: 800 };
    const full = buildScene(m, frame, { findings });
    for (const name of ['DataOps', 'Governance & Compliance', 'AI Value']) {
      const dragged = buildScene(m, frame, { findings, linksOf: name });
      const touches = (s: (typeof full.links)[number]) =>
        'ends' in s && s.ends !== undefined && (s.ends[0] === name || s.ends[1] === name);
      expect(dragged.links.filter((s) => s.role !== 'evolve')).toEqual(
        full.links.filter((s) => s.role !== 'evolve' && touches(s)),
      );
      expect(dragged.links.filter((s) => s.role !== 'evolve').length).toBeGreaterThan(0);
      expect(dragged.overlays).toEqual(full.overlays);
      expect(dragged.components).toEqual(full.components);
      expect(dragged.badges).toEqual(full.badges);
    }
  });

  it('escapes names: markup in a name is text', () => {
    const svg = render('title <b>&\ncomponent "<img src=x onerror=alert(1)>" [0.5, 0.5]\nnote a < b & c [0.2, 0.2]');
    const doc = parseXml(svg);
    expect(findAll(doc, (n) => n.name === 'img')).toEqual([]);
    expect(textOf(doc)).toContain('<img src=x onerror=alert(1)>');
    expect(textOf(doc)).toContain('a < b & c');
  });

  it('renders every corpus-style element without breaking the XML', () => {
    const text =
      readFileSync(join(root, 'maps/unified-ai-ops.owm'), 'utf8') +
      '\npioneers [0.9, 0.1, 0.8, 0.2]\nannotation 1 [0.5, 0.5] Note & more\nannotations [0.95, 0.05]\naccelerator Fast [0.3, 0.3]\nsubmap Web [0.8, 0.8] url(w)\nurl w [https://example.org/?a=1&b=2]\n';
    expect(() => parseXml(render(text, true))).not.toThrow();
  });

  it('mapwright render writes the same SVG bytes twice, and refuses a bad output name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapwright-render-'));
    const io = { out: () => {}, err: () => {} };
    expect(await runCli(['render', join(root, 'maps/unified-ai-ops.owm'), '-o', join(dir, 'a.svg')], io)).toBe(0);
    expect(await runCli(['render', join(root, 'maps/unified-ai-ops.owm'), '-o', join(dir, 'b.svg')], io)).toBe(0);
    expect(readFileSync(join(dir, 'a.svg'))).toEqual(readFileSync(join(dir, 'b.svg')));
    expect(await runCli(['render', join(root, 'maps/unified-ai-ops.owm'), '-o', join(dir, 'a.gif')], io)).toBe(2);
  });
});
