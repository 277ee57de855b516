import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMap } from '../../src/model/format.js';
import { parseMap } from '../../src/model/build/index.js';
import { meaning } from '../helpers.js';
import { corpus, mapText, mutatedCorpusMap } from './arbitraries.js';

function checkFormat(text: string): void {
  const once = formatMap(text);
  expect(formatMap(once)).toBe(once);
  expect(meaning(parseMap(once))).toEqual(meaning(parseMap(text)));
}

describe('the formatter', () => {
  it('is idempotent and keeps the model, on every corpus map', () => {
    for (const text of corpus()) checkFormat(text);
  });

  it('is idempotent and keeps the model, on generated and mutated maps', () => {
    fc.assert(fc.property(fc.oneof(mapText, mutatedCorpusMap), checkFormat), { numRuns: 600 });
  });
});
