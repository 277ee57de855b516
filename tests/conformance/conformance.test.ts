import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMap } from '../../src/model/build/index.js';
import { corpusDir, corpusMaps, ourCounts, peerCounts, type Counts } from './corpus.js';
import divergencesJson from './divergences.json' with { type: 'json' };

interface Divergence { counts: Partial<Record<keyof Counts, [number, number]>>; errors?: boolean; reason: string }
const divergences = divergencesJson as unknown as Record<string, Divergence>;

const dir = corpusDir();
const maps = corpusMaps(dir);

describe('conformance with the OnlineWardleyMaps corpus', () => {
  it('has all 312 maps', () => {
    expect(maps.length).toBe(312);
  });

  for (const [group, file] of maps) {
    const id = `${group}/${file}`;
    it(`${id} matches the peer's counts except documented divergences`, () => {
      const text = readFileSync(join(dir, group, file), 'utf8');
      const model = parseMap(text, file);
      const peer = peerCounts(JSON.parse(readFileSync(join(dir, 'peer-output', group, `${file}.json`), 'utf8')));
      const ours = ourCounts(model);
      const div = divergences[id];
      const differing: Partial<Record<keyof Counts, [number, number]>> = {};
      for (const key of Object.keys(ours) as (keyof Counts)[]) {
        if (ours[key] !== peer[key]) differing[key] = [ours[key], peer[key]];
      }
      expect(differing).toEqual(div?.counts ?? {});
      const errors = model.diagnostics.filter((d) => d.severity === 'error');
      if (peer.errors === 0) {
        if (div?.errors) expect(errors.length).toBeGreaterThan(0);
        else expect(errors.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([]);
      }
    });
  }

  it('lists no divergence for a map that is not in the corpus', () => {
    const ids = new Set(maps.map(([g, f]) => `${g}/${f}`));
    expect(Object.keys(divergences).filter((k) => k !== '_about' && !ids.has(k))).toEqual([]);
  });
});
