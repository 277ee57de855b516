// Mapwright as a library: read, analyse, format, diff and draw Wardley maps written in the
// OnlineWardleyMaps syntax (with Mapwright's extensions), and convert to and from Mermaid.
// No DOM, no React: runs in Node and in browsers.
import { analyze as analyzeModel, type Analysis } from './analysis/index.js';
import type { PartialOptions } from './analysis/options.js';
import { diffMaps as diffModels, diffToText, type MapDiff } from './diff/diff.js';
import { importMermaid, toMermaid as exportToMermaid, type MermaidExport } from './interchange/mermaid.js';
import { parseMap as parseText } from './model/build/index.js';
import { formatMap as formatText } from './model/format.js';
import { buildScene } from './render/scene.js';
import { sceneToSvg } from './render/svg.js';
import type { MapModel, StyleName } from './model/model.js';

/** Reads a map. Never throws: problems are in `diagnostics` (with line and column), and what could be read is kept. */
export function parseMap(text: string, file?: string): MapModel {
  return parseText(text, file);
}

/** The analysis of a map: findings (each with its rule, components, score and explanation) and the top moves. */
export function analyze(map: MapModel | string, options?: PartialOptions): Analysis {
  return analyzeModel(typeof map === 'string' ? parseText(map) : map, options);
}

/** What changed in meaning between two versions of a map (with the findings that appeared or disappeared). */
export function diffMaps(
  before: MapModel | string,
  after: MapModel | string,
  options: { findings?: boolean } = {},
): MapDiff {
  const a = typeof before === 'string' ? parseText(before) : before;
  const b = typeof after === 'string' ? parseText(after) : after;
  return diffModels(
    a,
    b,
    options.findings === false ? undefined : { before: analyzeModel(a).findings, after: analyzeModel(b).findings },
  );
}

/** A diff as text (`text`, one change per line) or Markdown (`md`, names escaped). */
export function diffText(diff: MapDiff, format: 'text' | 'md' = 'text'): string {
  return diffToText(diff, format);
}

/** The map in its canonical layout. Never changes what the map means, nor a line it cannot read. */
export function formatMap(text: string): string {
  return formatText(text);
}

export interface SvgOptions {
  readonly width?: number;
  readonly height?: number;
  /** Draw the analysis on the map (critical paths, badges), as the editor does. */
  readonly findings?: boolean;
  readonly style?: StyleName;
}

/** The map as a standalone SVG document (the drawing the editor and `mapwright render` make). */
export function renderSvg(map: MapModel | string, options: SvgOptions = {}): string {
  const model = typeof map === 'string' ? parseText(map) : map;
  const width = options.width ?? model.presentation.size?.width ?? 1200;
  const height = options.height ?? model.presentation.size?.height ?? 800;
  const scene = buildScene(
    model,
    { width, height },
    {
      findings: options.findings ? analyzeModel(model).findings : [],
      ...(options.style ? { style: options.style } : {}),
    },
  );
  return sceneToSvg(scene, model.title);
}

/** The map as Mermaid `wardley-beta`, and the lines Mermaid cannot say (kept as `%% mapwright:` comments). */
export function toMermaid(text: string): MermaidExport {
  return exportToMermaid(text);
}

/** A Mermaid `wardley-beta` text in this syntax (what `toMermaid` kept in comments comes back). */
export function fromMermaid(text: string): string {
  return importMermaid(text);
}

export type { Analysis, Diagnosis } from './analysis/index.js';
export type { Finding, FindingKind, Severity } from './analysis/finding.js';
export type { Move as TopMove } from './analysis/recommend.js';
export type { PartialOptions as AnalysisOptions } from './analysis/options.js';
export type { MapDiff } from './diff/diff.js';
export type { LeftOut, MermaidExport } from './interchange/mermaid.js';
export type * from './model/model.js';
