// Finds the shared conformance corpus (../shared/corpus/owm beside the repository) and counts what a parse produced.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MapModel } from '../../src/model/model.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The corpus folder: $MAPWRIGHT_CORPUS, or shared/corpus/owm beside the repository. */
export function corpusDir(): string {
  const candidates = [process.env.MAPWRIGHT_CORPUS, resolve(here, '../../../shared/corpus/owm'), '/work/shared/corpus/owm'];
  for (const c of candidates) if (c && existsSync(join(c, 'INDEX.md'))) return c;
  throw new Error(`conformance corpus not found (looked in ${candidates.filter(Boolean).join(', ')}); set MAPWRIGHT_CORPUS`);
}

export const GROUPS = ['owm-tests', 'owm-app', 'owm-docs', 'wardley-maps-examples', 'vscode-wardley-maps'];

/** Every corpus map as [group, file name]. */
export function corpusMaps(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const g of GROUPS) for (const f of readdirSync(join(dir, g)).sort()) out.push([g, f]);
  return out;
}

export interface Counts {
  components: number; anchors: number; submaps: number; links: number; evolved: number; pipelines: number
  pipelineChildren: number; notes: number; annotations: number; attitudes: number; accelerators: number
}

export function ourCounts(m: MapModel): Counts {
  const by = (t: string) => m.components.filter((c) => c.type === t).length;
  return {
    components: by('component'), anchors: by('anchor'), submaps: by('submap'), links: m.links.length,
    evolved: m.evolves.length, pipelines: m.pipelines.length, pipelineChildren: by('pipeline-child'),
    notes: m.notes.length, annotations: m.annotations.length, attitudes: m.attitudes.length, accelerators: m.accelerators.length,
  };
}

interface PeerOutput {
  components: unknown[]; anchors: unknown[]; submaps: unknown[]; links: unknown[]; evolved: unknown[]
  pipelines: { components: unknown[] }[]; notes: unknown[]; annotations: unknown[]; attitudes: unknown[]; accelerators: unknown[]
  errors: unknown[]; markets?: unknown[]; ecosystems?: unknown[]
}

export function peerCounts(p: PeerOutput): Counts & { errors: number } {
  return {
    components: p.components.length, anchors: p.anchors.length, submaps: p.submaps.length, links: p.links.length,
    evolved: p.evolved.length, pipelines: p.pipelines.length,
    pipelineChildren: p.pipelines.reduce((n, q) => n + q.components.length, 0),
    notes: p.notes.length, annotations: p.annotations.length, attitudes: p.attitudes.length, accelerators: p.accelerators.length,
    errors: p.errors.length,
  };
}
