// Text changes as undoable patches. Pure.
import { applyChanges, type TextChange } from '../../lang/edit.js';

/** One undo step: the changes that made it and the changes that take it back. */
export interface Patch {
  readonly changes: readonly TextChange[];
  readonly inverse: readonly TextChange[];
  /** What made the change: `move`, `rename`, `typing`, `undo`, ... */
  readonly origin: string;
  readonly time: number;
}

/** The changes that undo `changes` once they are applied to `before`. */
export function invert(before: string, changes: readonly TextChange[]): TextChange[] {
  const sorted = [...changes].sort((a, b) => a.from - b.from);
  const out: TextChange[] = [];
  let shift = 0;
  for (const c of sorted) {
    const from = c.from + shift;
    out.push({ from, to: from + c.insert.length, insert: before.slice(c.from, c.to) });
    shift += c.insert.length - (c.to - c.from);
  }
  return out;
}

/** The smallest single change that turns `a` into `b` (common prefix and suffix kept). */
export function diffTexts(a: string, b: string): TextChange[] {
  if (a === b) return [];
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  return [{ from: start, to: endA, insert: b.slice(start, endB) }];
}

/** A patch from a text to the text after `changes`. */
export function makePatch(before: string, changes: readonly TextChange[], origin: string, time: number): Patch {
  return { changes, inverse: invert(before, changes), origin, time };
}

/** Merges `next` into `prev` (typing in a burst is one undo step): both as a single diff. */
export function mergePatches(beforePrev: string, prev: Patch, next: Patch): Patch {
  const mid = applyChanges(beforePrev, prev.changes);
  const after = applyChanges(mid, next.changes);
  const changes = diffTexts(beforePrev, after);
  return { changes, inverse: invert(beforePrev, changes), origin: prev.origin, time: next.time };
}
