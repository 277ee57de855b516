// Conformance with the OnlineWardleyMaps corpus: on every map of it, Mapwright extracts the same
// elements (counts), with the same names, positions and link ends, as that tool's own parser
// (its output is stored beside each map), except for the divergences listed in
// divergences.json, each with its reason. Without the corpus beside the checkout, the project's
// own fixtures (fixtures.test.ts) carry the same checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/lang/names.js';
import { parseMap } from '../../src/model/build/index.js';
import type { MapModel } from '../../src/model/model.js';
import { corpusDir, corpusMaps, ourCounts, peerCounts, type Counts, type PeerOutput } from './corpus.js';
import divergencesJson from './divergences.json' with { type: 'json' };

interface Divergence {
  counts?: Partial<Record<keyof Counts, [number, number]>>;
  names?: string;
  errors?: boolean;
  reason: string;
}
const divergences = divergencesJson as unknown as Record<string, Divergence>;

/** Components and anchors by name and position, and link ends, as comparable strings. */
function ours(m: MapModel): { elements: string[]; links: string[] } {
  return {
    elements: m.components
      .filter((c) => c.type !== 'evolved')
      .map(
        (c) =>
          `${c.type === 'anchor' ? 'anchor' : 'component'} ${nameKey(c.name)} @ ${c.type === 'pipeline-child' ? 'pipeline' : c.visibility}, ${c.maturity}`,
      )
      .sort(),
    links: [...new Set(m.links.map((l) => `${l.from} -> ${l.to}`))].sort(),
  };
}

function theirs(p: PeerOutput): { elements: string[]; links: string[] } {
  const at = (kind: string) => (c: { name: string; visibility: number; maturity: number }) =>
    `${kind} ${nameKey(c.name)} @ ${c.visibility}, ${c.maturity}`;
  return {
    elements: [
      ...p.components.map(at('component')),
      ...p.submaps.map(at('component')),
      ...p.anchors.map(at('anchor')),
      // A pipeline's components sit at its visibility (the peer stores none for them).
      ...p.pipelines.flatMap((q) => q.components.map((c) => `component ${nameKey(c.name)} @ pipeline, ${c.maturity}`)),
    ].sort(),
    links: [...new Set(p.links.map((l) => `${nameKey(l.start)} -> ${nameKey(l.end)}`))].sort(),
  };
}

const dir = corpusDir();

if (dir === null) {
  describe('conformance with the OnlineWardleyMaps corpus', () => {
    it("runs on the project's fixtures instead (the corpus is not beside this checkout)", () => {
      console.log(
        'conformance: no corpus at ../shared/corpus/owm or $MAPWRIGHT_CORPUS: fixtures.test.ts carries the checks',
      );
      expect(corpusDir()).toBeNull();
    });
  });
} else {
  const maps = corpusMaps(dir);
  describe('conformance with the OnlineWardleyMaps corpus', () => {
    it('has all 312 maps', () => {
      expect(maps.length).toBe(312);
    });

    for (const [group, file] of maps) {
      const id = `${group}/${file}`;
      it(`${id}: the peer's elements, names and links, except documented divergences`, () => {
        const text = readFileSync(join(dir, group, file), 'utf8');
        const model = parseMap(text, file);
        const peer = JSON.parse(readFileSync(join(dir, 'peer-output', group, `${file}.json`), 'utf8')) as PeerOutput;
        const pc = peerCounts(peer);
        const oc = ourCounts(model);
        const div = divergences[id];
        const differing: Partial<Record<keyof Counts, [number, number]>> = {};
        for (const key of Object.keys(oc) as (keyof Counts)[])
          if (oc[key] !== pc[key]) differing[key] = [oc[key], pc[key]];
        expect(differing).toEqual(div?.counts ?? {});
        if (div?.names === undefined && div?.counts === undefined) expect(ours(model)).toEqual(theirs(peer));
        else if (div?.names !== undefined)
          expect(ours(model), 'a names divergence is listed but the names agree').not.toEqual(theirs(peer));
        const errors = model.diagnostics.filter((d) => d.severity === 'error');
        if (pc.errors === 0) {
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
}
