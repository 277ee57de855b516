import { describe, expect, it } from 'vitest';
import { parseDoc, reparse } from '../../src/lang/parse.js';
import { parseMap } from '../../src/model/build/index.js';
import { nameKey } from '../../src/lang/names.js';
import { stageOf } from '../../src/model/stages.js';
import { corpusDir } from '../conformance/corpus.js';

const names = (text: string) => parseMap(text).components.map((c) => c.name);
/** The diagnostics of reading (map-health checks, tested in health.test.ts, left out). */
const reading = (text: string) => parseMap(text).diagnostics.filter((d) => d.code !== 'orphan' && d.code !== 'no-user');
const diags = (text: string) => reading(text).map((d) => `${d.line}:${d.column}: ${d.severity}: ${d.message}`);

describe('parsing statements', () => {
  it('reads a component with coordinates, label, inertia and combined decorators', () => {
    const [c] = parseMap('component Kettle [0.43, 0.35] label [-57, 4] inertia (build, market)').components;
    expect(c).toMatchObject({
      name: 'Kettle',
      visibility: 0.43,
      maturity: 0.35,
      stage: 'custom-built',
      inertia: true,
      method: 'build',
      market: true,
      label: { x: -57, y: 4 },
    });
  });

  it('does not take inertia from a word inside a name', () => {
    expect(parseMap('component Inertia Alternative [0.1, 0.2]').components[0]!.inertia).toBe(false);
    expect(parseMap('component Legacy inertia system [0.1, 0.2]').components[0]!.name).toBe('Legacy inertia system');
  });

  it('reads quoted names with escapes', () => {
    expect(names('component "Multi\\nline \\"quoted\\" \\\\ name" [0.5, 0.5]')).toEqual([
      'Multi\nline "quoted" \\ name',
    ]);
  });

  it('reads every kind of link and flow', () => {
    const m = parseMap("A->B\nA+>B\nA+<B\nA+<>B\nA+'$5'>B; costs\nA+'x'<>B");
    expect(m.links.map((l) => [l.flow, l.direction, l.label, l.context])).toEqual([
      [false, null, null, null],
      [true, 'forward', null, null],
      [true, 'backward', null, null],
      [true, 'both', null, null],
      [true, 'forward', '$5', 'costs'],
      [true, 'both', 'x', null],
    ]);
  });

  it('reads evolve with a new name, label and decorators', () => {
    const m = parseMap('component Kettle [0.4, 0.3]\nevolve Kettle->Electric Kettle 0.62 label [16, 5] (buy)');
    expect(m.evolves).toMatchObject([{ name: 'Kettle', newName: 'Electric Kettle', to: 0.62 }]);
    expect(m.components[1]).toMatchObject({
      name: 'Electric Kettle',
      type: 'evolved',
      maturity: 0.62,
      visibility: 0.4,
      method: 'buy',
    });
  });

  it('reads names with numbers in evolve lines', () => {
    const m = parseMap('component Component 2 [0.5, 0.2]\nevolve Component 2 0.9');
    expect(m.evolves).toMatchObject([{ name: 'Component 2', to: 0.9 }]);
    expect(m.diagnostics.filter((d) => d.code !== 'orphan' && d.code !== 'no-user')).toEqual([]);
  });

  it('reads pipeline blocks, including the one-line Mermaid form', () => {
    for (const text of [
      'component P [0.5, 0.5]\npipeline P\n{\n  component A [0.2]\n  component B [0.8]\n}',
      'component P [0.5, 0.5]\npipeline P {\n  component A [0.2]\n  component B [0.8]\n}',
    ]) {
      const m = parseMap(text);
      expect(m.pipelines).toMatchObject([
        { name: 'P', children: ['A', 'B'], maturity1: 0.2, maturity2: 0.8, visibility: 0.5 },
      ]);
      expect(m.components.filter((c) => c.type === 'pipeline-child').map((c) => c.visibility)).toEqual([0.5, 0.5]);
      expect(m.diagnostics.filter((d) => d.code !== 'orphan' && d.code !== 'no-user')).toEqual([]);
    }
  });

  it("spans a pipeline without an extent over its children, or puts it at its owner's maturity when it has none", () => {
    const m = parseMap(
      'component P [0.5, 0.4]\npipeline P\n{\n  component A [0.7]\n  component B [0.1]\n  component C [0.3]\n}\ncomponent Q [0.6, 0.35]\npipeline Q\n{\n}',
    );
    expect(m.pipelines).toMatchObject([
      { name: 'P', maturity1: 0.1, maturity2: 0.7 },
      { name: 'Q', children: [], maturity1: 0.35, maturity2: 0.35 },
    ]);
  });

  it('reads notes, annotations, attitudes, accelerators, submaps, urls and presentation', () => {
    const m = parseMap(
      [
        'title Tea Shop',
        'style wardley',
        'size [800, 600]',
        'evolution Uncharted->Emerging->Good->Best',
        'valuechain --hide',
        'note +a note [0.2, 0.3]',
        'annotation 1 [[0.1, 0.2], [0.3, 0.4]] Text',
        'annotations [0.9, 0.1]',
        'pioneers [0.9, 0.1, 0.8, 0.2]',
        'settlers [0.9, 0.3] 120 30',
        'accelerator Fast [0.5, 0.5]',
        'deaccelerator Slow [0.5, 0.5]',
        'submap Website [0.83, 0.50] url(site)',
        'url site [https://example.org/x]',
      ].join('\n'),
    );
    expect(m.title).toBe('Tea Shop');
    expect(m.presentation).toMatchObject({
      style: 'wardley',
      size: { width: 800, height: 600 },
      evolutionLabels: ['Uncharted', 'Emerging', 'Good', 'Best'],
      showValueChainAxis: false,
      annotationsAt: { visibility: 0.9, maturity: 0.1 },
    });
    expect(m.notes[0]!.text).toBe('+a note');
    expect(m.annotations[0]!.points).toHaveLength(2);
    expect(m.attitudes.map((a) => [a.attitude, a.width])).toEqual([
      ['pioneers', null],
      ['settlers', 120],
    ]);
    expect(m.accelerators.map((a) => a.deaccelerator)).toEqual([false, true]);
    expect(m.components[0]).toMatchObject({ type: 'submap', url: 'site' });
    expect(m.urls[0]!.address).toBe('https://example.org/x');
    expect(m.diagnostics.filter((d) => d.code !== 'orphan' && d.code !== 'no-user')).toEqual([]);
  });

  it('reads legacy forms as their modern equivalents, with a deprecation warning', () => {
    const m = parseMap('market Shop [0.5, 0.5]\ncomponent K [0.2, 0.2]\nbuild K');
    expect(m.components.map((c) => [c.name, c.market, c.method])).toEqual([
      ['Shop', true, null],
      ['K', false, 'build'],
    ]);
    expect(reading('market Shop [0.5, 0.5]\ncomponent K [0.2, 0.2]\nbuild K').map((d) => d.message)).toEqual([
      expect.stringContaining('deprecated'),
      expect.stringContaining('deprecated'),
    ]);
  });

  it('reads component kinds and cost from the decorator group', () => {
    const m = parseMap('component Governance [0.3, 0.2] (practice)\ncomponent Cloud [0.2, 0.9] (buy, cost 120000)');
    expect(m.components.map((c) => [c.kind, c.method, c.cost])).toEqual([
      ['practice', null, null],
      ['technology', 'buy', 120000],
    ]);
  });

  it('treats __proto__ and constructor as plain names', () => {
    const m = parseMap('component __proto__ [0.5, 0.5]\ncomponent constructor [0.4, 0.4]\n__proto__->constructor');
    expect(m.components.map((c) => c.name)).toEqual(['__proto__', 'constructor']);
    expect(m.diagnostics.filter((d) => d.code !== 'orphan' && d.code !== 'no-user')).toEqual([]);
  });

  it('compares names trimmed and with whitespace collapsed', () => {
    expect(nameKey('  Cup   of\tTea ')).toBe('Cup of Tea');
    expect(
      parseMap('component Cup of Tea [0.5, 0.5]\ncomponent Water [0.3, 0.3]\nCup  of Tea->Water').diagnostics,
    ).toEqual([]);
  });
});

describe('diagnostics', () => {
  it('reports each broken line with line:col and carries on', () => {
    expect(
      diags('title T\ncomponent A [0.5, 0.5\nfoo bar\ncomponent B [0.3, 0.2]\nanchor [0.1]\nanchor U [0.1]'),
    ).toEqual([
      "2:13: warning: the '[' of coordinates [visibility, maturity] is never closed with ']': placed at the default position",
      "3:1: error: unknown statement 'foo': expected a keyword (title, anchor, component, submap, evolve, pipeline, ...) or a link such as 'A->B'",
      "5:8: error: expected a name but found '['",
      '6:10: warning: coordinates [visibility, maturity] takes 2 numbers but has 1: the rest default to 0.10, as OnlineWardleyMaps reads it',
    ]);
    expect(names('title T\ncomponent A [0.5, 0.5\nfoo bar\ncomponent B [0.3, 0.2]')).toEqual(['A', 'B']);
  });

  it('counts lines and columns in the original text after block comments', () => {
    expect(diags('/* a\n comment */ component A [0.5, 0.5]\n/* x */ nonsense here')).toEqual([
      "3:9: error: unknown statement 'nonsense': expected a keyword (title, anchor, component, submap, evolve, pipeline, ...) or a link such as 'A->B'",
    ]);
    expect(
      names('/* component Hidden [0.1, 0.1] */\ncomponent A [0.5, 0.5] // trailing\n// component Gone [0.1, 0.1]'),
    ).toEqual(['A']);
  });

  it('keeps // inside urls and notes', () => {
    const m = parseMap('url u [https://example.org/a]\nnote see http://x.org [0.2, 0.2]');
    expect(m.urls[0]!.address).toBe('https://example.org/a');
    expect(m.notes[0]!.text).toBe('see http://x.org');
  });

  it('warns about unknown link ends, duplicates, out-of-range coordinates, evolve problems, wrong-case keywords', () => {
    expect(
      diags('component A [0.5, 0.5]\ncomponent A [1.5, 0.2]\nA->Z\nevolve A 0.1\nevolve Q 0.9\nComponent B [0.2, 0.2]'),
    ).toEqual([
      "2:11: warning: duplicate component name 'A' (first on line 1): links to it are ambiguous",
      '2:14: warning: coordinate 1.5 is outside [0, 1]: it will be drawn off the map',
      "3:4: warning: link to 'Z', which is not a component of this map: did you mean 'A'?",
      "4:10: warning: evolve target 0.1 is behind 'A' (at 0.5): evolution moves right (a new form of it is better drawn as a component of its own)",
      "5:8: warning: evolve of 'Q', which is not a component of this map",
      "6:1: warning: keywords are lowercase: write 'component' instead of 'Component'",
    ]);
    expect(parseMap('Component B [0.2, 0.2]').diagnostics[0]!.fix).toBe('component');
  });

  it('reports an unclosed pipeline block and a stray brace', () => {
    expect(diags('component P [0.5, 0.5]\npipeline P\n{\ncomponent A [0.3]')).toEqual([
      "2:1: warning: this pipeline's block is never closed with '}': it runs to the end of the map",
    ]);
    expect(diags('}')).toEqual(["1:1: error: '}' closes nothing: no pipeline block is open"]);
  });
});

describe('stages', () => {
  it('uses the boundaries 0.175, 0.40, 0.70', () => {
    expect([0, 0.174, 0.175, 0.399, 0.4, 0.699, 0.7, 1].map(stageOf)).toEqual([
      'genesis',
      'genesis',
      'custom-built',
      'custom-built',
      'product',
      'product',
      'commodity',
      'commodity',
    ]);
  });
});

describe('incremental re-parse', () => {
  it('gives the same result as a full parse after edits that open and close block comments', () => {
    const text = 'component A [0.1, 0.2]\ncomponent B [0.3, 0.4]\ncomponent C [0.5, 0.6]\nA->B\n';
    let doc = parseDoc(text);
    const steps: [number, number, string][] = [
      [0, 0, '/* '],
      [30, 30, ' */'],
      [0, 3, ''],
      [5, 9, 'x\ny\n'],
    ];
    for (const [from, to, insert] of steps) {
      doc = reparse(doc, from, to, insert);
      expect(doc).toEqual(parseDoc(doc.text));
    }
  });
});

describe('model spans', () => {
  it('give line, column and offsets of components, their names, links and evolved copies', () => {
    const text =
      'title T\n  component  Api Gateway [0.5, 0.4] (build)\nanchor User [0.9, 0.5]\nUser->Api Gateway\n"Q"->"R"; why\nevolve Api Gateway->Mesh 0.8\n';
    const m = parseMap(text);
    const at = (s: { line: number; column: number; offset: number; end: number }) => [
      s.line,
      s.column,
      text.slice(s.offset, s.end),
    ];
    const api = m.components.find((c) => c.name === 'Api Gateway')!;
    expect(at(api.loc)).toEqual([2, 3, 'component  Api Gateway [0.5, 0.4] (build)']);
    expect(at(api.nameLoc)).toEqual([2, 14, 'Api Gateway']);
    expect(at(m.components.find((c) => c.name === 'User')!.nameLoc)).toEqual([3, 8, 'User']);
    expect(m.links.map((l) => at(l.loc))).toEqual([
      [4, 1, 'User->Api Gateway'],
      [5, 1, '"Q"->"R"; why'],
    ]);
    const mesh = m.components.find((c) => c.name === 'Mesh')!;
    expect([mesh.type, mesh.visibility, mesh.maturity, mesh.method, mesh.parent]).toEqual([
      'evolved',
      0.5,
      0.8,
      'build',
      'Api Gateway',
    ]);
    expect(at(mesh.loc)).toEqual([6, 1, 'evolve Api Gateway->Mesh 0.8']);
    expect(at(mesh.nameLoc)).toEqual([6, 21, 'Mesh']);
  });
});

describe('model spans in every map', () => {
  it('cover each name, statement and evolve line, whichever way the line was read', async () => {
    const { corpus, ownMaps } = await import('../property/arbitraries.js');
    const text0 =
      'component K [0.5, 0.2] evolve 0.7\nevolve K 0.9\npipeline K\n{\n  component Stage [0.3]\n}\ncomponent L [0.4, 0.4] // note\nL->K // why\n';
    let checked = 0;
    for (const text of [text0, ...ownMaps(), ...corpus()]) {
      const m = parseMap(text);
      const lines = text.split('\n');
      const unquote = (s: string) =>
        s.length >= 2 && s.startsWith('"') && s.endsWith('"')
          ? s.slice(1, -1).replace(/\\(.)/g, (_, ch: string) => (ch === 'n' ? '\n' : ch))
          : s;
      for (const c of m.components) {
        const line = lines[c.line - 1]!;
        const name = text.slice(c.nameLoc.offset, c.nameLoc.end);
        expect([c.nameLoc.line, c.loc.line]).toEqual([c.line, c.line]);
        expect(nameKey(unquote(name))).toBe(
          c.type === 'evolved' && c.key !== nameKey(unquote(name)) ? nameKey(unquote(name)) : c.key,
        );
        if (c.type === 'evolved') expect(text.slice(c.loc.offset, c.loc.end)).toBe(line.replace(/\r$/, ''));
        else expect(text.slice(c.loc.offset, c.loc.end)).toContain(name);
        checked++;
      }
      for (const l of m.links) expect(text.slice(l.loc.offset, l.loc.end)).toMatch(/->|\+/);
    }
    expect(checked).toBeGreaterThan(corpusDir() ? 500 : 100);
  });
});

describe('copies of components', () => {
  it('keep their spans', async () => {
    const { withChanges } = await import('../../src/model/model.js');
    const { projectModel } = await import('../../src/learn/projection.js');
    const { commoditise } = await import('../../src/learn/whatif.js');
    const text = 'component A [0.5, 0.2]\ncomponent B [0.4, 0.3]\nA->B\n';
    const m = parseMap(text);
    const a = m.components[0]!;
    const copy = withChanges(a, { maturity: 0.9 });
    expect([copy.maturity, copy.loc, copy.nameLoc]).toEqual([0.9, a.loc, a.nameLoc]);
    for (const model of [projectModel(m, 1), commoditise(m, 'A')]) {
      for (const c of model.components) expect(text.slice(c.nameLoc.offset, c.nameLoc.end)).toBe(c.name);
    }
  });
});
