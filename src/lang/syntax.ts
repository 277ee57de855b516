// The syntax tree of one line, as the grammar (grammar/wardley.peggy) builds it (the fast path in
// fastpath.ts builds the same nodes for the commonest lines).
// Every `start`/`end` is a 0-based offset into the line; `SyntaxDoc` knows where each line starts.

/** A number as written: its value and its exact text, so edits and the formatter can keep or rewrite it. */
export interface NumberNode {
  readonly value: number;
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

/** `[a, b, ...]` */
export interface NumberListNode {
  readonly numbers: readonly NumberNode[];
  readonly start: number;
  readonly end: number;
}

/** Brackets that do not hold numbers (`[visibility, maturity]`, `[]`, or a `[` never closed). */
export interface BadListNode {
  readonly type: 'badAt';
  readonly raw: string;
  readonly closed: boolean;
  readonly start: number;
  readonly end: number;
}

/** What stands where coordinates are expected. */
export type AnyListNode = NumberListNode | BadListNode;

/** A name as written (`text` is unescaped when `quoted`). */
export interface NameNode {
  readonly text: string;
  readonly quoted: boolean;
  readonly start: number;
  readonly end: number;
}

export interface KeywordNode {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface WordNode {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export type Modifier =
  | { readonly type: 'at'; readonly list: NumberListNode; readonly start: number; readonly end: number }
  | BadListNode
  | { readonly type: 'label'; readonly list: NumberListNode; readonly start: number; readonly end: number }
  | { readonly type: 'inertia'; readonly start: number; readonly end: number }
  | { readonly type: 'url'; readonly ref: string; readonly start: number; readonly end: number }
  | { readonly type: 'evolveTo'; readonly number: NumberNode; readonly start: number; readonly end: number }
  | { readonly type: 'decorators'; readonly words: readonly WordNode[]; readonly start: number; readonly end: number }
  | { readonly type: 'number'; readonly number: NumberNode; readonly start: number; readonly end: number }
  /** Text the statement does not read (OnlineWardleyMaps ignores it too); the model warns. */
  | JunkNode;

/** A run of text after a name that is none of the things a statement reads. */
export interface JunkNode {
  readonly type: 'junk';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface Base {
  readonly start: number;
  readonly end: number;
}

export interface ElementStatement extends Base {
  readonly type: 'element';
  /** component, anchor, submap, or the legacy market / ecosystem. */
  readonly keyword: KeywordNode;
  readonly name: NameNode;
  readonly mods: readonly Modifier[];
}
export interface LegacyMethodStatement extends Base {
  readonly type: 'legacyMethod';
  readonly keyword: KeywordNode;
  readonly name: NameNode;
}
export interface EvolveStatement extends Base {
  readonly type: 'evolve';
  readonly keyword: KeywordNode;
  readonly name: NameNode;
  readonly newName: NameNode | null;
  readonly mods: readonly Modifier[];
}
export interface PipelineStatement extends Base {
  readonly type: 'pipeline';
  readonly keyword: KeywordNode;
  readonly name: NameNode;
  readonly mods: readonly Modifier[];
  readonly brace: Base | null;
}
export interface NoteStatement extends Base {
  readonly type: 'note';
  readonly keyword: KeywordNode;
  readonly text: NameNode;
  readonly mods: readonly Modifier[];
}
export interface AnnotationStatement extends Base {
  readonly type: 'annotation';
  readonly keyword: KeywordNode;
  readonly number: NumberNode;
  readonly points: readonly AnyListNode[];
  readonly text: string | null;
}
export interface AnnotationsStatement extends Base {
  readonly type: 'annotations';
  readonly keyword: KeywordNode;
  readonly at: AnyListNode;
}
export interface TitleStatement extends Base {
  readonly type: 'title';
  readonly keyword: KeywordNode;
  readonly text: string | null;
}
export interface StyleStatement extends Base {
  readonly type: 'style';
  readonly keyword: KeywordNode;
  readonly name: string | null;
}
export interface SizeStatement extends Base {
  readonly type: 'size';
  readonly keyword: KeywordNode;
  readonly dims: AnyListNode;
}
export interface EvolutionStatement extends Base {
  readonly type: 'evolution';
  readonly keyword: KeywordNode;
  readonly hide: boolean;
  readonly labels: readonly WordNode[];
}
export interface ValueChainStatement extends Base {
  readonly type: 'valuechain';
  readonly keyword: KeywordNode;
  readonly hide: boolean;
}
export interface AttitudeStatement extends Base {
  readonly type: 'attitude';
  readonly keyword: KeywordNode;
  readonly box: AnyListNode;
  /** The older form's `width height` after `[v, m]`. */
  readonly size: readonly [NumberNode, NumberNode] | null;
  readonly label: string | null;
}
export interface YAxisStatement extends Base {
  readonly type: 'yaxis';
  readonly keyword: KeywordNode;
  readonly labels: readonly WordNode[];
}
export interface AcceleratorStatement extends Base {
  readonly type: 'accelerator';
  readonly keyword: KeywordNode;
  readonly name: NameNode;
  readonly mods: readonly Modifier[];
}
export interface UrlStatement extends Base {
  readonly type: 'url';
  readonly keyword: KeywordNode;
  readonly name: string;
  readonly address: string;
}
export interface LinkStatement extends Base {
  readonly type: 'link';
  readonly from: NameNode;
  readonly to: NameNode;
  /** `flow` is null for a plain dependency `A->B`; otherwise the direction of `A+>B`, `A+<B`, `A+<>B`. */
  readonly arrow: { readonly flow: '>' | '<' | '<>' | null; readonly label: string | null };
  readonly context: string | null;
}
export interface BlockStatement extends Base {
  readonly type: 'blockOpen' | 'blockClose';
}
export interface HeaderStatement extends Base {
  readonly type: 'header';
}

export type Statement =
  | ElementStatement
  | LegacyMethodStatement
  | EvolveStatement
  | PipelineStatement
  | NoteStatement
  | AnnotationStatement
  | AnnotationsStatement
  | TitleStatement
  | StyleStatement
  | SizeStatement
  | EvolutionStatement
  | ValueChainStatement
  | AttitudeStatement
  | AcceleratorStatement
  | UrlStatement
  | LinkStatement
  | BlockStatement
  | HeaderStatement
  | YAxisStatement;

export type Severity = 'error' | 'warning';

/** A problem found on one line; `start`/`end` are offsets into the line. */
export interface LineDiagnostic {
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** A replacement for [start, end) that fixes the problem, when there is an obvious one. */
  readonly fix?: string;
  /** What kind of problem it is, for tools (`keyword-case`, `unread-text`, `unknown-link`, ...). */
  readonly code?: string;
}

/** What one line parsed to. Shared between documents whose line reads the same. */
export interface LineResult {
  readonly stmt: Statement | null;
  readonly diagnostics: readonly LineDiagnostic[];
}

/** A diagnostic placed in the file: 1-based line and column, 0-based offsets. */
export interface Diagnostic {
  readonly severity: Severity;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly end: number;
  readonly message: string;
  readonly fix?: string;
  readonly code?: string;
}
