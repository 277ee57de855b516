// The words of the map language, once. The grammar (grammar/wardley.peggy) spells its keyword
// rules out, and a test checks them against these lists; everything else (the fast path, the
// model, edits, the highlighter, completion, Mermaid interchange, the editor grammar for VS Code)
// imports them from here.

/** Words that start a statement. */
export const STATEMENT_KEYWORDS = [
  'title',
  'anchor',
  'component',
  'submap',
  'evolve',
  'pipeline',
  'note',
  'annotation',
  'annotations',
  'style',
  'size',
  'evolution',
  'valuechain',
  'y-axis',
  'pioneers',
  'settlers',
  'townplanners',
  'accelerator',
  'deaccelerator',
  'url',
  'market',
  'ecosystem',
  'build',
  'buy',
  'outsource',
] as const;
export type StatementKeyword = (typeof STATEMENT_KEYWORDS)[number];

/** The statements that declare a component (market and ecosystem are the legacy forms). */
export const ELEMENT_KEYWORDS = ['component', 'anchor', 'submap', 'market', 'ecosystem'] as const;

/** Words that follow a name and say something about it: `label [x, y]`, `inertia`, `url(ref)`, `evolve N`. */
export const MODIFIER_WORDS = ['label', 'inertia', 'url', 'evolve'] as const;

/** Sourcing methods, written as decorators `(build)` or, in the legacy form, as `build X` lines. */
export const METHODS = ['build', 'buy', 'outsource'] as const;
export type Method = (typeof METHODS)[number];

/** Decorator words that set a flag on a component. */
export const FLAGS = ['market', 'ecosystem', 'inertia'] as const;

/**
 * What a component is: Mapwright's extension, written as a decorator (`(practice)`), which
 * OnlineWardleyMaps ignores. `technology` is the default and may be written to say so.
 */
export const KINDS = ['technology', 'practice', 'capability', 'data', 'knowledge'] as const;
export type ComponentKind = (typeof KINDS)[number];

/** Every word a decorator group may hold (besides `cost N`). */
export const DECORATOR_WORDS: readonly string[] = [...METHODS, ...FLAGS, ...KINDS];

/** Map styles (`color` is read as `colour`). */
export const STYLES = ['plain', 'wardley', 'colour', 'color', 'handwritten', 'dark'] as const;

/** The attitudes (`pioneers [..]` boxes). */
export const ATTITUDES = ['pioneers', 'settlers', 'townplanners'] as const;

/** The first line of a Mermaid `wardley-beta` text, read and ignored. */
export const MERMAID_HEADER = 'wardley-beta';

/** Link arrows, as written. */
export const ARROWS = ['->', '+>', '+<', '+<>'] as const;

/** Sets of the lists above, to look words up in (lower case). */
export const METHOD_SET: ReadonlySet<string> = new Set(METHODS);
export const FLAG_SET: ReadonlySet<string> = new Set(FLAGS);
export const KIND_SET: ReadonlySet<string> = new Set(KINDS);

const statementKeywords: ReadonlySet<string> = new Set(STATEMENT_KEYWORDS);
const decoratorWords: ReadonlySet<string> = new Set(DECORATOR_WORDS);

/** Whether `word` starts a statement. */
export function isStatementKeyword(word: string): boolean {
  return statementKeywords.has(word);
}

/** Whether `word` (any case) is a decorator word. */
export function isDecoratorWord(word: string): boolean {
  return decoratorWords.has(word.toLowerCase());
}
