import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as grammarParse } from '../../src/dsl/generated/wardley-parser.js';
import { CompactTable, compactLine, fastLine } from '../../src/dsl/fastpath.js';
import { scanLine } from '../../src/dsl/lines.js';
import { corpus, mapText, mutatedCorpusMap } from './arbitraries.js';

function grammar(code: string): unknown {
  try { return grammarParse(code); } catch { return 'error'; }
}

/** The fast path and the compact reading either decline or give exactly what the grammar builds. */
function agrees(code: string): void {
  const fast = fastLine(code);
  if (fast !== null) expect(fast).toEqual(grammar(code));
  const compact = compactLine(code);
  // A document keeps the same reading in a table row.
  const table = new CompactTable(2);
  expect(table.read(1, code)).toBe(compact !== null);
  expect(table.line(1, code)).toEqual(compact);
  if (compact !== null) {
    const g = grammar(code) as { type: string; name?: { text: string; start: number; end: number }; from?: { text: string; start: number; end: number }; to?: { text: string; start: number }; start: number; end: number; mods?: { type: string; list: { numbers: { value: number }[] } }[] };
    expect(compact.stmt).toEqual(g);
    expect([compact.start, compact.end]).toEqual([g.start, g.end]);
    if (compact.shape === 'element') {
      expect([compact.name, compact.nameStart, compact.nameEnd]).toEqual([g.name!.text, g.name!.start, g.name!.end]);
      expect([compact.v, compact.m]).toEqual(g.mods![0]!.list.numbers.map((n) => n.value));
      expect(compact.modifiers()).toEqual(g.mods!.slice(1));
    } else {
      expect([compact.name, compact.nameStart, compact.nameEnd, compact.to, compact.toStart]).toEqual([g.from!.text, g.from!.start, g.from!.end, g.to!.text, g.to!.start]);
    }
  }
}

describe('the fast path agrees with the grammar', () => {
  it('on every corpus line', () => {
    let taken = 0;
    for (const text of corpus()) {
      for (const line of text.split('\n')) {
        const code = scanLine(line, false);
        agrees(code);
        if (fastLine(code)) taken++;
      }
    }
    expect(taken).toBeGreaterThan(400);
  });

  it('on generated and mutated lines', () => {
    fc.assert(fc.property(fc.oneof(mapText, mutatedCorpusMap), (text) => {
      for (const line of text.split('\n')) agrees(scanLine(line, false));
    }), { numRuns: 400 });
  });

  it('on lines built from names, numbers and modifiers', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'B', '1', ' ', '.', ',', '&', '/', 'label', 'inertia', 'url', 'evolve', '-', '+', 'component', '(', '#'), minLength: 1, maxLength: 8 });
    const n = fc.oneof(
      fc.constantFrom('0', '0.5', '1.', '.25', '-3', '10', '0.50', '-0', '-.5', '007', '1e5', '.', '-', '0.123456789012345678', '123456789012345.6'),
      fc.double({ min: -2, max: 2, noNaN: true }).map(String),
    );
    const mod = fc.constantFrom('', ' inertia', ' label [1, -2]', ' (build)', ' (buy, market)', ' ( buy)', ' (build,inertia)', ' ()', ' (a , b)');
    fc.assert(fc.property(fc.constantFrom('component', 'anchor', '  component'), name, n, n, fc.array(mod, { maxLength: 3 }), fc.constantFrom('', ' ', '\t'), (k, nm, a, b, mods, trail) => {
      agrees(`${k} ${nm} [${a}, ${b}]${mods.join('')}${trail}`);
    }), { numRuns: 1500 });
    fc.assert(fc.property(name, fc.constantFrom('->', '+>', '+<', '+<>'), name, fc.constantFrom('', ' ', '  '), (a, arrow, b, lead) => {
      agrees(`${lead}${a}${arrow}${b}`);
    }), { numRuns: 1500 });
  });
});

describe('the fast path for evolve and note lines agrees with the grammar', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'B', '1', '0.5', '.', ',', '&', '/', 'label', 'inertia', 'url', 'evolve', '-', '>', '[', '"', '(', '#', 'x'), minLength: 1, maxLength: 6 });
  const words = fc.array(word, { minLength: 0, maxLength: 4 }).map((ws) => ws.join(' '));
  const gap = fc.constantFrom(' ', '  ', '\t', '');
  const n = fc.oneof(fc.constantFrom('0', '0.5', '1.', '.25', '-3', '10', '-0', '1e5', '.', '0.9x', '12'), fc.double({ min: -2, max: 2, noNaN: true }).map(String));

  it('on evolve lines', () => {
    fc.assert(fc.property(fc.constantFrom('', ' ', '\t'), gap, words, gap, n, fc.constantFrom('', ' ', '\t', ' label [1, 2]', ' (build)', ' inertia'), (lead, g1, name, g2, target, tail) => {
      agrees(`${lead}evolve${g1}${name}${g2}${target}${tail}`);
    }), { numRuns: 2000 });
  });

  it('on note lines', () => {
    fc.assert(fc.property(fc.constantFrom('', ' ', '\t'), gap, words, gap, n, fc.constantFrom(', ', ',', ' , '), n, fc.constantFrom('', ' ', '\t', ' (x)', ']'), (lead, g1, text, g2, a, comma, b, tail) => {
      agrees(`${lead}note${g1}${text}${g2}[${a}${comma}${b}]${tail}`);
    }), { numRuns: 2000 });
  });

  it('takes the plain lines and agrees on names the grammar ends early', () => {
    expect(fastLine('evolve Component 12 0.91')).not.toBeNull();
    expect(fastLine('  note Note number 89 [0.12, 0.34]  ')).not.toBeNull();
    for (const line of ['evolve A 12label 0.9', 'evolve A 1evolve 0.9', 'evolve A 3inertia 0.9', 'evolve A inertia 0.9', 'evolve url 0.5', 'evolve A 12 0.9 label [1, 2]', 'note a [1, 2] [0.1, 0.2]']) agrees(line);
  });
});

describe('the model from compact lines', () => {
  it('is the model built from full syntax trees', async () => {
    const { lineResult, parseDoc } = await import('../../src/dsl/parse.js');
    const { buildModel } = await import('../../src/model/build.js');
    const check = (text: string) => {
      const doc = parseDoc(text);
      // The same document with every line as a syntax tree and no compact rows.
      const compact = new CompactTable(doc.lineCount);
      for (let i = 0; i < doc.lineCount; i++) compact.setOther(i, i);
      const others = doc.lines.map((_, i) => { const r = lineResult(doc, i); return { stmt: r.stmt, diagnostics: r.diagnostics }; });
      const plain = { ...doc, others, compact };
      expect(buildModel(doc)).toEqual(buildModel(plain));
    };
    for (const text of corpus()) check(text);
    fc.assert(fc.property(fc.oneof(mapText, mutatedCorpusMap), check), { numRuns: 300 });
    // Decorator groups the model applies without reading them into words: known words, unknown
    // ones, two methods, and flags and kinds in any order, beside inertia and labels.
    const word = fc.constantFrom('build', 'buy', 'outsource', 'market', 'ecosystem', 'inertia', 'practice', 'data', 'capability', 'technology', 'bui', 'builds', 'foo', 'foo bar', 'cost');
    const group = fc.array(word, { minLength: 1, maxLength: 4 }).chain((ws) => fc.constantFrom(', ', ',').map((sep) => ` (${ws.join(sep)})`));
    const tail = fc.array(fc.oneof(group, fc.constantFrom(' inertia', ' label [3, -4]')), { maxLength: 3 }).map((ts) => ts.join(''));
    const line = fc.tuple(fc.constantFrom('component', 'anchor'), fc.constantFrom('A', 'Big Kettle', 'x1'), tail).map(([k, n, t]) => `${k} ${n} [0.4, 0.6]${t}`);
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => check(lines.join('\n'))), { numRuns: 500 });
  });
});
