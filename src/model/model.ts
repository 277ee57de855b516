// The map model: what a map says, independent of how it was written. Built by build.ts; read by
// the analysis, the canvas and the CLI. All values are read-only.
import type { Diagnostic } from '../dsl/syntax.js';
import type { Stage } from './stages.js';

/** Where something is in the text: 1-based line and column, 0-based offsets [offset, end). */
export interface Span { readonly line: number; readonly column: number; readonly offset: number; readonly end: number }

export type ComponentType = 'anchor' | 'component' | 'submap' | 'pipeline-child' | 'evolved';

/**
 * Mapwright's extension: what a component is, written as a word in its decorator group
 * (`component Governance [0.3, 0.2] (practice)`), which OnlineWardleyMaps ignores.
 */
export type ComponentKind = 'technology' | 'practice' | 'capability' | 'data';
export const COMPONENT_KINDS: readonly ComponentKind[] = ['technology', 'practice', 'capability', 'data'];

export type Method = 'build' | 'buy' | 'outsource';
export const METHODS: readonly Method[] = ['build', 'buy', 'outsource'];

export interface Component {
  readonly name: string
  /** The name as compared (see names.ts). */
  readonly key: string
  readonly type: ComponentType
  readonly visibility: number
  readonly maturity: number
  readonly stage: Stage
  readonly kind: ComponentKind
  readonly inertia: boolean
  readonly method: Method | null
  readonly market: boolean
  readonly ecosystem: boolean
  /** Label offset in pixels from `label [x, y]`, or null when the map does not set one. */
  readonly label: { readonly x: number; readonly y: number } | null
  /** Annual cost from the `(cost N)` extension, or null. */
  readonly cost: number | null
  /** False when the line gives no coordinates (OnlineWardleyMaps then places it at [0.9, 0.1]). */
  readonly positioned: boolean
  /** The pipeline a pipeline child belongs to; the component an evolved copy comes from. */
  readonly parent: string | null
  /** Where an evolve arrow takes this component, or null. */
  readonly evolveTo: number | null
  /** For a submap: its `url(ref)`. */
  readonly url: string | null
  readonly line: number
  readonly loc: Span
  readonly nameLoc: Span
}

export interface Link {
  readonly from: string
  readonly to: string
  /** True for a flow (`+>`, `+<`, `+<>`, `+'label'>`). */
  readonly flow: boolean
  readonly direction: 'forward' | 'backward' | 'both' | null
  readonly label: string | null
  readonly context: string | null
  readonly line: number
  readonly loc: Span
}

export interface Evolve {
  readonly name: string
  readonly to: number
  readonly newName: string | null
  readonly line: number
  readonly loc: Span
}

export interface Pipeline {
  readonly name: string
  readonly visibility: number
  readonly maturity1: number
  readonly maturity2: number
  readonly children: readonly string[]
  readonly line: number
  readonly loc: Span
}

export interface Note { readonly text: string; readonly visibility: number; readonly maturity: number; readonly line: number; readonly loc: Span }

export interface Annotation {
  readonly number: number
  readonly points: readonly { readonly visibility: number; readonly maturity: number }[]
  readonly text: string
  readonly line: number
  readonly loc: Span
}

export type AttitudeName = 'pioneers' | 'settlers' | 'townplanners';
export interface Attitude {
  readonly attitude: AttitudeName
  readonly visibility: number
  readonly maturity: number
  readonly visibility2: number
  readonly maturity2: number
  /** The older `[v, m] width height` form's size in pixels, or null. */
  readonly width: number | null
  readonly height: number | null
  readonly label: string | null
  readonly line: number
  readonly loc: Span
}

export interface Accelerator {
  readonly name: string
  readonly deaccelerator: boolean
  readonly visibility: number
  readonly maturity: number
  readonly line: number
  readonly loc: Span
}

export interface UrlRef { readonly name: string; readonly address: string; readonly line: number }

export type StyleName = 'plain' | 'wardley' | 'colour' | 'handwritten' | 'dark';

export interface Presentation {
  readonly style: StyleName
  readonly size: { readonly width: number; readonly height: number } | null
  /** The four evolution-axis labels (the defaults unless the map sets its own). */
  readonly evolutionLabels: readonly string[]
  /** `y-axis Title->Low->High`, or null. */
  readonly valueChainLabels: readonly string[] | null
  readonly showEvolutionAxis: boolean
  readonly showValueChainAxis: boolean
  /** Where the annotations legend goes (`annotations [v, m]`), or null. */
  readonly annotationsAt: { readonly visibility: number; readonly maturity: number } | null
}

export interface MapModel {
  readonly title: string | null
  readonly components: readonly Component[]
  readonly links: readonly Link[]
  readonly evolves: readonly Evolve[]
  readonly pipelines: readonly Pipeline[]
  readonly notes: readonly Note[]
  readonly annotations: readonly Annotation[]
  readonly attitudes: readonly Attitude[]
  readonly accelerators: readonly Accelerator[]
  readonly urls: readonly UrlRef[]
  readonly presentation: Presentation
  /** Syntax and model diagnostics, in text order. */
  readonly diagnostics: readonly Diagnostic[]
}

export const DEFAULT_EVOLUTION_LABELS: readonly string[] = ['Genesis', 'Custom-Built', 'Product (+rental)', 'Commodity (+utility)'];

/**
 * A copy of `c` with `changes`. Use it rather than `{ ...c }`: a component built from a map keeps
 * its spans behind getters (made when read), which an object spread does not copy.
 */
export function withChanges(c: Component, changes: Partial<Component>): Component {
  return { ...c, loc: c.loc, nameLoc: c.nameLoc, ...changes };
}
