// The project's own maps of every class of line practitioners write that OnlineWardleyMaps reads,
// each beside what that tool extracts from it (tests/fixtures/owm/*.expected.json, derived from
// its rules): Mapwright extracts the same elements with the same names, except where a
// divergence is written down with its reason. These run with or without the external corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMap } from '../../src/model/build/index.js';
import { owmView, type OwmView } from './owm-view.js';

const DIR = join(import.meta.dirname, '../fixtures/owm');
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith('.owm'))
  .sort();

interface Expected {
  about: string;
  owm: OwmView & Record<string, unknown>;
  divergences: { what: keyof OwmView; why: string }[];
}

describe('maps practitioners write, read as OnlineWardleyMaps reads them', () => {
  it('has a fixture for every class of line', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of FIXTURES) {
    it(`${file}: the same elements and names as OnlineWardleyMaps, but for written divergences`, () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      const expected = JSON.parse(
        readFileSync(join(DIR, file.replace(/\.owm$/, '.expected.json')), 'utf8'),
      ) as Expected;
      const ours = owmView(parseMap(text, file)) as unknown as Record<string, unknown>;
      const theirs = expected.owm as unknown as Record<string, unknown>;
      const divergent = new Set(expected.divergences.map((d) => d.what as string));
      for (const key of Object.keys(theirs)) {
        if (divergent.has(key))
          expect(ours[key], `${key} is listed as a divergence but agrees`).not.toEqual(theirs[key]);
        else expect(ours[key], key).toEqual(theirs[key]);
      }
    });
  }
});
