// How the text editor and the store stay on one text without either replacing the other's
// document. Typing goes to the store as the typed changes, rebased over whatever the store has
// that the editor does not show yet (a drag's coordinates, which the editor follows at most ten
// times a second); the editor then takes the store's changes mapped over what was typed. Pure:
// CodeMirror's change sets only, no view.
import { ChangeSet } from '@codemirror/state';
import type { TextChange } from '../../lang/edit.js';
import { diffTexts } from './history.js';

/** The smallest change set that turns `a` into `b` (one replacement; empty when equal). */
export function changeSetBetween(a: string, b: string): ChangeSet {
  return ChangeSet.of(
    diffTexts(a, b).map((c) => ({ from: c.from, to: c.to, insert: c.insert })),
    a.length,
  );
}

/** A change set as the store's text changes. */
export function textChangesOf(cs: ChangeSet): TextChange[] {
  const out: TextChange[] = [];
  cs.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    out.push({ from: fromA, to: toA, insert: inserted.toString() });
  });
  return out;
}

/** What to do with a change the user typed (`typed`, on `editorText`) when the store holds `storeText`. */
export interface TypingPlan {
  /** The typed change as it applies to the store's text. */
  readonly toStore: ChangeSet;
  /** What the editor must apply after the typed change to hold what the store will hold (null: nothing). */
  readonly toEditor: ChangeSet | null;
}

/**
 * Rebases a typed change over the store's newer text. When the editor already shows the store's
 * text the change goes as it is. Otherwise both sides converge: the store applies the typed change
 * mapped over what the editor had not shown, and the editor applies that difference mapped over
 * what was typed (CodeMirror's change sets guarantee the two orders give the same text).
 */
export function planTyping(editorText: string, storeText: string, typed: ChangeSet): TypingPlan {
  if (editorText === storeText) return { toStore: typed, toEditor: null };
  const behind = changeSetBetween(editorText, storeText);
  return { toStore: typed.map(behind), toEditor: behind.map(typed, true) };
}
