import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as grammarParse } from '../../src/dsl/generated/wardley-parser.js';
import { fastLine } from '../../src/dsl/fastpath.js';
import { scanLine } from '../../src/dsl/lines.js';
import { corpus, mapText, mutatedCorpusMap } from './arbitraries.js';

function grammar(code: string): unknown {
  try { return grammarParse(code); } catch { return 'error'; }
}

/** The fast path either declines or builds exactly what the grammar builds. */
function agrees(code: string): void {
  const fast = fastLine(code);
  if (fast !== null) expect(fast).toEqual(grammar(code));
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
    const n = fc.constantFrom('0', '0.5', '1.', '.25', '-3', '10', '0.50');
    const mod = fc.constantFrom('', ' inertia', ' label [1, -2]', ' (build)', ' (buy, market)', ' ( buy)', ' (build,inertia)', ' ()', ' (a , b)');
    fc.assert(fc.property(fc.constantFrom('component', 'anchor', '  component'), name, n, n, fc.array(mod, { maxLength: 3 }), fc.constantFrom('', ' ', '\t'), (k, nm, a, b, mods, trail) => {
      agrees(`${k} ${nm} [${a}, ${b}]${mods.join('')}${trail}`);
    }), { numRuns: 1500 });
    fc.assert(fc.property(name, fc.constantFrom('->', '+>', '+<', '+<>'), name, fc.constantFrom('', ' ', '  '), (a, arrow, b, lead) => {
      agrees(`${lead}${a}${arrow}${b}`);
    }), { numRuns: 1500 });
  });
});
