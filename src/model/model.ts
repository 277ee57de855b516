// The map model: what a map says, independent of how it was written. Built by build/; read by
// the analysis, the canvas and the CLI. Plain read-only data: copies made with a spread keep
// every field.
import type { Diagnostic } from '../lang/syntax.js';
import { KINDS, METHODS, type ComponentKind, type Method } from '../lang/words.js';
import type { Stage } from './stages.js';

export { KINDS as COMPONENT_KINDS, METHODS, type ComponentKind, type Method };

/** Where something is in the text: 1-based line and column, 0-based offsets [offset, end). */
export interface Span {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly end: number;
}

export type ComponentType = 'anchor' | 'component' | 'submap' | 'pipeline-child' | 'evolved';

/**
 * What part a component plays in the map: a `user` (an anchor, or the top of a map without one),
 * a `need` of a user, `supply` (the value chain that meets needs: the default), an `actor-against`
 * (a threat actor, attacker, competitor: links from it are not dependencies to serve), or a
 * `pipeline` (a pipeline's own component: a class of forms, not one component).
 */
export type Role = 'user' | 'need' | 'supply' | 'actor-against' | 'pipeline';
export const ROLES: readonly Role[] = ['user', 'need', 'supply', 'actor-against', 'pipeline'];

export interface Component {
  readonly name: string;
  /** The name as compared (see names.ts). */
  readonly key: string;
  readonly type: ComponentType;
  readonly visibility: number;
  readonly maturity: number;
  readonly stage: Stage;
  /** What the component is: declared by a decorator (`(practice)`), else inferred (see docs/analysis.md). */
  readonly kind: ComponentKind;
  readonly kindInferred: boolean;
  /** Why it has that kind, in a few words ('declared', 'name: "governance"', 'the map's evolution labels'). */
  readonly kindReason: string;
  /** The part it plays (see Role); inferred unless the map says (an anchor is a user). */
  readonly role: Role;
  readonly roleInferred: boolean;
  readonly roleReason: string;
  readonly inertia: boolean;
  readonly method: Method | null;
  readonly market: boolean;
  readonly ecosystem: boolean;
  /** Label offset in pixels from `label [x, y]`, or null when the map does not set one. */
  readonly label: { readonly x: number; readonly y: number } | null;
  /** Annual cost from the `(cost N)` extension, or null. */
  readonly cost: number | null;
  /** False when the line gives no coordinates (OnlineWardleyMaps then places it at [0.9, 0.1]). */
  readonly positioned: boolean;
  /** The pipeline a pipeline child belongs to; the component an evolved copy comes from. */
  readonly parent: string | null;
  /** Where an evolve arrow takes this component, or null. */
  readonly evolveTo: number | null;
  /** For a submap: its `url(ref)`. */
  readonly url: string | null;
  readonly line: number;
  readonly loc: Span;
  readonly nameLoc: Span;
}

export interface Link {
  readonly from: string;
  readonly to: string;
  /** True for a flow (`+>`, `+<`, `+<>`, `+'label'>`). */
  readonly flow: boolean;
  readonly direction: 'forward' | 'backward' | 'both' | null;
  readonly label: string | null;
  readonly context: string | null;
  readonly line: number;
  readonly loc: Span;
}

export interface Evolve {
  readonly name: string;
  readonly to: number;
  readonly newName: string | null;
  readonly line: number;
  readonly loc: Span;
}

export interface Pipeline {
  readonly name: string;
  readonly visibility: number;
  readonly maturity1: number;
  readonly maturity2: number;
  readonly children: readonly string[];
  readonly line: number;
  readonly loc: Span;
}

export interface Note {
  readonly text: string;
  readonly visibility: number;
  readonly maturity: number;
  readonly line: number;
  readonly loc: Span;
}

export interface Annotation {
  readonly number: number;
  readonly points: readonly { readonly visibility: number; readonly maturity: number }[];
  readonly text: string;
  readonly line: number;
  readonly loc: Span;
}

export type AttitudeName = 'pioneers' | 'settlers' | 'townplanners';
export interface Attitude {
  readonly attitude: AttitudeName;
  readonly visibility: number;
  readonly maturity: number;
  readonly visibility2: number;
  readonly maturity2: number;
  /** The older `[v, m] width height` form's size in pixels, or null. */
  readonly width: number | null;
  readonly height: number | null;
  readonly label: string | null;
  readonly line: number;
  readonly loc: Span;
}

export interface Accelerator {
  readonly name: string;
  readonly deaccelerator: boolean;
  readonly visibility: number;
  readonly maturity: number;
  readonly line: number;
  readonly loc: Span;
}

export interface UrlRef {
  readonly name: string;
  readonly address: string;
  readonly line: number;
}

export type StyleName = 'plain' | 'wardley' | 'colour' | 'handwritten' | 'dark';

export interface Presentation {
  readonly style: StyleName;
  readonly size: { readonly width: number; readonly height: number } | null;
  /** The four evolution-axis labels (the defaults unless the map sets its own). */
  readonly evolutionLabels: readonly string[];
  /** `y-axis Title->Low->High`, or null. */
  readonly valueChainLabels: readonly string[] | null;
  readonly showEvolutionAxis: boolean;
  readonly showValueChainAxis: boolean;
  /** Where the annotations legend goes (`annotations [v, m]`), or null. */
  readonly annotationsAt: { readonly visibility: number; readonly maturity: number } | null;
}

/** What the map leaves unsaid or says twice: the checks behind the map-health diagnostics. */
export interface MapHealth {
  /** Link ends that name no component, with what the author probably meant. */
  /** `meant`: the declared name it most likely meant (a case-only or near spelling), if any. */
  readonly unresolvedLinks: readonly {
    readonly name: string;
    readonly line: number;
    readonly suggestion: string | null;
    readonly meant: string | null;
  }[];
  /** Components with no link at all (not an anchor or a pipeline's child). */
  readonly orphans: readonly string[];
  /** Names declared more than once. */
  readonly duplicates: readonly string[];
  /** Names that differ only in case (`Payment`, `payment`). */
  readonly caseVariants: readonly (readonly string[])[];
  /** True when the map has no anchor and no component reads as a user. */
  readonly noUser: boolean;
}

export interface MapModel {
  readonly title: string | null;
  readonly components: readonly Component[];
  readonly links: readonly Link[];
  readonly evolves: readonly Evolve[];
  readonly pipelines: readonly Pipeline[];
  readonly notes: readonly Note[];
  readonly annotations: readonly Annotation[];
  readonly attitudes: readonly Attitude[];
  readonly accelerators: readonly Accelerator[];
  readonly urls: readonly UrlRef[];
  readonly presentation: Presentation;
  /** Syntax and model diagnostics, in text order. */
  readonly diagnostics: readonly Diagnostic[];
  readonly health: MapHealth;
}

export const DEFAULT_EVOLUTION_LABELS: readonly string[] = [
  'Genesis',
  'Custom-Built',
  'Product (+rental)',
  'Commodity (+utility)',
];

/** A copy of `c` with `changes`. */
export function withChanges(c: Component, changes: Partial<Component>): Component {
  return { ...c, ...changes };
}
