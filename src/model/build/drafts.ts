// What the passes of a model build hand each other: the model's records while they are filled in.
import type { Modifier, NameNode } from '../../lang/syntax.js';
import type { Method } from '../../lang/words.js';
import type { Component, Pipeline } from '../model.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A component while the passes fill it in (its kind and role are set by derive). */
export type DraftComponent = Mutable<Component>;

/** An evolve line, resolved against the components once all are declared. */
export interface DraftEvolve {
  /** 0-based line. */
  readonly i: number;
  readonly name: NameNode;
  readonly newName: NameNode | null;
  readonly target: number;
  readonly targetStart: number;
  readonly targetEnd: number;
  readonly mods: readonly Modifier[];
}

export type DraftPipeline = Mutable<Pipeline>;

/** The legacy `build X` line. */
export interface LegacyMethod {
  readonly name: NameNode;
  readonly method: Method;
  readonly i: number;
}
