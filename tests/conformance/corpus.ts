// The conformance corpus (maps in the OnlineWardleyMaps syntax with that tool's reading of each)
// lives outside the repository, beside it in ../shared/corpus/owm, or wherever $MAPWRIGHT_CORPUS
// says. Tests that use it run on it when it is there, and on the project's own maps otherwise.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MapModel } from '../../src/model/model.js';

const root = resolve(import.meta.dirname, '../..');

/** The corpus folder, or null when this checkout has none beside it (or MAPWRIGHT_CORPUS=none). */
export function corpusDir(): string | null {
  if (process.env.MAPWRIGHT_CORPUS === 'none') return null;
  for (const c of [process.env.MAPWRIGHT_CORPUS, resolve(root, '../shared/corpus/owm')]) {
    if (c && existsSync(join(c, 'INDEX.md'))) return c;
  }
  return null;
}

export const GROUPS = ['owm-tests', 'owm-app', 'owm-docs', 'wardley-maps-examples', 'vscode-wardley-maps'];

/** Every corpus map as [group, file name]. */
export function corpusMaps(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const g of GROUPS) for (const f of readdirSync(join(dir, g)).sort()) out.push([g, f]);
  return out;
}

/** Every `.owm` file under a folder of the repository. */
function owmFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...owmFiles(join(dir, e.name)));
    else if (e.name.endsWith('.owm')) out.push(join(dir, e.name));
  }
  return out.sort();
}

let texts: { source: string; texts: string[] } | null = null;

/**
 * The maps the corpus-wide tests run on: the corpus when it is there, else the project's own maps
 * (maps/ and every fixture), which cover every construct of the language by themselves. Says once
 * which it is.
 */
export function testMaps(): { source: string; texts: string[] } {
  if (texts) return texts;
  const dir = corpusDir();
  if (dir)
    texts = {
      source: `the conformance corpus (${dir})`,
      texts: corpusMaps(dir).map(([g, f]) => readFileSync(join(dir, g, f), 'utf8')),
    };
  else
    texts = {
      source: "the project's own maps (no conformance corpus beside this checkout)",
      texts: [...owmFiles(join(root, 'maps')), ...owmFiles(join(root, 'tests/fixtures'))].map((f) =>
        readFileSync(f, 'utf8'),
      ),
    };
  console.log(`corpus-wide tests run on ${texts.source}: ${texts.texts.length} maps`);
  return texts;
}

export interface Counts {
  components: number;
  anchors: number;
  submaps: number;
  links: number;
  evolved: number;
  pipelines: number;
  pipelineChildren: number;
  notes: number;
  annotations: number;
  attitudes: number;
  accelerators: number;
}

export function ourCounts(m: MapModel): Counts {
  const by = (t: string) => m.components.filter((c) => c.type === t).length;
  return {
    components: by('component'),
    anchors: by('anchor'),
    submaps: by('submap'),
    links: m.links.length,
    evolved: m.evolves.length,
    pipelines: m.pipelines.length,
    pipelineChildren: by('pipeline-child'),
    notes: m.notes.length,
    annotations: m.annotations.length,
    attitudes: m.attitudes.length,
    accelerators: m.accelerators.length,
  };
}

export interface PeerOutput {
  components: { name: string; visibility: number; maturity: number }[];
  anchors: { name: string; visibility: number; maturity: number }[];
  submaps: { name: string; visibility: number; maturity: number }[];
  links: { start: string; end: string }[];
  evolved: unknown[];
  pipelines: { components: { name: string; maturity: number }[] }[];
  notes: unknown[];
  annotations: unknown[];
  attitudes: unknown[];
  accelerators: unknown[];
  errors: unknown[];
}

export function peerCounts(p: PeerOutput): Counts & { errors: number } {
  return {
    components: p.components.length,
    anchors: p.anchors.length,
    submaps: p.submaps.length,
    links: p.links.length,
    evolved: p.evolved.length,
    pipelines: p.pipelines.length,
    pipelineChildren: p.pipelines.reduce((n, q) => n + q.components.length, 0),
    notes: p.notes.length,
    annotations: p.annotations.length,
    attitudes: p.attitudes.length,
    accelerators: p.accelerators.length,
    errors: p.errors.length,
  };
}
