import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as grammarParse } from '../../src/lang/generated/wardley-parser.js';
import { fastLine } from '../../src/lang/fastpath.js';
import { scanLine } from '../../src/lang/lines.js';
import { DECORATOR_WORDS } from '../../src/lang/words.js';
import { corpusDir } from '../conformance/corpus.js';
import { corpus, mapText, mutatedCorpusMap } from './arbitraries.js';

const options = {
  isDecorator: (w: string) => DECORATOR_WORDS.includes(w.toLowerCase()) || /^cost[ \t]+[0-9.]+$/i.test(w),
};

function grammar(code: string): unknown {
  try {
    return grammarParse(code, options);
  } catch {
    return 'error';
  }
}

/** The fast path either declines or gives exactly what the grammar builds. */
function agrees(code: string): void {
  const fast = fastLine(code);
  if (fast !== null) expect(fast).toEqual(grammar(code));
}

const code = (line: string) => scanLine(line, false).code;

describe('the fast path agrees with the grammar', () => {
  it('on every corpus line', () => {
    let taken = 0;
    for (const text of corpus()) {
      for (const line of text.split('\n')) {
        agrees(code(line));
        if (fastLine(code(line))) taken++;
      }
    }
    expect(taken).toBeGreaterThan(corpusDir() ? 400 : 50);
  });

  it('on generated and mutated lines', () => {
    fc.assert(
      fc.property(fc.oneof(mapText, mutatedCorpusMap), (text) => {
        for (const line of text.split('\n')) agrees(code(line));
      }),
      { numRuns: 400 },
    );
  });

  it('on lines built from names, numbers and modifiers', () => {
    const name = fc.string({
      unit: fc.constantFrom(
        'a',
        'B',
        '1',
        ' ',
        '.',
        ',',
        '&',
        '/',
        'label',
        'inertia',
        'url',
        'evolve',
        '-',
        '+',
        'component',
        '(',
        '#',
      ),
      minLength: 1,
      maxLength: 8,
    });
    const n = fc.oneof(
      fc.constantFrom(
        '0',
        '0.5',
        '1.',
        '.25',
        '-3',
        '10',
        '0.50',
        '-0',
        '-.5',
        '007',
        '1e5',
        '.',
        '-',
        '0.123456789012345678',
        '123456789012345.6',
      ),
      fc.double({ min: -2, max: 2, noNaN: true }).map(String),
    );
    const mod = fc.constantFrom(
      '',
      ' inertia',
      ' label [1, -2]',
      ' (build)',
      ' (buy, market)',
      ' ( buy)',
      ' (build,inertia)',
      ' ()',
      ' (a , b)',
    );
    fc.assert(
      fc.property(
        fc.constantFrom('component', 'anchor', '  component'),
        name,
        n,
        n,
        fc.array(mod, { maxLength: 3 }),
        fc.constantFrom('', ' ', '\t'),
        (k, nm, a, b, mods, trail) => {
          agrees(`${k} ${nm} [${a}, ${b}]${mods.join('')}${trail}`);
        },
      ),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(
        name,
        fc.constantFrom('->', '+>', '+<', '+<>'),
        name,
        fc.constantFrom('', ' ', '  '),
        (a, arrow, b, lead) => {
          agrees(`${lead}${a}${arrow}${b}`);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('the model', () => {
  it('is the same whether a line was read by the fast path or the grammar', async () => {
    const { lineCode, parseDoc } = await import('../../src/lang/parse.js');
    const { buildModel } = await import('../../src/model/build/index.js');
    const check = (text: string) => {
      const doc = parseDoc(text);
      const slow = {
        ...doc,
        lines: doc.lines.map((l, i) =>
          l.stmt && fastLine(lineCode(doc, i)) ? { ...l, stmt: grammar(lineCode(doc, i)) as never } : l,
        ),
      };
      expect(buildModel(doc)).toEqual(buildModel(slow));
    };
    for (const text of corpus()) check(text);
    fc.assert(fc.property(fc.oneof(mapText, mutatedCorpusMap), check), { numRuns: 300 });
  });
});
