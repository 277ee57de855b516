import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDoc, reparse } from '../../src/lang/parse.js';
import { parseMap } from '../../src/model/build/index.js';
import { mapText, mutatedCorpusMap } from './arbitraries.js';

// At least 10,000 cases in all across these properties (CI runs the same counts).
describe('the parser never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        parseMap(s);
      }),
      { numRuns: 4000 },
    );
  });

  it("on strings made of the language's own characters and keywords", () => {
    const unit = fc.constantFrom(
      'component ',
      'anchor ',
      'evolve ',
      'pipeline ',
      'note ',
      '[',
      ']',
      '(',
      ')',
      '{',
      '}',
      '"',
      '\\',
      '->',
      '+>',
      "+'",
      '<>',
      ';',
      ',',
      '0.5',
      '-1',
      'label ',
      'inertia',
      '/*',
      '*/',
      '//',
      '\n',
      ' ',
      '\t',
      'x',
      '\r',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (s) => {
        parseMap(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('on mutated corpus maps', () => {
    fc.assert(
      fc.property(mutatedCorpusMap, (s) => {
        const m = parseMap(s);
        // Never loses a line: every non-blank line yields a statement or a diagnostic, or is a comment.
        expect(Array.isArray(m.diagnostics)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('incremental re-parse', () => {
  it('equals a full parse after any single edit', () => {
    fc.assert(
      fc.property(
        mapText,
        fc.nat(),
        fc.nat({ max: 20 }),
        fc.string({
          maxLength: 12,
          unit: fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '/*', '*/', '[', '0.3', '{', '}', '//', '\ufeff'),
        }),
        (text, at, del, ins) => {
          const from = at % (text.length + 1);
          const to = Math.min(text.length, from + del);
          const inc = reparse(parseDoc(text), from, to, ins);
          const full = parseDoc(text.slice(0, from) + ins + text.slice(to));
          expect(inc).toEqual(full);
        },
      ),
      { numRuns: 500 },
    );
  });
});
